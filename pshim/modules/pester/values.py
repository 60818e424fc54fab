"""How Pester 5 prints values inside failure messages (`Expected 'a', but got 5.`): strings quoted,
`$null`, `$true`, collections as `@(1, 2)` (ten items at most), types as `[System.Int32]`, script
blocks in braces; anything else as PowerShell converts it to text."""
from __future__ import annotations

import datetime as _dt
import decimal

from ...runtime import conversion as cv
from ...runtime.psobject import PSObject, Hashtable, ArrayList, unwrap
from ...runtime.scriptblock import ScriptBlock
from ...runtime.typenames import type_names_of

COLLECTION_LIMIT = 10


def is_collection(value) -> bool:
    return isinstance(value, (list, tuple))


def is_array(value) -> bool:
    """`$x -is [Array]`: arrays, not ArrayList or List[T]."""
    return isinstance(value, (list, tuple)) and not isinstance(value, ArrayList) and \
        type_names_of(value)[-2:-1] == ("System.Array",)


def type_display(t) -> str:
    """A type as Pester writes it, as PowerShell turns a type into text: `[string]`, `[System.IO.FileInfo]`."""
    from ...runtime.typenames import ps_short_name
    name = getattr(t, "full_name", None) or cv.to_string(t)
    return f"[{ps_short_name(name)}]"


def full_type_name(value) -> str:
    return type_names_of(value)[0]


def format_nicely(value) -> str:
    from ...runtime.types import PSType
    if isinstance(value, PSObject) and value.base is not None:
        value = unwrap(value)
    if value is None:
        return "$null"
    if isinstance(value, bool):
        return "$true" if value else "$false"
    if isinstance(value, str):
        return "<empty>" if value == "" else f"'{value}'"
    if isinstance(value, _dt.datetime):
        return cv.to_string(value) if not hasattr(value, "isoformat") else _iso(value)
    if isinstance(value, PSType):
        return type_display(value)
    if isinstance(value, (int, float, decimal.Decimal)):
        return cv.to_string(value)
    if isinstance(value, ScriptBlock):
        return "{" + value.ps_to_string() + "}"
    if isinstance(value, (Hashtable, dict)):
        return cv.to_string(value)
    if is_collection(value):
        items = list(value)
        shown = ", ".join(format_nicely(v) for v in items[:COLLECTION_LIMIT])
        more = f", ...{len(items) - COLLECTION_LIMIT} more" if len(items) > COLLECTION_LIMIT else ""
        return "@(" + shown + more + ")"
    return cv.to_string(value)


def _iso(d: _dt.datetime) -> str:
    """DateTime.ToString('o'): seven fractional digits, the offset only for local/UTC kinds."""
    text = d.strftime("%Y-%m-%dT%H:%M:%S") + f".{d.microsecond:06d}0"
    if d.tzinfo is not None:
        off = d.utcoffset()
        if off is not None and off == _dt.timedelta(0) and str(d.tzinfo) == "UTC":
            return text + "Z"
        if off is not None:
            mins = int(off.total_seconds() // 60)
            sign = "+" if mins >= 0 else "-"
            mins = abs(mins)
            text += f"{sign}{mins // 60:02d}:{mins % 60:02d}"
    return text


def format_because(because) -> str:
    """` because <reason>,` (a leading `because ` in the reason is not repeated), or nothing."""
    if because is None:
        return ""
    text = cv.to_string(because).strip()
    if not text:
        return ""
    import re
    text = re.sub(r"(?i)because\s", "", text)
    return f" because {text},"


def join_and(items: list[str]) -> str:
    if len(items) < 2:
        return ", ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
