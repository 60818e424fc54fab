"""Get-, New-, Set- and Remove-ReceiveConnector.

Every connector setting of records.CONNECTOR_SETTINGS is a parameter of New- and Set-ReceiveConnector
(declared from that one table), parsed with Exchange's texts and written to the directory in one
transaction per connector.
"""
from __future__ import annotations

from ....commands.parameters import Parameter, ParameterSetData
from ....runtime import conversion as cv
from ....runtime.psobject import unwrap
from .. import records as R
from ..directory.base import ObjectExists
from ..identity import (match_connectors, identity_text, valid_connector_identity, NOT_FOUND, AMBIGUOUS)
from ..model import ReceiveConnector, ExchangeServer
from ..values import ExchangeValueError, IPBinding, IPRange, AUTH_BITS, PERMISSION_BITS
from .base import ExchangeCmdlet, ExchangeTaskError, TASKS

_CONNECTOR_NOT_FOUND = ("The operation couldn't be performed because object '{0}' couldn't be found on '{1}'.")


_KIND_TYPES = {"bindings": "MultiValuedProperty", "ranges": "MultiValuedProperty", "bool": "bool", "int": "int",
               "unlimited": "Unlimited", "size": "ByteQuantifiedSize", "str": "string", "auth": "AuthMechanisms",
               "perms": "PermissionGroups", "logging": "ProtocolLoggingLevel", "role": "ServerRole",
               "timespan": "EnhancedTimeSpan"}


def _setting_parameters(cls, skip=()):
    """Declare one parameter per connector setting on a cmdlet class (before its metadata is first read), typed
    as Exchange declares it; the value is parsed by records.parse_setting with Exchange's texts."""
    for s in R.CONNECTOR_SETTINGS:
        if s.name in skip or s.name in cls.__dict__:
            continue
        kind = "Fqdn" if s.name == "Fqdn" else _KIND_TYPES[s.kind]
        if kind in ("int", "string"):
            kind = "object"          # parsed with Exchange's own texts, not the binder's
        p = Parameter(kind, name=s.name, help=f"Sets the connector's {s.name}.")
        setattr(cls, s.name, p)
    return cls


class _ConnectorCmdlet(ExchangeCmdlet):
    def connector_object(self, record: R.ConnectorRecord) -> ReceiveConnector:
        d = self.directory()
        server = next((s for s in d.servers() if s.name.lower() == record.server.lower()), None)
        return ReceiveConnector(record, server, d.source)

    def find_connectors(self, value, wildcards: bool) -> list[R.ConnectorRecord]:
        text = identity_text(value)
        if isinstance(unwrap(value), str) and not valid_connector_identity(text):
            raise self.fail(f"'{text}' is not a valid value for the identity.",
                            "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException", "InvalidArgument",
                            text)
        return match_connectors(self.directory().connectors(), value, wildcards)

    def find_connector(self, value) -> R.ConnectorRecord:
        hits = self.find_connectors(value, wildcards=False)
        text = identity_text(value)
        if not hits:
            raise self.fail(_CONNECTOR_NOT_FOUND.format(text, self.directory().source), NOT_FOUND,
                            "NotSpecified", text)
        if len(hits) > 1:
            raise self.fail(f"The operation couldn't be performed because '{text}' matches multiple entries.",
                            AMBIGUOUS, "NotSpecified", text)
        return hits[0]

    def parse_settings(self, current: R.ConnectorRecord | None) -> dict:
        """The settings given on the command line, in stored form."""
        out = {}
        for s in R.CONNECTOR_SETTINGS:
            if s.name in self.bound:
                value = self.bound[s.name]
                cur = current.settings.get(s.name, s.default) if current is not None else s.default
                try:
                    out[s.name] = R.parse_setting(s, value, cur)
                except ExchangeValueError as e:
                    raise self.value_failure(e, cv.to_string(value)) from None
        return out

    def check_name(self, name: str):
        if "\\" in name:
            raise self.fail(f"\"{name}\" isn't a valid value for the \"Name\" parameter. The value must not contain "
                            "any of the following: { '\\' }.",
                            "Microsoft.Exchange.Data.DataValidationException", "InvalidArgument", name)
        if len(name) > 64 or not name.strip():
            raise self.fail(f"The length of the property is too long. The maximum length is 64 and the length of the "
                            f"value provided is {len(name)}." if name.strip() else
                            "The Name parameter can't be empty.",
                            "Microsoft.Exchange.Data.DataValidationException", "InvalidArgument", name)

    def exists_failure(self, name: str, server: str) -> ExchangeTaskError:
        return self.fail(f"A Receive connector with the name \"{name}\" already exists on server \"{server}\". "
                         "Specify a different name.", "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException",
                         "ResourceExists", name)

    def need_bindings_and_ranges(self, target) -> ExchangeTaskError:
        return self.fail("Provide values for the Bindings and RemoteIPRanges parameters.",
                         "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException", "InvalidArgument", target)

    def check_conflicts(self, server: R.ServerRecord, name: str, settings: dict, guid: str | None):
        """Exchange's rule: a server's connectors need unique (bindings, remote ranges); connectors of different
        transport roles need unique bindings."""
        bindings = [IPBinding.parse(b) for b in settings["Bindings"]]
        ranges = {IPRange.parse(r) for r in settings["RemoteIPRanges"]}
        role = settings["TransportRole"]
        for other in self.directory().connectors(server.name):
            if other.guid == guid:
                continue
            obind = [IPBinding.parse(b) for b in other.get("Bindings")]
            if not any(_overlap(a, b) for a in bindings for b in obind):
                continue
            if other.get("TransportRole") != role:
                raise self.fail(
                    "The values that you specified for the Bindings and RemoteIPRanges parameters conflict with the "
                    f'settings on Receive connector "{other.identity}". Receive connectors assigned to different '
                    "Transport roles on a single server must listen on unique local IP address & port bindings.",
                    "Microsoft.Exchange.Management.SystemConfigurationTasks.ReceiveConnectorRoleConflictException",
                    "InvalidOperation", name)
            if ranges & {IPRange.parse(r) for r in other.get("RemoteIPRanges")}:
                raise self.fail(
                    "The values that you specified for the Bindings and RemoteIPRanges parameters conflict with the "
                    f'settings on Receive connector "{other.identity}". A Receive connector must have a unique '
                    "combination of a local IP address & port bindings and remote IP address ranges. Change at "
                    "least one of these values.",
                    "Microsoft.Exchange.Management.SystemConfigurationTasks.ConnectorMappingConflictException",
                    "InvalidOperation", name)


