"""Static members of the numeric types (Int32, Int64, ..., Double, Single, Decimal),
Boolean, System.Array, and the constructors (`::new`) of ArrayList, Hashtable and
StringBuilder. Parsing follows .NET Framework: NumberStyles.Integer for the
integer types, Float|AllowThousands for Double, en-US symbols."""
from __future__ import annotations

import decimal
import math

from ..errors import OverflowException
from .psobject import (Int64, Int16, Byte, SByte, UInt16, UInt32, UInt64, Single, ArrayList, Hashtable,
                       DotNetObject, unwrap)
from .method_support import (NoOverload, nargs, out_of_range, arg_null, arg_error, a_int, a_double, a_str,
                             enum_value, set_ref, dotnet_equals, default_compare, delegate_call)
from .statics import static_type, EnumValue, NUMBER_STYLES, math_round

# ---------------------------------------------------------------------------
# Numeric types and Boolean

_INT_TYPES = {
    "System.Int32": (int, -2 ** 31, 2 ** 31 - 1, "an Int32", "int"),
    "System.Int64": (Int64, -2 ** 63, 2 ** 63 - 1, "an Int64", "long"),
    "System.Int16": (Int16, -2 ** 15, 2 ** 15 - 1, "an Int16", "int16"),
    "System.Byte": (Byte, 0, 255, "an unsigned byte", "byte"),
    "System.SByte": (SByte, -128, 127, "a signed byte", "sbyte"),
    "System.UInt16": (UInt16, 0, 2 ** 16 - 1, "a UInt16", "uint16"),
    "System.UInt32": (UInt32, 0, 2 ** 32 - 1, "a UInt32", "uint32"),
    "System.UInt64": (UInt64, 0, 2 ** 64 - 1, "a UInt64", "uint64"),
}
BAD_NUMBER = "Input string was not in a correct format."


def _styles(args, i, name, default):
    if len(args) <= i:
        return default
    v = unwrap(args[i])
    if v is None or (isinstance(v, DotNetObject) and not isinstance(v, EnumValue)):
        return default          # an IFormatProvider
    return enum_value(v, NUMBER_STYLES, "System.Globalization.NumberStyles", name, "style")


def parse_integer(text, full_name: str, styles: int = 7):
    from ..errors import FormatException
    cls, lo, hi, what, _ = _INT_TYPES[full_name]
    if text is None:
        raise arg_null("String")
    s = text
    if styles & 1:
        s = s.lstrip(" \t\n\v\f\r")
    if styles & 2:
        s = s.rstrip(" \t\n\v\f\r")
    if styles & 512:
        if not s or any(c not in "0123456789abcdefABCDEF" for c in s):
            raise FormatException(BAD_NUMBER)
        n = int(s, 16)
        bits = {"System.Byte": 8, "System.SByte": 8, "System.Int16": 16, "System.UInt16": 16,
                "System.Int32": 32, "System.UInt32": 32}.get(full_name, 64)
        if n >= 1 << bits:
            raise OverflowException(f"Value was either too large or too small for {what}.")
        if lo < 0 and n >= 1 << (bits - 1):
            n -= 1 << bits
        return cls(n)
    neg = False
    if styles & 4 and s[:1] in ("+", "-"):
        neg = s[0] == "-"
        s = s[1:]
    if styles & 64:
        s = s.replace(",", "")
    if styles & 32 and "." in s:
        whole, _, frac = s.partition(".")
        if frac.strip("0"):
            raise OverflowException(f"Value was either too large or too small for {what}.")
        s = whole
    if not s or not s.isascii() or not s.isdigit():
        raise FormatException(BAD_NUMBER)
    n = -int(s) if neg else int(s)
    if not lo <= n <= hi:
        raise OverflowException(f"Value was either too large or too small for {what}.")
    return cls(n)


def parse_double(text) -> float:
    from ..errors import FormatException
    if text is None:
        raise arg_null("s")
    s = text.strip(" \t\n\v\f\r")
    if s in ("NaN",):
        return math.nan
    if s in ("Infinity", "+Infinity", "\u221e"):
        return math.inf
    if s in ("-Infinity", "-\u221e"):
        return -math.inf
    body = s.replace(",", "")
    import re
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", body) or (s.startswith(",")):
        raise FormatException(BAD_NUMBER)
    return float(body)


