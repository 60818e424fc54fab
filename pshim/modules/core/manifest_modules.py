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


def on_load(table):
    """$env:PSModulePath gets pshim's default when the process has none (5.1 sets its own at start-up
    too): the Modules folder in pshim's home, then C:\\Program Files\\WindowsPowerShell\\Modules on the
    C: drive. [PSModuleInfo] is known as a type so Import-Module binds piped modules to -ModuleInfo."""
    import os
    from ...runtime.types import register_type, PSType
    if "PSModulePath" not in os.environ:
        from ...runtime.drives import pshim_home
        os.environ["PSModulePath"] = (os.path.join(pshim_home(), "Modules") +
                                      ";C:\\Program Files\\WindowsPowerShell\\Modules")
    register_type(PSType("System.Management.Automation.PSModuleInfo", None, None), "psmoduleinfo")
