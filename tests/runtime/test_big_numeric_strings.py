"""A numeric string longer than any integer type (found by the evaluation fuzz test) converts without an internal
error: arithmetic sees a double, a cast to [int] is a cast error."""
from pshim.testing import run


def test_a_6000_digit_string_in_arithmetic_and_casts():
    r = run("1 + ('10' * 3072)")
    assert not r.errors and r.output == [float("inf")]
    r = run("[int]('9' * 500)")
    assert r.errors and r.errors[0].FullyQualifiedErrorId != "InternalError"
    assert r.errors[0].message().startswith('Cannot convert value "999')
