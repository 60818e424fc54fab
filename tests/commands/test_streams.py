"""Streams, redirection, error actions and $? (issue: Engine)."""
from pshim.testing import run


def test_non_terminating_error_continues():
    r = run("Write-Error 'bad'; 'next'")
    assert r.output == ["next"]
    assert r.errors[0].message() == "bad"
    assert r.errors[0].FullyQualifiedErrorId == "Microsoft.PowerShell.Commands.WriteErrorException"


def test_silently_continue_still_records_error():
    r = run("Write-Error 'bad' -ErrorAction SilentlyContinue; $Error.Count; $Error[0].Exception.Message")
    assert r.output == [1, "bad"]
    assert r.errors == []


def test_ignore_does_not_record():
    assert run("Write-Error 'bad' -ErrorAction Ignore; $Error.Count").output == [0]


def test_stop_makes_it_catchable():
    r = run("try { Write-Error 'bad' -ErrorAction Stop } catch { 'caught: ' + $_.Exception.Message }")
    assert r.output == ["caught: bad"]


def test_preference_variable_stop():
    assert run("$ErrorActionPreference = 'Stop'; try { Write-Error 'boom' } catch { 'c' }; 'after'").output == \
        ["c", "after"]


def test_dollar_question():
    assert run("Write-Error 'x' 2>$null; $?").output == [False]
    assert run("'ok' | Out-Null; $?").output == [True]


def test_merge_error_into_output():
    r = run("$r = Write-Error 'e1' 2>&1; $r.GetType().FullName; $r.Exception.Message")
    assert r.output == ["System.Management.Automation.ErrorRecord", "e1"]


def test_discard_errors_of_unknown_command():
    r = run("Get-Nope 2>$null; 'z'")
    assert r.output == ["z"]
    assert r.error_text == ""


def test_warning_verbose_streams():
    r = run("Write-Warning 'w1'; Write-Verbose 'v1'; Write-Verbose 'v2' -Verbose")
    assert r.host_text == "WARNING: w1\nVERBOSE: v2\n"


def test_verbose_propagates_into_advanced_function():
    r = run("function f { [CmdletBinding()] param() Write-Verbose 'inside' }; f -Verbose; f")
    assert r.host_text == "VERBOSE: inside\n"


def test_error_variable_and_append():
    r = run("Write-Error 'x' -ErrorVariable ev -ErrorAction SilentlyContinue; "
            "Write-Error 'y' -ErrorVariable +ev -ErrorAction SilentlyContinue; $ev.Count")
    assert r.output == [2]


def test_out_variable():
    assert run("1,2 | Write-Output -OutVariable ov | Out-Null; $ov.Count").output == [2]


def test_success_redirect_to_null():
    assert run("'a' > $null; 'b'").output == ["b"]


def test_redirect_to_file_and_append(tmp_path):
    f = tmp_path / "o.txt"
    r = run(f"'one' > '{f}'; 'two' >> '{f}'")
    assert r.errors == []
    assert f.read_bytes() == b"one\ntwo\n"


def test_select_first_stops_upstream():
    r = run("1..1000000000 | Select-Object -First 3")
    assert r.output == [1, 2, 3]


def test_streaming_order():
    r = run("function src { 1; Write-Host 'produced 1'; 2; Write-Host 'produced 2' }; "
            "src | ForEach-Object { Write-Host \"got $_\" }")
    assert r.host_text == "got 1\nproduced 1\ngot 2\nproduced 2\n"


def test_redirections_apply_inside_functions(tmp_path):
    f = tmp_path / "w.txt"
    script = ("function f { [CmdletBinding()] param() 'out'; Write-Warning 'warn'; Write-Error 'err' }; "
              f"f 3> '{f}' 2>$null; $r = f 3>&1 2>&1; $r.Count; ($r | % {{ $_.GetType().Name }}) -join ','")
    r = run(script)
    assert r.output == ["out", 3, "String,WarningRecord,ErrorRecord"]
    assert r.host_text == ""
    assert f.read_text() == "warn\n"


def test_inquire_asks_then_continues_or_halts():
    r = run("Write-Error 'bad' -ErrorAction Inquire; 'next'", answers=["y"])
    assert r.output == ["next"]
    assert r.host_text == ('\nConfirm\nbad\n[Y] Yes  [A] Yes to All  [H] Halt Command  [S] Suspend  [?] Help '
                           '(default is "Y"): y\n')
    r = run("Write-Error 'bad' -ErrorAction Inquire; 'next'", answers=["h"])
    assert r.output == []


def test_native_command_with_stop_parsing(monkeypatch):
    monkeypatch.setenv("PSHIM_T", "val")
    r = run("/bin/echo --% a \"b c\" %PSHIM_T%\n$LASTEXITCODE")
    assert r.output == ["a b c val", 0]


def test_parameterized_property_assignment_and_types():
    r = run("$d = @{}; $d.Item('k') = 5; $d.k; enum Color { Red; Green }; [Color]1; "
            "class Report { [string]$Name }; $r = [Report]::new(); $r.Name = 'n'; $r.Name")
    assert r.output == [5, "Green", "n"]


def test_information_variable():
    r = run("Write-Host hi -InformationVariable iv; Write-Information x -InformationVariable +iv; $iv.Count")
    assert r.output == [2]
    assert r.host_text == "hi\n"


def test_redirection_streams_and_keeps_what_was_written(tmp_path):
    f = tmp_path / "s.txt"
    r = run(f"1..3 | ForEach-Object {{ $_; if ($_ -eq 2) {{ throw 'boom' }} }} > '{f}'; 'after'")
    assert r.output == []          # throw ends the script, but what reached the file stays there
    assert r.errors[0].message() == "boom"
    assert f.read_text() == "1\n2\n"


def test_redirection_to_a_missing_folder_runs_nothing(tmp_path):
    ok = tmp_path / "ok.txt"
    r = run(f"Write-Host ran > '{ok}' 2> '{tmp_path}/nope/e.txt'; 'after'")
    assert r.output == ["after"]
    assert r.host_text == ""
    assert r.errors[0].FullyQualifiedErrorId == "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand"
    assert list(tmp_path.iterdir()) == []


def test_debug_switch_inquires_as_5_1():
    r = run("Write-Debug d1 -Debug; 'next'", answers=["y"])
    assert r.output == ["next"]
    assert r.host_text == ('DEBUG: d1\n\nConfirm\nContinue with this operation?\n[Y] Yes  [A] Yes to All  '
                           '[H] Halt Command  [S] Suspend  [?] Help (default is "Y"): y\n')
    r = run("Write-Debug d1 -Debug; 'next'", answers=["h"])
    assert r.output == []
    assert run("Write-Debug d1 -Debug; 'next'", interactive=False).host_text == "DEBUG: d1\n"
