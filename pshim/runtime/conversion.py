"""PowerShell's value conversions (LanguagePrimitives): to string, to bool,
to number, and the cast error texts. Type-directed conversion (`[int]$x`,
parameter types) is in types.py, which builds on these."""
from __future__ import annotations

import datetime as _dt
import decimal
import math
import re

from ..errors import PSInvalidCastException
from .psobject import PSObject, Hashtable, TypedInt, Single, DotNetObject, unwrap
from .typenames import type_name

_INT32_MIN, _INT32_MAX = -2 ** 31, 2 ** 31 - 1


# ---------------------------------------------------------------------------
# Numbers as text

def format_double(d: float) -> str:
    """Double.ToString() as .NET Framework shows it (15 significant digits)."""
    if d != d:
        return "NaN"
    if d == math.inf:
        return "Infinity"
    if d == -math.inf:
        return "-Infinity"
    if d == 0:
        return "0"
    if d.is_integer() and abs(d) < 1e15:
        return str(int(d))
    s = "%.15G" % d
    if "E" in s:
        mant, exp = s.split("E")
        if "." in mant:
            mant = mant.rstrip("0").rstrip(".")
        sign = exp[0]
        digits = exp[1:].lstrip("0").rjust(2, "0")
        return f"{mant}E{sign}{digits}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def format_single(d: float) -> str:
    if d != d or d in (math.inf, -math.inf):
        return format_double(d)
    s = "%.7G" % d
    if "E" in s:
        mant, exp = s.split("E")
        if "." in mant:
            mant = mant.rstrip("0").rstrip(".")
        return f"{mant}E{exp[0]}{exp[1:].lstrip('0').rjust(2, '0')}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def format_decimal(d: decimal.Decimal) -> str:
    s = format(d, "f")
    return s


# ---------------------------------------------------------------------------
# To string

def to_string(value, ofs: str = " ") -> str:
    """PowerShell's conversion to [string] (string expansion, -join, casts):
    invariant culture; arrays joined by $OFS."""
    if value is None:
        return ""
    t = type(value)
    if t is str:
        return value
    if t is bool:
        return "True" if value else "False"
    if t is int:
        return str(value)
    if t is float:
        return format_double(value)
    if isinstance(value, (list, tuple)):
        return ofs.join(to_string(v, ofs) for v in value)
    if isinstance(value, _dt.datetime):
        from .datetimes import format_datetime
        return format_datetime(value, "MM/dd/yyyy HH:mm:ss")
    return dotnet_string(value)


def dotnet_string(value) -> str:
    """Object.ToString() as .NET does it in en-US (CSV, HTML, table cells of
    non-primitive values): arrays give their type name."""
    if value is None:
        return ""
    t = type(value)
    if t is str:
        return value
    if t is bool:
        return "True" if value else "False"
    if t is int or isinstance(value, TypedInt):
        return str(int(value))
    if isinstance(value, Single):
        return format_single(value)
    if isinstance(value, float):
        return format_double(value)
    if isinstance(value, decimal.Decimal):
        return format_decimal(value)
    if isinstance(value, PSObject):
        if value.base is not None:
            return dotnet_string(value.base)
        return "@{" + "; ".join(f"{m.name}={to_string(m.get(value))}"
                                for m in value.members.values()
                                if m.member_type.endswith("Property")) + "}"
    if isinstance(value, (list, tuple)):
        return type_name(value)
    if isinstance(value, Hashtable) or isinstance(value, dict):
        return type_name(value)
    if isinstance(value, _dt.datetime):
        from .datetimes import format_datetime
        return format_datetime(value)
    if isinstance(value, _dt.timedelta):
        from .datetimes import format_timespan
        return format_timespan(value)
    if isinstance(value, DotNetObject):
        return value.ps_to_string()
    to_s = getattr(value, "ps_to_string", None)
    if to_s is not None:
        return to_s()
    if isinstance(value, BaseException):
        return getattr(value, "message", None) or str(value)
    if hasattr(value, "ps_type_names"):
        return value.ps_type_names[0]
    return str(value)


# ---------------------------------------------------------------------------
# To bool

def to_bool(value) -> bool:
    """LanguagePrimitives.IsTrue."""
    if value is None:
        return False
    t = type(value)
    if t is bool:
        return value
    if t is str:
        return len(value) > 0
    if t is int or t is float:
        return value != 0
    if isinstance(value, (list, tuple)):
        n = len(value)
        if n == 0:
            return False
        if n == 1:
            v = value[0]
            if isinstance(v, (list, tuple)):
                return len(v) > 0
            return to_bool(v)
        return True
    if isinstance(value, (int, float, decimal.Decimal)):
        return value != 0
    if isinstance(value, PSObject):
        return True if value.base is None else to_bool(value.base)
    is_present = getattr(value, "is_present", None)
    if is_present is not None:
        return bool(is_present)
    return True


