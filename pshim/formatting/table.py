"""Table text as 5.1 writes it: one space between columns, every cell padded
to its column width (the last column too), values that do not fit cut to
width-3 plus `...` (right-aligned columns lose their head instead), the dash
line as long as each label, labels wider than their column wrapped."""
from __future__ import annotations

from .text import cells, generate_lines, truncate_at_newline

ELLIPSIS = "..."
SEPARATOR = 1
MIN_SCREEN_COLUMNS = 5
LEFT, CENTER, RIGHT = 1, 2, 3


def fit_column_widths(widths: list[int], table_width: int, min_width: int = 1, sep: int = SEPARATOR):
    """5.1 ColumnWidthManager: give unspecified (0) columns the spare room one
    character at a time; when too wide, shrink the last visible column, hiding
    it (-1) when it would drop below min_width. Works in place."""
    def current(ws):
        vis = [w for w in ws if w > 0]
        return sum(vis) + sep * (len(vis) - 1)

    all_set = all(w > 0 for w in widths)
    if all_set:
        if sum(widths) + sep * (len(widths) - 1) <= table_width:
            return widths
    else:
        fixed = [w > 0 for w in widths]
        for i, w in enumerate(widths):
            if w == 0:
                widths[i] = min_width
        spare = table_width - current(widths)
        if spare >= 0:
            while spare > 0:
                for i in range(len(widths)):
                    if not fixed[i]:
                        widths[i] += 1
                        spare -= 1
                        if spare == 0:
                            break
            return widths
    while True:
        over = current(widths) - table_width
        if over <= 0:
            break
        last = len(widths) - 1
        for i, w in enumerate(widths):
            if w < 0:
                last = i - 1
                break
        if last < 0:
            break
        shrunk = widths[last] - over
        widths[last] = -1 if shrunk < min_width else shrunk
    return widths


def row_field(val: str, width: int, alignment: int) -> str:
    """One cell: padded to width, or cut with `...`."""
    text = truncate_at_newline(val, ELLIPSIS) or ""
    n = cells(text)
    if n < width:
        pad = width - n
        if alignment == CENTER:
            left = pad // 2
            return " " * left + text + " " * (pad - left)
        if alignment == RIGHT:
            return " " * pad + text
        return text + " " * pad
    if n > width:
        keep = width - len(ELLIPSIS)
        if keep > 0:
            if alignment == RIGHT:
                text = ELLIPSIS + text[len(text) - keep:]
            else:
                text = text[:keep] + ELLIPSIS
        else:
            text = text[len(text) - width:] if alignment == RIGHT else text[:width]
    return text


class TableWriter:
    def __init__(self, screen_width: int, widths: list[int], alignments: list[int], hide_header=False):
        self.disabled = False
        self.hide_header = hide_header
        if screen_width < MIN_SCREEN_COLUMNS:
            self.disabled = True
            return
        widths = fit_column_widths(list(widths), screen_width)
        if not any(w >= 1 for w in widths):
            self.disabled = True
            return
        self.widths = widths
        self.alignments = [a if a else LEFT for a in alignments]

    def header_lines(self, labels: list[str]) -> list[str]:
        if self.disabled or self.hide_header:
            return []
        lines = self.multiline_row(labels, self.alignments)
        dashes = []
        for i, w in enumerate(self.widths):
            if w <= 0:
                dashes.append("")
                continue
            n = w
            lab = labels[i] if i < len(labels) else ""
            if lab:
                n = min(n, cells(lab))
            dashes.append("-" * n)
        lines.append(self.single_row(dashes, self.alignments))
        return lines

    def row_lines(self, values: list[str], alignments=None, multiline=False) -> list[str]:
        if self.disabled:
            return []
        aligns = self.alignments
        if alignments:
            aligns = [a if a else self.alignments[i] for i, a in enumerate(alignments)]
        if multiline:
            return self.multiline_row(values, aligns)
        return [self.single_row(values, aligns)]

    def single_row(self, values, aligns) -> str:
        parts = []
        first = True
        for i, w in enumerate(self.widths):
            if w <= 0:
                continue
            v = values[i] if i < len(values) else ""
            cell = row_field(v if v is not None else "", w, aligns[i])
            parts.append(cell if first else " " + cell)
            first = False
        return "".join(parts)

    def multiline_row(self, values, aligns) -> list[str]:
        visible = [i for i, w in enumerate(self.widths) if w > 0]
        if not visible:
            return []
        columns = []
        for j, i in enumerate(visible):
            w = self.widths[i]
            v = values[i] if i < len(values) else ""
            lines = generate_lines(v or "", w, w)
            lines = [row_field(s, w, aligns[i]) if cells(s) < w else s for s in lines]
            if j > 0:
                lines = [" " + s for s in lines]
            columns.append(lines)
        height = max(len(c) for c in columns)
        for j, c in enumerate(columns):
            w = self.widths[visible[j]] + (1 if j > 0 else 0)
            c.extend([" " * w] * (height - len(c)))
        return ["".join(c[k] for c in columns) for k in range(height)]


def wide_items_per_row(item_len: int, screen_columns: int) -> int:
    """How many items of item_len fit on a line (5.1's best fit for Format-Wide -AutoSize)."""
    if item_len <= 0 or screen_columns < 1 or item_len >= screen_columns:
        return 1
    n = 1
    while True:
        k = n + 1
        if item_len * k + (k - 1) >= screen_columns:
            return n
        n += 1
