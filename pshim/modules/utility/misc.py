"""Get-Date, Start-Sleep, New-Object, Get-/Set-Alias, Invoke-Expression,
Import-PowerShellDataFile, Read-Host."""
from __future__ import annotations

import datetime as _dt
import time

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import (ItemNotFoundException, ParseError, PSException, ReturnSignal, PipelineStoppedException,
                       RuntimeException, SessionStateUnauthorizedAccessException)
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard, wildcard_match
from ...runtime.psobject import PSObject, Hashtable, ArrayList, GenericList, unwrap
from ..security.secure_string import SecureString


# ---------------------------------------------------------------------------
# Get-Date

_UFORMAT = {
    "a": "%a", "A": "%A", "b": "%b", "B": "%B", "h": "%b", "d": "%d", "H": "%H", "I": "%I", "j": "%j",
    "m": "%m", "M": "%M", "p": "%p", "S": "%S", "y": "%y", "Y": "%Y", "n": "\n", "t": "\t", "%": "%",
}


def uformat(d: _dt.datetime, fmt: str) -> str:
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            k = fmt[i + 1]
            i += 2
            if k in _UFORMAT:
                out.append(d.strftime(_UFORMAT[k]) if _UFORMAT[k].startswith("%") else _UFORMAT[k])
            elif k == "e":
                out.append(f"{d.day:>2}")
            elif k == "D":
                out.append(d.strftime("%m/%d/%y"))
            elif k == "T" or k == "X":
                out.append(d.strftime("%H:%M:%S"))
            elif k == "x":
                out.append(d.strftime("%m/%d/%y"))
            elif k == "R":
                out.append(d.strftime("%H:%M"))
            elif k == "r":
                out.append(d.strftime("%I:%M:%S %p"))
            elif k == "c":
                out.append(d.strftime("%a %b ") + f"{d.day:>2}" + d.strftime(" %H:%M:%S %Y"))
            elif k == "s":
                out.append(str(int((d - _dt.datetime(1970, 1, 1)).total_seconds())))
            elif k == "u":
                out.append(str(d.isoweekday()))
            elif k == "w":
                out.append(str((d.weekday() + 1) % 7))
            elif k == "Z":
                off = _dt.datetime.now().astimezone().utcoffset() or _dt.timedelta(0)
                h = int(off.total_seconds() // 3600)
                out.append(f"{h:+03d}")
            elif k == "V" or k == "W" or k == "U" or k == "G" or k == "g":
                out.append(d.strftime("%" + k))
            else:
                out.append(k)
            continue
        out.append(c)
        i += 1
    return "".join(out)


class GetDateCommand(Cmdlet):
    name = "Get-Date"
    dotnet_type = "Microsoft.PowerShell.Commands.GetDateCommand"
    default_parameter_set = "net"
    synopsis = "Gets the current date and time."

    Date = Parameter("datetime", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                     aliases=("LastWriteTime",))
    Year = Parameter("int", validate_range=(1, 9999))
    Month = Parameter("int", validate_range=(1, 12))
    Day = Parameter("int", validate_range=(1, 31))
    Hour = Parameter("int", validate_range=(0, 23))
    Minute = Parameter("int", validate_range=(0, 59))
    Second = Parameter("int", validate_range=(0, 59))
    Millisecond = Parameter("int", validate_range=(0, 999))
    DisplayHint = Parameter("string", validate_set=("Date", "Time", "DateTime"))
    Format = Parameter("string", parameter_set="net")
    UFormat = Parameter("string", parameter_set="UFormat")

    def process(self):
        d = self.Date if self.Date is not None else _dt.datetime.now()
        b = self.bound
        repl = {}
        for p, attr in (("Year", "year"), ("Month", "month"), ("Hour", "hour"), ("Minute", "minute"),
                        ("Second", "second")):
            if p in b:
                repl[attr] = getattr(self, p)
        if "Millisecond" in b:
            repl["microsecond"] = self.Millisecond * 1000
        if repl:
            d = d.replace(**repl)
        if "Day" in b:
            d = d.replace(day=1) + _dt.timedelta(days=self.Day - 1)
        if self.Format is not None:
            from ...runtime.datetimes import format_datetime
            self.processor.emit(format_datetime(d, self.Format))
        elif self.UFormat is not None:
            self.processor.emit(uformat(d, self.UFormat))
        elif self.DisplayHint is not None:
            # the date with a DisplayHint note: Out-Default shows only the date, only the time, or both
            o = PSObject(d)
            o.add_note("DisplayHint", cv.to_string(self.DisplayHint))
            self.processor.emit(o)
        else:
            self.processor.emit(d)


# ---------------------------------------------------------------------------
# Start-Sleep

class StartSleepCommand(Cmdlet):
    name = "Start-Sleep"
    dotnet_type = "Microsoft.PowerShell.Commands.StartSleepCommand"
    default_parameter_set = "Seconds"
    synopsis = "Suspends the activity in a script or session for the specified period of time."

    Seconds = Parameter("int", position=0, mandatory=True, parameter_set="Seconds",
                        value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                        validate_range=(0, 2147483))
    Milliseconds = Parameter("int", mandatory=True, parameter_set="Milliseconds",
                             value_from_pipeline_by_property_name=True, validate_range=(0, 2147483647))

    def process(self):
        total = (self.Milliseconds / 1000.0) if self.parameter_set_name == "Milliseconds" else float(self.Seconds)
        end = time.monotonic() + total
        session = self.ctx.session
        while True:
            if session.stopping:
                raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
            left = end - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, 0.05))