def _register_int(full_name, *aliases):
    cls, lo, hi, what, short = _INT_TYPES[full_name]
    t = static_type(full_name, *aliases)
    t.const(MaxValue=cls(hi), MinValue=cls(lo))

    @t.method("Parse", f"static {short} Parse(string s)", f"static {short} Parse(string s, System.Globalization.NumberStyles style)",
              f"static {short} Parse(string s, System.IFormatProvider provider)",
              f"static {short} Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)")
    def parse(args, kw):
        nargs(args, 1, 2, 3)
        return parse_integer(a_str(args, 0), full_name, _styles(args, 1, "Parse", 7))

    @t.method("TryParse", f"static bool TryParse(string s, [ref] {short} result)",
              f"static bool TryParse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider, "
              f"[ref] {short} result)")
    def try_parse(args, kw):
        nargs(args, 2, 4)
        try:
            value = parse_integer(a_str(args, 0), full_name, _styles(args, 1, "TryParse", 7) if len(args) == 4 else 7)
            ok = True
        except Exception:   # any parse failure: TryParse reports False
            value, ok = cls(0), False
        set_ref(args[-1], value)
        return ok


for _full in _INT_TYPES:
    _register_int(_full)

D = static_type("System.Double")
D.const(MaxValue=1.7976931348623157e308, MinValue=-1.7976931348623157e308, Epsilon=5e-324, NaN=math.nan,
        PositiveInfinity=math.inf, NegativeInfinity=math.inf * -1)


_FLOAT_STYLES = 231      # Float | AllowThousands: Double.Parse's and Single.Parse's default
_DECIMAL_STYLES = 111    # Number: Decimal.Parse's default
_WS = " \t\n\v\f\r"


def check_fraction_styles(text, styles: int):
    """Refuse what the NumberStyles of a Double/Single/Decimal parse do not allow (a sign, thousands
    separators, a decimal point, an exponent, white space); the culture is pshim's (en-US, as invariant)."""
    from ..errors import FormatException
    if styles & 512:
        raise arg_error("The number style AllowHexSpecifier is not supported on floating point data types.")
    if text is None:
        raise arg_null("s")
    t = text.strip(_WS)
    if (t != text.lstrip(_WS) and not styles & 2) or (t != text.rstrip(_WS) and not styles & 1):
        raise FormatException(BAD_NUMBER)
    if t in ("NaN", "Infinity", "-Infinity", "+Infinity", "\u221e", "-\u221e"):
        return
    if ((t[:1] in "+-" and not styles & 4) or ("," in t and not styles & 64) or ("." in t and not styles & 32)
            or (("e" in t or "E" in t) and not styles & 128)):
        raise FormatException(BAD_NUMBER)


def _fraction_styles(args, name, default):
    """The NumberStyles of a (s, style[, provider]) or (s, style, provider, [ref] result) call."""
    return _styles(args, 1, name, default)


@D.method("Parse", "static double Parse(string s)", "static double Parse(string s, System.IFormatProvider provider)",
          "static double Parse(string s, System.Globalization.NumberStyles style)",
          "static double Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)")
def _d_parse(args, kw):
    nargs(args, 1, 2, 3)
    check_fraction_styles(a_str(args, 0), _fraction_styles(args, "Parse", _FLOAT_STYLES))
    return parse_double(a_str(args, 0))


@D.method("TryParse", "static bool TryParse(string s, [ref] double result)",
          "static bool TryParse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider, "
          "[ref] double result)")
def _d_try_parse(args, kw):
    nargs(args, 2, 4)
    styles = _fraction_styles(args, "TryParse", _FLOAT_STYLES) if len(args) == 4 else _FLOAT_STYLES
    if styles & 512:
        check_fraction_styles("", styles)
    try:
        check_fraction_styles(a_str(args, 0), styles)
        value, ok = parse_double(a_str(args, 0)), True
    except Exception:   # parse failure -> False
        value, ok = 0.0, False
    set_ref(args[-1], value)
    return ok


for _n, _f in (("IsNaN", math.isnan), ("IsInfinity", math.isinf), ("IsPositiveInfinity", lambda x: x == math.inf),
               ("IsNegativeInfinity", lambda x: x == -math.inf)):
    D.method(_n, f"static bool {_n}(double d)")(
        (lambda f, n: lambda args, kw: (nargs(args, 1), f(a_double(args, 0, n, "d")))[1])(_f, _n))

