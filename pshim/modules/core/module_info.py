"""PSModuleInfo: a module as Get-Module, Import-Module -PassThru and `$MyInvocation.MyCommand.Module`
show it, and the built-in modules (pshim's own packages) described the same way.

A loaded script module keeps its session state (`scope`, a ModuleScope), what it exports
(`functions`, `cmdlets`, `aliases`, `variables`: name -> the member itself, so an exported variable
is the same PSVariable inside and outside) and what each import put where (`imports`), which is what
Remove-Module takes away again.
"""
from __future__ import annotations

import ntpath
import os

from ...formatting.views import register_view, TableView, ListView, Column, Entry
from ...runtime.psobject import DotNetObject, Hashtable
from ...runtime.version import Version

_PROPERTIES = ("LogPipelineExecutionDetails", "Name", "Path", "ImplementingAssembly", "Definition", "Description",
               "Guid", "HelpInfoUri", "ModuleBase", "PrivateData", "Tags", "ProjectUri", "IconUri", "LicenseUri",
               "ReleaseNotes", "RepositorySourceLocation", "Version", "ModuleType", "Author", "AccessMode",
               "ClrVersion", "CompanyName", "Copyright", "DotNetFrameworkVersion", "ExportedFunctions", "Prefix",
               "ExportedCmdlets", "ExportedCommands", "FileList", "CompatiblePSEditions", "ModuleList",
               "NestedModules", "PowerShellHostName", "PowerShellHostVersion", "PowerShellVersion",
               "ProcessorArchitecture", "Scripts", "RequiredAssemblies", "RequiredModules", "RootModule",
               "ExportedVariables", "ExportedAliases", "ExportedWorkflows", "ExportedDscResources", "SessionState",
               "OnRemove", "ExportedFormatFiles", "ExportedTypeFiles")

_EMPTY_GUID = "00000000-0000-0000-0000-000000000000"


class PSModuleInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSModuleInfo", "System.Object")
    ps_properties = _PROPERTIES

    def __init__(self, name: str, path: str = "", module_type: str = "Script", version: Version | None = None,
                 display_path: str = ""):
        self.Name = name
        self.file = path                      # OS path of the module file ("" for dynamic modules)
        self.Path = display_path or path
        self.ModuleBase = (ntpath.dirname(self.Path) if "\\" in self.Path and "/" not in self.Path
                           else os.path.dirname(self.Path)) if self.Path else ""
        self.ModuleType = module_type
        self.Version = version or Version(0, 0)
        self.Description = ""
        self.Guid = _EMPTY_GUID
        self.Author = ""
        self.CompanyName = ""
        self.Copyright = ""
        self.AccessMode = "ReadWrite"
        self.LogPipelineExecutionDetails = False
        self.Prefix = ""
        self.Tags = []
        self.PrivateData = None
        self.RootModule = ""
        self.Definition = ""
        self.HelpInfoUri = None
        self.PowerShellVersion = None
        self.ClrVersion = None
        self.DotNetFrameworkVersion = None
        self.PowerShellHostName = None
        self.PowerShellHostVersion = None
        self.ProcessorArchitecture = "None"
        self.CompatiblePSEditions = []
        self.FileList = []
        self.ModuleList = []
        self.Scripts = []
        self.RequiredAssemblies = []
        self.ExportedFormatFiles = []
        self.ExportedTypeFiles = []
        self.ExportedDscResources = []
        self.ExportedWorkflows = Hashtable()
        self.ImplementingAssembly = None
        self.ProjectUri = self.IconUri = self.LicenseUri = self.ReleaseNotes = None
        self.RepositorySourceLocation = None
        self.OnRemove = None
        self.scope = None                     # the ModuleScope of a script module's session state
        self.functions: dict = {}             # exported, lower name -> FunctionInfo
        self.cmdlets: dict = {}               # exported, lower name -> CmdletEntry
        self.aliases: dict = {}               # exported, lower name -> AliasEntry
        self.variables: dict = {}             # exported, lower name -> PSVariable
        self.export_list_used = False         # Export-ModuleMember was called
        self.imports: list = []               # (scope, kind, lower name, member) put there by imports
        self.nested: list = []                # nested modules (NestedModules, and modules it imported)
        self.required: list = []              # RequiredModules, loaded
        self.builtin = False

    # -- PowerShell-visible collections --------------------------------------
    @staticmethod
    def _table(members: dict) -> Hashtable:
        h = Hashtable()
        for m in sorted(members.values(), key=lambda x: _name(x).lower()):
            h[_name(m)] = m
        return h

    @property
    def ExportedFunctions(self):
        return self._table(self.functions)

    @property
    def ExportedCmdlets(self):
        return self._table(self.cmdlets)

    @property
    def ExportedAliases(self):
        return self._table(self.aliases)

    @property
    def ExportedVariables(self):
        h = Hashtable()
        for v in self.variables.values():
            h[v.name] = v
        return h

    @property
    def ExportedCommands(self):
        return self._table({**self.cmdlets, **self.functions, **self.aliases})

    @property
    def NestedModules(self):
        return list(self.nested)

    @property
    def RequiredModules(self):
        return list(self.required)

    @property
    def SessionState(self):
        return ModuleSessionState(self) if self.scope is not None else None

    def invocation_target(self, ctx, args: list, dot: bool):
        """`& $module { ... } args` / `. $module { ... }`: the script block after the module, bound to the
        module's session state (a new scope under it with `&`, its top scope with `.`), as 5.1 runs it.
        Returns (context to run in, script block, remaining arguments), or None when no script block
        follows (then the module is not something that can be run)."""
        from ...runtime.scriptblock import ScriptBlock
        if not args or args[0].name is not None or not isinstance(args[0].value, ScriptBlock):
            return None
        sb = args[0].value
        if self.scope is None:                       # a built-in module has no session state of its own
            return ctx, sb, args[1:]
        bound = ScriptBlock(sb.ast, sb.is_filter, module=self)
        run_ctx = ctx.child(self.scope) if dot else ctx
        return run_ctx, bound, args[1:]

    def ps_to_string(self):
        return self.Name


