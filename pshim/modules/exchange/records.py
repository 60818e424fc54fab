"""What a directory stores: servers and Receive connectors as plain records, independent of the backend.

Both backends (the lab's SQLite store, Active Directory over LDAP) read and write these records; the model
(model.py) turns them into the objects cmdlets emit. A connector's settings are described once, in
CONNECTOR_SETTINGS: the parameter name, how a typed value is parsed, its stored (plain) form, the default
for a new connector and its Active Directory attribute.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import uuid

from . import values as V

# server role bits (msExchCurrentServerRoles)
ROLE_MAILBOX, ROLE_CLIENT_ACCESS, ROLE_UM, ROLE_HUB, ROLE_EDGE, ROLE_FRONTEND = 2, 4, 16, 32, 64, 16384
ROLE_CAFE = 1
MAILBOX_2019_ROLES = ROLE_CAFE | ROLE_MAILBOX | ROLE_CLIENT_ACCESS | ROLE_HUB | ROLE_FRONTEND   # 16423


def utcnow() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0)


@dataclasses.dataclass
class ServerRecord:
    name: str
    fqdn: str
    roles: int
    serial_number: str                 # "Version 15.2 (Build 31118.19)"
    edition: str = "Standard"
    site: str = "Default-First-Site-Name"
    ipv4: list = dataclasses.field(default_factory=list)
    ipv6: list = dataclasses.field(default_factory=list)
    guid: str = dataclasses.field(default_factory=lambda: str(uuid.uuid4()))
    dn: str = ""
    when_created: _dt.datetime = dataclasses.field(default_factory=utcnow)
    when_changed: _dt.datetime = dataclasses.field(default_factory=utcnow)
    #: why the addresses could not be found (e.g. a DNS failure against AD); None when ipv4/ipv6 are complete
    address_error: str | None = None

    @property
    def is_edge(self) -> bool:
        return bool(self.roles & ROLE_EDGE)

    @property
    def is_transport(self) -> bool:
        return bool(self.roles & (ROLE_HUB | ROLE_EDGE))

    @property
    def is_mailbox(self) -> bool:
        return bool(self.roles & ROLE_MAILBOX)


class ConnectorRecord:
    """A Receive connector as stored. `settings` maps CONNECTOR_SETTINGS names to stored (plain) values.
    A backend may hand over the settings still encoded (`encoded_settings`, a JSON object of the values that
    differ from the defaults) and the timestamps as ISO text: they are decoded on first use, so listing
    thousands of connectors costs only what is read."""
    __slots__ = ("server", "name", "guid", "dn", "_settings", "_encoded", "_created", "_changed")

    def __init__(self, server: str, name: str, settings: dict | None = None, guid: str | None = None, dn: str = "",
                 when_created=None, when_changed=None, encoded_settings: str | None = None):
        self.server = server               # the server's Name
        self.name = name
        self.guid = guid or str(uuid.uuid4())
        self.dn = dn
        self._settings = settings
        self._encoded = encoded_settings
        self._created = when_created or utcnow()
        self._changed = when_changed or self._created

    @property
    def settings(self) -> dict:
        if self._settings is None:
            import json
            self._settings = {**_DEFAULTS, **json.loads(self._encoded or "{}")}
            self._encoded = None
        return self._settings

    @settings.setter
    def settings(self, value: dict):
        self._settings, self._encoded = value, None

    def encode_settings(self) -> str:
        """The settings that differ from the defaults, as JSON (what the lab stores)."""
        import json
        if self._settings is None and self._encoded is not None:
            return self._encoded
        return json.dumps({k: v for k, v in self.settings.items() if _DEFAULTS.get(k, _MISSING) != v})

    @property
    def when_created(self) -> _dt.datetime:
        if isinstance(self._created, str):
            self._created = _dt.datetime.fromisoformat(self._created)
        return self._created

    @when_created.setter
    def when_created(self, value):
        self._created = value

    @property
    def when_changed(self) -> _dt.datetime:
        if isinstance(self._changed, str):
            self._changed = _dt.datetime.fromisoformat(self._changed)
        return self._changed

    @when_changed.setter
    def when_changed(self, value):
        self._changed = value

    @property
    def identity(self) -> str:
        return f"{self.server}\\{self.name}"

    def get(self, name: str):
        s = SETTINGS_BY_NAME[name.lower()]
        return self.settings.get(s.name, s.default)

    def __repr__(self):
        return f"ConnectorRecord({self.identity!r}, guid={self.guid!r})"


_MISSING = object()


@dataclasses.dataclass(frozen=True)
class Setting:
    """One settable Receive connector property."""
    name: str
    kind: str                    # bindings | ranges | bool | int | unlimited | size | str | auth | perms | logging | role | timespan
    default: object
    ldap: str                    # Active Directory attribute (or "<attr>:<bit>" for a bit of a flags attribute)


CONNECTOR_SETTINGS = (
    Setting("Bindings", "bindings", [], "msExchSmtpReceiveBindings"),
    Setting("RemoteIPRanges", "ranges", [], "msExchSmtpReceiveRemoteIPRanges"),
    Setting("Enabled", "bool", True, "msExchSmtpReceiveEnabled"),
    Setting("TransportRole", "role", "HubTransport", "msExchSmtpReceiveRole"),
    Setting("AuthMechanism", "auth", 1 | 2 | 4 | 8 | 16, "msExchSMTPReceiveInboundSecurityFlag"),
    # Active Directory keeps no PermissionGroups attribute (Exchange derives it from the object's ACL); the LDAP
    # backend stores it in the test schema's pshim-specific attribute (directory/ldap_map.py says more)
    Setting("PermissionGroups", "perms", 2 | 4 | 8, "pshimReceivePermissionGroups"),
    Setting("Fqdn", "str", None, "msExchSMTPReceiveConnectorFQDN"),
    Setting("Banner", "str", None, "msExchSmtpReceiveBanner"),
    Setting("Comment", "str", None, "adminDescription"),
    Setting("MaxMessageSize", "size", 36700160, "msExchSmtpReceiveMaxMessageSize"),
    Setting("MaxHeaderSize", "size", 131072, "msExchSmtpReceiveMaxHeaderSize"),
    Setting("MaxRecipientsPerMessage", "int", 200, "msExchSmtpReceiveMaxRecipientsPerMessage"),
    Setting("MaxHopCount", "int", 60, "msExchSmtpReceiveMaxHopCount"),
    Setting("MaxLocalHopCount", "int", 12, "msExchSmtpReceiveMaxLocalHopCount"),
    Setting("MaxLogonFailures", "int", 3, "msExchSmtpReceiveMaxLogonFailures"),
    Setting("MaxInboundConnection", "unlimited", 5000, "msExchSmtpReceiveMaxInboundConnections"),
    Setting("MaxInboundConnectionPerSource", "unlimited", 20, "msExchSmtpReceiveMaxInboundConnectionsPerSource"),
    Setting("MaxInboundConnectionPercentagePerSource", "int", 2,
            "msExchSMTPReceiveMaxInboundConnectionsPercPerSource"),
    Setting("MaxProtocolErrors", "unlimited", 5, "msExchSmtpReceiveMaxProtocolErrors"),
    Setting("MessageRateLimit", "unlimited", None, "msExchSMTPReceiveRelayControl"),
    Setting("ConnectionTimeout", "timespan", "00:10:00", "msExchSmtpReceiveConnectionTimeout"),
    Setting("ConnectionInactivityTimeout", "timespan", "00:05:00", "msExchSmtpReceiveConnectionInactivityTimeout"),
    Setting("ProtocolLoggingLevel", "logging", "None", "msExchSmtpReceiveProtocolLoggingLevel"),
    Setting("RequireTLS", "bool", False, "msExchSmtpReceiveProtocolRestrictions:8"),
    Setting("RequireEHLODomain", "bool", False, "msExchSmtpReceiveProtocolRestrictions:4"),
    Setting("EnableAuthGSSAPI", "bool", False, "msExchSmtpReceiveProtocolRestrictions:16"),
    Setting("DomainSecureEnabled", "bool", False, "msExchSmtpReceiveProtocolOptions:512"),
    Setting("PipeliningEnabled", "bool", True, "msExchSmtpReceiveProtocolOptions:128"),
    Setting("ChunkingEnabled", "bool", True, "msExchSmtpReceiveProtocolOptions:8"),
    Setting("EightBitMimeEnabled", "bool", True, "msExchSmtpReceiveProtocolOptions:256"),
    Setting("BinaryMimeEnabled", "bool", True, "msExchSmtpReceiveProtocolOptions:4"),
    Setting("EnhancedStatusCodesEnabled", "bool", True, "msExchSmtpReceiveProtocolOptions:32"),
    Setting("DeliveryStatusNotificationEnabled", "bool", True, "msExchSmtpReceiveProtocolOptions:16"),
    Setting("TlsCertificateName", "str", None, "msExchSmtpTLSCertificate"),
)
SETTINGS_BY_NAME = {s.name.lower(): s for s in CONNECTOR_SETTINGS}
_DEFAULTS = {s.name: s.default for s in CONNECTOR_SETTINGS}


def parse_setting(setting: Setting, value, current=None):
    """The stored form of a value typed for `setting` (raises ExchangeValueError with Exchange's text).
    Multi-valued settings accept `@{Add=...; Remove=...}` against `current`."""
    k = setting.kind
    if k == "bindings":
        items = V.apply_changes([V.IPBinding.parse(b) for b in current or []], value, V.IPBinding.parse)
        return [str(b) for b in items]
    if k == "ranges":
        items = V.apply_changes([V.IPRange.parse(r) for r in current or []], value, V.IPRange.parse)
        return [str(r) for r in items]
    if k == "bool":
        from ...runtime.conversion import to_bool
        return bool(to_bool(value))
    if k == "int":
        try:
            n = int(str(value).strip()) if not isinstance(value, bool) else None
        except ValueError:
            n = None
        if n is None or n < 0:
            raise V.ExchangeValueError(f'Cannot convert value "{value}" to type "System.Int32". '
                                       "Error: \"Input string was not in a correct format.\"")
        return n
    if k == "unlimited":
        return V.Unlimited.parse(value)
    if k == "size":
        return V.ByteQuantifiedSize.parse(value).nbytes
    if k == "str":
        return None if value is None or str(value) == "" else str(value)
    if k == "auth":
        return V.AuthMechanisms.parse(value).value
    if k == "perms":
        return V.PermissionGroups.parse(value).value
    if k == "logging":
        return V.ProtocolLoggingLevel.parse(value).name
    if k == "role":
        return V.TransportRole.parse(value).name
    if k == "timespan":
        return _timespan_text(value)
    raise AssertionError(k)


def _timespan_text(value) -> str:
    if isinstance(value, _dt.timedelta):
        total = int(value.total_seconds())
    else:
        import re
        m = re.fullmatch(r"(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})", str(value).strip())
        if not m:
            raise V.ExchangeValueError(f'Cannot convert value "{value}" to type "Microsoft.Exchange.Data.'
                                       'EnhancedTimeSpan". Use the format dd.hh:mm:ss.')
        d, h, mi, s = (int(x) if x else 0 for x in m.groups())
        total = ((d * 24 + h) * 60 + mi) * 60 + s
    from ...runtime.datetimes import format_timespan
    return format_timespan(_dt.timedelta(seconds=total))


# ---------------------------------------------------------------------------
# the connectors Exchange creates by default (exchange-facts.md 3.4)

_ALL_V4 = "0.0.0.0-255.255.255.255"
_ALL_V6 = "::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
_A = V.AUTH_BITS
_P = V.PERMISSION_BITS


def _auth(*names):
    return sum(_A[n] for n in names)


def _perms(*names):
    return sum(_P[n] for n in names)


def default_connectors(server: ServerRecord) -> list[ConnectorRecord]:
    """The Receive connectors Exchange 2016/2019 setup creates on a Mailbox server (five) or an Edge server (one)."""
    n, fqdn = server.name, server.fqdn
    if not server.is_transport:
        return []
    if server.is_edge:
        return [_new(server, f"Default internal receive connector {n}", ["0.0.0.0:25"], [_ALL_V4], "HubTransport",
                     _auth("Tls", "ExchangeServer"), _perms("AnonymousUsers", "ExchangeServers", "Partners"),
                     "None", ConnectionTimeout="00:05:00", ConnectionInactivityTimeout="00:01:00",
                     MessageRateLimit=600)]
    tbi = ("Tls", "BasicAuth", "BasicAuthRequireTLS", "Integrated")
    out = [
        _new(server, f"Default {n}", ["[::]:2525", "0.0.0.0:2525"], [_ALL_V6, _ALL_V4], "HubTransport",
             _auth("Tls", "BasicAuth", "ExchangeServer", "Integrated"),
             _perms("ExchangeLegacyServers", "ExchangeServers", "ExchangeUsers"), "None",
             MaxRecipientsPerMessage=5000, MaxInboundConnectionPerSource=None,
             MaxInboundConnectionPercentagePerSource=100),
        _new(server, f"Client Proxy {n}", ["[::]:465", "0.0.0.0:465"], [_ALL_V6, _ALL_V4], "HubTransport",
             _auth(*tbi, "ExchangeServer"), _perms("ExchangeServers", "ExchangeUsers"), "None", MessageRateLimit=5),
        _new(server, f"Default Frontend {n}", ["[::]:25", "0.0.0.0:25"], [_ALL_V6, _ALL_V4], "FrontendTransport",
             _auth(*tbi, "ExchangeServer"), _perms("AnonymousUsers", "ExchangeLegacyServers", "ExchangeServers"),
             "Verbose", DomainSecureEnabled=True),
        _new(server, f"Outbound Proxy Frontend {n}", ["[::]:717", "0.0.0.0:717"], [_ALL_V6, _ALL_V4],
             "FrontendTransport", _auth(*tbi, "ExchangeServer"), _perms("ExchangeServers"), "None"),
        _new(server, f"Client Frontend {n}", ["[::]:587", "0.0.0.0:587"], [_ALL_V6, _ALL_V4], "FrontendTransport",
             _auth(*tbi), _perms("ExchangeUsers"), "None", MessageRateLimit=5, EnableAuthGSSAPI=True),
    ]
    for c in out:
        c.settings["Fqdn"] = fqdn
    return out


def _new(server, name, bindings, ranges, role, auth, perms, logging, **more) -> ConnectorRecord:
    settings = {s.name: s.default for s in CONNECTOR_SETTINGS}
    settings.update(Bindings=list(bindings), RemoteIPRanges=list(ranges), TransportRole=role, AuthMechanism=auth,
                    PermissionGroups=perms, ProtocolLoggingLevel=logging, Fqdn=server.fqdn)
    settings.update(more)
    return ConnectorRecord(server.name, name, settings)


def new_connector_settings(**values) -> dict:
    settings = {s.name: s.default for s in CONNECTOR_SETTINGS}
    settings.update(values)
    return settings