SG = static_type("System.Single")
SG.const(MaxValue=Single(3.4028234663852886e38), MinValue=Single(-3.4028234663852886e38),
         Epsilon=Single(1.401298464324817e-45), NaN=Single(math.nan))


@SG.method("Parse", "static float Parse(string s)", "static float Parse(string s, System.IFormatProvider provider)",
           "static float Parse(string s, System.Globalization.NumberStyles style)",
           "static float Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)")
def _sg_parse(args, kw):
    nargs(args, 1, 2, 3)
    check_fraction_styles(a_str(args, 0), _fraction_styles(args, "Parse", _FLOAT_STYLES))
    return Single(parse_double(a_str(args, 0)))


DEC = static_type("System.Decimal")
DEC.const(MaxValue=decimal.Decimal("79228162514264337593543950335"),
          MinValue=decimal.Decimal("-79228162514264337593543950335"), Zero=decimal.Decimal(0),
          One=decimal.Decimal(1), MinusOne=decimal.Decimal(-1))


@DEC.method("Parse", "static decimal Parse(string s)", "static decimal Parse(string s, System.IFormatProvider provider)",
            "static decimal Parse(string s, System.Globalization.NumberStyles style)",
            "static decimal Parse(string s, System.Globalization.NumberStyles style, System.IFormatProvider provider)")
def _dec_parse(args, kw):
    from ..errors import FormatException
    nargs(args, 1, 2, 3)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("s")
    check_fraction_styles(s, _fraction_styles(args, "Parse", _DECIMAL_STYLES))
    try:
        v = decimal.Decimal(s.strip(_WS).replace(",", ""))
    except decimal.InvalidOperation:
        raise FormatException(BAD_NUMBER) from None
    if not v.is_finite():               # a Decimal has no NaN or infinity
        raise FormatException(BAD_NUMBER)
    return v.quantize(decimal.Decimal(1)) if v.as_tuple().exponent > 0 else v    # 1e3 -> 1000


@DEC.method("Round", "static decimal Round(decimal d)", "static decimal Round(decimal d, int decimals)")
def _dec_round(args, kw):
    nargs(args, 1, 2)
    v = unwrap(args[0])
    v = v if isinstance(v, decimal.Decimal) else decimal.Decimal(str(a_double(args, 0, "Round", "d")))
    return math_round(v, a_int(args, 1, "Round", "decimals") if len(args) == 2 else 0)


B = static_type("System.Boolean")
B.const(TrueString="True", FalseString="False")


def parse_bool(s):
    from ..errors import FormatException
    if s is None:
        raise arg_null("value")
    t = s.strip(" \t\n\v\f\r\0").lower()
    if t == "true":
        return True
    if t == "false":
        return False
    raise FormatException("String was not recognized as a valid Boolean.")


@B.method("Parse", "static bool Parse(string value)")
def _b_parse(args, kw):
    nargs(args, 1)
    return parse_bool(a_str(args, 0))


@B.method("TryParse", "static bool TryParse(string value, [ref] bool result)")
def _b_try_parse(args, kw):
    nargs(args, 2)
    try:
        value, ok = parse_bool(a_str(args, 0)), True
    except Exception:   # parse failure -> False
        value, ok = False, False
    set_ref(args[1], value)
    return ok


# ---------------------------------------------------------------------------
# System.Array

A = static_type("System.Array")


def _array_arg(args, i=0, param="array"):
    v = unwrap(args[i])
    if v is None:
        raise arg_null(param)
    if not isinstance(v, list):
        raise NoOverload()
    return v


@A.method("Sort", "static void Sort(array array)")
def _a_sort(args, kw):
    import functools
    nargs(args, 1)
    _array_arg(args).sort(key=functools.cmp_to_key(default_compare))


@A.method("Reverse", "static void Reverse(array array)", "static void Reverse(array array, int index, int length)")
def _a_reverse(args, kw):
    nargs(args, 1, 3)
    arr = _array_arg(args)
    if len(args) == 3:
        i, n = a_int(args, 1, "Reverse", "index"), a_int(args, 2, "Reverse", "length")
        arr[i:i + n] = arr[i:i + n][::-1]
    else:
        arr.reverse()


@A.method("IndexOf", "static int IndexOf(array array, System.Object value)",
          "static int IndexOf(array array, System.Object value, int startIndex)")
