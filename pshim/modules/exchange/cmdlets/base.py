"""What every Exchange cmdlet shares: -DomainController, the directory of the command, Exchange's error
records, and the server lookup with Exchange's texts."""
from __future__ import annotations

from ....commands.cmdlet import Cmdlet
from ....commands.parameters import Parameter
from ....runtime import conversion as cv
from ..directory.base import DirectoryError
from ..directory.select import open_directory
from ..identity import exchange_error, match_servers, identity_text, AMBIGUOUS
from ..model import ExchangeServer
from ..records import ServerRecord
from ..values import ExchangeValueError

MODULE = "Microsoft.Exchange.Management.PowerShell.E2010"
TASKS = "Microsoft.Exchange.Management.SystemConfigurationTasks."


class ExchangeTaskError(Exception):
    """Raised inside an Exchange cmdlet to stop the current record with an error record (Exchange's tasks
    stop processing the record on WriteError)."""

    def __init__(self, record):
        self.record = record


class ExchangeCmdletBase(Cmdlet):
    """The services of an Exchange cmdlet; ExchangeCmdlet adds Exchange's -DomainController parameter."""
    module_name = MODULE

    _directory = None

    def directory(self):
        if self._directory is None:
            dc = self.bound.get("DomainController")
            dc = cv.to_string(dc) if dc is not None else None
            try:
                self._directory = open_directory(self.ctx, dc)
            except DirectoryError as e:
                raise self.terminating_error(exchange_error(self, str(e), e.exception_type, e.category, dc))
        return self._directory

    def fail(self, message: str, exception_type: str, category: str, target=None) -> ExchangeTaskError:
        return ExchangeTaskError(exchange_error(self, message, exception_type, category, target))

    def directory_failure(self, e: DirectoryError, target=None) -> ExchangeTaskError:
        return self.fail(str(e), e.exception_type, e.category, target)

    def value_failure(self, e: ExchangeValueError, target=None) -> ExchangeTaskError:
        return self.fail(str(e), "Microsoft.Exchange.Data.DataValidationException", "InvalidArgument", target)

    def run_record(self, fn, *args):
        """Run one pipeline record's work; an ExchangeTaskError is written as a non-terminating error."""
        try:
            return fn(*args)
        except ExchangeTaskError as e:
            self.write_error(e.record)
        except DirectoryError as e:
            self.write_error(self.directory_failure(e).record)
        except ExchangeValueError as e:
            self.write_error(self.value_failure(e).record)

    # -- servers ------------------------------------------------------------------------------
    def find_server(self, value) -> ServerRecord:
        """One server for a ServerIdParameter (no wildcards), with Exchange's not-found and ambiguous texts."""
        servers = self.directory().servers()
        hits = match_servers(servers, value, wildcards=False)
        text = identity_text(value)
        if not hits:
            raise self.fail(f'Exchange server "{text}" was not found. Please make sure you typed the name correctly.',
                            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                            "ObjectNotFound", text)
        if len(hits) > 1:
            raise self.fail(f"The value you specified, '{text}', matches more than one Exchange server. "
                            "Specify a unique value.", AMBIGUOUS, "InvalidArgument", text)
        return hits[0]

    def local_server(self) -> ServerRecord:
        name = self.directory().local_server()
        if name is None:
            raise self.fail("The local server isn't an Exchange server of the organization; use the Identity "
                            "parameter to name a server.",
                            "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException",
                            "ObjectNotFound", None)
        return self.find_server(name)

    def refuse_domain_controller_on_edge(self, server: ServerRecord):
        """-DomainController isn't supported for an Edge Transport server (it uses its local AD LDS)."""
        if self.bound.get("DomainController") is not None and server.is_edge:
            raise self.fail(f"The DomainController parameter isn't supported on Edge Transport servers. The Edge "
                            f"Transport server '{server.name}' uses its local instance of Active Directory "
                            "Lightweight Directory Services (AD LDS).",
                            "Microsoft.Exchange.Configuration.Tasks.ArgumentValidationException", "InvalidArgument",
                            cv.to_string(self.bound["DomainController"]))

    def server_object(self, cls, record: ServerRecord) -> ExchangeServer:
        d = self.directory()
        return cls(record, d.organization, d.source)


class ExchangeCmdlet(ExchangeCmdletBase):
    DomainController = Parameter("Fqdn", help="The domain controller (FQDN) the command reads and writes.")