# ---------------------------------------------------------------------------
# New-Object

class NewObjectCommand(Cmdlet):
    name = "New-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.NewObjectCommand"
    default_parameter_set = "Net"
    synopsis = "Creates an instance of a Microsoft .NET Framework or COM object."

    TypeName = Parameter("string", position=0, mandatory=True, parameter_set="Net")
    ComObject = Parameter("string", position=0, mandatory=True, parameter_set="Com")
    ArgumentList = Parameter("object[]", position=1, parameter_set="Net", aliases=("Args",))
    Property = Parameter("System.Collections.IDictionary")

    def process(self):
        if self.parameter_set_name == "Com":
            raise self.terminating_error(self.error(
                f"Retrieving the COM class factory for component with CLSID {{{self.ComObject}}} failed due to the "
                "following error: 80040154 Class not registered.", "NoCOMClassIdentified,", "ResourceUnavailable"))
        tname = cv.to_string(self.TypeName).strip()
        tl = tname.lower()
        args = list(self.ArgumentList or [])
        if tl in ("psobject", "system.management.automation.psobject", "pscustomobject",
                  "system.management.automation.pscustomobject", "object", "system.object"):
            obj = PSObject() if not args else PSObject(args[0])
        elif tl in ("system.collections.arraylist", "collections.arraylist"):
            obj = ArrayList(args[0] if args and isinstance(args[0], (list, tuple)) else [])
        elif tl in ("hashtable", "system.collections.hashtable", "collections.hashtable"):
            obj = Hashtable()
        else:
            from ...runtime.types import try_resolve_type
            t = try_resolve_type(tname)
            if t is None:
                raise self.terminating_error(self.error(
                    f'Cannot find type [{tname}]: verify that the assembly containing this type is loaded.',
                    "TypeNotFound", "InvalidType", tname, PSArgumentExc))
            try:
                obj = self._construct(t, args)
            except PSException as e:
                raise self.terminating_error(self.error(e.message, e.error_id or "ConstructorInvokedThrowException",
                                                        "InvalidOperation", None, type(e)))
        if self.Property:
            from ...runtime.access import set_member
            target = obj
            for k, v in self.Property.items():
                name = cv.to_string(k)
                if isinstance(target, PSObject) and target.base is None:
                    target.add_note(name, v)
                elif isinstance(target, Hashtable):
                    target[name] = v
                else:
                    try:
                        set_member(target, name, v)
                    except PSException:
                        if not isinstance(target, PSObject):
                            target = PSObject(target)
                            obj = target
                        target.add_note(name, v)
        self.processor.emit(obj)

    def _construct(self, t, args):
        if isinstance(t.__class__, type) and t.__class__.__name__ == "GenericListType":
            items = args[0] if args and isinstance(args[0], (list, tuple)) else []
            return t.convert(items)
        ctor = getattr(t, "new", None)
        if ctor is not None:
            return ctor(*args)
        from ...runtime import statics
        from ...runtime.compile_expr import _callbacks
        try:
            return statics.invoke_static(t.full_name, "new", list(args), **_callbacks(self.ctx))
        except PSException:
            if not args:
                return t.convert(None) if t.full_name != "System.String" else ""
            if len(args) == 1:
                return t.convert(args[0])
            if getattr(t, "_convert", None) is not None:
                return t.convert(list(args))
            raise


from ...errors import PSArgumentException as PSArgumentExc  # noqa: E402


# ---------------------------------------------------------------------------
# Aliases

