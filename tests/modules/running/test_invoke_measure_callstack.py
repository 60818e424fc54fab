"""Invoke-Command (this computer; remoting refused with an error record), Measure-Command and
Get-PSCallStack as 5.1 runs them."""
import datetime as dt
import os

from pshim.testing import run


def test_invoke_command_runs_here_with_arguments_and_a_new_scope():
    r = run("$v = 'outer'\n"
            "Invoke-Command -ScriptBlock { param($a, $b) \"$a+$b\"; $args.Count; $v = 'inner' } -ArgumentList 1, 2\n"
            "$v\n"
            "icm { $w = 5 } -NoNewScope; $w\n"
            "Invoke-Command { param($x) $x * 2 } -Args 21")
    assert r.errors == []
    assert r.output == ["1+2", 0, "outer", 5, 42]


def test_invoke_command_pipeline_input_is_input():
    r = run("1, 2, 3 | Invoke-Command { \"got $input\" }\n"
            "Invoke-Command { @($input).Count } -InputObject 'x'")
    assert r.output == ["got 1", "got 2", "got 3", 1]


def test_invoke_command_errors_and_output_keep_flowing():
    r = run("Invoke-Command { 'before'; Write-Error 'inside'; 'after' }")
    assert r.output == ["before", "after"]
    assert [e.message() for e in r.errors] == ["inside"]


def test_invoke_command_remote_is_an_error_record_and_runs_nothing():
    r = run("$ran = $false\n"
            "Invoke-Command -ComputerName mbx01, mbx02 -ScriptBlock { $global:ran = $true; 1 }\n"
            "Invoke-Command edge01 { 2 }\n"
            "$ran")
    assert r.output == [False]
    assert [e.TargetObject for e in r.errors] == ["mbx01", "mbx02", "edge01"]
    e = r.errors[0]
    assert e.message() == ("[mbx01] Connecting to remote server mbx01 failed with the following error message : "
                           "PowerShell remoting (WinRM) is not available in pshim; Invoke-Command runs script "
                           "blocks on this computer only (leave out -ComputerName and -Session).")
    assert e.FullyQualifiedErrorId == "CannotConnect,PSSessionStateBroken"
    assert str(e.CategoryInfo).startswith("OpenError: (mbx01:String) [Invoke-Command], PSRemotingTransportException")
    r = run("Invoke-Command -Session 'sess' -ScriptBlock { 1 } -ErrorAction Stop; 'not reached'")
    assert r.output == [] and r.errors[0].FullyQualifiedErrorId == "CannotConnect,PSSessionStateBroken"


def test_measure_command_returns_a_timespan_and_discards_output():
    r = run("$t = Measure-Command { 'hidden'; Start-Sleep -Milliseconds 30; $m = 7 }\n"
            "$t.GetType().FullName; $t.TotalMilliseconds -ge 30; $m")
    assert r.output == ["System.TimeSpan", True, 7]
    r = run("Measure-Command { 1 }", capture_output=False)
    assert "TotalMilliseconds :" in r.host_text and "hidden" not in r.host_text


def test_measure_command_pipeline_input():
    r = run("$seen = @(); 1..3 | Measure-Command { $seen += $_ } | Out-Null; $seen -join ','")
    assert r.output == ["1,2,3"]
    r = run("(Measure-Command -InputObject 4 { $script:got = $_ }).GetType().Name; $got")
    assert r.output == ["TimeSpan", 4]


def test_measure_command_shows_errors_of_the_block():
    r = run("(Measure-Command { Write-Error 'bad' }).GetType().Name")
    assert r.output == ["TimeSpan"] and [e.message() for e in r.errors] == ["bad"]
    assert isinstance(run("Measure-Command {}").output[0], dt.timedelta)


def test_get_pscallstack_in_functions_and_at_top_level():
    r = run("function Outer($Name) { Inner -Level 2 }\nfunction Inner($Level) { Get-PSCallStack }\nOuter x",
            capture_output=False)
    lines = [ln.rstrip() for ln in r.host_text.strip("\n").split("\n")]
    assert lines == ["Command       Arguments Location",
                     "-------       --------- --------",
                     "Inner         {Level=2} <No file>",
                     "Outer         {Name=x}  <No file>",
                     "<ScriptBlock> {}        <No file>"]
    r = run("Get-PSCallStack | ForEach-Object Command")
    assert r.output == ["<ScriptBlock>"]


def test_get_pscallstack_locations_in_a_script(tmp_path):
    script = tmp_path / "stack.ps1"
    script.write_text("function f {\n  g\n}\nfunction g { Get-PSCallStack }\nf\n")
    r = run(f"& '{script}' | ForEach-Object {{ \"$($_.Command)|$($_.Location)|$($_.ScriptLineNumber)\" }}")
    assert r.output == ["g|stack.ps1: line 4|4", "f|stack.ps1: line 2|2", "stack.ps1|stack.ps1: line 5|5",
                        "<ScriptBlock>|<No file>|1"]
    assert os.path.basename(str(script)) == "stack.ps1"
