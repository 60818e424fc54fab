"""Write-Progress: binding and validation as 5.1, the records the host receives, the block a console
shows (BufferHost renders what ConsoleHost draws), and nothing in redirected output."""
import os
import subprocess
import sys

import pytest

from pshim.testing import run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def records(script, **kw):
    r = run(script, **kw)
    assert not r.errors, r.error_text
    return [(sid, x.ActivityId, x.ParentActivityId, x.Activity, x.StatusDescription, x.CurrentOperation,
             x.PercentComplete, x.SecondsRemaining, x.RecordType) for sid, x in r.host.progress]


# ---------------------------------------------------------------------------
# binding

def test_defaults_and_positions():
    assert records("Write-Progress -Activity Copying") == [
        (0, 0, -1, "Copying", "Processing", None, -1, -1, "Processing")]
    assert records("Write-Progress Copying 'file 3 of 9' 4") == [
        (0, 4, -1, "Copying", "file 3 of 9", None, -1, -1, "Processing")]


def test_every_parameter_reaches_the_record():
    assert records("Write-Progress -Activity A -Status S -Id 2 -ParentId 1 -PercentComplete 40 "
                   "-SecondsRemaining 75 -CurrentOperation 'reading x' -SourceId 9") == [
        (9, 2, 1, "A", "S", "reading x", 40, 75, "Processing")]
    assert records("Write-Progress A -Completed") == [(0, 0, -1, "A", "Processing", None, -1, -1, "Completed")]
    assert records("Write-Progress A -PercentComplete -1 -SecondsRemaining -5 -ParentId -1")[0][6:8] == (-1, -5)


def test_activity_is_mandatory():
    r = run("Write-Progress", interactive=False)
    assert r.errors[0].FullyQualifiedErrorId == \
        "MissingMandatoryParameter,Microsoft.PowerShell.Commands.WriteProgressCommand"
    assert r.host.progress == []
    r = run("Write-Progress", answers=["Working"])
    assert "Supply values for the following parameters:\nActivity: Working" in r.host_text
    assert [x.Activity for _, x in r.host.progress] == ["Working"]
    r = run("Write-Progress -Activity ''")
    assert r.errors[0].message() == "Cannot bind argument to parameter 'Activity' because it is an empty string."


@pytest.mark.parametrize("args, message", [
    ("-Status ''", "Cannot validate argument on parameter 'Status'. The argument is null or empty. Provide an "
                   "argument that is not null or empty, and then try the command again."),
    ("-Id -1", "Cannot validate argument on parameter 'Id'. The -1 argument is less than the minimum allowed "
               "range of 0. Supply an argument that is greater than or equal to 0 and then try the command again."),
    ("-ParentId -2", "Cannot validate argument on parameter 'ParentId'. The -2 argument is less than the minimum "
                     "allowed range of -1. Supply an argument that is greater than or equal to -1 and then try the "
                     "command again."),
    ("-PercentComplete 101", "Cannot validate argument on parameter 'PercentComplete'. The 101 argument is greater "
                             "than the maximum allowed range of 100. Supply an argument that is less than or equal "
                             "to 100 and then try the command again."),
    ("-PercentComplete -2", "Cannot validate argument on parameter 'PercentComplete'. The -2 argument is less than "
                            "the minimum allowed range of -1. Supply an argument that is greater than or equal to "
                            "-1 and then try the command again."),
    ("-SecondsRemaining soon", 'Cannot bind parameter \'SecondsRemaining\'. Cannot convert value "soon" to type '
                               '"System.Int32". Error: "Input string was not in a correct format."'),
])
def test_binding_validation_errors(args, message):
    r = run(f"Write-Progress -Activity A {args}; 'next'")
    assert r.errors[0].message() == message
    assert r.output == ["next"] and r.host.progress == []


def test_parent_id_equal_to_id_is_refused_by_the_record():
    r = run("Write-Progress -Activity A -Id 3 -ParentId 3; 'next'")
    e = r.errors[0]
    assert e.message() == "ParentActivityId cannot be the same as the ActivityId."
    assert e.FullyQualifiedErrorId == "Argument,Microsoft.PowerShell.Commands.WriteProgressCommand"
    assert str(e.CategoryInfo) == "InvalidArgument: (:) [Write-Progress], PSArgumentException"
    assert r.output == ["next"] and r.host.progress == []


def test_is_a_utility_cmdlet_of_its_own_file():
    r = run("$c = Get-Command Write-Progress; $c.Source; $c.ImplementingType.FullName")
    assert r.output[0] == "Microsoft.PowerShell.Utility"
    from pshim.modules.utility.progress import WriteProgressCommand
    assert WriteProgressCommand.name == "Write-Progress"


# ---------------------------------------------------------------------------
# what a 5.1 console shows (BufferHost renders the block ConsoleHost draws)

