"""Static members of .NET types: `[math]::Round(2.5)`, `[string]::Join(...)`, `[int]::MaxValue`.

Entry points (type names arrive as full .NET names; the engine resolves
accelerators such as `math` -> `System.Math` first; lookups are case-insensitive):

    get_static(type_full_name, name, default=None)  -> property value (default when unknown)
    invoke_static(type_full_name, name, args, *, invoker=None, convert=None, delegate_invoker=None,
                  path_resolver=None)
    has_static(type_full_name, name) -> bool
    static_members(type_full_name) -> [(name, "Property"|"Method", definition)]
    known_types() -> full names this module serves

`::new(...)` is an ordinary static method named "new" (constructors).
Errors follow methods.py: unknown -> MethodException "Method invocation failed
because [System.Math] does not contain a method named 'Foo'."; exceptions
thrown by the .NET method -> MethodInvocationException `Exception calling ...`.

This module holds the registry, enum values, Math, String and Char. The other
types register themselves when imported at the bottom of this module:
statics_numbers (Int32.., Double, Decimal, Boolean, Array, ::new of ArrayList /
Hashtable / StringBuilder), statics_time (DateTime, TimeSpan), statics_system
(Guid, Convert, Environment), statics_io (Path, File, Directory),
statics_encoding (Text.Encoding), statics_net (Dns, IPAddress), statics_regex ([regex]).
"""
from __future__ import annotations

import decimal
import math

from ..errors import ArithmeticException, OverflowException
from .psobject import TypedInt, Int64, Char, GenericList, TypedArray, DotNetObject, unwrap
from .dotnet_regex import REGEX_OPTIONS
from .method_support import (NoOverload, NO_OUTPUT, returns_void, call_wrapped, not_found, nargs, out_of_range,
                             arg_null, a_int, a_double, a_str, a_char, enum_value, EnumNames, STRING_COMPARISON,
                             SPLIT_OPTIONS, WHITESPACE, compare_strings, strings_equal)


# ---------------------------------------------------------------------------
# Registry

class StaticType:
    def __init__(self, full_name: str):
        self.full_name = full_name
        self.props: dict = {}       # lower name -> (name, getter())
        self.methods: dict = {}     # lower name -> (name, fn(args, kw), definitions)
        self.setters: dict = {}     # lower name -> fn(value): the settable static properties

    def prop(self, name: str, getter):
        self.props[name.lower()] = (name, getter if callable(getter) else (lambda v=getter: v))

    def const(self, **values):
        for name, value in values.items():
            self.prop(name, (lambda v: lambda: v)(value))

    def method(self, name: str, *definitions: str):
        def deco(fn):
            self.methods[name.lower()] = (name, fn, definitions)
            return fn
        return deco


_TYPES: dict[str, StaticType] = {}
_MISSING = object()


def static_type(full_name: str, *aliases: str) -> StaticType:
    key = full_name.lower()
    t = _TYPES.get(key)
    if t is None:
        t = _TYPES[key] = StaticType(full_name)
    for a in aliases:
        _TYPES[a.lower()] = t
    return t


def _lookup(type_full_name: str) -> StaticType | None:
    name = type_full_name.strip()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    t = _TYPES.get(name.lower())
    if t is None and not name.lower().startswith("system."):
        t = _TYPES.get("system." + name.lower())
    return t


def known_types() -> list[str]:
    return sorted({t.full_name for t in _TYPES.values()})


def get_static(type_full_name: str, name: str, default=None):
    t = _lookup(type_full_name)
    if t is not None:
        entry = t.props.get(name.lower())
        if entry is not None:
            return entry[1]()
    return default


def set_static(type_full_name: str, name: str, value) -> bool:
    """`[T]::Name = value`; False when T has no settable static property of that name."""
    t = _lookup(type_full_name)
    setter = t.setters.get(name.lower()) if t is not None else None
    if setter is None:
        return False
    setter(value)
    return True


def has_static(type_full_name: str, name: str) -> bool:
    t = _lookup(type_full_name)
    return t is not None and (name.lower() in t.props or name.lower() in t.methods or
                              (name.lower() == "new" and _generic_ctor(type_full_name) is not None))


