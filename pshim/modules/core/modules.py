"""The module cmdlets of Microsoft.PowerShell.Core: Import-Module, Get-Module, Remove-Module,
New-Module and Export-ModuleMember. The loading itself is module_loader.py; finding modules,
module_path.py; the module object, module_info.py."""
from __future__ import annotations

import uuid

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import InvalidOperationException, ArgumentException, ParameterBindingException
from ...runtime import conversion as cv
from ...runtime.operators import wildcard_match, has_wildcard
from ...runtime.psobject import PSObject, PSMemberInfo, unwrap
from ...runtime.scopes import Scope, ModuleScope, session_module
from .module_info import PSModuleInfo, builtin_modules, LIST_AVAILABLE_TYPE
from .module_loader import (ImportOptions, Reporter, ModuleError, import_module, module_table, imported_builtins,
                            remove_module, export_members, finish_exports, run_module_block, import_members,
                            default_target, parse_version)
from .module_manifest import read_manifest_data
from .module_path import available_modules, command_index

_NS = "Microsoft.PowerShell.Commands."
CORE = "Microsoft.PowerShell.Core"
MODULE_INFO = "System.Management.Automation.PSModuleInfo"


class _NameOnly:
    """A command a not-yet-loaded module exports (Get-Module -ListAvailable): its name only."""

    def __init__(self, name):
        self.name = name

    def ps_to_string(self):
        return self.name


def _listed_copy(builtin):
    """A built-in module as -ListAvailable lists it (its own object: the listing marks it)."""
    info = PSModuleInfo(builtin.Name, "", builtin.ModuleType, builtin.Version, builtin.Path)
    info.builtin = True
    info.cmdlets = dict(builtin.cmdlets)
    return info


def _target(cmdlet):
    if cmdlet.Global or (cmdlet.Scope or "").lower() == "global":
        return cmdlet.ctx.scope.global_scope()
    if (cmdlet.Scope or "").lower() == "local":
        return cmdlet.ctx.scope
    return None


def _as_custom_object(ctx, info) -> PSObject:
    """-AsCustomObject: the module's exported functions as script methods, its variables as properties."""
    from ...commands.binder import CommandArgument
    from ...commands.function import FunctionProcessor
    obj = PSObject()
    for f in info.functions.values():
        def call(owner, args, _f=f):
            proc = FunctionProcessor(ctx, _f, _f.script_block, [CommandArgument(None, a) for a in args], None,
                                     False, _f.name)
            out = []
            proc.emit = out.append
            proc.streams = None
            proc.begin()
            proc.process_no_input()
            proc.end()
            proc.finish()
            return out[0] if len(out) == 1 else (out or None)
        obj.add_member(PSMemberInfo(f.name, f.Definition, "ScriptMethod", call))
    for v in info.variables.values():
        obj.add_note(v.name, v.value)
    return obj