# ---------------------------------------------------------------------------
# To number

_HEX = re.compile(r"^\s*([+-]?)0x([0-9a-f]+)(l)?\s*$", re.I)
_INT = re.compile(r"^\s*([+-]?\d+)(l)?\s*$", re.I)
_MULT = {"kb": 1024, "mb": 1024 ** 2, "gb": 1024 ** 3, "tb": 1024 ** 4, "pb": 1024 ** 5}
_NUMMULT = re.compile(r"^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(kb|mb|gb|tb|pb)\s*$", re.I)


def cast_error(value, target: str, inner: str | None = None, exc=PSInvalidCastException):
    shown = to_string(value) if not isinstance(value, (list, tuple)) else type_name(value)
    if inner is None:
        msg = f'Cannot convert value "{shown}" to type "{target}".'
    else:
        msg = f'Cannot convert value "{shown}" to type "{target}". Error: "{inner}"'
    return exc(msg, error_id="InvalidCastFromStringToInteger" if isinstance(value, str)
               else "ConvertToFinalInvalidCastException", category="InvalidArgument", target=value)


def parse_number(text: str):
    """Parse a string as PowerShell's arithmetic does; None if it is not a number."""
    s = text.strip()
    if s == "":
        return 0
    m = _INT.match(s)
    if m:
        if len(m.group(1)) > 400:        # past every integer type, and past Python's int-parsing limit:
            return float(m.group(1))     # a double (Infinity beyond its range)
        return int(m.group(1))
    m = _HEX.match(s)
    if m:
        v = int(m.group(2), 16)
        if not m.group(3) and v <= 0xFFFFFFFF and v > _INT32_MAX:
            v -= 2 ** 32
        return -v if m.group(1) == "-" else v
    m = _NUMMULT.match(s)
    if m:
        base = m.group(1)
        mult = _MULT[m.group(2).lower()]
        num = float(base) if any(c in base for c in ".eE") else int(base)
        return num * mult
    try:
        if s.lower() in ("nan", "infinity", "-infinity", "inf", "-inf", "+inf"):
            return None
        return float(s)
    except ValueError:
        return None


def to_number(value):
    """Operand conversion for arithmetic: int, float or Decimal."""
    if value is None:
        return 0
    t = type(value)
    if t is int or t is float:
        return value
    if t is bool:
        return 1 if value else 0
    if isinstance(value, (int, float, decimal.Decimal)):
        return value
    if isinstance(value, str):
        n = parse_number(value)
        if n is None:
            raise cast_error(value, "System.Int32", "Input string was not in a correct format.")
        return n
    value = unwrap(value)
    if isinstance(value, (int, float, decimal.Decimal, str)):
        return to_number(value)
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return to_number(value[0])
    if isinstance(getattr(value, "value__", None), int):        # an enum value: its number
        return value.value__
    raise cast_error(value, "System.Int32")


def to_int(value, target="System.Int32") -> int:
    """[int] conversion: banker's rounding of non-integers, range checked."""
    n = to_number(value) if not isinstance(value, str) else _str_to_num(value, target)
    if isinstance(n, float):
        if n != n or n in (math.inf, -math.inf):
            raise cast_error(value, target, "Value was either too large or too small for an Int32.")
        n = round(n)   # Python's round is banker's rounding, as .NET's Convert
    elif isinstance(n, decimal.Decimal):
        n = int(n.to_integral_value(rounding=decimal.ROUND_HALF_EVEN))
    return int(n)


def _str_to_num(value: str, target: str):
    n = parse_number(value)
    if n is None:
        raise cast_error(value, target, "Input string was not in a correct format.")
    return n


def to_double(value) -> float:
    if isinstance(value, str):
        n = parse_number(value)
        if n is None:
            s = value.strip().lower()
            if s in ("nan",):
                return math.nan
            if s in ("infinity", "inf"):
                return math.inf
            if s in ("-infinity", "-inf"):
                return -math.inf
            raise cast_error(value, "System.Double", "Input string was not in a correct format.")
        return float(n)
    return float(to_number(value))


def is_numeric(value) -> bool:
    return (isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool))


def _register_with_errors():
    """An ErrorRecord's CategoryInfo shows its target with the runtime's text and type name."""
    from ..errors import register_target_text
    from .typenames import short_type_name
    register_target_text(to_string, short_type_name)


_register_with_errors()
