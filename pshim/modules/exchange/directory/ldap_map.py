"""How servers and Receive connectors are laid out in Active Directory, and how each record field maps to
an attribute value and back. Used by ldap.py (LdapDirectory, provision); independent of the connection.

The mapping choices (also in ldap.py's docstring):

| Record field | Attribute | Stored as |
|---|---|---|
| ServerRecord.name | cn | the RDN value |
| .fqdn | networkAddress | the `ncacn_ip_tcp:<fqdn>` value (multi-valued attribute) |
| .roles | msExchCurrentServerRoles | integer (ServerRole flags) |
| .serial_number | serialNumber | `Version 15.2 (Build 31118.19)` |
| .edition | type | plain edition name; AD's obfuscated value reads as Unknown |
| .site | msExchServerSite | the site's DN; the site name is its first RDN value |
| .guid | objectGUID | 16 bytes, Microsoft's GUID byte order (uuid.bytes_le) |
| .when_created / .when_changed | whenCreated / whenChanged | GeneralizedTime, UTC |
| ConnectorRecord.server | the DN | `CN=<name>,CN=SMTP Receive Connectors,CN=Protocols,CN=<server>,...` |
| bindings, ranges | the multi-valued msExch attributes | one string per value, in the stored order |
| bool settings | msExchSmtpReceiveEnabled | Boolean TRUE/FALSE |
| bit settings (`<attr>:<bit>`) | msExchSmtpReceiveProtocolOptions / ...Restrictions | bits of one integer (1) |
| TransportRole | msExchSmtpReceiveRole | 32 = HubTransport, 16384 = FrontendTransport |
| AuthMechanism | msExchSMTPReceiveInboundSecurityFlag | integer flags |
| PermissionGroups | pshimReceivePermissionGroups | integer flags (pshim's own attribute; see below) |
| sizes | ...MaxMessageSize, ...MaxHeaderSize | integer bytes |
| int settings | their attribute | integer; absent = the setting's default |
| Unlimited settings | their attribute | integer; absent = Unlimited |
| ProtocolLoggingLevel | msExchSmtpReceiveProtocolLoggingLevel | 0 = None, 1 = Verbose |
| timespans | ...ConnectionTimeout, ...ConnectionInactivityTimeout | integer seconds (2) |
| str settings | their attribute | the text; absent = $null |

(1) An absent flags attribute is Exchange's default (445 / 0); bits pshim does not know are kept on update.
(2) pshim's choice (Exchange's own AD encoding of EnhancedTimeSpan is not confirmed here); reads also accept
    `[d.]hh:mm:ss` text.

PermissionGroups: Exchange derives it from the connector's ACL (nTSecurityDescriptor), which pshim does not
parse or write. pshim keeps it in `pshimReceivePermissionGroups`, which exists only in pshim's test schema
(ldap_schema.schema). Against a real Active Directory that attribute does not exist: reads see no value
and report PermissionGroups as None (0) - what pshim can see, not what the ACL grants - and writes of
PermissionGroups are refused (ldap.py) rather than silently dropped.
"""
from __future__ import annotations

import datetime as _dt
import uuid

from .. import records as R
from ..values import ServerEditionType

ADMIN_GROUP = "Exchange Administrative Group (FYDIBOHF23SPDLT)"
CLASS_SERVER = "msExchExchangeServer"
CLASS_CONNECTOR = "msExchSmtpReceiveConnector"
PERMISSION_GROUPS_ATTR = "pshimReceivePermissionGroups"
FLAG_DEFAULTS = {"msexchsmtpreceiveprotocoloptions": 445, "msexchsmtpreceiveprotocolrestrictions": 0}

#: the containers between a server and its connectors, with their object classes
PROTOCOLS = ("Protocols", "protocolCfgSharedServer")
SMTP_RECEIVE_CONNECTORS = ("SMTP Receive Connectors", "msExchProtocolCfgSMTPContainer")

SERVER_ATTRIBUTES = ["cn", "networkAddress", "msExchCurrentServerRoles", "serialNumber", "type",
                     "msExchServerSite", "objectGUID", "whenCreated", "whenChanged", "createTimestamp",
                     "modifyTimestamp"]


def _attribute_of(setting: R.Setting) -> tuple[str, int | None]:
    if setting.kind == "perms":
        return PERMISSION_GROUPS_ATTR, None
    attr, _, bit = setting.ldap.partition(":")
    return attr, (int(bit) if bit else None)


_ATTRIBUTE_OF = {s.name: _attribute_of(s) for s in R.CONNECTOR_SETTINGS}