class ImportModuleCommand(Cmdlet):
    name = "Import-Module"
    dotnet_type = _NS + "ImportModuleCommand"
    module_name = CORE
    default_parameter_set = "Name"
    synopsis = "Adds modules to the current session."

    Name = Parameter("string[]", position=0, mandatory=True, parameter_set="Name", value_from_pipeline=True)
    ModuleInfo = Parameter(MODULE_INFO + "[]", position=0, mandatory=True, parameter_set="ModuleInfo",
                           value_from_pipeline=True)
    Global = Parameter("switch")
    Prefix = Parameter("string")
    Function = Parameter("string[]")
    Cmdlet_ = Parameter("string[]", name="Cmdlet")
    Variable = Parameter("string[]")
    Alias = Parameter("string[]")
    Force = Parameter("switch")
    PassThru = Parameter("switch")
    AsCustomObject = Parameter("switch")
    # versions are read from the argument as typed (`-MinimumVersion 1.10` is 1.10, not the number 1.1)
    MinimumVersion = Parameter("string", parameter_set="Name", aliases=("Version",))
    MaximumVersion = Parameter("string", parameter_set="Name")
    RequiredVersion = Parameter("string", parameter_set="Name")
    ArgumentList = Parameter("object[]", aliases=("Args",))
    DisableNameChecking = Parameter("switch")
    NoClobber = Parameter("switch")
    Scope = Parameter("string", validate_set=("Local", "Global"))

    def begin(self):
        if self.Global and self.Scope:
            self.throw_terminating_error(self.error(
                "The 'Global' and 'Scope' parameters cannot be specified together. Remove one of these parameters, "
                "and then try running the command again.", "Modules_GlobalAndScopeParameterCannotBeSpecifiedTogether",
                "InvalidArgument", None, InvalidOperationException))

    def _version(self, parameter):
        value = self.__dict__.get(parameter)
        if value is None:
            return None
        text = cv.to_string(value)
        try:
            return parse_version(text if "." in text else text + ".0")
        except ValueError:
            self.throw_terminating_error(self.error(
                f"Cannot bind parameter '{parameter}'. Cannot convert value \"{text}\" to type \"System.Version\". "
                "Error: \"Version string portion was too short or too long.\"", "CannotConvertArgumentNoMessage",
                "InvalidArgument", text, ParameterBindingException))

    def _options(self):
        if self.MaximumVersion is not None:
            text = cv.to_string(self.MaximumVersion)
            if text.count("*") > 1 or ("*" in text and not text.endswith("*")):
                self.throw_terminating_error(self.error(
                    f"The specified MaximumVersion '{text}' was incorrect. If you are using '*', MaximumVersion only "
                    "supports one '*' and should always be placed at the end of MaximumVersion.",
                    "Modules_InvalidMaximumVersion", "InvalidArgument", text, ArgumentException))
        return ImportOptions(
            prefix=self.Prefix, functions=self.Function, variables=self.Variable, aliases=self.Alias,
            cmdlets=self.__dict__.get("Cmdlet"), force=bool(self.Force), arguments=self.ArgumentList or (),
            min_version=self._version("MinimumVersion"), required_version=self._version("RequiredVersion"),
            max_version=None if self.MaximumVersion is None else cv.to_string(self.MaximumVersion),
            disable_name_checking=bool(self.DisableNameChecking), no_clobber=bool(self.NoClobber),
            target=_target(self))

    def process(self):
        specs = self.ModuleInfo if self.parameter_set_name == "ModuleInfo" else self.Name
        rep = Reporter(self.ctx, self, self.write_object)
        for raw in specs or []:
            spec = unwrap(raw)
            if not isinstance(spec, PSModuleInfo):
                spec = cv.to_string(spec)
            opts = self._options()
            if self.AsCustomObject:
                opts.target = Scope(self.ctx.scope.global_scope())   # a custom object instead: imported nowhere
            try:
                info = import_module(self.ctx, spec, opts, rep)
            except ModuleError as e:
                self.write_error(e.record)
                continue
            if info is None:
                continue
            if self.AsCustomObject:
                if info.scope is None:
                    self.write_error(self.error(
                        f"No custom object was returned for module '{info.Name}' because the -AsCustomObject "
                        "parameter can only be used with script modules.", "Modules_CantUseAsCustomObjectWithBinaryModule",
                        "PermissionDenied", info.Name, InvalidOperationException))
                    continue
                self.write_object(_as_custom_object(self.ctx, info))
            elif self.PassThru:
                self.write_object(info)


