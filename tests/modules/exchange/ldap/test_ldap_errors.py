"""A directory that is down, silent, unknown, or refuses the bind: Exchange's texts, within a bounded time,
and never the password."""
import socket
import threading
import time

import pytest

from pshim.modules.exchange.directory.base import DirectoryError, DirectoryUnavailable
from pshim.modules.exchange.directory.ldap import LdapDirectory
from pshim.modules.exchange.directory.ldap_config import LdapConfigError

from tests.modules.exchange.slapd_server import SlapdServer, free_port


def _closed_port() -> int:
    return free_port()          # nothing listens there once the probe socket is closed


def _unavailable(make, *a, **kw) -> tuple[DirectoryUnavailable, float]:
    t0 = time.monotonic()
    with pytest.raises(DirectoryUnavailable) as e:
        make(*a, **kw)
    return e.value, time.monotonic() - t0


def test_known_dc_down(make_directory):
    port = _closed_port()
    err, elapsed = _unavailable(make_directory, server=f"127.0.0.1:{port}")
    assert str(err) == (f"Active Directory server 127.0.0.1:{port} is not available. Error message: "
                        "Active directory response: The LDAP server is unavailable.")
    assert elapsed < 3
    assert err.category == "ResourceUnavailable"


def test_other_dc_down_gives_the_suitability_text(make_directory, slapd):
    port = _closed_port()
    err, elapsed = _unavailable(make_directory, f"127.0.0.1:{port}")
    assert str(err) == (f"All reachability checks against DS server 127.0.0.1:{port} failed. "
                        "Error Details Connection refused.")
    assert elapsed < 3


def test_listed_dc_counts_as_known(make_directory):
    port = _closed_port()
    err, _ = _unavailable(make_directory, f"127.0.0.1:{port}", domain_controllers=[f"127.0.0.1:{port}"])
    assert str(err).startswith(f"Active Directory server 127.0.0.1:{port} is not available.")


def test_other_dc_whose_name_does_not_resolve(make_directory):
    # the test's DNS server does not know the name (StartTLS: a password may go to a non-loopback name)
    err, elapsed = _unavailable(make_directory, "dc09.contoso.com", start_tls=True)
    assert str(err) == ("Error trying to obtain an IP address for DS server dc09.contoso.com. "
                        "Error Details No such host is known.")
    assert elapsed < 3


@pytest.fixture
def silent_server():
    """A TCP listener on loopback that accepts and never answers."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)
    held, stop = [], threading.Event()

    def accept():
        srv.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(srv.accept()[0])
            except socket.timeout:
                continue
            except OSError:
                return
    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield srv.getsockname()[1]
    stop.set()
    t.join(2)
    for c in held:
        c.close()
    srv.close()


def test_silent_dc_is_bounded_by_the_timeout(make_directory, silent_server):
    err, elapsed = _unavailable(make_directory, server=f"127.0.0.1:{silent_server}", timeout=1)
    assert str(err) == (f"Active Directory server 127.0.0.1:{silent_server} is not available. Error message: "
                        "Active directory response: The LDAP server did not answer within 1 seconds.")
    assert elapsed < 4


def test_wrong_password(make_directory, slapd):
    secret = "Wr0ng-Secret-Value"
    err, elapsed = _unavailable(make_directory, password=secret)
    assert str(err) == (f"An Active Directory error 0x31 occurred when trying to check the suitability of server "
                        f"'{slapd.address}'. Error: 'Active directory response: The supplied credential is invalid.'")
    assert elapsed < 3
    for text in (str(err), repr(err), repr(err.args), repr(err.__cause__), repr(err.__context__)):
        assert secret not in text


def test_password_never_in_repr(make_config, make_directory, org):
    cfg = make_config(password="S3cret-Passw0rd")
    assert "S3cret-Passw0rd" not in repr(cfg)
    d = make_directory()
    assert d.config.password not in repr(d)
    assert d.config.password not in repr(d.conn) and d.config.password not in str(d.conn)
    assert d.connectors() is not None                         # the connection works without it


def test_no_clear_text_password_over_the_network(make_directory):
    with pytest.raises(LdapConfigError) as e:
        make_directory(server="dc01.contoso.com")
    assert "does not send a password in clear text to dc01.contoso.com" in str(e.value)


def test_ldaps_to_a_plain_server_fails_cleanly(make_directory, slapd):
    err, elapsed = _unavailable(make_directory, use_ssl=True)
    assert str(err).startswith(f"Active Directory server {slapd.address} is not available. Error message: ")
    assert elapsed < 6


def test_starttls_refused(make_directory, slapd):
    err, _ = _unavailable(make_directory, start_tls=True)
    assert str(err).startswith("An Active Directory error 0x")
    assert f"suitability of server '{slapd.address}'" in str(err)


def test_ntlm_bind_goes_out_and_its_refusal_is_reported(make_directory, slapd):
    """slapd has no NTLM (Sicily) bind: the request is made and its refusal is a suitability error."""
    err, _ = _unavailable(make_directory, authentication="ntlm", user="CONTOSO\\administrator")
    assert str(err).startswith("An Active Directory error 0x")
    assert slapd.password not in str(err)


def test_ntlm_needs_a_domain_user(make_directory):
    with pytest.raises(LdapConfigError):
        make_directory(authentication="ntlm", user="administrator")


def test_directory_that_goes_away_mid_session(make_config):
    with SlapdServer(["DC=contoso,DC=com"]) as s:
        d = LdapDirectory(make_config(server=s.address, user=s.root_dn(), password=s.password))
        assert d.connectors() == []
    t0 = time.monotonic()
    with pytest.raises(DirectoryUnavailable) as e:
        d.connectors()
    assert str(e.value).startswith(f"Active Directory server {s.address} is not available.")
    assert time.monotonic() - t0 < 3
    d.close()


def test_operation_errors_are_directory_errors(directory, org):
    from pshim.modules.exchange import records as R
    bad = R.ConnectorRecord(org[0][0].name, "No bindings", R.new_connector_settings())   # mandatory attribute
    with pytest.raises(DirectoryError) as e:
        directory.add_connector(bad)
    assert str(e.value).startswith(f"Active Directory operation failed on {directory.source}. This error is not "
                                   "retriable.")
