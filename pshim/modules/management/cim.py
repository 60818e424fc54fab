"""Get-CimInstance (CimCmdlets) and Get-WmiObject (Microsoft.PowerShell.Management) for the classes pshim
answers from this machine (cim_classes.py), with 5.1's objects, default views and errors.

Only the local computer and the root/cimv2 namespace exist here. -ComputerName accepts this computer's
names ('.', 'localhost', its host name, a loopback address); another computer gets the error 5.1 gives
for a computer it cannot reach (pshim has no WinRM or DCOM remoting). -Filter and -Query are WQL
(wql.py). A class pshim does not answer is 5.1's "Invalid class" error, as for a class that does not exist.
"""
from __future__ import annotations

import ipaddress
import socket

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData as PSD
from ...errors import RuntimeException, _exc, SystemException
from ...runtime.psobject import DotNetObject
from . import cim_classes, wql

CimException = _exc("CimException", "Microsoft.Management.Infrastructure.CimException", SystemException)
ManagementException = _exc("ManagementException", "System.Management.ManagementException", SystemException)
COMException = _exc("COMException", "System.Runtime.InteropServices.COMException", SystemException)

NAMESPACE = "root/cimv2"
_CIM = "Microsoft.Management.Infrastructure.CimInstance"
_WMI = "System.Management.ManagementObject"
_CIM_FQID = "Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand"


def is_local(name: str) -> bool:
    n = (name or "").strip().lower()
    if n in (".", "localhost", "") or n == socket.gethostname().lower() or \
            n == socket.gethostname().split(".")[0].lower() or n == cim_classes.computer_name().lower() or \
            n == socket.getfqdn().lower():
        return True
    try:
        return ipaddress.ip_address(n.strip("[]")).is_loopback
    except ValueError:
        return False


def _namespace_ok(ns: str | None) -> bool:
    return ns is None or ns.replace("\\", "/").strip("/").lower() == NAMESPACE


class CimInstance(DotNetObject):
    """Microsoft.Management.Infrastructure.CimInstance of one class: its properties, then PSComputerName."""

    def __init__(self, class_name, superclasses, props: dict, computer):
        chain = (class_name,) + superclasses
        self.ps_type_names = tuple(f"{_CIM}#{NAMESPACE}/{c}" for c in chain) + (_CIM, "System.Object")
        self.ps_properties = tuple(props) + ("PSComputerName",)
        self.class_name = class_name
        for k, v in props.items():
            setattr(self, k, v)
        self.PSComputerName = computer
        self.CimClass = f"{NAMESPACE}:{class_name}"
        self.CimSystemProperties = None

    def ps_to_string(self):
        keys = [k for k in ("DeviceID", "Name", "Index") if k in self.ps_properties]
        key = keys[0] if keys else None
        if key is None:
            return f"{self.class_name}"
        return f'{self.class_name} ({key} = "{getattr(self, key)}")'


class ManagementObject(DotNetObject):
    """System.Management.ManagementObject: WMI's system properties (__CLASS, __PATH, ...), the class's
    properties, then PSComputerName."""

    def __init__(self, class_name, superclasses, props: dict, key_names):
        server = cim_classes.computer_name()
        chain = (class_name,) + superclasses
        self.ps_type_names = tuple(f"{_WMI}#root\\cimv2\\{c}" for c in chain) + (
            _WMI, "System.Management.ManagementBaseObject", "System.ComponentModel.Component",
            "System.MarshalByRefObject", "System.Object")
        key = next((k for k in key_names if k in props), None)
        relpath = f'{class_name}.{key}="{props[key]}"' if key else f"{class_name}=@"
        system = {"__GENUS": 2, "__CLASS": class_name, "__SUPERCLASS": superclasses[0] if superclasses else None,
                  "__DYNASTY": chain[-1], "__RELPATH": relpath, "__PROPERTY_COUNT": len(props),
                  "__DERIVATION": list(superclasses), "__SERVER": server, "__NAMESPACE": "root\\cimv2",
                  "__PATH": f"\\\\{server}\\root\\cimv2:{relpath}"}
        self.ps_properties = tuple(system) + tuple(props) + ("PSComputerName",)
        for k, v in {**system, **props}.items():
            setattr(self, k, v)
        self.PSComputerName = server
        self.path = system["__PATH"]

    def ps_to_string(self):
        return self.path


_KEYS = ("DeviceID", "Name", "Index")


