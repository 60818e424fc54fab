"""ICMP echo (ping) for Test-Connection and Test-NetConnection.

Windows sends echo requests through its ICMP API, which any user may call. On Linux a process needs
one of:
1. an ICMP datagram socket (unprivileged "ping sockets", allowed when the process's group is inside
   net.ipv4.ping_group_range);
2. a raw ICMP socket (root, or the CAP_NET_RAW capability);
3. the system's `ping` program (iputils or busybox), which has the capability itself.
pshim tries them in that order. When none works, `echo` raises IcmpUnavailable and the cmdlets say
so in an error record: pshim never reports a ping it could not send as a failed ping.
"""
from __future__ import annotations

import ipaddress
import os
import re
import select
import shutil
import socket
import struct
import subprocess
import time


class IcmpUnavailable(Exception):
    """No way to send an echo request from this process."""


NO_ICMP = ("pshim cannot send ICMP echo requests here: this process may not open ICMP sockets (it is not "
           "root, has no CAP_NET_RAW and its group is outside net.ipv4.ping_group_range) and no ping "
           "program was found on PATH")


class EchoReply:
    __slots__ = ("status", "rtt", "ttl", "address", "size")

    def __init__(self, status: str, rtt: int = 0, ttl: int = 0, address: str | None = None, size: int = 0):
        self.status = status          # IPStatus name: Success, TimedOut, ...
        self.rtt = rtt                # milliseconds, whole
        self.ttl = ttl
        self.address = address
        self.size = size

    @property
    def ok(self):
        return self.status == "Success"

    def __repr__(self):
        return f"EchoReply({self.status}, {self.rtt} ms, ttl={self.ttl}, {self.address})"


def _checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


_SEQ = [0]


def _packet(v6: bool, ident: int, seq: int, size: int) -> bytes:
    payload = bytes((0x61 + i % 23) for i in range(size))      # abcdefghijklmnopqrstuvw... as Windows sends
    kind = 128 if v6 else 8
    header = struct.pack("!BBHHH", kind, 0, 0, ident, seq)
    csum = 0 if v6 else _checksum(header + payload)             # the kernel fills the ICMPv6 checksum
    return struct.pack("!BBHHH", kind, 0, csum, ident, seq) + payload


def _open(v6: bool):
    """(socket, kind) for the first ICMP socket this process may open, or None."""
    fam = socket.AF_INET6 if v6 else socket.AF_INET
    proto = socket.IPPROTO_ICMPV6 if v6 else socket.IPPROTO_ICMP
    for kind in (socket.SOCK_DGRAM, socket.SOCK_RAW):
        try:
            return socket.socket(fam, kind, proto), kind
        except (PermissionError, OSError):
            continue
    return None


def _socket_echo(sock, kind, address: str, v6: bool, timeout: float, size: int, ttl: int) -> EchoReply:
    ident = os.getpid() & 0xFFFF
    _SEQ[0] = (_SEQ[0] + 1) & 0xFFFF
    seq = _SEQ[0]
    with sock:
        if v6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ttl)
            try:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_RECVHOPLIMIT, 1)
            except (OSError, AttributeError):
                pass
        else:
            sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        start = time.perf_counter()
        sock.sendto(_packet(v6, ident, seq, size), (address, 0))
        deadline = start + timeout
        reply_type = 129 if v6 else 0
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                return EchoReply("TimedOut", 0, 0, address, size)
            ready, _, _ = select.select([sock], [], [], left)
            if not ready:
                return EchoReply("TimedOut", 0, 0, address, size)
            data, anc, _, frm = sock.recvmsg(65535, socket.CMSG_SPACE(4))
            elapsed = time.perf_counter() - start
            hops = 0
            if not v6 and kind == socket.SOCK_RAW:
                ihl = (data[0] & 0x0F) * 4
                hops = data[8]
                data = data[ihl:]
            for level, ctype, cdata in anc:
                if v6 and ctype == getattr(socket, "IPV6_HOPLIMIT", -1) and len(cdata) >= 4:
                    hops = struct.unpack("i", cdata[:4])[0]
                elif not v6 and ctype == getattr(socket, "IP_TTL", -1) and cdata:
                    hops = cdata[0]
            if len(data) < 8:
                continue
            rtype, _, _, rid, rseq = struct.unpack("!BBHHH", data[:8])
            if rtype != reply_type or rseq != seq:
                continue
            if kind == socket.SOCK_RAW and rid != ident:
                continue
            return EchoReply("Success", int(elapsed * 1000), hops, frm[0], len(data) - 8)


_PING_LINE = re.compile(r"bytes from [^:]*: .*?ttl=(\d+).*?time[=<]([\d.]+)\s*ms", re.I)


def ping_program() -> str | None:
    return shutil.which("ping")


def program_echo(program: str, address: str, v6: bool, timeout: float, size: int, ttl: int) -> EchoReply:
    """One echo through the system's ping program (iputils or busybox)."""
    args = [program] + (["-6"] if v6 else ["-4"]) + ["-c", "1", "-W", str(max(1, int(round(timeout)))),
                                                     "-s", str(size), "-t", str(ttl), address]
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=timeout + 5,
                              env={**os.environ, "LC_ALL": "C"})
    except (OSError, subprocess.TimeoutExpired):
        return EchoReply("TimedOut", 0, 0, address, size)
    m = _PING_LINE.search(done.stdout)
    if done.returncode == 0 and m:
        return EchoReply("Success", int(float(m.group(2))), int(m.group(1)), address, size)
    if done.returncode == 1 or "0 received" in done.stdout:
        return EchoReply("TimedOut", 0, 0, address, size)
    raise IcmpUnavailable(f"the ping program failed: {(done.stderr or done.stdout).strip()}")


def echo(address: str, timeout: float = 4.0, size: int = 32, ttl: int = 128) -> EchoReply:
    """Send one echo request to `address` (an IP address) and wait for the reply."""
    v6 = ipaddress.ip_address(address.split("%")[0]).version == 6
    opened = _open(v6)
    if opened is not None:
        return _socket_echo(opened[0], opened[1], address, v6, timeout, size, ttl)
    program = ping_program()
    if program is None:
        raise IcmpUnavailable(NO_ICMP)
    return program_echo(program, address, v6, timeout, size, ttl)
