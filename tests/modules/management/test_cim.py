"""Get-CimInstance / Get-WmiObject: the five classes answered from this machine (compared with what psutil,
platform and socket say here), WQL filters and queries, 5.1's views and errors."""
import os
import platform
import shutil
import socket

import psutil
import pytest

from pshim.modules.management import wql
from pshim.testing import run


def lines(text):
    return [ln.rstrip() for ln in text.split("\n")]


def test_operating_system_from_this_machine():
    r = run("$os = Get-CimInstance Win32_OperatingSystem; $os.Version; $os.OSType; $os.TotalVisibleMemorySize; "
            "$os.LastBootUpTime -is [datetime]; $os.PSObject.TypeNames[-2]; $os.PSObject.TypeNames[0]; $os.CSName")
    assert r.errors == []
    assert r.output[0] == platform.release()
    assert r.output[1] == 36
    assert r.output[2] == psutil.virtual_memory().total // 1024
    assert r.output[3:6] == [True, "Microsoft.Management.Infrastructure.CimInstance",
                             "Microsoft.Management.Infrastructure.CimInstance#root/cimv2/Win32_OperatingSystem"]
    assert r.output[6] == (os.environ.get("COMPUTERNAME") or socket.gethostname().split(".")[0]).upper()


def test_cim_view_is_the_auto_sized_table_and_wmi_the_list():
    r = run("Get-CimInstance Win32_OperatingSystem", capture_output=False)
    text = [ln for ln in lines(r.host_text) if ln]
    assert text[0].split() == ["SystemDirectory", "Organization", "BuildNumber", "RegisteredUser", "SerialNumber",
                               "Version"]
    assert text[2].startswith("/usr/bin ") and text[2].endswith(platform.release())
    r = run("Get-WmiObject Win32_OperatingSystem", capture_output=False)
    text = [ln for ln in lines(r.host_text) if ln]
    assert [ln.split(":")[0].rstrip() for ln in text] == ["SystemDirectory", "Organization", "BuildNumber",
                                                          "RegisteredUser", "SerialNumber", "Version"]
    assert text[0] == "SystemDirectory : /usr/bin"
    r = run("Get-CimInstance Win32_ComputerSystem", capture_output=False)
    assert [ln for ln in lines(r.host_text) if ln][0].split() == \
        ["Name", "PrimaryOwnerName", "Domain", "TotalPhysicalMemory", "Model", "Manufacturer"]
    r = run("Get-WmiObject Win32_Processor", capture_output=False)
    assert [ln.split(":")[0].rstrip() for ln in lines(r.host_text) if ln][:6] == \
        ["Caption", "DeviceID", "Manufacturer", "MaxClockSpeed", "Name", "SocketDesignation"]


def test_computer_system_processor_and_disks():
    r = run("$cs = Get-CimInstance -ClassName Win32_ComputerSystem; $cs.TotalPhysicalMemory; "
            "$cs.NumberOfLogicalProcessors; (Get-CimInstance Win32_Processor | Measure-Object -Property "
            "NumberOfLogicalProcessors -Sum).Sum; (Get-CimInstance Win32_Processor)[0].DeviceID")
    assert r.errors == []
    assert r.output == [psutil.virtual_memory().total, psutil.cpu_count(), psutil.cpu_count(), "CPU0"]
    r = run("$d = Get-CimInstance Win32_LogicalDisk -Filter \"DeviceID='/'\"; $d.Size; $d.DriveType; "
            "$d.FreeSpace -le $d.Size; @(Get-CimInstance Win32_LogicalDisk -Filter 'DriveType = 3').Count -ge 1")
    assert r.errors == []
    assert r.output == [shutil.disk_usage("/").total, 3, True, True]


def test_network_adapter_configuration():
    r = run("Get-CimInstance Win32_NetworkAdapterConfiguration -Filter 'IPEnabled = TRUE' | "
            "ForEach-Object { $_.IPAddress }")
    assert r.errors == []
    expected = {a.address.split("%")[0] for n, addrs in psutil.net_if_addrs().items() for a in addrs
                if a.family in (socket.AF_INET, socket.AF_INET6) and n != "lo"
                and not a.address.startswith(("127.", "::1")) and psutil.net_if_stats()[n].isup}
    assert set(r.output) == expected


