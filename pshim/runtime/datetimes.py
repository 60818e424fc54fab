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


def timespan_properties(t: _dt.timedelta):
    total = t.total_seconds()
    tk = (t.days * 86400 + t.seconds) * TICKS_PER_SECOND + t.microseconds * 10
    sign = -1 if tk < 0 else 1
    a = abs(tk)
    days, rem = divmod(a, 86400 * TICKS_PER_SECOND)
    hours, rem = divmod(rem, 3600 * TICKS_PER_SECOND)
    minutes, rem = divmod(rem, 60 * TICKS_PER_SECOND)
    seconds, rem = divmod(rem, TICKS_PER_SECOND)
    ms = rem // 10_000
    return [("Ticks", tk), ("Days", sign * days), ("Hours", sign * hours),
            ("Milliseconds", sign * ms), ("Minutes", sign * minutes), ("Seconds", sign * seconds),
            ("TotalDays", total / 86400), ("TotalHours", total / 3600),
            ("TotalMilliseconds", total * 1000), ("TotalMinutes", total / 60), ("TotalSeconds", total)]


def format_timespan(t: _dt.timedelta) -> str:
    """TimeSpan.ToString(): [-][d.]hh:mm:ss[.fffffff]"""
    tk = (t.days * 86400 + t.seconds) * TICKS_PER_SECOND + t.microseconds * 10
    neg = tk < 0
    a = abs(tk)
    days, rem = divmod(a, 86400 * TICKS_PER_SECOND)
    hours, rem = divmod(rem, 3600 * TICKS_PER_SECOND)
    minutes, rem = divmod(rem, 60 * TICKS_PER_SECOND)
    seconds, frac = divmod(rem, TICKS_PER_SECOND)
    s = f"{hours:02d}:{minutes:02d}:{seconds:02d}"
    if days:
        s = f"{days}.{s}"
    if frac:
        s += f".{frac:07d}"
    return ("-" if neg else "") + s


_TOKEN = re.compile(r"dddd|ddd|dd|d|MMMM|MMM|MM|M|yyyy|yyy|yy|y|HH|H|hh|h|mm|m|ss|s|"
                    r"fffffff|ffffff|fffff|ffff|fff|ff|f|FFFFFFF|FFF|FF|F|tt|t|zzz|zz|z|K|"
                    r"'[^']*'|\"[^\"]*\"|\\.|.", re.S)

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
    """DateTime.ToString(fmt) in en-US."""
    if not fmt:
        fmt = "G"
    if len(fmt) == 1 and fmt in STANDARD:
        fmt = STANDARD[fmt]
    out = []
    frac7 = f"{d.microsecond * 10:07d}"
    for tok in _TOKEN.findall(fmt):
        c = tok[0]
        if tok == "dddd":
            out.append(_DAYS[d.weekday()])
        elif tok == "ddd":
            out.append(_DAYS[d.weekday()][:3])
        elif tok == "dd":
            out.append(f"{d.day:02d}")
        elif tok == "d":
            out.append(str(d.day))
        elif tok == "MMMM":
            out.append(_MONTHS[d.month - 1])
        elif tok == "MMM":
            out.append(_MONTHS[d.month - 1][:3])
        elif tok == "MM":
            out.append(f"{d.month:02d}")
        elif tok == "M":
            out.append(str(d.month))
        elif tok in ("yyyy", "yyy"):
            out.append(f"{d.year:04d}")
        elif tok == "yy":
            out.append(f"{d.year % 100:02d}")
        elif tok == "y":
            out.append(str(d.year % 100))
        elif tok == "HH":
            out.append(f"{d.hour:02d}")
        elif tok == "H":
            out.append(str(d.hour))
        elif tok in ("hh", "h"):
            h = d.hour % 12 or 12
            out.append(f"{h:02d}" if tok == "hh" else str(h))
        elif tok == "mm":
            out.append(f"{d.minute:02d}")
        elif tok == "m":
            out.append(str(d.minute))
        elif tok == "ss":
            out.append(f"{d.second:02d}")
        elif tok == "s":
            out.append(str(d.second))
        elif c == "f":
            out.append(frac7[:len(tok)])
        elif c == "F":
            out.append(frac7[:len(tok)].rstrip("0"))
        elif tok == "tt":
            out.append("AM" if d.hour < 12 else "PM")
        elif tok == "t":
            out.append("A" if d.hour < 12 else "P")
        elif tok in ("zzz", "zz", "z"):
            sign, hh, mm = _offset(d)
            out.append(f"{sign}{hh:02d}:{mm:02d}" if tok == "zzz" else
                       f"{sign}{hh:02d}" if tok == "zz" else f"{sign}{hh}")
        elif tok == "K":
            if d.tzinfo is not None:
                sign, hh, mm = _offset(d)
                out.append("Z" if (hh, mm) == (0, 0) and d.tzinfo == _dt.timezone.utc
                           else f"{sign}{hh:02d}:{mm:02d}")
        elif c in "'\"":
            out.append(tok[1:-1])
        elif c == "\\":
            out.append(tok[1:])
        else:
            out.append(tok)
    return "".join(out)


def parse_datetime(text: str) -> _dt.datetime:
    """Parse a date as PowerShell's [datetime] conversion does (invariant culture first)."""
    s = text.strip()
    fmts = ["%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M %p",
            "%m/%d/%Y", "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y",
            "%H:%M:%S", "%H:%M"]
    for f in fmts:
        try:
            d = _dt.datetime.strptime(s, f)
            if f.startswith("%H"):
                today = _dt.date.today()
                d = d.replace(year=today.year, month=today.month, day=today.day)
            return d
        except ValueError:
            continue
    try:
        d = _dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        return d
    except ValueError:
        pass
    raise ValueError("String was not recognized as a valid DateTime.")
