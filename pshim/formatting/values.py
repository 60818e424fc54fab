"""Text of values inside formatted output (table cells, list values, wide items).

`cell_text(value, limit)` is 5.1's SmartToString: a collection shows as
`{a, b, c, d...}` (at most $FormatEnumerationLimit items, then `...`); anything
else shows as its ToString(). Elements of a collection are named the way 5.1
names them: `$null` for null, ToString() for types that define one, else the
object's display-name property (Name, Id, Key, *Key, *Name, *Id).
"""
from __future__ import annotations

import datetime as _dt
import decimal

from ..runtime.conversion import dotnet_string, to_string
from ..runtime.psobject import PSObject, Hashtable, DotNetObject, TypedInt, Single, Char, unwrap
from ..runtime.typenames import type_names_of
from .dictionary_entry import DictionaryEntry

ELLIPSIS = "..."
DEFAULT_ENUMERATION_LIMIT = 4

# 5.1 DefaultScalarTypes: shown with ToString(), never as a table or list
SCALAR_TYPES = frozenset(t.lower() for t in (
    "System.String", "System.SByte", "System.Byte", "System.Int16", "System.UInt16", "System.Int32",
    "System.UInt32", "System.Int64", "System.UInt64", "System.Char", "System.Single", "System.Double",
    "System.Boolean", "System.Decimal", "System.IntPtr", "System.Security.SecureString",
    "System.Numerics.BigInteger"))

_DISPLAY_NAME_PATTERNS = ("name", "id", "key", "*key", "*name", "*id")


def is_scalar(value) -> bool:
    """True for the types 5.1 always writes as plain text (strings, numbers, bools, enums)."""
    t = type(value)
    if t is str or t is int or t is float or t is bool:
        return True
    names = type_names_of(value)
    if not names:
        return False
    if len(names) >= 2 and names[1] == "System.Enum":
        return True
    return names[0].lower() in SCALAR_TYPES


def enumerable(value):
    """The items formatting enumerates for `value`, or None when it is not a
    collection (strings are not; dictionaries enumerate as DictionaryEntry)."""
    if isinstance(value, PSObject):
        if value.base is None:
            return None
        value = unwrap(value)
    t = type(value)
    if t is str:
        return None
    if isinstance(value, (list, tuple)):
        return value
    if isinstance(value, (Hashtable, dict)):
        return [DictionaryEntry(k, v) for k, v in value.items()]
    if isinstance(value, (set, frozenset)) or _is_generator(value):
        return list(value)
    return None


def _is_generator(value):
    import types
    return isinstance(value, types.GeneratorType)


def object_text(value) -> str:
    """PSObject.ToString() of a value: arrays join with a space ($OFS default)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return to_string(value)
    return dotnet_string(value)


def _defines_to_string(x) -> bool:
    """Does the value's own type define ToString (as String, Int32, DateTime, PSObject do)?"""
    if isinstance(x, (str, int, float, decimal.Decimal, _dt.datetime, _dt.timedelta, PSObject,
                      TypedInt, Single, Char)):
        return True
    if isinstance(x, DotNetObject):
        return type(x).ps_to_string is not DotNetObject.ps_to_string
    if isinstance(x, (list, tuple, dict, Hashtable)):
        return False
    return hasattr(x, "ps_to_string")


def display_name_property(obj):
    """Name of the property 5.1 uses to name an object (DefaultDisplayProperty,
    else the first of Name, Id, Key, *Key, *Name, *Id), or None."""
    from ..runtime.members import property_names
    default = getattr(obj, "ps_default_display_property", None)
    if default:
        return default
    try:
        names = property_names(obj)
    except Exception:   # an adapter that cannot list properties names nothing
        return None
    lowered = [(n.lower(), n) for n in names]
    for pat in _DISPLAY_NAME_PATTERNS:
        if pat.startswith("*"):
            suffix = pat[1:]
            for low, n in lowered:
                if low.endswith(suffix):
                    return n
        else:
            for low, n in lowered:
                if low == pat:
                    return n
    return None


def object_name(x) -> str:
    """How an element of a collection is named in `{a, b}` (5.1 GetObjectName)."""
    if x is None:
        return "$null"
    if _defines_to_string(x):
        return object_text(x)
    prop = display_name_property(x)
    if prop is not None:
        from ..runtime.members import get_property
        try:
            return object_text(get_property(x, prop, None))
        except Exception:   # a failing getter falls back to ToString, as in 5.1
            pass
    return object_text(x)


def cell_text(value, limit: int = DEFAULT_ENUMERATION_LIMIT) -> str:
    """5.1 SmartToString: the text of a value in a table cell or list entry."""
    if value is None:
        return ""
    t = type(value)
    if t is str:
        return value
    if t is int:
        return str(value)
    items = enumerable(value)
    if items is None:
        return object_text(value)
    parts = []
    n = 0
    truncated = False
    for x in items:
        if limit >= 0:
            if n == limit:
                truncated = True
                break
            n += 1
        parts.append(object_name(x))
    return "{" + ", ".join(parts) + (ELLIPSIS if truncated else "") + "}"


def format_with(value, format_string: str) -> str:
    """A FormatString of a calculated property ("N2", "{0:N2}", "yyyy-MM-dd")."""
    from ..runtime import dotnet_format
    if "{0" in format_string or "}" in format_string:
        fmt = getattr(dotnet_format, "format_composite", None)
        if fmt is not None:
            return fmt(format_string, [value])
        return format_string.replace("{0}", object_text(value))
    fmt = getattr(dotnet_format, "format_value", None)
    if fmt is not None:
        return fmt(value, format_string)
    return object_text(value)
