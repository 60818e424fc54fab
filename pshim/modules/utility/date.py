"""Microsoft.PowerShell.Utility: Get-Date (with -Format and -UFormat) and New-TimeSpan."""
from __future__ import annotations

import datetime as _dt

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject

_NS = "Microsoft.PowerShell.Commands."


# ---------------------------------------------------------------------------
# Get-Date

_UFORMAT = {
    "a": "%a", "A": "%A", "b": "%b", "B": "%B", "h": "%b", "d": "%d", "H": "%H", "I": "%I", "j": "%j",
    "m": "%m", "M": "%M", "p": "%p", "S": "%S", "y": "%y", "Y": "%Y", "n": "\n", "t": "\t", "%": "%",
}


def uformat(d: _dt.datetime, fmt: str) -> str:
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            k = fmt[i + 1]
            i += 2
            if k in _UFORMAT:
                out.append(d.strftime(_UFORMAT[k]) if _UFORMAT[k].startswith("%") else _UFORMAT[k])
            elif k == "e":
                out.append(f"{d.day:>2}")
            elif k == "D":
                out.append(d.strftime("%m/%d/%y"))
            elif k == "T" or k == "X":
                out.append(d.strftime("%H:%M:%S"))
            elif k == "x":
                out.append(d.strftime("%m/%d/%y"))
            elif k == "R":
                out.append(d.strftime("%H:%M"))
            elif k == "r":
                out.append(d.strftime("%I:%M:%S %p"))
            elif k == "c":
                out.append(d.strftime("%a %b ") + f"{d.day:>2}" + d.strftime(" %H:%M:%S %Y"))
            elif k == "s":
                out.append(str(int((d - _dt.datetime(1970, 1, 1)).total_seconds())))
            elif k == "u":
                out.append(str(d.isoweekday()))
            elif k == "w":
                out.append(str((d.weekday() + 1) % 7))
            elif k == "Z":
                off = _dt.datetime.now().astimezone().utcoffset() or _dt.timedelta(0)
                h = int(off.total_seconds() // 3600)
                out.append(f"{h:+03d}")
            elif k == "V" or k == "W" or k == "U" or k == "G" or k == "g":
                out.append(d.strftime("%" + k))
            else:
                out.append(k)
            continue
        out.append(c)
        i += 1
    return "".join(out)


class GetDateCommand(Cmdlet):
    name = "Get-Date"
    dotnet_type = "Microsoft.PowerShell.Commands.GetDateCommand"
    default_parameter_set = "net"
    synopsis = "Gets the current date and time."

    Date = Parameter("datetime", position=0, value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                     aliases=("LastWriteTime",))
    Year = Parameter("int", validate_range=(1, 9999))
    Month = Parameter("int", validate_range=(1, 12))
    Day = Parameter("int", validate_range=(1, 31))
    Hour = Parameter("int", validate_range=(0, 23))
    Minute = Parameter("int", validate_range=(0, 59))
    Second = Parameter("int", validate_range=(0, 59))
    Millisecond = Parameter("int", validate_range=(0, 999))
    DisplayHint = Parameter("string", validate_set=("Date", "Time", "DateTime"))
    Format = Parameter("string", parameter_set="net")
    UFormat = Parameter("string", parameter_set="UFormat")

    def process(self):
        d = self.Date if self.Date is not None else _dt.datetime.now()
        b = self.bound
        repl = {}
        for p, attr in (("Year", "year"), ("Month", "month"), ("Hour", "hour"), ("Minute", "minute"),
                        ("Second", "second")):
            if p in b:
                repl[attr] = getattr(self, p)
        if "Millisecond" in b:
            repl["microsecond"] = self.Millisecond * 1000
        if repl:
            d = d.replace(**repl)
        if "Day" in b:
            d = d.replace(day=1) + _dt.timedelta(days=self.Day - 1)
        if self.Format is not None:
            from ...runtime.datetimes import format_datetime
            self.processor.emit(format_datetime(d, self.Format))
        elif self.UFormat is not None:
            self.processor.emit(uformat(d, self.UFormat))
        elif self.DisplayHint is not None:
            # the date with a DisplayHint note: Out-Default shows only the date, only the time, or both
            o = PSObject(d)
            o.add_note("DisplayHint", cv.to_string(self.DisplayHint))
            self.processor.emit(o)
        else:
            self.processor.emit(d)


# ---------------------------------------------------------------------------
# New-TimeSpan

class NewTimeSpanCommand(Cmdlet):
    name = "New-TimeSpan"
    dotnet_type = _NS + "NewTimeSpanCommand"
    default_parameter_set = "Date"
    synopsis = "Creates a TimeSpan object."

    Start = Parameter("datetime", position=0, parameter_set="Date", value_from_pipeline_by_property_name=True,
                      aliases=("LastWriteTime",))
    End = Parameter("datetime", position=1, parameter_set="Date", value_from_pipeline_by_property_name=True)
    Days = Parameter("int", parameter_set="Time")
    Hours = Parameter("int", parameter_set="Time")
    Minutes = Parameter("int", parameter_set="Time")
    Seconds = Parameter("int", parameter_set="Time")

    def process(self):
        if self.parameter_set_name == "Time":
            b = self.bound
            self.write_object(_dt.timedelta(days=self.Days if "Days" in b else 0,
                                            hours=self.Hours if "Hours" in b else 0,
                                            minutes=self.Minutes if "Minutes" in b else 0,
                                            seconds=self.Seconds if "Seconds" in b else 0))
            return
        now = _dt.datetime.now()
        start = self.Start if self.Start is not None else now
        end = self.End if self.End is not None else now
        if start.tzinfo is not None and end.tzinfo is None:
            end = end.astimezone()
        elif end.tzinfo is not None and start.tzinfo is None:
            start = start.astimezone()
        self.write_object(end - start)