def invoke_static(type_full_name: str, name: str, args, *, invoker=None, convert=None, delegate_invoker=None,
                  path_resolver=None, statement=False):
    args = list(args) if args is not None else []
    kw = {"invoker": invoker, "convert": convert, "delegate_invoker": delegate_invoker,
          "path_resolver": path_resolver}
    lname = name.lower()
    t = _lookup(type_full_name)
    entry = t.methods.get(lname) if t is not None else None
    if entry is None:
        if lname == "new":
            ctor = (_generic_ctor(type_full_name) or _exception_ctor(type_full_name) or _md_ctor(type_full_name)
                    or _array_ctor(type_full_name))
            if ctor is not None:
                return call_wrapped("new", args, ctor, args, kw)
        full = t.full_name if t is not None else type_full_name
        raise not_found(full, name)
    proper, fn, defs = entry
    r = call_wrapped(proper, args, fn, args, kw)
    if r is None and statement and returns_void(defs):
        return NO_OUTPUT
    return r


def static_members(type_full_name: str) -> list[tuple[str, str, str]]:
    t = _lookup(type_full_name)
    if t is None:
        return []
    out = [(n, "Method", ", ".join(defs) or f"{n}()") for n, _fn, defs in t.methods.values()]
    for n, getter in t.props.values():
        try:
            v = getter()
        except Exception:   # a property that cannot be read here still lists
            v = None
        from .typenames import type_name, ps_short_name
        out.append((n, "Property", f"static {ps_short_name(type_name(v))} {n} {{get;}}"))
    return sorted(out, key=lambda x: (x[1], x[0].lower()))


def _exception_ctor(type_full_name):
    """[ArgumentException]::new('message'), ::new('message', $inner): an exception type's constructors."""
    from ..errors import exception_class, construct_exception
    cls = exception_class(type_full_name)
    if cls is None:
        return None

    def ctor(args, kw):
        exc = construct_exception(cls, [unwrap(a) for a in args])
        if exc is None:
            raise NoOverload()
        return exc
    return ctor


def _array_ctor(type_full_name):
    """`[byte[]]::new(4096)`, `New-Object byte[] 4096`: an array of that many default elements."""
    name = type_full_name.strip()
    if not name.endswith("[]"):
        return None
    from .types import try_resolve_type, ArrayType
    from .multidim import default_of
    t = try_resolve_type(name)
    if not isinstance(t, ArrayType):
        return None

    def ctor(args, kw):
        nargs(args, 1)
        n = a_int(args, 0, "new", "length")
        if n < 0:
            raise OverflowException("Arithmetic operation resulted in an overflow.")
        items = [default_of(t.element)] * n
        return items if t.element.full_name == "System.Object" else TypedArray(items, t.element.full_name)
    return ctor


def _md_ctor(type_full_name):
    from .multidim import ctor_for
    return ctor_for(type_full_name)


def _generic_ctor(type_full_name):
    name = type_full_name.strip()
    low = name.lower()
    for prefix in ("system.collections.generic.list[", "collections.generic.list[", "list["):
        if low.startswith(prefix) and low.endswith("]"):
            element = name[len(prefix):-1].strip()
            element = element.strip("[]") or "System.Object"

            def ctor(args, kw, element=element):
                nargs(args, 0, 1)
                items = []
                if args and isinstance(unwrap(args[0]), (list, tuple)):
                    conv = kw.get("convert")
                    items = [conv(x, element) if conv and element != "System.Object" else x
                             for x in unwrap(args[0])]
                return GenericList(items, element)
            return ctor
    return None


# ---------------------------------------------------------------------------
# Enums

