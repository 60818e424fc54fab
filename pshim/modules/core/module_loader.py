"""Loading modules: what Import-Module, autoloading, `#requires -Modules`, `using module`, New-Module and
a manifest's RequiredModules/NestedModules share.

A script module (.psm1, a manifest's root module, a New-Module script block) runs in its own session
state: a ModuleScope whose parent is the global scope (pshim/runtime/scopes.py). Its functions are
defined there and keep running there when called from outside, so they see the module's private
functions and `$script:` variables; nothing of it reaches the caller except what it exports, which an
import then defines in the target scope (the global scope by default, the importing module's scope
when a module imports another, the current scope with `-Scope Local`).

Exports, as 5.1 decides them:
- a .psm1 (or dynamic module) that never calls Export-ModuleMember exports all its functions, no
  aliases and no variables;
- a module loaded through a manifest whose root module never calls Export-ModuleMember exports all
  its functions, aliases and variables (nested modules' exports included), filtered by the manifest's
  FunctionsToExport/CmdletsToExport/VariablesToExport/AliasesToExport;
- Export-ModuleMember adds what its patterns match at the time it is called, and the manifest's lists
  filter that too.
"""
from __future__ import annotations

import os

from ...errors import (PSException, ReturnSignal, ExitSignal, RuntimeException, FileNotFoundException,
                       PSInvalidOperationException, error_record, _exc)
from ...language import ast as A
from ...runtime.operators import wildcard_match, has_wildcard
from ...runtime.psobject import DotNetObject
from ...runtime.scopes import ModuleScope, session_module
from ...commands.verbs import APPROVED_VERB_NAMES
from ...runtime.version import Version
from .module_info import (PSModuleInfo, ModuleEngineIntrinsics, builtin_modules, exchange_module_names,
                          INITIALLY_IMPORTED, SNAPIN_ONLY)
from .module_manifest import (ModuleError, module_error, read_manifest_data, check_manifest, as_list,
                              MissingMemberException)
from .module_path import candidates, module_file_in, _relative_module_file, command_index

# variables every module scope has that are not the module's own (never exported)
_AUTOMATIC = frozenset(("psscriptroot", "pscommandpath", "myinvocation", "args", "input", "_", "psitem",
                        "psboundparameters", "pscmdlet", "matches", "executioncontext"))


class ImportOptions:
    """What an import asks for (Import-Module's parameters)."""

    def __init__(self, prefix=None, functions=None, variables=None, aliases=None, cmdlets=None, force=False,
                 arguments=(), min_version=None, required_version=None, max_version=None,
                 disable_name_checking=False, no_clobber=False, target=None):
        self.prefix = prefix
        self.functions = functions
        self.variables = variables
        self.aliases = aliases
        self.cmdlets = cmdlets
        self.force = force
        self.arguments = list(arguments or ())
        self.min_version = min_version
        self.required_version = required_version
        self.max_version = max_version
        self.disable_name_checking = disable_name_checking
        self.no_clobber = no_clobber
        self.target = target            # the scope members are imported into (None: the default)

    @property
    def has_version(self):
        return self.min_version is not None or self.required_version is not None or self.max_version is not None


class Reporter:
    """Where loading reports to: a cmdlet (Import-Module) or the streams of a context (hooks)."""

    def __init__(self, ctx, cmdlet=None, emit=None):
        self.ctx = ctx
        self.cmdlet = cmdlet
        self.emit = emit

    def write_object(self, obj):
        if self.emit is not None:
            self.emit(obj)

    def warning(self, text):
        (self.cmdlet.write_warning if self.cmdlet is not None else self.ctx.write_warning)(text)

    def verbose(self, text):
        (self.cmdlet.write_verbose if self.cmdlet is not None else self.ctx.write_verbose)(text)


class ModuleTable:
    """The session's modules: every loaded one (by file), those visible to Get-Module, and the state of
    the built-in ones."""

    def __init__(self):
        self.loaded: dict = {}          # key (OS path, or an id for dynamic modules) -> PSModuleInfo
        self.visible: list = []         # modules of the global session state, in import order
        self.builtin_imported: set = set()
        self.builtin_removed: set = set()

    def add_visible(self, info):
        if info not in self.visible:
            self.visible.append(info)

    def find(self, name: str):
        low = name.lower()
        for m in self.visible:
            if m.Name.lower() == low:
                return m
        for m in self.loaded.values():
            if m.Name.lower() == low:
                return m
        return None

    def forget(self, info):
        self.loaded = {k: v for k, v in self.loaded.items() if v is not info}
        if info in self.visible:
            self.visible.remove(info)


def module_table(session) -> ModuleTable:
    return session.state("core.modules", ModuleTable)


def imported_builtins(session) -> list:
    """The built-in modules Get-Module shows as imported: Management, Utility and the Exchange module
    from the start, the others once one of their cmdlets has been used (5.1 autoloads them)."""
    table = module_table(session)
    always = set(INITIALLY_IMPORTED) | exchange_module_names(session)
    out = []
    for low, info in builtin_modules(session).items():
        if low in table.builtin_removed:
            continue
        if low in always or low in table.builtin_imported or \
                any(getattr(e, "_cls", None) is not None for e in info.cmdlets.values()):
            out.append(info)
    return out


