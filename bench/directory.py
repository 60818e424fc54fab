"""Directory reads: `Get-ReceiveConnector | Out-Null` over an organisation of 500 servers x 5 connectors.

Figures: connectors listed per second through the cmdlet on the lab store (SQLite), on the same records
held in memory (the cost of the cmdlet and its objects alone), and on Active Directory over LDAP (a real
slapd on loopback, when slapd is installed; bench/_directory_ldap.py). Goal: the lab store at most 2x the
in-memory cost; LDAP reads with paged searches, not one query per object.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time

N_SERVERS = 500
ROUNDS = 3


def organisation(n_servers=N_SERVERS):
    from pshim.modules.exchange import records as R
    servers, connectors = [], []
    for i in range(n_servers):
        name = f"MBX{i:03d}"
        s = R.ServerRecord(name, f"{name}.contoso.com", R.MAILBOX_2019_ROLES, "Version 15.2 (Build 31118.7)",
                           ipv4=[f"127.1.{i // 250}.{i % 250 + 1}"], dn=f"CN={name},CN=Servers,CN=Contoso")
        servers.append(s)
        for c in R.default_connectors(s):
            c.dn = f"CN={c.name},CN=SMTP Receive Connectors,CN=Protocols,{s.dn}"
            connectors.append(c)
    return servers, connectors


class MemoryDirectory:
    """The same records served from memory (the baseline: what the cmdlet costs without storage)."""
    kind = "memory"
    organization = "Contoso"
    source = "DC01.contoso.com"

    def __init__(self, servers, connectors):
        self._servers, self._connectors = servers, connectors

    def servers(self):
        return list(self._servers)

    def connectors(self, server=None):
        if server is None:
            return list(self._connectors)
        return [c for c in self._connectors if c.server.lower() == server.lower()]

    def local_server(self):
        return None

    def domain_controllers(self):
        return [self.source]

    def close(self):
        pass


def _time_listing(session, n_expected) -> tuple[float, float]:
    """(first listing, best repeated listing) in connectors per second."""
    from pshim.testing import run
    run("Get-ReceiveConnector -Server MBX000 | Out-Null", session=session)   # load the cmdlet, open the store
    times = []
    for _ in range(ROUNDS + 1):
        t0 = time.perf_counter()
        r = run("Get-ReceiveConnector | Out-Null", session=session)
        times.append(time.perf_counter() - t0)
        assert not r.errors, r.error_text
    assert run("@(Get-ReceiveConnector).Count", session=session).output == [n_expected]
    return n_expected / times[0], n_expected / min(times[1:])


def main():
    from pshim.modules.exchange.directory.lab import create_lab, lab_path
    from pshim.modules.exchange.directory.select import directory_state
    from pshim.testing import new_session
    servers, connectors = organisation()
    n = len(connectors)
    with tempfile.TemporaryDirectory() as home:
        os.environ["PSHIM_HOME"] = home
        org = {"Organization": "Contoso", "Domain": "contoso.com", "LocalServer": None,
               "DomainControllers": ["DC01.contoso.com"], "PortOffset": "Auto", "Definition": "bench"}
        create_lab(lab_path(home), org, servers, connectors, [])
        lab_cold, lab_warm = _time_listing(new_session(interactive=False), n)
        mem = new_session(interactive=False)
        state = directory_state(mem.global_ctx)
        state.connections[("lab", home, "")] = MemoryDirectory(servers, connectors)
        mem_cold, mem_warm = _time_listing(mem, n)
    print(f"organisation: {N_SERVERS} servers x 5 connectors = {n} connectors")
    print(f"in memory (cmdlet and objects only): {mem_warm:,.0f} connectors/s")
    print(f"lab store (SQLite), first listing  : {lab_cold:,.0f} connectors/s ({mem_warm / lab_cold:.1f}x the "
          "in-memory cost: reads and decodes every row)")
    print(f"lab store (SQLite), repeated       : {lab_warm:,.0f} connectors/s (cost {mem_warm / lab_warm:.2f}x "
          "in-memory; goal <= 2x; unchanged data is not read again)")
    try:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from _directory_ldap import ldap_figures
    except ImportError:
        print("LDAP: bench/_directory_ldap.py is not there")
        return
    figures = ldap_figures(N_SERVERS)
    if figures is None:
        print("LDAP: slapd is not installed here (apt-get install slapd)")
        return
    for k, v in figures.items():
        print(f"LDAP {k}: {v}")


if __name__ == "__main__":
    main()
