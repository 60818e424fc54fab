r"""Configuration of the Active Directory (LDAP) backend.

pshim talks to Active Directory only when it is configured to; otherwise the lab is used. The
configuration is the data file `<pshim home>/directory.psd1` (read as data by pshim's own parser, as
Import-PowerShellDataFile reads it) and/or environment variables, which override the file:

    @{
        Backend          = 'LDAP'
        DomainController = 'dc01.contoso.com'      # host or host:port; the default domain controller
        Port             = 636                     # default 636 with UseSSL, else 389
        UseSSL           = $true                   # LDAPS
        StartTLS         = $false                  # or StartTLS on the plain port
        CAFile           = 'C:\certs\contoso-ca.pem' # optional: CA bundle that signed the DCs' certificates
        BaseDN           = 'DC=contoso,DC=com'     # the forest root domain; the configuration NC is derived
        User             = 'CONTOSO\svc-pshim'     # DOMAIN\user for NTLM, a DN or UPN for a simple bind
        PasswordFile     = 'ldap-password.txt'     # relative to the pshim home, or a full path
        Authentication   = 'Simple'                # Simple | NTLM
        Timeout          = 10                      # seconds, for connecting and for each answer
        NameServer       = '10.0.0.10'             # DNS server for the servers' addresses (default: the system's)
        LocalServer      = 'MBX01'                 # the Exchange server this shell counts as running on
        DomainControllers = @('dc01.contoso.com', 'dc02.contoso.com')
    }

Environment: PSHIM_LDAP_SERVER, PSHIM_LDAP_PORT, PSHIM_LDAP_SSL (1/true/yes), PSHIM_LDAP_BASE_DN,
PSHIM_LDAP_USER, PSHIM_LDAP_PASSWORD. Setting PSHIM_LDAP_SERVER alone selects the LDAP backend.

The password is never part of repr(), of an error message or of a log line: LdapConfig keeps it in a
field excluded from repr and comparison.
"""
from __future__ import annotations

import dataclasses
import os

from ....runtime.textdecode import read_file
from .base import DirectoryError

#: the file in pshim's home that configures the directory backend
CONFIG_FILE = "directory.psd1"


class LdapConfigError(DirectoryError):
    """The directory configuration cannot be used (bad file, missing value)."""
    exception_type = "System.Management.Automation.RuntimeException"
    category = "InvalidData"


@dataclasses.dataclass
class LdapConfig:
    server: str                               # host or host:port of the default domain controller
    base_dn: str = ""                         # DC=contoso,DC=com; empty: read from the DC's root DSE
    port: int | None = None                   # None: 636 with use_ssl, else 389 (or the port in `server`)
    use_ssl: bool = False
    start_tls: bool = False
    user: str | None = None
    password: str | None = dataclasses.field(default=None, repr=False, compare=False)
    authentication: str = "simple"            # simple | ntlm
    timeout: float = 10.0
    nameserver: str | None = None             # host or host:port of a DNS server
    local_server: str | None = None
    domain_controllers: list = dataclasses.field(default_factory=list)
    ca_file: str | None = None

    @property
    def config_dn(self) -> str:
        """The configuration naming context of the forest."""
        return f"CN=Configuration,{self.base_dn}" if self.base_dn else ""

    def address(self, name: str | None = None) -> tuple[str, int]:
        """(host, port) of a domain controller named `name` (host or host:port), default the configured one."""
        host, port = split_host_port(name or self.server)
        if port is None:
            port = self.port if self.port else (636 if self.use_ssl else 389)
        return host, port


def split_host_port(text: str) -> tuple[str, int | None]:
    """'dc01', 'dc01:389', '127.0.0.1:3890', '[::1]:389', '::1' -> (host, port or None)."""
    text = (text or "").strip()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        return host, int(rest[1:]) if rest.startswith(":") and rest[1:].isdigit() else None
    if text.count(":") == 1:
        host, _, port = text.partition(":")
        if port.isdigit():
            return host, int(port)
    return text, None


_TRUE = ("1", "true", "yes", "on", "$true")


def _truth(v) -> bool:
    if isinstance(v, str):
        return v.strip().lower() in _TRUE
    return bool(v)


def _read_file(path: str, ctx):
    """The hashtable in the data file, through utility.data_file.read_data_file (Import-PowerShellDataFile's reader)."""
    from ...utility.data_file import read_data_file, DataFileError
    from ....errors import ParseError
    try:
        if ctx is not None:
            return read_data_file(ctx, path)
        return _read_without_session(path, read_data_file)
    except ParseError as e:
        raise LdapConfigError(f"The directory configuration '{path}' has a syntax error: "
                              f"{e.error_record.message()}") from None
    except DataFileError as e:
        raise LdapConfigError(str(e)) from None
    except OSError as e:
        raise LdapConfigError(f"Cannot read the directory configuration '{path}': {e.strerror}.") from None