def _overlap(a: IPBinding, b: IPBinding) -> bool:
    if a.Port != b.Port or a.address.version != b.address.version:
        return False
    return a.address == b.address or a.is_wildcard or b.is_wildcard


# ---------------------------------------------------------------------------

class GetReceiveConnectorCommand(_ConnectorCmdlet):
    name = "Get-ReceiveConnector"
    dotnet_type = TASKS + "GetReceiveConnector"
    default_parameter_set = "Identity"
    synopsis = "Gets the Receive connectors of the organization or of one server."
    output_type = "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector"

    Identity = Parameter("ReceiveConnectorIdParameter", position=0, value_from_pipeline=True, parameter_set="Identity",
                         help="The connector: Name, SERVER\\Name, GUID or distinguished name; wildcards allowed.")
    Server = Parameter("ServerIdParameter", value_from_pipeline=True, parameter_set="Server",
                       help="Returns the connectors of this server.")

    def process(self):
        self.run_record(self._emit)

    def _emit(self):
        ident = unwrap(self.Identity)
        server = self.Server
        if isinstance(ident, ExchangeServer):       # a server piped in: its connectors
            server, ident = ident, None
        if server is not None:
            records = self.directory().connectors(self.find_server(server).name)
        elif ident is None:
            records = self.directory().connectors()
        else:
            records = self.find_connectors(ident, wildcards=True)
            text = identity_text(ident)
            if not records:
                raise self.fail(_CONNECTOR_NOT_FOUND.format(text, self.directory().source), NOT_FOUND,
                                "NotSpecified", text)
        servers = {s.name.lower(): s for s in self.directory().servers()}
        source = self.directory().source
        for r in records:
            self.write_object(ReceiveConnector(r, servers.get(r.server.lower()), source))


# ---------------------------------------------------------------------------

_USAGES = ("Custom", "Internet", "Internal", "Client", "Partner")
_A = AUTH_BITS
_P = PERMISSION_BITS
_USAGE_DEFAULTS = {
    "custom": (_P["None"], _A["Tls"]),
    "internet": (_P["AnonymousUsers"], _A["Tls"]),
    "internal": (_P["ExchangeServers"] | _P["ExchangeLegacyServers"], _A["Tls"] | _A["ExchangeServer"]),
    "client": (_P["ExchangeUsers"], _A["Tls"] | _A["Integrated"] | _A["BasicAuth"] | _A["BasicAuthRequireTLS"]),
    "partner": (_P["Partners"], _A["Tls"]),
}


