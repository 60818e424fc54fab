"""Fixtures for the Exchange module: a lab directory in each test's own pshim home; a real slapd with the lab
organisation provisioned afresh for each test that wants Active Directory; `dir_ems`, a session on either
backend, for the cmdlet tests that must pass on both.

The built-in lab database is built once per session (from samples/labs/contoso) and copied into each
test's home, so every test starts from the same fresh organisation without paying for its creation.
"""
import os

import pytest

from pshim.testing import run, new_session
from tests.modules.exchange.lab_support import build_lab_template, copy_lab
from tests.modules.exchange.slapd_server import SlapdServer, DnsResponder, need_slapd, write_directory_config

SUFFIX = "DC=contoso,DC=com"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DEFINITION = os.path.join(ROOT, "samples", "labs", "contoso", "organization.psd1")


@pytest.fixture(scope="session")
def _lab_template(tmp_path_factory):
    return build_lab_template(tmp_path_factory.mktemp("lab-template"), 20000 + os.getpid() % 30000)


@pytest.fixture
def lab(_lab_template):
    """A fresh copy of the built-in lab in this test's pshim home; returns the database path."""
    return copy_lab(_lab_template)


@pytest.fixture
def ems(lab):
    """A session on the lab: ems("Get-ReceiveConnector") -> RunResult; the session persists within a test."""
    session = new_session(interactive=False)

    def go(script, answers=None, capture_output=True):
        session.host.out.clear()          # host_text / error_text of this run only
        session.host.err.clear()
        if answers is not None:
            session.host.interactive = True
        return run(script, session=session, answers=answers, capture_output=capture_output)
    go.session = session
    return go


# -- Active Directory (slapd) ------------------------------------------------------------------

@pytest.fixture(scope="session")
def lab_records():
    """(organization, servers, connectors) of samples/labs/contoso, read by the lab's own loader."""
    from pshim.modules.exchange.directory.lab_definition import load_definition
    org, servers, connectors, _faults = load_definition(new_session().global_ctx, DEFINITION)
    return org["Organization"], servers, connectors


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




@pytest.fixture(params=["lab", "ldap"])
def dir_ems(request):
    """A session on the lab, or on slapd holding the same organisation: for cmdlet tests that must pass on both.
    dir_ems.source is the directory's name in Exchange's messages; dir_ems.backend says which it is."""
    home = os.environ["PSHIM_HOME"]
    if request.param == "lab":
        request.getfixturevalue("lab")
        source = "DC01.contoso.com"
    else:
        servers, _ = request.getfixturevalue("org")
        slapd_ = request.getfixturevalue("slapd")
        dns = request.getfixturevalue("dns_server")
        write_directory_config(home, slapd_, NameServer=dns.address, LocalServer=servers[0].name)
        source = None
    session = new_session(interactive=False)

    def go(script, answers=None, capture_output=True):
        session.host.out.clear()
        session.host.err.clear()
        if answers is not None:
            session.host.interactive = True
        return run(script, session=session, answers=answers, capture_output=capture_output)
    go.session = session
    go.backend = request.param
    if source is None:
        source = run("(Get-ADServerSettings).DefaultConfigurationDomainController", session=session).output[0]
    go.source = source
    return go
