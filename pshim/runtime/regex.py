"""`.NET regular expressions on Python's re: translation and the [regex] type."""
from __future__ import annotations

import functools
import re

from .psobject import DotNetObject

_NAMED = re.compile(r"\(\?<([A-Za-z_][A-Za-z0-9_]*)>")
_BACKREF_NAMED = re.compile(r"\\k<([A-Za-z_][A-Za-z0-9_]*)>")


def translate(pattern: str) -> str:
    """Rewrite the .NET-only spellings Python's re lacks."""
    p = _NAMED.sub(r"(?P<\1>", pattern)
    p = _BACKREF_NAMED.sub(r"(?P=\1)", p)
    p = p.replace(r"\z", r"\Z")
    return p


@functools.lru_cache(maxsize=512)
def compile_regex(pattern: str, ignore_case: bool = True, flags: int = 0):
    f = flags | (re.IGNORECASE if ignore_case else 0)
    return re.compile(translate(pattern), f)


def translate_replacement(repl: str):
    """A .NET replacement string -> a function of a Python match."""
    parts = []
    i = 0
    n = len(repl)
    buf = []
    while i < n:
        c = repl[i]
        if c == "$" and i + 1 < n:
            d = repl[i + 1]
            if d == "$":
                buf.append("$")
                i += 2
                continue
            if d == "&":
                parts.append("".join(buf)); buf = []
                parts.append(0)
                i += 2
                continue
            if d.isdigit():
                j = i + 1
                while j < n and repl[j].isdigit():
                    j += 1
                parts.append("".join(buf)); buf = []
                parts.append(int(repl[i + 1:j]))
                i = j
                continue
            if d == "{":
                j = repl.find("}", i + 2)
                if j != -1:
                    name = repl[i + 2:j]
                    parts.append("".join(buf)); buf = []
                    parts.append(int(name) if name.isdigit() else name)
                    i = j + 1
                    continue
        buf.append(c)
        i += 1
    parts.append("".join(buf))

    def fn(m):
        out = []
        for p in parts:
            if isinstance(p, str):
                out.append(p)
            else:
                try:
                    out.append(m.group(p) or "")
                except (IndexError, error_type):
                    out.append(f"${p}" if isinstance(p, int) else "${" + p + "}")
        return "".join(out)
    return fn


error_type = re.error


class PSRegex(DotNetObject):
    ps_type_names = ("System.Text.RegularExpressions.Regex", "System.Object")
    ps_properties = ("Options", "MatchTimeout", "RightToLeft")

    def __init__(self, pattern: str, options: str = "None"):
        self.pattern = pattern
        self.Options = options
        self.MatchTimeout = None
        self.RightToLeft = False
        self.compiled = compile_regex(pattern, "ignorecase" in options.lower())

    def ps_to_string(self):
        return self.pattern