def _sets(**mandatory):
    """ParameterSetData for a parameter in the usage sets: name -> mandatory (absent: not in that set)."""
    return [ParameterSetData(name, mandatory=m) for name, m in mandatory.items()]


class NewReceiveConnectorCommand(_ConnectorCmdlet):
    name = "New-ReceiveConnector"
    dotnet_type = TASKS + "NewReceiveConnector"
    default_parameter_set = "Custom"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Creates a Receive connector on a server."
    output_type = "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector"

    Name = Parameter("string", position=0, mandatory=True, help="The connector's name (at most 64 characters).")
    Server = Parameter("ServerIdParameter", value_from_pipeline=True, help="The server (default: the local server).")
    Bindings = Parameter("MultiValuedProperty", sets=_sets(Custom=True, Internet=True, Partner=True, UsageType=False),
                         help="Local IP address:port bindings, e.g. 0.0.0.0:25.")
    RemoteIPRanges = Parameter("MultiValuedProperty", sets=_sets(Custom=True, Internal=True, Client=True, Partner=True,
                                                     UsageType=False),
                               help="Remote addresses the connector accepts, e.g. 192.168.1.0/24.")
    Custom = Parameter("switch", parameter_set="Custom", help="Custom usage (no permission groups).")
    Internet = Parameter("switch", mandatory=True, parameter_set="Internet", help="Internet usage (anonymous).")
    Internal = Parameter("switch", mandatory=True, parameter_set="Internal", help="Internal usage (Exchange servers).")
    Client = Parameter("switch", mandatory=True, parameter_set="Client", help="Client usage (authenticated users).")
    Partner = Parameter("switch", mandatory=True, parameter_set="Partner", help="Partner usage (domain secure).")
    Usage = Parameter("string", mandatory=True, parameter_set="UsageType", validate_set=_USAGES,
                      help="Custom, Internet, Internal, Client or Partner.")

    def process(self):
        self.run_record(self._create)

    def _usage(self) -> str | None:
        ps = self.parameter_set_name
        if ps == "UsageType":
            return cv.to_string(self.Usage).lower()
        if ps == "Custom" and not self.Custom:
            return None
        return ps.lower()

    def _create(self):
        name = cv.to_string(self.Name)
        self.check_name(name)
        if self.Server is not None:
            server = self.find_server(self.Server)
        else:
            local = self.directory().local_server()
            if local is None:
                raise self.fail("Specify the Edge Transport or Hub Transport  server on which you want to create the "
                                "receive connector using the -Server parameter.",
                                "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException",
                                "InvalidArgument", name)
            server = self.find_server(local)
        self.refuse_domain_controller_on_edge(server)
        if not (server.is_transport or server.is_mailbox):
            raise self.fail("A receive connector can only be created on an Edge Transport or a Hub Transport server. "
                            "Specify an Edge Transport or a Hub Transport server using the Server parameter.",
                            "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException",
                            "InvalidArgument", name)
        usage = self._usage()
        given = self.parse_settings(None)
        if usage == "internet" and "Bindings" not in given:
            raise self.fail("You must specify a value for the Bindings parameter for connectors that are configured "
                            "for Internet usage.", "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException",
                            "InvalidArgument", name)
        if usage == "internal" and "RemoteIPRanges" not in given:
            raise self.fail("If you use the Internal switch, or if you set the value of the Usage parameter to "
                            "Internal, you must also specify a value for the RemoteIPRanges parameter.",
                            "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException",
                            "InvalidArgument", name)
        if usage in ("custom", "partner") and ("Bindings" not in given or "RemoteIPRanges" not in given):
            raise self.need_bindings_and_ranges(name)
        settings = R.new_connector_settings(Fqdn=server.fqdn)
        settings.update(MaxInboundConnection=5000, MaxInboundConnectionPerSource=20, MaxProtocolErrors=5)
        settings["TransportRole"] = "HubTransport" if (server.roles & (R.ROLE_HUB | R.ROLE_EDGE)) else \
            ("FrontendTransport" if server.roles & R.ROLE_FRONTEND else "HubTransport")
        if usage is not None:
            perms, auth = _USAGE_DEFAULTS[usage]
        elif server.is_edge:
            perms = _P["AnonymousUsers"] | _P["ExchangeServers"] | _P["Partners"]
            auth = _A["Tls"] | _A["ExchangeServer"]
        else:
            perms = _P["ExchangeUsers"] | _P["ExchangeServers"] | _P["ExchangeLegacyServers"]
            auth = _A["Tls"] | _A["Integrated"] | _A["BasicAuth"] | _A["BasicAuthRequireTLS"] | _A["ExchangeServer"]
        settings.update(PermissionGroups=perms, AuthMechanism=auth)
        if usage == "partner":
            settings["DomainSecureEnabled"] = True
        if usage == "internet":
            settings["RemoteIPRanges"] = ["0.0.0.0-255.255.255.255"]
        if usage == "internal":
            settings["Bindings"] = ["0.0.0.0:25"]
        if usage == "client":
            settings["Bindings"] = ["0.0.0.0:587"]
        if server.is_edge:
            settings.update(ConnectionTimeout="00:05:00", ConnectionInactivityTimeout="00:01:00", MessageRateLimit=600)
        settings.update(given)
        if not settings["Bindings"] or not settings["RemoteIPRanges"]:
            raise self.need_bindings_and_ranges(name)
        self.check_conflicts(server, name, settings, None)
        text = (f'Creating Receive connector "{name}" with bindings "{", ".join(settings["Bindings"])}", remote IP '
                f'ranges "{", ".join(settings["RemoteIPRanges"])}".')
        if not self.should_process_description(text):
            return
        record = R.ConnectorRecord(server.name, name, settings)
        self.write_verbose("Adding permissions to the Receive connector.")
        try:
            record = self.directory().add_connector(record)
        except ObjectExists:
            raise self.exists_failure(name, server.name) from None
        self.write_verbose("Permissions have been successfully added to the Receive connector.")
        self.write_object(self.connector_object(record))


