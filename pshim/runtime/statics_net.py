"""System.Net.Dns and System.Net.IPAddress statics (addresses are Python
ipaddress objects, which typenames.py shows as System.Net.IPAddress)."""
from __future__ import annotations

import ipaddress
import socket

from ..errors import FormatException, SocketException
from .psobject import TypedArray, unwrap
from .method_support import nargs, arg_null, a_str, set_ref
from .statics import static_type

# ---------------------------------------------------------------------------
# System.Net.Dns and System.Net.IPAddress

DNS = static_type("System.Net.Dns")


@DNS.method("GetHostName", "static string GetHostName()")
def _dns_host_name(args, kw):
    nargs(args, 0)
    return socket.gethostname().split(".")[0]


@DNS.method("GetHostAddresses", "static ipaddress[] GetHostAddresses(string hostNameOrAddress)")
def _dns_addresses(args, kw):
    nargs(args, 1)
    host = a_str(args, 0)
    if host is None:
        raise arg_null("hostNameOrAddress")
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError):
        raise SocketException("No such host is known") from None
    seen = []
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if addr not in seen:
            seen.append(addr)
    return TypedArray(seen, "System.Net.IPAddress")


IP = static_type("System.Net.IPAddress")
IP.const(Any=ipaddress.IPv4Address("0.0.0.0"), Loopback=ipaddress.IPv4Address("127.0.0.1"),
         Broadcast=ipaddress.IPv4Address("255.255.255.255"), None_=ipaddress.IPv4Address("255.255.255.255"),
         IPv6Any=ipaddress.IPv6Address("::"), IPv6Loopback=ipaddress.IPv6Address("::1"),
         IPv6None=ipaddress.IPv6Address("::"))
IP.props["none"] = ("None", IP.props.pop("none_")[1])


def parse_ip(text):
    if text is None:
        raise arg_null("ipString")
    s = text.strip()
    if s.startswith("[") and "]" in s:
        s = s[1:s.index("]")]
    try:
        return ipaddress.ip_address(s.split("%")[0])
    except ValueError:
        pass
    parts = s.split(".")
    if 1 <= len(parts) <= 4 and all(p.isdigit() for p in parts):       # .NET's short IPv4 forms: "1" -> 0.0.0.1
        nums = [int(p) for p in parts]
        limits = {1: [2 ** 32], 2: [256, 2 ** 24], 3: [256, 256, 2 ** 16], 4: [256] * 4}[len(nums)]
        if all(n < lim for n, lim in zip(nums, limits)):
            value = 0
            for n, lim in zip(nums, limits):
                value = value * lim + n
            return ipaddress.IPv4Address(value)
    raise FormatException("An invalid IP address was specified.")


@IP.method("Parse", "static ipaddress Parse(string ipString)")
def _ip_parse(args, kw):
    nargs(args, 1)
    return parse_ip(a_str(args, 0))


@IP.method("TryParse", "static bool TryParse(string ipString, [ref] ipaddress address)")
def _ip_try_parse(args, kw):
    nargs(args, 2)
    try:
        value, ok = parse_ip(a_str(args, 0) or ""), True
    except FormatException:
        value, ok = None, False
    set_ref(args[1], value)
    return ok


@IP.method("IsLoopback", "static bool IsLoopback(ipaddress address)")
def _ip_is_loopback(args, kw):
    nargs(args, 1)
    a = unwrap(args[0])
    if a is None:
        raise arg_null("address")
    if isinstance(a, str):
        a = parse_ip(a)
    return a.is_loopback