class GetModuleCommand(Cmdlet):
    name = "Get-Module"
    dotnet_type = _NS + "GetModuleCommand"
    module_name = CORE
    synopsis = "Gets the modules that have been imported or that can be imported into the current session."

    Name = Parameter("string[]", position=0, value_from_pipeline=True)
    ListAvailable = Parameter("switch")
    All = Parameter("switch")
    Refresh = Parameter("switch")

    def process(self):
        session = self.ctx.session
        if self.ListAvailable:
            if self.Refresh:
                command_index(session).refresh()
            pool = self._available()
            for m in pool:
                m.ps_type_names = (LIST_AVAILABLE_TYPE,) + PSModuleInfo.ps_type_names
        else:
            table = module_table(session)
            pool = list(table.visible)
            if self.All:
                seen = list(pool)
                i = 0
                while i < len(seen):
                    for n in seen[i].nested:
                        if n not in seen:
                            seen.append(n)
                    i += 1
                pool = seen
            pool = sorted(imported_builtins(session) + pool, key=lambda m: m.Name.lower())
        for pat in [cv.to_string(p) for p in (self.Name or ["*"])]:
            for m in pool:
                if wildcard_match(pat, m.Name):
                    self.write_object(m)

    def _available(self):
        ctx = self.ctx
        out = []
        for am in available_modules(ctx):
            version = am.version
            info = None
            if am.path.lower().endswith(".psd1"):
                try:
                    data = read_manifest_data(ctx, am.path)
                except ModuleError:
                    continue
                try:
                    version = parse_version(data.get("ModuleVersion"))
                except (ValueError, TypeError):
                    continue
                root = data.get("RootModule") or data.get("ModuleToProcess")
                info = PSModuleInfo(am.name, am.path, "Script" if root else "Manifest", version,
                                    ctx.session.drives.to_ps_path(am.path))
                info.Description = str(data.get("Description") or "")
            else:
                info = PSModuleInfo(am.name, am.path, "Script", version, ctx.session.drives.to_ps_path(am.path))
            functions, cmdlets, aliases = am.exports(ctx)
            info.functions = {n.lower(): _NameOnly(n) for n in functions}
            info.cmdlets = {n.lower(): _NameOnly(n) for n in cmdlets}
            info.aliases = {n.lower(): _NameOnly(n) for n in aliases}
            out.append(info)
        return out + [_listed_copy(m) for m in builtin_modules(ctx.session).values()]


class RemoveModuleCommand(Cmdlet):
    name = "Remove-Module"
    dotnet_type = _NS + "RemoveModuleCommand"
    module_name = CORE
    supports_should_process = True
    default_parameter_set = "name"
    synopsis = "Removes modules from the current session."

    Name = Parameter("string[]", position=0, mandatory=True, parameter_set="name", value_from_pipeline=True)
    ModuleInfo = Parameter(MODULE_INFO + "[]", position=0, mandatory=True, parameter_set="ModuleInfo",
                           value_from_pipeline=True)
    Force = Parameter("switch")

    def process(self):
        session = self.ctx.session
        table = module_table(session)
        rep = Reporter(self.ctx, self, self.write_object)     # what OnRemove blocks write
        if self.parameter_set_name == "ModuleInfo":
            targets = [unwrap(m) for m in self.ModuleInfo or []]
            self._remove(targets, rep)
            return
        for raw in self.Name or []:
            pat = cv.to_string(raw)
            pool = list(table.visible) + imported_builtins(session)
            hits = [m for m in pool if wildcard_match(pat, m.Name)]
            if not hits and not has_wildcard(pat):
                self.write_error(self.error(
                    "No modules were removed. Verify that the specification of modules to remove is correct and those "
                    "modules exist in the runspace.", "Modules_NoModulesRemoved", "ResourceUnavailable", None,
                    InvalidOperationException))
                continue
            self._remove(hits, rep)

    def _remove(self, modules, rep):
        table = module_table(self.ctx.session)
        for m in modules:
            if not isinstance(m, PSModuleInfo):
                continue
            if not self.should_process(f"{m.Name} (Path: '{m.Path}')", "Remove-Module"):
                continue
            mode = str(m.AccessMode).lower()
            if mode == "constant" or (mode == "readonly" and not self.Force):
                text = (f"Unable to remove the module '{m.Name}' because it is marked as 'constant.' A module cannot "
                        "be removed if it is marked 'constant.'") if mode == "constant" else \
                    (f"Unable to remove the module '{m.Name}' because it is read-only. Add the Force parameter to "
                     "your command to remove read-only modules.")
                self.write_error(self.error(text, "Modules_ModuleIs" + ("Constant" if mode == "constant" else "ReadOnly"),
                                            "PermissionDenied", m, InvalidOperationException))
                continue
            if m.builtin:
                table.builtin_removed.add(m.Name.lower())
                table.builtin_imported.discard(m.Name.lower())
                continue
            remove_module(self.ctx, m, rep)


