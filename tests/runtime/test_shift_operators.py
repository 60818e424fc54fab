"""-shl / -shr follow .NET shifts: the left operand's integer type is kept and the
count is masked to 5 bits (32-bit operands) or 6 bits (64-bit operands)."""
import pytest

from pshim.testing import run


def value_and_type(script):
    r = run(f"$v = {script}; $v; $v.GetType().FullName")
    assert not r.errors, r.error_text
    return tuple(int(x) if not isinstance(x, str) else x for x in r.output)


@pytest.mark.parametrize("script, value, type_name", [
    ("1 -shl 4", 16, "System.Int32"),
    ("1 -shl 33", 2, "System.Int32"),            # Int32 count masked to 5 bits
    ("1 -shl 32", 1, "System.Int32"),
    ("1 -shl 31", -2147483648, "System.Int32"),  # wraps, does not widen
    ("[long]1 -shl 33", 8589934592, "System.Int64"),
    ("[long]1 -shl 65", 2, "System.Int64"),      # Int64 count masked to 6 bits
    ("-8 -shr 1", -4, "System.Int32"),           # arithmetic shift
    ("-8 -shr 33", -4, "System.Int32"),
    ("[long]-1 -shr 70", -1, "System.Int64"),
    ("[uint32]1 -shl 31", 2147483648, "System.UInt32"),
    ("[uint64]1 -shl 63", 2 ** 63, "System.UInt64"),
    ("5000000000 -shr 1", 2500000000, "System.Int64"),
    ("2.5 -shl 1", 4, "System.Int32"),           # banker's rounding to Int32 first
    ("3.5 -shl 1", 8, "System.Int32"),
    ("'8' -shr 1", 4, "System.Int32"),
    ("1 -shl 3.6", 16, "System.Int32"),          # the count is converted to Int32
])
def test_shift(script, value, type_name):
    assert value_and_type(script) == (value, type_name)


def test_null_shifts_to_zero():
    r = run("$null -shl 3")
    assert r.output == [0]
