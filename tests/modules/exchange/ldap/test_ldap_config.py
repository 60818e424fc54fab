"""directory.psd1 and the PSHIM_LDAP_* variables -> LdapConfig (no directory server needed)."""
import os

import pytest

from pshim.modules.exchange.directory.ldap_config import LdapConfig, LdapConfigError, load_ldap_config
from pshim.testing import new_session


@pytest.fixture
def home():
    return os.environ["PSHIM_HOME"]


@pytest.fixture
def ctx():
    return new_session().global_ctx


def _write(home, text, name="directory.psd1"):
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(home, name), "w", encoding="utf-8") as fh:
        fh.write(text)


FULL = r"""
# the directory this shell uses
@{
    Backend           = 'LDAP'
    DomainController  = 'dc01.contoso.com'
    Port              = 636
    UseSSL            = $true
    StartTLS          = $false
    BaseDN            = 'DC=contoso,DC=com'
    User              = 'CONTOSO\svc-pshim'
    PasswordFile      = 'ldap-password.txt'
    Authentication    = 'NTLM'
    Timeout           = 4
    NameServer        = '127.0.0.53'
    LocalServer       = 'MBX01'
    DomainControllers = @('dc01.contoso.com', 'dc02.contoso.com')
    CAFile            = '/etc/ssl/contoso-ca.pem'
}
"""


def test_nothing_configured_is_the_lab(home, ctx):
    assert load_ldap_config(home, {}, ctx) is None
    _write(home, "@{ Backend = 'Lab' }")
    assert load_ldap_config(home, {}, ctx) is None


def test_full_file(home, ctx):
    _write(home, FULL)
    _write(home, "Pa55-word-in-a-file\n", "ldap-password.txt")
    cfg = load_ldap_config(home, {}, ctx)
    assert cfg == LdapConfig(server="dc01.contoso.com", base_dn="DC=contoso,DC=com", port=636, use_ssl=True,
                             start_tls=False, user="CONTOSO\\svc-pshim", authentication="ntlm", timeout=4.0,
                             nameserver="127.0.0.53", local_server="MBX01",
                             domain_controllers=["dc01.contoso.com", "dc02.contoso.com"],
                             ca_file="/etc/ssl/contoso-ca.pem")
    assert cfg.password == "Pa55-word-in-a-file"
    assert "Pa55-word" not in repr(cfg)
    assert cfg.address() == ("dc01.contoso.com", 636)
    assert cfg.address("dc02.contoso.com:3269") == ("dc02.contoso.com", 3269)
    assert cfg.config_dn == "CN=Configuration,DC=contoso,DC=com"


def test_environment_overrides_the_file(home, ctx):
    _write(home, FULL)
    env = {"PSHIM_LDAP_SERVER": "127.0.0.1:3890", "PSHIM_LDAP_BASE_DN": "DC=fabrikam,DC=com",
           "PSHIM_LDAP_USER": "CN=admin,DC=fabrikam,DC=com", "PSHIM_LDAP_PASSWORD": "env-secret",
           "PSHIM_LDAP_PORT": "3891", "PSHIM_LDAP_SSL": "0"}
    cfg = load_ldap_config(home, env, ctx)
    assert (cfg.server, cfg.base_dn, cfg.user, cfg.password, cfg.port, cfg.use_ssl) == \
        ("127.0.0.1:3890", "DC=fabrikam,DC=com", "CN=admin,DC=fabrikam,DC=com", "env-secret", 3891, False)
    assert cfg.address() == ("127.0.0.1", 3890)          # a port in the server name wins
    assert cfg.local_server == "MBX01"                   # the rest still comes from the file


def test_environment_alone_selects_ldap(home, ctx):
    cfg = load_ldap_config(home, {"PSHIM_LDAP_SERVER": "dc01.contoso.com", "PSHIM_LDAP_SSL": "true"}, ctx)
    assert (cfg.server, cfg.use_ssl, cfg.timeout, cfg.authentication) == ("dc01.contoso.com", True, 10.0, "simple")
    assert cfg.address() == ("dc01.contoso.com", 636)


def test_protected_password_file(home, ctx):
    from pshim.modules.security import protection
    _write(home, FULL.replace("'NTLM'", "'Simple'"))
    _write(home, protection.protect("Pr0tected!") + "\n", "ldap-password.txt")
    assert load_ldap_config(home, {}, ctx).password == "Pr0tected!"
    # written by another pshim home (another user's secret): a clear error, not a wrong password
    os.remove(protection.user_key_path())
    protection.protect("other")
    with pytest.raises(LdapConfigError) as e:
        load_ldap_config(home, {}, ctx)
    assert "Cannot decrypt the directory password file" in str(e.value)


@pytest.mark.parametrize("text, fragment", [
    ("@{ Backend = 'LDAP' }", "names no DomainController"),
    ("@{ Backend = 'LDAP'; DomainController = 'dc01'; Authentication = 'Kerberos' }", "Authentication"),
    ("@{ Backend = 'LDAP'; DomainController = 'dc01'; Port = 'many' }", "Port = 'many'"),
    ("@{ Backend = 'LDAP'; DomainController = 'dc01'; Timeout = 0 }", "Timeout"),
    ("@{ Backend = 'LDAP'; DomainController = 'dc01'; PasswordFile = 'missing.txt' }", "password file"),
    ("@{ Backend = 'LDAP' ", "syntax error"),
    ("'just a string'", "does not contain a single hashtable"),
])
def test_bad_configuration_is_a_clear_error(home, ctx, text, fragment):
    _write(home, text)
    with pytest.raises(LdapConfigError) as e:
        load_ldap_config(home, {}, ctx)
    assert fragment in str(e.value)


def test_read_without_a_session(home):
    _write(home, "@{ Backend = 'LDAP'; DomainController = 'dc01.contoso.com'; UseSSL = $true }")
    cfg = load_ldap_config(home, {})
    assert (cfg.server, cfg.use_ssl) == ("dc01.contoso.com", True)
