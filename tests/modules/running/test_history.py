"""The session history: the interactive shell records each line it runs; Get-/Add-/Clear-/Invoke-History
work on those entries as 5.1's do; the line editor's Up arrow reads the same entries."""
import asyncio
import datetime as dt

from pshim.host.repl import run_repl
from pshim.testing import new_session, run


class Lines:
    """A reader that types the given lines at the prompt, then Ctrl+D."""

    def __init__(self, lines):
        self.lines = list(lines)

    def read(self, prompt):
        if not self.lines:
            raise EOFError
        return self.lines.pop(0)


def repl(*lines):
    s = new_session()
    run_repl(s, nologo=True, reader=Lines(lines))
    return s


def entries(s):
    return [(int(e.Id), e.CommandLine, e.status) for e in s.history.entries]


def test_each_line_becomes_an_entry_with_status_and_times():
    before = dt.datetime.now()
    s = repl("1+1", "Get-Item C:\\no\\such\\file", "throw 'boom'", "$x = (")
    assert entries(s) == [(1, "1+1", "Completed"), (2, "Get-Item C:\\no\\such\\file", "Completed"),
                          (3, "throw 'boom'", "Failed"), (4, "$x = (", "Failed")]
    e = s.history.entries[0]
    assert before <= e.StartExecutionTime <= e.EndExecutionTime <= dt.datetime.now()
    r = run("$h = Get-History -Id 3; $h.ExecutionStatus.GetType().FullName; \"$($h.ExecutionStatus)\"; "
            "$h.Id.GetType().FullName; \"$h\"", session=s)
    assert r.output == ["System.Management.Automation.Runspaces.PipelineState", "Failed", "System.Int64",
                        "throw 'boom'"]


def test_scripts_and_commands_are_not_history():
    r = run("Get-Date | Out-Null; Get-History")
    assert r.output == []


def test_get_history_view_count_and_missing_id():
    s = repl("'a'", "'b'", "'c'", "Get-History -Count 2 | Format-Table -AutoSize", "Get-History 9")
    text = "\n".join(ln.rstrip() for ln in s.host.text.split("\n"))
    assert "Id CommandLine\n-- -----------\n 2 'b'\n 3 'c'\n" in text
    assert "Get-History : Cannot locate history for Id 9." in s.host.error_text
    assert "GetHistoryNoHistoryForId,Microsoft.PowerShell.Commands.GetHistoryCommand" in s.host.error_text


def test_default_view_is_id_and_commandline():
    s = repl("'a'")
    r = run("Get-History | Out-String -Width 40", session=s)
    assert [ln.rstrip() for ln in r.output[0].split("\n")][:5] == ["", "  Id CommandLine", "  -- -----------",
                                                                    "   1 'a'", ""]


def test_invoke_history_runs_the_line_and_records_it_in_its_place():
    s = repl("'one'", "$n = 41", "r 1", "ihy '$n'", "$n", "Invoke-History")
    out = s.host.text
    assert out.count("one") == 3        # the output, then r echoes the line and runs it
    assert "'one'\none\n" in out
    assert entries(s)[2:] == [(3, "'one'", "Completed"), (4, "$n = 41", "Completed"), (5, "$n", "Completed"),
                              (6, "$n", "Completed")]
    assert out.rstrip().endswith("41\n$n\n41")


def test_invoke_history_errors():
    s = repl("Invoke-History")
    assert "Cannot locate most recent history." in s.host.error_text
    s = repl("'x'", "r 7", "r nothing-like-this")
    assert "Cannot locate history for Id 7." in s.host.error_text
    assert "Cannot locate history for commandline nothing-like-this." in s.host.error_text


def test_add_history_from_objects_and_passthru():
    s = new_session()
    r = run("$t = Get-Date '2024-01-02 03:04:05'\n"
            "$e = [pscustomobject]@{CommandLine='Get-Thing'; ExecutionStatus='Completed'; "
            "StartExecutionTime=$t; EndExecutionTime=$t.AddSeconds(2)}\n"
            "$e, $e | Add-History -PassThru | ForEach-Object { \"$($_.Id) $($_.CommandLine) $($_.ExecutionStatus)\" }\n"
            "Add-History -InputObject ([pscustomobject]@{CommandLine='x'})", session=s)
    assert r.output == ["1 Get-Thing Completed", "2 Get-Thing Completed"]
    assert [e.message() for e in r.errors] == [
        "Cannot add history because the input object has a format that is not valid."]
    assert (s.history.entries[0].EndExecutionTime - s.history.entries[0].StartExecutionTime).seconds == 2


def test_history_moves_between_sessions_with_add_history(tmp_path):
    path = tmp_path / "hist.xml"
    s = repl("'a'", "'b'")
    r = run(f"Get-History | Export-Clixml '{path}'", session=s)
    assert r.errors == []
    s2 = new_session()
    r = run(f"Import-Clixml '{path}' | Add-History; Get-History | ForEach-Object CommandLine", session=s2)
    assert r.errors == [] and r.output == ["'a'", "'b'"]


def test_clear_history_forms():
    lines = [f"'{c}'" for c in "abcdefg"]
    s = repl(*lines)
    run("Clear-History -Id 2,4", session=s)
    assert [i for i, _, _ in entries(s)] == [1, 3, 5, 6, 7]
    run("Clear-History -Count 2", session=s)
    assert [i for i, _, _ in entries(s)] == [5, 6, 7]
    run("Clear-History -Count 1 -Newest", session=s)
    assert [i for i, _, _ in entries(s)] == [5, 6]
    run("Clear-History -CommandLine \"'f*\"", session=s)
    assert [i for i, _, _ in entries(s)] == [5]
    r = run("Clear-History -WhatIf; Clear-History -Id 99", session=s)
    assert 'What if: Performing the operation "Clear-History" on target "This command will clear all the ' \
           'entries from the session history."' in r.host_text
    assert [e.message() for e in r.errors] == ["Cannot locate history for Id 99."]
    run("Clear-History", session=s)
    assert entries(s) == []
    s.run("'next'", add_to_history=True)
    assert entries(s) == [(8, "'next'", "Completed")]     # ids are never reused


def test_maximum_history_count_keeps_the_newest():
    s = repl("$MaximumHistoryCount = 3", "'a'", "'b'", "'c'")
    assert [c for _, c, _ in entries(s)] == ["'a'", "'b'", "'c'"]


def test_line_editor_recall_reads_the_session_history(tmp_path):
    from pshim.host.ptk import SessionHistory
    path = tmp_path / "history.txt"
    path.write_text("\n# 2024-01-01\n+earlier session line\n")
    s = repl("'a'", "'b'")
    h = SessionHistory(s, str(path))

    async def recall():
        return [x async for x in h.load()]
    assert asyncio.run(recall()) == ["'b'", "'a'", "earlier session line"]
    run("Clear-History -Id 1; Add-History -InputObject (Get-History -Id 2 | Select-Object CommandLine, "
        "ExecutionStatus, StartExecutionTime, @{n='EndExecutionTime';e={$_.EndExecutionTime}})", session=s)
    assert asyncio.run(recall()) == ["'b'", "'b'", "earlier session line"]
    h.append_string("typed now")
    assert "typed now" in path.read_text()
