"""The objects Exchange cmdlets emit, built from directory records: ExchangeServer, TransportServer,
FrontendTransportServer, ReceiveConnector (with their real .NET type names, so views, Get-Member and
`#TYPE` lines match Exchange). They are snapshots, as Exchange's are: Set-* writes to the directory.
"""
from __future__ import annotations

import datetime as _dt

from ...runtime.psobject import DotNetObject
from . import records as R
from . import values as V

_DIR = "Microsoft.Exchange.Data.Directory."
_CONFIGURABLE = ("Microsoft.Exchange.Data.ConfigurableObject", "System.Object")
_AD_CHAIN = (_DIR + "ADObject", _DIR + "ADRawEntry") + _CONFIGURABLE


class ADObjectId(DotNetObject):
    """A directory object's id: prints as its Exchange identity (`MBX01\\Default MBX01`, `MBX01`)."""
    ps_type_names = (_DIR + "ADObjectId", "Microsoft.Exchange.Data.ObjectId", "System.Object")
    ps_properties = ("Name", "DistinguishedName", "ObjectGuid")

    def __init__(self, text: str, name: str, dn: str, guid: str):
        self.text = text
        self.Name = name
        self.DistinguishedName = dn
        self.ObjectGuid = guid

    def ps_to_string(self):
        return self.text

    __str__ = ps_to_string

    def __eq__(self, other):
        if isinstance(other, ADObjectId):
            return self.DistinguishedName.lower() == other.DistinguishedName.lower()
        if isinstance(other, str):
            return self.text.lower() == other.lower()
        return NotImplemented

    def __hash__(self):
        return hash(self.DistinguishedName.lower())


def _utc(d: _dt.datetime) -> _dt.datetime:
    return d.replace(tzinfo=None)


def _local(d: _dt.datetime) -> _dt.datetime:
    return d.astimezone().replace(tzinfo=None)


class _DirectoryObject(DotNetObject):
    """Base properties every AD-backed Exchange object has."""
    _record = None

    @property
    def Guid(self):
        return self._record.guid

    @property
    def DistinguishedName(self):
        return self._record.dn

    @property
    def WhenCreated(self):
        return _local(self._record.when_created)

    @property
    def WhenChanged(self):
        return _local(self._record.when_changed)

    @property
    def WhenCreatedUTC(self):
        return _utc(self._record.when_created)

    @property
    def WhenChangedUTC(self):
        return _utc(self._record.when_changed)

    IsValid = True
    ExchangeVersion = "0.1 (8.0.535.0)"
    ObjectState = "Unchanged"

    def ps_to_string(self):
        return str(self.Identity)


_BASE_PROPS = ("Identity", "IsValid", "ExchangeVersion", "Name", "DistinguishedName", "Guid", "ObjectCategory",
               "ObjectClass", "WhenChanged", "WhenCreated", "WhenChangedUTC", "WhenCreatedUTC", "OrganizationId",
               "OriginatingServer", "ObjectState")


# ---------------------------------------------------------------------------
# servers