def test_property_selects_filter_like_and_query():
    r = run("$o = Get-CimInstance Win32_OperatingSystem -Property Caption; $null -eq $o.Version; $o.Caption -ne $null")
    assert r.output == [True, True]
    r = run("$w = Get-WmiObject Win32_OperatingSystem -Property Version; $w.Version; "
            "@($w.PSObject.Properties | Where-Object Name -notlike '__*').Count; $w.__CLASS")
    assert r.output == [platform.release(), 2, "Win32_OperatingSystem"]     # Version and PSComputerName
    r = run("@(Get-CimInstance Win32_LogicalDisk -Filter \"DeviceID LIKE '/%'\").Count -ge 1; "
            "@(Get-CimInstance Win32_LogicalDisk -Filter \"DeviceID = 'no such disk'\").Count; "
            "(Get-CimInstance -Query 'SELECT Version FROM Win32_OperatingSystem').Version; "
            "(Get-WmiObject -Query \"select * from win32_operatingsystem where OSType = 36\").OSType")
    assert r.errors == []
    assert r.output == [True, 0, platform.release(), 36]


def test_invalid_class_namespace_query_and_remote_computer():
    r = run("Get-CimInstance Win32_Service")
    e = r.errors[0]
    assert e.message() == "Invalid class "
    assert e.FullyQualifiedErrorId == \
        "HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand"
    assert (str(e.CategoryInfo.Category), e.CategoryInfo.TargetName, e.CategoryInfo.Reason) == \
        ("MetadataError", "root\\cimv2:Win32_Service", "CimException")
    r = run("Get-WmiObject Win32_Service")
    e = r.errors[0]
    assert e.message() == 'Invalid class "Win32_Service"'
    assert e.FullyQualifiedErrorId == "GetWMIManagementException,Microsoft.PowerShell.Commands.GetWmiObjectCommand"
    assert (str(e.CategoryInfo.Category), e.CategoryInfo.Reason) == ("InvalidType", "ManagementException")
    r = run("Get-WmiObject Win32_OperatingSystem -Namespace root\\securitycenter2; "
            "Get-WmiObject Win32_LogicalDisk -Filter 'DriveType =' ")
    assert [x.message() for x in r.errors] == ['Invalid namespace "root\\securitycenter2"',
                                               'Invalid query "select * from Win32_LogicalDisk where DriveType ="']
    r = run("Get-CimInstance Win32_OperatingSystem -ComputerName localhost, ., 127.0.0.1 | Measure-Object | "
            "ForEach-Object Count; Get-CimInstance Win32_OperatingSystem -ComputerName srv01.contoso.com")
    assert r.output == [3]
    assert r.errors[0].message().startswith("WinRM cannot complete the operation.")
    assert r.errors[0].FullyQualifiedErrorId.startswith("HRESULT 0x80338126,")
    r = run("Get-WmiObject Win32_OperatingSystem -ComputerName srv01")
    assert r.errors[0].message() == "The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)"


def test_modules_and_aliases():
    r = run("(Get-Command Get-CimInstance).ModuleName; (Get-Command Get-WmiObject).ModuleName; "
            "(Get-Alias gcim).Definition; (Get-Alias gwmi).Definition")
    assert r.output == ["CimCmdlets", "Microsoft.PowerShell.Management", "Get-CimInstance", "Get-WmiObject"]


@pytest.mark.parametrize("where,row,expected", [
    ("DriveType = 3", {"DriveType": 3}, True),
    ("DriveType <> 3", {"DriveType": 3}, False),
    ("3 < DriveType", {"DriveType": 4}, True),
    ("Name = 'abc'", {"Name": "ABC"}, True),
    ("Name LIKE 'a_c%'", {"Name": "AbCdef"}, True),
    ("Name LIKE '[xy]%'", {"Name": "abc"}, False),
    ("Name NOT LIKE 'a%'", {"Name": "abc"}, False),
    ("Name IS NULL OR Size > 10", {"Name": None, "Size": 1}, True),
    ("NOT (Enabled = TRUE AND Size >= 2)", {"Enabled": True, "Size": 2}, False),
    ("Name = \"it's\"", {"Name": "it's"}, True),
    ("Name = 'it''s'", {"Name": "it's"}, True),
])
def test_wql_where(where, row, expected):
    assert wql.parse_where(where)(lambda n: row[n]) is expected


def test_wql_errors_and_query_parts():
    for bad in ("Name =", "= 3", "Name LIKE 3", "(Name = 1", "Name = 1 garbage"):
        with pytest.raises(wql.WqlError):
            wql.parse_where(bad)
    assert wql.parse_query("SELECT Name, Size FROM Win32_LogicalDisk WHERE Size > 1") == \
        (["Name", "Size"], "Win32_LogicalDisk", "Size > 1")
    assert wql.parse_query("select * from Win32_Processor") == (None, "Win32_Processor", None)
