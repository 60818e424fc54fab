"""The session-state providers of 5.1 beside FileSystem: Environment (Env:), Variable (Variable:), Function
(Function:) and Alias (Alias:), Get-PSProvider, and the item/content cmdlets on their drives."""
import os

from pshim.testing import run


def _texts(r):
    return [e.exception.message for e in r.errors]


def test_get_psprovider_lists_the_providers_and_their_drives():
    r = run("Get-PSProvider | ForEach-Object { $_.Name + '|' + $_.Capabilities + '|' + ($_.Drives -join ',') }")
    assert r.errors == []
    assert r.output == ["Alias|ShouldProcess|Alias", "Environment|ShouldProcess|Env",
                        "FileSystem|Filter, ShouldProcess, Credentials|C,Temp", "Function|ShouldProcess|Function",
                        "Variable|ShouldProcess|Variable"]


def test_get_psprovider_table_and_unknown_name():
    r = run("Get-PSProvider Env* | Out-String; Get-PSProvider Nope")
    assert "Name                 Capabilities" in r.output[0]
    assert "Environment          ShouldProcess" in r.output[0]
    assert "{Env}" in r.output[0]
    assert _texts(r) == ["Cannot find a provider with the name 'Nope'."]
    assert r.errors[0].FullyQualifiedErrorId.startswith("ProviderNotFound,")


def test_get_psdrive_lists_the_session_state_drives_without_root_or_sizes():
    r = run("Get-PSDrive -PSProvider Environment, Alias | ForEach-Object { $_.Name + '|' + $_.Provider + '|' + "
            "$_.Root + '|' + $_.Used }; (Get-PSDrive).Name -join ','")
    assert r.errors == []
    assert r.output == ["Alias|Alias||", "Env|Environment||", "Alias,C,Env,Function,Temp,Variable"]


def test_env_drive_child_items_are_dictionary_entries_in_the_name_value_table():
    os.environ["PSHIM_PROV_T1"] = "one"
    try:
        r = run("$i = Get-ChildItem Env:PSHIM_PROV_T1; $i.Name; $i.Value; $i.Key; $i.PSPath; "
                "$i.GetType().FullName; Get-ChildItem env:PSHIM_PROV_T* | Out-String")
        assert r.errors == []
        assert r.output[:5] == ["PSHIM_PROV_T1", "one", "PSHIM_PROV_T1",
                                "Microsoft.PowerShell.Core\\Environment::PSHIM_PROV_T1",
                                "System.Collections.DictionaryEntry"]
        assert "Name                           Value" in r.output[5]
        assert "PSHIM_PROV_T1                  one" in r.output[5]
    finally:
        os.environ.pop("PSHIM_PROV_T1", None)


def test_env_listing_is_sorted_and_complete_and_name_gives_names():
    r = run("$n = Get-ChildItem Env: -Name; ($n.Count -eq (Get-ChildItem env:).Count); "
            "(($n | Sort-Object) -join ',') -eq ($n -join ',')")
    assert r.errors == []
    assert r.output == [True, True]


def test_env_test_path_set_item_new_item_remove_item_and_content():
    r = run("Test-Path env:PSHIM_PROV_T2; New-Item env:PSHIM_PROV_T2 -Value a | % Value; Test-Path env:PSHIM_PROV_T2;"
            " Set-Item env:PSHIM_PROV_T2 b; $env:PSHIM_PROV_T2; Get-Content env:PSHIM_PROV_T2; "
            "Set-Content env:PSHIM_PROV_T2 c; ${env:PSHIM_PROV_T2}; Remove-Item env:PSHIM_PROV_T2; "
            "Test-Path env:PSHIM_PROV_T2; [Environment]::GetEnvironmentVariable('PSHIM_PROV_T2') -eq $null")
    assert r.errors == []
    assert r.output == [False, "a", True, "b", "b", "c", False, True]
    assert "PSHIM_PROV_T2" not in os.environ


def test_missing_env_item_errors_as_5_1():
    r = run("Get-Item env:PSHIM_NO_SUCH; Remove-Item Env:PSHIM_NO_SUCH; Get-ChildItem env:PSHIM_NO_SUCH*; 'end'")
    assert r.output == ["end"]
    assert _texts(r) == ["Cannot find path 'Env:\\PSHIM_NO_SUCH' because it does not exist."] * 2
    rec = r.errors[0]
    assert rec.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand"
    assert rec.CategoryInfo.Category == "ObjectNotFound"


