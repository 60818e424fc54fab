"""Trace-Command: no trace sources in pshim, said in an error record; the expression still runs."""
from pshim.testing import run


def test_error_record_then_the_expression_runs():
    r = run("$x = Trace-Command -Name ParameterBinding, TypeConversion -Expression { 'a', 'b' } -PSHost; $x")
    assert r.output == ["a", "b"]
    assert [e.FullyQualifiedErrorId for e in r.errors] == \
        ["TraceSourceNotAvailable,Microsoft.PowerShell.Commands.TraceCommandCommand"] * 2
    assert r.errors[0].message() == ("Cannot trace 'ParameterBinding': pshim has no trace sources, so no trace "
                                     "messages are written to the host. The expression runs without tracing.")


def test_pipeline_input_reaches_the_expression():
    r = run("1, 2 | Trace-Command -Name * -Expression { process { $_ * 10 } } -ErrorAction SilentlyContinue")
    assert r.output == [10, 20]
