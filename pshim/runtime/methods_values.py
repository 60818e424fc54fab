"""Methods of value types: numbers (Int32/Int64/.../Double/Decimal), Boolean,
Char, DateTime, TimeSpan and IPAddress.

DateTime kind is modelled as datetimes.py does: a naive datetime is Local, an
aware one is Utc. Comparisons and subtraction use the wall-clock ticks, as .NET
does (Kind is ignored), so mixing the two never raises.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import ipaddress
import time

from ..errors import OverflowException
from .psobject import Char, TypedArray, Byte, Int64, unwrap
from .method_support import (method, nargs, out_of_range, arg_error, a_int, a_double, conversion_error,
                             dotnet_equals)

NUMBER_METHODS: dict = {}
BOOL_METHODS: dict = {}
CHAR_METHODS: dict = {}
DATETIME_METHODS: dict = {}
TIMESPAN_METHODS: dict = {}
IPADDRESS_METHODS: dict = {}

_TICKS_PER_MS = 10_000
_MAX_MILLIS = 315537897600000
_MIN = _dt.datetime(1, 1, 1)
_MAX = _dt.datetime(9999, 12, 31, 23, 59, 59, 999999)


def _short_type(value) -> str:
    from .typenames import type_name
    return type_name(value).rsplit(".", 1)[-1]


# ---------------------------------------------------------------------------
# Numbers, Boolean, Char

def _value_to_string(v, args, kw):
    from .dotnet_format import format_value
    from .conversion import dotnet_string
    nargs(args, 0, 1, 2)
    if not args:
        return dotnet_string(v)
    spec = unwrap(args[0])
    if isinstance(spec, str) or spec is None:
        return format_value(v, spec) if spec else dotnet_string(v)
    return dotnet_string(v)          # ToString(IFormatProvider)


def _compare_to(v, args, kw):
    nargs(args, 1)
    other = unwrap(args[0])
    if other is None:
        return 1
    kinds = (int, float, decimal.Decimal)
    if isinstance(v, bool) or isinstance(other, bool):
        if not (isinstance(v, bool) and isinstance(other, bool)):
            raise arg_error(f"Object must be of type {_short_type(v)}.")
    elif isinstance(v, Char):
        if not isinstance(other, str) or len(other) != 1:
            raise arg_error("Object must be of type Char.")
    elif not isinstance(other, kinds):
        if isinstance(other, str):
            from .conversion import to_double
            try:
                other = to_double(other)
            except Exception:   # a non-numeric string: .NET's CompareTo(object) type error
                raise arg_error(f"Object must be of type {_short_type(v)}.") from None
        else:
            raise arg_error(f"Object must be of type {_short_type(v)}.")
    return (v > other) - (v < other)


def _equals(v, args, kw):
    nargs(args, 1)
    return dotnet_equals(v, args[0])


def _type_code(v, args, kw):
    nargs(args, 0)
    return _short_type(v)


def _hash_code(v, args, kw):
    nargs(args, 0)
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, int):
        return int(v) if -2 ** 31 <= v < 2 ** 31 else (int(v) ^ (int(v) >> 32)) & 0x7FFFFFFF
    if isinstance(v, str):
        return ord(v) | (ord(v) << 16)
    return hash(v) & 0x7FFFFFFF


for _table in (NUMBER_METHODS, BOOL_METHODS, CHAR_METHODS):
    method(_table, "ToString", "string ToString()", "string ToString(string format)",
           "string ToString(System.IFormatProvider provider)",
           "string ToString(string format, System.IFormatProvider provider)")(_value_to_string)
    method(_table, "CompareTo", "int CompareTo(System.Object value)")(_compare_to)
    method(_table, "Equals", "bool Equals(System.Object obj)")(_equals)
    method(_table, "GetTypeCode", "System.TypeCode GetTypeCode()")(_type_code)
    method(_table, "GetHashCode", "int GetHashCode()")(_hash_code)


# ---------------------------------------------------------------------------
# DateTime

def _naive(d: _dt.datetime) -> _dt.datetime:
    return d.replace(tzinfo=None) if d.tzinfo is not None else d


def _add_ticks(d: _dt.datetime, ticks: int) -> _dt.datetime:
    try:
        return d + _dt.timedelta(microseconds=ticks // 10 if ticks >= 0 else -((-ticks) // 10))
    except OverflowError:
        raise out_of_range("The added or subtracted value results in an un-representable DateTime.",
                           "value") from None


def _add_scaled(d, args, name, scale_ms):
    nargs(args, 1)
    value = a_double(args, 0, name, "value")
    millis = value * scale_ms + (0.5 if value >= 0 else -0.5)
    if millis != millis or not -_MAX_MILLIS < millis < _MAX_MILLIS:
        raise out_of_range("Value to add was out of range.", "value")
    return _add_ticks(d, int(millis) * _TICKS_PER_MS)


def _checked(fn):
    try:
        return fn()
    except (OverflowError, ValueError):
        raise out_of_range("The added or subtracted value results in an un-representable DateTime.",
                           "value") from None


for _name, _scale in (("AddDays", 86400000), ("AddHours", 3600000), ("AddMinutes", 60000),
                      ("AddSeconds", 1000), ("AddMilliseconds", 1)):
    method(DATETIME_METHODS, _name, f"datetime {_name}(double value)")(
        (lambda name, scale: lambda d, args, kw: _add_scaled(d, args, name, scale))(_name, _scale))


def add_months(d: _dt.datetime, months: int) -> _dt.datetime:
    import calendar
    if not -120000 <= months <= 120000:
        raise out_of_range("Months value must be between +/-120000.", "months")
    total = d.year * 12 + (d.month - 1) + months
    y, m = divmod(total, 12)
    if not 1 <= y <= 9999:
        raise out_of_range("The added or subtracted value results in an un-representable DateTime.", "months")
    day = min(d.day, calendar.monthrange(y, m + 1)[1])
    return d.replace(year=y, month=m + 1, day=day)


@method(DATETIME_METHODS, "AddMonths", "datetime AddMonths(int months)")
def _add_months(d, args, kw):
    nargs(args, 1)
    return add_months(d, a_int(args, 0, "AddMonths", "months"))


@method(DATETIME_METHODS, "AddYears", "datetime AddYears(int value)")
def _add_years(d, args, kw):
    nargs(args, 1)
    n = a_int(args, 0, "AddYears", "value")
    if not -10000 <= n <= 10000:
        raise out_of_range("Years value must be between +/-10000.", "years")
    return add_months(d, n * 12)


@method(DATETIME_METHODS, "AddTicks", "datetime AddTicks(long value)")
def _add_ticks_m(d, args, kw):
    nargs(args, 1)
    return _add_ticks(d, a_int(args, 0, "AddTicks", "value", "System.Int64"))


def _timespan_arg(args, i, name, param):
    v = unwrap(args[i])
    if isinstance(v, _dt.timedelta):
        return v
    raise conversion_error(name, param, v, "System.TimeSpan",
                           f'Cannot convert value "{v}" to type "System.TimeSpan".')


@method(DATETIME_METHODS, "Add", "datetime Add(timespan value)")
def _dt_add(d, args, kw):
    nargs(args, 1)
    ts = _timespan_arg(args, 0, "Add", "value")
    return _checked(lambda: d + ts)


@method(DATETIME_METHODS, "Subtract", "timespan Subtract(datetime value)", "datetime Subtract(timespan value)")
def _dt_subtract(d, args, kw):
    nargs(args, 1)
    v = unwrap(args[0])
    if isinstance(v, _dt.datetime):
        return _naive(d) - _naive(v)
    ts = _timespan_arg(args, 0, "Subtract", "value")
    return _checked(lambda: d - ts)


@method(DATETIME_METHODS, "ToString", "string ToString()", "string ToString(string format)",
        "string ToString(System.IFormatProvider provider)",
        "string ToString(string format, System.IFormatProvider provider)")
def _dt_to_string(d, args, kw):
    return _value_to_string(d, args, kw)


def _dt_fmt(fmt):
    from .datetimes import format_datetime
    return lambda d, args, kw: (nargs(args, 0), format_datetime(d, fmt))[1]


method(DATETIME_METHODS, "ToShortDateString", "string ToShortDateString()")(_dt_fmt("M/d/yyyy"))
method(DATETIME_METHODS, "ToLongDateString", "string ToLongDateString()")(_dt_fmt("dddd, MMMM d, yyyy"))
method(DATETIME_METHODS, "ToShortTimeString", "string ToShortTimeString()")(_dt_fmt("h:mm tt"))
method(DATETIME_METHODS, "ToLongTimeString", "string ToLongTimeString()")(_dt_fmt("h:mm:ss tt"))


def to_utc(d: _dt.datetime) -> _dt.datetime:
    if d.tzinfo is not None:
        return d.astimezone(_dt.timezone.utc)
    try:
        return d.astimezone(_dt.timezone.utc)
    except (OverflowError, ValueError, OSError):
        return d.replace(tzinfo=_dt.timezone.utc)


def to_local(d: _dt.datetime) -> _dt.datetime:
    if d.tzinfo is None:
        return d
    try:
        return d.astimezone().replace(tzinfo=None)
    except (OverflowError, ValueError, OSError):
        return d.replace(tzinfo=None)


@method(DATETIME_METHODS, "ToUniversalTime", "datetime ToUniversalTime()")
def _dt_utc(d, args, kw):
    nargs(args, 0)
    return to_utc(d)


@method(DATETIME_METHODS, "ToLocalTime", "datetime ToLocalTime()")
def _dt_local(d, args, kw):
    nargs(args, 0)
    return to_local(d)


@method(DATETIME_METHODS, "CompareTo", "int CompareTo(System.Object value)", "int CompareTo(datetime value)")
def _dt_compare(d, args, kw):
    nargs(args, 1)
    v = unwrap(args[0])
    if v is None:
        return 1
    if not isinstance(v, _dt.datetime):
        raise arg_error("Object must be of type DateTime.")
    a, b = _naive(d), _naive(v)
    return (a > b) - (a < b)


@method(DATETIME_METHODS, "Equals", "bool Equals(datetime value)", "bool Equals(System.Object value)")
def _dt_equals(d, args, kw):
    nargs(args, 1)
    v = unwrap(args[0])
    return isinstance(v, _dt.datetime) and _naive(v) == _naive(d)


@method(DATETIME_METHODS, "IsDaylightSavingTime", "bool IsDaylightSavingTime()")
def _dt_dst(d, args, kw):
    nargs(args, 0)
    if d.tzinfo is not None:
        return False
    try:
        return bool(time.localtime(d.timestamp()).tm_isdst > 0)
    except (OverflowError, ValueError, OSError):
        return False


@method(DATETIME_METHODS, "GetHashCode", "int GetHashCode()")
def _dt_hash(d, args, kw):
    from .datetimes import ticks
    nargs(args, 0)
    t = ticks(d)
    return (t ^ (t >> 32)) & 0x7FFFFFFF


@method(DATETIME_METHODS, "GetTypeCode", "System.TypeCode GetTypeCode()")
def _dt_type_code(d, args, kw):
    nargs(args, 0)
    return "DateTime"


@method(DATETIME_METHODS, "ToFileTime", "long ToFileTime()")
def _dt_file_time(d, args, kw):
    nargs(args, 0)
    from .datetimes import ticks
    return Int64(ticks(_naive(to_utc(d))) - 504911232000000000)


# ---------------------------------------------------------------------------
# TimeSpan

def _ts_checked(fn):
    try:
        return fn()
    except OverflowError:
        raise OverflowException("TimeSpan overflowed because the duration is too long.") from None


@method(TIMESPAN_METHODS, "Add", "timespan Add(timespan ts)")
def _ts_add(t, args, kw):
    nargs(args, 1)
    other = _timespan_arg(args, 0, "Add", "ts")
    return _ts_checked(lambda: t + other)


@method(TIMESPAN_METHODS, "Subtract", "timespan Subtract(timespan ts)")
def _ts_subtract(t, args, kw):
    nargs(args, 1)
    other = _timespan_arg(args, 0, "Subtract", "ts")
    return _ts_checked(lambda: t - other)


@method(TIMESPAN_METHODS, "Negate", "timespan Negate()")
def _ts_negate(t, args, kw):
    nargs(args, 0)
    return -t


@method(TIMESPAN_METHODS, "Duration", "timespan Duration()")
def _ts_duration(t, args, kw):
    nargs(args, 0)
    return abs(t)


@method(TIMESPAN_METHODS, "ToString", "string ToString()", "string ToString(string format)",
        "string ToString(string format, System.IFormatProvider formatProvider)")
def _ts_to_string(t, args, kw):
    return _value_to_string(t, args, kw)


@method(TIMESPAN_METHODS, "CompareTo", "int CompareTo(System.Object value)", "int CompareTo(timespan value)")
def _ts_compare(t, args, kw):
    nargs(args, 1)
    v = unwrap(args[0])
    if v is None:
        return 1
    if not isinstance(v, _dt.timedelta):
        raise arg_error("Object must be of type TimeSpan.")
    return (t > v) - (t < v)


@method(TIMESPAN_METHODS, "Equals", "bool Equals(System.Object value)", "bool Equals(timespan obj)")
def _ts_equals(t, args, kw):
    nargs(args, 1)
    v = unwrap(args[0])
    return isinstance(v, _dt.timedelta) and v == t


# ---------------------------------------------------------------------------
# IPAddress

@method(IPADDRESS_METHODS, "ToString", "string ToString()")
def _ip_to_string(a, args, kw):
    nargs(args, 0)
    return str(a)


@method(IPADDRESS_METHODS, "GetAddressBytes", "byte[] GetAddressBytes()")
def _ip_bytes(a, args, kw):
    nargs(args, 0)
    return TypedArray([Byte(b) for b in a.packed], "System.Byte")


@method(IPADDRESS_METHODS, "Equals", "bool Equals(System.Object comparand)")
def _ip_equals(a, args, kw):
    nargs(args, 1)
    return unwrap(args[0]) == a


@method(IPADDRESS_METHODS, "MapToIPv4", "ipaddress MapToIPv4()")
def _ip_map4(a, args, kw):
    nargs(args, 0)
    if a.version == 4:
        return a
    mapped = a.ipv4_mapped
    return mapped if mapped is not None else ipaddress.IPv4Address(int(a) & 0xFFFFFFFF)


@method(IPADDRESS_METHODS, "MapToIPv6", "ipaddress MapToIPv6()")
def _ip_map6(a, args, kw):
    nargs(args, 0)
    if a.version == 6:
        return a
    return ipaddress.IPv6Address("::ffff:" + str(a))


def table_for(obj):
    """The method table of a value receiver, or None."""
    if isinstance(obj, bool):
        return BOOL_METHODS
    if isinstance(obj, Char):
        return CHAR_METHODS
    if isinstance(obj, (int, float, decimal.Decimal)):
        return NUMBER_METHODS
    if isinstance(obj, _dt.datetime):
        return DATETIME_METHODS
    if isinstance(obj, _dt.timedelta):
        return TIMESPAN_METHODS
    if isinstance(obj, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return IPADDRESS_METHODS
    return None