class EnumValue(DotNetObject):
    """A .NET enum value: shows as its name, `value__` is the number."""

    ps_properties = ("value__",)
    ps_methods = ("HasFlag",)

    def __init__(self, type_full_name: str, name: str, value: int):
        self.ps_type_names = (type_full_name, "System.Enum", "System.ValueType", "System.Object")
        self.name = name
        self.value__ = value

    def ps_to_string(self):
        return self.name

    def __int__(self):
        return self.value__

    __index__ = __int__

    def __eq__(self, other):
        other = unwrap(other)
        if isinstance(other, EnumValue):
            return other.ps_type_names[0] == self.ps_type_names[0] and other.value__ == self.value__
        if isinstance(other, str):
            return other.lower() == self.name.lower()
        if isinstance(other, int) and not isinstance(other, bool):
            return other == self.value__
        return False

    def __hash__(self):
        return hash((self.ps_type_names[0], self.value__))

    def ps_enum_type(self):
        """The PSType of this value's enum when it makes values from numbers and names (a script enum's
        `from_number`), else None."""
        from .types import try_resolve_type
        t = try_resolve_type(self.ps_type_names[0])
        return t if getattr(t, "from_number", None) is not None else None

    def _number_of(self, other):
        other = unwrap(other)
        if isinstance(other, EnumValue):
            return other.value__
        if isinstance(other, int) and not isinstance(other, bool):
            return other
        t = self.ps_enum_type()
        if t is not None:
            return t.convert(other).value__
        return NotImplemented

    def HasFlag(self, flag):
        n = self._number_of(flag)
        if n is NotImplemented:
            n = int(flag)
        return self.value__ & n == n

    def __lt__(self, other):
        n = self._number_of(other)
        return NotImplemented if n is NotImplemented else self.value__ < n

    def __gt__(self, other):
        n = self._number_of(other)
        return NotImplemented if n is NotImplemented else self.value__ > n

    def __repr__(self):
        return f"[{self.ps_type_names[0]}]::{self.name}"


def register_enum(full_name: str, names: EnumNames, *aliases: str) -> StaticType:
    t = static_type(full_name, *aliases)
    for lname, value in names.items():
        proper = names.display[lname]
        t.prop(proper, (lambda p, v: lambda: EnumValue(full_name, p, v))(proper, value))
    return t


MIDPOINT = EnumNames(("ToEven", 0), ("AwayFromZero", 1))
SEARCH_OPTION = EnumNames(("TopDirectoryOnly", 0), ("AllDirectories", 1))
ENV_TARGET = EnumNames(("Process", 0), ("User", 1), ("Machine", 2))
NUMBER_STYLES = EnumNames(("None", 0), ("AllowLeadingWhite", 1), ("AllowTrailingWhite", 2),
                          ("AllowLeadingSign", 4), ("AllowTrailingSign", 8), ("AllowParentheses", 16),
                          ("AllowDecimalPoint", 32), ("AllowThousands", 64), ("AllowExponent", 128),
                          ("AllowCurrencySymbol", 256), ("AllowHexSpecifier", 512), ("Integer", 7),
                          ("HexNumber", 515), ("Number", 111), ("Float", 167), ("Currency", 383), ("Any", 511))
DATETIME_KIND = EnumNames(("Unspecified", 0), ("Utc", 1), ("Local", 2))
DAY_OF_WEEK = EnumNames(("Sunday", 0), ("Monday", 1), ("Tuesday", 2), ("Wednesday", 3), ("Thursday", 4),
                        ("Friday", 5), ("Saturday", 6))

register_enum("System.StringSplitOptions", SPLIT_OPTIONS)
register_enum("System.StringComparison", STRING_COMPARISON)
register_enum("System.MidpointRounding", MIDPOINT)
register_enum("System.Text.RegularExpressions.RegexOptions", REGEX_OPTIONS)
register_enum("System.IO.SearchOption", SEARCH_OPTION)
register_enum("System.EnvironmentVariableTarget", ENV_TARGET)
register_enum("System.Globalization.NumberStyles", NUMBER_STYLES)
register_enum("System.DateTimeKind", DATETIME_KIND)
register_enum("System.DayOfWeek", DAY_OF_WEEK)


# ---------------------------------------------------------------------------
# System.Math

M = static_type("System.Math")
M.const(PI=math.pi, E=math.e)


def _num(args, i, name, param="value"):
    v = unwrap(args[i])
    if isinstance(v, (decimal.Decimal, float)) or (isinstance(v, int) and not isinstance(v, bool)):
        return v
    return a_double(args, i, name, param)


def _round_half_even(x: float) -> float:
    return float(round(x))


def _round_away(x: float) -> float:
    frac, whole = math.modf(x)
    if abs(frac) >= 0.5:
        whole += math.copysign(1.0, frac)
    return whole


