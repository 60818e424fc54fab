"""Name resolution for the network cmdlets: the hosts file, then DNS (dnspython).

One resolver for Resolve-DnsName, Test-NetConnection and Test-Connection, so the three agree on
what a name is. Windows asks its DNS client service (hosts file, cache, DNS, LLMNR, NetBIOS); pshim
asks the hosts file and the DNS servers only, never LLMNR or NetBIOS, and keeps no cache.

Settings (pshim's own, read here only; see the package docstring): PSHIM_DNS_SERVER,
PSHIM_DNS_PORT, PSHIM_HOSTS_FILE.
"""
from __future__ import annotations

import ipaddress
import os

# Win32 error names and texts Resolve-DnsName reports (the trailing period dropped, as it shows them)
NAME_ERROR = ("DNS_ERROR_RCODE_NAME_ERROR", "DNS name does not exist")
SERVER_FAILURE = ("DNS_ERROR_RCODE_SERVER_FAILURE", "DNS server failure")
REFUSED = ("DNS_ERROR_RCODE_REFUSED", "DNS request refused")
FORMAT_ERROR = ("DNS_ERROR_RCODE_FORMAT_ERROR", "DNS server unable to interpret format")
NOT_IMPLEMENTED = ("DNS_ERROR_RCODE_NOT_IMPLEMENTED", "DNS request not supported by name server")
TIMEOUT = ("ERROR_TIMEOUT", "This operation returned because the timeout period expired")
NO_SERVER = ("DNS_ERROR_NO_DNS_SERVERS", "No DNS servers configured for local system")
INVALID_NAME = ("DNS_ERROR_INVALID_NAME", "DNS name contains an invalid character")

HOSTS_TTL = 86400     # what Windows gives the records it reads from the hosts file


class ResolveError(Exception):
    def __init__(self, error: tuple[str, str]):
        super().__init__(error[1])
        self.code, self.text = error


class Record:
    """One resource record: owner name, type name, TTL, section and the type's data (a dict)."""

    __slots__ = ("name", "rtype", "ttl", "section", "data", "length")

    def __init__(self, name: str, rtype: str, ttl: int, section: str, data: dict, length: int = 0):
        self.name = name
        self.rtype = rtype
        self.ttl = ttl
        self.section = section
        self.data = data
        self.length = length

    def __repr__(self):
        return f"Record({self.name!r}, {self.rtype}, {self.ttl}, {self.section}, {self.data!r})"


# ---------------------------------------------------------------------------
# settings

def hosts_file() -> str:
    return os.environ.get("PSHIM_HOSTS_FILE") or "/etc/hosts"


def dns_port() -> int:
    try:
        return int(os.environ.get("PSHIM_DNS_PORT") or 53)
    except ValueError:
        return 53


def default_servers() -> list[str]:
    env = os.environ.get("PSHIM_DNS_SERVER")
    if env:
        return [s.strip() for s in env.split(",") if s.strip()]
    servers = []
    try:
        with open("/etc/resolv.conf") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and parts[0] == "nameserver":
                    servers.append(parts[1])
    except OSError:
        pass
    return servers


# ---------------------------------------------------------------------------
# the hosts file

def hosts_entries() -> list[tuple[str, list[str]]]:
    """(address, [names]) per line of the hosts file."""
    out = []
    try:
        with open(hosts_file(), encoding="utf-8", errors="replace") as fh:
            for line in fh:
                line = line.split("#", 1)[0].split()
                if len(line) < 2:
                    continue
                try:
                    ipaddress.ip_address(line[0].split("%")[0])
                except ValueError:
                    continue
                out.append((line[0], line[1:]))
    except OSError:
        pass
    return out


def hosts_lookup(name: str, rtype: str) -> list[Record]:
    """A / AAAA records for `name` from the hosts file (rtype 'A', 'AAAA' or 'A_AAAA')."""
    want = name.rstrip(".").lower()
    out = []
    for addr, names in hosts_entries():
        if want not in (n.lower() for n in names):
            continue
        version = ipaddress.ip_address(addr.split("%")[0]).version
        t = "A" if version == 4 else "AAAA"
        if rtype in (t, "A_AAAA"):
            out.append(Record(name, t, HOSTS_TTL, "Answer", {"address": addr}, 4 if t == "A" else 16))
    return out


# ---------------------------------------------------------------------------
# DNS

def reverse_name(address: str) -> str:
    import dns.reversename
    return dns.reversename.from_address(address).to_text(omit_final_dot=True)


def _record(rrset, section: str) -> list[Record]:
    import dns.rdatatype as T
    out = []
    name = rrset.name.to_text(omit_final_dot=True)
    rtype = T.to_text(rrset.rdtype)
    for rd in rrset:
        length = len(rd.to_wire()) if hasattr(rd, "to_wire") else 0
        if rtype in ("A", "AAAA"):
            data = {"address": rd.address}
        elif rtype == "MX":
            data = {"exchange": rd.exchange.to_text(omit_final_dot=True), "preference": rd.preference}
        elif rtype in ("CNAME", "NS", "PTR"):
            data = {"target": rd.target.to_text(omit_final_dot=True)}
        elif rtype == "TXT":
            data = {"strings": [s.decode("utf-8", errors="replace") for s in rd.strings]}
        elif rtype == "SRV":
            data = {"target": rd.target.to_text(omit_final_dot=True), "priority": rd.priority,
                    "weight": rd.weight, "port": rd.port}
        elif rtype == "SOA":
            data = {"mname": rd.mname.to_text(omit_final_dot=True), "rname": rd.rname.to_text(omit_final_dot=True),
                    "serial": rd.serial, "refresh": rd.refresh, "retry": rd.retry, "expire": rd.expire,
                    "minimum": rd.minimum}
        else:
            data = {"text": rd.to_text()}
        out.append(Record(name, rtype, rrset.ttl, section, data, length))
    return out