class _QueryCmdlet(Cmdlet):
    """What both cmdlets do: resolve the class and namespace, check the computer, filter, select."""

    def instances(self, class_name, namespace, filter_text, properties, computers):
        entry = cim_classes.CLASSES.get((class_name or "").lower())
        if not _namespace_ok(namespace):
            self.invalid_namespace(namespace, class_name)
            return []
        if entry is None:
            self.invalid_class(class_name, namespace)
            return []
        real_name, supers, provider = entry
        predicate = None
        if filter_text:
            try:
                predicate = wql.parse_where(filter_text)
            except wql.WqlError:
                self.invalid_query(real_name, filter_text)
                return []
        out = []
        for computer in computers:
            if not is_local(computer):
                self.unreachable(computer, real_name)
                continue
            try:
                rows = provider()
            except OSError as e:     # a /proc or /sys file that cannot be read here
                self.write_error(self.error(f"Generic failure: {e}", "HRESULT 0x80041001", "NotSpecified",
                                            real_name, RuntimeException))
                continue
            for row in rows:
                lower = {k.lower(): k for k in row}
                if filter_text:
                    names = wql.where_properties(filter_text)
                    if any(n.lower() not in lower for n in names):
                        self.invalid_query(real_name, filter_text)
                        return out
                    if not predicate(lambda n: row[lower[n.lower()]]):
                        continue
                if properties:
                    wanted = set()
                    for p in properties:
                        if p == "*":
                            wanted = set(lower.values())
                            break
                        if p.lower() not in lower:
                            self.invalid_query(real_name, filter_text, properties)
                            return out
                        wanted.add(lower[p.lower()])
                    row = self.select(row, wanted)
                out.append(self.make(real_name, supers, row, computer))
        return out


class GetCimInstanceCommand(_QueryCmdlet):
    name = "Get-CimInstance"
    dotnet_type = _CIM_FQID
    module_name = "CimCmdlets"
    default_parameter_set = "ClassNameComputerSet"
    synopsis = "Gets the CIM instances of a class from a CIM server."
    output_type = _CIM

    ClassName = Parameter("string", position=0, mandatory=True, parameter_set="ClassNameComputerSet")
    Query = Parameter("string", mandatory=True, parameter_set="QueryComputerSet")
    Filter = Parameter("string", parameter_set="ClassNameComputerSet")
    Property = Parameter("string[]", aliases=("SelectProperties",), parameter_set="ClassNameComputerSet")
    Namespace = Parameter("string", sets=[PSD("ClassNameComputerSet", from_pipeline_by_name=True),
                                          PSD("QueryComputerSet", from_pipeline_by_name=True)])
    ComputerName = Parameter("string[]", aliases=("CN", "ServerName"),
                             sets=[PSD("ClassNameComputerSet", from_pipeline_by_name=True),
                                   PSD("QueryComputerSet", from_pipeline_by_name=True)])

    def process(self):
        computers = self.ComputerName or [None]
        if self.parameter_set_name == "QueryComputerSet":
            try:
                props, cls, where = wql.parse_query(self.Query)
            except wql.WqlError:
                self.invalid_query(None, self.Query)
                return
            found = self.instances(cls, self.Namespace, where, props, computers)
        else:
            found = self.instances(self.ClassName, self.Namespace, self.Filter, self.Property, computers)
        for o in found:
            self.write_object(o)

    def select(self, row, wanted):
        return {k: (v if k in wanted or k in _KEYS else None) for k, v in row.items()}

    def make(self, cls, supers, row, computer):
        return CimInstance(cls, supers, row, computer)

    def _cim_error(self, message, hresult, category, target):
        self.write_error(self.error(message, f"HRESULT {hresult}", category, target, CimException))

    def invalid_class(self, cls, namespace):
        ns = namespace or "root\\cimv2"
        self._cim_error("Invalid class ", "0x80041010", "MetadataError", f"{ns}:{cls}")

    def invalid_namespace(self, namespace, cls):
        self._cim_error("Invalid namespace ", "0x8004100e", "MetadataError", f"{namespace}:{cls}")

    def invalid_query(self, cls, text, properties=None):
        self._cim_error("Invalid query ", "0x80041017", "InvalidArgument", text or ",".join(properties or []))

    def unreachable(self, computer, cls):
        rec = self.error(
            "WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer "
            "is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows "
            "access from this computer. By default, the WinRM firewall exception for public profiles limits access to "
            "remote computers within the same local subnet. ", "HRESULT 0x80338126", "ConnectionError",
            f"root\\cimv2:{cls}", CimException)
        self.write_error(rec)


