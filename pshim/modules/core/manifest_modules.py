"""Microsoft.PowerShell.Core: modules (Import-Module, Get-Module, Remove-Module, New-Module,
Export-ModuleMember), with the engine hooks for autoloading, `#requires` and `using module`."""
MODULE_NAME = "Microsoft.PowerShell.Core"

_M = "pshim.modules.core.modules:"

CMDLETS = {
    "Import-Module": _M + "ImportModuleCommand",
    "Get-Module": _M + "GetModuleCommand",
    "Remove-Module": _M + "RemoveModuleCommand",
    "New-Module": _M + "NewModuleCommand",
    "Export-ModuleMember": _M + "ExportModuleMemberCommand",
}

ALIASES = {
    "ipmo": "Import-Module",
    "gmo": "Get-Module",
    "rmo": "Remove-Module",
    "nmo": "New-Module",
    "epmo": "Export-ModuleMember",
}


def _autoload(ctx, name):
    """A command nothing knows: the module on PSModulePath that exports it is imported (loaded on first
    need, so start-up imports nothing of the module machinery)."""
    from .module_loader import autoload
    return autoload(ctx, name)


def _script_preamble(ctx, ast, path):
    from .module_loader import script_preamble
    script_preamble(ctx, ast, path)


COMMAND_NOT_FOUND_HOOKS = (_autoload,)
SCRIPT_PREAMBLE_HOOKS = (_script_preamble,)


def default_module_path() -> str:
    """pshim's PSModulePath: the Modules folder in pshim's home, then the machine-wide folder on C:
    (kept here, not in module_path.py, so that start-up imports nothing more)."""
    import os
    from ...runtime.drives import pshim_home
    return os.path.join(pshim_home(), "Modules") + ";C:\\Program Files\\WindowsPowerShell\\Modules"


def on_load(table):
    """$env:PSModulePath gets pshim's default when the process has none (5.1 sets its own at start-up
    too): the Modules folder in pshim's home, then C:\\Program Files\\WindowsPowerShell\\Modules on the
    C: drive. [PSModuleInfo] is known as a type so Import-Module binds piped modules to -ModuleInfo."""
    import os
    from ...runtime.types import register_type, PSType
    if "PSModulePath" not in os.environ:
        os.environ["PSModulePath"] = default_module_path()
    register_type(PSType("System.Management.Automation.PSModuleInfo", None, None), "psmoduleinfo")


HELP_TOPICS = {"about_Modules": """TOPIC
    about_Modules

SHORT DESCRIPTION
    Script modules in pshim: where they are found, what they share, how
    they load.

LONG DESCRIPTION
    A module is a script module (.psm1), a module manifest (.psd1) that
    names a root module and nested modules, or a folder holding either under
    the folder's own name. Import-Module takes a path or a name; a name is
    looked up in the folders of $env:PSModulePath, first match first.

    pshim's default PSModulePath (when the process has none) is:

      <pshim home>\\Modules;C:\\Program Files\\WindowsPowerShell\\Modules

    pshim's home is ~/.pshim (or $env:PSHIM_HOME); C:\\... paths are on
    pshim's C: drive, a folder in that home.

    Each module has its own session state. Its functions, aliases and
    variables, including $script: variables, stay inside; only its exports
    reach the session. A .psm1 that does not call Export-ModuleMember
    exports all its functions (no aliases, no variables); through a manifest
    the FunctionsToExport, VariablesToExport, AliasesToExport and
    CmdletsToExport lists decide.

    Manifests and other .psd1 data files are read as data in restricted
    language: commands, script blocks, property references and variables
    other than $true, $false, $null, $PSCulture and $PSUICulture are refused
    with 5.1's error, and nothing in the file runs.

AUTOLOADING
    Calling a command that no loaded module or script defines imports the
    module on PSModulePath that exports it, as in 5.1. The folders are read
    the first time a name is not found and kept for the session; they are
    read again when a folder changes, or on Get-Module -ListAvailable
    -Refresh. $PSModuleAutoloadingPreference = 'ModuleQualified' loads only
    for Module\\Command names; 'None' turns autoloading off (Import-Module
    still works). pshim's own cmdlets are always available.

#REQUIRES AND USING MODULE
    #Requires -Version, -Modules (imported when found), -PSEdition and
    -RunAsAdministrator are checked before a script or module runs. pshim
    counts a process running as root as "running as Administrator": as root
    the script runs, otherwise it stops with 5.1's error
    (ScriptRequiresElevation). "using module <name>" imports the module
    before the script's first statement.

BUILT-IN MODULES
    Get-Module lists pshim's own modules as 5.1 lists its own:
    Microsoft.PowerShell.Management and Microsoft.PowerShell.Utility and the
    Exchange module from the start, the others once one of their cmdlets has
    run. Microsoft.PowerShell.Core is a snap-in, as in 5.1. Remove-Module of
    a built-in module takes it off the list; its cmdlets stay available.

SEE ALSO
    Import-Module
    Get-Module
    Export-ModuleMember
    about_pshim
"""}
