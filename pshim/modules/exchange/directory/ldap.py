"""Active Directory over LDAP: Exchange's servers and Receive connectors as Exchange itself reads them.

LdapDirectory(config, domain_controller=None) is one ldap3 connection to one domain controller
(config.server, or `domain_controller` - another replica, as -DomainController asks). It binds

- simple, over LDAPS (UseSSL) or StartTLS; plain LDAP only to a loopback address (pshim refuses to
  send a password in clear text over the network);
- NTLM when configured (Authentication = 'NTLM', User = 'DOMAIN\\user'): ldap3's NTLM (Sicily) bind;
  the password is handed over as its NT hash (ldap_ntlm.py), so hosts without MD4 work too.

Connect and answer timeouts come from the configuration (default 10 s). Failures are DirectoryUnavailable
with Exchange's texts: a known DC (the configured one or one listed in DomainControllers) that is down
gives `Active Directory server <dc> is not available. Error message: ...`; another DC goes through
Exchange's suitability texts (`Error trying to obtain an IP address for DS server ...`, `All
reachability checks against DS server ... failed. ...`); a refused bind gives `An Active Directory
error 0x31 occurred when trying to check the suitability of server '<dc>'. Error: 'Active directory
response: The supplied credential is invalid.'` (0x31 = LDAP invalidCredentials, from the result code).
The password never appears in repr(), messages or exceptions.

Layout (exchange-facts.md 4.1): everything lives under the forest's configuration naming context,
`CN=Microsoft Exchange,CN=Services,CN=Configuration,<root>`. Servers are objectClass msExchExchangeServer
(read with one paged subtree search); a server's Receive connectors (msExchSmtpReceiveConnector) sit
under `CN=SMTP Receive Connectors,CN=Protocols,<server DN>` and the server's name is read from that DN.
Every read is a paged search (500 per page): 2,500 connectors are five search requests, never one
query per object. Every value put into a filter is escaped (`*)(objectClass=*` matches nothing).

Attribute mapping: see ldap_map.py's table. In short: flag settings are bits of
msExchSmtpReceiveProtocolOptions / ...ProtocolRestrictions (unknown bits are kept), TransportRole is
32 / 16384, sizes are bytes, an absent Unlimited attribute is Unlimited, timespans are whole seconds,
ProtocolLoggingLevel is 0 / 1, the edition (`type`) is read as a plain name (AD's obfuscated value reads
as Unknown).

PermissionGroups: real AD derives it from the connector's ACL, which pshim neither parses nor writes.
pshim's test schema stores it in `pshimReceivePermissionGroups`. Against a real AD (recognised by the
root DSE's supportedCapabilities) a connector's PermissionGroups reads as None (0) - pshim sees no value -
and changing it is refused with an error saying so; a new connector is created without it.
Also only on a non-AD server (slapd) does pshim write objectGUID, whenCreated and whenChanged, which AD
maintains itself.

Server addresses (ServerRecord.ipv4 / ipv6) are the A / AAAA records of the server's FQDN: from the
configured NameServer (dnspython, short timeout) or else the system resolver; a name that does not
resolve gives empty lists.

provision(directory_or_connection, servers, connectors, organization) creates an organisation for a test
or lab directory (slapd with ldap_schema.schema): never point it at a production Active Directory.

An LDAP lab for a class (instructors): run slapd with OpenLDAP's core.schema and this folder's
ldap_schema.schema (tests/modules/exchange/slapd_server.py writes such a slapd.conf; suffix
DC=contoso,DC=com), then fill it from a lab definition and point pshim at it:

    from pshim.testing import new_session
    from pshim.modules.exchange.directory.lab_definition import load_definition
    from pshim.modules.exchange.directory.ldap import LdapDirectory, provision
    from pshim.modules.exchange.directory.ldap_config import LdapConfig
    org, servers, connectors, _faults = load_definition(new_session().global_ctx,
                                                        "samples/labs/contoso/organization.psd1")
    d = LdapDirectory(LdapConfig(server="127.0.0.1:3890", base_dn="DC=contoso,DC=com",
                                 user="CN=admin,DC=contoso,DC=com", password="..."))
    provision(d, servers, connectors, organization=org["Organization"])

    # <pshim home>/directory.psd1 (or PSHIM_LDAP_SERVER=127.0.0.1:3890 and the other PSHIM_LDAP_* variables):
    @{ Backend = 'LDAP'; DomainController = '127.0.0.1:3890'; BaseDN = 'DC=contoso,DC=com';
       User = 'CN=admin,DC=contoso,DC=com'; PasswordFile = 'ldap-password.txt' }

For many servers, organization_entries() + to_ldif() give an LDIF for slapadd (seconds instead of minutes).
"""
from __future__ import annotations

