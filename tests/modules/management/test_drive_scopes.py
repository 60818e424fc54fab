"""PSDrives follow scopes as in 5.1: New-PSDrive -Scope, Get-PSDrive -Scope, Remove-PSDrive -Scope."""
from pshim.testing import run


def _setup(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "f.txt").write_text("inside")
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "f.txt").write_text("outer")
    return str(tmp_path / "data"), str(tmp_path / "other")


def test_script_scope_of_a_script_file(tmp_path):
    data, _ = _setup(tmp_path)
    script = tmp_path / "make.ps1"
    script.write_text("function Inner { $null = New-PSDrive A FileSystem '" + data + "' -Scope Script }\n"
                      "Inner\nGet-Content A:\\f.txt\n")
    r = run(f"& '{script}'; Test-Path A:\\f.txt")
    assert r.errors == []
    assert r.output == ["inside", False]


def test_a_drive_made_in_a_function_goes_away_with_it(tmp_path):
    data, _ = _setup(tmp_path)
    r = run("function Use-Drive { $null = New-PSDrive -Name Lab -PSProvider FileSystem -Root '" + data + "'; "
            "Get-Content Lab:\\f.txt; (Get-PSDrive Lab).Name; Test-Path Lab:\\f.txt }; "
            "Use-Drive; Test-Path Lab:\\f.txt; Get-PSDrive Lab -ErrorAction SilentlyContinue | % Name; 'after'")
    assert r.errors == []
    assert r.output == ["inside", "Lab", True, False, "after"]


def test_scope_global_outlives_the_function(tmp_path):
    data, _ = _setup(tmp_path)
    r = run("function Use-Drive { $null = New-PSDrive Lab FileSystem '" + data + "' -Scope Global }; "
            "Use-Drive; Get-Content Lab:\\f.txt; (Get-PSDrive Lab -Scope Global).Name")
    assert r.errors == []
    assert r.output == ["inside", "Lab"]


def test_script_scope_and_numbered_scopes(tmp_path):
    data, other = _setup(tmp_path)
    r = run("& { function Inner { $null = New-PSDrive A FileSystem '" + data + "' -Scope Script; "
            "$null = New-PSDrive B FileSystem '" + other + "' -Scope 1 }; Inner; "
            "Get-Content A:\\f.txt; Get-Content B:\\f.txt }; Test-Path A:\\f.txt; Test-Path B:\\f.txt")
    # typed at the prompt, the script scope is the global one: A stays; B was made in the block's scope
    assert r.errors == []
    assert r.output == ["inside", "outer", True, False]


def test_an_inner_drive_hides_an_outer_one_of_the_same_name(tmp_path):
    data, other = _setup(tmp_path)
    r = run("$null = New-PSDrive Lab FileSystem '" + other + "'; "
            "function Inner { $null = New-PSDrive Lab FileSystem '" + data + "'; Get-Content Lab:\\f.txt; "
            "@(Get-PSDrive Lab).Count; (Get-PSDrive Lab -Scope Global).Root -eq '" + other + "' }; "
            "Inner; Get-Content Lab:\\f.txt")
    assert r.errors == []
    assert r.output == ["inside", 1, True, "outer"]


def test_same_name_in_the_same_scope_is_an_error(tmp_path):
    data, other = _setup(tmp_path)
    r = run("$null = New-PSDrive Lab FileSystem '" + data + "'; New-PSDrive Lab FileSystem '" + other + "' -Scope Global")
    assert [e.message() for e in r.errors] == ["A drive with the name 'Lab' already exists."]


def test_get_psdrive_scope_lists_only_that_scope(tmp_path):
    data, _ = _setup(tmp_path)
    r = run("function Inner { $null = New-PSDrive Lab FileSystem '" + data + "'; "
            "(Get-PSDrive -Scope Local).Name; '--'; (Get-PSDrive -Scope 0 -Name L*).Name; '--'; "
            "@(Get-PSDrive -Scope Global | ? Name -eq Lab).Count; @(Get-PSDrive | ? Name -eq C).Count }; Inner")
    assert r.errors == []
    assert r.output == ["Lab", "--", "Lab", "--", 0, 1]


def test_remove_psdrive_scope(tmp_path):
    data, other = _setup(tmp_path)
    r = run("$null = New-PSDrive Lab FileSystem '" + other + "'; "
            "function Inner { $null = New-PSDrive Lab FileSystem '" + data + "'; "
            "Remove-PSDrive Lab -Scope Global; Get-Content Lab:\\f.txt; Remove-PSDrive Lab; "
            "Test-Path Lab:\\ }; Inner; Test-Path Lab:\\")
    assert r.errors == []
    assert r.output == ["inside", False, False]


def test_remove_psdrive_scope_without_such_drive_there(tmp_path):
    data, _ = _setup(tmp_path)
    r = run("function Inner { $null = New-PSDrive Lab FileSystem '" + data + "'; Remove-PSDrive Lab -Scope Global; "
            "Get-Content Lab:\\f.txt }; Inner")
    assert r.output == ["inside"]
    assert [e.message() for e in r.errors] == ["Cannot find drive. A drive with the name 'Lab' does not exist."]


def test_unknown_scope_is_an_error():
    r = run("Get-PSDrive -Scope Nowhere; Get-PSDrive -Scope 99")
    assert [e.FullyQualifiedErrorId for e in r.errors] == [
        "ArgumentOutOfRange,Microsoft.PowerShell.Commands.GetPSDriveCommand"] * 2
    assert r.errors[0].message().startswith("The scope number 'Nowhere' exceeds the number of active scopes.")


def test_location_on_a_drive_of_a_function(tmp_path):
    data, _ = _setup(tmp_path)
    r = run("function Inner { $null = New-PSDrive Lab FileSystem '" + data + "'; Set-Location Lab:\\; "
            "$PWD.Path; (Get-Location).Path; Get-Content f.txt; (Resolve-Path f.txt).Path; Set-Location C:\\ }; Inner")
    assert r.errors == []
    assert r.output == ["Lab:\\", "Lab:\\", "inside", "Lab:\\f.txt"]
