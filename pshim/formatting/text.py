"""Line helpers shared by the table, list and wide writers: splitting at
newlines, truncating a cell at its first line break, and wrapping a long
line at word boundaries the way 5.1 does for English cultures."""
from __future__ import annotations

SOFT_HYPHEN = "\u00ad"
HARD_HYPHEN = "\u2011"
NBSP = "\u00a0"


def cells(s: str) -> int:
    """Display length of a string (text outputs count one cell per character)."""
    return len(s)


def split_lines(s: str) -> list[str]:
    """Lines of a value: carriage returns dropped, split at line feeds."""
    if not s:
        return [s]
    return s.replace("\r", "").split("\n")


def truncate_at_newline(s: str, ellipsis: str = "...") -> str:
    if not s:
        return s
    for i, c in enumerate(s):
        if c == "\n" or c == "\r":
            return s[:i] + ellipsis
    return s


def _words(s: str):
    """(word, delimiter) pairs: spaces, tabs and soft hyphens end a word and are
    kept as its delimiter; hard hyphens and no-break spaces end it silently."""
    buf = []
    for c in s:
        if c == " " or c == "\t" or c == SOFT_HYPHEN:
            yield "".join(buf), c
            buf = []
        elif c == HARD_HYPHEN or c == NBSP:
            yield "".join(buf), ""
            buf = []
        else:
            buf.append(c)
    yield "".join(buf), ""


def generate_lines(val: str, first_len: int, following_len: int) -> list[str]:
    """Wrap `val` into lines of at most first_len (then following_len) cells,
    breaking at word boundaries; a word longer than a line is split."""
    if not val:
        return [val]
    out: list[str] = []
    for line in split_lines(val):
        if cells(line) <= first_len:
            out.append(line)
            continue
        room = first_len          # space left on the current line
        limit = first_len         # length of the current line
        first = True
        cur: list[str] = []
        for word, delim in _words(line):
            if delim == SOFT_HYPHEN:
                if cells(word) + 1 == room:
                    word += "-"
            elif delim:
                word += delim
            wlen = cells(word)
            if limit == 0:
                if first:
                    first = False
                    limit = following_len
                if limit == 0:
                    break
                room = limit
            if wlen > limit:
                for ch in word:
                    clen = 1
                    if clen > limit:
                        ch = "?"
                    if clen > room:
                        out.append("".join(cur))
                        cur = [ch]
                        if first:
                            first = False
                            limit = following_len
                        room = limit - clen
                    else:
                        cur.append(ch)
                        room -= clen
            elif wlen > room:
                out.append("".join(cur))
                cur = [word]
                if first:
                    first = False
                    limit = following_len
                room = limit - wlen
            else:
                cur.append(word)
                room -= wlen
        out.append("".join(cur))
    return out