class ExchangeServer(_DirectoryObject):
    ps_type_names = ("Microsoft.Exchange.Data.Directory.Management.ExchangeServer",
                     _DIR + "ADPresentationObject") + _CONFIGURABLE
    ps_properties = ("Name", "DataPath", "Domain", "Edition", "ExchangeLegacyDN", "Fqdn", "IsHubTransportServer",
                     "IsClientAccessServer", "IsExchange2007OrLater", "IsEdgeServer", "IsMailboxServer",
                     "IsE14OrLater", "IsE15OrLater", "IsProvisionedServer", "IsUnifiedMessagingServer",
                     "IsFrontendTransportServer", "NetworkAddress", "OrganizationalUnit", "AdminDisplayVersion",
                     "Site", "ServerRole", "IPAddresses") + _BASE_PROPS

    def __init__(self, record: R.ServerRecord, organization: str, source: str):
        self._record = record
        self._organization = organization
        self.OriginatingServer = source

    Name = property(lambda self: self._record.name)
    Fqdn = property(lambda self: self._record.fqdn)
    Domain = property(lambda self: self._record.fqdn.partition(".")[2])
    Edition = property(lambda self: V.ServerEditionType.parse(self._record.edition))
    OrganizationalUnit = property(lambda self: f"{self.Domain}/{self._record.name}")
    DataPath = property(lambda self: "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\Mailbox")
    ExchangeLegacyDN = property(lambda self: f"/o={self._organization}/ou=Exchange Administrative Group "
                                             f"(FYDIBOHF23SPDLT)/cn=Configuration/cn=Servers/cn={self._record.name}")
    NetworkAddress = property(lambda self: V.MultiValuedProperty(
        [f"ncacn_vns_spp:{self._record.name}", f"netbios:{self._record.name}", f"ncacn_np:{self._record.name}",
         f"ncacn_spx:{self._record.name}", f"ncacn_ip_tcp:{self._record.fqdn}", f"ncalrpc:{self._record.name}"],
        "System.String"))
    IsHubTransportServer = property(lambda self: bool(self._record.roles & R.ROLE_HUB))
    IsClientAccessServer = property(lambda self: bool(self._record.roles & R.ROLE_CLIENT_ACCESS))
    IsEdgeServer = property(lambda self: bool(self._record.roles & R.ROLE_EDGE))
    IsMailboxServer = property(lambda self: bool(self._record.roles & R.ROLE_MAILBOX))
    IsUnifiedMessagingServer = property(lambda self: bool(self._record.roles & R.ROLE_UM))
    IsFrontendTransportServer = property(lambda self: bool(self._record.roles & R.ROLE_FRONTEND))
    IsProvisionedServer = False
    IsExchange2007OrLater = True
    IsE14OrLater = True
    IsE15OrLater = True
    ObjectCategory = property(lambda self: f"{self.Domain}/Configuration/Schema/ms-Exch-Exchange-Server")
    ObjectClass = property(lambda self: V.MultiValuedProperty(["top", "server", "msExchExchangeServer"],
                                                              "System.String"))
    OrganizationId = ""

    @property
    def AdminDisplayVersion(self):
        return V.ServerVersion.from_serial(self._record.serial_number)

    @property
    def Site(self):
        return f"{self.Domain}/Configuration/Sites/{self._record.site}"

    @property
    def ServerRole(self):
        roles = self._record.roles
        if roles & R.ROLE_EDGE:
            return V.ServerRole(R.ROLE_EDGE)
        return V.ServerRole(roles & R.ROLE_MAILBOX)

    @property
    def IPAddresses(self):
        return V.MultiValuedProperty(self._record.ipv4 + self._record.ipv6, "System.Net.IPAddress")

    @property
    def Identity(self):
        return ADObjectId(self._record.name, self._record.name, self._record.dn, self._record.guid)


class TransportServer(ExchangeServer):
    """Get-TransportService's object: the server with its transport settings."""
    ps_type_names = ("Microsoft.Exchange.Data.Directory.Management.TransportServer",
                     _DIR + "ADPresentationObject") + _CONFIGURABLE
    ps_properties = ("Name", "Fqdn", "ReceiveProtocolLogPath", "SendProtocolLogPath", "MessageTrackingLogEnabled",
                     "MessageTrackingLogPath", "MaxOutboundConnections", "MaxPerDomainOutboundConnections",
                     "MessageExpirationTimeout", "MessageRetryInterval", "TransientFailureRetryCount",
                     "PickupDirectoryPath") + _BASE_PROPS
    ReceiveProtocolLogPath = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpReceive"
    SendProtocolLogPath = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\Hub\\ProtocolLog\\SmtpSend"
    MessageTrackingLogEnabled = True
    MessageTrackingLogPath = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\MessageTracking"
    MaxOutboundConnections = 1000
    MaxPerDomainOutboundConnections = 20
    MessageExpirationTimeout = _dt.timedelta(days=2)
    MessageRetryInterval = _dt.timedelta(minutes=15)
    TransientFailureRetryCount = 6
    PickupDirectoryPath = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Pickup"


class FrontendTransportServer(ExchangeServer):
    ps_type_names = ("Microsoft.Exchange.Data.Directory.Management.FrontendTransportServer",
                     _DIR + "ADPresentationObject") + _CONFIGURABLE
    ps_properties = ("Name", "Fqdn", "ReceiveProtocolLogPath", "SendProtocolLogPath", "MaxConnectionRatePerMinute",
                     "AntispamAgentsEnabled") + _BASE_PROPS
    ReceiveProtocolLogPath = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpReceive"
    SendProtocolLogPath = "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpSend"
    MaxConnectionRatePerMinute = 72000
    AntispamAgentsEnabled = False