def attribute_of(setting: R.Setting) -> tuple[str, int | None]:
    """(attribute, bit or None) of a connector setting."""
    return _ATTRIBUTE_OF.get(setting.name) or _attribute_of(setting)


CONNECTOR_ATTRIBUTES = ["cn", "objectGUID", "whenCreated", "whenChanged", "createTimestamp", "modifyTimestamp"]
for _s in R.CONNECTOR_SETTINGS:
    _a = attribute_of(_s)[0]
    if _a not in CONNECTOR_ATTRIBUTES:
        CONNECTOR_ATTRIBUTES.append(_a)


# ---------------------------------------------------------------------------
# DNs

def exchange_container(root_dn: str) -> str:
    return f"CN=Microsoft Exchange,CN=Services,CN=Configuration,{root_dn}"


def organization_dn(root_dn: str, organization: str) -> str:
    return f"CN={escape_rdn_value(organization)},{exchange_container(root_dn)}"


def servers_container(root_dn: str, organization: str) -> str:
    return f"CN=Servers,CN={ADMIN_GROUP},CN=Administrative Groups,{organization_dn(root_dn, organization)}"


def server_dn(root_dn: str, organization: str, server: str) -> str:
    return f"CN={escape_rdn_value(server)},{servers_container(root_dn, organization)}"


def connectors_container(server_dn_: str) -> str:
    return f"CN={SMTP_RECEIVE_CONNECTORS[0]},CN={PROTOCOLS[0]},{server_dn_}"


def connector_dn(server_dn_: str, name: str) -> str:
    return f"CN={escape_rdn_value(name)},{connectors_container(server_dn_)}"


def site_dn(root_dn: str, site: str) -> str:
    return f"CN={escape_rdn_value(site)},CN=Sites,CN=Configuration,{root_dn}"


def escape_rdn_value(value: str) -> str:
    """An attribute value as it appears in a DN (RFC 4514 escaping)."""
    out = []
    for i, ch in enumerate(value):
        if ch in ',+"\\<>;=' or (ch == "#" and i == 0) or (ch == " " and i in (0, len(value) - 1)):
            out.append("\\" + ch)
        elif ch == "\x00":
            out.append("\\00")
        else:
            out.append(ch)
    return "".join(out)


def split_dn(dn: str) -> list[tuple[str, str]]:
    """[(attribute, unescaped value), ...] of a DN, leaf first."""
    rdns, attr, buf, i, in_value = [], [], [], 0, False
    raw = bytearray()

    def flush_text():
        if raw:
            buf.append(raw.decode("utf-8", "replace"))
            raw.clear()
    while i < len(dn):
        ch = dn[i]
        if not in_value:
            if ch == "=":
                in_value = True
            else:
                attr.append(ch)
            i += 1
            continue
        if ch == "\\" and i + 1 < len(dn):
            nxt = dn[i + 1:i + 3]
            if len(nxt) == 2 and all(c in "0123456789abcdefABCDEF" for c in nxt):
                raw.append(int(nxt, 16))
                i += 3
                continue
            flush_text()
            buf.append(dn[i + 1])
            i += 2
            continue
        if ch in ",;":
            flush_text()
            rdns.append(("".join(attr).strip(), "".join(buf).strip()))
            attr, buf, in_value = [], [], False
            i += 1
            continue
        flush_text()
        buf.append(ch)
        i += 1
    flush_text()
    if attr or buf:
        rdns.append(("".join(attr).strip(), "".join(buf).strip()))
    return rdns


_AD_TYPES = {"cn": "CN", "dc": "DC", "ou": "OU", "o": "O", "c": "C", "l": "L"}


def ad_dn(dn: str) -> str:
    """A DN with its attribute type names as Active Directory writes them (`cn=x,dc=y` -> `CN=x,DC=y`); the
    values are kept as they are (escapes included)."""
    if "\\" not in dn and "+" not in dn and ";" not in dn:
        parts = []
        for rdn in dn.split(","):
            t, eq, v = rdn.partition("=")
            parts.append((_AD_TYPES.get(t.strip().lower(), t) + eq + v) if eq else rdn)
        return ",".join(parts)
    if "+" not in dn:       # escapes (slapd writes `\2C`): re-escaped the way AD writes them (`\,`)
        return ",".join(f"{_AD_TYPES.get(t.lower(), t)}={escape_rdn_value(v)}" for t, v in split_dn(dn))
    out, i, start_of_type = [], 0, True
    while i < len(dn):
        if start_of_type:
            j = dn.find("=", i)
            if j < 0:
                out.append(dn[i:])
                break
            t = dn[i:j]
            out.append(_AD_TYPES.get(t.strip().lower(), t) + "=")
            i, start_of_type = j + 1, False
            continue
        ch = dn[i]
        if ch == "\\":
            out.append(dn[i:i + 2])
            i += 2
            continue
        out.append(ch)
        if ch in ",;+":
            start_of_type = True
        i += 1
    return "".join(out)