def math_round(value, digits: int = 0, mode: int = 0):
    """Math.Round as .NET Framework computes it (scaled double, banker's by default)."""
    if isinstance(value, decimal.Decimal):
        if not 0 <= digits <= 28:
            raise out_of_range("Decimal can only round to between 0 and 28 digits of precision.", "decimals")
        rounding = decimal.ROUND_HALF_EVEN if mode == 0 else decimal.ROUND_HALF_UP
        return value.quantize(decimal.Decimal(1).scaleb(-digits), rounding=rounding)
    if not 0 <= digits <= 15:
        raise out_of_range("Rounding digits must be between 0 and 15, inclusive.", "digits")
    x = float(value)
    if math.isnan(x) or math.isinf(x):
        return x
    if abs(x) < 1e16:
        p = 10.0 ** digits
        x *= p
        x = _round_half_even(x) if mode == 0 else _round_away(x)
        x /= p
    return x


@M.method("Round", "static decimal Round(decimal d)", "static double Round(double a)",
          "static double Round(double value, int digits)", "static double Round(double value, System.MidpointRounding mode)",
          "static double Round(double value, int digits, System.MidpointRounding mode)",
          "static decimal Round(decimal d, int decimals)", "static decimal Round(decimal d, System.MidpointRounding mode)",
          "static decimal Round(decimal d, int decimals, System.MidpointRounding mode)")
def _math_round(args, kw):
    nargs(args, 1, 2, 3)
    v = _num(args, 0, "Round", "value")
    if isinstance(v, int):
        v = float(v)
    digits, mode = 0, 0
    if len(args) == 2:
        second = unwrap(args[1])
        if isinstance(second, (str, EnumValue)) and not str(second).strip().lstrip("-").isdigit():
            mode = enum_value(second, MIDPOINT, "System.MidpointRounding", "Round", "mode")
        else:
            digits = a_int(args, 1, "Round", "digits")
    elif len(args) == 3:
        digits = a_int(args, 1, "Round", "digits")
        mode = enum_value(args[2], MIDPOINT, "System.MidpointRounding", "Round", "mode")
    return math_round(v, digits, mode)


def _unary(name, fn_float, fn_dec=None, keep_int=False):
    @M.method(name, f"static double {name}(double d)")
    def impl(args, kw):
        nargs(args, 1)
        v = _num(args, 0, name, "d")
        if isinstance(v, decimal.Decimal) and fn_dec is not None:
            return fn_dec(v)
        if keep_int and isinstance(v, int):
            return v
        return fn_float(float(v))
    return impl


def _safe(fn):
    def run(x):
        try:
            return fn(x)
        except (ValueError, OverflowError):
            return math.nan
    return run


_unary("Floor", lambda x: float(math.floor(x)) if math.isfinite(x) else x,
       lambda d: d.to_integral_value(decimal.ROUND_FLOOR))
_unary("Ceiling", lambda x: float(math.ceil(x)) if math.isfinite(x) else x,
       lambda d: d.to_integral_value(decimal.ROUND_CEILING))
_unary("Truncate", lambda x: float(math.trunc(x)) if math.isfinite(x) else x,
       lambda d: d.to_integral_value(decimal.ROUND_DOWN))
_unary("Sqrt", _safe(lambda x: math.sqrt(x) if x >= 0 else math.nan))
_unary("Exp", lambda x: math.exp(x) if x < 709.8 else math.inf)
_unary("Log10", _safe(lambda x: -math.inf if x == 0 else (math.log10(x) if x > 0 else math.nan)))
for _n, _f in (("Sin", math.sin), ("Cos", math.cos), ("Tan", math.tan), ("Asin", math.asin), ("Acos", math.acos),
               ("Atan", math.atan), ("Sinh", math.sinh), ("Cosh", math.cosh), ("Tanh", math.tanh)):
    _unary(_n, _safe(_f))


