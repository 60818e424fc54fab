"""The one wildcard matcher (PowerShell's WildcardPattern rules), used by -like, parameter and property
name patterns, Get-Help/Get-Command, completion, provider paths and [IO.Directory] search patterns.

Rules (5.1): `*` any run of characters, `?` exactly one character, `[...]` one character from a set of
characters and `a-z` ranges (no negation: `!` and `^` are ordinary members), and a backtick makes the
next character literal, inside or outside brackets. A `[` with no closing `]` (or an empty `[]`) is kept
as literal text. Matching is of the whole text, case-insensitive unless asked otherwise.
"""
from __future__ import annotations

import functools
import re

WILDCARD_CHARS = "*?["


def has_wildcard(s: str) -> bool:
    """True when s holds a wildcard character (`*`, `?` or `[`)."""
    return any(c in s for c in WILDCARD_CHARS)


def _bracket(pattern: str, i: int):
    """The regex class for the bracket expression opening at pattern[i], and the index after it;
    None when there is no closing bracket or the set is empty."""
    n = len(pattern)
    j = i + 1
    members: list[str] = []
    while j < n:
        c = pattern[j]
        if c == "`" and j + 1 < n:
            members.append(pattern[j + 1])
            j += 2
            continue
        if c == "]":
            break
        members.append(c)
        j += 1
    if j >= n or not members:
        return None
    out = []
    k = 0
    while k < len(members):
        c = members[k]
        if k + 2 < len(members) and members[k + 1] == "-" and members[k + 2] >= c:
            out.append(re.escape(c) + "-" + re.escape(members[k + 2]))
            k += 3
            continue
        out.append(re.escape(c))
        k += 1
    return "[" + "".join(out) + "]", j + 1


@functools.lru_cache(maxsize=2048)
def wildcard_regex(pattern: str, ci: bool = True):
    """The compiled regex for a PowerShell wildcard pattern (use `.match(text)`: it is anchored at the end)."""
    out = []
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "`" and i + 1 < n:
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            got = _bracket(pattern, i)
            if got is not None:
                out.append(got[0])
                i = got[1]
                continue
            out.append(re.escape(c))
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z", re.S | (re.I if ci else 0))


def wildcard_match(pattern: str, text: str, ci: bool = True) -> bool:
    """Whether text matches the PowerShell wildcard pattern as a whole."""
    return wildcard_regex(pattern, ci).match(text) is not None


def wildcard_filter(pattern: str, names, ci: bool = True) -> list:
    """The names that match pattern, in their order."""
    rx = wildcard_regex(pattern, ci)
    return [n for n in names if rx.match(n)]


def search_pattern_match(pattern: str, name: str) -> bool:
    """.NET's file search pattern ([IO.Directory]::GetFiles): only `*` and `?` are special (brackets and
    backticks are literal), case-insensitive; `*` and `*.*` match every name."""
    if pattern in ("*", "*.*"):
        return True
    escaped = "".join("`" + c if c in "[]`" else c for c in pattern)
    return wildcard_match(escaped, name, True)
