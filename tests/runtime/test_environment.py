"""$env: as on Windows: names case-insensitive, '' removes, Windows's per-user variables present."""
import os
import socket

from pshim.testing import run


def test_names_are_case_insensitive_and_empty_removes(monkeypatch):
    monkeypatch.setenv("PSHIM_TEST_VAR", "x")
    r = run("$env:pshim_test_var; $env:Pshim_Test_Var = 'y'; $env:PSHIM_TEST_VAR; "
            "$env:pshim_test_var = ''; $null -eq $env:PSHIM_TEST_VAR; "
            "[Environment]::GetEnvironmentVariable('pshim_TEST_var') -eq $null")
    assert not r.errors, r.error_text
    assert r.output == ["x", "y", True, True]
    assert "PSHIM_TEST_VAR" not in os.environ
    monkeypatch.delenv("PSHIM_TEST_VAR", raising=False)


def test_windows_per_user_variables_hold_this_machines_facts(monkeypatch):
    for name in ("COMPUTERNAME", "USERNAME", "USERPROFILE", "TEMP", "TMP"):
        monkeypatch.delenv(name, raising=False)
    r = run("$env:COMPUTERNAME; [Environment]::MachineName; $env:USERPROFILE; Test-Path $env:TEMP; "
            "$env:TMP -eq $env:TEMP")
    assert not r.errors, r.error_text
    name = socket.gethostname().split(".")[0].upper()[:15]
    assert r.output == [name, name, os.path.expanduser("~"), True, True]


def test_a_set_variable_is_kept(monkeypatch):
    monkeypatch.setenv("COMPUTERNAME", "EX01")
    assert run("$env:COMPUTERNAME").output == ["EX01"]