def test_block_with_bar_time_and_operation():
    r = run("Write-Progress -Activity 'Copying files' -Status 'file 3 of 6' -PercentComplete 50 "
            "-SecondsRemaining 3725 -CurrentOperation 'C:\\data\\c.txt'", width=80)
    bar = 79 - 3 - 9                        # the display width less the indent, brackets and margins
    assert r.host.progress_display(after=1) == [
        "",
        " Copying files ",
        "    file 3 of 6 ",
        "    [" + "o" * (bar // 2) + " " * (bar - bar // 2) + "] ",
        "    01:02:05 remaining.  ",
        " ",
        "    C:\\data\\c.txt ",
        "",
    ]


def test_bar_follows_the_width_and_the_percentage():
    for width, pct in ((120, 0), (120, 100), (60, 33), (30, 7)):
        r = run(f"Write-Progress -Activity A -PercentComplete {pct}", width=width)
        line = r.host.progress_display(after=1)[3]
        inside = line.strip()[1:-1]
        assert len(inside) == width - 1 - 12 and inside.count("o") == pct * len(inside) // 100
        assert inside == "o" * inside.count("o") + " " * (len(inside) - inside.count("o"))
    r = run("Write-Progress -Activity A -Status S", width=80)
    assert r.host.progress_display(after=1) == ["", " A ", "    S ", ""]       # no bar without a percentage


def test_days_remaining_and_long_text_truncated():
    r = run("Write-Progress -Activity ('x' * 200) -Status S -SecondsRemaining 90061", width=40)
    lines = r.host.progress_display(after=1)
    assert lines[1] == " " + "x" * 38 and lines[3] == "    1.01:01:01 remaining.  "


def test_nested_activities_are_indented_under_their_parent():
    r = run("Write-Progress -Activity Servers -Status 'Mailbox01' -Id 1; "
            "Write-Progress -Activity Connectors -Status 'Default Frontend' -Id 2 -ParentId 1; "
            "Write-Progress -Activity Endpoints -Status '127.0.10.1:25' -Id 3 -ParentId 2; "
            "Write-Progress -Activity Other -Id 7", width=80)
    assert r.host.progress_display(after=4) == [
        "", " Servers ", "    Mailbox01 ",
        "   Connectors ", "      Default Frontend ",
        "     Endpoints ", "        127.0.10.1:25 ",
        " Other ", "    Processing ", ""]


def test_completed_removes_an_activity_and_promotes_its_children():
    r = run("Write-Progress -Activity P -Id 1; Write-Progress -Activity C -Id 2 -ParentId 1; "
            "Write-Progress -Activity P -Id 1 -Completed; Write-Progress -Activity C -Id 2 -Completed", width=80)
    d = r.host.progress_display
    assert d(after=2) == ["", " P ", "    Processing ", "   C ", "      Processing ", ""]
    assert d(after=3) == ["", " C ", "    Processing ", ""]
    assert d(after=4) == []


def test_update_in_place_and_sources_are_separate():
    r = run("1..3 | % { Write-Progress -Activity Loop -Status \"item $_\" -PercentComplete ($_ * 30) }; "
            "Write-Progress -Activity Other -SourceId 5", width=80)
    assert len(r.host.progress) == 4
    lines = r.host.progress_display(after=4)
    assert lines[1:3] == [" Loop ", "    item 3 "] and " Other " in lines
    assert lines[3].count("o") == 90 * 67 // 100


def test_a_crowded_display_shows_older_activities_tersely():
    script = "; ".join(f"Write-Progress -Activity Act{i} -Status S{i} -Id {i} -PercentComplete {i * 10}"
                       for i in range(1, 7))
    r = run(script, width=80)
    assert len(r.host.progress_display(after=6, height=60)) == 2 + 6 * 3      # room for all: in full
    # a third of a 24-line window: 8 lines; all go to two lines, then the oldest to one
    assert r.host.progress_display(after=6, height=24) == [
        "", " Act1 10% S1 ", " Act2 20% S2 ", " Act3 30% S3 ", " Act4 40% S4 ",
        " Act5 ", "    50% S5 ", " Act6 ", "    60% S6 ", ""]
    # 5 lines: the oldest is not shown at all, and the block says so
    assert r.host.progress_display(after=6, height=15) == [
        "", " Act2 20% S2 ", " Act3 30% S3 ", " Act4 40% S4 ", " Act5 50% S5 ", " Act6 60% S6 ",
        " 1 activity not shown...", ""]
    r = run(script + "; Write-Progress -Activity Act7 -Id 7", width=80)
    assert r.host.progress_display(after=7, height=15)[-2] == " 2 activities not shown..."


def test_the_display_ends_with_the_command():
    r = run("Write-Progress -Activity A -PercentComplete 10; 'out'", width=80)
    assert r.host.progress_display(after=1)[1] == " A "
    assert r.host.progress_display() == []                          # the top-level command ended
    assert r.output == ["out"]


def test_control_characters_never_reach_the_terminal():
    r = run('Write-Progress -Activity "a$([char]27)[31mb" -Status "x`ty"', width=80)
    assert r.host.progress_display(after=1)[1:3] == [" a [31mb ", "    x y "]


# ---------------------------------------------------------------------------
# redirected output holds only pipeline output

LOOP = "'first'; 1..5 | % { Write-Progress -Activity Copying -PercentComplete ($_ * 20); $_ }; 'last'"


def _pshim(args, stdout, stderr=subprocess.PIPE):
    env = dict(os.environ, PYTHONPATH=ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""), TERM="xterm")
    return subprocess.run([sys.executable, "-m", "pshim", "-NoProfile", *args], stdout=stdout, stderr=stderr,
                          stdin=subprocess.DEVNULL, env=env, cwd=ROOT, timeout=60)


def test_nothing_drawn_into_a_redirected_file(tmp_path):
    out = tmp_path / "out.txt"
    with open(out, "wb") as fh:
        p = _pshim(["-Command", LOOP], fh)
    assert p.returncode == 0 and p.stderr == b""
    assert out.read_bytes() == b"first\n1\n2\n3\n4\n5\nlast\n"


def test_nothing_drawn_into_a_pipe_or_a_script_run(tmp_path):
    p = _pshim(["-Command", LOOP], subprocess.PIPE)
    assert p.stdout == b"first\n1\n2\n3\n4\n5\nlast\n" and p.stderr == b""
    script = tmp_path / "loop.ps1"
    script.write_text(LOOP + "\nWrite-Progress -Activity Done -Completed\n")
    p = _pshim(["-File", str(script)], subprocess.PIPE)
    assert p.stdout == b"first\n1\n2\n3\n4\n5\nlast\n" and p.stderr == b""
