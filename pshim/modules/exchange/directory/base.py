"""The directory interface: what every backend (lab.py: SQLite; ldap.py: Active Directory) provides.

Cmdlets never talk to a backend directly: they ask `open_directory(ctx, domain_controller)` (select.py)
for a Directory and use only these methods. Records are records.ServerRecord / ConnectorRecord.
A backend reports failures as DirectoryError subclasses carrying Exchange's text; the cmdlet layer turns
them into error records.
"""
from __future__ import annotations

from ..records import ConnectorRecord, ServerRecord


class DirectoryError(Exception):
    """A directory failure with Exchange's message text."""
    exception_type = "Microsoft.Exchange.Data.Directory.ADOperationException"
    category = "NotSpecified"


class DirectoryUnavailable(DirectoryError):
    """The domain controller could not be reached, refused the bind, or timed out."""
    exception_type = "Microsoft.Exchange.Data.Directory.SuitabilityException"
    category = "ResourceUnavailable"


class DirectoryDamaged(DirectoryError):
    """The store's file is damaged or is not a pshim lab database."""
    exception_type = "Microsoft.Exchange.Data.Directory.ADOperationException"
    category = "ReadError"


class ObjectExists(DirectoryError):
    """An object with that name already exists."""
    exception_type = "Microsoft.Exchange.Data.Directory.ADObjectAlreadyExistsException"
    category = "ResourceExists"


class ObjectGone(DirectoryError):
    """The object was removed (by another shell) before the change could be written."""
    exception_type = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
    category = "ObjectNotFound"


class Directory:
    """One connection to a directory (one domain controller)."""

    #: the domain controller's FQDN, as Exchange names the data source in its errors
    source: str = ""
    #: the organisation's name (Contoso)
    organization: str = ""
    #: does this directory accept -DomainController (False for an Edge server's local AD LDS)
    kind: str = ""

    # -- reads -------------------------------------------------------------------------------
    def servers(self) -> list[ServerRecord]:
        """Every Exchange server of the organisation, in directory order."""
        raise NotImplementedError

    def connectors(self, server: str | None = None) -> list[ConnectorRecord]:
        """Receive connectors, of one server (by Name, case-insensitive) or of all, in directory order."""
        raise NotImplementedError

    def local_server(self) -> str | None:
        """The Name of the server this shell runs on, if it is an Exchange server of the organisation."""
        raise NotImplementedError

    def domain_controllers(self) -> list[str]:
        """The organisation's domain controllers (FQDNs)."""
        raise NotImplementedError

    # -- writes (each one transaction) ---------------------------------------------------------
    def add_connector(self, record: ConnectorRecord) -> ConnectorRecord:
        """Create a connector; raises ObjectExists when the server already has one of that name."""
        raise NotImplementedError

    def update_connector(self, guid: str, changes: dict, new_name: str | None = None) -> ConnectorRecord:
        """Apply setting changes (and a rename) to the connector with this GUID; returns the stored record."""
        raise NotImplementedError

    def remove_connector(self, guid: str) -> None:
        raise NotImplementedError

    def close(self) -> None:
        pass
