"""Source positions.

An Extent is a slice of one source text, kept as offsets into that text so
that building one is cheap (the parser makes thousands); line, column and the
source line are computed only when an error message needs them.
"""
from __future__ import annotations

import bisect


class SourceText:
    """One piece of source code (a command line, a script file) and its name."""

    __slots__ = ("text", "path", "_line_starts")

    def __init__(self, text: str, path: str | None = None):
        self.text = text
        self.path = path
        self._line_starts = None

    def line_starts(self):
        if self._line_starts is None:
            starts = [0]
            text = self.text
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._line_starts = starts
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        starts = self.line_starts()
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        starts = self.line_starts()
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


class Extent:
    __slots__ = ("source", "start", "end")

    def __init__(self, source: SourceText | None, start: int = 0, end: int = 0):
        self.source = source
        self.start = start
        self.end = end

    @property
    def text(self) -> str:
        if self.source is None:
            return ""
        return self.source.text[self.start:self.end]

    @property
    def line(self) -> int:
        return self.source.line_col(self.start)[0] if self.source else 0

    @property
    def column(self) -> int:
        return self.source.line_col(self.start)[1] if self.source else 0

    @property
    def path(self) -> str | None:
        return self.source.path if self.source else None

    def position_message(self) -> str:
        """The `At line:1 char:8` / `+ text` / `+ ~~~` block of 5.1's error view."""
        if self.source is None:
            return ""
        line, col = self.source.line_col(self.start)
        where = self.source.path or "line"
        src = self.source.line_text(line).replace("\t", "    ")
        end_line, end_col = self.source.line_col(max(self.start, self.end))
        if end_line != line:
            width = max(1, len(src) - col + 1)
        else:
            width = max(1, end_col - col)
        col0 = col - 1
        # 5.1 windows long lines around the error position with "... " markers.
        if len(src) > 69:
            lead = max(0, min(col0 - 20, len(src) - 69))
            shown = src[lead:lead + 69]
            prefix = "... " if lead > 0 else ""
            suffix = " ..." if lead + 69 < len(src) else ""
            col0 = col0 - lead + len(prefix)
            width = max(1, min(width, len(shown) + len(prefix) - col0))
            src = prefix + shown + suffix
        return f"At {where}:{line} char:{col}\n+ {src}\n+ {' ' * col0}{'~' * width}"

    def __repr__(self):
        return f"Extent({self.start}, {self.end}, {self.text!r})"


EMPTY_EXTENT = Extent(None, 0, 0)
