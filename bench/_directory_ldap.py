"""The LDAP half of bench/directory: Active Directory's layout served by a real slapd on loopback.

    python bench/directory_ldap.py          (bench/directory.py calls ldap_figures())

An organisation of 500 Mailbox servers x 5 default Receive connectors (2,500 connectors) is bulk-loaded
into a throw-away slapd (tests/modules/exchange/slapd_server.py, pshim's test schema) with slapadd; then
LdapDirectory lists it: connectors per second through LdapDirectory.connectors() (first listing and best
of repeated ones), the LDAP search requests each listing sends (paged, 500 per page: 5, never one per
object), servers per second (with their A/AAAA lookups against a loopback DNS server that knows none of
the names), and `Get-ReceiveConnector | Out-Null` through the cmdlet on the same directory.
Returns None when slapd is not installed.
"""
from __future__ import annotations

import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

ROUNDS = 3
SUFFIX = "DC=contoso,DC=com"


def _organisation(n_servers):
    from pshim.modules.exchange import records as R
    servers = [R.ServerRecord(f"MBX{i:03d}", f"MBX{i:03d}.contoso.com", R.MAILBOX_2019_ROLES,
                              "Version 15.2 (Build 31118.7)") for i in range(n_servers)]
    return servers, [c for s in servers for c in R.default_connectors(s)]


def _cmdlet_rate(directory, n_expected) -> float:
    """Connectors per second of `Get-ReceiveConnector | Out-Null` with `directory` as the session's directory."""
    from pshim.modules.exchange.directory.select import directory_state
    from pshim.runtime.drives import pshim_home
    from pshim.testing import new_session, run
    session = new_session(interactive=False)
    state = directory_state(session.global_ctx)
    home = pshim_home()
    for kind in ("lab", "ldap"):
        state.connections[(kind, home, "")] = directory
    r = run("Get-ReceiveConnector -Server MBX000 | Out-Null", session=session)
    assert not r.errors, r.error_text
    best = None
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        r = run("Get-ReceiveConnector | Out-Null", session=session)
        dt = time.perf_counter() - t0
        assert not r.errors, r.error_text
        best = dt if best is None else min(best, dt)
    return n_expected / best


def ldap_figures(n_servers=500) -> dict | None:
    from tests.modules.exchange.slapd_server import SlapdServer, DnsResponder, slapd_binary
    if slapd_binary() is None:
        return None
    from pshim.modules.exchange.directory.ldap import LdapDirectory, organization_entries, to_ldif
    from pshim.modules.exchange.directory.ldap_config import LdapConfig
    servers, connectors = _organisation(n_servers)
    n = len(connectors)
    figures = {}
    t0 = time.perf_counter()
    ldif = to_ldif(organization_entries(SUFFIX, servers, connectors, "Contoso"))
    with DnsResponder({}) as dns, SlapdServer([SUFFIX], preload={SUFFIX: ldif}) as slapd:
        figures["organisation"] = (f"{n_servers} servers x 5 connectors = {n} connectors, bulk-loaded in "
                                   f"{time.perf_counter() - t0:.1f} s (slapadd)")
        config = LdapConfig(server=slapd.address, base_dn=SUFFIX, user=slapd.root_dn(), password=slapd.password,
                            nameserver=dns.address)
        directory = LdapDirectory(config)
        try:
            times, searches = [], []
            for _ in range(ROUNDS + 1):
                before = directory.search_operations
                t = time.perf_counter()
                got = directory.connectors()
                times.append(time.perf_counter() - t)
                searches.append(directory.search_operations - before)
                assert len(got) == n
            figures["connectors(), first listing"] = f"{n / times[0]:,.0f} connectors/s"
            figures["connectors(), repeated"] = f"{n / min(times[1:]):,.0f} connectors/s (every listing reads " \
                                                "the directory again)"
            figures["search requests per listing"] = f"{searches[0]} (page size {directory.paged_size})"
            before = directory.search_operations
            t = time.perf_counter()
            got = directory.servers()
            dt = time.perf_counter() - t
            figures["servers()"] = (f"{len(got) / dt:,.0f} servers/s with their DNS lookups "
                                    f"({directory.search_operations - before} search request(s))")
            try:
                figures["Get-ReceiveConnector | Out-Null"] = f"{_cmdlet_rate(directory, n):,.0f} connectors/s"
            except Exception as e:       # the cmdlets are another module's work: report, don't fail
                figures["Get-ReceiveConnector | Out-Null"] = f"not measured ({type(e).__name__}: {e})"
        finally:
            directory.close()
    return figures


def main():
    figures = ldap_figures()
    if figures is None:
        print("LDAP: slapd is not installed here (apt-get install slapd)")
        return
    for k, v in figures.items():
        print(f"LDAP {k}: {v}")


if __name__ == "__main__":
    main()