class ModuleSessionState(DotNetObject):
    """A script module's session state as `$module.SessionState` and, inside the module,
    `$ExecutionContext.SessionState` show it: its Module, and PSVariable to reach its variables."""
    ps_type_names = ("System.Management.Automation.SessionState", "System.Object")
    ps_properties = ("Module", "PSVariable")

    def __init__(self, module):
        self.Module = module
        self.PSVariable = ModuleVariables(module)

    def ps_to_string(self):
        return "System.Management.Automation.SessionState"


class ModuleVariables(DotNetObject):
    """SessionState.PSVariable of a module: Get, GetValue, Set, Remove on the module's variables (its own
    scope first, then the global scope, as a lookup from the module's top level finds them)."""
    ps_type_names = ("System.Management.Automation.PSVariableIntrinsics", "System.Object")
    ps_methods = ("Get", "GetValue", "Set", "Remove")

    def __init__(self, module):
        self._module = module

    def Get(self, name):
        return self._module.scope.lookup(str(name).lower())

    def GetValue(self, name, default=None):
        v = self.Get(name)
        return default if v is None else v.value

    def Set(self, name, value=None):
        from ...runtime.scopes import PSVariable
        if isinstance(name, PSVariable):
            self._module.scope.vars[name.name.lower()] = name
            return None
        self._module.scope.set_local(str(name), value)
        return None

    def Remove(self, name):
        key = getattr(name, "name", name)
        self._module.scope.vars.pop(str(key).lower(), None)
        return None

    def ps_to_string(self):
        return "System.Management.Automation.PSVariableIntrinsics"


class ModuleEngineIntrinsics(DotNetObject):
    """`$ExecutionContext` inside a script module: its SessionState is the module's."""
    ps_type_names = ("System.Management.Automation.EngineIntrinsics", "System.Object")
    ps_properties = ("SessionState",)

    def __init__(self, module):
        self.SessionState = ModuleSessionState(module)

    def ps_to_string(self):
        return "System.Management.Automation.EngineIntrinsics"


def _name(member) -> str:
    return getattr(member, "name", None) or getattr(member, "Name", "")


def _commands_column(m) -> str:
    """ExportedCommands as 5.1's table shows a collection: the first four names, then an ellipsis."""
    names = list(m.ExportedCommands.keys())
    shown = ", ".join(names[:4])
    return "{" + shown + ("..." if len(names) > 4 else "") + "}"