_setting_parameters(NewReceiveConnectorCommand)


# ---------------------------------------------------------------------------

class SetReceiveConnectorCommand(_ConnectorCmdlet):
    name = "Set-ReceiveConnector"
    dotnet_type = TASKS + "SetReceiveConnector"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Changes a Receive connector."

    Identity = Parameter("ReceiveConnectorIdParameter", position=0, mandatory=True, value_from_pipeline=True,
                         help="The connector: Name, SERVER\\Name, GUID or distinguished name.")
    Name = Parameter("string", help="A new name for the connector.")

    def process(self):
        self.run_record(self._set)

    def _set(self):
        record = self.find_connector(self.Identity)
        server = next(s for s in self.directory().servers() if s.name.lower() == record.server.lower())
        self.refuse_domain_controller_on_edge(server)
        changes = self.parse_settings(record)
        changes = {k: v for k, v in changes.items() if record.settings.get(k, R.SETTINGS_BY_NAME[k.lower()].default) != v}
        new_name = cv.to_string(self.Name) if self.Name is not None else None
        if new_name is not None:
            self.check_name(new_name)
        if new_name == record.name:
            new_name = None
        typed = identity_text(self.Identity)
        if isinstance(unwrap(self.Identity), ReceiveConnector):
            typed = record.identity
        if not self.should_process_description(f'Configuring Receive connector "{typed}".'):
            return
        if not changes and new_name is None:
            self.write_warning(f"The command completed successfully but no settings of '{record.identity}' have been "
                               "modified.")
            return
        merged = dict(record.settings)
        merged.update(changes)
        if any(k in changes for k in ("Bindings", "RemoteIPRanges", "TransportRole")):
            if not merged["Bindings"] or not merged["RemoteIPRanges"]:
                raise self.need_bindings_and_ranges(typed)
            self.check_conflicts(server, record.name, merged, record.guid)
        try:
            self.directory().update_connector(record.guid, changes, new_name)
        except ObjectExists:
            raise self.exists_failure(new_name, record.server) from None


_setting_parameters(SetReceiveConnectorCommand)


# ---------------------------------------------------------------------------

class RemoveReceiveConnectorCommand(_ConnectorCmdlet):
    name = "Remove-ReceiveConnector"
    dotnet_type = TASKS + "RemoveReceiveConnector"
    supports_should_process = True
    confirm_impact = "High"
    synopsis = "Removes a Receive connector."

    Identity = Parameter("ReceiveConnectorIdParameter", position=0, mandatory=True, value_from_pipeline=True,
                         help="The connector: Name, SERVER\\Name, GUID or distinguished name.")

    def process(self):
        self.run_record(self._remove)

    def _remove(self):
        record = self.find_connector(self.Identity)
        typed = record.identity if isinstance(unwrap(self.Identity), ReceiveConnector) else identity_text(self.Identity)
        if not self.should_process_description(f'Removing Receive connector "{typed}".'):
            return
        self.directory().remove_connector(record.guid)