class GetAliasCommand(Cmdlet):
    name = "Get-Alias"
    dotnet_type = "Microsoft.PowerShell.Commands.GetAliasCommand"
    default_parameter_set = "Default"
    synopsis = "Gets the aliases for the current session."

    Name = Parameter("string[]", position=0, parameter_set="Default", value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True)
    Exclude = Parameter("string[]")
    Scope = Parameter("string")
    Definition = Parameter("string[]", parameter_set="Definition")

    def _all(self):
        out = {}
        chain = []
        if self.Scope is not None:
            # -Scope: only the aliases made in that scope (the built-in ones belong to the global scope)
            s = self.ctx._scope_for(cv.to_string(self.Scope).lower())
            if s.parent is None:
                out.update(self.ctx.session.commands.aliases)
            if s.aliases:
                out.update(s.aliases)
            return sorted(out.values(), key=lambda a: a.name.lower())
        for k, a in self.ctx.session.commands.aliases.items():
            out[k] = a
        s = self.ctx.scope
        while s is not None:
            chain.append(s)
            s = s.parent
        for sc in reversed(chain):
            if sc.aliases:
                out.update(sc.aliases)
        return sorted(out.values(), key=lambda a: a.name.lower())

    def process(self):
        aliases = self._all()
        excl = [cv.to_string(x) for x in (self.Exclude or [])]
        if self.parameter_set_name == "Definition":
            for pat in self.Definition:
                pat = cv.to_string(pat)
                hits = [a for a in aliases if wildcard_match(pat, a.definition)
                        and not any(wildcard_match(e, a.name) for e in excl)]
                if not hits and not has_wildcard(pat):
                    self.write_error(self.error(
                        f"This command cannot find a matching alias because an alias with the definition '{pat}' "
                        "does not exist.", "ItemNotFoundException", "ObjectNotFound", pat, ItemNotFoundException))
                for a in hits:
                    self.processor.emit(a)
            return
        for pat in (self.Name or ["*"]):
            pat = cv.to_string(pat)
            hits = [a for a in aliases if wildcard_match(pat, a.name) and not any(wildcard_match(e, a.name)
                                                                                   for e in excl)]
            if not hits and not has_wildcard(pat):
                self.write_error(self.error(
                    f"This command cannot find a matching alias because an alias with the name '{pat}' does not "
                    "exist.", "ItemNotFoundException", "ObjectNotFound", pat, ItemNotFoundException))
            for a in hits:
                self.processor.emit(a)