_RCODES = None


def _rcode_error(rcode):
    import dns.rcode as R
    global _RCODES
    if _RCODES is None:
        _RCODES = {R.NXDOMAIN: NAME_ERROR, R.SERVFAIL: SERVER_FAILURE, R.REFUSED: REFUSED,
                   R.FORMERR: FORMAT_ERROR, R.NOTIMP: NOT_IMPLEMENTED}
    return _RCODES.get(rcode, SERVER_FAILURE)


def dns_query(name: str, rtype: str, servers: list[str] | None = None, tcp: bool = False,
              recursion: bool = True, quick: bool = False) -> list[Record]:
    """Ask the servers (in turn, until one answers) for `name`/`rtype`; every section's records.
    Raises ResolveError with the Win32 code and text 5.1 reports."""
    import dns.exception
    import dns.flags
    import dns.message
    import dns.name
    import dns.query
    import dns.rcode
    servers = servers if servers else default_servers()
    if not servers:
        raise ResolveError(NO_SERVER)
    try:
        qname = dns.name.from_text(name)
        query = dns.message.make_query(qname, rtype)
    except (dns.exception.DNSException, ValueError, UnicodeError):
        raise ResolveError(INVALID_NAME) from None
    if not recursion:
        query.flags &= ~dns.flags.RD
    port = dns_port()
    timeouts = (1.0,) if quick else (1.0, 2.0)
    last = TIMEOUT
    for timeout in timeouts:
        for server in servers:
            try:
                if tcp:
                    response = dns.query.tcp(query, server, timeout=timeout, port=port)
                else:
                    response = dns.query.udp(query, server, timeout=timeout, port=port, ignore_unexpected=True)
                    if response.flags & dns.flags.TC:
                        response = dns.query.tcp(query, server, timeout=timeout, port=port)
            except dns.exception.Timeout:
                last = TIMEOUT
                continue
            except (OSError, dns.exception.DNSException):
                last = SERVER_FAILURE
                continue
            rcode = response.rcode()
            if rcode != dns.rcode.NOERROR:
                raise ResolveError(_rcode_error(rcode))
            out = []
            for section, rrsets in (("Answer", response.answer), ("Authority", response.authority),
                                    ("Additional", response.additional)):
                for rrset in rrsets:
                    out += _record(rrset, section)
            return out
    raise ResolveError(last)


def resolve(name: str, rtype: str, servers: list[str] | None = None, use_hosts: bool = True,
            tcp: bool = False, recursion: bool = True, quick: bool = False) -> list[Record]:
    """Resolve-DnsName's lookup: the hosts file for A/AAAA (unless use_hosts is False), else DNS.
    rtype 'A_AAAA' asks for both address types."""
    if use_hosts and rtype in ("A", "AAAA", "A_AAAA"):
        found = hosts_lookup(name, rtype)
        if found:
            return found
    if rtype != "A_AAAA":
        return dns_query(name, rtype, servers, tcp, recursion, quick)
    out = []
    error = None
    for t in ("A", "AAAA"):
        try:
            got = dns_query(name, t, servers, tcp, recursion, quick)
        except ResolveError as e:
            if e.code == NAME_ERROR[0]:
                raise
            error = error or e
            continue
        out += got
    if not out and error is not None:
        raise error
    # one copy of the records both queries returned (a CNAME chain, the authority's SOA)
    seen, unique = set(), []
    for r in out:
        key = (r.name.lower(), r.rtype, r.section, repr(sorted(r.data.items())))
        if key not in seen:
            seen.add(key)
            unique.append(r)
    return unique


def host_addresses(name: str) -> list[str]:
    """The addresses a host name stands for (Test-NetConnection, Test-Connection): an address is
    itself; else the hosts file, else DNS A then AAAA answers. Raises ResolveError."""
    literal = name.strip("[]")
    try:
        ipaddress.ip_address(literal.split("%")[0])
        return [literal]
    except ValueError:
        pass
    found = hosts_lookup(name, "A_AAAA")
    if not found:
        records = []
        error = None
        for t in ("A", "AAAA"):
            try:
                records += [r for r in dns_query(name, t) if r.section == "Answer" and r.rtype == t]
            except ResolveError as e:
                if e.code == NAME_ERROR[0]:
                    raise
                error = error or e
        if not records and error is not None:
            raise error
        found = records
    addresses = []
    for r in found:
        a = r.data["address"]
        if a not in addresses:
            addresses.append(a)
    if not addresses:
        raise ResolveError(NAME_ERROR)
    return addresses
