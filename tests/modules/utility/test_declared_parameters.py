"""Parameters that were declared and ignored, now doing what 5.1 does (or gone; issue 13)."""
from pshim.testing import run

_NOT_FOUND = "A parameter cannot be found that matches parameter name '{}'"


def test_set_variable_wildcard_include_exclude():
    r = run("$ab=1; $ac=2; $ad=3; Set-Variable a[bc] -Value 9; $ab, $ac, $ad; "
            "Set-Variable a* -Include ab,ad -Exclude ad -Value 7; $ab, $ac, $ad; "
            "Set-Variable zz -Value 1 -Exclude z*; Test-Path variable:zz; "
            "Set-Variable zz -Value 1 -Include z*; $zz")
    assert r.errors == []
    assert r.output == [9, 9, 3, 7, 9, 3, False, 1]


def test_variable_visibility_is_not_declared():
    for cmd in ("New-Variable", "Set-Variable"):
        r = run(f"{cmd} v1 -Value 1 -Visibility Private")
        assert _NOT_FOUND.format("Visibility") in r.error_text


def test_set_alias_read_only_needs_force_constant_never():
    r = run("Set-Alias zz Get-Date -Option ReadOnly; Set-Alias zz Get-Item; (Get-Alias zz).Definition; "
            "Set-Alias zz Get-Item -Force; (Get-Alias zz).Definition")
    assert r.output == ["Get-Date", "Get-Item"]
    assert len(r.errors) == 1
    assert "Alias was not written because alias zz is read-only or constant" in r.error_text
    assert "AliasNotWritable,Microsoft.PowerShell.Commands.SetAliasCommand" in r.error_text
    r = run("Set-Alias cc Get-Date -Option Constant; Set-Alias cc Get-Item -Force; (Get-Alias cc).Definition")
    assert r.output == ["Get-Date"] and len(r.errors) == 1


def test_get_date_display_hint():
    r = run("Get-Date -Date '2024-02-03 15:04:05' -DisplayHint Date; "
            "Get-Date -Date '2024-02-03 15:04:05' -DisplayHint Time", capture_output=False)
    assert "Saturday, February 3, 2024\n" in r.host_text and "3:04:05 PM" in r.host_text
    assert "2024 3:04" not in r.host_text
    r = run("$d = Get-Date -Date '2024-02-03' -DisplayHint Time; $d -is [datetime]; $d.DisplayHint; $d.Year")
    assert r.output == [True, "Time", 2024]


def test_new_object_strict_is_not_declared():
    r = run("New-Object -ComObject Shell.Application -Strict")
    assert _NOT_FOUND.format("Strict") in r.error_text


def test_compare_object_sync_window():
    r = run("Compare-Object 1,2,3 3,2,1 -SyncWindow 0 | ForEach-Object { \"$($_.InputObject)$($_.SideIndicator)\" }")
    assert r.output == ["3=>", "1=>", "1<=", "3<="]
    r = run("(Compare-Object 1,2,3 3,2,1).Count; "
            "Compare-Object 1,2,3,4 2,1,4,3 -SyncWindow 1 -ExcludeDifferent -IncludeEqual | "
            "ForEach-Object { \"$($_.InputObject)$($_.SideIndicator)\" }")
    assert r.output == [0, "2==", "1==", "4==", "3=="]


def test_culture_is_not_declared_for_sort_group_compare():
    """No culture's collation tables here: one comparison rule for text, so -Culture is not declared."""
    for cmd in ("Sort-Object", "Group-Object", "Compare-Object 1 2"):
        r = run(f"1 | {cmd} -Culture de-DE")
        assert _NOT_FOUND.format("Culture") in r.error_text


def test_get_member_view():
    r = run("$p = [pscustomobject]@{a=1}; ($p | Get-Member -View Extended).Name -join ','; "
            "($p | Get-Member -View Adapted).Name -join ','; "
            "($p | Get-Member -View All).Count -eq ($p | Get-Member).Count")
    assert r.output == ["a", "Equals,GetHashCode,GetType,ToString", True]


def test_get_alias_scope():
    """-Scope: only the aliases made in that scope; the built-in ones are the global scope's."""
    r = run("function f { Set-Alias inner Get-Date; (Get-Alias -Scope Local).Definition -join ','; "
            "@(Get-Alias -Scope 1).Definition -contains 'Get-Date'; "
            "(Get-Alias -Scope Global).Definition -contains 'Get-ChildItem' }; f")
    assert r.output == ["Get-Date", False, True]