# ---------------------------------------------------------------------------
# errors

def _text(v) -> str:
    from ...runtime.conversion import to_string
    return to_string(v)


def not_found_error(name: str, opts: ImportOptions) -> ModuleError:
    if opts.required_version is not None or (opts.min_version is not None and opts.max_version is None):
        v = _text(opts.required_version if opts.required_version is not None else opts.min_version)
        return module_error(f"The specified module '{name}' with version '{v}' was not loaded because no valid "
                            "module file was found in any module directory.", "Modules_ModuleWithVersionNotFound",
                            "ResourceUnavailable", name, FileNotFoundException)
    if opts.max_version is not None and opts.min_version is not None:
        return module_error(f"The specified module '{name}' with MinimumVersion '{_text(opts.min_version)}' and "
                            f"MaximumVersion '{opts.max_version}' was not loaded because no valid module file was "
                            "found in any module directory.", "Modules_MinimumVersionAndMaximumVersionNotFound",
                            "ResourceUnavailable", name, FileNotFoundException)
    if opts.max_version is not None:
        return module_error(f"The specified module '{name}' with MaximumVersion '{opts.max_version}' was not "
                            "loaded because no valid module file was found in any module directory.",
                            "Modules_MaximumVersionNotFound", "ResourceUnavailable", name, FileNotFoundException)
    return module_error(f"The specified module '{name}' was not loaded because no valid module file was found in "
                        "any module directory.", "Modules_ModuleNotFound", "ResourceUnavailable", name,
                        FileNotFoundException)


def _member_not_found(entry, field, manifest_shown, module_name) -> ModuleError:
    return module_error(f"The module to process '{entry}', listed in field '{field}' of module manifest "
                        f"'{manifest_shown}' was not processed because no valid module was found in any module "
                        "directory.", "Modules_ModuleFileNotFound", "ResourceUnavailable", module_name,
                        PSInvalidOperationException)


def _max_ok(version: Version, max_text: str) -> bool:
    """MaximumVersion, which may end in `*` (1.2.* allows every 1.2.x)."""
    t = str(max_text).strip()
    if t.endswith("*"):
        prefix = [int(p) for p in t.rstrip("*").rstrip(".").split(".") if p != ""]
        return list(version._tuple()[:len(prefix)]) <= prefix
    return not (parse_version(t) < version)


def parse_version(text) -> Version:
    if isinstance(text, Version):
        return text
    return Version.parse(str(text))


def version_ok(version: Version, opts: ImportOptions) -> bool:
    if opts.required_version is not None and version != parse_version(opts.required_version):
        return False
    if opts.min_version is not None and version < parse_version(opts.min_version):
        return False
    if opts.max_version is not None and not _max_ok(version, opts.max_version):
        return False
    return True


# ---------------------------------------------------------------------------
# importing

def default_target(ctx):
    """Where an import puts members by default: the importing module's scope when module code imports,
    the global scope otherwise (a script, a function or the prompt)."""
    m = session_module(ctx.scope)
    return m.scope if m is not None else ctx.scope.global_scope()


def _is_path(name: str) -> bool:
    low = name.lower()
    return "\\" in name or "/" in name or low.endswith((".psd1", ".psm1", ".ps1", ".dll")) or \
        name.startswith(("~", ".")) or (len(name) > 1 and name[1] == ":")


def import_module(ctx, spec, opts: ImportOptions, rep: Reporter) -> PSModuleInfo | None:
    """Import a module given by name, path, PSModuleInfo or module-specification hashtable."""
    session = ctx.session
    target = opts.target if opts.target is not None else default_target(ctx)
    if isinstance(spec, PSModuleInfo):
        info = spec
        if info.builtin:
            return _import_builtin(session, builtin_modules(session).get(info.Name.lower(), info), rep)
        if info.scope is None:          # a module as -ListAvailable lists it: load it from its file
            if not info.file:
                raise not_found_error(info.Name, opts)
            return import_file(ctx, info.file, opts, rep, target, shown_name=info.Name)
        _register(session, info, target)
        import_members(ctx, info, target, opts, rep)
        return info
    name = str(spec)
    if not _is_path(name):
        low = name.lower()
        builtins = builtin_modules(session)
        if low in builtins:
            return _import_builtin(session, builtins[low], rep)
        if low == SNAPIN_ONLY:
            rep.warning(f"The '{name}' module was not imported because the '{name}' snap-in was already imported.")
            return None
        loaded = module_table(session).find(name)
        if loaded is not None and not opts.force and (not opts.has_version or version_ok(loaded.Version, opts)):
            _register(session, loaded, target)
            import_members(ctx, loaded, target, opts, rep)
            return loaded
        path = _find_by_name(ctx, name, opts)
        if path is None:
            raise not_found_error(name, opts)
        return import_file(ctx, path, opts, rep, target, shown_name=name)
    try:
        path = ctx.resolve_path(name)
    except PSException:
        raise not_found_error(name, opts)
    if os.path.isdir(path):
        f = module_file_in(path)
        if f is None:
            raise not_found_error(name, opts)
        path = f
    elif not os.path.isfile(path):
        for ext in (".psd1", ".psm1"):
            if os.path.isfile(path + ext):
                path = path + ext
                break
        else:
            raise not_found_error(name, opts)
    return import_file(ctx, path, opts, rep, target, shown_name=name)