class NewModuleCommand(Cmdlet):
    name = "New-Module"
    dotnet_type = _NS + "NewModuleCommand"
    module_name = CORE
    default_parameter_set = "ScriptBlock"
    synopsis = "Creates a new dynamic module that exists only in memory."

    ScriptBlock = Parameter("scriptblock", sets=[ParameterSetData("ScriptBlock", position=0, mandatory=True),
                                                 ParameterSetData("Name", position=1, mandatory=True)])
    Name = Parameter("string", position=0, mandatory=True, parameter_set="Name", value_from_pipeline=True)
    Function = Parameter("string[]")
    Cmdlet_ = Parameter("string[]", name="Cmdlet")
    ReturnResult = Parameter("switch")
    AsCustomObject = Parameter("switch")
    ArgumentList = Parameter("object[]", aliases=("Args",), value_from_remaining_arguments=True)

    def process(self):
        ctx = self.ctx
        name = self.Name or f"__DynamicModule_{uuid.uuid4()}"
        info = PSModuleInfo(name, "", "Script")
        info.scope = ModuleScope(ctx.session.global_scope, info)
        info.Definition = cv.to_string(self.ScriptBlock)
        results = []
        rep = Reporter(ctx, self, results.append)
        run_module_block(ctx, info, self.ScriptBlock, self.ArgumentList or (), rep)
        finish_exports(ctx, info, None, rep)
        for patterns, attr in ((self.Function, "functions"), (self.__dict__.get("Cmdlet"), "cmdlets")):
            if patterns is not None:     # only these of what the module exports
                setattr(info, attr, {k: f for k, f in getattr(info, attr).items()
                                     if any(wildcard_match(cv.to_string(p), f.name) for p in patterns)})
        if self.AsCustomObject:
            self.write_object(_as_custom_object(ctx, info))
            return
        import_members(ctx, info, default_target(ctx), ImportOptions(disable_name_checking=True), rep)
        if self.ReturnResult:
            for r in results:
                self.write_object(r)
        else:
            self.write_object(info)


class ExportModuleMemberCommand(Cmdlet):
    name = "Export-ModuleMember"
    dotnet_type = _NS + "ExportModuleMemberCommand"
    module_name = CORE
    synopsis = "Specifies the module members that are exported."

    Function = Parameter("string[]", position=0, value_from_pipeline_by_property_name=True)
    Cmdlet_ = Parameter("string[]", name="Cmdlet", value_from_pipeline_by_property_name=True)
    Variable = Parameter("string[]", value_from_pipeline_by_property_name=True)
    Alias = Parameter("string[]", value_from_pipeline_by_property_name=True)

    def process(self):
        module = session_module(self.ctx.scope)
        if module is None:
            self.throw_terminating_error(self.error(
                "The Export-ModuleMember cmdlet can only be called from inside a module.",
                "Modules_CanOnlyExecuteExportModuleMemberInsideAModule", "PermissionDenied", None,
                InvalidOperationException))
        export_members(module, [cv.to_string(x) for x in self.Function or []],
                       [cv.to_string(x) for x in self.Variable or []], [cv.to_string(x) for x in self.Alias or []],
                       [cv.to_string(x) for x in self.__dict__.get("Cmdlet") or []], Reporter(self.ctx, self))
