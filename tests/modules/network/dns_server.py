"""A small authoritative DNS server for tests: answers from a fixed zone on 127.0.0.1 (UDP and TCP on the
same free port), built with dnspython's message functions. It counts the queries it answers."""
from __future__ import annotations

import select
import socket
import struct
import threading

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdatatype
import dns.rrset

ZONE_TEXT = """
contoso.test. 3600 IN SOA ns1.contoso.test. hostmaster.contoso.test. 2024010101 3600 600 86400 300
contoso.test. 3600 IN NS ns1.contoso.test.
contoso.test. 3600 IN MX 10 mail.contoso.test.
contoso.test. 3600 IN MX 20 mail2.contoso.test.
contoso.test. 300 IN TXT "v=spf1 mx -all"
contoso.test. 300 IN TXT "verification=abc" "second string"
ns1.contoso.test. 3600 IN A 127.0.10.53
mail.contoso.test. 600 IN A 127.0.10.1
mail.contoso.test. 600 IN AAAA ::1
mail2.contoso.test. 600 IN A 127.0.10.2
www.contoso.test. 120 IN CNAME mail.contoso.test.
_smtp._tcp.contoso.test. 900 IN SRV 0 5 25 mail.contoso.test.
1.10.0.127.in-addr.arpa. 3600 IN PTR mail.contoso.test.
"""
ORIGIN = dns.name.from_text("contoso.test.")
REVERSE = dns.name.from_text("10.0.127.in-addr.arpa.")
SPECIAL = {"servfail.contoso.test.": dns.rcode.SERVFAIL, "refused.contoso.test.": dns.rcode.REFUSED}


def _zone():
    records = {}
    for line in ZONE_TEXT.strip().splitlines():
        name, ttl, cls, rtype, data = line.split(None, 4)
        key = (name.lower(), rtype)
        rr = records.get(key)
        new = dns.rrset.from_text(name, int(ttl), cls, rtype, data)
        if rr is None:
            records[key] = new
        else:
            rr.union_update(new)
    return records


class ZoneServer:
    def __init__(self):
        self.records = _zone()
        self.queries = []
        self.udp, self.tcp, self.port = self._bind_pair()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    @staticmethod
    def _bind_pair():
        """A UDP and a TCP socket on the same free loopback port. The port the kernel gives the UDP socket may
        be taken for TCP by another test; then try another port (a bounded number of times)."""
        last = None
        for _ in range(50):
            udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                tcp.bind(("127.0.0.1", port))
            except OSError as e:
                last = e
                udp.close()
                tcp.close()
                continue
            tcp.listen(8)
            return udp, tcp, port
        raise last

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self._stop.set()
        self._thread.join(5)
        self.udp.close()
        self.tcp.close()

    def answer(self, wire: bytes, transport: str) -> bytes:
        q = dns.message.from_wire(wire)
        question = q.question[0]
        qname = question.name.to_text().lower()
        qtype = dns.rdatatype.to_text(question.rdtype)
        self.queries.append((qname, qtype, transport))
        r = dns.message.make_response(q)
        r.flags |= dns.flags.AA
        if qname in SPECIAL:
            r.set_rcode(SPECIAL[qname])
            return r.to_wire()
        if not (question.name.is_subdomain(ORIGIN) or question.name.is_subdomain(REVERSE)):
            r.set_rcode(dns.rcode.REFUSED)
            return r.to_wire()
        names = {n for n, _ in self.records}
        name = qname
        cname = self.records.get((name, "CNAME"))
        if cname is not None and qtype != "CNAME":
            r.answer.append(cname)
            name = cname[0].target.to_text().lower()
        rr = self.records.get((name, qtype))
        if rr is not None:
            r.answer.append(rr)
            if qtype == "MX":
                for mx in rr:
                    glue = self.records.get((mx.exchange.to_text().lower(), "A"))
                    if glue is not None:
                        r.additional.append(glue)
        elif name not in names:
            r.set_rcode(dns.rcode.NXDOMAIN)
            r.authority.append(self.records[("contoso.test.", "SOA")])
        elif not r.answer:
            r.authority.append(self.records[("contoso.test.", "SOA")])
        return r.to_wire()

    def _serve(self):
        while not self._stop.is_set():
            ready, _, _ = select.select([self.udp, self.tcp], [], [], 0.1)
            for s in ready:
                if s is self.udp:
                    data, peer = self.udp.recvfrom(65535)
                    self.udp.sendto(self.answer(data, "udp"), peer)
                else:
                    conn, _ = self.tcp.accept()
                    with conn:
                        conn.settimeout(2)
                        try:
                            n = struct.unpack("!H", conn.recv(2))[0]
                            data = b""
                            while len(data) < n:
                                chunk = conn.recv(n - len(data))
                                if not chunk:
                                    break
                                data += chunk
                            out = self.answer(data, "tcp")
                            conn.sendall(struct.pack("!H", len(out)) + out)
                        except (OSError, struct.error):
                            pass
