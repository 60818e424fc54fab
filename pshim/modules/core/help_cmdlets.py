"""Get-Help, Get-Command and Clear-Host.

Help text is data in pshim/help/ (cmdlets_*.py, about.py) plus the loaded
modules' HELP_TOPICS; syntax and parameters always come from the command's
declared metadata, so every registered command has help.
"""
from __future__ import annotations

import os
import sys

from ...commands.cmdlet import Cmdlet
from ...errors import ParseError
from ...commands.parameters import Parameter, ParameterSetData, ALL_SETS
from ...runtime.psobject import PSObject, DotNetObject, Hashtable
from ...runtime.wildcard import has_wildcard, wildcard_match

CORE = "Microsoft.PowerShell.Core"

# ---------------------------------------------------------------------------
# command lookup shared by Get-Help and Get-Command

_KIND_ORDER = {"Alias": 0, "Function": 1, "Filter": 1, "Cmdlet": 2, "ExternalScript": 3}


_has_wildcard = has_wildcard


def _wild(pattern: str, name: str) -> bool:
    return wildcard_match(pattern, name)


def visible_commands(ctx, every: bool = False):
    """[(name, kind, entry)] for every alias, function and cmdlet, deduplicated by name (the one that
    runs); with `every` (Get-Command -All) also the ones a same-named command hides."""
    from ...commands.discovery import all_commands
    seen = {}
    out = []
    for name, entry in all_commands(ctx):
        kind = getattr(entry, "CommandType", "Cmdlet")
        real = getattr(entry, "name", name)
        key = real.lower()
        if key not in seen:
            seen[key] = [entry]
            out.append((real, kind, entry))
        elif every and all(entry is not e for e in seen[key]):
            seen[key].append(entry)
            out.append((real, kind, entry))
    return out


def command_metadata(ctx, entry):
    kind = getattr(entry, "kind", None)
    if kind == "cmdlet":
        return entry.load().metadata()
    sb = getattr(entry, "script_block", None)
    if sb is not None:
        from ...commands.function import metadata_for
        return metadata_for(sb, entry.name)
    if kind == "script":
        from ...commands.function import metadata_for, script_file_block
        return metadata_for(script_file_block(ctx, entry.path), entry.Name, True)
    return None


def resolve_alias(ctx, entry, depth=0):
    """The command an alias finally points at (or the entry itself)."""
    from ...commands.discovery import resolve_command
    if getattr(entry, "CommandType", "") == "Alias" and depth < 10:
        target = resolve_command(ctx, entry.definition)
        return target
    return entry


def module_of(entry) -> str:
    return getattr(entry, "module", "") or ""


def exported_by_module(session, patterns, entry) -> bool:
    """Whether a loaded script module matching one of `patterns` exports `entry` (a command it took from a
    nested module counts as the module's own, as Get-Command -Module shows it)."""
    from .module_loader import module_table
    for m in module_table(session).visible:
        if any(_wild(p, m.Name) for p in patterns):
            if any(member is entry for member in list(m.functions.values()) + list(m.aliases.values())):
                return True
    return False


def synopsis_of(ctx, entry) -> str:
    from ...help import command_help
    name = getattr(entry, "name", "")
    data = command_help(name)
    if data and data.get("synopsis"):
        return data["synopsis"]
    if getattr(entry, "kind", None) == "cmdlet":
        try:
            return entry.load().synopsis or ""
        except Exception:   # a module that fails to import still lists
            return ""
    if getattr(entry, "script_block", None) is not None:
        comment = _comment_help(ctx, entry)            # a function's comment help names its synopsis
        if comment and comment.get("synopsis"):
            return " ".join(comment["synopsis"].split())
    return ""


# ---------------------------------------------------------------------------
# Get-Command's output objects

class ParameterMetadataInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.ParameterMetadata", "System.Object")
    ps_properties = ("Name", "ParameterType", "ParameterSets", "IsDynamic", "Aliases", "Attributes",
                     "SwitchParameter")

    def __init__(self, p):
        self.Name = p.name
        self.ParameterType = p.type
        self.ParameterSets = Hashtable((s, None) for s in p.sets)
        self.IsDynamic = False
        self.Aliases = list(p.aliases)
        self.Attributes = []
        self.SwitchParameter = p.is_switch

    def ps_to_string(self):
        return self.Name


def _parameters_table(md):
    h = Hashtable()
    if md is not None:
        for p in md.parameters:
            h[p.name] = ParameterMetadataInfo(p)
    return h


def _verb_noun(name):
    v, sep, n = name.partition("-")
    return (v, n) if sep else ("", "")


def command_info(ctx, entry):
    """A CommandInfo-like object for Get-Command: the entry itself, with the
    extra members (Verb, Noun, Definition, Parameters, ...) of a CmdletInfo."""
    kind = getattr(entry, "kind", None)
    if kind == "cmdlet":
        try:
            entry.load()
        except Exception:   # a cmdlet whose module fails to import is still listed
            return entry
        from ...commands.discovery import CmdletEntry

        class CmdletInfo(CmdletEntry):
            ps_properties = ("CommandType", "Name", "Version", "Source", "Verb", "Noun", "HelpFile",
                             "PSSnapIn", "ImplementingType", "Definition", "DefaultParameterSet", "OutputType",
                             "Options", "ModuleName", "Module", "Parameters", "ParameterSets", "Visibility")
            ps_default_display = ("CommandType", "Name", "Version", "Source")

        info = CmdletInfo(entry.name, entry.target, entry.module)
        info._cls = entry._cls
        md = entry.load().metadata()
        from ...help.render import syntax_lines
        info.Verb, info.Noun = _verb_noun(entry.name)
        info.HelpFile = ""
        info.PSSnapIn = ""
        cls = entry.load()
        info.ImplementingType = cls.dotnet_type or cls.__name__
        info.Definition = "\n" + "\n\n".join(syntax_lines(md)) + "\n"
        info.DefaultParameterSet = md.default_set or ALL_SETS
        info.OutputType = [cls.output_type] if cls.output_type else []
        info.Options = "ReadOnly"
        info.Module = entry.module
        info.Parameters = _parameters_table(md)
        info.ParameterSets = list(md.parameter_sets)
        info.Visibility = "Public"
        return info
    return entry


# the CommandInfo table view is a built-in view (pshim/formatting/builtin_views.py)


# ---------------------------------------------------------------------------

