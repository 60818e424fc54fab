"""List text as 5.1 writes it: labels padded to the longest label, then
" : ", then the value; value lines after the first and wrapped parts are
indented under the value column."""
from __future__ import annotations

from .text import cells, generate_lines, split_lines

SEPARATOR = " : "


def list_lines(pairs: list[tuple[str, str]], width: int) -> list[str]:
    """Lines of one object's list entry (no blank lines around it)."""
    if not pairs:
        return []
    if width - len(SEPARATOR) - 1 - 1 < 0:
        return []
    max_label = width - len(SEPARATOR) - 1
    lens = [cells(lab) for lab, _ in pairs]
    label_len = min(max(lens), max_label)
    labels = []
    for (lab, _), n in zip(pairs, lens):
        if n < label_len:
            lab = lab + " " * (label_len - n)
        elif n > label_len:
            lab = lab[:label_len]
        labels.append(lab + SEPARATOR)
    label_len += len(SEPARATOR)
    indent = " " * label_len
    room = width - label_len
    out = []
    for lab, (_, value) in zip(labels, pairs):
        for k, line in enumerate(split_lines(value or "")):
            prefix = lab if k == 0 else indent
            for j, part in enumerate(generate_lines(line or "", room, room)):
                out.append((prefix if j == 0 else indent) + part)
    return out