def parent_dn(dn: str) -> str:
    """The DN without its first RDN (the text after the first unescaped comma)."""
    i = 0
    while i < len(dn):
        if dn[i] == "\\":
            i += 2
            continue
        if dn[i] in ",;":
            return dn[i + 1:].strip()
        i += 1
    return ""


def rdn_value(dn: str, index: int = 0) -> str:
    parts = split_dn(dn)
    return parts[index][1] if len(parts) > index else ""


def server_name_of_connector(dn: str) -> str:
    """The server's name in a connector's DN (CN=name,CN=SMTP Receive Connectors,CN=Protocols,CN=<server>,...)."""
    if "\\" not in dn and ";" not in dn:
        parts = dn.split(",", 4)
        return parts[3].partition("=")[2].strip() if len(parts) > 3 else ""
    return rdn_value(dn, 3)


def same_dn(a: str, b: str) -> bool:
    return [(x.lower(), y.lower()) for x, y in split_dn(a)] == [(x.lower(), y.lower()) for x, y in split_dn(b)]


# ---------------------------------------------------------------------------
# values

def generalized_time(when: _dt.datetime) -> str:
    when = when.astimezone(_dt.timezone.utc) if when.tzinfo else when
    return when.strftime("%Y%m%d%H%M%S") + ".0Z"


def parse_time(text: str | None) -> _dt.datetime | None:
    if not text:
        return None
    digits = text[:14]
    try:
        return _dt.datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=_dt.timezone.utc)
    except ValueError:
        return None


def guid_bytes(guid: str) -> bytes:
    return uuid.UUID(str(guid)).bytes_le


def guid_text(raw: bytes | None) -> str | None:
    if not raw or len(raw) != 16:
        return None
    return str(uuid.UUID(bytes_le=bytes(raw)))


class Entry:
    """One search result: its DN and attribute values as text (binary values kept as bytes)."""
    __slots__ = ("dn", "values")

    def __init__(self, dn: str, raw: dict):
        self.dn = ad_dn(dn)
        self.values = {k.lower(): v for k, v in raw.items()}

    def raw(self, attr: str) -> list:
        return self.values.get(attr.lower()) or []

    def all(self, attr: str) -> list[str]:
        return [v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else str(v)
                for v in self.raw(attr)]

    def first(self, attr: str) -> str | None:
        v = self.raw(attr)
        if not v:
            return None
        v = v[0]
        return v.decode("utf-8", "replace") if isinstance(v, (bytes, bytearray)) else str(v)

    def int(self, attr: str) -> int | None:
        v = self.first(attr)
        try:
            return int(v) if v is not None else None
        except ValueError:
            return None

    def when(self, attr: str, fallback: str) -> _dt.datetime:
        return parse_time(self.first(attr)) or parse_time(self.first(fallback)) or R.utcnow()


def _seconds(text: str) -> int:
    import re
    m = re.fullmatch(r"(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})", text.strip())
    if not m:
        raise ValueError(text)
    d, h, mi, s = (int(x) if x else 0 for x in m.groups())
    return ((d * 24 + h) * 60 + mi) * 60 + s


def _timespan_from_ldap(text: str) -> str:
    text = text.strip()
    seconds = int(text) if text.lstrip("-").isdigit() else _seconds(text)
    return R.parse_setting(R.SETTINGS_BY_NAME["connectiontimeout"], _dt.timedelta(seconds=seconds))


def setting_from_entry(setting: R.Setting, entry: Entry):
    """The stored (record) value of a setting, read from an entry."""
    attr, bit = attribute_of(setting)
    k = setting.kind
    if bit is not None:
        flags = entry.int(attr)
        if flags is None:
            flags = FLAG_DEFAULTS.get(attr.lower(), 0)
        return bool(flags & bit)
    if k in ("bindings", "ranges"):
        return entry.all(attr)
    v = entry.first(attr)
    if k == "perms":
        return int(v) if v is not None and v.lstrip("-").isdigit() else 0
    if v is None:
        if k in ("unlimited", "str"):
            return None
        return setting.default
    try:
        if k == "bool":
            return v.strip().upper() == "TRUE"
        if k == "role":
            n = int(v)
            return "FrontendTransport" if n & R.ROLE_FRONTEND and not n & R.ROLE_HUB else "HubTransport"
        if k in ("int", "size", "auth", "unlimited"):
            return int(v)
        if k == "str":
            return v
        if k == "logging":
            return "Verbose" if v.strip() in ("1", "Verbose", "verbose") else "None"
        if k == "timespan":
            return _timespan_from_ldap(v)
    except ValueError:
        return setting.default
    raise AssertionError(k)