def _import_builtin(session, info, rep):
    table = module_table(session)
    table.builtin_removed.discard(info.Name.lower())
    table.builtin_imported.add(info.Name.lower())
    return info


def _find_by_name(ctx, name, opts):
    from .module_manifest import read_manifest_data as _read
    for cand in candidates(ctx, name):
        if not opts.has_version:
            return cand.path
        version = cand.version
        if cand.path.lower().endswith(".psd1"):
            try:
                v = _read(ctx, cand.path).get("ModuleVersion")
                version = parse_version(v) if v is not None else version
            except (ModuleError, ValueError):
                continue
        if version is None:
            version = Version(0, 0)
        if version_ok(version, opts):
            return cand.path
    return None


def _register(session, info, target):
    """Record an import: the global session state lists it for Get-Module; a module importing another
    keeps it among its nested modules."""
    owner = session_module(target)
    if owner is None or target is target.global_scope():
        module_table(session).add_visible(info)
    elif info not in owner.nested and info is not owner:
        owner.nested.append(info)


def import_file(ctx, path, opts, rep, target, shown_name=None) -> PSModuleInfo:
    session = ctx.session
    table = module_table(session)
    key = os.path.normcase(os.path.abspath(path))
    existing = table.loaded.get(key)
    if existing is not None and not opts.force:
        if opts.has_version and not version_ok(existing.Version, opts):
            raise not_found_error(shown_name or existing.Name, opts)
        _register(session, existing, target)
        import_members(ctx, existing, target, opts, rep)
        return existing
    if existing is not None:
        remove_module(ctx, existing, rep)
    info = load_module_file(ctx, path, opts, rep, shown_name)
    table.loaded[key] = info
    _register(session, info, target)
    import_members(ctx, info, target, opts, rep)
    return info


def load_module_file(ctx, path, opts, rep, shown_name=None, parent=None) -> PSModuleInfo:
    """Load (run) a module file into a new session state; nothing is imported anywhere yet."""
    ext = os.path.splitext(path)[1].lower()
    shown = ctx.session.drives.to_ps_path(path)
    rep.verbose(f"Loading module from path '{shown}'.")
    if ext == ".psd1":
        return _load_manifest(ctx, path, opts, rep, shown_name)
    if ext in (".psm1", ".ps1"):
        name = os.path.splitext(os.path.basename(path))[0]
        info = PSModuleInfo(name, path, "Script", Version(0, 0), shown)
        info.scope = ModuleScope(ctx.session.global_scope, info)
        if opts.has_version and not version_ok(info.Version, opts):
            raise not_found_error(shown_name or name, opts)
        run_module_script(ctx, info, path, opts.arguments, rep)
        finish_exports(ctx, info, None, rep)
        return info
    if ext in (".dll", ".cdxml", ".xaml"):
        # pshim runs no .NET assemblies or CIM definitions: such a module is not a valid module file here
        raise not_found_error(shown_name or path, opts)
    raise module_error(f"The extension '{ext}' is not a valid module extension. The supported module extensions "
                       f"are '.dll', '.ps1', '.psm1', '.psd1', '.cdxml' and '.xaml'. Correct the extension then try "
                       f"adding the file '{shown}' again.", "Modules_InvalidModuleExtension", "InvalidArgument",
                       shown, PSInvalidOperationException)


def run_module_script(ctx, info, path, arguments, rep):
    """Run a .psm1 (or a nested .ps1) at the top of the module's session state."""
    from ...commands.discovery import ScriptEntry
    from ...commands.function import InvocationInfoObject, script_file_block
    session = ctx.session
    mctx = session.global_ctx.child(info.scope)
    mctx.streams = ctx.streams
    mctx.script_path = path
    sb = script_file_block(mctx, path)
    if not info.Definition:
        info.Definition = sb.text
    scope = info.scope
    scope.set_local("PSScriptRoot", os.path.dirname(path))
    scope.set_local("PSCommandPath", path)
    command = ScriptEntry(path)
    command.Module = info
    scope.set_local("MyInvocation", InvocationInfoObject(command, {}, [], None, "", path, False))
    scope.set_local("ExecutionContext", ModuleEngineIntrinsics(info))
    _run_in_module(mctx, sb, arguments, rep, (ReturnSignal, ExitSignal), script_path=path)


