"""Get-ExchangeServer, Get-TransportService (and the deprecated Get-TransportServer),
Get-FrontendTransportService."""
from __future__ import annotations

from ....commands.parameters import Parameter
from ....runtime import conversion as cv
from ..identity import match_servers, identity_text
from ..model import ExchangeServer, TransportServer, FrontendTransportServer
from .base import ExchangeCmdlet, TASKS


class ExchangeServerStatus(ExchangeServer):
    """Get-ExchangeServer -Status: the server with the domain controllers it uses."""
    ps_properties = ExchangeServer.ps_properties + (
        "StaticDomainControllers", "StaticGlobalCatalogs", "StaticConfigDomainController",
        "StaticExcludedDomainControllers", "CurrentDomainControllers", "CurrentGlobalCatalogs",
        "CurrentConfigDomainController", "ErrorReportingEnabled")

    def __init__(self, record, organization, source, dcs):
        super().__init__(record, organization, source)
        self.StaticDomainControllers = []
        self.StaticGlobalCatalogs = []
        self.StaticConfigDomainController = None
        self.StaticExcludedDomainControllers = []
        self.CurrentDomainControllers = list(dcs)
        self.CurrentGlobalCatalogs = list(dcs)
        self.CurrentConfigDomainController = source
        self.ErrorReportingEnabled = False


class _GetServers(ExchangeCmdlet):
    """Servers by Identity (wildcards), all when no Identity; `select` keeps the ones this cmdlet returns."""
    object_class = ExchangeServer

    Identity = Parameter("ServerIdParameter", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                         parameter_set="Identity", help="The server: name, FQDN, distinguished name or GUID.")

    def select(self, record) -> bool:
        return True

    def servers(self):
        records = [s for s in self.directory().servers() if self.select(s)]
        if self.Identity is None:
            return records
        hits = match_servers(records, self.Identity)
        if not hits:
            text = identity_text(self.Identity)
            raise self.fail(f"The operation couldn't be performed because object '{text}' couldn't be found on "
                            f"'{self.directory().source}'.",
                            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                            "NotSpecified", text)
        return hits

    def process(self):
        self.run_record(self._emit)

    def _emit(self):
        for s in self.servers():
            self.write_object(self.make(s))

    def make(self, record):
        return self.server_object(self.object_class, record)


class GetExchangeServerCommand(_GetServers):
    name = "Get-ExchangeServer"
    dotnet_type = TASKS + "GetExchangeServer"
    default_parameter_set = "Identity"
    synopsis = "Gets the Exchange servers of the organization."
    output_type = "Microsoft.Exchange.Data.Directory.Management.ExchangeServer"

    Domain = Parameter("Fqdn", mandatory=True, parameter_set="Domain",
                       help="Returns the servers whose FQDN is in this domain.")
    Status = Parameter("switch", help="Adds the domain controllers each server uses (shown by Format-List).")

    def select(self, record):
        if self.parameter_set_name == "Domain":
            return record.fqdn.lower().endswith("." + cv.to_string(self.Domain).lower().strip("."))
        return True

    def make(self, record):
        if self.Status:
            d = self.directory()
            return ExchangeServerStatus(record, d.organization, d.source, d.domain_controllers())
        return super().make(record)


class GetTransportServiceCommand(_GetServers):
    name = "Get-TransportService"
    dotnet_type = TASKS + "GetTransportService"
    synopsis = "Gets the Transport service settings of the Mailbox servers (the local server on Edge)."
    object_class = TransportServer
    output_type = "Microsoft.Exchange.Data.Directory.Management.TransportServer"

    def select(self, record):
        return record.is_mailbox and record.is_transport


class GetTransportServerCommand(GetTransportServiceCommand):
    name = "Get-TransportServer"
    dotnet_type = TASKS + "GetTransportServer"
    synopsis = "Deprecated: use Get-TransportService."

    def begin(self):
        self.write_warning(" The Get-TransportServer cmdlet will be removed in a future version of Exchange. Use the "
                           "Get-TransportService cmdlet instead. If you have any scripts that use the "
                           "Get-TransportServer cmdlet, update them to use the Get-TransportService cmdlet.  For more "
                           "information, see http://go.microsoft.com/fwlink/p/?LinkId=254711.")


class GetFrontendTransportServiceCommand(_GetServers):
    name = "Get-FrontendTransportService"
    dotnet_type = TASKS + "GetFrontendTransportService"
    synopsis = "Gets the Front End Transport service settings of the Mailbox servers."
    object_class = FrontendTransportServer
    output_type = "Microsoft.Exchange.Data.Directory.Management.FrontendTransportServer"

    def select(self, record):
        return bool(record.roles & 16384)