class GetWmiObjectCommand(_QueryCmdlet):
    name = "Get-WmiObject"
    dotnet_type = "Microsoft.PowerShell.Commands.GetWmiObjectCommand"
    module_name = "Microsoft.PowerShell.Management"
    default_parameter_set = "query"
    synopsis = "Gets instances of Windows Management Instrumentation (WMI) classes or information about the " \
               "available classes."
    output_type = _WMI

    Class = Parameter("string", position=0, mandatory=True, aliases=("ClassName",), parameter_set="query")
    Property = Parameter("string[]", position=1, parameter_set="query")
    Filter = Parameter("string", parameter_set="query")
    Query = Parameter("string", mandatory=True, parameter_set="WQLQuery")
    Namespace = Parameter("string", aliases=("NS",), sets=[PSD("query"), PSD("WQLQuery")])
    ComputerName = Parameter("string[]", aliases=("Cn",), sets=[PSD("query"), PSD("WQLQuery")])

    def process(self):
        computers = self.ComputerName or ["."]
        if self.parameter_set_name == "WQLQuery":
            try:
                props, cls, where = wql.parse_query(self.Query)
            except wql.WqlError:
                self.invalid_query(None, self.Query)
                return
            self.query_text = self.Query
            found = self.instances(cls, self.Namespace, where, props, computers)
        else:
            self.query_text = f"select {','.join(self.Property) if self.Property else '*'} from {self.Class}" + \
                (f" where {self.Filter}" if self.Filter else "")
            found = self.instances(self.Class, self.Namespace, self.Filter, self.Property, computers)
        for o in found:
            self.write_object(o)

    def select(self, row, wanted):
        return {k: v for k, v in row.items() if k in wanted}

    def make(self, cls, supers, row, computer):
        return ManagementObject(cls, supers, row, _KEYS)

    def _wmi_error(self, message, category):
        self.write_error(self.error(message, "GetWMIManagementException", category, None, ManagementException))

    def invalid_class(self, cls, namespace):
        self._wmi_error(f'Invalid class "{cls}"', "InvalidType")

    def invalid_namespace(self, namespace, cls):
        self._wmi_error(f'Invalid namespace "{namespace}"', "InvalidArgument")

    def invalid_query(self, cls, text, properties=None):
        self._wmi_error(f'Invalid query "{getattr(self, "query_text", None) or text}"', "InvalidArgument")

    def unreachable(self, computer, cls):
        self.write_error(self.error("The RPC server is unavailable. (Exception from HRESULT: 0x800706BA)",
                                    "GetWMICOMException", "InvalidOperation", None, COMException))


# the default views: CimCmdlets' tables (auto-sized) and the WMI types' default property sets (lists)
VIEWS = {
    "Win32_OperatingSystem": (("SystemDirectory", "Organization", "BuildNumber", "RegisteredUser", "SerialNumber",
                               "Version"),
                              ("SystemDirectory", "Organization", "BuildNumber", "RegisteredUser", "SerialNumber",
                               "Version")),
    "Win32_ComputerSystem": (("Name", "PrimaryOwnerName", "Domain", "TotalPhysicalMemory", "Model", "Manufacturer"),
                             ("Domain", "Manufacturer", "Model", "Name", "PrimaryOwnerName", "TotalPhysicalMemory")),
    "Win32_LogicalDisk": (("DeviceID", "DriveType", "ProviderName", "VolumeName", "Size", "FreeSpace"),
                          ("DeviceID", "DriveType", "ProviderName", "FreeSpace", "Size", "VolumeName")),
    "Win32_Processor": (("DeviceID", "Name", "Caption", "MaxClockSpeed", "SocketDesignation", "Manufacturer"),
                        ("Caption", "DeviceID", "Manufacturer", "MaxClockSpeed", "Name", "SocketDesignation")),
    "Win32_NetworkAdapterConfiguration": (("ServiceName", "DHCPEnabled", "Index", "Description"),
                                          ("DHCPEnabled", "IPAddress", "DefaultIPGateway", "DNSDomain", "ServiceName",
                                           "Description", "Index")),
}


def _register_views():
    from ...formatting.views import register_view, TableView, Column, ListView, Entry
    for cls, (table, listing) in VIEWS.items():
        register_view(f"{_CIM}#{NAMESPACE}/{cls}", TableView([Column(p) for p in table], auto_size=True))
        register_view(f"{_WMI}#root\\cimv2\\{cls}", ListView([Entry(p) for p in listing]))


_register_views()