def run_module_block(ctx, info, sb, arguments, rep):
    """Run a New-Module script block at the top of the module's session state."""
    mctx = ctx.session.global_ctx.child(info.scope)
    mctx.streams = ctx.streams
    info.scope.set_local("ExecutionContext", ModuleEngineIntrinsics(info))
    _run_in_module(mctx, sb, arguments, rep, (ReturnSignal,))


def _run_in_module(mctx, sb, arguments, rep, ends, script_path=None):
    """Run a script block dot-sourced at the top of a module's session state, its output to `rep`;
    the signals in `ends` end it quietly (return; exit in a .psm1)."""
    from ...commands.binder import CommandArgument
    from ...commands.function import FunctionProcessor
    args = [CommandArgument(None, a) for a in arguments]
    kw = {"script_path": script_path} if script_path is not None else {}
    proc = FunctionProcessor(mctx, None, sb, args, None, False, "", dot_source=True, **kw)
    proc.emit = rep.write_object
    proc.streams = None
    try:
        proc.begin()
        proc.process_no_input()
        proc.end()
        proc.finish()
    except ends:
        pass


def _manifest_string(data, key):
    v = data.get(key)
    return None if v is None else str(v)


def _load_manifest(ctx, path, opts, rep, shown_name):
    session = ctx.session
    shown = session.drives.to_ps_path(path)
    data = read_manifest_data(ctx, path)
    check_manifest(ctx, path, data)
    name = os.path.splitext(os.path.basename(path))[0]
    raw_version = data.get("ModuleVersion")
    try:
        version = parse_version(raw_version)
    except ValueError:
        raise module_error(f"The 'ModuleVersion' member is not valid in the module manifest file '{shown}': "
                           f"Cannot convert value \"{raw_version}\" to type \"System.Version\".",
                           "Modules_InvalidManifest", "ResourceUnavailable", shown, MissingMemberException)
    if opts.has_version and not version_ok(version, opts):
        raise not_found_error(shown_name or name, opts)
    folder = os.path.dirname(path)
    info = PSModuleInfo(name, path, "Manifest", version, shown)
    for key, attr in (("Description", "Description"), ("Author", "Author"), ("CompanyName", "CompanyName"),
                      ("Copyright", "Copyright"), ("GUID", "Guid"), ("HelpInfoURI", "HelpInfoUri"),
                      ("DefaultCommandPrefix", "Prefix")):
        v = _manifest_string(data, key)
        if v is not None:
            setattr(info, attr, v)
    info.PrivateData = data.get("PrivateData")
    psv = data.get("PowerShellVersion")
    if psv is not None:
        try:
            info.PowerShellVersion = parse_version(psv)
        except ValueError:
            info.PowerShellVersion = None
        if info.PowerShellVersion is not None and Version(5, 1, 19041, 1) < info.PowerShellVersion:
            raise module_error(
                f"The version of Windows PowerShell on this computer is '5.1.19041.1'. The module '{shown}' requires "
                f"a minimum Windows PowerShell version of '{psv}' to run. Verify that you have the minimum required "
                "version of Windows PowerShell installed, and then try again.",
                "Modules_InsufficientPowerShellVersion", "ResourceUnavailable", shown, PSInvalidOperationException)
    info.CompatiblePSEditions = [str(x) for x in as_list(data.get("CompatiblePSEditions")) or []]
    info.FileList = [str(x) for x in as_list(data.get("FileList")) or []]
    tags = None
    if hasattr(info.PrivateData, "get"):
        psdata = info.PrivateData.get("PSData")
        if hasattr(psdata, "get"):
            tags = psdata.get("Tags")
    info.Tags = [str(x) for x in as_list(tags) or []]
    info.scope = ModuleScope(session.global_scope, info)
    # RequiredModules: imported into the global session state first
    for spec in as_list(data.get("RequiredModules")) or []:
        info.required.append(_require(ctx, spec, shown, rep))
    for script in as_list(data.get("ScriptsToProcess")) or []:
        _run_caller_script(ctx, folder, str(script), rep)
    # NestedModules: loaded into this module's session state, before the root module
    nested_opts = ImportOptions(target=info.scope, disable_name_checking=True)
    for entry in as_list(data.get("NestedModules")) or []:
        spec = entry.get("ModuleName") if hasattr(entry, "get") else entry
        _load_member(ctx, info, folder, str(spec), "NestedModules", shown, nested_opts, rep)
    root = data.get("RootModule") if data.get("RootModule") is not None else data.get("ModuleToProcess")
    if root is not None and str(root):
        info.RootModule = str(root)
        _load_member(ctx, info, folder, str(root), "ModuleToProcess/RootModule", shown, opts, rep, root=True)
    finish_exports(ctx, info, data, rep)
    return info


def _require(ctx, spec, shown, rep):
    name = spec.get("ModuleName") if hasattr(spec, "get") else spec
    ropts = ImportOptions(target=ctx.scope.global_scope(), disable_name_checking=True)
    if hasattr(spec, "get"):
        ropts.min_version = spec.get("ModuleVersion")
        ropts.required_version = spec.get("RequiredVersion")
        ropts.max_version = spec.get("MaximumVersion")
    try:
        return import_module(ctx, str(name), ropts, rep)
    except ModuleError:
        raise module_error(f"The required module '{name}' is not loaded. Load the module or remove the module from "
                           f"'RequiredModules' in the file '{shown}'.", "Modules_InvalidManifest",
                           "ResourceUnavailable", shown, MissingMemberException)


