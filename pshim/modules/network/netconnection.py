"""Test-NetConnection (module NetTCPIP): name resolution, a TCP connect test, an ICMP echo test.

As 5.1 does it: the name is resolved (hosts file, then DNS: resolver.py); with -Port or
-CommonTCPPort each address is tried in turn until a TCP connection opens ("TCP connect to (a : p)
failed" warned for each that does not); the echo test runs when there is no TCP test or the TCP test
failed ("Ping to a failed with status: TimedOut"); -InformationLevel Quiet returns only the Boolean.
The result is a TestNetConnectionResult shown by 5.1's conditional list view.

What Linux cannot show as Windows does: InterfaceAlias is the system's interface name (lo, eth0);
SourceAddress is the address itself (Windows shows an MSFT_NetIPAddress whose text is the address);
MatchingIPsecRules is always empty (no Windows IPsec policy here); NetworkIsolationContext is derived
from the remote address (Loopback, Private Network, Internet) rather than asked of Windows' network
isolation service. -TraceRoute, -Hops and -DiagnoseRouting are not implemented and not declared.
"""
from __future__ import annotations

import ipaddress
import os
import socket

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData as PSD
from ...runtime.psobject import DotNetObject
from . import icmp, interfaces, resolver

COMMON_TCP_PORTS = {"HTTP": 80, "RDP": 3389, "SMB": 445, "WINRM": 5985}
_SETS = ("ICMP", "CommonTCPPort", "RemotePort")
CONNECT_TIMEOUT = 21.0       # about what Windows' TCP connect gives up after (SYN retries)
ECHO_TIMEOUT = 4.0           # the ICMP API's default timeout


class PingReply(DotNetObject):
    ps_type_names = ("System.Net.NetworkInformation.PingReply", "System.Object")
    ps_properties = ("Status", "Address", "RoundtripTime", "Options", "Buffer")

    def __init__(self, reply: icmp.EchoReply):
        from ...runtime.psobject import Int64
        self.Status = reply.status
        self.Address = reply.address
        self.RoundtripTime = Int64(reply.rtt)
        self.Options = None
        self.Buffer = bytes(reply.size)

    def ps_to_string(self):
        return "System.Net.NetworkInformation.PingReply"


class TestNetConnectionResult(DotNetObject):
    ps_type_names = ("TestNetConnectionResult", "System.Object")
    ps_properties = ("ComputerName", "RemoteAddress", "ResolvedAddresses", "PingSucceeded", "PingReplyDetails",
                     "TcpClientSocket", "TcpTestSucceeded", "RemotePort", "TraceRoute", "Detailed",
                     "InterfaceAlias", "InterfaceIndex", "InterfaceDescription", "NetAdapter", "NetRoute",
                     "SourceAddress", "NameResolutionSucceeded", "BasicNameResolution", "LLMNRNetbiosRecords",
                     "DNSOnlyRecords", "AllNameResolutionResults", "IsAdmin", "NetworkIsolationContext",
                     "MatchingIPsecRules")

    def __init__(self, computer_name: str, detailed: bool):
        self.ComputerName = computer_name
        self.RemoteAddress = None
        self.ResolvedAddresses = []
        self.PingSucceeded = False
        self.PingReplyDetails = None
        self.TcpClientSocket = None
        self.TcpTestSucceeded = False
        self.RemotePort = 0
        self.TraceRoute = None
        self.Detailed = detailed
        self.InterfaceAlias = None
        self.InterfaceIndex = 0
        self.InterfaceDescription = None
        self.NetAdapter = None
        self.NetRoute = None
        self.SourceAddress = None
        self.NameResolutionSucceeded = False
        self.BasicNameResolution = []
        self.LLMNRNetbiosRecords = []
        self.DNSOnlyRecords = []
        self.AllNameResolutionResults = []
        self.IsAdmin = False
        self.NetworkIsolationContext = None
        self.MatchingIPsecRules = None

    def ps_to_string(self):
        return "TestNetConnectionResult"


def _isolation_context(address: str) -> str:
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.is_loopback:
        return "Loopback"
    if ip.is_private or ip.is_link_local:
        return "Private Network"
    return "Internet"