import ipaddress
import math
import socket
import ssl

import ldap3
from ldap3.core import exceptions as lex
from ldap3.utils.conv import escape_filter_chars, escape_bytes

from .. import records as R
from . import ldap_map as M
from .base import Directory, DirectoryError, DirectoryUnavailable, ObjectExists, ObjectGone
from .ldap_config import LdapConfig, LdapConfigError, split_host_port

PAGED_SIZE = 500
DNS_TIMEOUT = 2.0
DNS_THREADS = 16
_AD_CAPABILITIES = ("1.2.840.113556.1.4.800", "1.2.840.113556.1.4.1851")   # AD DS, AD LDS
_PAGED_OID = "1.2.840.113556.1.4.319"

# LDAP result codes pshim gives Windows' own text for (wldap32 / Exchange "Active directory response")
_AD_RESPONSE = {
    0x31: "The supplied credential is invalid.",
    0x51: "The LDAP server is unavailable.",
}
_NO_SUCH_OBJECT, _ALREADY_EXISTS = 32, 68
# .NET's SocketException texts for a name that does not exist / has no address records
_NO_HOST = "No such host is known"
_NO_DATA = "The requested name is valid, but no data of the requested type was found"


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class LdapDirectory(Directory):
    kind = "ldap"

    def __init__(self, config: LdapConfig, domain_controller: str | None = None, paged_size: int = PAGED_SIZE):
        self.config = config
        self.paged_size = paged_size
        self.dc = (domain_controller or config.server).strip()
        self.host, self.port = config.address(self.dc)
        self.known_dc = domain_controller is None or self._is_known(self.dc)
        self.source = self.host
        self.root_dn = config.base_dn
        self.is_ad = False
        self.conn = None
        self._organization = None
        self._dns_cache: dict[str, tuple[list, list]] = {}
        self._dns_dead = False
        self._connect()

    def __repr__(self):
        return f"<LdapDirectory {self.dc!r} base={self.root_dn!r}>"

    # -- connection ----------------------------------------------------------------------------
    def _is_known(self, dc: str) -> bool:
        names = [self.config.server] + list(self.config.domain_controllers)
        host, port = self.config.address(dc)
        for n in names:
            h, p = self.config.address(n)
            if h.lower() == host.lower() and p == port:
                return True
            if h.split(".")[0].lower() == host.lower() and p == port:
                return True
        return False

    def _scrub(self, text: str) -> str:
        pw = self.config.password
        if pw and len(pw) >= 3 and pw in text:
            text = text.replace(pw, "********")
        return text

    def _unavailable(self, detail: str) -> DirectoryUnavailable:
        """The DC can't be reached: Exchange's text for a known DC, its suitability text for another one."""
        detail = self._scrub(detail)
        if self.known_dc:
            return DirectoryUnavailable(f"Active Directory server {self.dc} is not available. Error message: "
                                        f"Active directory response: {detail}")
        return DirectoryUnavailable(f"All reachability checks against DS server {self.dc} failed. "
                                    f"Error Details {detail.rstrip('.')}.")

    def _suitability(self, code: int, text: str) -> DirectoryUnavailable:
        return DirectoryUnavailable(
            f"An Active Directory error 0x{code:X} occurred when trying to check the suitability of server "
            f"'{self.dc}'. Error: 'Active directory response: {self._scrub(text)}'")

    def _socket_detail(self, e: Exception) -> str:
        """What went wrong on the wire, in words (no ldap3 internals)."""
        text = str(e)
        for marker in ("timed out", "timeout"):
            if marker in text.lower():
                return f"The LDAP server did not answer within {self.config.timeout:g} seconds."
        if self.known_dc:
            return _AD_RESPONSE[0x51]
        import re
        m = re.search(r"\[Errno -?\d+\] ([^'\]\)]+)", text)
        if m:
            return m.group(1).strip().rstrip(".") + "."
        return text.split(": ", 1)[-1].strip() or "The LDAP server is unavailable."

    def _dc_name_problem(self) -> str | None:
        """Why the DC's name has no address (None: it has one, or it is an address). With a configured
        NameServer the name is looked up there (the lab's names live there), else by the system resolver."""
        try:
            ipaddress.ip_address(self.host)
            return None
        except ValueError:
            pass
        if self.config.nameserver and self.host.lower() != "localhost":
            v4, v6, error = self._resolve(self.host)
            return None if v4 or v6 else error
        try:
            socket.getaddrinfo(self.host, self.port, type=socket.SOCK_STREAM)
        except socket.gaierror as e:
            return _NO_HOST if e.errno == socket.EAI_NONAME else (e.strerror or str(e))
        except (UnicodeError, OSError) as e:
            return str(e)
        return None

    def _connect(self):
        cfg = self.config
        auth = cfg.authentication.lower()
        if auth == "simple" and cfg.user and not (cfg.use_ssl or cfg.start_tls) and not _is_loopback(self.host):
            raise LdapConfigError(
                f"pshim does not send a password in clear text to {self.host}: set UseSSL = $true (LDAPS) or "
                "StartTLS = $true in directory.psd1, or use Authentication = 'NTLM'.")
        problem = self._dc_name_problem()
        if problem:
            if self.known_dc:
                raise self._unavailable(_AD_RESPONSE[0x51])
            raise DirectoryUnavailable(f"Error trying to obtain an IP address for DS server {self.dc}. "
                                       f"Error Details {problem}.")
        tls = None
        if cfg.use_ssl or cfg.start_tls:
            tls = ldap3.Tls(validate=ssl.CERT_REQUIRED, ca_certs_file=cfg.ca_file or None)
        server = ldap3.Server(self.host, port=self.port, use_ssl=cfg.use_ssl, tls=tls, get_info=ldap3.NONE,
                              connect_timeout=cfg.timeout)
        kwargs = dict(receive_timeout=max(1, math.ceil(cfg.timeout)),   # ldap3 packs it as whole seconds
                       auto_referrals=False, raise_exceptions=False,
                      collect_usage=True, return_empty_attributes=False, read_only=False, check_names=False)
        if auth == "ntlm":
            if not cfg.user or "\\" not in cfg.user:
                raise LdapConfigError("NTLM needs User = 'DOMAIN\\user' in directory.psd1.")
            from .ldap_ntlm import ntlm_password
            conn = ldap3.Connection(server, user=cfg.user, password=ntlm_password(cfg.password or ""),
                                    authentication=ldap3.NTLM, **kwargs)
        elif cfg.user:
            conn = ldap3.Connection(server, user=cfg.user, password=cfg.password or "",
                                    authentication=ldap3.SIMPLE, **kwargs)
        else:
            conn = ldap3.Connection(server, authentication=ldap3.ANONYMOUS, **kwargs)
        try:
            conn.open()
            if cfg.start_tls and not cfg.use_ssl:
                if not conn.start_tls(read_server_info=False):
                    raise self._suitability(conn.result.get("result", 0x34) or 0x34,
                                            conn.result.get("description") or "StartTLS failed.")
            if not conn.bind():
                code = conn.result.get("result") or 0
                raise self._suitability(code, _AD_RESPONSE.get(code) or self._result_text(conn.result))
        except DirectoryError:
            _close(conn)
            raise
        except lex.LDAPStartTLSError as e:
            result = conn.result or {}
            _close(conn)
            raise self._suitability(result.get("result") or 2, self._result_text(result) if result.get("result")
                                    else str(e)) from None
        except ssl.SSLError as e:      # ldap3's socket errors may derive from the ssl error they wrap
            _close(conn)
            raise self._unavailable(_tls_detail(e)) from None
        except lex.LDAPException as e:
            _close(conn)
            cause = e.__context__ or e
            if isinstance(cause, ssl.SSLError) or "ssl" in str(e).lower() or "certificate" in str(e).lower():
                raise self._unavailable(_tls_detail(e)) from None
            raise self._unavailable(self._socket_detail(e)) from None
        except OSError as e:
            _close(conn)
            raise self._unavailable(self._socket_detail(e)) from None
        conn.password = None            # bound: ldap3 no longer needs it, and its repr() would show it
        self.conn = conn
        self._read_root_dse()

    def _read_root_dse(self):
        entries = list(self._search("", "(objectClass=*)", ldap3.BASE,
                                    ["dnsHostName", "defaultNamingContext", "rootDomainNamingContext",
                                     "configurationNamingContext", "supportedCapabilities", "namingContexts"],
                                    paged=False))
        dse = entries[0] if entries else M.Entry("", {})
        caps = dse.all("supportedCapabilities")
        self.is_ad = any(c in _AD_CAPABILITIES for c in caps)
        if dse.first("dnsHostName"):
            self.source = dse.first("dnsHostName")
        self.root_dn = (self.config.base_dn or dse.first("rootDomainNamingContext")
                        or dse.first("defaultNamingContext") or "")
        if not self.root_dn:
            self.close()
            raise LdapConfigError("The directory configuration names no BaseDN and the domain controller "
                                  f"{self.dc} does not announce one; set BaseDN in directory.psd1.")
        config_nc = dse.first("configurationNamingContext") if not self.config.base_dn else None
        self.config_nc = config_nc or f"CN=Configuration,{self.root_dn}"
        self.exchange_dn = f"CN=Microsoft Exchange,CN=Services,{self.config_nc}"

    def close(self) -> None:
        conn, self.conn = self.conn, None
        _close(conn)

    @property
    def search_operations(self) -> int:
        """LDAP search requests sent on this connection (pages count one each)."""
        return self.conn.usage.search_operations if self.conn is not None and self.conn.usage else 0

    # -- low level -----------------------------------------------------------------------------
    @staticmethod
    def _result_text(result: dict) -> str:
        desc = result.get("description") or "error"
        msg = (result.get("message") or "").strip()
        return f"{desc}: {msg}" if msg else desc

    def _operation_error(self, result: dict) -> DirectoryError:
        code = result.get("result", 0)
        if code in (0x33, 0x34, 0x51, 0x55):      # busy, unavailable, server down, timeout
            return self._unavailable(self._result_text(result))
        return DirectoryError(self._scrub(
            f"Active Directory operation failed on {self.source}. This error is not retriable. Additional "
            f"information: {self._result_text(result)}.\nActive directory response: 0x{code:X}"))

    def _call(self, fn, *args, **kwargs):
        """One LDAP operation; a lost or silent connection is DirectoryUnavailable."""
        if self.conn is None:
            raise self._unavailable(_AD_RESPONSE[0x51])
        try:
            fn(*args, **kwargs)
        except lex.LDAPException as e:
            raise self._unavailable(self._socket_detail(e)) from None
        except OSError as e:
            raise self._unavailable(self._socket_detail(e)) from None
        return self.conn.result or {}

    def _search(self, base: str, filt: str, scope, attributes, paged: bool = True):
        """Entries of a search, in directory order, page by page (noSuchObject base: nothing)."""
        cookie = None
        while True:
            kw = dict(attributes=attributes)
            if paged:
                kw.update(paged_size=self.paged_size, paged_cookie=cookie)
            result = self._call(self.conn.search, base, filt, scope, **kw)
            code = result.get("result", 0)
            if code == _NO_SUCH_OBJECT:
                return
            if code != 0:
                raise self._operation_error(result)
            for r in self.conn.response or ():
                if r.get("type") == "searchResEntry":
                    yield M.Entry(r["dn"], r["raw_attributes"])
            if not paged:
                return
            try:
                cookie = result["controls"][_PAGED_OID]["value"]["cookie"]
            except (KeyError, TypeError):
                cookie = None
            if not cookie:
                return

    # -- reads ---------------------------------------------------------------------------------
    @property
    def organization(self) -> str:
        if self._organization is None:
            orgs = list(self._search(self.exchange_dn, "(objectClass=msExchOrganizationContainer)",
                                     ldap3.LEVEL, ["cn"], paged=False))
            self._organization = (orgs[0].first("cn") or M.rdn_value(orgs[0].dn)) if orgs else ""
        return self._organization

    def _server_entries(self, name: str | None = None):
        filt = f"(objectClass={M.CLASS_SERVER})"
        if name is not None:
            filt = f"(&{filt}(cn={escape_filter_chars(name)}))"
        return self._search(self.exchange_dn, filt, ldap3.SUBTREE, M.SERVER_ATTRIBUTES)

    def servers(self) -> list[R.ServerRecord]:
        out = [M.server_from_entry(e) for e in self._server_entries()]
        self._prefetch([s.fqdn for s in out])
        for s in out:
            s.ipv4, s.ipv6, s.address_error = self._resolve(s.fqdn)
        return out

    def server_dn(self, name: str) -> str | None:
        for e in self._server_entries(name):
            return e.dn
        return None

    def connectors(self, server: str | None = None) -> list[R.ConnectorRecord]:
        filt = f"(objectClass={M.CLASS_CONNECTOR})"
        if server is None:
            base = self.exchange_dn
        else:
            sdn = self.server_dn(server)
            if sdn is None:
                return []
            base = M.connectors_container(sdn)
        return [M.connector_from_entry(e)
                for e in self._search(base, filt, ldap3.SUBTREE, M.CONNECTOR_ATTRIBUTES)]

    def _connector_entry(self, guid: str) -> M.Entry | None:
        try:
            raw = M.guid_bytes(guid)
        except ValueError:
            return None
        filt = f"(&(objectClass={M.CLASS_CONNECTOR})(objectGUID={escape_bytes(raw)}))"
        for e in self._search(self.exchange_dn, filt, ldap3.SUBTREE, M.CONNECTOR_ATTRIBUTES, paged=False):
            return e
        return None

    def _read_connector(self, dn: str) -> R.ConnectorRecord:
        for e in self._search(dn, f"(objectClass={M.CLASS_CONNECTOR})", ldap3.BASE, M.CONNECTOR_ATTRIBUTES,
                              paged=False):
            return M.connector_from_entry(e)
        raise self._gone(dn)

    def local_server(self) -> str | None:
        """The server named LocalServer in the configuration, else the one whose Name or FQDN is this
        machine's host name (socket.getfqdn / gethostname); None when neither is a server here."""
        known = [(e.first("cn") or M.rdn_value(e.dn), M.fqdn_from_network_addresses(e.all("networkAddress")))
                 for e in self._server_entries()]
        wanted = [self.config.local_server] if self.config.local_server else [socket.getfqdn(),
                                                                             socket.gethostname()]
        for w in wanted:
            w = (w or "").strip().lower()
            if not w:
                continue
            for name, fqdn in known:
                if w in (name.lower(), fqdn.lower()):
                    return name
            if not self.config.local_server:       # a short host name matches a server's Name
                for name, _fqdn in known:
                    if w.split(".")[0] == name.lower():
                        return name
        return None

    def domain_controllers(self) -> list[str]:
        out = []
        for dc in list(self.config.domain_controllers) + [self.source]:
            if dc and dc.lower() not in (d.lower() for d in out):
                out.append(dc)
        return out

    # -- DNS -----------------------------------------------------------------------------------
    def addresses(self, fqdn: str) -> tuple[list[str], list[str]]:
        """(IPv4, IPv6) addresses of a name: A / AAAA records from the configured name server, else the
        system resolver. A name that does not resolve gives empty lists."""
        v4, v6, _error = self._resolve(fqdn)
        return v4, v6

    def _prefetch(self, names):
        """Resolve many names at once (a few threads), so 500 servers cost about one lookup's time."""
        todo = list(dict.fromkeys(n.lower().rstrip(".") for n in names if n))
        todo = [n for n in todo if n not in self._dns_cache]
        if len(todo) < 2:
            return
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(max_workers=min(DNS_THREADS, len(todo))) as pool:
            list(pool.map(self._resolve, todo))

    def _resolve(self, fqdn: str) -> tuple[list[str], list[str], str | None]:
        """(IPv4, IPv6, why there are none or None); cached for the life of the connection."""
        key = (fqdn or "").lower().rstrip(".")
        if not key:
            return [], [], _NO_DATA
        if key not in self._dns_cache:
            self._dns_cache[key] = (self._dns_lookup(key) if self.config.nameserver
                                    else self._system_lookup(key))
        v4, v6, error = self._dns_cache[key]
        return list(v4), list(v6), error

    def _dns_lookup(self, name: str):
        timeout = min(DNS_TIMEOUT, self.config.timeout)
        silent = f"The DNS server {self.config.nameserver} did not answer within {timeout:g} seconds."
        if self._dns_dead:
            return [], [], silent
        import dns.exception
        import dns.resolver
        host, port = split_host_port(self.config.nameserver)
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [host]
        resolver.port = port or 53
        resolver.lifetime = resolver.timeout = timeout
        out, missing = ([], []), None
        for i, rdtype in enumerate(("A", "AAAA")):
            try:
                answer = resolver.resolve(name + ".", rdtype, search=False, raise_on_no_answer=False)
                out[i].extend(r.address for r in answer)
            except dns.exception.Timeout:
                self._dns_dead = True          # a silent name server: stop asking it for the other servers
                return [], [], silent
            except dns.resolver.NXDOMAIN:
                return [], [], _NO_HOST
            except dns.exception.DNSException as e:       # SERVFAIL, refused, malformed answers
                missing = f"The DNS server {self.config.nameserver} could not answer for {name}: {e}"
        if out[0] or out[1]:
            return out[0], out[1], None
        return [], [], missing or _NO_DATA

    @staticmethod
    def _system_lookup(name: str):
        v4, v6 = [], []
        try:
            infos = socket.getaddrinfo(name, None, type=socket.SOCK_STREAM)
        except socket.gaierror as e:
            return v4, v6, (_NO_HOST if e.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5))
                            else (e.strerror or str(e)))
        except (UnicodeError, OSError) as e:
            return v4, v6, str(e)
        for family, _t, _p, _c, addr in infos:
            a = addr[0]
            if family == socket.AF_INET and a not in v4:
                v4.append(a)
            elif family == socket.AF_INET6 and a not in v6:
                v6.append(a)
        return v4, v6, (None if v4 or v6 else _NO_DATA)

    # -- writes --------------------------------------------------------------------------------
    def _gone(self, what: str) -> ObjectGone:
        return ObjectGone(f"The operation couldn't be performed because object '{what}' couldn't be found on "
                          f"'{self.source}'.")

    def _exists(self, dn: str) -> ObjectExists:
        return ObjectExists(f"Active Directory operation failed on {self.source}. The object '{dn}' already "
                            "exists.")

    def _refuse_permission_groups(self):
        raise DirectoryError(
            f"PermissionGroups can't be changed through pshim on {self.source}: Active Directory keeps a Receive "
            "connector's permission groups in its security descriptor, which pshim does not write. Use the "
            "Exchange Management Shell for this setting.")

    def _system_attributes(self, created: bool) -> dict:
        """What AD maintains itself; written by pshim only on other directory servers."""
        if self.is_ad:
            return {}
        now = M.generalized_time(R.utcnow())
        return {"whenCreated": [now], "whenChanged": [now]} if created else {"whenChanged": [now]}

    def _add(self, dn: str, object_class: str, attrs: dict) -> dict:
        attrs = {k: v for k, v in attrs.items() if v not in ([], None)}
        return self._call(self.conn.add, dn, ["top", object_class], attrs)

    def _ensure(self, dn: str, object_class: str):
        result = self._add(dn, object_class, {"cn": [M.rdn_value(dn)], **self._system_attributes(True)})
        if result.get("result") not in (0, _ALREADY_EXISTS):
            raise self._operation_error(result)

    def add_connector(self, record: R.ConnectorRecord) -> R.ConnectorRecord:
        sdn = self.server_dn(record.server)
        if sdn is None:
            raise self._gone(record.server)
        dn = M.connector_dn(sdn, record.name)
        attrs = M.connector_attributes(record.settings)
        attrs["cn"] = [record.name]
        if self.is_ad:
            attrs.pop(M.PERMISSION_GROUPS_ATTR, None)
        else:
            attrs["objectGUID"] = [M.guid_bytes(record.guid)]
        attrs.update(self._system_attributes(True))
        result = self._add(dn, M.CLASS_CONNECTOR, attrs)
        if result.get("result") == _NO_SUCH_OBJECT:          # the server has no connector containers yet
            self._ensure(f"CN={M.PROTOCOLS[0]},{sdn}", M.PROTOCOLS[1])
            self._ensure(M.connectors_container(sdn), M.SMTP_RECEIVE_CONNECTORS[1])
            result = self._add(dn, M.CLASS_CONNECTOR, attrs)
        code = result.get("result")
        if code == _ALREADY_EXISTS:
            raise self._exists(dn)
        if code != 0:
            raise self._operation_error(result)
        return self._read_connector(dn)

    def update_connector(self, guid: str, changes: dict, new_name: str | None = None) -> R.ConnectorRecord:
        entry = self._connector_entry(guid)
        if entry is None:
            raise self._gone(guid)
        dn = entry.dn
        names = {R.SETTINGS_BY_NAME[k.lower()].name for k in changes}
        if self.is_ad and "PermissionGroups" in names:
            current = M.setting_from_entry(R.SETTINGS_BY_NAME["permissiongroups"], entry)
            if int(changes.get("PermissionGroups", current) or 0) != current:
                self._refuse_permission_groups()
            names.discard("PermissionGroups")
        settings = {s.name: M.setting_from_entry(s, entry) for s in R.CONNECTOR_SETTINGS}
        for k, v in changes.items():
            settings[R.SETTINGS_BY_NAME[k.lower()].name] = v
        wanted = M.connector_attributes(settings, current=entry, only=names)
        mods = {}
        for attr, values in wanted.items():
            have = entry.all(attr)
            if values == have:
                continue
            mods[attr] = [(ldap3.MODIFY_REPLACE, values)] if values else [(ldap3.MODIFY_DELETE, [])]
        if new_name is not None and new_name != (entry.first("cn") or M.rdn_value(dn)):
            rdn = f"CN={M.escape_rdn_value(new_name)}"
            result = self._call(self.conn.modify_dn, dn, rdn, delete_old_dn=True)
            code = result.get("result")
            if code == _ALREADY_EXISTS:
                raise self._exists(f"{rdn},{M.parent_dn(dn)}")
            if code == _NO_SUCH_OBJECT:
                raise self._gone(guid)
            if code != 0:
                raise self._operation_error(result)
            dn = f"{rdn},{M.parent_dn(dn)}"
        if mods:
            for attr, values in self._system_attributes(False).items():
                mods[attr] = [(ldap3.MODIFY_REPLACE, values)]
            result = self._call(self.conn.modify, dn, mods)
            code = result.get("result")
            if code == _NO_SUCH_OBJECT:
                raise self._gone(guid)
            if code != 0:
                raise self._operation_error(result)
        return self._read_connector(dn)

    def remove_connector(self, guid: str) -> None:
        entry = self._connector_entry(guid)
        if entry is None:
            raise self._gone(guid)
        result = self._call(self.conn.delete, entry.dn)
        code = result.get("result")
        if code == _NO_SUCH_OBJECT:
            raise self._gone(guid)
        if code != 0:
            raise self._operation_error(result)