@M.method("Log", "static double Log(double d)", "static double Log(double a, double newBase)")
def _math_log(args, kw):
    nargs(args, 1, 2)
    x = a_double(args, 0, "Log", "d")

    def ln(v):
        if v == 0:
            return -math.inf
        if v < 0 or math.isnan(v):
            return math.nan
        return math.log(v) if math.isfinite(v) else v
    if len(args) == 1:
        return ln(x)
    b = a_double(args, 1, "Log", "newBase")
    if b == 1 or b <= 0 or math.isnan(b):
        return math.nan
    return ln(x) / ln(b)


@M.method("Pow", "static double Pow(double x, double y)")
def _math_pow(args, kw):
    nargs(args, 2)
    x, y = a_double(args, 0, "Pow", "x"), a_double(args, 1, "Pow", "y")
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf if x > 0 or y % 2 == 0 else -math.inf
    except ValueError:
        if x == 0 and y < 0:
            return math.inf
        return math.nan


@M.method("Atan2", "static double Atan2(double y, double x)")
def _math_atan2(args, kw):
    nargs(args, 2)
    return math.atan2(a_double(args, 0, "Atan2", "y"), a_double(args, 1, "Atan2", "x"))


def _int_kind(v):
    return type(v) if isinstance(v, TypedInt) else None


@M.method("Abs", "static int Abs(int value)", "static long Abs(long value)", "static double Abs(double value)",
          "static decimal Abs(decimal value)")
def _math_abs(args, kw):
    nargs(args, 1)
    v = _num(args, 0, "Abs")
    if isinstance(v, int):
        kind = _int_kind(v)
        if (kind is None and v == -2 ** 31) or (kind is Int64 and v == -2 ** 63):
            raise OverflowException("Negating the minimum value of a twos complement number is invalid.")
        return kind(abs(v)) if kind else abs(int(v))
    return abs(v)


def _minmax(args, name, pick):
    nargs(args, 2)
    a, b = _num(args, 0, name, "val1"), _num(args, 1, name, "val2")
    if isinstance(a, int) and isinstance(b, int):
        r = pick(int(a), int(b))
        kind = _int_kind(a) or _int_kind(b)
        return kind(r) if kind else r
    if isinstance(a, decimal.Decimal) or isinstance(b, decimal.Decimal):
        return pick(decimal.Decimal(str(a)), decimal.Decimal(str(b)))
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.nan
    return pick(a, b)


@M.method("Max", "static int Max(int val1, int val2)", "static double Max(double val1, double val2)")
def _math_max(args, kw):
    return _minmax(args, "Max", max)


@M.method("Min", "static int Min(int val1, int val2)", "static double Min(double val1, double val2)")
def _math_min(args, kw):
    return _minmax(args, "Min", min)


@M.method("Sign", "static int Sign(double value)")
def _math_sign(args, kw):
    nargs(args, 1)
    v = _num(args, 0, "Sign")
    if isinstance(v, float) and math.isnan(v):
        raise ArithmeticException("Function does not accept floating point Not-a-Number values.")
    return (v > 0) - (v < 0)


@M.method("BigMul", "static long BigMul(int a, int b)")
def _math_bigmul(args, kw):
    nargs(args, 2)
    return Int64(a_int(args, 0, "BigMul", "a") * a_int(args, 1, "BigMul", "b"))


# ---------------------------------------------------------------------------
# System.String

S = static_type("System.String")
S.const(Empty="")


def _strings_of(value):
    from .conversion import dotnet_string
    v = unwrap(value)
    if isinstance(v, (list, tuple)):
        return [dotnet_string(x) for x in v]
    return [dotnet_string(v)]