class SetAliasCommand(Cmdlet):
    name = "Set-Alias"
    dotnet_type = "Microsoft.PowerShell.Commands.SetAliasCommand"
    supports_should_process = True
    synopsis = "Creates or changes an alias for a cmdlet or other command in the current PowerShell session."

    Name = Parameter("string", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    Value = Parameter("string", position=1, mandatory=True, value_from_pipeline_by_property_name=True)
    Description = Parameter("string")
    Option = Parameter("string")
    PassThru = Parameter("switch")
    Scope = Parameter("string")
    Force = Parameter("switch")

    def process(self):
        from ...commands.discovery import AliasEntry
        name = cv.to_string(self.Name)
        value = cv.to_string(self.Value)
        if not self.should_process(f"Name: {name} Value: {value}", "Set Alias"):
            return
        sc = self.ctx._scope_for(cv.to_string(self.Scope).lower()) if self.Scope else self.ctx.scope
        if sc.aliases is None:
            sc.aliases = {}
        old = sc.aliases.get(name.lower())
        opts = {o.strip().lower() for o in cv.to_string(old.options).split(",")} if old is not None else set()
        if "constant" in opts or ("readonly" in opts and not self.Force):
            # a read-only alias changes only with -Force; a constant one never
            self.write_error(self.error(
                f"Alias was not written because alias {old.name} is read-only or constant and cannot be written to.",
                "AliasNotWritable", "WriteError", name, SessionStateUnauthorizedAccessException))
            return
        a = AliasEntry(name, value, self.Option or "None", self.Description or "")
        sc.aliases[name.lower()] = a
        if self.PassThru:
            self.processor.emit(a)


class NewAliasCommand(SetAliasCommand):
    name = "New-Alias"
    dotnet_type = "Microsoft.PowerShell.Commands.NewAliasCommand"
    synopsis = "Creates a new alias."

    def process(self):
        name = cv.to_string(self.Name)
        sc = self.ctx.scope
        if not self.Force and ((sc.aliases and name.lower() in sc.aliases)):
            self.write_error(self.error(
                f"The alias is not allowed, because an alias with the name '{name}' already exists.",
                "AliasAlreadyExists", "ResourceExists", name))
            return
        super().process()


# ---------------------------------------------------------------------------
# Invoke-Expression

class InvokeExpressionCommand(Cmdlet):
    name = "Invoke-Expression"
    dotnet_type = "Microsoft.PowerShell.Commands.InvokeExpressionCommand"
    synopsis = "Runs commands or expressions on the local computer."

    Command = Parameter("string", position=0, mandatory=True, value_from_pipeline=True)

    def process(self):
        from ...language import parse
        from ...runtime.compile_stmt import compile_script_block
        text = cv.to_string(self.Command)
        try:
            ast = parse(text)
        except ParseError as e:
            rec = e.error_record
            raise self.terminating_error(rec)
        comp = compile_script_block(ast)
        emit = self.processor.emit
        for block in (comp.begin, comp.process, comp.end):
            if block is None:
                continue
            try:
                block(self.ctx, emit)
            except ReturnSignal:
                pass


# ---------------------------------------------------------------------------
# Import-PowerShellDataFile

class ImportPowerShellDataFileCommand(Cmdlet):
    name = "Import-PowerShellDataFile"
    dotnet_type = "Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"
    module_name = "Microsoft.PowerShell.Utility"
    default_parameter_set = "ByPath"
    synopsis = "Imports values from a .PSD1 file without invoking its contents."

    Path = Parameter("string[]", position=0, mandatory=True, parameter_set="ByPath",
                     value_from_pipeline=True, value_from_pipeline_by_property_name=True)
    LiteralPath = Parameter("string[]", mandatory=True, parameter_set="ByLiteralPath",
                            value_from_pipeline_by_property_name=True, aliases=("PSPath",))

    def process(self):
        import os
        from ...language import parse
        from ...language import ast as A
        from ...runtime.compile_expr import compile_expr
        paths = self.Path if self.parameter_set_name == "ByPath" else self.LiteralPath
        for p in paths:
            full = self.ctx.resolve_path(cv.to_string(p))
            if not os.path.exists(full):
                self.write_error(self.error(f"Cannot find path '{full}' because it does not exist.",
                                            "PathNotFound", "ObjectNotFound", full, ItemNotFoundException))
                continue
            try:
                self.processor.emit(read_data_file(self.ctx, full))
            except ParseError as e:
                raise self.terminating_error(e.error_record)
            except DataFileError as e:
                raise self.terminating_error(self.error(str(e), e.error_id, "InvalidData", full))


class DataFileError(Exception):
    error_id = "CouldNotParseAsPowerShellDataFileNoHashtableRoot"


def read_data_file(ctx, path: str):
    """The hashtable a .psd1 data file holds, read with pshim's own parser (Import-PowerShellDataFile,
    module manifests, lab definitions). Raises ParseError (also for anything restricted language does
    not permit: the file's code never runs), or DataFileError when the file does not hold a single
    hashtable."""
    from ...language import parse
    from ...language import ast as A
    from ...language.restricted import check_restricted
    from ...runtime.compile_expr import compile_expr
    from ...commands.function import decode_script
    with open(path, "rb") as fh:
        text = decode_script(fh.read())
    ast = parse(text, path)
    h = _single_hashtable(ast, A)
    if h is None:
        raise DataFileError(f"Cannot parse the file '{path}'. The file does not contain a single hashtable.")
    check_restricted(h)
    return compile_expr(h)(ctx)


def _single_hashtable(ast, A):
    node = ast
    for _ in range(8):
        if isinstance(node, A.HashtableAst):
            return node
        kids = []
        for attr in ("end", "body", "statements", "elements", "expression", "pipeline"):
            v = getattr(node, attr, None)
            if v is None:
                continue
            kids.extend(v if isinstance(v, list) else [v])
        if len(kids) != 1:
            return None
        node = kids[0]
    return None


# ---------------------------------------------------------------------------
# Read-Host

class ReadHostCommand(Cmdlet):
    name = "Read-Host"
    dotnet_type = "Microsoft.PowerShell.Commands.ReadHostCommand"
    synopsis = "Reads a line of input from the console."

    Prompt = Parameter("object", position=0, value_from_remaining_arguments=True)
    AsSecureString = Parameter("switch")

    def process(self):
        prompt = self.Prompt
        text = "" if prompt is None else (" ".join(cv.to_string(x) for x in prompt)
                                          if isinstance(prompt, (list, tuple)) else cv.to_string(prompt))
        if self.AsSecureString:
            self.processor.emit(SecureString(self.host.prompt_secret(text + ": " if text else "")))
            return
        line = self.host.prompt_line(text + ": " if text else "")
        self.processor.emit(line)