def _run_caller_script(ctx, folder, script, rep):
    """ScriptsToProcess: run in the caller's scope before the module loads."""
    from ...commands.function import FunctionProcessor, script_file_block
    path = _relative_module_file(folder, script)
    if path is None:
        return
    sb = script_file_block(ctx, path)
    proc = FunctionProcessor(ctx, None, sb, [], None, False, "", dot_source=True, script_path=path)
    proc.emit = rep.write_object
    proc.streams = None
    try:
        proc.begin()
        proc.process_no_input()
        proc.end()
        proc.finish()
    except ReturnSignal:
        pass


def _load_member(ctx, info, folder, entry, field, shown, opts, rep, root=False):
    """A manifest's RootModule or NestedModules entry: a file next to the manifest, or a module by name."""
    if has_wildcard(entry):
        raise module_error(f"Wildcard characters are not allowed in members 'ModuleToProcess', 'RootModule', or "
                           f"'NestedModules' in the module manifest '{shown}'.", "Modules_WildCardNotAllowed",
                           "InvalidArgument", shown, PSInvalidOperationException)
    path = _relative_module_file(folder, entry)
    if path is None and not _is_path(entry):
        found = candidates(ctx, entry)
        path = found[0].path if found else None
    if path is None or os.path.splitext(path)[1].lower() not in (".psm1", ".ps1", ".psd1"):
        raise _member_not_found(entry, field, shown, info.Name)
    if root and path.lower().endswith((".psm1", ".ps1")):
        # the root module runs in the manifest module's own session state
        info.ModuleType = "Script"
        run_module_script(ctx, info, path, opts.arguments, rep)
        return
    if path.lower().endswith(".ps1"):
        run_module_script(ctx, info, path, (), rep)     # a nested script is dot-sourced into the module
        return
    nested = load_module_file(ctx, path, ImportOptions(), rep, parent=info)
    module_table(ctx.session).loaded.setdefault(os.path.normcase(os.path.abspath(path)) + "|nested|" +
                                                str(id(info)), nested)
    if nested not in info.nested:
        info.nested.append(nested)
    import_members(ctx, nested, info.scope, opts, rep)
    if root:
        info.ModuleType = nested.ModuleType


# ---------------------------------------------------------------------------
# exports

def _user_variables(scope) -> dict:
    return {k: v for k, v in scope.vars.items() if k not in _AUTOMATIC and not k.startswith("__pshim")}


def export_members(module, functions=None, variables=None, aliases=None, cmdlets=None, rep=None):
    """Export-ModuleMember: add what the patterns match in the module's session state now."""
    module.export_list_used = True
    scope = module.scope
    for pats, source, dest, kind in ((functions, scope.functions or {}, module.functions, "function"),
                                     (variables, _user_variables(scope), module.variables, "variable"),
                                     (aliases, scope.aliases or {}, module.aliases, "alias"),
                                     (cmdlets, {}, module.cmdlets, "cmdlet")):
        if not pats:
            continue
        for low, member in source.items():
            name = getattr(member, "name", low)
            if any(wildcard_match(p, name) for p in pats):
                if low not in dest and rep is not None:
                    rep.verbose(f"Exporting {kind} '{name}'.")
                dest[low] = member


def finish_exports(ctx, info, manifest, rep):
    scope = info.scope
    if not info.export_list_used:
        info.functions = dict(scope.functions or {})
        if manifest is not None:
            info.aliases = dict(scope.aliases or {})
            info.variables = _user_variables(scope)
        for f in info.functions.values():
            rep.verbose(f"Exporting function '{f.name}'.")
    if manifest is not None:
        for key, attr in (("FunctionsToExport", "functions"), ("VariablesToExport", "variables"),
                          ("AliasesToExport", "aliases"), ("CmdletsToExport", "cmdlets")):
            pats = as_list(manifest.get(key))
            if pats is None:
                continue
            pats = [str(p) for p in pats]
            current = getattr(info, attr)
            setattr(info, attr, {k: v for k, v in current.items()
                                 if any(wildcard_match(p, getattr(v, "name", k)) for p in pats)})


def _prefixed(name: str, prefix: str) -> str:
    if not prefix:
        return name
    verb, sep, noun = name.partition("-")
    return f"{verb}-{prefix}{noun}" if sep else prefix + name


def _selected(name, patterns):
    return patterns is None or any(wildcard_match(str(p), name) for p in patterns)


