"""Test-Connection (Microsoft.PowerShell.Management): ICMP echo requests, as 5.1 sends them through
WMI's Win32_PingStatus.

Each reply is a Win32_PingStatus object (Source, Destination, IPV4Address, IPV6Address, Bytes,
Time(ms) in the default table); each echo that gets no reply is an error record "Testing connection
to computer 'x' failed: Error due to lack of resources" (5.1's text for a timed-out echo); a name that
does not resolve is "... failed: No such host is known". -Quiet returns one Boolean per computer: True
when any echo was answered, with no error records. The echo is icmp.echo (an ICMP socket, else the
system's ping program); when this process can send none, an error record says so, also with -Quiet.
-AsJob, -Credential, -Source, -Authentication, -Impersonation, -ThrottleLimit, -Protocol and
-WsmanAuthentication (echoes sent from other computers) are not implemented and not declared.
"""
from __future__ import annotations

import ipaddress
import socket
import time

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import _exc, SystemException
from ...runtime.psobject import DotNetObject, UInt32
from . import icmp, resolver

PingException = _exc("PingException", "System.Net.NetworkInformation.PingException", SystemException)

ECHO_TIMEOUT = 1.0          # Win32_PingStatus' default Timeout (1000 ms)
STATUS_TEXT = {"TimedOut": "Error due to lack of resources"}


class PingStatus(DotNetObject):
    ps_type_names = ("System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus",
                     "System.Management.ManagementObject", "System.Management.ManagementBaseObject",
                     "System.ComponentModel.Component", "System.MarshalByRefObject", "System.Object")
    ps_properties = ("PSComputerName", "__SERVER", "Address", "BufferSize", "NoFragmentation",
                     "PrimaryAddressResolutionStatus", "ProtocolAddress", "ProtocolAddressResolved",
                     "ReplyInconsistency", "ReplySize", "ResolveAddressNames", "ResponseTime",
                     "ResponseTimeToLive", "StatusCode", "Timeout", "TimeToLive", "TypeofService",
                     "IPV4Address", "IPV6Address")

    def __init__(self, destination: str, reply: icmp.EchoReply, addresses: list[str], buffer_size: int,
                 ttl: int):
        source = socket.gethostname()
        self.PSComputerName = source
        setattr(self, "__SERVER", source)
        self.Address = destination
        self.BufferSize = UInt32(buffer_size)
        self.NoFragmentation = False
        self.PrimaryAddressResolutionStatus = UInt32(0)
        self.ProtocolAddress = reply.address
        self.ProtocolAddressResolved = ""
        self.ReplyInconsistency = False
        self.ReplySize = UInt32(reply.size)
        self.ResolveAddressNames = False
        self.ResponseTime = UInt32(reply.rtt)
        self.ResponseTimeToLive = UInt32(reply.ttl)
        self.StatusCode = UInt32(0)
        self.Timeout = UInt32(int(ECHO_TIMEOUT * 1000))
        self.TimeToLive = UInt32(ttl)
        self.TypeofService = UInt32(0)
        v4 = [a for a in addresses if ipaddress.ip_address(a.split("%")[0]).version == 4]
        v6 = [a for a in addresses if ipaddress.ip_address(a.split("%")[0]).version == 6]
        self.IPV4Address = v4[0] if v4 else None
        self.IPV6Address = v6[0] if v6 else None

    def ps_to_string(self):
        return f"\\\\{getattr(self, '__SERVER')}\\root\\cimv2:Win32_PingStatus.Address=\"{self.Address}\""


class TestConnectionCommand(Cmdlet):
    name = "Test-Connection"
    dotnet_type = "Microsoft.PowerShell.Commands.TestConnectionCommand"
    module_name = "Microsoft.PowerShell.Management"
    default_parameter_set = "Default"
    synopsis = "Sends ICMP echo request packets (pings) to one or more computers."

    ComputerName = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                             aliases=("CN", "IPAddress", "__SERVER", "Server", "Destination"))
    Count = Parameter("int", default=4, validate_range=(1, 2 ** 32 - 1))
    Delay = Parameter("int", default=1, validate_range=(1, 2 ** 32 - 1))
    BufferSize = Parameter("int", default=32, aliases=("Size", "Bytes", "BS"), validate_range=(0, 65500))
    TimeToLive = Parameter("int", default=80, aliases=("TTL",), validate_range=(1, 255))
    Quiet = Parameter("switch", parameter_set="Quiet")

    def process(self):
        for computer in self.ComputerName:
            if self.stopping:
                return
            self._test(computer)

    def _fail(self, computer: str, text: str):
        self.write_error(self.error(f"Testing connection to computer '{computer}' failed: {text}",
                                    "TestConnectionException", "ResourceUnavailable", computer, PingException))

    def _test(self, computer: str):
        quiet = bool(self.Quiet)
        try:
            addresses = resolver.host_addresses(computer)
        except resolver.ResolveError:
            addresses = []
        if not addresses:
            if quiet:
                self.write_object(False)
                return
            for _ in range(self.Count):
                self._fail(computer, "No such host is known")
            return
        target = addresses[0]
        answered = False
        for i in range(self.Count):
            if i:
                time.sleep(self.Delay)
            try:
                reply = icmp.echo(target, ECHO_TIMEOUT, self.BufferSize, self.TimeToLive)
            except icmp.IcmpUnavailable as e:
                self._fail(computer, str(e))
                return
            if reply.ok:
                answered = True
                if not quiet:
                    self.write_object(PingStatus(computer, reply, addresses, self.BufferSize, self.TimeToLive))
            elif not quiet:
                self._fail(computer, STATUS_TEXT.get(reply.status, reply.status))
        if quiet:
            self.write_object(answered)


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view("System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus", TableView([
        Column("__SERVER", "Source", width=13),
        Column("Address", "Destination", width=15),
        Column("IPV4Address", width=16),
        Column("IPV6Address", width=40),
        Column("BufferSize", "Bytes", width=8, alignment="left"),
        Column("ResponseTime", "Time(ms)", width=9, alignment="left"),
    ]))


_register_views()
