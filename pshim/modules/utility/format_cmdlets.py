"""Format-Table, Format-List, Format-Wide (they write format packets) and
Out-String, Out-Host, Out-Default (they render objects and packets to text)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet, Parameter
from ...errors import error_record, PSArgumentException, PipelineStoppedException, RuntimeException, StopUpstream
from ...formatting.expressions import parse_property_list, FormatSpecError, TABLE_KEYS, LIST_KEYS, WIDE_KEYS
from ...formatting.formatter import Formatter, FormatParams, ViewNotFound
from ...formatting.out_default import OutputSession
from .out_file import default_width
from .table_styles import TABLE_STYLES, render_styled_table

_EXPAND = ("EnumOnly", "CoreOnly", "Both")


class _FormatCommand(Cmdlet):
    shape = ""
    keys = TABLE_KEYS
    InputObject = Parameter("psobject", value_from_pipeline=True)
    GroupBy = Parameter("object")
    View = Parameter("string")
    ShowError = Parameter("switch")
    DisplayError = Parameter("switch")
    Force = Parameter("switch")
    Expand = Parameter("string", validate_set=_EXPAND)

    def _spec_error(self, e: FormatSpecError):
        return self.terminating_error(error_record(e.message, e.error_id, "InvalidArgument", None,
                                                   PSArgumentException))

    def params(self) -> FormatParams:
        try:
            props = parse_property_list(self.Property, self.keys) if self.Property is not None else None
            group = None
            if self.GroupBy is not None:
                g = parse_property_list(self.GroupBy, ("Expression", "Label", "Name", "FormatString"))
                group = g[0] if g else None
        except FormatSpecError as e:
            raise self._spec_error(e)
        return FormatParams(properties=props, group_by=group, view_name=self.View, force=bool(self.Force),
                            expand=self.Expand, display_error=bool(self.DisplayError),
                            show_error=bool(self.ShowError))

    def begin(self):
        self._f = Formatter(self.shape, self.params(), self.ctx)

    def process(self):
        try:
            packets = self._f.process(self.InputObject)
        except ViewNotFound as e:
            raise self.terminating_error(error_record(e.message, "FormatViewNotFound", "ObjectNotFound",
                                                      self.View, PipelineStoppedException))
        for p in packets:
            self.write_object(p)
        self._failed_expressions()

    def end(self):
        for p in self._f.end():
            self.write_object(p)
        self._failed_expressions()

    def _failed_expressions(self):
        """-ShowError: each expression that failed is an error record in the formatted output."""
        failed, self._f.failed = self._f.failed, []
        for text, obj in failed:
            self.write_object(error_record(f'Failed to evaluate expression "{text}".', "PSPropertyExpressionError",
                                           "InvalidArgument", obj, RuntimeException))


class FormatTableCommand(_FormatCommand):
    name = "Format-Table"
    dotnet_type = "Microsoft.PowerShell.Commands.FormatTableCommand"
    shape = "table"
    Property = Parameter("object[]", position=0)
    AutoSize = Parameter("switch")
    HideTableHeaders = Parameter("switch")
    Wrap = Parameter("switch")
    # pshim extension: markdown/grid/... tables for documents (see table_styles.py)
    TableStyle = Parameter("string", validate_set=tuple(TABLE_STYLES))

    def begin(self):
        if self.TableStyle:
            self._rows = []
            self._specs = self.params().properties
            return
        super().begin()

    def process(self):
        if self.TableStyle:
            if self.InputObject is not None:
                self._rows.append(self.InputObject)
            return
        super().process()

    def end(self):
        if self.TableStyle:
            limit = self.ctx.get_variable("FormatEnumerationLimit", 4)
            for line in render_styled_table(self._rows, self._specs, self.TableStyle, self.ctx,
                                            limit if isinstance(limit, int) else 4):
                self.write_object(line)
            return
        super().end()

    def params(self):
        p = super().params()
        if "AutoSize" in self.bound:
            p.auto_size = bool(self.AutoSize)
        if "HideTableHeaders" in self.bound:
            p.hide_header = bool(self.HideTableHeaders)
        if "Wrap" in self.bound:
            p.wrap = bool(self.Wrap)
        return p


class FormatListCommand(_FormatCommand):
    name = "Format-List"
    dotnet_type = "Microsoft.PowerShell.Commands.FormatListCommand"
    shape = "list"
    keys = LIST_KEYS
    Property = Parameter("object[]", position=0)


class FormatWideCommand(_FormatCommand):
    name = "Format-Wide"
    dotnet_type = "Microsoft.PowerShell.Commands.FormatWideCommand"
    shape = "wide"
    keys = WIDE_KEYS
    Property = Parameter("object", position=0)
    AutoSize = Parameter("switch")
    Column = Parameter("int", validate_range=(1, 2147483647))

    def params(self):
        p = super().params()
        if "AutoSize" in self.bound:
            p.auto_size = bool(self.AutoSize)
        if self.Column is not None:
            p.columns = int(self.Column)
        return p


class OutStringCommand(Cmdlet):
    name = "Out-String"
    dotnet_type = "Microsoft.PowerShell.Commands.OutStringCommand"
    Stream = Parameter("switch")
    Width = Parameter("int", validate_range=(2, 2147483647))
    InputObject = Parameter("psobject", value_from_pipeline=True)

    def begin(self):
        self._lines = []
        write = self.write_object if self.Stream else self._lines.append
        self._s = OutputSession(self.Width or default_width(self.ctx), write, self.ctx)

    def process(self):
        self._s.add(self.InputObject)

    def end(self):
        self._s.close()
        if not self.Stream:
            self.write_object("".join(line + "\n" for line in self._lines))


class _HostOutput(Cmdlet):
    module_name = "Microsoft.PowerShell.Core"
    InputObject = Parameter("psobject", value_from_pipeline=True)

    def begin(self):
        host = self.ctx.host
        width = host.output_width() if hasattr(host, "output_width") else default_width(self.ctx)
        self._s = OutputSession(width, self.line_writer(host), self.ctx)

    def line_writer(self, host):
        return lambda line: host.write(line + "\n")

    def process(self):
        self._s.add(self.InputObject)

    def end(self):
        self._s.close()


PAGING_PROMPT = "<SPACE> next page; <CR> next line; Q quit"


class _Pager:
    """Out-Host -Paging: a window's worth of lines, then the paging prompt. The answer is read as a
    line: Enter shows one more line, Q (or end of input) quits, anything else shows the next page."""

    def __init__(self, host, height):
        self.host = host
        self.page = max(1, height - 1)
        self.left = self.page
        self.quit = False

    def __call__(self, line):
        if self.quit:
            return
        if self.left == 0:
            self.host.write(PAGING_PROMPT)
            answer = self.host.read_line()
            if answer is None or answer.strip().lower() == "q":
                self.quit = True
                return
            self.left = 1 if answer == "" else self.page
        self.host.write(line + "\n")
        self.left -= 1


class OutHostCommand(_HostOutput):
    name = "Out-Host"
    dotnet_type = "Microsoft.PowerShell.Commands.OutHostCommand"
    Paging = Parameter("switch")

    def line_writer(self, host):
        self._pager = None
        height = host.ui_height() if hasattr(host, "ui_height") else None
        if self.Paging and height and getattr(host, "interactive", False):
            self._pager = _Pager(host, height)
            return self._pager
        return super().line_writer(host)

    def process(self):
        super().process()
        if self._pager is not None and self._pager.quit:
            raise StopUpstream(self.processor)     # Q: the commands before stop, as at Ctrl+C, quietly


class OutDefaultCommand(_HostOutput):
    name = "Out-Default"
    dotnet_type = "Microsoft.PowerShell.Commands.OutDefaultCommand"