def _tls_detail(e: Exception) -> str:
    """`The TLS handshake failed: <OpenSSL's reason>.` without ldap3's wrapping."""
    import re
    text = str(e)
    m = re.search(r"\[SSL(?:: [A-Z_]+)?\] ([^(\"']+)", text) or re.search(r"(certificate verify failed[^(\"']*)", text)
    reason = (m.group(1) if m else (getattr(e, "reason", None) or text)).strip().rstrip(".")
    return f"The TLS handshake failed: {reason}."


def _close(conn):
    if conn is None:
        return
    try:
        conn.unbind()
    except Exception:   # closing a dead socket: nothing left to do
        pass


# ---------------------------------------------------------------------------
# provisioning a test or lab directory

def organization_entries(root_dn: str, servers, connectors, organization: str = "Contoso", ad: bool = False):
    """(dn, objectClass, attributes) of a whole organisation, parents first: the configuration container
    chain, the organisation, its administrative group and Servers container, the sites, each server, its
    Protocols / SMTP Receive Connectors containers and its connectors. `ad`: leave out what AD maintains
    itself (objectGUID, whenCreated, whenChanged) and the pshim-only PermissionGroups attribute."""
    now = M.generalized_time(R.utcnow())

    def system(guid=None, created=None, changed=None):
        if ad:
            return {}
        out = {"whenCreated": [M.generalized_time(created) if created else now],
               "whenChanged": [M.generalized_time(changed) if changed else now]}
        if guid:
            out["objectGUID"] = [M.guid_bytes(guid)]
        return out

    def container(dn, cls):
        return dn, cls, {"cn": [M.rdn_value(dn)], **system()}

    yield root_dn, "domainDNS", {"dc": [M.rdn_value(root_dn)]}
    config = f"CN=Configuration,{root_dn}"
    yield container(config, "configuration")
    yield container(f"CN=Services,{config}", "container")
    yield container(M.exchange_container(root_dn), "msExchConfigurationContainer")
    org = M.organization_dn(root_dn, organization)
    yield container(org, "msExchOrganizationContainer")
    yield container(f"CN=Administrative Groups,{org}", "msExchAdminGroupContainer")
    yield container(f"CN={M.ADMIN_GROUP},CN=Administrative Groups,{org}", "msExchAdminGroup")
    yield container(M.servers_container(root_dn, organization), "msExchServersContainer")
    yield container(f"CN=Sites,{config}", "sitesContainer")
    for site in dict.fromkeys(s.site for s in servers if s.site):
        yield container(M.site_dn(root_dn, site), "site")
    by_server: dict[str, list] = {}
    for c in connectors:
        by_server.setdefault(c.server.lower(), []).append(c)
    for s in servers:
        sdn = M.server_dn(root_dn, organization, s.name)
        attrs = {k: v for k, v in M.server_attributes(s, root_dn).items() if v}
        attrs.update(system(s.guid, s.when_created, s.when_changed))
        yield sdn, M.CLASS_SERVER, attrs
        yield container(f"CN={M.PROTOCOLS[0]},{sdn}", M.PROTOCOLS[1])
        yield container(M.connectors_container(sdn), M.SMTP_RECEIVE_CONNECTORS[1])
        for c in by_server.get(s.name.lower(), []):
            attrs = {k: v for k, v in M.connector_attributes(c.settings).items() if v}
            attrs["cn"] = [c.name]
            if ad:
                attrs.pop(M.PERMISSION_GROUPS_ATTR, None)
            attrs.update(system(c.guid, c.when_created, c.when_changed))
            yield M.connector_dn(sdn, c.name), M.CLASS_CONNECTOR, attrs


