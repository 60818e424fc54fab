"""Resolve-DnsName (module DnsClient) on dnspython.

Records come back as 5.1's DnsClient objects (Microsoft.DnsClient.Commands.DnsRecord_A, _AAAA, _MX,
_PTR (also for CNAME, as 5.1 returns it), _NS, _SRV, _SOA, _TXT) with 5.1's table views, from every
section of the answer (Answer, Authority, Additional), as 5.1 lists them. A/AAAA questions are
answered from the hosts file first (records with TTL 86400, section Answer), unless -NoHostsFile or
-Server is given; everything else asks the DNS servers: -Server's, else PSHIM_DNS_SERVER's, else
/etc/resolv.conf's, on PSHIM_DNS_PORT (default 53; see the package docstring). An address given as
the name is looked up as its PTR record. A name that does not exist is 5.1's error record
"<name> : DNS name does not exist" (DNS_ERROR_RCODE_NAME_ERROR).

pshim resolves with DNS only (never LLMNR or NetBIOS), so -DnsOnly changes nothing; -LlmnrOnly,
-LlmnrNetbiosOnly, -LlmnrFallback, -NetbiosFallback, -CacheOnly and the DNSSEC switches are not
implemented and not declared.
"""
from __future__ import annotations

import ipaddress

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import _exc, SystemException
from ...runtime.psobject import DotNetObject, UInt32, UInt16
from . import resolver

Win32Exception = _exc("Win32Exception", "System.ComponentModel.Win32Exception", SystemException)

_NS = "Microsoft.DnsClient.Commands."
RECORD_TYPES = {"A": 1, "NS": 2, "CNAME": 5, "SOA": 6, "PTR": 12, "MX": 15, "TXT": 16, "AAAA": 28, "SRV": 33,
                "A_AAAA": 0}
SECTIONS = {"Question": 0, "Answer": 1, "Authority": 2, "Additional": 3}


def _enum(type_name: str, name: str, value: int):
    from ...runtime.statics import EnumValue
    return EnumValue(type_name, name, value)


class DnsRecord(DotNetObject):
    ps_type_names = (_NS + "DnsRecord", "System.Object")
    ps_properties = ("QueryType", "Server", "Name", "Type", "CharacterSet", "Section", "DataLength", "TTL")
    ps_default_display = ("Name", "QueryType", "TTL", "Section")

    def __init__(self, r: resolver.Record):
        self.Name = r.name
        self.QueryType = _enum(_NS + "RecordType", r.rtype, RECORD_TYPES.get(r.rtype, 0))
        self.Type = UInt16(RECORD_TYPES.get(r.rtype, 0))
        self.TTL = UInt32(r.ttl)
        self.Section = _enum(_NS + "Section", r.section, SECTIONS[r.section])
        self.CharacterSet = _enum(_NS + "CharacterSet", "Unicode", 1)
        self.DataLength = UInt16(r.length)
        self.Server = None

    def ps_to_string(self):
        return self.ps_type_names[0]


class DnsRecordA(DnsRecord):
    ps_type_names = (_NS + "DnsRecord_A", _NS + "DnsRecord", "System.Object")
    ps_properties = ("IPAddress", "IP4Address") + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "IP4Address")

    def __init__(self, r):
        super().__init__(r)
        self.IP4Address = self.IPAddress = r.data["address"]


class DnsRecordAAAA(DnsRecord):
    ps_type_names = (_NS + "DnsRecord_AAAA", _NS + "DnsRecord", "System.Object")
    ps_properties = ("IPAddress", "IP6Address") + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "IP6Address")

    def __init__(self, r):
        super().__init__(r)
        self.IP6Address = self.IPAddress = r.data["address"]


class DnsRecordMX(DnsRecord):
    ps_type_names = (_NS + "DnsRecord_MX", _NS + "DnsRecord", "System.Object")
    ps_properties = ("NameExchange", "Preference", "Exchange") + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "NameExchange", "Preference")

    def __init__(self, r):
        super().__init__(r)
        self.NameExchange = self.Exchange = r.data["exchange"]
        self.Preference = UInt16(r.data["preference"])


class DnsRecordPTR(DnsRecord):
    """PTR and CNAME records (5.1 returns a CNAME as a DnsRecord_PTR)."""
    ps_type_names = (_NS + "DnsRecord_PTR", _NS + "DnsRecord", "System.Object")
    ps_properties = ("NameHost",) + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "NameHost")

    def __init__(self, r):
        super().__init__(r)
        self.NameHost = r.data["target"]


class DnsRecordNS(DnsRecordPTR):
    ps_type_names = (_NS + "DnsRecord_NS", _NS + "DnsRecord_PTR", _NS + "DnsRecord", "System.Object")
    ps_properties = ("Server", "NameHost") + DnsRecord.ps_properties


class DnsRecordSRV(DnsRecord):
    ps_type_names = (_NS + "DnsRecord_SRV", _NS + "DnsRecord", "System.Object")
    ps_properties = ("NameTarget", "Priority", "Weight", "Port") + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "NameTarget", "Priority", "Weight", "Port")

    def __init__(self, r):
        super().__init__(r)
        self.NameTarget = r.data["target"]
        self.Priority = UInt16(r.data["priority"])
        self.Weight = UInt16(r.data["weight"])
        self.Port = UInt16(r.data["port"])


