"""Get-TimeZone on zoneinfo: TimeZoneInfo objects with 5.1's properties, -Name/-Id/-ListAvailable, 5.1's errors."""
import datetime as dt
import zoneinfo

from pshim.testing import run


def test_local_zone_follows_tz(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    r = run("$z = Get-TimeZone; $z.GetType().FullName; $z.Id; $z.StandardName; $z.DaylightName; "
            "$z.BaseUtcOffset.TotalHours; $z.SupportsDaylightSavingTime; $z.DisplayName; \"$z\"; "
            "($z.psobject.Properties.Name) -join ','")
    assert r.errors == []
    assert r.output == ["System.TimeZoneInfo", "America/New_York", "EST", "EDT", -5, True,
                        "(UTC-05:00) America/New_York", "(UTC-05:00) America/New_York",
                        "Id,DisplayName,StandardName,DaylightName,BaseUtcOffset,SupportsDaylightSavingTime"]


def test_id_lookup_and_methods():
    r = run("$z = Get-TimeZone -Id asia/tokyo; $z.Id; $z.SupportsDaylightSavingTime; $z.DaylightName; "
            "(Get-TimeZone -Id Europe/Berlin).GetUtcOffset([datetime]'2024-07-01 12:00').TotalHours; "
            "(Get-TimeZone -Id Europe/Berlin).IsDaylightSavingTime([datetime]'2024-01-15'); "
            "(Get-TimeZone -Id UTC).DisplayName")
    assert r.output == ["Asia/Tokyo", False, "JST", 2, False, "(UTC) Coordinated Universal Time"]


def test_name_matches_standard_or_daylight_names_with_wildcards():
    r = run("$z = Get-TimeZone -Name CEST; $z.Count -gt 5; ($z | Where-Object Id -eq 'Europe/Paris').StandardName; "
            "@(Get-TimeZone JS?).Id -contains 'Asia/Tokyo'")
    assert r.output == [True, "CET", True]


def test_list_available_ordered_by_offset():
    r = run("$all = Get-TimeZone -ListAvailable; $all.Count; "
            "$o = $all | ForEach-Object { $_.BaseUtcOffset.TotalMinutes }; "
            "(Compare-Object $o ($o | Sort-Object) -SyncWindow 0) -eq $null")
    expected = len([k for k in zoneinfo.available_timezones() if not k.startswith(("posix/", "right/"))])
    assert r.output == [expected, True]


def test_default_view_is_a_list(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    r = run("Get-TimeZone", capture_output=False)
    lines = [x.rstrip() for x in r.host_text.splitlines() if x.strip()]
    assert lines == ["Id                         : Asia/Tokyo",
                     "DisplayName                : (UTC+09:00) Asia/Tokyo",
                     "StandardName               : JST",
                     "DaylightName               : JST",
                     "BaseUtcOffset              : 09:00:00",
                     "SupportsDaylightSavingTime : False"]


def test_not_found_errors():
    r = run("Get-TimeZone -Id Mars/Olympus; Get-TimeZone -Name 'Nowhere*'; 'after'")
    assert [e.message() for e in r.errors] == [
        "The time zone ID 'Mars/Olympus' was not found on the local computer.",
        "The time zone name 'Nowhere*' was not found on the local computer."]
    assert [e.FullyQualifiedErrorId for e in r.errors] == [
        "TimeZoneNotFound,Microsoft.PowerShell.Commands.GetTimeZoneCommand"] * 2
    assert str(r.errors[0].CategoryInfo) == "InvalidArgument: (Id:String) [Get-TimeZone], TimeZoneNotFoundException"
    assert r.output == ["after"]