def import_members(ctx, info, target, opts: ImportOptions, rep):
    """Define a module's exports in `target` (prefixing command nouns with -Prefix or the manifest's
    DefaultCommandPrefix) and remember them for Remove-Module."""
    from ...commands.discovery import AliasEntry
    from ...runtime.scriptblock import FunctionInfo
    prefix = opts.prefix if opts.prefix is not None else info.Prefix
    owner = session_module(target)          # a module taking in a nested module's exports re-exports them
    renamed = {}
    unapproved = []
    for low, f in list(info.functions.items()):
        if not _selected(f.name, opts.functions):
            continue
        name = _prefixed(f.name, prefix)
        if opts.no_clobber and _exists(ctx, target, name):
            continue
        fi = f
        if name != f.name or (owner is not None and owner is not info):
            fi = FunctionInfo(name, f.script_block, f.is_filter, f.module_info)
            fi.exported_by = owner if owner is not None and owner is not info else f.exported_by
        renamed[f.name.lower()] = name
        target.define_function(fi)
        info.imports.append((target, "function", name.lower(), fi))
        rep.verbose(f"Importing function '{name}'.")
        verb, sep, _ = name.partition("-")
        if sep and verb.lower() not in APPROVED_VERB_NAMES:
            unapproved.append(name)
    for low, v in list(info.variables.items()):
        if not _selected(v.name, opts.variables):
            continue
        if opts.no_clobber and target.vars.get(low) is not None:
            continue
        target.vars[low] = v
        info.imports.append((target, "variable", low, v))
        rep.verbose(f"Importing variable '{v.name}'.")
    for low, a in list(info.aliases.items()):
        if not _selected(a.name, opts.aliases):
            continue
        if opts.no_clobber and _exists(ctx, target, a.name):
            continue
        definition = renamed.get(a.definition.lower(), a.definition)
        alias = a if definition == a.definition else AliasEntry(a.name, definition, a.options, a.description)
        shown = owner if owner is not None and owner is not info else info
        alias.Source, alias.Version, alias.module = shown.Name, shown.Version, shown.Name
        if target.aliases is None:
            target.aliases = {}
        target.aliases[low] = alias
        info.imports.append((target, "alias", low, alias))
        rep.verbose(f"Importing alias '{a.name}'.")
    if unapproved and not opts.disable_name_checking:
        for name in unapproved:
            rep.verbose(f"The '{name}' command in the {info.Name}' module was imported, but because its name does "
                        "not include an approved verb, it might be difficult to find. For a list of approved verbs, "
                        "type Get-Verb.")
        rep.warning(f"The names of some imported commands from the module '{info.Name}' include unapproved verbs "
                    "that might make them less discoverable. To find the commands with unapproved verbs, run the "
                    "Import-Module command again with the Verbose parameter. For a list of approved verbs, type "
                    "Get-Verb.")


def _exists(ctx, target, name):
    low = name.lower()
    return target.lookup_function(low) is not None or target.lookup_alias(low) is not None or \
        low in ctx.session.commands.cmdlets


def remove_module(ctx, info, rep):
    """Take a module's imported members out of every scope an import put them in, and forget it; first
    its OnRemove script block runs (5.1 passes it the module), its output going where Remove-Module's goes."""
    on_remove = info.OnRemove
    if on_remove is not None:
        from ...commands.function import invoke_scriptblock
        from ...runtime.scriptblock import ScriptBlock
        if isinstance(on_remove, ScriptBlock):
            for obj in invoke_scriptblock(ctx, on_remove, [info]):
                rep.write_object(obj)
    for scope, kind, low, member in reversed(info.imports):
        store = {"function": scope.functions, "variable": scope.vars, "alias": scope.aliases}[kind]
        if store is not None and store.get(low) is member:
            del store[low]
            rep.verbose(f'Removing the imported "{getattr(member, "name", low)}" {kind}.')
    info.imports.clear()
    table = module_table(ctx.session)
    for nested in list(info.nested):
        if nested in table.visible or nested is info:
            continue                      # imported at top level too: it stays
        if nested.OnRemove is not None or nested.nested:
            remove_module(ctx, nested, rep)     # its own OnRemove runs, and its nested modules go too
        table.forget(nested)
    table.forget(info)
    for m in list(table.loaded.values()) + list(table.visible):
        if info in m.nested:
            m.nested.remove(info)


# ---------------------------------------------------------------------------
# hooks the engine asks (registered in manifest_modules.py)

