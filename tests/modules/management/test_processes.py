"""Get-Process, Stop-Process, Start-Process on /proc. Only processes the tests start are touched
(and killed at the end, whatever happens)."""
import os
import subprocess
import sys

import pytest

from pshim.modules.management.processes import split_command_line
from pshim.testing import run


@pytest.fixture
def sleeper():
    p = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], start_new_session=True)
    yield p
    if p.poll() is None:
        p.kill()
    p.wait(10)


def test_get_process_by_id_gives_5_1_properties(sleeper):
    r = run(f"$p = Get-Process -Id {sleeper.pid}; $p.Id; $p.ProcessName; $p.Name; $p.WS -gt 0; "
            "$p.CPU -ge 0; $p.StartTime -is [datetime]; $p.Path; $p.GetType().FullName; \"$p\"")
    assert r.errors == []
    name = os.path.basename(os.readlink(f"/proc/{sleeper.pid}/exe"))
    comm = open(f"/proc/{sleeper.pid}/comm").read().strip()
    assert r.output[0] == sleeper.pid
    assert r.output[1] == r.output[2] and r.output[1].startswith(comm)
    assert r.output[3:6] == [True, True, True]
    assert os.path.basename(r.output[6]) == name
    assert r.output[7] == "System.Diagnostics.Process"
    assert r.output[8] == f"System.Diagnostics.Process ({r.output[1]})"


def test_process_table_view(sleeper):
    r = run(f"$p = Get-Process -Id {sleeper.pid}; $p; '{{0}} {{1}} {{2}}' -f $p.Handles, [math]::Round($p.WS / 1024), "
            "[math]::Round($p.PM / 1024)", capture_output=False)
    lines = [ln.rstrip() for ln in r.host_text.strip("\n").split("\n")]
    handles, ws, pm = lines[-1].split()
    assert lines[0] == "Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName"
    assert lines[1] == "-------  ------    -----      -----     ------     --  -- -----------"
    cells = lines[2].split()
    assert cells[5] == str(sleeper.pid)
    assert lines[2][:7].strip() == handles and lines[2][8:15].strip() == "0"
    assert lines[2][16:24].strip() == pm and lines[2][25:35].strip() == ws
    sid = open(f"/proc/{sleeper.pid}/sessionid").read().strip()
    assert lines[2][47:53].strip() == str(sleeper.pid)
    assert lines[2][54:57].strip() == ("0" if sid == "4294967295" else sid)


def test_get_process_by_name_with_wildcards(sleeper):
    r = run(f"Get-Process -Id {sleeper.pid} | ForEach-Object ProcessName")
    name = r.output[0]
    r = run(f"@(Get-Process -Name '{name[:3]}*' | Where-Object Id -eq {sleeper.pid}).Count; "
            f"@(Get-Process '{name}' | Where-Object Id -eq {sleeper.pid}).Count")
    assert r.output == [1, 1]


def test_not_found_errors():
    r = run("Get-Process -Name no_such_process_here; Get-Process -Name no_such*; Get-Process -Id 2147483646")
    assert [e.message() for e in r.errors] == [
        'Cannot find a process with the name "no_such_process_here". Verify the process name and call the cmdlet '
        "again.",
        "Cannot find a process with the process identifier 2147483646."]
    assert r.errors[0].FullyQualifiedErrorId == "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand"
    assert str(r.errors[1].CategoryInfo) == "ObjectNotFound: (2147483646:Int32) [Get-Process], ProcessCommandException"


def test_stop_process_whatif_then_stop(sleeper):
    r = run(f"Stop-Process -Id {sleeper.pid} -WhatIf", capture_output=False)
    assert r.host_text.startswith('What if: Performing the operation "Stop-Process" on target "')
    assert r.host_text.rstrip().endswith(f'({sleeper.pid})".')
    assert sleeper.poll() is None
    run(f"Get-Process -Id {sleeper.pid} | Stop-Process")
    assert sleeper.wait(10) == -9


def test_stop_process_confirm_no_keeps_it(sleeper):
    r = run(f"Stop-Process -Id {sleeper.pid} -Confirm", answers=["N"], capture_output=False)
    assert "Are you sure you want to perform this action?" in r.host_text
    assert sleeper.poll() is None


def test_stop_process_not_found():
    r = run("Stop-Process -Id 2147483646")
    assert r.errors[0].FullyQualifiedErrorId == "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.StopProcessCommand"


def test_start_process_wait_passthru_and_redirects(tmp_path):
    out, err = tmp_path / "out.txt", tmp_path / "err.txt"
    code = "import sys; print(sys.argv[1:]); print(chr(111) * 2, file=sys.stderr); sys.exit(3)"
    r = run(f"$p = Start-Process -FilePath '{sys.executable}' -ArgumentList '-c', '\"{code}\"', 'a b', '\"c d\"' "
            f"-RedirectStandardOutput '{out}' -RedirectStandardError '{err}' -Wait -PassThru -NoNewWindow\n"
            "$p.HasExited; $p.ExitCode")
    assert r.errors == []
    assert r.output == [True, 3]
    assert out.read_text().strip() == "['a', 'b', 'c d']"
    assert err.read_text().strip() == "oo"


def test_start_process_errors(tmp_path):
    r = run("Start-Process no_such_program_xyz")
    assert r.errors[0].message() == ("This command cannot be run due to the error: The system cannot find the file "
                                     "specified.")
    assert r.errors[0].FullyQualifiedErrorId == "InvalidOperationException,Microsoft.PowerShell.Commands.StartProcessCommand"
    f = tmp_path / "same.txt"
    r = run(f"Start-Process '{sys.executable}' -RedirectStandardOutput '{f}' -RedirectStandardError '{f}'")
    assert "are same" in r.errors[0].message()


def test_start_process_passthru_without_wait_then_stop():
    r = run(f"$p = Start-Process '{sys.executable}' -ArgumentList '-c', '\"import time; time.sleep(60)\"' -PassThru\n"
            "$p.HasExited; Stop-Process -InputObject $p; $p.WaitForExit(10000); $p.HasExited")
    assert r.errors == []
    assert r.output == [False, True, True]


def test_split_command_line():
    assert split_command_line('a "b c" d\\"e "f""g" \\\\"h i"') == ["a", "b c", 'd"e', 'f"g', "\\h i"]


@pytest.mark.skipif(os.geteuid() != 0, reason="starting another user's process needs root")
def test_another_users_process_asks_unless_force():
    p = subprocess.Popen(["sleep", "60"], user=65534, start_new_session=True)
    try:
        r = run(f"Stop-Process -Id {p.pid}", answers=["N"], capture_output=False)
        assert (f"Are you sure you want to perform the Stop-Process operation on the following item: "
                f"sleep({p.pid})?") in r.host_text
        assert p.poll() is None
        run(f"Stop-Process -Id {p.pid} -Force")
        assert p.wait(10) == -9
    finally:
        if p.poll() is None:
            p.kill()
        p.wait(10)
