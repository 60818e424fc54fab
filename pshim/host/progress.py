"""The progress display of the console host: the outstanding activities and how they are drawn.

PendingProgress keeps the activities a host has been told about (a tree: an activity with a
ParentActivityId of another activity from the same source is shown under it) and renders them as
Windows PowerShell 5.1's console does, in text lines (no terminal needed, so BufferHost and tests use it):

     <blank border line>
     Activity
        Status
        [ooooooooooooooooooooo                                         ]
        00:00:12 remaining.
     <blank>
        CurrentOperation
       Child activity                 (nested activities indented 2 more)
     <blank border line>

The bar is as wide as the display allows and filled in proportion to PercentComplete (no bar when it is
negative); "remaining" appears only when SecondsRemaining >= 0. When the activities need more than a
third of the window, the oldest are drawn more tersely (two lines, then one, then not at all, with
"N activities not shown..."), as 5.1 does.

TerminalProgressPane draws that block on a real terminal. 5.1 paints it over the top of the console
window and puts back the saved cells when it goes; a VT terminal cannot give cells back, so the pane is
drawn instead on the lines below the cursor (as PowerShell's console host does on Unix): it makes room
with IND (scrolling if the cursor is on the last line), saves the cursor, paints, and restores the cursor,
so output carries on where it was. Before the host writes or reads, the block is erased (everything
below the cursor line) and it is painted again after a write. A record that only changes the text of the
block is drawn at most once per 50 ms (a later record or write shows the latest state); a new, moved or
completed activity is drawn at once, and the end of the top-level command takes the block down.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
import unicodedata

MAX_NODES = 128                      # 5.1 keeps at most this many activities, evicting the oldest
FULL, COMPACT, MINIMAL, INVISIBLE = 3, 2, 1, 0


def cells(text: str) -> int:
    """Terminal cells `text` takes (East Asian wide characters take two, combining marks none)."""
    n = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def truncate(text: str, width: int) -> str:
    if len(text) <= width and text.isascii():
        return text
    out, used = [], 0
    for ch in text:
        w = 0 if unicodedata.combining(ch) else (2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def _clean(text) -> str:
    """Control characters (an escape sequence in an activity name included) are shown as spaces."""
    if text is None:
        return ""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else " " for ch in text)


def time_span(seconds: int) -> str:
    """A TimeSpan of whole seconds as .NET prints it: hh:mm:ss, d.hh:mm:ss from a day on."""
    import datetime
    from ..runtime.datetimes import format_timespan
    return format_timespan(datetime.timedelta(seconds=seconds))


class _Activity:
    __slots__ = ("source_id", "activity_id", "parent_id", "activity", "status", "operation", "percent",
                 "seconds", "children", "age", "style")

    def __init__(self, source_id, record):
        self.source_id = source_id
        self.activity_id = record.ActivityId
        self.parent_id = record.ParentActivityId
        self.children = []
        self.age = 0
        self.style = FULL
        self.take(record)

    def take(self, record):
        self.activity = _clean(record.Activity)
        self.status = _clean(record.StatusDescription)
        self.operation = _clean(record.CurrentOperation)
        self.percent = min(record.PercentComplete, 100)
        self.seconds = record.SecondsRemaining

    def shape(self):
        return self.percent >= 0, self.seconds >= 0, bool(self.operation)

    def render(self, out: list, indent: int, width: int):
        if self.style == INVISIBLE:
            return
        pad = " " * indent
        pct = f"{self.percent}% " if self.percent >= 0 else ""
        left = time_span(self.seconds) + " " if self.seconds >= 0 else ""
        if self.style == MINIMAL:
            out.append(truncate(f" {pad}{self.activity} {pct}{left}{self.status} ", width))
            return
        out.append(truncate(f" {pad}{self.activity} ", width))
        inner = indent + 3
        pad = " " * inner
        if self.style == COMPACT:
            out.append(truncate(f" {pad}{pct}{left}{self.status} ", width))
            if self.operation:
                out.append(truncate(f" {pad}{self.operation} ", width))
            return
        out.append(truncate(f" {pad}{self.status} ", width))
        if self.percent >= 0:
            bar = max(3, width - inner - 9)
            filled = self.percent * bar // 100
            if self.percent < 100 and filled == bar:
                filled -= 1          # never look finished before it is
            out.append(truncate(f" {pad}[{'o' * filled}{' ' * (bar - filled)}] ", width))
        if self.seconds >= 0:
            out.append(truncate(f" {pad}{time_span(self.seconds)} remaining.  ", width))
        if self.operation:
            out.append(" ")
            out.append(truncate(f" {pad}{self.operation} ", width))


class PendingProgress:
    """The activities a host is showing, keyed by (source id, ActivityId)."""

    def __init__(self):
        self.roots: list[_Activity] = []
        self.count = 0

    def __bool__(self):
        return bool(self.roots)

    def clear(self):
        self.roots = []
        self.count = 0

    # -- updating ----------------------------------------------------------------------------
    def update(self, source_id: int, record) -> bool:
        """Take one ProgressRecord: a new activity, an update, a move under another parent, or
        (Completed) the end of one, whose children then take its place. Returns False when the record
        only changed the text of an activity's lines (not which lines there are)."""
        if record.ParentActivityId == record.ActivityId:
            return False
        found = self._find(self.roots, source_id, record.ActivityId)
        if found is not None:
            siblings, i, node = found
            if record.RecordType == "Completed" or record.ParentActivityId != node.parent_id:
                self._remove_promoting(siblings, i)
            else:
                shape = node.shape()
                node.take(record)
                node.age = 0
                self._age()
                return node.shape() != shape
        if record.RecordType == "Completed":
            self._age()
            return found is not None
        node = _Activity(source_id, record)
        while self.count >= MAX_NODES:
            self._evict()
        if node.parent_id >= 0:
            parent = self._find(self.roots, source_id, node.parent_id)
            if parent is not None:
                parent[2].children.append(node)
                self.count += 1
                self._age()
                return True
            node.parent_id = -1       # parent unknown yet: shown at the top; re-parented when it comes
        self.roots.append(node)
        self.count += 1
        self._age()
        return True

    def _find(self, nodes, source_id, activity_id):
        for i, n in enumerate(nodes):
            if n.activity_id == activity_id and n.source_id == source_id:
                return nodes, i, n
            if n.children:
                hit = self._find(n.children, source_id, activity_id)
                if hit is not None:
                    return hit
        return None

    def _remove_promoting(self, siblings, i):
        node = siblings.pop(i)
        self.count -= 1
        for c in node.children:
            c.parent_id = -1
        siblings[i:i] = node.children

    def _evict(self):
        """Drop the oldest activity that has no children (5.1's oldest leaf-most node)."""
        nodes = self.roots
        while True:
            oldest = max(range(len(nodes)), key=lambda k: nodes[k].age)
            if not nodes[oldest].children:
                nodes.pop(oldest)
                self.count -= 1
                return
            nodes = nodes[oldest].children

    def _walk(self, nodes=None):
        for n in self.roots if nodes is None else nodes:
            yield n
            if n.children:
                yield from self._walk(n.children)

    def _age(self):
        for n in self._walk():
            n.age += 1
            n.style = FULL

    # -- rendering ---------------------------------------------------------------------------
    def render(self, width: int, max_height: int) -> list[str]:
        """The block's lines (each at most `width` cells; no trailing padding), [] when nothing is
        outstanding. Nodes are compressed, oldest first, until the activities fit in max_height lines."""
        if not self.roots:
            return []
        width = max(width, 10)
        hidden = 0
        if self._height(width) > max_height:
            hidden = self._compress(width, max_height)
        lines = [""]
        self._render(lines, self.roots, 0, width)
        if hidden:
            lines.append(truncate(f" {hidden} activit{'y' if hidden == 1 else 'ies'} not shown...", width))
        lines.append("")
        return lines

    def _render(self, out, nodes, indent, width):
        for n in nodes:
            before = len(out)
            n.render(out, indent, width)
            if n.children:
                self._render(out, n.children, indent + (2 if len(out) > before else 0), width)

    def _height(self, width) -> int:
        out = []
        self._render(out, self.roots, 0, width)
        return len(out)

    def _compress(self, width, max_height) -> int:
        for old, new in ((FULL, COMPACT), (COMPACT, MINIMAL), (MINIMAL, INVISIBLE)):
            for node in sorted((n for n in self._walk() if n.style == old), key=lambda n: -n.age):
                node.style = new
                if self._height(width) <= max_height:
                    return sum(1 for n in self._walk() if n.style == INVISIBLE)
        return sum(1 for n in self._walk() if n.style == INVISIBLE)


