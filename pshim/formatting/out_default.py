"""The output state machine of Out-Default/Out-Host/Out-String/Out-File:
format packets in, text lines out, with the blank lines 5.1 writes.

    FormatStart  -> ""                      GroupEnd  -> (wide: last row) ""
    GroupStart   -> ["", "   Label: v", ""] FormatEnd -> ""
                    table: header; list/wide: ""
    entry        -> table row | list lines + "" | wide cell | custom text
    out-of-band  -> raw text | "" + list lines + ""

Tables whose first column has no fixed width, and -AutoSize output, are held
back while their widths are measured: the rows of the first 300 ms of a group
(all rows with -AutoSize), as 5.1 does.

`render_lines(objects, width, ctx)` is the whole pipeline for callers that have
all objects; Out-* commands keep an OutputSession open across records.
"""
from __future__ import annotations

import time

from .formatter import Formatter, FormatParams
from .listing import list_lines
from .packets import FormatStart, GroupStart, FormatEntry, GroupEnd, FormatEnd, is_packet
from .table import TableWriter, wide_items_per_row
from .text import cells

GROUPING_WINDOW = 0.3      # seconds of rows used to size a table without widths
DEFAULT_WIDTH = 120        # Out-String / Out-File width when there is no console
FALLBACK_CONSOLE_WIDTH = 79


class _GroupCache:
    """5.1 OutputGroupQueue: holds a group's packets until it ends (or the
    time window closes), so column widths can be measured first."""

    def __init__(self, renderer, all_rows: bool):
        self.r = renderer
        self.all_rows = all_rows
        self.active = False
        self.queue = []
        self.started = 0.0

    def add(self, p):
        if not self.active and isinstance(p, GroupStart):
            self.active = True
            self.queue = [p]
            self.started = time.monotonic()
            return None
        if self.active and (isinstance(p, GroupEnd) or
                            (not self.all_rows and time.monotonic() - self.started > GROUPING_WINDOW)):
            self.queue.append(p)
            self.r.measure(self.queue)
            self.active = False
            out, self.queue = self.queue, []
            return out
        if self.active:
            self.queue.append(p)
            return None
        return [p]

    def drain(self):
        if not self.queue:
            return []
        if self.active:
            self.r.measure(self.queue)
        out, self.queue = self.queue, []
        self.active = False
        return out