def _read_without_session(path, read_data_file):
    # Tools and benchmarks that have no session: evaluate in a private one
    from ....host.console import BufferHost
    from ....runtime.session import Session
    return read_data_file(Session(BufferHost()).global_ctx, path)


def _get(h, key):
    for k, v in h.items():
        if str(k).lower() == key.lower():
            from ....runtime.psobject import unwrap
            return unwrap(v)
    return None


def _read_password_file(path: str) -> str:
    """The password kept in a PasswordFile: text written by `Read-Host -AsSecureString |
    ConvertFrom-SecureString | Set-Content <file>` (pshim's per-user protection, pshim/modules/security),
    decrypted; any other content is taken as the password in plain text (protect such a file with chmod 600)."""
    try:
        text = read_file(path).strip("\r\n")
    except OSError as e:
        raise LdapConfigError(f"Cannot read the directory password file '{path}': {e.strerror}.") from None
    try:
        from ...security import protection
    except ImportError:          # the security module is not there: plain text only
        return text
    candidate = text.strip()
    if candidate.lower().startswith(protection._STANDIN_MAGIC.hex()):
        try:
            return protection.unprotect(candidate)
        except Exception as e:      # CryptographicException, FormatException, PSArgumentException
            reason = getattr(e, "message", None) or str(e)
            raise LdapConfigError(f"Cannot decrypt the directory password file '{path}': {reason}") from None
    if candidate.lower().startswith(protection.EXPORT_HEADER):
        raise LdapConfigError(f"The directory password file '{path}' was protected with a key (-Key/-SecureKey); "
                              "write it with ConvertFrom-SecureString without a key.")
    return text


def load_ldap_config(home: str, environ=None, ctx=None) -> LdapConfig | None:
    """The LDAP configuration from `<home>/directory.psd1` and the environment, or None when the directory
    is not configured to be LDAP (the lab is used then). Raises LdapConfigError for an unusable file."""
    environ = os.environ if environ is None else environ
    path = os.path.join(home, CONFIG_FILE)
    h = _read_file(path, ctx) if os.path.isfile(path) else None
    backend = str(_get(h, "Backend") or "").strip().lower() if h is not None else ""
    env_server = environ.get("PSHIM_LDAP_SERVER")
    if backend != "ldap" and not env_server:
        return None
    h = h if backend == "ldap" else {}

    def value(key, env=None, conv=None):
        v = environ.get(env) if env and environ.get(env) not in (None, "") else _get(h, key)
        if v is None or v == "":
            return None
        try:
            return conv(v) if conv else v
        except (TypeError, ValueError):
            raise LdapConfigError(f"The directory configuration value {key} = '{v}' is not valid.") from None

    server = value("DomainController", "PSHIM_LDAP_SERVER", str)
    if not server:
        raise LdapConfigError(f"The directory configuration '{path}' selects LDAP but names no DomainController.")
    auth = (value("Authentication", None, str) or "simple").strip().lower()
    if auth not in ("simple", "ntlm"):
        raise LdapConfigError(f"The directory configuration value Authentication = '{auth}' is not valid; "
                              "use Simple or NTLM.")
    password = environ.get("PSHIM_LDAP_PASSWORD")
    if password is None:
        pw_file = value("PasswordFile", None, str)
        if pw_file:
            password = _read_password_file(pw_file if os.path.isabs(pw_file) else os.path.join(home, pw_file))
    dcs = _get(h, "DomainControllers")
    dcs = [str(d) for d in (dcs if isinstance(dcs, (list, tuple)) else [dcs] if dcs else [])]
    timeout = value("Timeout", None, float)
    if timeout is not None and timeout <= 0:
        raise LdapConfigError(f"The directory configuration value Timeout = '{timeout}' is not valid.")
    return LdapConfig(
        server=server,
        base_dn=value("BaseDN", "PSHIM_LDAP_BASE_DN", str) or "",
        port=value("Port", "PSHIM_LDAP_PORT", int),
        use_ssl=bool(value("UseSSL", "PSHIM_LDAP_SSL", _truth)),
        start_tls=bool(value("StartTLS", None, _truth)),
        user=value("User", "PSHIM_LDAP_USER", str),
        password=password,
        authentication=auth,
        timeout=timeout if timeout is not None else 10.0,
        nameserver=value("NameServer", None, str),
        local_server=value("LocalServer", None, str),
        domain_controllers=dcs,
        ca_file=value("CAFile", None, str),
    )