def test_new_item_on_an_existing_item_needs_force():
    r = run("$x = 1; New-Item variable:x -Value 2; $x; New-Item variable:x -Value 3 -Force | Out-Null; $x")
    assert r.output == [1, 3]
    assert _texts(r) == ["A variable with name 'x' already exists."]


def test_variable_drive_items_are_psvariables_and_follow_scopes():
    r = run("$global:pgv = 5; function t { $pgv = 9; (Get-Item variable:pgv).Value; "
            "(Get-Item variable:global:pgv).Value; Test-Path variable:local:nothere; "
            "Set-Item variable:global:pgv 6; Set-Item variable:loc 1; Test-Path variable:global:loc }; t; $pgv; "
            "(Get-ChildItem variable:pgv).GetType().FullName; Test-Path variable:global:pgv")
    assert r.errors == []
    assert r.output == [9, 5, False, False, 6, "System.Management.Automation.PSVariable", True]


def test_variable_content_rename_clear_remove():
    r = run("$a = 1,2; Get-Content variable:a; Rename-Item variable:a b; Test-Path variable:a; $b -join ','; "
            "Clear-Item variable:b; $null -eq $b; Test-Path variable:b; Remove-Item variable:b; Test-Path variable:b")
    assert r.errors == []
    assert r.output == [1, 2, False, "1,2", True, True, False]


def test_constant_variable_cannot_be_removed():
    r = run("Remove-Item variable:true; $true")
    assert r.output == [True]
    assert _texts(r) == ["Cannot remove variable true because it is constant or read-only. If the variable is "
                         "read-only, try the operation again specifying the Force option."]
    assert r.errors[0].FullyQualifiedErrorId == "VariableNotRemovable,Microsoft.PowerShell.Commands.RemoveItemCommand"


def test_function_drive_new_get_set_remove():
    r = run("New-Item -Path function: -Name pf -Value { 'made' } | % Name; pf; (Get-Item function:pf).CommandType; "
            "Set-Item function:pf { 'changed' }; pf; (Get-Content function:pf).GetType().Name; "
            "Set-Item function:pq 'return 4'; pq; Remove-Item function:pf; Test-Path function:pf; "
            "Get-ChildItem function:p? -Name")
    assert r.errors == []
    assert r.output == ["pf", "made", "Function", "changed", "ScriptBlock", 4, False, "pq"]


def test_function_scope_qualifier():
    r = run("function outer { New-Item function:script:sf -Value { 'sf' } | Out-Null; New-Item function:lf -Value {1}"
            " | Out-Null; Test-Path function:local:lf }; outer; Test-Path function:lf; sf")
    assert r.errors == []
    assert r.output == [True, False, "sf"]


def test_alias_drive():
    r = run("dir alias:gc? | % Name; New-Item alias:pa -Value Get-Date | % { $_.Definition }; "
            "(Get-Item alias:pa).Definition; Set-Item alias:pa Get-Location; Get-Content alias:pa; "
            "Remove-Item alias:pa; Test-Path alias:pa; Test-Path alias:")
    assert r.errors == []
    assert r.output == ["gci", "gcm", "gcs", "Get-Date",
                        "Get-Date", "Get-Location", False, True]


def test_whatif_changes_nothing():
    r = run("$w = 1; Remove-Item variable:w -WhatIf; $w; Set-Item env:PSHIM_PROV_W x -WhatIf; "
            "Test-Path env:PSHIM_PROV_W")
    assert r.errors == []
    assert r.output == [1, False]
    assert "What if: Performing the operation \"Remove Item\" on target \"Item: w\"." in r.host_text


def test_copy_clear_content_and_move():
    r = run("$a = 1; Copy-Item variable:a variable:b; $b; Copy-Item variable:a -Destination c -PassThru | % Value; "
            "Clear-Content variable:a; \"[$a]\"; Move-Item variable:b variable:z; $b; "
            "Copy-Item variable:a env:PSHIM_PROV_Q; Test-Path env:PSHIM_PROV_Q")
    assert r.output == [1, 1, "[]", 1, False]
    assert _texts(r) == ["Provider operation stopped because the provider does not support this operation.",
                         "Source and destination path did not resolve to the same provider."]


def test_alias_variable_and_a_session_drive_as_a_location():
    r = run("$alias:gci; Set-Location Env:")
    assert r.output == ["Get-ChildItem"]
    assert r.errors[0].FullyQualifiedErrorId.startswith("DriveNotFound,")
    assert "Environment provider" in _texts(r)[0]