def _a_index_of(args, kw):
    nargs(args, 2, 3)
    arr = _array_arg(args)
    start = a_int(args, 2, "IndexOf", "startIndex") if len(args) == 3 else 0
    if not 0 <= start <= len(arr):
        raise out_of_range("Index was out of range. Must be non-negative and less than the size of the "
                           "collection.", "startIndex")
    for i in range(start, len(arr)):
        if dotnet_equals(arr[i], args[1]):
            return i
    return -1


@A.method("LastIndexOf", "static int LastIndexOf(array array, System.Object value)")
def _a_last_index_of(args, kw):
    nargs(args, 2)
    arr = _array_arg(args)
    for i in range(len(arr) - 1, -1, -1):
        if dotnet_equals(arr[i], args[1]):
            return i
    return -1


@A.method("Clear", "static void Clear(array array, int index, int length)")
def _a_clear(args, kw):
    nargs(args, 3)
    arr = _array_arg(args)
    i, n = a_int(args, 1, "Clear", "index"), a_int(args, 2, "Clear", "length")
    if i < 0 or n < 0 or i + n > len(arr):
        raise out_of_range("Index was outside the bounds of the array.", "length" if n < 0 else "index")
    for k in range(i, i + n):
        arr[k] = None


@A.method("Copy", "static void Copy(array sourceArray, array destinationArray, int length)",
          "static void Copy(array sourceArray, int sourceIndex, array destinationArray, int destinationIndex, int length)")
def _a_copy(args, kw):
    nargs(args, 3, 5)
    if len(args) == 3:
        src, dst, si, di = _array_arg(args, 0, "sourceArray"), _array_arg(args, 1, "destinationArray"), 0, 0
        n = a_int(args, 2, "Copy", "length")
    else:
        src, dst = _array_arg(args, 0, "sourceArray"), _array_arg(args, 2, "destinationArray")
        si, di, n = a_int(args, 1, "Copy", "sourceIndex"), a_int(args, 3, "Copy", "destinationIndex"), \
            a_int(args, 4, "Copy", "length")
    if si + n > len(src) or di + n > len(dst) or min(si, di, n) < 0:
        raise arg_error("Destination array was not long enough. Check destIndex and length, and the array's "
                        "lower bounds.")
    dst[di:di + n] = src[si:si + n]


@A.method("Exists", "static bool Exists[T](T[] array, System.Predicate[T] match)")
def _a_exists(args, kw):
    nargs(args, 2)
    call = delegate_call(kw)
    if call is None:
        raise NoOverload()
    from .conversion import to_bool
    return any(to_bool(call(args[1], [x])) for x in _array_arg(args))


# ---------------------------------------------------------------------------
# Constructors of common collection / text types

AL = static_type("System.Collections.ArrayList")


@AL.method("new", "System.Collections.ArrayList new()", "System.Collections.ArrayList new(int capacity)",
           "System.Collections.ArrayList new(System.Collections.ICollection c)")
def _al_new(args, kw):
    nargs(args, 0, 1)
    if args and isinstance(unwrap(args[0]), (list, tuple)):
        return ArrayList(unwrap(args[0]))
    return ArrayList()


HT = static_type("System.Collections.Hashtable")


@HT.method("new", "hashtable new()", "hashtable new(int capacity)", "hashtable new(System.Collections.IDictionary d)")
def _ht_new(args, kw):
    nargs(args, 0, 1)
    if not args:
        return Hashtable()
    v = unwrap(args[0])
    if v is None:
        raise arg_null("d")
    if isinstance(v, (dict, Hashtable)):
        return Hashtable(v)             # a copy of the dictionary
    if a_int(args, 0, "new", "capacity") < 0:
        raise out_of_range("Capacity must be non-negative.", "capacity")
    return Hashtable()


SB = static_type("System.Text.StringBuilder")


@SB.method("new", "System.Text.StringBuilder new()", "System.Text.StringBuilder new(int capacity)",
           "System.Text.StringBuilder new(string value)", "System.Text.StringBuilder new(string value, int capacity)")
def _sb_new(args, kw):
    from .dotnet_objects import StringBuilder
    nargs(args, 0, 1, 2)
    if len(args) == 2:
        return StringBuilder(a_str(args, 0) or "", a_int(args, 1, "new", "capacity"))
    if args and isinstance(unwrap(args[0]), str):
        return StringBuilder(a_str(args, 0))
    if args:
        return StringBuilder("", a_int(args, 0, "new", "capacity"))
    return StringBuilder()
