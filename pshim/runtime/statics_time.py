"""Static members of System.DateTime and System.TimeSpan (en-US culture).

ParseExact builds a regular expression from the .NET custom format
(yyyy MM dd HH mm ss fff tt zzz, quoted literals, `\\x` escapes) and checks the
fields as .NET does; a missing date means today, missing parts default to 1.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import math
import re

from ..errors import FormatException, OverflowException
from .psobject import Int64, unwrap
from .method_support import nargs, out_of_range, arg_null, arg_error, a_int, a_double, a_str, set_ref, enum_value
from .statics import static_type, DATETIME_KIND
from .methods_values import to_local, _naive

BAD_DATE = "String was not recognized as a valid DateTime."
BAD_SPAN = "String was not recognized as a valid TimeSpan."
_TICKS = 10_000_000
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

DT = static_type("System.DateTime")
DT.prop("Now", lambda: _dt.datetime.now())
DT.prop("UtcNow", lambda: _dt.datetime.now(_dt.timezone.utc))
DT.prop("Today", lambda: _dt.datetime.combine(_dt.date.today(), _dt.time()))
DT.const(MinValue=_dt.datetime(1, 1, 1), MaxValue=_dt.datetime(9999, 12, 31, 23, 59, 59, 999999))


def parse_date(text):
    """[datetime]::Parse / TryParse: the one date parser (runtime/datetimes.py), local time."""
    from .datetimes import parse_local
    if text is None:
        raise arg_null("s")
    try:
        return parse_local(text)
    except ValueError as exc:
        raise FormatException(str(exc)) from None




def _format_regex(fmt: str):
    from .datetimes import STANDARD, DATE_TOKEN
    if len(fmt) == 1:
        if fmt not in STANDARD:
            raise FormatException("Input string was not in a correct format.")
        fmt = STANDARD[fmt]
    parts, fields = [], []
    for tok in DATE_TOKEN.findall(fmt):
        c = tok[0]
        if c in "'\"":
            parts.append(re.escape(tok[1:-1]))
            continue
        if c == "\\":
            parts.append(re.escape(tok[1:]))
            continue
        group = None
        if c == "d":
            group = ("day", r"\d{1,2}") if tok == "d" else ("day", r"\d{2}") if tok == "dd" else \
                ("dayname", r"[A-Za-z]+")
        elif c == "M":
            group = ("month", r"\d{1,2}") if tok == "M" else ("month", r"\d{2}") if tok == "MM" else \
                ("monthname", r"[A-Za-z]+")
        elif c == "y":
            group = ("year2", r"\d{1,2}") if tok == "y" else ("year2", r"\d{2}") if tok == "yy" else \
                ("year", r"\d{%d,4}" % min(len(tok), 4))
        elif c in "Hh":
            group = ("hour24" if c == "H" else "hour12", r"\d{1,2}" if len(tok) == 1 else r"\d{2}")
        elif c == "m":
            group = ("minute", r"\d{1,2}" if tok == "m" else r"\d{2}")
        elif c == "s":
            group = ("second", r"\d{1,2}" if tok == "s" else r"\d{2}")
        elif c == "f":
            group = ("fraction", r"\d{%d}" % len(tok))
        elif c == "F":
            group = ("fraction", r"\d{0,%d}" % len(tok))
        elif c == "t":
            group = ("ampm", r"[AaPp][Mm]" if len(tok) > 1 else r"[AaPp]")
        elif c == "z":
            group = ("offset", r"[+-]\d{1,2}(?::?\d{2})?")
        elif c == "K":
            group = ("offset", r"Z|[+-]\d{2}:\d{2}|")
        elif c == "g":
            group = ("era", r"A\.?D\.?")
        if group is None:
            parts.append(re.escape(tok))
            continue
        name = f"g{len(fields)}"
        fields.append((name, group[0]))
        parts.append(f"(?P<{name}>{group[1]})")
    return re.compile("".join(parts) + r"\Z", re.I), fields


def parse_exact(text: str, fmt: str, allow_white: bool = False) -> _dt.datetime:
    if text is None:
        raise arg_null("s")
    if fmt is None:
        raise arg_null("format")
    if fmt == "":
        raise FormatException("Input string was not in a correct format.")
    rx, fields = _format_regex(fmt)
    s = text.strip() if allow_white else text
    m = rx.match(s)
    if not m:
        raise FormatException(BAD_DATE)
    v = {}
    for name, kind in fields:
        val = m.group(name)
        if kind in v and v[kind] != val and kind not in ("fraction",):
            raise FormatException(BAD_DATE)
        v[kind] = val
    today = _dt.date.today()
    has_date = any(k in v for k in ("day", "month", "monthname", "year", "year2"))
    year = int(v["year"]) if "year" in v else None
    if year is None and "year2" in v:
        yy = int(v["year2"])
        year = 2000 + yy if yy < 30 else 1900 + yy
    if "monthname" in v:
        name = v["monthname"].lower()
        match = [i for i, mn in enumerate(_MONTHS) if mn == name or mn[:3] == name]
        if not match:
            raise FormatException(BAD_DATE)
        month = match[0] + 1
    else:
        month = int(v["month"]) if "month" in v else None
    day = int(v["day"]) if "day" in v else None
    if not has_date:
        year, month, day = today.year, today.month, today.day
    year = year if year is not None else today.year
    month = month or 1
    day = day or 1
    hour = 0
    if "hour24" in v:
        hour = int(v["hour24"])
    elif "hour12" in v:
        hour = int(v["hour12"])
        if not 1 <= hour <= 12:
            raise FormatException(BAD_DATE)
        hour %= 12
    if "ampm" in v:
        pm = v["ampm"][0].lower() == "p"
        if "hour24" in v:
            if (hour >= 12) != pm and hour != 0:
                raise FormatException(BAD_DATE)
        elif pm:
            hour += 12
    frac = v.get("fraction") or ""
    micro = int((frac + "000000")[:6]) if frac else 0
    try:
        d = _dt.datetime(year, month, day, hour, int(v.get("minute", 0)), int(v.get("second", 0)), micro)
    except ValueError:
        raise FormatException(BAD_DATE) from None
    if "dayname" in v:
        dn = v["dayname"].lower()
        match = [i for i, n in enumerate(_DAYS) if n == dn or n[:3] == dn]
        if not match:
            raise FormatException(BAD_DATE)
        if match[0] != d.weekday():
            raise FormatException("String was not recognized as a valid DateTime because the day of week "
                                  "was incorrect.")
    off = v.get("offset")
    if off:
        if off.upper() == "Z":
            tz = _dt.timezone.utc
        else:
            sign = -1 if off[0] == "-" else 1
            digits = off[1:].replace(":", "")
            hh, mm = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
            tz = _dt.timezone(sign * _dt.timedelta(hours=hh, minutes=mm))
        d = to_local(d.replace(tzinfo=tz))
    return d


@DT.method("Parse", "static datetime Parse(string s)", "static datetime Parse(string s, System.IFormatProvider provider)",
           "static datetime Parse(string s, System.IFormatProvider provider, System.Globalization.DateTimeStyles styles)")
def _dt_parse(args, kw):
    nargs(args, 1, 2, 3)
    return parse_date(a_str(args, 0))


def _formats(args, i):
    v = unwrap(args[i])
    if isinstance(v, (list, tuple)):
        return [a_str([x], 0) for x in v]
    return [a_str(args, i)]


def _styles_allow_white(args, i):
    if len(args) <= i:
        return False
    v = unwrap(args[i])
    text = str(getattr(v, "name", v)).lower()
    return "allowwhitespaces" in text or "allowleadingwhite" in text or (isinstance(v, int) and bool(v & 7))


def _parse_exact_any(text, formats, allow_white):
    last = None
    for f in formats:
        try:
            return parse_exact(text, f, allow_white)
        except FormatException as exc:
            last = exc
    raise last or FormatException(BAD_DATE)


@DT.method("ParseExact", "static datetime ParseExact(string s, string format, System.IFormatProvider provider)",
           "static datetime ParseExact(string s, string format, System.IFormatProvider provider, "
           "System.Globalization.DateTimeStyles style)",
           "static datetime ParseExact(string s, string[] formats, System.IFormatProvider provider, "
           "System.Globalization.DateTimeStyles style)")
def _dt_parse_exact(args, kw):
    nargs(args, 3, 4)
    return _parse_exact_any(a_str(args, 0), _formats(args, 1), _styles_allow_white(args, 3))


@DT.method("TryParse", "static bool TryParse(string s, [ref] datetime result)")
def _dt_try_parse(args, kw):
    nargs(args, 2, 4)
    try:
        value, ok = parse_date(a_str(args, 0)), True
    except Exception:   # any failure -> False, result MinValue
        value, ok = _dt.datetime(1, 1, 1), False
    set_ref(args[-1], value)
    return ok


@DT.method("TryParseExact", "static bool TryParseExact(string s, string format, System.IFormatProvider provider, "
           "System.Globalization.DateTimeStyles style, [ref] datetime result)")
def _dt_try_parse_exact(args, kw):
    nargs(args, 5)
    try:
        value, ok = _parse_exact_any(a_str(args, 0), _formats(args, 1), _styles_allow_white(args, 3)), True
    except Exception:   # any failure -> False
        value, ok = _dt.datetime(1, 1, 1), False
    set_ref(args[4], value)
    return ok


@DT.method("DaysInMonth", "static int DaysInMonth(int year, int month)")
def _dt_days_in_month(args, kw):
    nargs(args, 2)
    y, m = a_int(args, 0, "DaysInMonth", "year"), a_int(args, 1, "DaysInMonth", "month")
    if not 1 <= m <= 12:
        raise out_of_range("Month must be between one and twelve.", "month")
    if not 1 <= y <= 9999:
        raise out_of_range("Year must be between 1 and 9999.", "year")
    return calendar.monthrange(y, m)[1]


@DT.method("IsLeapYear", "static bool IsLeapYear(int year)")
def _dt_is_leap(args, kw):
    nargs(args, 1)
    y = a_int(args, 0, "IsLeapYear", "year")
    if not 1 <= y <= 9999:
        raise out_of_range("Year must be between 1 and 9999.", "year")
    return calendar.isleap(y)


@DT.method("SpecifyKind", "static datetime SpecifyKind(datetime value, System.DateTimeKind kind)")
def _dt_specify_kind(args, kw):
    nargs(args, 2)
    d = _date_arg(args, 0)
    kind = enum_value(args[1], DATETIME_KIND, "System.DateTimeKind", "SpecifyKind", "kind")
    return d.replace(tzinfo=_dt.timezone.utc) if kind == 1 else _naive(d)


def _date_arg(args, i):
    v = unwrap(args[i])
    if isinstance(v, _dt.datetime):
        return v
    if isinstance(v, str):
        return parse_date(v)
    from .method_support import conversion_error
    raise conversion_error("", "value", v, "System.DateTime", f'Cannot convert value "{v}" to type "System.DateTime".')


@DT.method("Compare", "static int Compare(datetime t1, datetime t2)")
def _dt_compare(args, kw):
    nargs(args, 2)
    a, b = _naive(_date_arg(args, 0)), _naive(_date_arg(args, 1))
    return (a > b) - (a < b)


@DT.method("FromFileTime", "static datetime FromFileTime(long fileTime)")
def _dt_from_file_time(args, kw):
    nargs(args, 1)
    return to_local(_from_file_time(args))


@DT.method("FromFileTimeUtc", "static datetime FromFileTimeUtc(long fileTime)")
def _dt_from_file_time_utc(args, kw):
    nargs(args, 1)
    return _from_file_time(args)


def _from_file_time(args):
    ft = a_int(args, 0, "FromFileTime", "fileTime", "System.Int64")
    if ft < 0:
        raise out_of_range("Not a valid Win32 FileTime.", "fileTime")
    return _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(microseconds=ft // 10)


@DT.method("new", "datetime new(long ticks)", "datetime new(long ticks, System.DateTimeKind kind)",
           "datetime new(int year, int month, int day)",
           "datetime new(int year, int month, int day, int hour, int minute, int second)",
           "datetime new(int year, int month, int day, int hour, int minute, int second, int millisecond)",
           "datetime new(int year, int month, int day, int hour, int minute, int second, int millisecond, "
           "System.DateTimeKind kind)")
def _dt_new(args, kw):
    nargs(args, 1, 2, 3, 6, 7, 8)
    if len(args) <= 2:
        ticks = a_int(args, 0, "new", "ticks", "System.Int64")
        if not 0 <= ticks <= 3155378975999999999:
            raise out_of_range("Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.", "ticks")
        d = _dt.datetime(1, 1, 1) + _dt.timedelta(microseconds=ticks // 10)
        if len(args) == 2:
            kind = enum_value(args[1], DATETIME_KIND, "System.DateTimeKind", "new", "kind")
            d = d.replace(tzinfo=_dt.timezone.utc) if kind == 1 else d
        return d
    names = ["year", "month", "day", "hour", "minute", "second", "millisecond"]
    vals = [a_int(args, i, "new", names[i]) for i in range(min(len(args), 7))]
    y, mo, d = vals[:3]
    h, mi, s, ms = (vals[3:] + [0, 0, 0, 0])[:4]
    try:
        result = _dt.datetime(y, mo, d, h, mi, s, ms * 1000)
    except ValueError:
        if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 60):
            raise arg_error("Hour, Minute, and Second parameters describe an un-representable DateTime.") from None
        raise arg_error("Year, Month, and Day parameters describe an un-representable DateTime.") from None
    if len(args) == 8:
        kind = enum_value(args[7], DATETIME_KIND, "System.DateTimeKind", "new", "kind")
        result = result.replace(tzinfo=_dt.timezone.utc) if kind == 1 else result
    return result


# ---------------------------------------------------------------------------
# System.TimeSpan

TS = static_type("System.TimeSpan")
TS.const(Zero=_dt.timedelta(0), MaxValue=_dt.timedelta(microseconds=922337203685477580),
         MinValue=-_dt.timedelta(microseconds=922337203685477580),
         TicksPerDay=Int64(864000000000), TicksPerHour=Int64(36000000000), TicksPerMinute=Int64(600000000),
         TicksPerSecond=Int64(10000000), TicksPerMillisecond=Int64(10000))


def timespan_interval(value: float, scale_ms: float) -> _dt.timedelta:
    """TimeSpan.FromX as .NET Framework rounds it (to whole milliseconds, half away from zero)."""
    if math.isnan(value):
        raise arg_error("TimeSpan does not accept floating point Not-a-Number values.")
    millis = value * scale_ms + (0.5 if value >= 0 else -0.5)
    if millis > 922337203685477 or millis < -922337203685477:
        raise OverflowException("TimeSpan overflowed because the duration is too long.")
    return _dt.timedelta(milliseconds=int(millis))


for _name, _scale in (("FromDays", 86400000), ("FromHours", 3600000), ("FromMinutes", 60000),
                      ("FromSeconds", 1000), ("FromMilliseconds", 1)):
    TS.method(_name, f"static timespan {_name}(double value)")(
        (lambda name, scale: lambda args, kw: (nargs(args, 1), timespan_interval(
            a_double(args, 0, name, "value"), scale))[1])(_name, _scale))


@TS.method("FromTicks", "static timespan FromTicks(long value)")
def _ts_from_ticks(args, kw):
    nargs(args, 1)
    t = a_int(args, 0, "FromTicks", "value", "System.Int64")
    return _dt.timedelta(microseconds=t // 10 if t >= 0 else -((-t) // 10))


_SPAN = re.compile(r"^\s*(-)?(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?\s*$")
_SPAN_DAYS = re.compile(r"^\s*(-)?(\d+)\s*$")
_SPAN_COLON_DAYS = re.compile(r"^\s*(-)?(\d+):(\d+):(\d+):(\d+)(?:\.(\d+))?\s*$")


def parse_timespan(text) -> _dt.timedelta:
    if text is None:
        raise arg_null("input")
    m = _SPAN_DAYS.match(text)
    if m:
        days = int(m.group(2))
        if days > 10675199:
            raise OverflowException("The TimeSpan could not be parsed because at least one of the numeric "
                                    "components is out of range or contains too many digits.")
        t = _dt.timedelta(days=days)
        return -t if m.group(1) else t
    m = _SPAN.match(text)
    if m:
        neg, days, hh, mm, ss, frac = m.groups()
    else:
        m = _SPAN_COLON_DAYS.match(text)
        if not m:
            raise FormatException(BAD_SPAN)
        neg, days, hh, mm, ss, frac = m.groups()
    days, hh, mm, ss = int(days or 0), int(hh), int(mm), int(ss or 0)
    if hh > 23 or mm > 59 or ss > 59 or (frac and len(frac) > 7):
        raise OverflowException("The TimeSpan could not be parsed because at least one of the numeric components "
                                "is out of range or contains too many digits.")
    micro = int((frac + "000000")[:6]) if frac else 0
    t = _dt.timedelta(days=days, hours=hh, minutes=mm, seconds=ss, microseconds=micro)
    return -t if neg else t


@TS.method("Parse", "static timespan Parse(string s)", "static timespan Parse(string input, System.IFormatProvider formatProvider)")
def _ts_parse(args, kw):
    nargs(args, 1, 2)
    return parse_timespan(a_str(args, 0))


@TS.method("TryParse", "static bool TryParse(string s, [ref] timespan result)",
           "static bool TryParse(string input, System.IFormatProvider formatProvider, [ref] timespan result)")
def _ts_try_parse(args, kw):
    nargs(args, 2, 3)
    try:
        value, ok = parse_timespan(a_str(args, 0)), True
    except Exception:   # any failure -> False
        value, ok = _dt.timedelta(0), False
    set_ref(args[-1], value)
    return ok


@TS.method("Compare", "static int Compare(timespan t1, timespan t2)")
def _ts_compare(args, kw):
    nargs(args, 2)
    a, b = unwrap(args[0]), unwrap(args[1])
    return (a > b) - (a < b)


@TS.method("new", "timespan new(long ticks)", "timespan new(int hours, int minutes, int seconds)",
           "timespan new(int days, int hours, int minutes, int seconds)",
           "timespan new(int days, int hours, int minutes, int seconds, int milliseconds)")
def _ts_new(args, kw):
    nargs(args, 1, 3, 4, 5)
    if len(args) == 1:
        return _ts_from_ticks(args, kw)
    names = ["days", "hours", "minutes", "seconds", "milliseconds"]
    if len(args) == 3:
        names = names[1:]
    vals = [a_int(args, i, "new", names[i]) for i in range(len(args))]
    if len(args) == 3:
        vals = [0] + vals
    d, h, m, s = vals[:4]
    ms = vals[4] if len(vals) > 4 else 0
    total_ms = (((d * 24 + h) * 60 + m) * 60 + s) * 1000 + ms
    if abs(total_ms) > 922337203685477:
        from ..errors import ArgumentOutOfRangeException
        raise ArgumentOutOfRangeException("TimeSpan overflowed because the duration is too long.")
    return _dt.timedelta(milliseconds=total_ms)