def _next_hop(address: str) -> str:
    """The gateway of the IPv4 route to `address` (0.0.0.0 when on-link), '::' for IPv6 on-link."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6:
        return "::"
    if ip.is_loopback:
        return "0.0.0.0"
    best, hop = -1, "0.0.0.0"
    try:
        with open("/proc/net/route") as fh:
            next(fh, None)
            for line in fh:
                f = line.split()
                if len(f) < 8:
                    continue
                dest = ipaddress.IPv4Address(int(f[1], 16).to_bytes(4, "little"))
                gw = ipaddress.IPv4Address(int(f[2], 16).to_bytes(4, "little"))
                mask = bin(int(f[7], 16)).count("1")
                if ip in ipaddress.IPv4Network(f"{dest}/{mask}", strict=False) and mask > best:
                    best, hop = mask, str(gw)
    except (OSError, ValueError):
        pass
    return hop


def tcp_connect(address: str, port: int, timeout: float = CONNECT_TIMEOUT) -> str | None:
    """Open (and close) a TCP connection; the local address used, or None when it failed."""
    fam = socket.AF_INET6 if ipaddress.ip_address(address.split("%")[0]).version == 6 else socket.AF_INET
    try:
        with socket.socket(fam, socket.SOCK_STREAM) as s:
            s.settimeout(timeout)
            s.connect((address, port))
            return s.getsockname()[0]
    except OSError:
        return None


class TestNetConnectionCommand(Cmdlet):
    name = "Test-NetConnection"
    module_name = "NetTCPIP"
    default_parameter_set = "ICMP"
    synopsis = "Displays diagnostic information for a connection."
    output_type = "TestNetConnectionResult"

    # in every set, named so that the ICMP set (no port: the echo test) exists for the binder; 5.1's
    # ICMP set also has -TraceRoute and -Hops, which pshim does not implement
    ComputerName = Parameter("string", aliases=("RemoteAddress", "cn"), default="internetbeacon.msedge.net",
                             sets=[PSD(s, position=0, from_pipeline=True, from_pipeline_by_name=True)
                                   for s in _SETS])
    CommonTCPPort = Parameter("string", position=1, mandatory=True, parameter_set="CommonTCPPort",
                              validate_set=tuple(COMMON_TCP_PORTS))
    Port = Parameter("int", mandatory=True, parameter_set="RemotePort", value_from_pipeline_by_property_name=True,
                     aliases=("RemotePort",), validate_range=(1, 65535))
    InformationLevel = Parameter("string", validate_set=("Quiet", "Detailed"), default="Standard",
                                 sets=[PSD(s) for s in _SETS])

    def process(self):
        name = self.ComputerName
        level = (self.InformationLevel or "Standard").lower()
        quiet = level == "quiet"
        result = TestNetConnectionResult(name, level == "detailed")
        try:
            addresses = resolver.host_addresses(name)
        except resolver.ResolveError:
            addresses = []
        if not addresses:
            self.write_warning(f"Name resolution of {name} failed")
            self.write_object(False if quiet else result)
            return
        result.ResolvedAddresses = addresses
        result.AllNameResolutionResults = list(addresses)
        result.NameResolutionSucceeded = True
        result.RemoteAddress = addresses[0]
        source = None
        tcp = self.parameter_set_name in ("CommonTCPPort", "RemotePort")
        if tcp:
            port = COMMON_TCP_PORTS[self.CommonTCPPort.upper()] if self.parameter_set_name == "CommonTCPPort" \
                else self.Port
            result.RemotePort = port
            for a in addresses:
                source = tcp_connect(a, port)
                if source is not None:
                    result.TcpTestSucceeded = True
                    result.RemoteAddress = a
                    break
                self.write_warning(f"TCP connect to ({a} : {port}) failed")
            if quiet:
                self.write_object(result.TcpTestSucceeded)
                return
        if not result.TcpTestSucceeded:
            reply = None
            for a in addresses:
                try:
                    reply = icmp.echo(a, ECHO_TIMEOUT)
                except icmp.IcmpUnavailable as e:
                    self.write_error(self.error(f"Ping to {a} was not sent: {e}.", "IcmpUnavailable",
                                                "ResourceUnavailable", a))
                    break
                if reply.ok:
                    result.PingSucceeded = True
                    result.RemoteAddress = a
                    break
                self.write_warning(f"Ping to {a} failed with status: {reply.status}")
            if reply is not None:
                result.PingReplyDetails = PingReply(reply)
            if quiet:
                self.write_object(result.PingSucceeded)
                return
        self._local_details(result, source)
        self.write_object(result)

    def _local_details(self, result, source):
        remote = result.RemoteAddress
        source = source or interfaces.source_address(remote)
        result.SourceAddress = source
        if source is not None:
            alias = interfaces.interface_of(source)
            result.InterfaceAlias = alias
            if alias:
                try:
                    result.InterfaceIndex = socket.if_nametoindex(alias)
                except OSError:
                    pass
        result.NetRoute = _next_hop(remote)
        result.IsAdmin = hasattr(os, "geteuid") and os.geteuid() == 0
        result.NetworkIsolationContext = _isolation_context(remote)


def _register_views():
    from ...formatting.views import register_view, ListView, Entry, OMIT

    def when(test, value):
        return lambda r: value(r) if test(r) else OMIT

    def detailed(r):
        return r.Detailed

    def tcp(r):
        return r.RemotePort != 0

    def rtt(r):
        return f"{int(r.PingReplyDetails.RoundtripTime)} ms"

    register_view("TestNetConnectionResult", ListView([
        Entry("ComputerName"),
        Entry("RemoteAddress"),
        Entry(when(tcp, lambda r: r.RemotePort), "RemotePort"),
        Entry(when(detailed, lambda r: "\n".join(r.ResolvedAddresses)), "NameResolutionResults"),
        Entry(when(lambda r: detailed(r) and tcp(r), lambda r: r.MatchingIPsecRules), "MatchingIPsecRules"),
        Entry(when(lambda r: detailed(r) and tcp(r), lambda r: r.NetworkIsolationContext),
              "NetworkIsolationContext"),
        Entry(when(lambda r: detailed(r) and tcp(r), lambda r: r.IsAdmin), "IsAdmin"),
        Entry("InterfaceAlias"),
        Entry("SourceAddress"),
        Entry(when(lambda r: detailed(r) and r.NameResolutionSucceeded, lambda r: r.NetRoute),
              "NetRoute (NextHop)"),
        Entry(when(lambda r: not r.TcpTestSucceeded, lambda r: r.PingSucceeded), "PingSucceeded"),
        Entry(when(lambda r: r.PingReplyDetails is not None, rtt), "PingReplyDetails (RTT)"),
        Entry(when(tcp, lambda r: r.TcpTestSucceeded), "TcpTestSucceeded"),
    ]))


_register_views()