class GetHelpCommand(Cmdlet):
    name = "Get-Help"
    dotnet_type = "Microsoft.PowerShell.Commands.GetHelpCommand"
    module_name = CORE
    default_parameter_set = "AllUsersView"
    synopsis = "Shows help for commands and about_ topics."
    Name = Parameter("string", position=0, value_from_pipeline_by_property_name=True)
    Category = Parameter("string[]", validate_set=("Alias", "Cmdlet", "Provider", "General", "FAQ",
                                                   "Glossary", "HelpFile", "ScriptCommand", "Function",
                                                   "Filter", "ExternalScript", "All", "DefaultHelp",
                                                   "Workflow", "DscResource", "Class", "Configuration"))
    Component = Parameter("string[]")
    Functionality = Parameter("string[]")
    Role = Parameter("string[]")
    Full = Parameter("switch", parameter_set="AllUsersView")
    Detailed = Parameter("switch", mandatory=True, parameter_set="DetailedView")
    Examples = Parameter("switch", mandatory=True, parameter_set="Examples")
    Parameter_ = Parameter("string", mandatory=True, parameter_set="Parameters", name="Parameter")
    Online = Parameter("switch", mandatory=True, parameter_set="Online")

    def _mode(self):
        if self.Examples:
            return "examples"
        if self.Detailed:
            return "detailed"
        if self.Full:
            return "full"
        return "default"

    def process(self):
        from ...help import about_topics
        from ...help.render import render_topic
        ctx = self.ctx
        name = self.Name
        if self.Online:
            self.throw_terminating_error(self.error(
                "pshim has no online help; the help shown by Get-Help is complete.", "InvalidOperation",
                "InvalidOperation", name))
        topics = about_topics(ctx.session)
        if not name:
            self.write_object(render_topic("about_pshim_help", topics["about_pshim_help"]))
            return
        if not _has_wildcard(name):
            for tname, text in topics.items():
                if tname.lower() == name.lower():
                    self.write_object(render_topic(tname, text))
                    return
            from ...commands.discovery import resolve_command
            entry = resolve_command(ctx, name)
            if entry is not None and self._in_filters(entry):
                self._show(entry, name)
                return
            pattern = f"*{name}*"
        else:
            pattern = name
        matches = self._search(pattern, topics)
        if len(matches) == 1 and not _has_wildcard(name):
            kind, mname, entry, _ = matches[0]
            if kind == "HelpFile":
                self.write_object(render_topic(mname, topics[mname]))
            else:
                self._show(entry, mname)
            return
        if not matches:
            self.write_error(self.error(
                f"Get-Help could not find {name} in a help file in this session.",
                "HelpNotFound", "ResourceUnavailable", name))
            return
        for kind, mname, entry, module in matches:
            obj = PSObject.from_pairs([("Name", mname), ("Category", kind), ("Module", module),
                                       ("Synopsis", self._synopsis(kind, mname, entry, topics))])
            self.write_object(obj)

    def _synopsis(self, kind, name, entry, topics):
        if kind == "HelpFile":
            text = topics[name]
            lines = [ln.strip() for ln in text.split("\n")]
            for i, ln in enumerate(lines):
                if ln.upper() == "SHORT DESCRIPTION" and i + 1 < len(lines):
                    return lines[i + 1]
            return ""
        if kind == "Alias":
            return entry.definition
        return synopsis_of(self.ctx, entry)

    def _search(self, pattern, topics):
        cats = {c.lower() for c in (self.Category or [])}
        out = []
        for name, kind, entry in sorted(visible_commands(self.ctx), key=lambda t: t[0].lower()):
            if cats and kind.lower() not in cats and "all" not in cats:
                continue
            if _wild(pattern, name) and self._in_filters(entry):
                out.append((kind, name, entry, module_of(entry)))
        if self._filters():
            return out        # about_ topics name no component, functionality or role
        if not cats or cats & {"helpfile", "all"}:
            for tname in sorted(topics, key=str.lower):
                if _wild(pattern, tname):
                    out.append(("HelpFile", tname, None, ""))
        return out

    def _filters(self):
        """(help field, patterns) of -Component, -Functionality and -Role."""
        return [(key, [str(p) for p in vals]) for key, vals in
                (("component", self.Component), ("functionality", self.Functionality), ("role", self.Role))
                if vals]

    def _in_filters(self, entry) -> bool:
        """-Component/-Functionality/-Role: only commands whose help names a matching value in each of
        those fields (a help entry's "component", "functionality", "role" lists); help without the
        field never matches, as in 5.1."""
        filters = self._filters()
        if not filters:
            return True
        from ...help import command_help
        target = resolve_alias(self.ctx, entry)
        name = getattr(target, "name", None) or getattr(target, "Name", "") if target is not None else ""
        data = command_help(name) or {}
        for key, patterns in filters:
            values = data.get(key) or []
            if isinstance(values, str):
                values = [values]
            if not any(_wild(p, v) for p in patterns for v in values):
                return False
        return True

    def _show(self, entry, typed_name):
        from ...help import command_help
        from ...help.render import render_command, render_parameters
        ctx = self.ctx
        target = resolve_alias(ctx, entry)
        if target is None:
            self.write_error(self.error(f"Get-Help could not find {typed_name} in a help file in this session.",
                                        "HelpNotFound", "ResourceUnavailable", typed_name))
            return
        name = getattr(target, "name", None) or getattr(target, "Name", typed_name)
        md = command_metadata(ctx, target)
        comment = _comment_help(ctx, target)
        forward = self._forward_target(ctx, target, comment)
        depth = self.__dict__.get("_forwards", 0)
        if forward is not None and depth < 8:              # forwards that loop stop somewhere
            self.__dict__["_forwards"] = depth + 1
            self._show(forward, getattr(forward, "name", typed_name))
            return
        if comment is not None and md is not None and _has_content(comment):
            self._show_comment_help(ctx, target, name, md, comment)
            return
        data = dict(command_help(name) or {})
        if not data.get("synopsis"):
            data["synopsis"] = synopsis_of(ctx, target)
        kind = getattr(target, "CommandType", "Cmdlet")
        pname = self.__dict__.get("Parameter")
        if pname:
            text = render_parameters(name, md, data, pname) if md is not None else None
            if text is None:
                self.write_error(self.error(f"No parameter matches criteria {pname}.", "NoParmsFound",
                                            "InvalidArgument", pname))
                return
            self.write_object(text)
            return
        self.write_object(render_command(name, md, data, self._mode(), module_of(target), kind))


    def _forward_target(self, ctx, target, comment):
        """.FORWARDHELPTARGETNAME (with .FORWARDHELPCATEGORY): the command whose help 5.1 shows instead
        (a proxy function forwards to its cmdlet, `Module\\Name` or -Category Cmdlet naming the cmdlet)."""
        name = (comment or {}).get("forward_target")
        if not name:
            return None
        from ...commands.discovery import resolve_command
        category = str((comment or {}).get("forward_category") or "").lower()
        short = name.rpartition("\\")[2]
        entry = None
        if category == "cmdlet" or "\\" in name:
            entry = ctx.session.commands.cmdlets.get(short.lower())
        if entry is None and category != "cmdlet":
            entry = resolve_command(ctx, name)
        return entry if entry is not None and entry is not target else None

    def _show_comment_help(self, ctx, target, name, md, data):
        """A function's or script's comment help, in 5.1's layout (pshim/help/comment_render.py)."""
        from ...help import comment_render
        sb = _script_block_of(ctx, target)
        if getattr(target, "kind", None) == "script":
            name = ctx.session.drives.to_ps_path(target.path)
        data = dict(data)
        if not data.get("outputs_list"):
            data["output_types"] = comment_render.output_types(sb)
        params = comment_render.parameter_asts(sb)
        try:
            width = ctx.host.ui_width() or 120
        except Exception:   # a host without a console
            width = 120
        pname = self.__dict__.get("Parameter")
        if pname:
            text = comment_render.render_parameter(md, data, pname, params, width)
            if text is None:
                self.write_error(self.error(f"No parameter matches criteria {pname}.", "NoParmsFound",
                                            "InvalidArgument", pname))
                return
            self.write_object(text)
            return
        self.write_object(comment_render.render(name, md, data, self._mode(), params, width))


