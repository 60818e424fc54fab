"""Get-TimeZone: System.TimeZoneInfo objects for this system's time zones (the IANA database, read with
zoneinfo), as 5.1's Get-TimeZone returns them for Windows' zones.

A time zone's Id is its IANA key (`Europe/Berlin`; this system has no Windows ids such as
"W. Europe Standard Time"). StandardName and DaylightName are the zone's abbreviations this year (`CET`,
`CEST`; the same when it has no daylight saving time), BaseUtcOffset its standard offset, DisplayName
`(UTC+01:00) Europe/Berlin` (`(UTC) Coordinated Universal Time` for UTC). The local zone is TZ, else
/etc/localtime, else /etc/timezone, else UTC.

-Name matches StandardName or DaylightName with wildcards (5.1's lookup), -Id is an exact Id, -ListAvailable
lists every zone ordered by offset, then display name, as TimeZoneInfo.GetSystemTimeZones() does.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import zoneinfo

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import _exc, SystemException
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject
from ...runtime.types import convert_to
from ...runtime.wildcard import wildcard_match

TimeZoneNotFoundException = _exc("TimeZoneNotFoundException", "System.TimeZoneNotFoundException", SystemException)

_UTC_NAMES = ("UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu")


def _offset_text(delta: _dt.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class TimeZoneInfo(DotNetObject):
    ps_type_names = ("System.TimeZoneInfo", "System.Object")
    ps_properties = ("Id", "DisplayName", "StandardName", "DaylightName", "BaseUtcOffset",
                     "SupportsDaylightSavingTime")
    ps_methods = ("GetUtcOffset", "IsDaylightSavingTime", "ToString")

    def __init__(self, key: str, year: int | None = None):
        self.Id = key
        self._zone = zoneinfo.ZoneInfo(key)
        year = year or _dt.datetime.now().year
        samples = []
        for month in (1, 7):
            at = _dt.datetime(year, month, 1, 12, tzinfo=_dt.timezone.utc).astimezone(self._zone)
            samples.append((at.dst() or _dt.timedelta(0), at.utcoffset(), at.tzname() or key))
        standard = next((s for s in samples if not s[0]), samples[0])
        daylight = next((s for s in samples if s[0]), None)
        self.BaseUtcOffset = standard[1] - standard[0]
        self.StandardName = standard[2]
        self.DaylightName = daylight[2] if daylight else standard[2]
        self.SupportsDaylightSavingTime = daylight is not None
        if key in _UTC_NAMES:
            self.DisplayName = "(UTC) Coordinated Universal Time"
            self.StandardName = self.DaylightName = "Coordinated Universal Time"
        else:
            self.DisplayName = f"(UTC{_offset_text(self.BaseUtcOffset)}) {key}"

    def _local(self, when):
        from ...runtime.psobject import unwrap
        d = unwrap(when)
        if not isinstance(d, _dt.datetime):
            d = convert_to(d, "datetime")
        if d.tzinfo is None:
            return d.replace(tzinfo=self._zone)
        return d.astimezone(self._zone)

    def GetUtcOffset(self, when):
        return self._local(when).utcoffset()

    def IsDaylightSavingTime(self, when):
        return bool(self._local(when).dst())

    def ToString(self):
        return self.DisplayName

    def ps_to_string(self):
        return self.DisplayName


def local_zone_key() -> str:
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz and _valid(tz):
        return tz
    try:
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            key = target.split("zoneinfo/", 1)[1]
            if _valid(key):
                return key
    except OSError:
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as f:
            key = f.read().strip()
        if _valid(key):
            return key
    except OSError:
        pass
    return "UTC"


def _valid(key: str) -> bool:
    try:
        zoneinfo.ZoneInfo(key)
        return True
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False


@functools.lru_cache(maxsize=1)
def _keys() -> tuple:
    return tuple(sorted(k for k in zoneinfo.available_timezones() if not k.startswith(("posix/", "right/"))))


def system_time_zones() -> list[TimeZoneInfo]:
    zones = []
    for k in _keys():
        try:
            zones.append(TimeZoneInfo(k))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
    zones.sort(key=lambda z: (z.BaseUtcOffset, z.DisplayName))
    return zones


def find_by_id(key: str) -> TimeZoneInfo | None:
    # Ids compare case-insensitively, as on Windows
    match = key if _valid(key) and key in _keys() else next((k for k in _keys() if k.lower() == key.lower()), None)
    return TimeZoneInfo(match) if match else None


class GetTimeZoneCommand(Cmdlet):
    name = "Get-TimeZone"
    dotnet_type = "Microsoft.PowerShell.Commands.GetTimeZoneCommand"
    module_name = "Microsoft.PowerShell.Management"
    default_parameter_set = "Name"
    synopsis = "Gets the current time zone or a list of available time zones."
    output_type = "System.TimeZoneInfo"

    Name = Parameter("string[]", sets=[ParameterSetData("Name", position=0, from_pipeline=True)])
    Id = Parameter("string[]", sets=[ParameterSetData("Id", mandatory=True, from_pipeline_by_name=True)])
    ListAvailable = Parameter("switch", sets=[ParameterSetData("ListAvailable", mandatory=True)])

    def process(self):
        if self.parameter_set_name == "ListAvailable" and self.ListAvailable:
            for z in system_time_zones():
                self.write_object(z)
            return
        if self.parameter_set_name == "Id":
            for key in self.Id or ():
                key = cv.to_string(key)
                z = find_by_id(key)
                if z is None:
                    self.write_error(self.error(f"The time zone ID '{key}' was not found on the local computer.",
                                                "TimeZoneNotFound", "InvalidArgument", "Id",
                                                TimeZoneNotFoundException))
                else:
                    self.write_object(z)
            return
        if not self.Name:
            self.write_object(TimeZoneInfo(local_zone_key()))
            return
        zones = None
        for pattern in self.Name:
            pattern = cv.to_string(pattern)
            zones = zones if zones is not None else system_time_zones()
            hits = [z for z in zones if wildcard_match(pattern, z.StandardName) or
                    wildcard_match(pattern, z.DaylightName)]
            if not hits:
                self.write_error(self.error(f"The time zone name '{pattern}' was not found on the local computer.",
                                            "TimeZoneNotFound", "InvalidArgument", "Name",
                                            TimeZoneNotFoundException))
            for z in hits:
                self.write_object(z)
