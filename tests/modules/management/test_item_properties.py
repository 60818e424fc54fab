"""Item values and properties on the FileSystem provider (Set-Item, Clear-Item, Get-ItemProperty,
Get-ItemPropertyValue, Set-ItemProperty, New-ItemProperty) and the registry drives' error."""
import datetime as dt
import os
import stat

from pshim.testing import run


def _run(tmp_path, script, **kw):
    return run(f"cd '{tmp_path}'; " + script, **kw)


def _file(tmp_path, name="a.txt", data=b"hello"):
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_set_item_and_clear_item_are_not_supported_on_files(tmp_path):
    _file(tmp_path)
    r = _run(tmp_path, "Set-Item a.txt; Clear-Item a.txt; si nope.txt; 'after'")
    assert [e.message() for e in r.errors] == [
        "Provider operation stopped because the provider does not support this operation.",
        "Provider operation stopped because the provider does not support this operation.",
        f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."]
    assert [e.FullyQualifiedErrorId for e in r.errors[:2]] == [
        "NotSupported,Microsoft.PowerShell.Commands.SetItemCommand",
        "NotSupported,Microsoft.PowerShell.Commands.ClearItemCommand"]
    assert str(r.errors[0].CategoryInfo) == "NotImplemented: (:) [Set-Item], PSNotSupportedException"
    assert r.output == ["after"]
    assert (tmp_path / "a.txt").read_bytes() == b"hello"


def test_set_item_value_and_pass_thru_on_files_and_registry(tmp_path):
    _file(tmp_path)
    r = _run(tmp_path, "Set-Item a.txt -Value 5 -PassThru; 'v' | Set-Item -Path a.txt; Set-Item a.txt 7; "
                       r"Set-Item -Path HKLM:\Software\Contoso -Value 1 -PassThru; 'after'")
    assert r.output == ["after"]
    assert [e.FullyQualifiedErrorId for e in r.errors] == [
        "NotSupported,Microsoft.PowerShell.Commands.SetItemCommand"] * 3 + [
        "DriveNotFound,Microsoft.PowerShell.Commands.SetItemCommand"]
    assert r.errors[3].message().startswith("Cannot find drive. A drive with the name 'HKLM' does not exist.")
    assert (tmp_path / "a.txt").read_bytes() == b"hello"
    r = _run(tmp_path, "Clear-Item a.txt -Value 1")
    assert r.errors[0].FullyQualifiedErrorId.startswith("NamedParameterNotFound")


def test_get_item_property_and_value(tmp_path):
    _file(tmp_path)
    _file(tmp_path, "b.log", b"xy")
    r = _run(tmp_path, "(Get-ItemProperty a.txt).GetType().FullName; "
                       "$p = Get-ItemProperty a.txt -Name Length, Name; $p.Length; $p.PSChildName; "
                       "Get-ItemPropertyValue a.txt -Name Length, Extension; gpv -Path * -Name Name -Include *.log; "
                       "(Get-ItemProperty * -Name Name -Exclude *.log).Name")
    assert r.errors == []
    assert r.output == ["System.IO.FileInfo", 5, "a.txt", 5, ".txt", "b.log", "a.txt"]
    r = _run(tmp_path, "Get-ItemPropertyValue a.txt -Name Nope")
    [e] = r.errors
    assert e.message() == f"Property Nope does not exist at path {tmp_path}/a.txt."
    assert e.FullyQualifiedErrorId == ("System.Management.Automation.PSArgumentException,"
                                       "Microsoft.PowerShell.Commands.GetItemPropertyValueCommand")


def test_set_is_read_only_and_pass_thru(tmp_path):
    p = _file(tmp_path)
    r = _run(tmp_path, "$o = Set-ItemProperty a.txt -Name IsReadOnly -Value $true -PassThru; $o.IsReadOnly; "
                       "$o.PSChildName; (Get-Item a.txt).IsReadOnly; (Get-Item a.txt).Mode")
    assert r.errors == []
    assert r.output == [True, "a.txt", True, "-ar---"]
    assert not os.stat(p).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    r = _run(tmp_path, "sp a.txt IsReadOnly $false; (gi a.txt).IsReadOnly; Set-ItemProperty a.txt -Name IsReadOnly "
                       "-Value $true -WhatIf; (gi a.txt).IsReadOnly")
    assert r.output == [False, False]
    assert os.access(p, os.W_OK)


def test_set_times(tmp_path):
    p = _file(tmp_path)
    r = _run(tmp_path, "Set-ItemProperty a.txt -Name LastWriteTime -Value '2020-01-02 03:04:05'; "
                       "(gi a.txt).LastWriteTime.ToString('s'); "
                       "Set-ItemProperty a.txt -Name LastAccessTimeUtc -Value ([datetime]'2021-05-06 07:08:09'); "
                       "(gi a.txt).LastAccessTimeUtc.ToString('s')")
    assert r.errors == []
    assert r.output == ["2020-01-02T03:04:05", "2021-05-06T07:08:09"]
    assert os.stat(p).st_mtime == dt.datetime(2020, 1, 2, 3, 4, 5).timestamp()


def test_attributes_as_5_1_allows_them_and_what_this_system_cannot_do(tmp_path):
    _file(tmp_path)
    _file(tmp_path, ".dot")
    r = _run(tmp_path, "Set-ItemProperty a.txt -Name Attributes -Value 'ReadOnly, Archive'; (gi a.txt).Attributes; "
                       "Set-ItemProperty a.txt -Name Attributes -Value Normal; (gi a.txt).IsReadOnly; "
                       "Set-ItemProperty .dot -Name Attributes -Value Hidden; (gi .dot -Force).Attributes")
    assert r.errors == []
    assert r.output == ["ReadOnly, Archive", False, "Hidden, Archive"]
    r = _run(tmp_path, "Set-ItemProperty a.txt -Name Attributes -Value Temporary; "
                       "Set-ItemProperty a.txt -Name Attributes -Value Hidden; "
                       "Set-ItemProperty a.txt -Name Attributes -Value System; "
                       "Set-ItemProperty a.txt -Name CreationTime -Value (Get-Date)")
    assert [e.message() for e in r.errors] == [
        "The attribute cannot be set because attributes are not supported. Only the following attributes can be "
        "set: Archive, Hidden, Normal, ReadOnly, or System.",
        f"The Hidden attribute of '{tmp_path}/a.txt' cannot be set: on this system an item is hidden when its name "
        "starts with a dot; rename it instead.",
        f"The System attribute of '{tmp_path}/a.txt' cannot be set: this system has no system attribute.",
        f"The CreationTime of '{tmp_path}/a.txt' cannot be set: this system keeps no creation time that can be "
        "changed."]


def test_read_only_and_unknown_properties(tmp_path):
    _file(tmp_path)
    r = _run(tmp_path, "sp a.txt Length 1; sp a.txt Bogus 1; (gi a.txt).Length")
    assert [e.message() for e in r.errors] == ["'Length' is a ReadOnly property.",
                                               "The property 'Bogus' does not exist or was not found."]
    assert r.output == [5]


def test_input_object_sets_each_of_its_properties(tmp_path):
    _file(tmp_path)
    r = _run(tmp_path, "[pscustomobject]@{IsReadOnly=$true; LastWriteTime=[datetime]'2019-09-09'} | "
                       "Set-ItemProperty -Path a.txt; $f = gi a.txt; $f.IsReadOnly; $f.LastWriteTime.Year")
    assert r.errors == []
    assert r.output == [True, 2019]


def test_new_item_property_needs_a_dynamic_property_provider(tmp_path):
    _file(tmp_path)
    r = _run(tmp_path, "New-ItemProperty -Path a.txt -Name Color")
    [e] = r.errors
    assert e.message() == ("Cannot use interface. The IDynamicPropertyCmdletProvider interface is not implemented "
                           "by this provider.")
    assert e.FullyQualifiedErrorId == "NotSupported,Microsoft.PowerShell.Commands.NewItemPropertyCommand"


def test_new_item_property_value_type_and_force(tmp_path):
    _file(tmp_path)
    r = _run(tmp_path, "New-ItemProperty -Path a.txt -Name Color -Value blue -PropertyType String -Force; "
                       r"New-ItemProperty -Path HKCU:\Software\Contoso -Name Level -Value 1 -Type DWord; "
                       "[pscustomobject]@{Path='a.txt'; Name='N'; Value=1; PropertyType='DWord'} | New-ItemProperty")
    assert [e.FullyQualifiedErrorId for e in r.errors] == [
        "NotSupported,Microsoft.PowerShell.Commands.NewItemPropertyCommand",
        "DriveNotFound,Microsoft.PowerShell.Commands.NewItemPropertyCommand",
        "NotSupported,Microsoft.PowerShell.Commands.NewItemPropertyCommand"]
    assert str(r.errors[0].CategoryInfo) == "NotImplemented: (Color:String) [New-ItemProperty], PSNotSupportedException"
    assert str(r.errors[2].CategoryInfo).startswith("NotImplemented: (N:String)")


def test_registry_paths_are_a_clear_error(tmp_path):
    r = _run(tmp_path, r"Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\ExchangeServer\v15\Setup'; "
                       r"Get-Item HKCU:\Software; Set-ItemProperty -Path HKLM:\x -Name y -Value 1; "
                       r"Get-ItemPropertyValue 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE' -Name x; 'after'")
    assert r.output == ["after"]
    msgs = [e.message() for e in r.errors]
    assert msgs[0] == ("Cannot find drive. A drive with the name 'HKLM' does not exist. HKLM: is a Windows registry "
                       "drive; the registry does not exist on this system, so pshim has no Registry provider.")
    assert msgs[1].startswith("Cannot find drive. A drive with the name 'HKCU' does not exist.")
    assert [e.FullyQualifiedErrorId.split(",")[0] for e in r.errors] == [
        "DriveNotFound", "DriveNotFound", "DriveNotFound", "ProviderNotFound"]
    assert msgs[3].startswith("Cannot find a provider with the name 'Registry'.")


def test_aliases_and_modules():
    r = run("(Get-Alias si, cli, gpv, sp).Definition -join ','; "
            "(Get-Command Set-ItemProperty, New-ItemProperty, Get-TimeZone).Source -join ','")
    assert r.output == ["Set-Item,Clear-Item,Get-ItemPropertyValue,Set-ItemProperty",
                        "Microsoft.PowerShell.Management,Microsoft.PowerShell.Management,Microsoft.PowerShell.Management"]
