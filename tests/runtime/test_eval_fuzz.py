"""Evaluating generated expressions gives values or PowerShell error records,
never an internal Python exception (which would surface as InternalError)."""
from hypothesis import given, settings, strategies as st, HealthCheck

from pshim.testing import run

atoms = st.sampled_from(["1", "0", "-3", "2.5", "'a'", "'10'", "$null", "$true", "@()", "@(1,2)", "@{a=1}",
                         "(1..3)", "[int]'4'", "'x,y'", "[pscustomobject]@{p=1}", "(Get-Date)", "$x",
                         "'abc'.Length", "[datetime]'2020-01-01'", "0x10", "1KB", "[char]'c'", "[long]5"])
ops = st.sampled_from(["+", "-", "*", "/", "%", "-eq", "-ne", "-gt", "-lt", "-like", "-match", "-contains",
                       "-in", "-join", "-split", "-replace", "-f", "-band", "-shl", "-and", "-or", "-is",
                       "-as", ".."])


@st.composite
def expressions(draw, depth=0):
    if depth > 2 or draw(st.booleans()):
        return draw(atoms)
    left = draw(expressions(depth + 1))
    right = draw(expressions(depth + 1))
    op = draw(ops)
    if op in ("-is", "-as"):
        right = draw(st.sampled_from(["[int]", "[string]", "[datetime]", "[hashtable]"]))
    return f"({left} {op} {right})"


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(expressions())
def test_eval_fuzz(expr):
    r = run("$x = 3; " + expr)
    for e in r.errors:
        assert e.FullyQualifiedErrorId != "InternalError", (expr, e.message())