register_view("System.Management.Automation.PSModuleInfo",
              TableView([Column("ModuleType", width=10), Column("Version", width=10), Column("Name", width=35),
                         Column(_commands_column, label="ExportedCommands")]))
def _module_directory(m) -> str:
    """The module-path folder a listed module is in (above its version folder, if any)."""
    base = m.ModuleBase.rstrip("\\/")
    sep = "\\" if "\\" in base else "/"
    parent, _, leaf = base.rpartition(sep)
    try:
        Version.parse(leaf)
        parent = parent.rpartition(sep)[0]
    except ValueError:
        pass
    return parent


# Get-Module -ListAvailable: modules grouped under the folder they were found in, as 5.1 shows them
LIST_AVAILABLE_TYPE = "ModuleInfoGrouping"
register_view(LIST_AVAILABLE_TYPE,
              TableView([Column("ModuleType", width=10), Column("Version", width=10), Column("Name", width=35),
                         Column(_commands_column, label="ExportedCommands")],
                        group_by=_module_directory, group_label=" Directory"))
register_view("System.Management.Automation.PSModuleInfo",
              ListView([Entry("Name"), Entry("Path"), Entry("Description"), Entry("ModuleType"), Entry("Version"),
                        Entry("NestedModules"), Entry("ExportedFunctions"), Entry("ExportedCmdlets"),
                        Entry("ExportedVariables"), Entry("ExportedAliases")]))


# ---------------------------------------------------------------------------
# the built-in modules: pshim's packages, listed as 5.1 lists its own

# 5.1's versions of its modules; Microsoft.PowerShell.Core is a snap-in there, not a module
_BUILTIN_VERSIONS = {
    "microsoft.powershell.management": Version(3, 1, 0, 0),
    "microsoft.powershell.utility": Version(3, 1, 0, 0),
    "microsoft.powershell.security": Version(3, 0, 0, 0),
    "microsoft.powershell.host": Version(3, 0, 0, 0),
    "microsoft.powershell.diagnostics": Version(3, 0, 0, 0),
}
SNAPIN_ONLY = "microsoft.powershell.core"
_PSHOME_MODULES = "C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules"
# imported when a session starts (5.1 starts with Management and Utility; the Exchange Management
# Shell has its Exchange commands loaded); the others are imported on first use of one of their cmdlets
INITIALLY_IMPORTED = ("microsoft.powershell.management", "microsoft.powershell.utility")
_EXCHANGE = "microsoft.exchange."


def builtin_modules(session) -> dict:
    """lower name -> PSModuleInfo for each module pshim's packages provide (cmdlets grouped by module)."""
    def build():
        import sys
        declared = {}       # a package may say which version its module is: MODULE_VERSION = "3.4.0"
        for package in session.commands.modules:
            pkg = sys.modules.get(package)
            if pkg is not None and getattr(pkg, "MODULE_VERSION", None) and getattr(pkg, "MODULE_NAME", None):
                declared[pkg.MODULE_NAME.lower()] = Version.parse(pkg.MODULE_VERSION)
        groups: dict = {}
        for entry in session.commands.cmdlets.values():
            groups.setdefault(entry.module, []).append(entry)
        out = {}
        for name in sorted(groups, key=str.lower):
            low = name.lower()
            if low == SNAPIN_ONLY or not name:
                continue
            version = declared.get(low) or _BUILTIN_VERSIONS.get(low) or \
                (Version(15, 0, 0, 0) if low.startswith(_EXCHANGE) else Version(1, 0, 0, 0))
            path = f"{_PSHOME_MODULES}\\{name}\\{name}.psd1"
            info = PSModuleInfo(name, "", "Manifest", version, display_path=path)
            info.builtin = True
            info.Guid = _EMPTY_GUID
            info.cmdlets = {e.name.lower(): e for e in groups[name]}
            out[low] = info
        return out
    return session.state("core.builtin_modules", build)


def exchange_module_names(session) -> set:
    """pshim's Exchange module (loaded when the session starts, as in the Exchange Management Shell)."""
    return {k for k in builtin_modules(session) if k.startswith(_EXCHANGE)}
