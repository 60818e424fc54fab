"""Help for Get-CimInstance and Get-WmiObject (written for pshim)."""

HELP = {}

_CLASSES = """pshim answers five classes from this computer, with their real property names: Win32_OperatingSystem,
Win32_ComputerSystem, Win32_LogicalDisk, Win32_Processor and Win32_NetworkAdapterConfiguration. The
values come from the operating system pshim runs on (psutil, platform, /proc, /sys, /etc/os-release), so
some mean the Linux counterpart of the Windows value: Win32_OperatingSystem's Caption is the distribution's
name, Version the kernel release, OSType 36 (Linux), SystemDirectory /usr/bin; a logical disk's DeviceID is
its mount point (/, /home) rather than a drive letter; Win32_Processor has one instance per physical
processor (SocketDesignation "CPU <n>"); Win32_NetworkAdapterConfiguration lists every interface but
loopback, with DHCPEnabled always False. Any other class gives the "Invalid class" error, and any namespace
but root/cimv2 "Invalid namespace".

-Filter is a WQL condition (=, <>, <, >, <=, >=, LIKE with % and _, IS NULL, AND, OR, NOT, parentheses;
strings compare without regard to case); -Query a WQL "SELECT <properties|*> FROM <class> [WHERE ...]".
-ComputerName accepts this computer's names ('.', localhost, its host name, a loopback address); any other
computer gets the error Windows PowerShell gives when it cannot reach one, as pshim has no remoting."""

HELP["Get-CimInstance"] = {
    "synopsis": "Gets the CIM instances of a class from a CIM server.",
    "description": """Get-CimInstance returns the instances of a CIM class as CimInstance objects (type names
Microsoft.Management.Infrastructure.CimInstance#root/cimv2/<class>), shown in the tables CimCmdlets
defines (Win32_OperatingSystem: SystemDirectory, Organization, BuildNumber, RegisteredUser, SerialNumber,
Version). With -Property only the named properties (and the keys) have values; the others are $null.
PSComputerName is the -ComputerName the instance came from, else $null.

""" + _CLASSES,
    "parameters": {
        "ClassName": "The class, such as Win32_LogicalDisk.",
        "Filter": "A WQL condition the instances must meet, such as \"DriveType = 3\".",
        "Property": "The properties to fill in.",
        "Query": "A WQL query: SELECT <properties> FROM <class> [WHERE <condition>].",
        "Namespace": "The namespace; only root/cimv2 (the default) exists in pshim.",
        "ComputerName": "The computers to ask; only this computer can be asked in pshim.",
    },
    "examples": [
        {"title": "Local disks and their sizes",
         "code": "Get-CimInstance Win32_LogicalDisk -Filter \"DeviceID = '/'\" | ForEach-Object { $_.Size -gt 0 }",
         "output": "True"},
        {"title": "A class pshim does not answer",
         "code": "try { Get-CimInstance Win32_Service -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }",
         "output": "HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand"},
    ],
    "outputs": "Microsoft.Management.Infrastructure.CimInstance",
    "related": ["Get-WmiObject"],
}

HELP["Get-WmiObject"] = {
    "synopsis": "Gets instances of Windows Management Instrumentation (WMI) classes or information about the "
                "available classes.",
    "description": """Get-WmiObject returns the instances of a WMI class as ManagementObject objects with WMI's
system properties (__CLASS, __NAMESPACE, __SERVER, __PATH, ...) before the class's own, shown as the lists
of their default properties (Win32_OperatingSystem: SystemDirectory, Organization, BuildNumber,
RegisteredUser, SerialNumber, Version). With -Property the objects have only the named properties.
Errors are WMI's: 'Invalid class "<class>"', 'Invalid namespace "<namespace>"', 'Invalid query "<query>"'.
-List, -Credential and the other remoting and asynchronous parameters are not available.

""" + _CLASSES,
    "parameters": {
        "Class": "The class, such as Win32_OperatingSystem.",
        "Property": "The properties to return.",
        "Filter": "A WQL condition the instances must meet.",
        "Query": "A WQL query: SELECT <properties> FROM <class> [WHERE <condition>].",
        "Namespace": "The namespace; only root\\cimv2 (the default) exists in pshim.",
        "ComputerName": "The computers to ask; only this computer can be asked in pshim.",
    },
    "examples": [
        {"title": "The operating system's class and key",
         "code": "(Get-WmiObject Win32_OperatingSystem).__CLASS",
         "output": "Win32_OperatingSystem"},
    ],
    "outputs": "System.Management.ManagementObject",
    "related": ["Get-CimInstance"],
}
