"""System.Enum's static methods over every enum pshim knows (the .NET enums registered in runtime/statics.py,
the engine's own such as ActionPreference, and script `enum`s): `[Enum]::GetNames([DayOfWeek])`, GetValues,
GetName, IsDefined, Parse, ToObject. Also System.ConsoleColor, which scripts pass to Write-Host."""
from __future__ import annotations

from ..errors import ArgumentException
from . import conversion as cv
from .method_support import nargs, a_str, EnumNames
from .psobject import unwrap
from .statics import static_type, register_enum, _lookup

CONSOLE_COLOR = EnumNames(("Black", 0), ("DarkBlue", 1), ("DarkGreen", 2), ("DarkCyan", 3), ("DarkRed", 4),
                          ("DarkMagenta", 5), ("DarkYellow", 6), ("Gray", 7), ("DarkGray", 8), ("Blue", 9),
                          ("Green", 10), ("Cyan", 11), ("Red", 12), ("Magenta", 13), ("Yellow", 14), ("White", 15))
register_enum("System.ConsoleColor", CONSOLE_COLOR)


def _members(type_arg):
    """[(name, value)] of the enum `type_arg` names ([T], a Type, or its name), in declaration order."""
    t = unwrap(type_arg)
    full = getattr(t, "full_name", None) or getattr(t, "FullName", None) or cv.to_string(t)
    names = getattr(t, "names", None)
    if getattr(t, "enum_name", None) and names:        # an engine enum (runtime/enums.py): its names
        return [(n, n) for n in names]
    st = _lookup(full)
    members = [(name, getter()) for name, getter in st.props.values()] if st is not None else []
    if not members or not all(hasattr(unwrap(v), "value__") for _, v in members):
        raise ArgumentException("Type provided must be an Enum.\r\nParameter name: enumType")
    return members


def _number(v):
    v = unwrap(v)
    return getattr(v, "value__", v)


E = static_type("System.Enum", "enum")


@E.method("GetNames", "static string[] GetNames(type enumType)")
def _get_names(args, kw):
    nargs(args, 1)
    return [n for n, _ in _members(args[0])]


@E.method("GetValues", "static array GetValues(type enumType)")
def _get_values(args, kw):
    nargs(args, 1)
    return [v for _, v in _members(args[0])]


@E.method("GetName", "static string GetName(type enumType, System.Object value)")
def _get_name(args, kw):
    nargs(args, 2)
    want = unwrap(args[1])
    for name, v in _members(args[0]):
        if v == want or _number(v) == _number(want):
            return name
    return None


@E.method("IsDefined", "static bool IsDefined(type enumType, System.Object value)")
def _is_defined(args, kw):
    nargs(args, 2)
    want = unwrap(args[1])
    for name, v in _members(args[0]):
        if (isinstance(want, str) and name == want) or (not isinstance(want, str) and _number(v) == _number(want)):
            return True
    return False


@E.method("Parse", "static System.Object Parse(type enumType, string value)",
          "static System.Object Parse(type enumType, string value, bool ignoreCase)")
def _parse(args, kw):
    nargs(args, 2, 3)
    text = (a_str(args, 1) or "").strip()
    ignore = len(args) == 3 and cv.to_bool(args[2])
    members = _members(args[0])
    for name, v in members:
        if name == text or (ignore and name.lower() == text.lower()):
            return v
    for name, v in members:
        if text.lstrip("-").isdigit() and _number(v) == int(text):
            return v
    raise ArgumentException(f"Requested value '{text}' was not found.")


@E.method("ToObject", "static System.Object ToObject(type enumType, int value)")
def _to_object(args, kw):
    nargs(args, 2)
    want = cv.to_int(args[1])
    for _, v in _members(args[0]):
        if _number(v) == want:
            return v
    raise ArgumentException(f"Requested value '{want}' was not found.")