@S.method("IsNullOrEmpty", "static bool IsNullOrEmpty(string value)")
def _s_is_null_or_empty(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    return s is None or s == ""


@S.method("IsNullOrWhiteSpace", "static bool IsNullOrWhiteSpace(string value)")
def _s_is_null_or_ws(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    return s is None or all(c in WHITESPACE for c in s)


@S.method("Join", "static string Join(string separator, Params string[] value)",
          "static string Join(string separator, Params System.Object[] values)",
          "static string Join(string separator, string[] value, int startIndex, int count)")
def _s_join(args, kw):
    if not args:
        raise NoOverload()
    sep = a_str(args, 0) or ""
    rest = args[1:]
    if len(rest) == 3 and isinstance(unwrap(rest[0]), (list, tuple)):
        items = _strings_of(rest[0])
        start, count = a_int(rest, 1, "Join", "startIndex"), a_int(rest, 2, "Join", "count")
        if start < 0 or count < 0 or start > len(items) - count:
            raise out_of_range("Index and count must refer to a location within the buffer.", "startIndex")
        return sep.join(items[start:start + count])
    if len(rest) == 1:
        v = unwrap(rest[0])
        if v is None:
            raise arg_null("value")
        return sep.join(_strings_of(v))
    return sep.join(_type_text(x) for x in rest)


def _type_text(v):
    from .conversion import dotnet_string
    return dotnet_string(unwrap(v))


@S.method("Format", "static string Format(string format, System.Object arg0)",
          "static string Format(string format, Params System.Object[] args)",
          "static string Format(System.IFormatProvider provider, string format, Params System.Object[] args)")
def _s_format(args, kw):
    from .dotnet_format import format_composite
    if not args:
        raise NoOverload()
    fmt = a_str(args, 0)
    rest = args[1:]
    if fmt is None and len(args) >= 2 and isinstance(unwrap(args[1]), str):
        fmt, rest = a_str(args, 1), args[2:]       # Format(provider, format, args)
    if fmt is None:
        raise arg_null("format")
    if len(rest) == 1 and isinstance(unwrap(rest[0]), (list, tuple)):
        rest = list(unwrap(rest[0]))
    return format_composite(fmt, list(rest))


@S.method("Concat", "static string Concat(Params System.Object[] args)", "static string Concat(Params string[] values)")
def _s_concat(args, kw):
    from .conversion import dotnet_string
    if len(args) == 1 and isinstance(unwrap(args[0]), (list, tuple)):
        return "".join(_strings_of(args[0]))
    return "".join(dotnet_string(unwrap(x)) for x in args)


def _comparison_mode(args, i, name):
    v = unwrap(args[i])
    if isinstance(v, bool):
        return 1 if v else 0
    return enum_value(v, STRING_COMPARISON, "System.StringComparison", name, "comparisonType")


@S.method("Compare", "static int Compare(string strA, string strB)",
          "static int Compare(string strA, string strB, bool ignoreCase)",
          "static int Compare(string strA, string strB, System.StringComparison comparisonType)",
          "static int Compare(string strA, string strB, bool ignoreCase, cultureinfo culture)")
def _s_compare(args, kw):
    nargs(args, 2, 3, 4)
    if len(args) == 4 and not isinstance(unwrap(args[2]), bool):
        raise NoOverload()      # (strA, strB, culture, CompareOptions) is not one of these
    a, b = a_str(args, 0), a_str(args, 1)
    mode = _comparison_mode(args, 2, "Compare") if len(args) >= 3 else 0
    return compare_strings(a, b, mode)


@S.method("CompareOrdinal", "static int CompareOrdinal(string strA, string strB)")
def _s_compare_ordinal(args, kw):
    nargs(args, 2)
    return compare_strings(a_str(args, 0), a_str(args, 1), 4)


@S.method("Equals", "static bool Equals(string a, string b)",
          "static bool Equals(string a, string b, System.StringComparison comparisonType)")
def _s_equals(args, kw):
    nargs(args, 2, 3)
    mode = _comparison_mode(args, 2, "Equals") if len(args) == 3 else 4
    return strings_equal(a_str(args, 0), a_str(args, 1), mode)


@S.method("Copy", "static string Copy(string str)")
def _s_copy(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("str")
    return s


@S.method("new", "string new(char c, int count)", "string new(char[] value)",
          "string new(char[] value, int startIndex, int length)")
def _s_new(args, kw):
    nargs(args, 1, 2, 3)
    if len(args) == 2:
        c = a_char(args, 0, "new", "c")
        n = a_int(args, 1, "new", "count")
        if n < 0:
            raise out_of_range("Count cannot be less than zero.", "count")
        return c * n
    v = unwrap(args[0])
    chars = list(v) if isinstance(v, (list, tuple)) else [v]
    text = "".join(str(c) for c in chars)
    if len(args) == 3:
        start, length = a_int(args, 1, "new", "startIndex"), a_int(args, 2, "new", "length")
        text = text[start:start + length]
    return text


# ---------------------------------------------------------------------------
# System.Char

C = static_type("System.Char")
C.const(MaxValue=Char("\uffff"), MinValue=Char("\0"))


def _char_pred(name, test):
    @C.method(name, f"static bool {name}(char c)", f"static bool {name}(string s, int index)")
    def impl(args, kw):
        nargs(args, 1, 2)
        if len(args) == 2:
            s = a_str(args, 0)
            if s is None:
                raise arg_null("s")
            i = a_int(args, 1, name, "index")
            if not 0 <= i < len(s):
                raise out_of_range("Index was out of range. Must be non-negative and less than the size of "
                                   "the collection.", "index")
            return test(s[i])
        return test(a_char(args, 0, name, "c"))


def _cat(*cats):
    import unicodedata
    return lambda c: any(unicodedata.category(c).startswith(x) for x in cats)


_char_pred("IsDigit", _cat("Nd"))
_char_pred("IsLetter", _cat("L"))
_char_pred("IsUpper", _cat("Lu"))
_char_pred("IsLower", _cat("Ll"))
_char_pred("IsLetterOrDigit", _cat("L", "Nd"))
_char_pred("IsNumber", _cat("N"))
_char_pred("IsPunctuation", _cat("P"))
_char_pred("IsSymbol", _cat("S"))
_char_pred("IsControl", _cat("Cc"))
_char_pred("IsSeparator", _cat("Z"))
_char_pred("IsWhiteSpace", lambda c: c in WHITESPACE)
_char_pred("IsSurrogate", lambda c: 0xD800 <= ord(c) <= 0xDFFF)


@C.method("ToUpper", "static char ToUpper(char c)", "static char ToUpper(char c, cultureinfo culture)")
def _c_upper(args, kw):
    nargs(args, 1, 2)
    c = a_char(args, 0, "ToUpper", "c").upper()
    return Char(c if len(c) == 1 else args[0])


@C.method("ToLower", "static char ToLower(char c)", "static char ToLower(char c, cultureinfo culture)")
def _c_lower(args, kw):
    nargs(args, 1, 2)
    c = a_char(args, 0, "ToLower", "c").lower()
    return Char(c if len(c) == 1 else args[0])


@C.method("ToString", "static string ToString(char c)")
def _c_to_string(args, kw):
    nargs(args, 1)
    return str(a_char(args, 0, "ToString", "c"))


@C.method("GetNumericValue", "static double GetNumericValue(char c)")
def _c_numeric(args, kw):
    import unicodedata
    nargs(args, 1)
    return float(unicodedata.numeric(a_char(args, 0, "GetNumericValue", "c"), -1.0))


@C.method("ConvertFromUtf32", "static string ConvertFromUtf32(int utf32)")
def _c_from_utf32(args, kw):
    nargs(args, 1)
    n = a_int(args, 0, "ConvertFromUtf32", "utf32")
    if not 0 <= n <= 0x10FFFF or 0xD800 <= n <= 0xDFFF:
        raise out_of_range("A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not "
                           "include surrogate codepoint values (0x00d800 ~ 0x00dfff).", "utf32")
    return chr(n)


@C.method("ConvertToUtf32", "static int ConvertToUtf32(string s, int index)")
def _c_to_utf32(args, kw):
    nargs(args, 2)
    s = a_str(args, 0) or ""
    i = a_int(args, 1, "ConvertToUtf32", "index")
    if not 0 <= i < len(s):
        raise out_of_range("Index was out of range. Must be non-negative and less than the size of the "
                           "collection.", "index")
    return ord(s[i])


@C.method("Parse", "static char Parse(string s)")
def _c_parse(args, kw):
    from ..errors import FormatException
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("s")
    if len(s) != 1:
        raise FormatException("String must be exactly one character long.")
    return Char(s)


# the remaining types live in their own modules and register on import
from . import statics_numbers, statics_time, statics_system, statics_io, statics_encoding, statics_net, statics_regex, statics_xml  # noqa: E402,F401,E501
from . import stopwatch  # noqa: E402,F401
from . import statics_enum  # noqa: E402,F401
from . import uri  # noqa: E402,F401
from . import culture  # noqa: E402,F401
