"""Command discovery: alias -> function -> cmdlet -> script file, case-insensitive.

Cmdlets are registered by module manifests (pshim/modules/<module>/manifest*.py:
CMDLETS = {"Verb-Noun": "python.module:ClassName"}, ALIASES = {...}) and
imported only when first used, so start-up stays cheap.
"""
from __future__ import annotations

import importlib
import os

from ..runtime.psobject import DotNetObject

BUILTIN_MODULES = ("pshim.modules.core", "pshim.modules.utility", "pshim.modules.management", "pshim.modules.host",
                   "pshim.modules.security", "pshim.modules.network", "pshim.modules.exchange",
                   "pshim.modules.pester",
                   "pshim.modules.archive")


def _manifest_names(path) -> list[str]:
    """The manifest* modules of a package, sorted (read from its folders: pkgutil.iter_modules
    would import inspect, ~10 ms of start-up)."""
    names = set()
    for folder in path:
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for e in entries:
            if not e.startswith("manifest"):
                continue
            if e.endswith(".py") and e[:-3].isidentifier():
                names.add(e[:-3])
            elif e.isidentifier() and os.path.isfile(os.path.join(folder, e, "__init__.py")):
                names.add(e)
    return sorted(names)


class CmdletEntry(DotNetObject):
    ps_type_names = ("System.Management.Automation.CmdletInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")
    ps_properties = ("CommandType", "Name", "Version", "Source")
    kind = "cmdlet"

    def __init__(self, name: str, target: str, module: str):
        self.name = name
        self.target = target
        self.module = module
        self._cls = None

    def load(self):
        if self._cls is None:
            mod, _, cls = self.target.partition(":")
            self._cls = getattr(importlib.import_module(mod), cls)
        return self._cls

    @property
    def Name(self):
        return self.name

    CommandType = "Cmdlet"
    Version = ""

    @property
    def Source(self):
        return self.module

    @property
    def ModuleName(self):
        return self.module

    def ps_to_string(self):
        return self.name


class PathCommandEntry(DotNetObject):
    """A command found as a file: a script (.ps1) or a native program."""
    ps_properties = ("CommandType", "Name", "Version", "Source")
    Version = ""

    def __init__(self, path):
        self.path = path
        self.Name = os.path.basename(path)
        self.Source = path

    @property
    def Path(self):
        return self.path


class ScriptEntry(PathCommandEntry):
    ps_type_names = ("System.Management.Automation.ExternalScriptInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")
    kind = "script"
    CommandType = "ExternalScript"

    def ps_to_string(self):
        return self.path


class AliasEntry(DotNetObject):
    ps_type_names = ("System.Management.Automation.AliasInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")
    ps_properties = ("CommandType", "Name", "Version", "Source", "Definition", "DisplayName", "ReferencedCommand",
                     "ResolvedCommandName", "Options", "Description")
    kind = "alias"
    CommandType = "Alias"
    Version = ""
    Source = ""

    def __init__(self, name, definition, options="None", description=""):
        self.name = name
        self.definition = definition
        self.options = options
        self.description = description

    @property
    def Name(self):
        return self.name

    @property
    def Options(self):
        return self.options

    @property
    def Description(self):
        return self.description

    @property
    def Definition(self):
        return self.definition

    @property
    def DisplayName(self):
        return f"{self.name} -> {self.definition}"

    @property
    def ReferencedCommand(self):
        return self.definition

    @property
    def ResolvedCommandName(self):
        return self.definition

    def ps_to_string(self):
        return self.name