def setting_to_ldap(setting: R.Setting, value) -> list[str]:
    """The attribute values (empty: no value) of a setting that is not a flag bit."""
    k = setting.kind
    if k in ("bindings", "ranges"):
        return [str(v) for v in value or []]
    if value is None:
        return []
    if k == "bool":
        return ["TRUE" if value else "FALSE"]
    if k == "role":
        return [str(R.ROLE_FRONTEND if str(value).lower() == "frontendtransport" else R.ROLE_HUB)]
    if k in ("int", "size", "auth", "perms", "unlimited"):
        return [str(int(value))]
    if k == "str":
        return [str(value)] if str(value) != "" else []
    if k == "logging":
        return ["1" if str(value).lower() == "verbose" else "0"]
    if k == "timespan":
        return [str(_seconds(str(value)))]
    raise AssertionError(k)


def connector_from_entry(entry: Entry) -> R.ConnectorRecord:
    settings = {s.name: setting_from_entry(s, entry) for s in R.CONNECTOR_SETTINGS}
    name = entry.first("cn") or rdn_value(entry.dn)
    return R.ConnectorRecord(server_name_of_connector(entry.dn), name, settings,
                             guid=guid_text((entry.raw("objectGUID") or [None])[0]) or "",
                             dn=entry.dn, when_created=entry.when("whenCreated", "createTimestamp"),
                             when_changed=entry.when("whenChanged", "modifyTimestamp"))


def connector_attributes(settings: dict, current: Entry | None = None, only=None) -> dict[str, list[str]]:
    """attribute -> values for the settings (all of them, or the names in `only`); flag bits are folded into
    their integer, starting from the current entry's value (unknown bits kept) or Exchange's default."""
    out: dict[str, list[str]] = {}
    flags: dict[str, int] = {}
    names = None if only is None else {n.lower() for n in only}
    for s in R.CONNECTOR_SETTINGS:
        if names is not None and s.name.lower() not in names:
            continue
        value = settings.get(s.name, s.default)
        attr, bit = attribute_of(s)
        if bit is None:
            out[attr] = setting_to_ldap(s, value)
            continue
        if attr not in flags:
            cur = current.int(attr) if current is not None else None
            flags[attr] = FLAG_DEFAULTS.get(attr.lower(), 0) if cur is None else cur
        flags[attr] = flags[attr] | bit if value else flags[attr] & ~bit
    for attr, n in flags.items():
        out[attr] = [str(n)]
    return out


def edition_from_ldap(value: str | None) -> str:
    """The edition name stored plainly (pshim's schema); anything else (AD's obfuscated value) is Unknown."""
    if value:
        for choice in ServerEditionType.choices:
            if choice.lower() == value.strip().lower():
                return choice
    return "Unknown"


def fqdn_from_network_addresses(values: list[str]) -> str:
    for v in values:
        if v.lower().startswith("ncacn_ip_tcp:"):
            return v.split(":", 1)[1]
    return ""


def server_from_entry(entry: Entry) -> R.ServerRecord:
    name = entry.first("cn") or rdn_value(entry.dn)
    site = entry.first("msExchServerSite")
    return R.ServerRecord(
        name=name,
        fqdn=fqdn_from_network_addresses(entry.all("networkAddress")) or name,
        roles=entry.int("msExchCurrentServerRoles") or 0,
        serial_number=entry.first("serialNumber") or "",
        edition=edition_from_ldap(entry.first("type")),
        site=rdn_value(site) if site else "",
        guid=guid_text((entry.raw("objectGUID") or [None])[0]) or "",
        dn=entry.dn,
        when_created=entry.when("whenCreated", "createTimestamp"),
        when_changed=entry.when("whenChanged", "modifyTimestamp"),
    )


def server_attributes(server: R.ServerRecord, root_dn: str) -> dict[str, list[str]]:
    return {
        "cn": [server.name],
        "networkAddress": [f"ncacn_ip_tcp:{server.fqdn}", f"netbios:{server.name}", f"ncacn_np:{server.name}"],
        "msExchCurrentServerRoles": [str(server.roles)],
        "serialNumber": [server.serial_number] if server.serial_number else [],
        "type": [server.edition] if server.edition else [],
        "msExchServerSite": [site_dn(root_dn, server.site)] if server.site else [],
    }