class Renderer:
    """Packets to lines. `write(line)` receives each line (no newline)."""

    def __init__(self, width: int, write):
        self.width = width
        self.write = write
        self.cache = None
        self.fmt = None            # current FormatStart
        self.group = None          # current group context dict
        self.hint = None
        self.in_group = False

    # -- input ----------------------------------------------------------------
    def feed(self, p):
        if isinstance(p, FormatStart):
            if self.in_group:
                self.finish()
            if p.auto_size:
                self.cache = _GroupCache(self, all_rows=True)
            elif p.shape == "table" and p.columns and p.columns[0].width == 0:
                self.cache = _GroupCache(self, all_rows=False)
            else:
                self.cache = None
        elif isinstance(p, GroupStart):
            self.in_group = True
        elif isinstance(p, GroupEnd):
            self.in_group = False
        if self.cache is None:
            self._process(p)
            return
        out = self.cache.add(p)
        if out:
            for q in out:
                self._process(q)

    def finish(self):
        if self.cache is not None:
            for q in self.cache.drain():
                self._process(q)
            self.cache = None

    # -- measuring (the cached group) ---------------------------------------------
    def measure(self, packets):
        fmt = self._pending_format
        self.hint = None
        if fmt is None:
            return
        if fmt.shape == "table":
            widths = []
            for c in fmt.columns:
                widths.append(cells(c.label) if c.label else 0)
            for p in packets:
                if isinstance(p, FormatEntry) and not p.out_of_band and p.kind == "row":
                    for i, v in enumerate(p.data):
                        if i < len(widths):
                            n = cells(v)
                            if n > widths[i]:
                                widths[i] = n
            self.hint = ("table", widths)
        elif fmt.shape == "wide" and not fmt.wide_columns:
            m = 0
            for p in packets:
                if isinstance(p, FormatEntry) and not p.out_of_band and p.kind == "wide" and p.data:
                    m = max(m, cells(p.data))
            self.hint = ("wide", m)

    _pending_format = None

    # -- processing -------------------------------------------------------------
    def _process(self, p):
        w = self.write
        if isinstance(p, FormatEntry):
            if p.out_of_band or self.group is None:
                self._out_of_band(p)
            else:
                self._payload(p)
        elif isinstance(p, FormatStart):
            self.fmt = p
            self._pending_format = p
            w("")
        elif isinstance(p, GroupStart):
            if p.label_text is not None:
                w("")
                w(p.label_text)
                w("")
            self._group_start()
        elif isinstance(p, GroupEnd):
            if self.group is not None and self.group["shape"] == "wide":
                self._flush_wide()
            self.group = None
            w("")
        elif isinstance(p, FormatEnd):
            self.fmt = None
            w("")

    def _group_start(self):
        fmt = self.fmt
        hint, self.hint = self.hint, None
        shape = fmt.shape if fmt is not None else "list"
        g = {"shape": shape}
        self.group = g
        if shape == "table":
            cols = fmt.columns
            if not cols:
                g["writer"] = None
                return
            widths = hint[1] if hint and hint[0] == "table" else [c.width for c in cols]
            g["writer"] = TableWriter(self.width, widths, [c.alignment for c in cols], fmt.hide_header)
            for line in g["writer"].header_lines([c.label or "" for c in cols]):
                self.write(line)
        elif shape == "wide":
            n = 2
            if hint and hint[0] == "wide" and hint[1] > 0:
                n = wide_items_per_row(hint[1], self.width)
            elif fmt.wide_columns > 0:
                n = fmt.wide_columns
            g["per_row"] = n
            g["buffer"] = []
            g["writer"] = TableWriter(self.width, [0] * n, [1] * n)
            self.write("")
        elif shape == "list":
            self.write("")

    def _payload(self, p):
        g = self.group
        shape = g["shape"]
        if shape == "table":
            writer = g.get("writer")
            if writer is None or p.kind != "row":
                return
            aligns, multiline = p.aux if p.aux else (None, False)
            for line in writer.row_lines(p.data, aligns, multiline):
                self.write(line)
        elif shape == "list":
            for line in list_lines(p.data, self.width):
                self.write(line)
            self.write("")
        elif shape == "wide":
            g["buffer"].append(p.data)
            if len(g["buffer"]) == g["per_row"]:
                self._flush_wide()
        else:
            self._custom(p.data)

    def _flush_wide(self):
        g = self.group
        buf = g["buffer"]
        if not buf:
            return
        vals = buf + [""] * (g["per_row"] - len(buf))
        for line in g["writer"].row_lines(vals):
            self.write(line)
        g["buffer"] = []

    def _custom(self, text):
        for line in (text or "").replace("\r", "").split("\n"):
            self.write(line)

    def _out_of_band(self, p):
        if p.kind == "raw":
            self.write(p.data)
        elif p.kind == "custom":
            self._custom(p.data)
        elif p.kind == "list":
            self.write("")
            for line in list_lines(p.data, self.width):
                self.write(line)
            self.write("")
        elif p.kind == "row":
            self.write(" ".join(p.data))
        else:
            self.write(p.data if isinstance(p.data, str) else str(p.data))


class OutputSession:
    """Objects (or packets) in, lines out: a default Formatter for plain
    objects feeding one Renderer. Used by every Out-* command."""

    def __init__(self, width: int, write, ctx=None):
        self.ctx = ctx
        self.renderer = Renderer(width, write)
        self.formatter = None

    def add(self, obj):
        if is_packet(obj):
            if self.formatter is not None:
                for p in self.formatter.end():
                    self.renderer.feed(p)
                self.formatter = None
            self.renderer.feed(obj)
            return
        if self.formatter is None:
            self.formatter = Formatter(None, None, self.ctx)
        for p in self.formatter.process(obj):
            self.renderer.feed(p)

    def close(self):
        if self.formatter is not None:
            for p in self.formatter.end():
                self.renderer.feed(p)
            self.formatter = None
        self.renderer.finish()


def render_lines(objects, width: int = DEFAULT_WIDTH, ctx=None) -> list[str]:
    """All lines 5.1 writes for `objects | Out-String -Stream`."""
    lines: list[str] = []
    s = OutputSession(width, lines.append, ctx)
    for o in objects:
        s.add(o)
    s.close()
    return lines


def render_text(objects, width: int = DEFAULT_WIDTH, ctx=None) -> str:
    """`objects | Out-String`: every line followed by a newline."""
    lines = render_lines(objects, width, ctx)
    return "".join(line + "\n" for line in lines)


def format_packets(objects, shape, params: FormatParams | None = None, ctx=None) -> list:
    """What `objects | Format-<shape>` writes to the pipeline."""
    f = Formatter(shape, params or FormatParams(), ctx)
    out = []
    for o in objects:
        out.extend(f.process(o))
    out.extend(f.end())
    return out


class OutDefaultWriter:
    """The host side of Out-Default: lines go to `write(text)` as they are made."""

    def __init__(self, ctx, width: int, write):
        self._write = write
        self.session = OutputSession(width or DEFAULT_WIDTH, self._line, ctx)

    def _line(self, line):
        self._write(line + "\n")

    def add(self, obj):
        self.session.add(obj)

    def flush(self):
        pass

    def close(self):
        self.session.close()
