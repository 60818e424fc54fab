"""Fixtures for the LDAP backend: a real slapd (tests/modules/exchange/slapd_server.py) with pshim's test
schema, the built-in lab organisation (samples/labs/contoso) provisioned into it, and a DNS responder on
loopback that knows the lab servers' names.

- `slapd`, `org`, `admin`, `dns_server`, `lab_records`: in the parent conftest (tests/modules/exchange), which
  the backend-neutral cmdlet tests share.
- `directory` / `make_directory(**config)`: LdapDirectory connections to it (closed at teardown).
- `big_slapd`: a second slapd with 500 servers x 5 connectors bulk-loaded by slapadd (for paging).
Skipped only when the slapd binary is missing (CI installs it).
"""

import pytest

from tests.modules.exchange.slapd_server import SlapdServer, need_slapd

from pshim.modules.exchange import records as R

SUFFIX = "DC=contoso,DC=com"
BIG_SUFFIX = "DC=fabrikam,DC=com"


@pytest.fixture
def make_config(slapd, dns_server):
    from pshim.modules.exchange.directory.ldap_config import LdapConfig

    def make(**kw):
        values = dict(server=slapd.address, base_dn=SUFFIX, user=slapd.root_dn(), password=slapd.password,
                      nameserver=dns_server.address, timeout=5)
        values.update(kw)
        return LdapConfig(**values)
    return make


@pytest.fixture
def make_directory(make_config):
    from pshim.modules.exchange.directory.ldap import LdapDirectory
    opened = []

    def make(domain_controller=None, **kw):
        d = LdapDirectory(make_config(**kw), domain_controller)
        opened.append(d)
        return d
    yield make
    for d in opened:
        d.close()


@pytest.fixture
def directory(org, make_directory):
    return make_directory()


@pytest.fixture(scope="session")
def big_org():
    """500 Mailbox servers x 5 default connectors (Fabrikam)."""
    servers = [R.ServerRecord(f"MBX{i:03}", f"mbx{i:03}.fabrikam.com", R.MAILBOX_2019_ROLES,
                              "Version 15.2 (Build 31118.7)") for i in range(500)]
    return servers, [c for s in servers for c in R.default_connectors(s)]


@pytest.fixture(scope="session")
def big_slapd(big_org):
    from pshim.modules.exchange.directory.ldap import organization_entries, to_ldif
    need_slapd()
    servers, connectors = big_org
    ldif = to_ldif(organization_entries(BIG_SUFFIX, servers, connectors, "Fabrikam"))
    with SlapdServer([BIG_SUFFIX], preload={BIG_SUFFIX: ldif}) as s:
        yield s
