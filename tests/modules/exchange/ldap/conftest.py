"""Fixtures for the LDAP backend: a real slapd (tests/modules/exchange/slapd_server.py) with pshim's test
schema, the built-in lab organisation (samples/labs/contoso) provisioned into it, and a DNS responder on
loopback that knows the lab servers' names.

- `slapd`: one slapd for the session (suffix DC=contoso,DC=com).
- `org`: wipes the configuration tree and provisions the lab organisation afresh (function scope), so every
  test starts from the same directory; returns (servers, connectors) as provisioned.
- `directory` / `make_directory(**config)`: LdapDirectory connections to it (closed at teardown).
- `big_slapd`: a second slapd with 500 servers x 5 connectors bulk-loaded by slapadd (for paging).
Skipped only when the slapd binary is missing (CI installs it).
"""
import os

import pytest

from tests.modules.exchange.slapd_server import SlapdServer, DnsResponder, need_slapd

from pshim.modules.exchange import records as R

SUFFIX = "DC=contoso,DC=com"
BIG_SUFFIX = "DC=fabrikam,DC=com"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
DEFINITION = os.path.join(ROOT, "samples", "labs", "contoso", "organization.psd1")


def _fallback_records():
    """The lab organisation (as samples/labs/contoso defines it) built here, for when lab_definition cannot be
    loaded."""
    servers = [
        R.ServerRecord("Mailbox01", "Mailbox01.contoso.com", R.MAILBOX_2019_ROLES, "Version 15.2 (Build 31118.7)",
                       "Standard", ipv4=["127.0.10.1"], ipv6=["::1"]),
        R.ServerRecord("Mailbox02", "Mailbox02.contoso.com", R.MAILBOX_2019_ROLES, "Version 15.2 (Build 31118.7)",
                       "Enterprise", ipv4=["127.0.10.2"]),
        R.ServerRecord("Edge01", "Edge01.contoso.com", R.ROLE_EDGE, "Version 15.2 (Build 31118.7)", "Standard",
                       ipv4=["127.0.10.3"]),
    ]
    return "Contoso", servers, [c for s in servers for c in R.default_connectors(s)]


@pytest.fixture(scope="session")
def lab_records():
    """(organization, servers, connectors) of samples/labs/contoso, read by the lab's own loader."""
    try:
        from pshim.testing import new_session
        from pshim.modules.exchange.directory.lab_definition import load_definition
        org, servers, connectors, _faults = load_definition(new_session().global_ctx, DEFINITION)
        return org["Organization"], servers, connectors
    except Exception:      # the lab loader is another module's work in progress: same data, built here
        return _fallback_records()


@pytest.fixture(scope="session")
def dns_server(lab_records):
    _org, servers, _c = lab_records
    names = {s.fqdn: list(s.ipv4) + list(s.ipv6) for s in servers}
    with DnsResponder(names) as d:
        yield d


@pytest.fixture(scope="session")
def slapd():
    need_slapd()
    with SlapdServer([SUFFIX]) as s:
        yield s


def _admin(slapd_, suffix=SUFFIX):
    import ldap3
    return ldap3.Connection(ldap3.Server("127.0.0.1", port=slapd_.port, get_info=ldap3.NONE),
                            slapd_.root_dn(suffix), slapd_.password, auto_bind=True, receive_timeout=10)


@pytest.fixture(scope="session")
def admin(slapd):
    """A plain ldap3 connection as slapd's rootdn (to look at or change entries behind the directory's back)."""
    conn = _admin(slapd)
    yield conn
    conn.unbind()


def _wipe(conn, base):
    import ldap3
    conn.search(base, "(objectClass=*)", ldap3.SUBTREE, attributes=[])
    dns = [r["dn"] for r in conn.response if r.get("type") == "searchResEntry"]
    for dn in sorted(dns, key=lambda d: d.count(","), reverse=True):
        conn.delete(dn)


@pytest.fixture
def org(slapd, admin, lab_records):
    """The lab organisation, freshly provisioned: (servers, connectors) as they were written."""
    from pshim.modules.exchange.directory.ldap import provision
    _wipe(admin, SUFFIX)
    name, servers, connectors = lab_records
    provision(admin, servers, connectors, organization=name, root_dn=SUFFIX)
    return servers, connectors


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
