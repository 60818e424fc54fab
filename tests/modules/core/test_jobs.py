"""Jobs: Start-Job in another process (CLIXML both ways, deserialized results), Start-ThreadJob in a thread
(live objects), Get-/Receive-/Wait-/Stop-/Remove-Job, states, HasMoreData, errors as 5.1 shows them, and
no process left behind. Every wait is bounded (Wait-Job -Timeout, Receive-Job on finished jobs)."""
import os
import time

import pytest

from pshim.modules.core.jobs import job_table
from pshim.testing import new_session, run


@pytest.fixture
def session():
    s = new_session()
    yield s
    for j in list(job_table(s).jobs):
        j.stop()


def _run(s, text, **kw):
    return run(text, session=s, **kw)


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] not in ("Z", "X")
    except OSError:
        return False


def test_start_job_runs_in_another_process_with_arguments(session):
    r = _run(session, "$j = Start-Job -ScriptBlock { param($a, $b) \"$a-$b\"; $PID } -ArgumentList 'x', 7\n"
                      "Wait-Job $j -Timeout 30 | Out-Null\n$j.State.ToString()\nReceive-Job $j")
    assert r.errors == []
    state, text, pid = r.output
    assert (state, text) == ("Completed", "x-7")
    assert pid != os.getpid()


def test_results_are_deserialized_with_the_origin(session):
    r = _run(session, "$j = Start-Job { [pscustomobject]@{Name='a'; When=[datetime]'2024-01-02'} }\n"
                      "$o = $j | Wait-Job -Timeout 30 | Receive-Job\n"
                      "$o.PSObject.TypeNames\n$o.Name\n$o.When.Year\n$o.PSComputerName")
    assert r.errors == []
    assert r.output == ["Deserialized.System.Management.Automation.PSCustomObject", "Deserialized.System.Object",
                        "a", 2024, "localhost"]


def test_input_object_and_pipeline_input(session):
    r = _run(session, "1, 2, 3 | Start-Job { $input | Measure-Object -Sum | ForEach-Object Sum } | "
                      "Wait-Job -Timeout 30 | Receive-Job")
    assert r.output == [6]


def test_job_table_view_and_ids(session):
    r = _run(session, "$a = Start-Job { 1 }; $b = Start-Job { 2 } -Name Second\n"
                      "Get-Job | Wait-Job -Timeout 30 | Out-Null\nGet-Job", capture_output=False)
    lines = r.host_text.strip("\n").split("\n")
    assert lines[0].split() == ["Id", "Name", "PSJobTypeName", "State", "HasMoreData", "Location", "Command"]
    assert lines[0].startswith("Id     Name            PSJobTypeName   State         HasMoreData     Location")
    assert lines[2].split()[:6] == ["1", "Job1", "BackgroundJob", "Completed", "True", "localhost"]
    # a background job has a child job: the next job's Id is two on
    assert lines[3].split()[:6] == ["3", "Second", "BackgroundJob", "Completed", "True", "localhost"]
    assert lines[3].rstrip().endswith("2")


def test_receive_keep_and_has_more_data(session):
    r = _run(session, "$j = Start-Job { 'a'; 'b' }; Wait-Job $j -Timeout 30 | Out-Null\n"
                      "$j.HasMoreData\nReceive-Job $j -Keep\n$j.HasMoreData\nReceive-Job $j\n$j.HasMoreData\n"
                      "@(Receive-Job $j).Count")
    assert r.output == [True, "a", "b", True, "a", "b", False, 0]


def test_receive_wait_streams_until_done(session):
    r = _run(session, "Start-Job { 1; Start-Sleep -Milliseconds 300; 2 } | Receive-Job -Wait")
    assert r.output == [1, 2]


def test_errors_of_a_job_as_5_1_shows_them(session):
    r = _run(session, "$j = Start-Job { Write-Error 'boom'; 'after' }; Wait-Job $j -Timeout 30 | Out-Null\n"
                      "$j.State.ToString(); Receive-Job $j")
    assert r.output == ["Completed", "after"]
    assert r.error_text == ("boom\n"
                            "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n"
                            "    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException\n"
                            "    + PSComputerName        : localhost\n \n")


def test_a_terminating_error_fails_the_job(session):
    r = _run(session, "$j = Start-Job { throw 'bad' }; Wait-Job $j -Timeout 30 | Out-Null\n"
                      "$j.State.ToString(); $j.JobStateInfo.Reason.Message; Receive-Job $j")
    assert r.output == ["Failed", "bad"]
    assert r.error_text == ("bad\n"
                            "    + CategoryInfo          : OperationStopped: (bad:String) [], RuntimeException\n"
                            "    + FullyQualifiedErrorId : bad\n"
                            "    + PSComputerName        : localhost\n \n")


def test_warnings_and_host_text_come_back(session):
    r = _run(session, "$j = Start-Job { Write-Warning 'careful'; Write-Host 'hello' }\n"
                      "Wait-Job $j -Timeout 30 | Out-Null; Receive-Job $j")
    assert "WARNING: careful\n" in r.host_text
    assert "hello\n" in r.host_text


