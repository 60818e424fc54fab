"""Format-Table/-List/-Wide -ShowError: a failing property expression is an error record in the output."""
from pshim.testing import run


def test_show_error_puts_the_failure_after_the_row():
    r = run("Get-Date -Date 2024-02-03 | Format-Table DayOfWeek,{ throw 'boom' } -ShowError", capture_output=False)
    assert r.error_text == ""
    text = r.host_text
    assert 'Failed to evaluate expression " throw \'boom\' ".' in text
    assert "PSPropertyExpressionError" in text
    assert text.index("Saturday") < text.index("Failed to evaluate")


def test_show_error_record_in_the_packets():
    for cmd in ("Format-Table", "Format-List", "Format-Wide"):
        r = run(f"$o = @(Get-Date | {cmd} {{ throw 'boom' }} -ShowError); "
                "$e = $o | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }; "
                "@($e).Count; $e.FullyQualifiedErrorId; $e.CategoryInfo.Category")
        assert r.output == [1, "PSPropertyExpressionError", "InvalidArgument"], cmd


def test_without_show_error_the_cell_is_empty():
    r = run("@(Get-Date | Format-Table DayOfWeek,{ throw 'boom' }) | "
            "Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Measure-Object | "
            "ForEach-Object Count")
    assert r.output == [0]


def test_out_default_transcript_is_not_declared():
    r = run("1 | Out-Default -Transcript")
    assert "A parameter cannot be found that matches parameter name 'Transcript'" in r.error_text
