"""Get-Command lists the commands of modules on $env:PSModulePath that are not imported, as 5.1 does:
read from the module (manifest export lists, the .psm1's functions and Export-ModuleMember), shown with
the module's name and version, and the module stays unimported (issue 12)."""
import os

import pytest

from pshim.testing import run, new_session


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


@pytest.fixture
def modpath(tmp_path, monkeypatch):
    folder = tmp_path / "Modules"
    write(folder / "Tools" / "Tools.psm1",
          "function Get-Report { 'report' }\nfunction Format-Line { 'x' }\nExport-ModuleMember -Function Get-Report\n")
    write(folder / "Inventory" / "2.1.0" / "Inventory.psd1",
          "@{ ModuleVersion = '2.1.0'; RootModule = 'Inventory.psm1'\n"
          "   FunctionsToExport = 'Get-Asset', 'Set-Asset'; AliasesToExport = 'gas' }\n")
    write(folder / "Inventory" / "2.1.0" / "Inventory.psm1",
          "function Get-Asset { 'asset' }\nfunction Set-Asset { }\nfunction Hidden-Asset { }\n"
          "Set-Alias gas Get-Asset\nExport-ModuleMember -Function * -Alias *\n")
    monkeypatch.setenv("PSModulePath", str(folder))
    return folder


def _rows(script, session=None):
    r = run(script + " | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.CommandType, $_.Name, $_.Version, $_.Source }",
            session=session)
    assert not r.errors, r.error_text
    return [tuple(line.split("|")) for line in r.output]


def test_module_not_imported_lists_its_exports_without_importing(modpath):
    s = new_session()
    assert _rows("Get-Command -Module Inventory", s) == [("Alias", "gas", "2.1.0", "Inventory"), ("Function", "Get-Asset", "2.1.0", "Inventory"),
                        ("Function", "Set-Asset", "2.1.0", "Inventory")]
    assert [type_name for type_name in run("Get-Command -Module Inventory | ForEach-Object { $_.GetType().FullName }", session=s).output] \
        == ["System.Management.Automation.AliasInfo", "System.Management.Automation.FunctionInfo",
            "System.Management.Automation.FunctionInfo"]
    assert run("@(Get-Module Inventory, Tools).Count", session=s).output == [0]


def test_module_wildcards_and_command_type(modpath):
    assert _rows("Get-Command -Module *o* -CommandType Function") == [("Function", "Get-Asset", "2.1.0", "Inventory"), ("Function", "Get-Report", "0.0", "Tools"),
                        ("Function", "Set-Asset", "2.1.0", "Inventory")]
    assert run("Get-Command -Module Nothing*").output == []


def test_wildcard_names_find_them_too_and_an_imported_module_shows_once(modpath):
    s = new_session()
    assert _rows("Get-Command Get-Rep*", s) == [("Function", "Get-Report", "0.0", "Tools")]
    # calling it imports the module (autoloading); Get-Command then shows the imported command, once
    r = run("Get-Report; Get-Command -Module Tools; (Get-Module Tools).Name", session=s)
    assert not r.errors
    assert r.output[0] == "report" and r.output[-1] == "Tools"
    assert [c.Name for c in r.output[1:-1]] == ["Get-Report"]
    assert r.output[1].ScriptBlock is not None