def autoload(ctx, name: str):
    """A command name nothing else knows: import the module on PSModulePath that exports it (5.1's
    autoloading, under $PSModuleAutoloadingPreference), or find `Module\\Command`."""
    from ...commands.discovery import resolve_command
    pref = str(ctx.get_variable("PSModuleAutoloadingPreference") or "All").lower()
    session = ctx.session
    table = module_table(session)
    busy = session.state("core.autoloading", set)
    if "\\" in name:
        modname, _, short = name.rpartition("\\")
        if not modname or "/" in name or "\\" in modname:
            return None
        info = table.find(modname)
        if info is None and pref != "none" and modname.lower() not in busy:
            busy.add(modname.lower())
            try:
                info = import_module(ctx, modname, ImportOptions(target=ctx.scope.global_scope()), Reporter(ctx))
            except ModuleError:
                info = None
            except PSException as e:
                ctx.write_error(e.error_record)
                info = None
            finally:
                busy.discard(modname.lower())
        if info is None:
            return None
        low = short.lower()
        member = info.functions.get(low) or info.cmdlets.get(low)
        if member is not None:
            return member
        alias = info.aliases.get(low)
        return resolve_command(ctx, alias.definition) if alias is not None else None
    if pref != "all" or "/" in name or name.lower().endswith(".ps1"):
        return None
    found = command_index(session).lookup(ctx, name)
    if found is None or found.path in busy or table.loaded.get(os.path.normcase(os.path.abspath(found.path))):
        return None
    busy.add(found.path)
    try:
        import_file(ctx, found.path, ImportOptions(disable_name_checking=True), Reporter(ctx),
                    ctx.scope.global_scope(), shown_name=found.name)
    except ModuleError as e:
        ctx.write_error(e.record)
        return None
    except PSException as e:
        ctx.write_error(e.error_record)
        return None
    finally:
        busy.discard(found.path)
    low = name.lower()
    f = ctx.scope.lookup_function(low)
    if f is not None:
        return f
    if ctx.scope.lookup_alias(low) is not None:
        return resolve_command(ctx, name)
    return None


ScriptRequiresException = _exc("ScriptRequiresException", "System.Management.Automation.ScriptRequiresException",
                               RuntimeException)


def _requires_error(message, error_id, category, script):
    rec = error_record(message, error_id, category, script, ScriptRequiresException)
    rec.activity = ""
    return rec.exception


