"""Module manifests (.psd1): read as data with pshim's parser in restricted language (the file's code
never runs: utility.data_file.read_data_file), checked for the members 5.1 accepts, with 5.1's error
records for a manifest that is not valid."""
from __future__ import annotations

from ...errors import (ParseError, InvalidOperationException, RuntimeException, SystemException, error_record,
                       _exc)
from ...runtime.psobject import Hashtable

MissingMemberException = _exc("MissingMemberException", "System.MissingMemberException", SystemException)

# the members 5.1 accepts in a manifest, in the order its error message lists them
VALID_MEMBERS = ("ModuleToProcess", "NestedModules", "GUID", "Author", "CompanyName", "Copyright",
                 "ModuleVersion", "Description", "PowerShellVersion", "PowerShellHostName", "PowerShellHostVersion",
                 "CLRVersion", "DotNetFrameworkVersion", "ProcessorArchitecture", "RequiredModules",
                 "TypesToProcess", "FormatsToProcess", "ScriptsToProcess", "PrivateData", "RequiredAssemblies",
                 "ModuleList", "FileList", "FunctionsToExport", "VariablesToExport", "AliasesToExport",
                 "CmdletsToExport", "DscResourcesToExport", "CompatiblePSEditions", "HelpInfoURI", "RootModule",
                 "DefaultCommandPrefix")
_VALID = {m.lower() for m in VALID_MEMBERS}


class ModuleError(Exception):
    """A module could not be loaded; carries the ErrorRecord to report (non-terminating, as 5.1)."""

    def __init__(self, record):
        super().__init__(record.message())
        self.record = record


def module_error(message, error_id, category, target, exc=RuntimeException) -> ModuleError:
    return ModuleError(error_record(message, error_id, category, target, exc))


def read_manifest_data(ctx, path: str) -> Hashtable:
    """The manifest's hashtable; ModuleError (Modules_InvalidManifest) when it is not valid data."""
    from ..utility.data_file import read_data_file, DataFileError
    shown = ctx.session.drives.to_ps_path(path)
    try:
        data = read_data_file(ctx, path)
    except ParseError as e:
        raise module_error(
            f"The module manifest '{shown}' could not be processed because it is not a valid Windows PowerShell "
            f"restricted language file. Remove the elements that are not permitted by the restricted language:\n"
            f"{e.message}", "Modules_InvalidManifest", "ResourceUnavailable", shown, MissingMemberException)
    except (DataFileError, OSError):
        raise module_error(
            f"Processing the module manifest file '{shown}' did not result in a valid manifest object. Update "
            "the file to contain a valid PowerShell module manifest. A valid manifest can be created using the "
            "New-ModuleManifest cmdlet.", "Modules_InvalidManifest", "ResourceUnavailable", shown,
            MissingMemberException)
    if not isinstance(data, Hashtable):
        h = Hashtable()
        for k, v in dict(data).items():
            h[k] = v
        data = h
    return data


def check_manifest(ctx, path: str, data) -> None:
    """5.1's checks of a manifest's members before anything of it is loaded."""
    shown = ctx.session.drives.to_ps_path(path)
    bad = [str(k) for k in data.keys() if str(k).lower() not in _VALID]
    if bad:
        raise module_error(
            f"The '{shown}' module cannot be imported because its manifest contains one or more members that are "
            f"not valid. The valid manifest members are ({', '.join(repr_q(m) for m in VALID_MEMBERS)}). Remove "
            f"the members that are not valid ({', '.join(repr_q(m) for m in bad)}), then try to import the module "
            "again.", "Modules_InvalidManifestMember", "InvalidData", shown, InvalidOperationException)
    if data.get("ModuleVersion") is None:
        raise module_error(
            "The member 'ModuleVersion' is not present in the module manifest. This member must exist and be "
            f"assigned a version number of the form 'n.n.n.n'. Add the missing member to the file '{shown}'.",
            "Modules_InvalidManifest", "ResourceUnavailable", shown, MissingMemberException)
    if data.get("RootModule") is not None and data.get("ModuleToProcess") is not None:
        raise module_error(
            "The module manifest cannot contain both the 'ModuleToProcess' and 'RootModule' members. Change the "
            f"module manifest file to remove one of these members at '{shown}', and then try again.",
            "Modules_InvalidManifest", "InvalidOperation", shown, InvalidOperationException)


def repr_q(s: str) -> str:
    return f"'{s}'"


def as_list(value) -> list | None:
    """A manifest member that may be one value or an array, as a list (None when absent)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return list(value)
    return [value]