# ---------------------------------------------------------------------------
# drawing on a terminal

_COLORS = "\x1b[93;46m"        # 5.1's progress colours: Yellow on DarkCyan
_RESET = "\x1b[0m"
_SAVE, _RESTORE = "\x1b7", "\x1b8"
_INDEX = "\x1bD"               # down one line, scrolling at the bottom; the column is kept
_NEXT_LINE = "\r\x1b[B"        # to column 1 of the line below (never scrolls)
_ERASE_BELOW = "\x1b[J"
REDRAW_INTERVAL = 0.05


class TerminalProgressPane:
    """Draws a PendingProgress below the cursor line of a VT terminal (see the module docstring)."""

    def __init__(self, stream, size=None, clock=time.monotonic):
        self.stream = stream
        self.size = size or self._terminal_size
        self.clock = clock
        self.pending = PendingProgress()
        self.shown = 0                 # lines of the block on the screen now
        self.last_draw = 0.0
        self.lock = threading.RLock()

    def _terminal_size(self):
        """The terminal's own size (a COLUMNS/LINES left in the environment may be stale; drawing by it
        would wrap the block)."""
        try:
            return os.get_terminal_size(self.stream.fileno())
        except (AttributeError, ValueError, OSError):
            return shutil.get_terminal_size((120, 40))

    def _lines(self) -> list[str]:
        cols, rows = self.size()
        if cols < 12 or rows < 4:
            return []
        lines = self.pending.render(cols - 1, max(5, rows // 3))
        return lines[:rows - 1]

    def update(self, source_id, record):
        with self.lock:
            reshaped = self.pending.update(source_id, record)
            if self.shown and not reshaped and self.clock() - self.last_draw < REDRAW_INTERVAL:
                return                  # only text changed, just drawn: a later record or write shows it
            lines = self._lines()
            if lines:
                self._draw(lines)
            else:
                self.hide()

    def _draw(self, lines):
        cols = self.size()[0] - 1
        n = len(lines)
        out = [_INDEX * n, f"\x1b[{n}A", _SAVE]
        for i, line in enumerate(lines):
            out.append(_NEXT_LINE + _COLORS + line + " " * max(0, cols - cells(line)) + _RESET)
            out.append(_ERASE_BELOW if i == n - 1 else "\x1b[K")
        out.append(_RESTORE)
        self.shown = n                 # before painting: a paint cut short (Ctrl+C) is still erased
        self._emit("".join(out))
        self.last_draw = self.clock()

    def hide(self):
        """Erase the block (the lines below the cursor line); what is pending stays."""
        with self.lock:
            if self.shown:
                self.shown = 0
                self._emit(_SAVE + _NEXT_LINE + _ERASE_BELOW + _RESTORE)

    def show(self):
        """Paint the block again (after the host wrote text) when there is something to show."""
        with self.lock:
            if self.pending:
                lines = self._lines()
                if lines:
                    self._draw(lines)

    def reset(self):
        """The top-level command ended: take the block down and forget its activities."""
        with self.lock:
            was_shown = self.shown
            self.hide()
            self.pending.clear()
            if was_shown:
                self._emit(_RESET)       # an interrupted paint leaves no colour behind

    def _emit(self, text):
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):    # the terminal went away: nothing more to draw on
            self.shown = 0
