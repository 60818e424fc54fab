"""DateTime and TimeSpan: properties and .NET format strings (en-US culture)."""
from __future__ import annotations

import datetime as _dt
import re

_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]

TICKS_PER_SECOND = 10_000_000
_EPOCH = _dt.datetime(1, 1, 1)


def ticks(d: _dt.datetime) -> int:
    naive = d.replace(tzinfo=None)
    delta = naive - _EPOCH
    return (delta.days * 86400 + delta.seconds) * TICKS_PER_SECOND + delta.microseconds * 10


def datetime_properties(d: _dt.datetime):
    return [
        ("DisplayHint", "DateTime"), ("DateTime", format_datetime(d, "dddd, MMMM d, yyyy h:mm:ss tt")),
        ("Date", d.replace(hour=0, minute=0, second=0, microsecond=0)), ("Day", d.day),
        ("DayOfWeek", _DAYS[d.weekday()]), ("DayOfYear", d.timetuple().tm_yday), ("Hour", d.hour),
        ("Kind", "Local" if d.tzinfo is None else "Utc"), ("Millisecond", d.microsecond // 1000),
        ("Minute", d.minute), ("Month", d.month), ("Second", d.second), ("Ticks", ticks(d)),
        ("TimeOfDay", _dt.timedelta(hours=d.hour, minutes=d.minute, seconds=d.second,
                                    microseconds=d.microsecond)),
        ("Year", d.year),
    ]


def timespan_parts(t: _dt.timedelta):
    """(negative, days, hours, minutes, seconds, ticks of the second) of a TimeSpan's magnitude."""
    tk = (t.days * 86400 + t.seconds) * TICKS_PER_SECOND + t.microseconds * 10
    a = abs(tk)
    days, rem = divmod(a, 86400 * TICKS_PER_SECOND)
    hours, rem = divmod(rem, 3600 * TICKS_PER_SECOND)
    minutes, rem = divmod(rem, 60 * TICKS_PER_SECOND)
    seconds, frac = divmod(rem, TICKS_PER_SECOND)
    return tk < 0, days, hours, minutes, seconds, frac


def timespan_properties(t: _dt.timedelta):
    total = t.total_seconds()
    tk = (t.days * 86400 + t.seconds) * TICKS_PER_SECOND + t.microseconds * 10
    neg, days, hours, minutes, seconds, rem = timespan_parts(t)
    sign = -1 if neg else 1
    ms = rem // 10_000
    return [("Ticks", tk), ("Days", sign * days), ("Hours", sign * hours),
            ("Milliseconds", sign * ms), ("Minutes", sign * minutes), ("Seconds", sign * seconds),
            ("TotalDays", total / 86400), ("TotalHours", total / 3600),
            ("TotalMilliseconds", total * 1000), ("TotalMinutes", total / 60), ("TotalSeconds", total)]


def format_timespan(t: _dt.timedelta) -> str:
    """TimeSpan.ToString() and "c": [-][d.]hh:mm:ss[.fffffff] (other formats: dotnet_format.format_timespan)."""
    neg, days, hours, minutes, seconds, frac = timespan_parts(t)
    s = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if days:
        s = f"{days}.{s}"
    if frac:
        s += f".{frac:07d}"
    return ("-" if neg else "") + s


# The one tokenizer of .NET custom date formats (ToString and ParseExact): a run of one specifier letter
# is one token (dddd+ is the day name, yyyyy the year in five digits), quoted text and `\x` are literal.
DATE_TOKEN = re.compile(r"dddd+|ddd|dd|d|MMMM+|MMM|MM|M|yyyyy*|yyy|yy|y|HH+|H|hh+|h|mm+|m|ss+|s|f{1,7}|F{1,7}|"
                        r"tt+|t|zzz+|zz|z|K|gg?|'[^']*'|\"[^\"]*\"|\\.|.", re.S)

STANDARD = {
    "d": "M/d/yyyy", "D": "dddd, MMMM d, yyyy", "t": "h:mm tt", "T": "h:mm:ss tt",
    "f": "dddd, MMMM d, yyyy h:mm tt", "F": "dddd, MMMM d, yyyy h:mm:ss tt",
    "g": "M/d/yyyy h:mm tt", "G": "M/d/yyyy h:mm:ss tt", "M": "MMMM d", "m": "MMMM d",
    "Y": "MMMM yyyy", "y": "MMMM yyyy", "s": "yyyy'-'MM'-'dd'T'HH':'mm':'ss",
    "u": "yyyy'-'MM'-'dd HH':'mm':'ss'Z'", "o": "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffK",
    "O": "yyyy'-'MM'-'dd'T'HH':'mm':'ss.fffffffK",
    "r": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'", "R": "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'",
}


def _offset(d):
    off = d.utcoffset()
    if off is None:
        off = _dt.datetime.now().astimezone().utcoffset() or _dt.timedelta(0)
    mins = int(off.total_seconds() // 60)
    sign = "-" if mins < 0 else "+"
    mins = abs(mins)
    return sign, mins // 60, mins % 60


def format_datetime(d: _dt.datetime, fmt: str | None = None) -> str:
    """DateTime.ToString(fmt) in en-US (the custom specifiers by run length, as .NET reads them)."""
    if not fmt:
        fmt = "G"
    if len(fmt) == 1 and fmt in STANDARD:
        fmt = STANDARD[fmt]
    out = []
    frac7 = f"{d.microsecond * 10:07d}"
    for tok in DATE_TOKEN.findall(fmt):
        c, n = tok[0], len(tok)
        if c == "d":
            out.append(str(d.day) if n == 1 else f"{d.day:02d}" if n == 2 else
                       _DAYS[d.weekday()][:3] if n == 3 else _DAYS[d.weekday()])
        elif c == "M":
            out.append(str(d.month) if n == 1 else f"{d.month:02d}" if n == 2 else
                       _MONTHS[d.month - 1][:3] if n == 3 else _MONTHS[d.month - 1])
        elif c == "y":
            out.append(str(d.year % 100) if n == 1 else f"{d.year % 100:02d}" if n == 2 else
                       str(d.year).rjust(n, "0"))
        elif c == "H":
            out.append(str(d.hour) if n == 1 else f"{d.hour:02d}")
        elif c == "h":
            h = d.hour % 12 or 12
            out.append(str(h) if n == 1 else f"{h:02d}")
        elif c == "m":
            out.append(str(d.minute) if n == 1 else f"{d.minute:02d}")
        elif c == "s":
            out.append(str(d.second) if n == 1 else f"{d.second:02d}")
        elif c == "f":
            out.append(frac7[:n])
        elif c == "F":
            out.append(frac7[:n].rstrip("0"))
        elif c == "t":
            ampm = "AM" if d.hour < 12 else "PM"
            out.append(ampm[0] if n == 1 else ampm)
        elif c == "z":
            sign, hh, mm = _offset(d)
            out.append(f"{sign}{hh}" if n == 1 else f"{sign}{hh:02d}" if n == 2 else f"{sign}{hh:02d}:{mm:02d}")
        elif tok == "K":
            if d.tzinfo is not None:
                sign, hh, mm = _offset(d)
                out.append("Z" if (hh, mm) == (0, 0) and d.tzinfo == _dt.timezone.utc
                           else f"{sign}{hh:02d}:{mm:02d}")
        elif c == "g" and tok in ("g", "gg"):
            out.append("A.D.")
        elif c in "'\"":
            out.append(tok[1:-1])
        elif c == "\\":
            out.append(tok[1:])
        else:
            out.append(tok)
    return "".join(out)


BAD_DATE = "String was not recognized as a valid DateTime."

# The one date parser: DateTime.Parse's lenient rules for the invariant culture and en-US (they read dates
# alike: month before day, English month and day names, a 12- or 24-hour clock), used by the [datetime]
# cast, [datetime]::Parse/TryParse, Get-Date -Date and Import-Clixml.
_TIME = re.compile(
    r"(?<![\d:.])(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,7})\d*)?)?"
    r"(?:\s*([AaPp])\.?[Mm]?\.?(?![A-Za-z]))?"
    r"|(?<![\d:./-])(\d{1,2})\s*([AaPp])\.?[Mm]\.?(?![A-Za-z])")
_ZONE = re.compile(r"\s*(?:(Z|GMT|UTC)|([+-])(\d{1,2})(?::?(\d{2}))?)(?![A-Za-z\d])", re.I)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?)?\Z")
_DATE_WORD = re.compile(r"\d+|[^\W\d_]+")
_MONTH_NAMES = {m.lower(): i + 1 for i, m in enumerate(_MONTHS)}
_MONTH_NAMES.update({m[:3].lower(): i + 1 for i, m in enumerate(_MONTHS)})
_MONTH_NAMES["sept"] = 9
_DAY_NAMES = {d.lower(): i for i, d in enumerate(_DAYS)}
_DAY_NAMES.update({d[:3].lower(): i for i, d in enumerate(_DAYS)})


def two_digit_year(yy: int) -> int:
    """The Gregorian calendar's TwoDigitYearMax (2029): 00-29 are 2000-2029, 30-99 are 1930-1999."""
    return 2000 + yy if yy <= 29 else 1900 + yy


def _year(tok: str) -> int:
    return two_digit_year(int(tok)) if len(tok) <= 2 else int(tok)


def _date_fields(words: list[str]):
    """(year, month, day) from the date words (numbers and month names); None parts mean 'this year'."""
    nums = [w for w in words if w.isdigit()]
    months = [w for w in words if not w.isdigit()]
    if len(months) > 1:
        raise ValueError(BAD_DATE)
    if months:
        month = _MONTH_NAMES.get(months[0].lower())
        if month is None:
            raise ValueError(BAD_DATE)
        if not nums:
            return None, month, 1
        if len(nums) == 1:
            n = nums[0]
            return (_year(n), month, 1) if len(n) >= 3 or int(n) > 31 else (None, month, int(n))
        if len(nums) == 2:
            a, b = nums
            if len(a) >= 3 or int(a) > 31:          # 2024 February 3 / 2024 3 Feb
                return int(a), month, int(b)
            return _year(b), month, int(a)          # February 3, 2024 / 3 February 2024 / Feb 3 24
        raise ValueError(BAD_DATE)
    if len(nums) == 3:
        a, b, c = nums
        if len(a) >= 3:                             # yyyy-M-d
            return int(a), int(b), int(c)
        return _year(c), int(a), int(b)             # M/d/yyyy (invariant and en-US order)
    if len(nums) == 2:
        a, b = nums
        if len(a) >= 3:                             # yyyy-MM
            return int(a), int(b), 1
        if len(b) >= 3:                             # M/yyyy
            return int(b), int(a), 1
        return None, int(a), int(b)                 # M/d, this year
    if not nums:
        return None
    raise ValueError(BAD_DATE)


def parse_datetime(text: str) -> _dt.datetime:
    """Parse a date and time as DateTime.Parse does (raises ValueError with .NET's message).

    A date alone is at midnight; a time alone is today. A `Z`/`GMT` or `+hh:mm` offset after the time gives
    an aware datetime (the callers decide whether it becomes local time); otherwise the result is naive."""
    if text is None:
        raise ValueError(BAD_DATE)
    s = str(text).strip()
    if not s:
        raise ValueError(BAD_DATE)
    m = _COMPACT.match(s)
    if m:
        y, mo, d, hh, mi, ss = m.groups()
        try:
            return _dt.datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
        except ValueError:
            raise ValueError(BAD_DATE) from None
    hour = minute = second = micro = 0
    tz = None
    has_time = False
    tm = _TIME.search(s)
    if tm:
        has_time = True
        if tm.group(1) is not None:
            hour, minute = int(tm.group(1)), int(tm.group(2))
            second = int(tm.group(3) or 0)
            micro = int((tm.group(4) or "0").ljust(7, "0")) // 10
            ampm = tm.group(5)
        else:
            hour, ampm = int(tm.group(6)), tm.group(7)
        if ampm:
            if not 1 <= hour <= 12:
                raise ValueError(BAD_DATE)
            hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
        rest = s[tm.end():]
        zm = _ZONE.match(rest)
        if zm:
            if zm.group(1):
                tz = _dt.timezone.utc
            else:
                sign = -1 if zm.group(2) == "-" else 1
                oh, om = int(zm.group(3)), int(zm.group(4) or 0)
                if oh > 14 or om > 59:
                    raise ValueError(BAD_DATE)
                tz = _dt.timezone(sign * _dt.timedelta(hours=oh, minutes=om))
            rest = rest[zm.end():]
        date_text = s[:tm.start()] + " " + rest
    else:
        date_text = s
        zm = re.search(r"\s(GMT|UTC)\s*\Z", s, re.I)
        if zm:
            tz = _dt.timezone.utc
            date_text = s[:zm.start()]
    words = []
    weekday = None
    for w in _DATE_WORD.findall(date_text):
        lw = w.lower()
        if lw in _DAY_NAMES and not lw.isdigit():
            if weekday is not None:
                raise ValueError(BAD_DATE)
            weekday = _DAY_NAMES[lw]
        elif lw == "t" and has_time:                # ISO 8601's date/time separator
            continue
        elif lw in ("am", "pm") or (not lw.isdigit() and lw not in _MONTH_NAMES):
            raise ValueError(BAD_DATE)
        else:
            words.append(w)
    leftover = _DATE_WORD.sub("", date_text)
    if any(c not in " ,/-.\t" for c in leftover) or (not has_time and not words):
        raise ValueError(BAD_DATE)
    fields = _date_fields(words)
    today = _dt.date.today()
    if fields is None:
        y, mo, d = today.year, today.month, today.day
    else:
        y, mo, d = fields
        y = today.year if y is None else y
    if hour > 23 or minute > 59 or second > 59:
        raise ValueError(BAD_DATE)
    try:
        out = _dt.datetime(y, mo, d, hour, minute, second, micro, tzinfo=tz)
    except (ValueError, OverflowError):
        raise ValueError(BAD_DATE) from None
    if weekday is not None and out.weekday() != weekday:
        raise ValueError("String was not recognized as a valid DateTime because the day of week was incorrect.")
    return out


def parse_local(text: str) -> _dt.datetime:
    """parse_datetime as the [datetime] cast and [datetime]::Parse give it: a time with an offset or `Z`
    becomes local time (Kind Local), as .NET's Parse does without RoundtripKind."""
    d = parse_datetime(text)
    if d.tzinfo is not None:
        try:
            d = d.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError, OSError):
            d = d.replace(tzinfo=None)
    return d