def is_elevated() -> bool:
    """pshim's stand-in for "running as Administrator": the process runs as root."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def script_preamble(ctx, ast, path):
    """`#requires` (scripts and modules) and `using module` (also at the prompt), before the code runs."""
    script = os.path.basename(path) if path else ""
    if path is not None:
        for line in ast.requires:
            _check_requires(ctx, line, script)
    for line in ast.using:
        kind, _, rest = line[len("using"):].strip().partition(" ")
        if kind.lower() != "module":
            continue
        spec = _constant_value(ctx, rest.strip())
        opts = ImportOptions(target=ctx.scope.global_scope())
        if hasattr(spec, "get"):
            opts.min_version = spec.get("ModuleVersion")
            opts.required_version = spec.get("RequiredVersion")
            opts.max_version = spec.get("MaximumVersion")
            spec = spec.get("ModuleName")
        try:
            import_module(ctx, str(spec), opts, Reporter(ctx))
        except ModuleError as e:
            if e.record.error_id != "Modules_ModuleNotFound":
                raise e.record.exception
            # 5.1 reports it while parsing, at the using statement
            from ...errors import ParseError, ParseErrorItem
            from ...language.extent import Extent
            source = ast.extent.source if ast.extent is not None else None
            start = source.text.find(line) if source is not None else -1
            extent = Extent(source, start, start + len(line)) if start >= 0 else None
            raise ParseError([ParseErrorItem(f"Could not find the module '{rest.strip()}'.",
                                             "ModuleNotFoundDuringParse", extent)])


def _constant_value(ctx, text):
    """A `#requires`/`using` argument as a value, read as a command argument is (a bare word, a quoted
    string, a comma list, a hashtable), in restricted language."""
    from ...language import parse
    from ...language.restricted import check_restricted
    from ...runtime.compile_expr import compile_expr
    from ...errors import ParseError
    try:
        ast = parse("x " + text)
        cmd = ast.end.body.statements[0].elements[0]
        arg = cmd.elements[1]
        check_restricted(arg)
    except (ParseError, IndexError, AttributeError):
        return text.strip("'\"")
    if isinstance(arg, A.StringConstantExpressionAst):
        return arg.value
    return compile_expr(arg)(ctx)


def _requires_args(line: str) -> list:
    """`#requires -Modules a, @{...} -Version 3` as [(parameter, argument text)]."""
    body = line.lstrip()[len("#requires"):]
    out = []
    i, n = 0, len(body)
    while i < n:
        while i < n and body[i].isspace():
            i += 1
        if i >= n:
            break
        if body[i] != "-":
            break
        j = i + 1
        while j < n and (body[j].isalnum() or body[j] == "_"):
            j += 1
        name = body[i + 1:j]
        k, depth, quote = j, 0, None
        while k < n:
            c = body[k]
            if quote:
                if c == quote:
                    quote = None
            elif c in "'\"":
                quote = c
            elif c in "({[":
                depth += 1
            elif c in ")}]":
                depth -= 1
            elif c == "-" and depth == 0 and body[k - 1].isspace() and k + 1 < n and body[k + 1].isalpha():
                break
            k += 1
        out.append((name, body[j:k].strip()))
        i = k
    return out


def _check_requires(ctx, line, script):
    for name, arg in _requires_args(line):
        low = name.lower()
        if low == "version":
            try:
                wanted = parse_version(arg if "." in arg else arg + ".0")
            except ValueError:
                continue
            if Version(5, 1, 19041, 1) < wanted:
                raise _requires_error(
                    f"The script '{script}' cannot be run because it contained a \"#requires\" statement for "
                    f"Windows PowerShell {arg}. The version of Windows PowerShell that is required by the script "
                    "does not match the currently running version of Windows PowerShell 5.1.19041.1.",
                    "ScriptRequiresUnmatchedPSVersion", "ResourceUnavailable", script)
        elif low == "runasadministrator":
            if not is_elevated():
                raise _requires_error(
                    f"The script '{script}' cannot be run because it contains a \"#requires\" statement for running "
                    "as Administrator. The current Windows PowerShell session is not running as Administrator. "
                    "Start Windows PowerShell by using the Run as Administrator option, and then try running the "
                    "script again.", "ScriptRequiresElevation", "PermissionDenied", script)
        elif low == "psedition":
            editions = _constant_value(ctx, arg)
            editions = [str(e) for e in (editions if isinstance(editions, list) else [editions])]
            if not any(e.lower() == "desktop" for e in editions):
                raise _requires_error(
                    f"The script '{script}' cannot be run because it contained a \"#requires\" statement for "
                    f"PowerShell editions '{', '.join(editions)}'. The edition of PowerShell that is required by the "
                    "script does not match the currently running PowerShell Desktop edition.",
                    "ScriptRequiresUnmatchedPSEdition", "ResourceUnavailable", script)
        elif low == "modules":
            value = _constant_value(ctx, arg)
            specs = value if isinstance(value, list) else [value]
            missing = []
            for spec in specs:
                if not _ensure_module(ctx, spec):
                    missing.append(str(spec.get("ModuleName") if hasattr(spec, "get") else spec))
            if missing:
                raise _requires_error(
                    f"The script '{script}' cannot be run because the following modules that are specified by the "
                    f"\"#requires\" statements of the script are missing: {', '.join(missing)}.",
                    "ScriptRequiresMissingModules", "ResourceUnavailable", script)


def _ensure_module(ctx, spec) -> bool:
    opts = ImportOptions(target=ctx.scope.global_scope(), disable_name_checking=True)
    name = spec
    if hasattr(spec, "get"):
        name = spec.get("ModuleName")
        opts.min_version = spec.get("ModuleVersion")
        opts.required_version = spec.get("RequiredVersion")
        opts.max_version = spec.get("MaximumVersion")
    loaded = module_table(ctx.session).find(str(name))
    if loaded is not None and (not opts.has_version or version_ok(loaded.Version, opts)):
        return True
    try:
        import_module(ctx, str(name), opts, Reporter(ctx))
        return True
    except ModuleError:
        return False


# ---------------------------------------------------------------------------
# Get-Command: the commands of modules on PSModulePath that are not imported (read, never run)

class AvailableCommandInfo(DotNetObject):
    """A command a module on PSModulePath exports, listed by Get-Command without importing the module
    (5.1 reads the module and shows its commands with the module's name and version; the module stays
    unimported until one of them runs)."""
    ps_type_names = ("System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")
    ps_properties = ("CommandType", "Name", "Version", "Source")
    ps_default_display = ("CommandType", "Name", "Version", "Source")

    def __init__(self, name, command_type, module_name, version):
        info = {"Alias": "AliasInfo", "Cmdlet": "CmdletInfo"}.get(command_type, "FunctionInfo")
        self.ps_type_names = (f"System.Management.Automation.{info}",) + type(self).ps_type_names[1:]
        self.name = name
        self.CommandType = command_type
        self.module = module_name           # as CmdletEntry.module: the module's name
        self.Version = version

    @property
    def Name(self):
        return self.name

    Source = ModuleName = property(lambda self: self.module)

    def ps_to_string(self):
        return self.name


def available_commands(ctx, module_patterns=None) -> list:
    """AvailableCommandInfo for each command exported by a module on PSModulePath that is not loaded
    (optionally only modules whose name matches one of `module_patterns`); the first module of a name
    on the path, its highest version."""
    from .module_path import available_modules
    from .module_manifest import read_manifest_data as _read
    table = module_table(ctx.session)
    loaded_names = {m.Name.lower() for m in table.loaded.values()} | {m.Name.lower() for m in table.visible}
    out, seen = [], set()
    for m in available_modules(ctx):
        low = m.name.lower()
        if low in seen:
            continue
        seen.add(low)
        if low in loaded_names or os.path.normcase(os.path.abspath(m.path)) in table.loaded:
            continue
        if module_patterns and not any(wildcard_match(str(p), m.name) for p in module_patterns):
            continue
        version = m.version
        if m.path.lower().endswith(".psd1"):
            try:
                v = _read(ctx, m.path).get("ModuleVersion")
                version = parse_version(v) if v is not None else version
            except (ModuleError, ValueError):
                pass
        version = version or Version(0, 0)
        functions, cmdlets, aliases = m.exports(ctx)
        for kind, names in (("Alias", aliases), ("Function", functions), ("Cmdlet", cmdlets)):
            for n in names:
                if not has_wildcard(n):
                    out.append(AvailableCommandInfo(n, kind, m.name, version))
    return out