def provision(directory_or_conn, servers, connectors, organization: str = "Contoso",
              root_dn: str | None = None) -> int:
    """Create an Exchange organisation in a test or lab directory: the containers (those that exist already
    are kept), each server and its connectors (an existing server or connector raises ObjectExists).
    `directory_or_conn` is an LdapDirectory or a bound ldap3 Connection (then `root_dn` is needed).
    Returns the number of entries added. For slapd with ldap_schema.schema; never a production AD."""
    if isinstance(directory_or_conn, LdapDirectory):
        conn, root_dn, ad = directory_or_conn.conn, root_dn or directory_or_conn.root_dn, directory_or_conn.is_ad
        source = directory_or_conn.source
    else:
        conn, ad, source = directory_or_conn, False, str(getattr(directory_or_conn.server, "host", ""))
        if not root_dn:
            raise ValueError("provision() with a connection needs root_dn")
    added = 0
    for dn, cls, attrs in organization_entries(root_dn, servers, connectors, organization, ad=ad):
        conn.add(dn, ["top", cls], attrs)
        code = conn.result.get("result")
        if code == 0:
            added += 1
            continue
        if code == _ALREADY_EXISTS and cls not in (M.CLASS_SERVER, M.CLASS_CONNECTOR):
            continue
        if code == _ALREADY_EXISTS:
            raise ObjectExists(f"Active Directory operation failed on {source}. The object '{dn}' already exists.")
        raise DirectoryError(f"Active Directory operation failed on {source}. Adding '{dn}': "
                             f"{conn.result.get('description')}: {conn.result.get('message', '')}".rstrip(": "))
    return added


def to_ldif(entries) -> str:
    """LDIF text of (dn, objectClass, attributes) entries, for slapadd (bulk loading a test directory)."""
    import base64
    out = []

    def line(attr, value):
        if isinstance(value, (bytes, bytearray)):
            return f"{attr}:: {base64.b64encode(bytes(value)).decode()}"
        if value and (value[0] in " :<" or value[-1] == " " or any(ord(c) < 32 or ord(c) > 126 for c in value)):
            return f"{attr}:: {base64.b64encode(value.encode('utf-8')).decode()}"
        return f"{attr}: {value}"
    for dn, cls, attrs in entries:
        block = [line("dn", dn), "objectClass: top", f"objectClass: {cls}"]
        for attr, values in attrs.items():
            for v in values:
                block.append(line(attr, v))
        out.append("\n".join(block))
    return "\n\n".join(out) + "\n"
