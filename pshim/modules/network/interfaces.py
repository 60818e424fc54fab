"""Which local interface holds an address, and which source address the system picks for a
destination (what 5.1's InterfaceAlias and SourceAddress show). Linux only: the interface names are
the system's own (lo, eth0), not Windows aliases."""
from __future__ import annotations

import ipaddress
import socket


def _ipv4_of(name: str) -> str | None:
    try:
        import fcntl
        import struct
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            raw = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))   # SIOCGIFADDR
        return socket.inet_ntoa(raw[20:24])
    except (OSError, ImportError):
        return None


def _ipv6_addresses() -> dict:
    out = {}
    try:
        with open("/proc/net/if_inet6") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 6:
                    addr = ipaddress.IPv6Address(int(parts[0], 16))
                    out.setdefault(parts[5], []).append(addr)
    except OSError:
        pass
    return out


def interface_of(address: str) -> str | None:
    """The name of the interface that holds `address` (any 127.x and ::1 are the loopback's)."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return None
    try:
        names = [n for _, n in socket.if_nameindex()]
    except OSError:
        return None
    if ip.version == 4:
        for n in names:
            a = _ipv4_of(n)
            if a is None:
                continue
            mine = ipaddress.ip_address(a)
            if mine == ip or (ip.is_loopback and mine.is_loopback):
                return n
        return None
    for n, addrs in _ipv6_addresses().items():
        if ip in addrs:
            return n
    return None


def source_address(destination: str) -> str | None:
    """The local address the system would send from to reach `destination` (no packet is sent)."""
    try:
        ip = ipaddress.ip_address(destination.split("%")[0])
    except ValueError:
        return None
    fam = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
    try:
        with socket.socket(fam, socket.SOCK_DGRAM) as s:
            s.connect((destination, 9))
            return s.getsockname()[0]
    except OSError:
        return None
