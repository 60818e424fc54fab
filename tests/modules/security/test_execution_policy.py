"""Get-/Set-ExecutionPolicy: per-scope records (Process in $env:PSExecutionPolicyPreference, CurrentUser and
LocalMachine in pshim's home), 5.1's -List table, prompt, What-if and errors."""
import json
import os

import pytest

from pshim.runtime.conversion import to_string
from pshim.testing import run


@pytest.fixture(autouse=True)
def _no_process_policy(monkeypatch):
    # set, then delete: monkeypatch then restores the variable as it was (absent) after the test, which sets it
    monkeypatch.setenv("PSExecutionPolicyPreference", "Undefined")
    monkeypatch.delenv("PSExecutionPolicyPreference")
    yield


def lines(text):
    return [ln.rstrip() for ln in text.split("\n")]


def test_fresh_home_reports_remote_signed_as_windows_server_ships():
    r = run("Get-ExecutionPolicy; (Get-ExecutionPolicy).GetType().FullName; (Get-ExecutionPolicy).value__")
    assert [to_string(x) for x in r.output[:1]] == ["RemoteSigned"]
    assert r.output[1:] == ["Microsoft.PowerShell.ExecutionPolicy", 1]


def test_list_shows_every_scope_as_5_1_does():
    r = run("Get-ExecutionPolicy -List", capture_output=False)
    assert r.error_text == ""
    assert [ln for ln in lines(r.host_text) if ln] == [
        "        Scope ExecutionPolicy",
        "        ----- ---------------",
        "MachinePolicy       Undefined",
        "   UserPolicy       Undefined",
        "      Process       Undefined",
        "  CurrentUser       Undefined",
        " LocalMachine    RemoteSigned"]


def test_set_current_user_is_kept_in_the_home_and_read_back(tmp_path):
    r = run("Set-ExecutionPolicy Unrestricted -Scope CurrentUser -Force; Get-ExecutionPolicy -Scope CurrentUser; "
            "Get-ExecutionPolicy")
    assert r.errors == []
    assert [to_string(x) for x in r.output] == ["Unrestricted", "Unrestricted"]
    with open(os.path.join(os.environ["PSHIM_HOME"], "execution-policy.json")) as f:
        assert json.load(f) == {"CurrentUser": "Unrestricted"}
    # another session (another shell) sees it
    assert [to_string(x) for x in run("Get-ExecutionPolicy").output] == ["Unrestricted"]


def test_process_scope_is_the_environment_variable():
    r = run("Set-ExecutionPolicy Bypass -Scope Process -Force; $env:PSExecutionPolicyPreference; "
            "Get-ExecutionPolicy; Get-ExecutionPolicy -Scope Process")
    assert [to_string(x) for x in r.output] == ["Bypass", "Bypass", "Bypass"]
    r = run("Set-ExecutionPolicy Undefined -Scope Process -Force; $null -eq $env:PSExecutionPolicyPreference; "
            "Get-ExecutionPolicy")
    assert [to_string(x) for x in r.output] == ["True", "RemoteSigned"]


def test_confirmation_prompt_defaults_to_no():
    r = run("Set-ExecutionPolicy AllSigned -Scope CurrentUser; Get-ExecutionPolicy -Scope CurrentUser",
            answers=[""])
    assert [to_string(x) for x in r.output] == ["Undefined"]
    text = lines(r.host_text)
    assert text[1:5] == [
        "Execution Policy Change",
        "The execution policy helps protect you from scripts that you do not trust. Changing the execution policy "
        "might expose",
        "you to the security risks described in the about_Execution_Policies help topic at",
        "https:/go.microsoft.com/fwlink/?LinkID=135170. Do you want to change the execution policy?"]
    assert text[5].startswith('[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help '
                              '(default is "N"):')
    r = run("Set-ExecutionPolicy AllSigned -Scope CurrentUser; Get-ExecutionPolicy -Scope CurrentUser",
            answers=["Y"])
    assert [to_string(x) for x in r.output] == ["AllSigned"]


def test_whatif_changes_nothing():
    r = run("Set-ExecutionPolicy Restricted -WhatIf; Get-ExecutionPolicy -Scope LocalMachine")
    assert r.host_text.strip().splitlines()[0] == \
        'What if: Performing the operation "Set-ExecutionPolicy" on target "Restricted".'
    assert [to_string(x) for x in r.output] == ["RemoteSigned"]


def test_override_by_a_more_specific_scope_is_5_1_error():
    r = run("Set-ExecutionPolicy Bypass -Scope Process -Force; Set-ExecutionPolicy AllSigned -Force; "
            "Get-ExecutionPolicy -Scope LocalMachine")
    assert [to_string(x) for x in r.output] == ["AllSigned"]
    e = r.errors[0]
    assert e.message() == (
        "Windows PowerShell updated your execution policy successfully, but the setting is overridden by a policy "
        "defined at a more specific scope.  Due to the override, your shell will retain its current effective "
        'execution policy of Bypass. Type "Get-ExecutionPolicy -List" to view your execution policy settings. '
        'For more information please see "Get-Help Set-ExecutionPolicy".')
    assert e.FullyQualifiedErrorId == "ExecutionPolicyOverride,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand"
    assert str(e.CategoryInfo.Category) == "PermissionDenied" and e.CategoryInfo.Reason == "SecurityException"


def test_group_policy_scopes_cannot_be_set_and_bad_names_fail_binding():
    r = run("Set-ExecutionPolicy RemoteSigned -Scope MachinePolicy -Force")
    assert r.errors[0].message() == ("Cannot set execution policy. Execution policies at the MachinePolicy or "
                                     "UserPolicy scopes must be set through Group Policy.")
    r = run("Set-ExecutionPolicy Sometimes")
    assert r.errors[0].FullyQualifiedErrorId.startswith("CannotConvertArgumentNoMessage")
    assert 'Cannot convert value "Sometimes" to type "Microsoft.PowerShell.ExecutionPolicy"' in r.errors[0].message()


def test_listed_under_the_security_module():
    r = run("(Get-Command Get-ExecutionPolicy).ModuleName; (Get-Command Set-ExecutionPolicy).ModuleName")
    assert r.output == ["Microsoft.PowerShell.Security"] * 2