def _has_content(data) -> bool:
    """Whether comment help says anything: a comment with nothing but .EXTERNALHELP (whose MAML file pshim
    does not read) leaves the command with the help its metadata gives, as 5.1 does when the file is missing."""
    return any(data.get(k) for k in ("synopsis", "description", "parameters", "examples", "related", "inputs_list",
                                     "outputs_list", "notes", "component", "role", "functionality"))


def _script_block_of(ctx, target):
    sb = getattr(target, "script_block", None)
    if sb is None and getattr(target, "kind", None) == "script":
        from ...commands.function import script_file_block
        try:
            sb = script_file_block(ctx, target.path)
        except Exception:   # a script that no longer parses: shown without its parameters' details
            sb = None
    return sb


def _comment_help(ctx, target) -> dict | None:
    """Comment-based help of a function or script (None for cmdlets and for code without it)."""
    from ...help.comment_help import function_help, script_help
    sb = getattr(target, "script_block", None)
    if sb is not None:
        return function_help(sb)
    if getattr(target, "kind", None) == "script":
        from types import SimpleNamespace
        from ...commands.function import decode_script
        try:
            with open(target.path, "rb") as f:
                text = decode_script(f.read())
            ast = ctx.session.parse(text, target.path)
        except (OSError, ParseError):
            return None
        return script_help(text, SimpleNamespace(ast=ast))
    return None


