"""Get-History, Add-History, Clear-History, Invoke-History: the session's command history
(runtime/history.py), which the interactive shell fills with one entry per line it runs."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ArgumentException, InvalidOperationException
from ...runtime.history import HistoryInfo, PIPELINE_STATES

_NS = "Microsoft.PowerShell.Commands."
_CORE = "Microsoft.PowerShell.Core"


def _history(cmd):
    return cmd.ctx.session.history


class GetHistoryCommand(Cmdlet):
    name = "Get-History"
    dotnet_type = _NS + "GetHistoryCommand"
    module_name = _CORE
    synopsis = "Gets a list of the commands entered during the current session."
    output_type = "Microsoft.PowerShell.Commands.HistoryInfo"

    Id = Parameter("long[]", position=0, value_from_pipeline=True, validate_range=(1, 2 ** 63 - 1))
    Count = Parameter("int", position=1, validate_range=(0, 32767))

    def process(self):
        hist = _history(self)
        if self.Id:
            for i in self.Id:
                entry = hist.get(int(i))
                if entry is None:
                    self.write_error(self.error(f"Cannot locate history for Id {int(i)}.",
                                                "GetHistoryNoHistoryForId", "ObjectNotFound", int(i),
                                                ArgumentException))
                else:
                    self.write_object(entry)
            return
        entries = hist.newest(self.Count) if self.is_bound("Count") else list(hist)
        for e in entries:
            self.write_object(e)


_STATUS_FIELDS = ("CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime")


def _member(obj, name):
    from ...runtime.access import get_member
    return get_member(obj, name)


def _status_name(value):
    """A PipelineState given as the enum, its name or its number (a deserialized entry keeps the number)."""
    from ...runtime.conversion import to_string
    from ...runtime.psobject import unwrap
    v = unwrap(value)
    number = _member(v, "value__") if not isinstance(v, (str, int)) else None
    if isinstance(number, int):
        v = number
    if isinstance(v, int) and not isinstance(v, bool):
        return PIPELINE_STATES[v] if 0 <= v < len(PIPELINE_STATES) else None
    text = getattr(v, "name", None) if not isinstance(v, str) else v
    text = to_string(text if text is not None else v).strip().lower()
    return next((s for s in PIPELINE_STATES if s.lower() == text), None)


class AddHistoryCommand(Cmdlet):
    name = "Add-History"
    dotnet_type = _NS + "AddHistoryCommand"
    module_name = _CORE
    synopsis = "Appends entries to the session history."
    output_type = "Microsoft.PowerShell.Commands.HistoryInfo"

    InputObject = Parameter("psobject[]", position=0, value_from_pipeline=True)
    PassThru = Parameter("switch")

    def process(self):
        for obj in self.InputObject or []:
            self._add(obj)

    def _add(self, obj):
        try:
            values = {}
            for f in _STATUS_FIELDS:
                values[f] = _member(obj, f)
            line = values["CommandLine"]
            status = _status_name(values["ExecutionStatus"])
            start, end = values["StartExecutionTime"], values["EndExecutionTime"]
            from ...runtime.conversion import to_string
            from ...runtime.types import resolve_type
            to_dt = resolve_type("datetime").convert
            start, end = to_dt(start), to_dt(end)
            if line is None or status is None or start is None or end is None:
                raise ValueError
            line = to_string(line)
        except Exception:   # any missing or unconvertible field: the object is not a history entry
            self.write_error(self.error(
                "Cannot add history because the input object has a format that is not valid.",
                "AddHistoryInvalidInput", "InvalidData", obj, InvalidOperationException))
            return
        entry = _history(self).add(line, status, start, end)
        if self.PassThru:
            self.write_object(entry)


class ClearHistoryCommand(Cmdlet):
    name = "Clear-History"
    dotnet_type = _NS + "ClearHistoryCommand"
    module_name = _CORE
    synopsis = "Deletes entries from the session history."
    supports_should_process = True
    default_parameter_set = "IDParameter"

    Id = Parameter("int[]", position=0, parameter_set="IDParameter", validate_range=(1, 2 ** 31 - 1))
    CommandLine = Parameter("string[]", parameter_set="CommandLineParameter", validate_not_null=True)
    Count = Parameter("int", position=1, validate_range=(1, 2 ** 31 - 1))
    Newest = Parameter("switch")

    def end(self):
        hist = _history(self)
        entries = list(hist)
        if self.parameter_set_name == "CommandLineParameter":
            from ...runtime.operators import wildcard_match
            selected = []
            for pattern in self.CommandLine:
                hits = [e for e in entries if wildcard_match(pattern, e.CommandLine)]
                if not hits:
                    self.write_error(self.error(f"Cannot locate history for commandline {pattern}.",
                                                "NoHistoryForCommandline", "ObjectNotFound", pattern,
                                                ArgumentException))
                    continue
                selected += self._limit(hits)
        elif self.Id:
            selected = []
            for i in self.Id:
                if self.is_bound("Count"):
                    pos = next((k for k, e in enumerate(entries) if int(e.Id) == i), None)
                    if pos is None:
                        self._missing(i)
                        continue
                    n = self.Count
                    selected += entries[pos:pos + n] if self.Newest else entries[max(0, pos - n + 1):pos + 1]
                else:
                    e = hist.get(i)
                    if e is None:
                        self._missing(i)
                        continue
                    selected.append(e)
        elif self.is_bound("Count"):
            selected = self._limit(entries)
        else:
            selected = entries
        if not selected:
            return
        if not self.should_process("This command will clear all the entries from the session history."
                                   if len(selected) == len(entries) and not self.is_bound("Id")
                                   and self.parameter_set_name != "CommandLineParameter"
                                   else ", ".join(str(int(e.Id)) for e in selected), "Clear-History"):
            return
        hist.remove(selected)

    def _limit(self, items):
        if not self.is_bound("Count"):
            return items
        return items[-self.Count:] if self.Newest else items[:self.Count]

    def _missing(self, i):
        self.write_error(self.error(f"Cannot locate history for Id {i}.", "GetHistoryNoHistoryForId",
                                    "ObjectNotFound", i, ArgumentException))


class InvokeHistoryCommand(Cmdlet):
    name = "Invoke-History"
    dotnet_type = _NS + "InvokeHistoryCommand"
    module_name = _CORE
    synopsis = "Runs commands from the session history."
    supports_should_process = True
    confirm_impact = "Medium"

    Id = Parameter("string", position=0, value_from_pipeline_by_property_name=True)

    def end(self):
        entry = self._find()
        if entry is None:
            return
        line = entry.CommandLine
        if not self.should_process(line, "Invoke-History"):
            return
        session = self.ctx.session
        record = session.history_in_progress
        if record is not None:
            # the shell's entry for this line becomes the command that ran (5.1)
            record["line"] = line
        self.host.write_line(line)
        from ...language import parse
        from ...runtime.compile_stmt import compile_script_block
        ast = parse(line)
        comp = compile_script_block(ast)
        emit = self.write_object
        for block in (comp.begin, comp.process, comp.end):
            if block is not None:
                block(self.ctx, emit)

    def _find(self) -> HistoryInfo | None:
        hist = _history(self)
        text = self.Id
        if text is None or text == "":
            entry = hist.last()
            if entry is None:
                self.throw_terminating_error(self.error("Cannot locate most recent history.",
                                                        "InvokeHistoryNoLastHistoryEntryFound",
                                                        "ObjectNotFound", None, InvalidOperationException))
            return entry
        try:
            number = int(text)
        except ValueError:
            number = None
        if number is not None:
            if number <= 0:
                self.throw_terminating_error(self.error(
                    f"Cannot locate history for Id {number}.", "InvokeHistoryNoHistoryForId",
                    "ObjectNotFound", number, ArgumentException))
            entry = hist.get(number)
            if entry is None:
                self.throw_terminating_error(self.error(
                    f"Cannot locate history for Id {number}.", "InvokeHistoryNoHistoryForId",
                    "ObjectNotFound", number, ArgumentException))
            return entry
        for e in reversed(hist.entries):
            if e.CommandLine.lower().startswith(text.lower()):
                return e
        self.throw_terminating_error(self.error(
            f"Cannot locate history for commandline {text}.", "InvokeHistoryNoHistoryForCommandline",
            "ObjectNotFound", text, ArgumentException))



def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view("Microsoft.PowerShell.Commands.HistoryInfo",
                  TableView([Column("Id", width=4, alignment="right"), Column("CommandLine")]))


_register_views()
