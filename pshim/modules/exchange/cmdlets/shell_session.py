"""What an admin's script runs first to reach Exchange: Connect-ExchangeServer, Set-ADServerSettings,
Get-ADServerSettings (the session's domain controller and forest view, kept in the session's directory state)."""
from __future__ import annotations

from ....commands.parameters import Parameter
from ....runtime import conversion as cv
from ....runtime.psobject import DotNetObject
from ..directory.base import DirectoryError
from ..directory.select import directory_state, open_directory
from ..identity import exchange_error
from .base import ExchangeCmdletBase


class ConnectExchangeServerCommand(ExchangeCmdletBase):
    name = "Connect-ExchangeServer"
    default_parameter_set = "Auto"
    synopsis = "Connects the shell to an Exchange server of the organization (the directory it reads)."

    ServerFqdn = Parameter("string", position=0, mandatory=True, parameter_set="Server",
                           help="The server to connect to (its FQDN or name).")
    Auto = Parameter("switch", parameter_set="Auto", help="Connects to the local server, or to any server.")

    def process(self):
        d = self.directory()
        if self.parameter_set_name == "Server":
            record = self.run_record(self.find_server, cv.to_string(self.ServerFqdn))
            if record is None:
                return
        else:
            name = d.local_server()
            servers = d.servers()
            record = next((s for s in servers if name and s.name.lower() == name.lower()),
                          servers[0] if servers else None)
            if record is None:
                raise self.terminating_error(self.error(
                    "No Exchange server was found in the organization to connect to.", "NoExchangeServer",
                    "ObjectNotFound"))
        self.host.write_line(f"Connecting to {record.fqdn}.")
        directory_state(self.ctx).connected_server = record.name
        self.host.write_line(f"Connected to {record.fqdn}.")


class ADServerSettings(DotNetObject):
    ps_type_names = ("Microsoft.Exchange.Data.Directory.Management.RunspaceServerSettingsPresentationObject",
                     "System.Object")
    ps_properties = ("DefaultGlobalCatalog", "DefaultConfigurationDomainController", "DefaultPreferredDomainControllers",
                     "UserPreferredGlobalCatalog", "UserPreferredConfigurationDomainController",
                     "UserPreferredDomainControllers", "RecipientViewRoot", "ViewEntireForest")

    def __init__(self, source, dcs, preferred, forest, domain):
        self.DefaultGlobalCatalog = source
        self.DefaultConfigurationDomainController = source
        self.DefaultPreferredDomainControllers = list(dcs)
        self.UserPreferredGlobalCatalog = preferred
        self.UserPreferredConfigurationDomainController = preferred
        self.UserPreferredDomainControllers = [preferred] if preferred else []
        self.RecipientViewRoot = None if forest else domain
        self.ViewEntireForest = forest


class SetADServerSettingsCommand(ExchangeCmdletBase):
    name = "Set-ADServerSettings"
    dotnet_type = "Microsoft.Exchange.Management.Tasks.SetAdServerSettings"
    supports_should_process = True
    synopsis = "Sets the session's preferred domain controller and whether it views the entire forest."

    ViewEntireForest = Parameter("bool", help="$true: the session sees the whole forest, not one domain.")
    PreferredServer = Parameter("string", help="The domain controller (FQDN) the session's commands use by default.")

    def process(self):
        state = directory_state(self.ctx)
        if self.is_bound("PreferredServer"):
            dc = cv.to_string(self.PreferredServer)
            try:
                open_directory(self.ctx, dc)        # checks the DC, as Exchange does
            except DirectoryError as e:
                raise self.terminating_error(exchange_error(self, str(e), e.exception_type, e.category, dc))
            if self.should_process(dc, "Set preferred domain controller"):
                state.preferred_server = dc
        if self.is_bound("ViewEntireForest") and self.should_process("Active Directory server settings",
                                                                      f"Set ViewEntireForest to {self.ViewEntireForest}"):
            state.view_entire_forest = bool(self.ViewEntireForest)


class GetADServerSettingsCommand(ExchangeCmdletBase):
    name = "Get-ADServerSettings"
    dotnet_type = "Microsoft.Exchange.Management.Tasks.GetAdServerSettings"
    synopsis = "Gets the session's domain controller settings."

    def process(self):
        d = self.directory()
        state = directory_state(self.ctx)
        domain = d.source.partition(".")[2] or None
        self.write_object(ADServerSettings(d.source, d.domain_controllers(), state.preferred_server,
                                           state.view_entire_forest, domain))