# ---------------------------------------------------------------------------
# Receive connectors

_CONNECTOR_PROPS = (
    "AuthMechanism", "Banner", "BinaryMimeEnabled", "Bindings", "ChunkingEnabled", "DeliveryStatusNotificationEnabled",
    "EightBitMimeEnabled", "DomainSecureEnabled", "EnhancedStatusCodesEnabled", "Fqdn", "TlsCertificateName",
    "Comment", "Enabled", "ConnectionTimeout", "ConnectionInactivityTimeout", "MessageRateLimit",
    "MaxInboundConnection", "MaxInboundConnectionPerSource", "MaxInboundConnectionPercentagePerSource",
    "MaxHeaderSize", "MaxHopCount", "MaxLocalHopCount", "MaxLogonFailures", "MaxMessageSize", "MaxProtocolErrors",
    "MaxRecipientsPerMessage", "PermissionGroups", "PipeliningEnabled", "ProtocolLoggingLevel", "RemoteIPRanges",
    "RequireEHLODomain", "RequireTLS", "EnableAuthGSSAPI", "Server", "TransportRole")


class ReceiveConnector(_DirectoryObject):
    ps_type_names = (_DIR + "SystemConfiguration.ReceiveConnector", _DIR + "ADLegacyVersionableObject",
                     _DIR + "ADConfigurationObject") + _AD_CHAIN
    ps_properties = _CONNECTOR_PROPS + ("AdminDisplayName",) + _BASE_PROPS + ("Id",)

    def __init__(self, record: R.ConnectorRecord, server: R.ServerRecord | None, source: str):
        self._record = record
        self._server_record = server
        self.OriginatingServer = source

    def __getattr__(self, name):
        # settings (Banner, MaxHopCount, ...) read from the record in their Exchange types
        if name.startswith("_") or name not in _SETTING_NAMES:
            raise AttributeError(name)
        return present_setting(R.SETTINGS_BY_NAME[name.lower()], self._record)

    Name = property(lambda self: self._record.name)
    AdminDisplayName = ""
    ObjectCategory = property(lambda self: "Configuration/Schema/ms-Exch-Smtp-Receive-Connector")
    ObjectClass = property(lambda self: V.MultiValuedProperty(["top", "msExchSmtpReceiveConnector"], "System.String"))
    OrganizationId = ""

    @property
    def Identity(self):
        return ADObjectId(self._record.identity, self._record.name, self._record.dn, self._record.guid)

    Id = Identity

    @property
    def Server(self):
        s = self._server_record
        dn = s.dn if s is not None else ""
        guid = s.guid if s is not None else ""
        return ADObjectId(self._record.server, self._record.server, dn, guid)


_SETTING_NAMES = frozenset(s.name for s in R.CONNECTOR_SETTINGS)


def present_setting(setting: R.Setting, record: R.ConnectorRecord):
    """A stored setting in the type Exchange shows it as."""
    v = record.settings.get(setting.name, setting.default)
    k = setting.kind
    if k == "bindings":
        return V.MultiValuedProperty([V.IPBinding.parse(b) for b in v or []], "Microsoft.Exchange.Data.IPBinding")
    if k == "ranges":
        return V.MultiValuedProperty([V.IPRange.parse(r) for r in v or []], "Microsoft.Exchange.Data.IPRange")
    if k == "size":
        return V.ByteQuantifiedSize(v)
    if k == "unlimited":
        return "Unlimited" if v is None else v
    if k == "auth":
        return V.AuthMechanisms(v)
    if k == "perms":
        return V.PermissionGroups(v)
    if k == "logging":
        return V.ProtocolLoggingLevel(v)
    if k == "role":
        return V.TransportRole(v)
    if k == "timespan":
        d, _, hms = v.rpartition(".")
        h, m, s = (int(x) for x in hms.split(":"))
        return _dt.timedelta(days=int(d or 0), hours=h, minutes=m, seconds=s)
    return v


from . import views as _views  # noqa: E402,F401  (registers the console views of these types)
