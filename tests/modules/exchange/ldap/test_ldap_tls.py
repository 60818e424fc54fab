"""LDAPS and StartTLS against a slapd with a self-signed certificate: the certificate is checked."""
import pytest

from pshim.modules.exchange.directory.base import DirectoryUnavailable
from pshim.modules.exchange.directory.ldap import LdapDirectory
from pshim.modules.exchange.directory.ldap_config import LdapConfig

from tests.modules.exchange.slapd_server import SlapdServer, need_slapd


@pytest.fixture(scope="module")
def tls_slapd():
    need_slapd()
    with SlapdServer(["DC=contoso,DC=com"], tls=True) as s:
        yield s


def _config(s, **kw):
    values = dict(server="127.0.0.1", port=s.port, base_dn="DC=contoso,DC=com", user=s.root_dn(), password=s.password,
                  timeout=5)
    values.update(kw)
    return LdapConfig(**values)


@pytest.mark.parametrize("mode", ["ldaps", "starttls"])
def test_tls_binds_with_the_right_ca(tls_slapd, mode):
    kw = dict(use_ssl=True, port=tls_slapd.ldaps_port) if mode == "ldaps" else dict(start_tls=True)
    d = LdapDirectory(_config(tls_slapd, ca_file=tls_slapd.ca_file, **kw))
    try:
        assert d.connectors() == []
        assert d.conn.server.ssl == (mode == "ldaps")
        assert d.conn.tls_started == (mode == "starttls")
    finally:
        d.close()


def test_untrusted_certificate_is_refused(tls_slapd):
    with pytest.raises(DirectoryUnavailable) as e:
        LdapDirectory(_config(tls_slapd, use_ssl=True, port=tls_slapd.ldaps_port))
    assert str(e.value) == ("Active Directory server 127.0.0.1 is not available. Error message: Active directory "
                            "response: The TLS handshake failed: certificate verify failed: self-signed certificate.")
