"""System.Diagnostics.Stopwatch as admin scripts time their work."""
from pshim.testing import run


def test_start_new_measures_elapsed_time_and_stops():
    r = run("$sw = [Diagnostics.Stopwatch]::StartNew(); Start-Sleep -Milliseconds 60; $sw.Stop(); "
            "$a = $sw.ElapsedMilliseconds; Start-Sleep -Milliseconds 30; "
            "$a -ge 50; $sw.ElapsedMilliseconds -eq $a; $sw.IsRunning; $sw.Elapsed.GetType().FullName; "
            "$sw.Elapsed.TotalSeconds -ge 0.05")
    assert not r.errors, r.error_text
    assert r.output == [True, True, False, "System.TimeSpan", True]


def test_new_reset_restart_and_void_methods_write_nothing():
    r = run("$sw = New-Object System.Diagnostics.Stopwatch; $sw.IsRunning; $sw.ElapsedTicks; $sw.Start(); "
            "$sw.IsRunning; $sw.Reset(); $sw.IsRunning; $sw.ElapsedTicks; $sw.Restart(); $sw.IsRunning; "
            "[System.Diagnostics.Stopwatch]::Frequency; "
            "($sw | Get-Member -MemberType Method -Name Stop).Definition")
    assert not r.errors, r.error_text
    assert r.output == [False, 0, True, False, 0, True, 10_000_000, "void Stop()"]