class GetCommandCommand(Cmdlet):
    name = "Get-Command"
    dotnet_type = "Microsoft.PowerShell.Commands.GetCommandCommand"
    module_name = CORE
    default_parameter_set = "CmdletSet"
    synopsis = "Lists the commands of the session: cmdlets, functions, aliases and scripts."
    Name = Parameter("string[]", sets=[ParameterSetData("AllCommandSet", position=0,
                                                         from_pipeline_by_name=True)])
    Verb = Parameter("string[]", parameter_set="CmdletSet", value_from_pipeline_by_property_name=True)
    Noun = Parameter("string[]", parameter_set="CmdletSet", value_from_pipeline_by_property_name=True)
    Module = Parameter("string[]", aliases=("PSSnapin",), value_from_pipeline_by_property_name=True)
    CommandType = Parameter("string[]", parameter_set="AllCommandSet", aliases=("Type",),
                            validate_set=("Alias", "Function", "Filter", "Cmdlet", "ExternalScript",
                                          "Application", "Script", "Workflow", "Configuration", "All"))
    TotalCount = Parameter("int")
    Syntax = Parameter("switch")
    All = Parameter("switch")
    ParameterName = Parameter("string[]")
    ParameterType = Parameter("string[]")

    def end(self):
        ctx = self.ctx
        found = []
        names = self.Name
        if names:
            for n in names:
                hits = self._by_name(n)
                if not hits and not _has_wildcard(n):
                    from ...commands.processor import command_not_found
                    exc = command_not_found(n, None)
                    rec = exc.error_record
                    rec.invocation = None
                    rec.command_fqid_suffix = None
                    self.write_error(self.error(exc.message, "CommandNotFoundException", "ObjectNotFound", n))
                    continue
                found += [h for h in hits if all(h is not f for f in found)]
        else:
            found = self._all()
        if self.Module or not names or any(_has_wildcard(n) for n in names):
            found = self._with_available(found, names)
        found = self._filter(found)
        if self.TotalCount is not None and self.TotalCount >= 0:
            found = found[:self.TotalCount]
        for entry in found:
            if self.Syntax:
                self.write_object(self._syntax(entry))
            else:
                self.write_object(command_info(ctx, entry))

    def _with_available(self, found, names):
        """Add the commands of modules on PSModulePath that are not imported (5.1 lists them without
        importing the module): with -Module those of the matching modules, with a wildcard name or no
        name those that match."""
        from .module_loader import available_commands
        have = {(getattr(e, "name", None) or getattr(e, "Name", "")).lower() for e in found}
        extra = []
        for e in available_commands(self.ctx, self.Module):
            if e.name.lower() in have:
                continue
            if names and not any(_wild(n, e.name) for n in names):
                continue
            have.add(e.name.lower())
            extra.append(e)
        if not extra:
            return found
        items = [(getattr(e, "CommandType", "Cmdlet"), (getattr(e, "name", None) or getattr(e, "Name", "")), e)
                 for e in found + extra]
        items.sort(key=lambda t: (_KIND_ORDER.get(t[0], 9), t[1].lower()))
        return [e for _, _, e in items]

    def _all(self):
        items = visible_commands(self.ctx, bool(self.All))
        kinds = {k.lower() for k in (self.CommandType or [])}
        if self.Verb or self.Noun:
            items = [t for t in items if t[1] in ("Cmdlet", "Function", "Filter")]
        elif not kinds or "all" in kinds:
            pass
        items.sort(key=lambda t: (_KIND_ORDER.get(t[1], 9), t[0].lower()))
        return [e for _, _, e in items]

    def _by_name(self, pattern):
        ctx = self.ctx
        if _has_wildcard(pattern):
            items = [t for t in visible_commands(ctx, bool(self.All)) if _wild(pattern, t[0])]
            items.sort(key=lambda t: (_KIND_ORDER.get(t[1], 9), t[0].lower()))
            return [e for _, _, e in items]
        from ...commands.discovery import resolve_command
        lname = pattern.lower()
        # the alias itself, not what it points at
        a = ctx.scope.lookup_alias(lname) or ctx.session.commands.aliases.get(lname)
        e = resolve_command(ctx, pattern) if a is None else None
        first = [x for x in (a, e) if x is not None]
        if not self.All:
            return first
        # -All: also the commands of that name that the first one hides (a cmdlet behind a function)
        more = [x for n, _, x in visible_commands(ctx, True) if n.lower() == lname and all(x is not f for f in first)]
        return first + more

    def _filter(self, entries):
        out = []
        kinds = {k.lower() for k in (self.CommandType or [])}
        if "script" in kinds:
            kinds.add("externalscript")
        for e in entries:
            kind = getattr(e, "CommandType", "Cmdlet")
            name = getattr(e, "name", None) or getattr(e, "Name", "")
            if kinds and "all" not in kinds and kind.lower() not in kinds:
                continue
            verb, noun = _verb_noun(name)
            if self.Verb and not any(_wild(v, verb) for v in self.Verb):
                continue
            if self.Noun and not any(_wild(n, noun) for n in self.Noun):
                continue
            if self.Module:
                mod = module_of(e)
                if kind == "Alias" and hasattr(e, "definition"):
                    t = resolve_alias(self.ctx, e)
                    mod = module_of(t) if t is not None else ""
                if not any(_wild(m, mod) for m in self.Module) and \
                        not exported_by_module(self.ctx.session, self.Module, e):
                    continue
            if self.ParameterName or self.ParameterType:
                if kind == "Alias":
                    continue
                md = None
                try:
                    md = command_metadata(self.ctx, resolve_alias(self.ctx, e))
                except Exception:   # a command whose metadata fails has no parameters to match
                    pass
                if md is None:
                    continue
                if self.ParameterName and not any(any(_wild(pn, p.name) for p in md.parameters)
                                                  for pn in self.ParameterName):
                    continue
                if self.ParameterType and not any(_type_matches(pt, p) for p in md.parameters
                                                  for pt in self.ParameterType):
                    continue
            out.append(e)
        return out

    def _syntax(self, entry):
        from ...help.render import syntax_lines
        kind = getattr(entry, "CommandType", "Cmdlet")
        if kind == "Alias":
            return getattr(entry, "definition", "")
        md = command_metadata(self.ctx, entry)
        name = getattr(entry, "name", None) or getattr(entry, "Name", "")
        if md is None:
            return name
        return "\n" + "\n\n".join(syntax_lines(md, name)) + "\n"


def _type_matches(pattern, p) -> bool:
    """-ParameterType: the parameter's type by full name (System.String) or short name (String, string),
    wildcards allowed."""
    pattern = str(pattern)
    if pattern.startswith("[") and pattern.endswith("]") and not pattern.endswith("[]"):
        pattern = pattern[1:-1]          # [pscredential]
    full = p.full_type_name
    names = {full, full.rpartition(".")[2], p.type}
    return any(_wild(pattern, n) for n in names)


class ClearHostCommand(Cmdlet):
    name = "Clear-Host"
    dotnet_type = "Microsoft.PowerShell.Commands.ClearHostCommand"
    module_name = CORE
    synopsis = "Clears the console screen."

    def process(self):
        host = self.ctx.host
        out = getattr(host, "stdout", None)
        if out is not None and hasattr(out, "isatty") and out.isatty():
            out.write("\x1b[2J\x1b[3J\x1b[H")
            out.flush()