class CommandTable:
    """The cmdlets and default aliases of the loaded modules."""

    def __init__(self, modules=BUILTIN_MODULES):
        self.cmdlets: dict[str, CmdletEntry] = {}
        self.aliases: dict[str, AliasEntry] = {}
        self.modules = []
        self.completers = []      # module hooks: callable(ctx, command_name, parameter, word) -> [str]
        self.help_topics = {}     # about_ topics: name -> text
        self.help_topic_providers = []   # module hooks: callable(session) -> {name: text}, asked at each lookup
        self.command_not_found_hooks = []  # module hooks: callable(ctx, name) -> command or None (autoloading)
        self.script_preamble_hooks = []    # module hooks: callable(ctx, script_ast, path): `#requires`, `using module`
        self.command_line_hooks = []       # module hooks: callable(session, text): a line typed at the prompt
        #                                    is about to run (transcripts' invocation headers)
        self.file_redirection = None       # "module:Class" of the writer behind `> path` / `>> path`: a
        #                                    module's manifest names it (FILE_REDIRECTION); the pipeline
        #                                    makes one per redirection (redirection_writer)
        for m in modules:
            self.load_module(m)

    def load_module(self, package: str):
        try:
            pkg = importlib.import_module(package)
        except ImportError:
            return
        self.modules.append(package)
        module_name = getattr(pkg, "MODULE_NAME", package.rsplit(".", 1)[-1])
        path = getattr(pkg, "__path__", None)
        names = _manifest_names(path) if path else []
        for n in names:
            man = importlib.import_module(f"{package}.{n}")
            mod_name = getattr(man, "MODULE_NAME", module_name)
            for cname, target in getattr(man, "CMDLETS", {}).items():
                self.cmdlets[cname.lower()] = CmdletEntry(cname, target, mod_name)
            for alias, target in getattr(man, "ALIASES", {}).items():
                self.aliases[alias.lower()] = AliasEntry(alias, target, "ReadOnly")
            for hook in getattr(man, "COMPLETERS", ()):
                self.completers.append(hook)
            self.help_topics.update(getattr(man, "HELP_TOPICS", {}))
            self.help_topic_providers.extend(getattr(man, "HELP_TOPIC_PROVIDERS", ()))
            self.command_not_found_hooks.extend(getattr(man, "COMMAND_NOT_FOUND_HOOKS", ()))
            self.script_preamble_hooks.extend(getattr(man, "SCRIPT_PREAMBLE_HOOKS", ()))
            self.command_line_hooks.extend(getattr(man, "COMMAND_LINE_HOOKS", ()))
            self.file_redirection = getattr(man, "FILE_REDIRECTION", self.file_redirection)
            on_load = getattr(man, "on_load", None)
            if on_load is not None:
                on_load(self)


    def redirection_writer(self, ctx, path_text: str, append: bool):
        """The writer for `> path` / `>> path` (an implicit `| Out-File`): open(), add(obj), close()."""
        if self.file_redirection is None:
            from ..errors import PSNotSupportedException
            raise PSNotSupportedException("No loaded module writes redirected output to files.",
                                          error_id="RedirectionNotSupported", category="NotImplemented")
        mod, _, cls = self.file_redirection.partition(":")
        return getattr(importlib.import_module(mod), cls)(ctx, path_text, append)


def resolve_command(ctx, name: str, depth: int = 0):
    lname = name.lower()
    session = ctx.session
    scope = ctx.scope
    if depth < 10:
        a = scope.lookup_alias(lname) or session.commands.aliases.get(lname)
        if a is not None:
            return resolve_command(ctx, a.definition, depth + 1)
    f = scope.lookup_function(lname)
    if f is not None:
        return f
    c = session.commands.cmdlets.get(lname)
    if c is not None:
        return c
    if "\\" in name and not name.startswith((".", "/", "~")) and ":" not in name:
        # module-qualified name: Microsoft.PowerShell.Utility\Select-Object
        qualifier, _, short = name.rpartition("\\")
        c = session.commands.cmdlets.get(short.lower())
        if c is not None and c.module.lower() == qualifier.lower():
            return c
        found = _ask_hooks(ctx, name)      # a command of a script module: MyTools\Get-Thing
        if found is not None:
            return found
        if c is not None:
            return c
    if any(ch in name for ch in "\\/") or lname.endswith(".ps1"):
        try:
            path = ctx.resolve_path(name)
        except Exception:   # an unresolvable path is simply not a command
            return None
        if os.path.isfile(path) and path.lower().endswith(".ps1"):
            return ScriptEntry(path)
        if os.path.isfile(path + ".ps1"):
            return ScriptEntry(path + ".ps1")
        if os.path.isfile(path) and os.access(path, os.X_OK):
            from .native import NativeEntry
            return NativeEntry(path)
        return None
    from .native import find_native
    found = find_native(name)
    if found is None:
        found = _ask_hooks(ctx, name)
    return found


def _ask_hooks(ctx, name):
    """A name no scope or cmdlet table knows: the modules' hooks may provide it (5.1's autoloading)."""
    for hook in ctx.session.commands.command_not_found_hooks:
        found = hook(ctx, name)
        if found is not None:
            return found
    return None


def all_commands(ctx):
    """Every command visible from ctx: (name, entry) with aliases, functions, cmdlets."""
    out = []
    for a in ctx.session.commands.aliases.values():
        out.append((a.name, a))
    s = ctx.scope
    aliases = {}
    while s is not None:
        if s.aliases:
            for k, v in s.aliases.items():
                aliases.setdefault(k, v)
        s = s.parent
    out += [(a.name, a) for a in aliases.values()]
    out += [(f.name, f) for f in ctx.scope.all_functions().values()]
    out += [(c.name, c) for c in ctx.session.commands.cmdlets.values()]
    return out