def test_stop_and_remove_kill_the_process(session):
    r = _run(session, "$j = Start-Job { Start-Sleep 60 }; $j")
    job = r.output[0]
    deadline = time.monotonic() + 10
    while job.proc.poll() is None and not _alive(job.proc.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    pid = job.proc.pid
    assert _alive(pid)
    r = _run(session, "Remove-Job $j")
    assert r.errors[0].message() == ("The command cannot remove the job with the job ID 1 because the job is not "
                                     "finished. To remove the job, first stop the job, or use the Force parameter.")
    assert r.errors[0].FullyQualifiedErrorId == ("JobObjectNotFinishedCannotBeRemoved,"
                                                 "Microsoft.PowerShell.Commands.RemoveJobCommand")
    r = _run(session, "Stop-Job $j; $j.State.ToString(); Remove-Job $j; @(Get-Job).Count")
    assert r.output == ["Stopped", 0]
    assert not _alive(pid)


def test_remove_force_stops_a_running_job(session):
    r = _run(session, "$j = Start-Job { Start-Sleep 60 }; Remove-Job $j -Force; $j.State.ToString(); $j")
    state, job = r.output
    assert state == "Stopped"
    assert not _alive(job.proc.pid)


def test_session_end_kills_running_jobs():
    import gc
    s = new_session()
    job = run("Start-Job { Start-Sleep 60 }", session=s).output[0]
    pid = job.proc.pid
    del s
    new_session()       # the newest session holds the process-wide path resolver: the old one can go
    gc.collect()
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def test_wait_job_timeout_returns_nothing(session):
    r = _run(session, "$j = Start-Job { Start-Sleep 60 }; @(Wait-Job $j -Timeout 1).Count; $j.State.ToString()")
    assert r.output == [0, "Running"]


def test_get_job_errors(session):
    r = _run(session, "Get-Job -Id 42; Get-Job -Name nope; Get-Job -Name no*")
    assert [e.message() for e in r.errors] == [
        "The command cannot find a job with the job ID 42. Verify the value of the Id parameter and then try "
        "the command again.",
        "The command cannot find the job because the job name nope was not found. Verify the value of the Name "
        "parameter, and then try the command again."]
    assert r.errors[0].FullyQualifiedErrorId == "JobWithSpecifiedIdNotFound,Microsoft.PowerShell.Commands.GetJobCommand"


def test_thread_job_live_objects_and_caller_location(session, tmp_path):
    r = _run(session, f"Set-Location '{tmp_path}'\n"
                      "$t = Start-ThreadJob { param($n) $n * 2; $input; [pscustomobject]@{A=1}; (Get-Location).Path } "
                      "-ArgumentList 21 -InputObject 5\n"
                      "Wait-Job $t -Timeout 30 | Out-Null\n$r = Receive-Job $t\n$r[0]; $r[1]; $r[2].PSObject.TypeNames[0]; "
                      "$r[3]; $t.PSJobTypeName; $t.Location; $t.State.ToString()")
    assert r.errors == []
    assert r.output == [42, 5, "System.Management.Automation.PSCustomObject", str(tmp_path), "ThreadJob",
                        "PowerShell", "Completed"]


def test_thread_job_stop_and_failure(session):
    r = _run(session, "$z = Start-ThreadJob { while ($true) { } }; Start-Sleep -Milliseconds 100\n"
                      "Stop-Job $z; $z.State.ToString()\n"
                      "$f = Start-ThreadJob { throw 'oops' }; Wait-Job $f -Timeout 30 | Out-Null; $f.State.ToString()")
    assert r.output == ["Stopped", "Failed"]


def test_shell_exit_kills_running_jobs():
    import subprocess
    import sys
    script = ("$j = Start-Job { $PID; Start-Sleep 60 }\n"
              "$n = 0; while (-not $j.HasMoreData -and $n -lt 400) { Start-Sleep -Milliseconds 50; $n++ }\n"
              "Receive-Job $j")
    p = subprocess.run([sys.executable, "-m", "pshim", "-NoProfile", "-NonInteractive", "-Command", script],
                       capture_output=True, text=True, timeout=60)
    pid = int(p.stdout.strip())
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)


def test_using_variables_travel_with_the_job(session):
    r = _run(session, "$n = 20; $h = @{Name='mx'}\n"
                      "Start-Job { $using:n + 1; $using:h.Name } | Receive-Job -Wait\n"
                      "Start-ThreadJob { $using:n * 2 } | Receive-Job -Wait")
    assert r.errors == []
    assert r.output == [21, "mx", 40]


def test_an_unset_using_variable_is_an_error(session):
    r = _run(session, "Start-Job { $using:never_set }; @(Get-Job).Count")
    assert r.errors[0].message() == ("The value of the using variable '$using:never_set' cannot be retrieved "
                                     "because it has not been set in the local session.")
    assert r.errors[0].FullyQualifiedErrorId == "UsingVariableIsUndefined,Microsoft.PowerShell.Commands.StartJobCommand"
    assert r.output == [0]


def test_jobs_named_by_id_name_and_state(session):
    r = _run(session, "$a = Start-Job { 'one' } -Name First; $b = Start-ThreadJob { Start-Sleep 30 } -Name Slow\n"
                      "Wait-Job -Id $a.Id -Timeout 30 | ForEach-Object Name\n"
                      "Receive-Job -Name First\n"
                      "Get-Job -State Running | ForEach-Object Name\n"
                      "Stop-Job -Name Sl* -PassThru | ForEach-Object { $_.State.ToString() }\n"
                      "Remove-Job -State Stopped; Get-Job | ForEach-Object Name")
    assert r.errors == []
    assert r.output == ["First", "one", "Slow", "Stopped", "First"]


def test_stop_and_remove_whatif_leave_the_job_running(session):
    r = _run(session, "$j = Start-Job { Start-Sleep 30 }; Stop-Job $j -WhatIf; Remove-Job $j -Force -WhatIf\n"
                      "$j.State.ToString(); @(Get-Job).Count", capture_output=False)
    assert r.host_text.split("\n")[:2] == ['What if: Performing the operation "Stop" on target " Start-Sleep 30 ".',
                                           'What if: Performing the operation "Remove" on target " Start-Sleep 30 ".']
    assert "Running" in r.host_text
