"""Each cmdlet reports the module 5.1 ships it in (Get-Command's Source and ModuleName), and its file
lives in that module's package."""
import pytest

from pshim.testing import run

FIVE_ONE = {
    "Microsoft.PowerShell.Utility": [
        "Get-Date", "New-TimeSpan", "Start-Sleep", "New-Object", "Get-Alias", "Set-Alias", "New-Alias",
        "Invoke-Expression", "Import-PowerShellDataFile", "Read-Host", "Get-Host", "Get-Random", "Get-Unique",
        "Get-Culture", "Get-UICulture", "Write-Progress", "Add-Member", "Select-String", "Send-MailMessage"],
    "Microsoft.PowerShell.Core": ["Set-StrictMode", "Get-PSSnapin", "Add-PSSnapin", "Remove-PSSnapin"],
    "Microsoft.PowerShell.Host": ["Start-Transcript", "Stop-Transcript"],
    "Microsoft.PowerShell.Security": ["Get-Credential", "ConvertTo-SecureString", "ConvertFrom-SecureString"],
}
_PACKAGE = {"Microsoft.PowerShell.Utility": "utility", "Microsoft.PowerShell.Core": "core",
            "Microsoft.PowerShell.Host": "host", "Microsoft.PowerShell.Security": "security"}


@pytest.mark.parametrize("module", sorted(FIVE_ONE))
def test_get_command_source_is_the_5_1_module(module):
    names = FIVE_ONE[module]
    r = run("Get-Command " + ",".join(names) + " | ForEach-Object { $_.Name + '|' + $_.Source + '|' + $_.ModuleName }")
    assert r.errors == []
    assert sorted(r.output) == sorted(f"{n}|{module}|{module}" for n in names)


@pytest.mark.parametrize("module", sorted(FIVE_ONE))
def test_cmdlet_class_lives_in_its_module_package(module):
    from pshim.runtime.session import Session
    from pshim.host.console import BufferHost
    table = Session(BufferHost()).commands.cmdlets
    for name in FIVE_ONE[module]:
        target = table[name.lower()].target
        assert target.startswith(f"pshim.modules.{_PACKAGE[module]}."), (name, target)


def test_aliases_of_moved_cmdlets():
    r = run("'gu','gh','sls','gsnp','asnp','rsnp','gal','sal','nal','iex','sleep' | "
            "ForEach-Object { (Get-Alias $_).Definition }")
    assert r.errors == []
    assert r.output == ["Get-Unique", "Get-Host", "Select-String", "Get-PSSnapin", "Add-PSSnapin",
                        "Remove-PSSnapin", "Get-Alias", "Set-Alias", "New-Alias", "Invoke-Expression", "Start-Sleep"]


def test_host_module_is_listed_with_its_cmdlets():
    r = run("(Get-Module -ListAvailable Microsoft.PowerShell.Host).ExportedCommands.Keys | Sort-Object")
    assert r.errors == []
    assert r.output == ["Start-Transcript", "Stop-Transcript"]