class DnsRecordSOA(DnsRecord):
    ps_type_names = (_NS + "DnsRecord_SOA", _NS + "DnsRecord", "System.Object")
    ps_properties = ("PrimaryServer", "NameAdministrator", "SerialNumber", "TimeToZoneRefresh",
                     "TimeToZoneFailureRetry", "TimeToExpiration", "DefaultTTL") + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "PrimaryServer", "NameAdministrator",
                          "SerialNumber")

    def __init__(self, r):
        super().__init__(r)
        d = r.data
        self.PrimaryServer = d["mname"]
        self.NameAdministrator = d["rname"]
        self.SerialNumber = UInt32(d["serial"])
        self.TimeToZoneRefresh = UInt32(d["refresh"])
        self.TimeToZoneFailureRetry = UInt32(d["retry"])
        self.TimeToExpiration = UInt32(d["expire"])
        self.DefaultTTL = UInt32(d["minimum"])


class DnsRecordTXT(DnsRecord):
    ps_type_names = (_NS + "DnsRecord_TXT", _NS + "DnsRecord", "System.Object")
    ps_properties = ("Strings", "Text") + DnsRecord.ps_properties
    ps_default_display = ("Name", "QueryType", "TTL", "Section", "Strings")

    def __init__(self, r):
        super().__init__(r)
        self.Strings = list(r.data["strings"])
        self.Text = self.Strings


_CLASSES = {"A": DnsRecordA, "AAAA": DnsRecordAAAA, "MX": DnsRecordMX, "PTR": DnsRecordPTR,
            "CNAME": DnsRecordPTR, "NS": DnsRecordNS, "SRV": DnsRecordSRV, "SOA": DnsRecordSOA,
            "TXT": DnsRecordTXT}


def record_object(r: resolver.Record) -> DnsRecord:
    return _CLASSES.get(r.rtype, DnsRecord)(r)


class ResolveDnsNameCommand(Cmdlet):
    name = "Resolve-DnsName"
    dotnet_type = "Microsoft.DnsClient.Commands.ResolveDnsName"
    module_name = "DnsClient"
    synopsis = "Performs a DNS name query resolution for the specified name."

    Name = Parameter("string", position=0, mandatory=True, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True)
    Type = Parameter("string", position=1, value_from_pipeline_by_property_name=True,
                     validate_set=("A_AAAA", "A", "AAAA", "NS", "CNAME", "SOA", "PTR", "MX", "TXT", "SRV"),
                     default="A_AAAA")
    Server = Parameter("string[]")
    DnsOnly = Parameter("switch")
    NoHostsFile = Parameter("switch")
    NoRecursion = Parameter("switch")
    TcpOnly = Parameter("switch")
    QuickTimeout = Parameter("switch")

    def process(self):
        name = self.Name
        rtype = (self.Type or "A_AAAA").upper()
        if not self.is_bound("Type"):
            try:
                ipaddress.ip_address(name.strip("[]").split("%")[0])
                name, rtype = resolver.reverse_name(name.strip("[]").split("%")[0]), "PTR"
            except ValueError:
                pass
        servers = list(self.Server) if self.Server else None
        if servers:
            for s in servers:
                try:
                    ipaddress.ip_address(s)
                except ValueError:
                    # a server given by name: resolved as 5.1 does, through the system's resolver
                    try:
                        resolved = resolver.host_addresses(s)
                    except resolver.ResolveError as e:
                        self._error(s, e)
                        return
                    servers[servers.index(s)] = resolved[0]
        try:
            records = resolver.resolve(name, rtype, servers,
                                       use_hosts=not self.NoHostsFile and not servers,
                                       tcp=bool(self.TcpOnly), recursion=not self.NoRecursion,
                                       quick=bool(self.QuickTimeout))
        except resolver.ResolveError as e:
            self._error(name, e)
            return
        for r in records:
            self.write_object(record_object(r))

    def _error(self, name, e: resolver.ResolveError):
        self.write_error(self.error(f"{name} : {e.text}", e.code, "ResourceUnavailable", name, Win32Exception))


def _register_views():
    from ...formatting.views import register_view, TableView, Column

    def head(name_width):
        return [Column("Name", width=name_width, alignment="left"),
                Column("QueryType", "Type", width=6, alignment="left"),
                Column("TTL", width=5, alignment="left"),
                Column("Section", width=10, alignment="left")]

    address = TableView(head(46) + [Column("IPAddress")])        # A and AAAA share one table
    register_view(_NS + "DnsRecord_A", address)
    register_view(_NS + "DnsRecord_AAAA", address)
    register_view(_NS + "DnsRecord_MX", TableView(head(40) + [
        Column("NameExchange", width=41, alignment="left"), Column("Preference", alignment="left")]))
    name_host = TableView(head(30) + [Column("NameHost")])       # PTR, CNAME and NS
    register_view(_NS + "DnsRecord_PTR", name_host)
    register_view(_NS + "DnsRecord_NS", name_host)
    register_view(_NS + "DnsRecord_TXT", TableView(head(40) + [Column("Strings")]))
    register_view(_NS + "DnsRecord_SRV", TableView(head(40) + [
        Column("NameTarget", width=30, alignment="left"), Column("Priority", width=8, alignment="left"),
        Column("Weight", width=6, alignment="left"), Column("Port", alignment="left")]))
    register_view(_NS + "DnsRecord_SOA", TableView(head(28) + [
        Column("PrimaryServer", width=24, alignment="left"), Column("NameAdministrator", width=24, alignment="left"),
        Column("SerialNumber", alignment="left")]))

_register_views()
