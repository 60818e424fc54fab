"""Small cmdlets admin scripts lean on: Get-Random, Get-Unique, New-TimeSpan,
Get-Host, Get-Culture/Get-UICulture, Set-StrictMode, the
snap-in cmdlets, transcripts. (Credentials and secure strings are
the Security module's: pshim/modules/security/.)

Session state these keep is declared session state (`session.state`): `pssnapins`,
`transcripts`, `random`. Set-StrictMode sets the strict mode of the caller's scope
(`Scope.strict`, runtime/scopes.py); the runtime enforces it where it reads variables,
members and indexes (runtime/strict.py).
"""
from __future__ import annotations

import datetime as _dt
import os
import random as _random
import socket
import stat

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import ArgumentException, PSArgumentException, InvalidOperationException, PSException
from ...formatting.views import register_view, TableView, ListView, Column, Entry
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard, wildcard_match
from ...runtime.psobject import DotNetObject, Hashtable, unwrap

_NS = "Microsoft.PowerShell.Commands."


def _state(session, name, factory):
    return session.state(f"utility.{name}", factory)


# ---------------------------------------------------------------------------
# Get-Random

_INT32_MAX = 2 ** 31 - 1


def _rng(session) -> _random.Random:
    return _state(session, "random", _random.Random)


def _number(v):
    """A -Minimum/-Maximum argument as int or float (strings are parsed)."""
    v = unwrap(v)
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    try:
        return cv.to_int(v) if str(v).strip().lstrip("+-").isdigit() else cv.to_double(v)
    except PSException:
        return cv.to_double(v)


class GetRandomCommand(Cmdlet):
    name = "Get-Random"
    dotnet_type = _NS + "GetRandomCommand"
    default_parameter_set = "RandomNumberParameterSet"
    synopsis = "Gets a random number, or selects objects randomly from a collection."

    SetSeed = Parameter("int")
    Maximum = Parameter("object", parameter_set="RandomNumberParameterSet", position=0)
    Minimum = Parameter("object", parameter_set="RandomNumberParameterSet")
    InputObject = Parameter("object[]", sets=[ParameterSetData("RandomListItemParameterSet", position=0,
                                                               mandatory=True, from_pipeline=True)])
    Count = Parameter("int", parameter_set="RandomListItemParameterSet", validate_range=(1, _INT32_MAX))

    def begin(self):
        if "SetSeed" in self.bound and self.SetSeed is not None:
            _rng(self.ctx.session).seed(int(self.SetSeed))
        self._items = []

    def process(self):
        if self.parameter_set_name == "RandomListItemParameterSet":
            for x in self.InputObject or []:
                self._items.append(x)

    def end(self):
        rng = _rng(self.ctx.session)
        if self.parameter_set_name == "RandomListItemParameterSet":
            n = self.Count if "Count" in self.bound else 1
            if not self._items:
                return
            n = min(n, len(self._items))
            for x in rng.sample(self._items, n):
                self.write_object(x)
            return
        b = self.bound
        lo = _number(self.Minimum) if "Minimum" in b and self.Minimum is not None else None
        hi = _number(self.Maximum) if "Maximum" in b and self.Maximum is not None else None
        if isinstance(lo, float) or isinstance(hi, float):
            lo_f = 0.0 if lo is None else float(lo)
            hi_f = float(_INT32_MAX) if hi is None else float(hi)
            if lo_f >= hi_f:
                self._min_max_error(lo_f, hi_f)
            self.write_object(lo_f + rng.random() * (hi_f - lo_f))
            return
        lo_i = 0 if lo is None else int(lo)
        hi_i = _INT32_MAX if hi is None else int(hi)
        if lo_i >= hi_i:
            self._min_max_error(lo_i, hi_i)
        value = rng.randrange(lo_i, hi_i)
        if -2 ** 31 <= lo_i and hi_i <= _INT32_MAX:
            self.write_object(value)
        else:
            from ...runtime.psobject import Int64
            self.write_object(Int64(value))

    def _min_max_error(self, lo, hi):
        raise self.terminating_error(self.error(
            f"The Minimum value ({cv.to_string(lo)}) cannot be greater than or equal to the Maximum value "
            f"({cv.to_string(hi)}).", "MinGreaterThanOrEqualMax", "InvalidArgument", None, ArgumentException))


# ---------------------------------------------------------------------------
# Get-Unique

class GetUniqueCommand(Cmdlet):
    name = "Get-Unique"
    dotnet_type = _NS + "GetUniqueCommand"
    default_parameter_set = "AsString"
    synopsis = "Returns unique items from a sorted list."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    AsString = Parameter("switch", parameter_set="AsString")
    OnType = Parameter("switch", parameter_set="UniqueByType")

    def begin(self):
        self._last = None
        self._has_last = False

    def process(self):
        obj = self.InputObject
        if self.OnType:
            from ...runtime.typenames import type_name
            key = type_name(unwrap(obj)) if obj is not None else None
            same = self._has_last and key == self._last
        elif self.AsString:
            key = cv.to_string(obj)
            same = self._has_last and key == self._last
        else:
            from .object_common import compare_values
            key = obj
            same = self._has_last and compare_values(obj, self._last, case_sensitive=True) == 0
        if same:
            return
        self._last = key
        self._has_last = True
        self.write_object(obj)


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


# ---------------------------------------------------------------------------
# Get-Host

class GetHostCommand(Cmdlet):
    name = "Get-Host"
    dotnet_type = _NS + "GetHostCommand"
    synopsis = "Gets an object that represents the current host program."

    def process(self):
        self.write_object(self.ctx.session.global_scope.lookup("host").value)


# ---------------------------------------------------------------------------
# Get-Culture / Get-UICulture

class TextInfo(DotNetObject):
    ps_type_names = ("System.Globalization.TextInfo", "System.Object")
    ps_properties = ("ANSICodePage", "OEMCodePage", "MacCodePage", "EBCDICCodePage", "LCID", "CultureName",
                     "IsReadOnly", "ListSeparator", "IsRightToLeft")

    def __init__(self):
        self.ANSICodePage = 1252
        self.OEMCodePage = 437
        self.MacCodePage = 10000
        self.EBCDICCodePage = 37
        self.LCID = 1033
        self.CultureName = "en-US"
        self.IsReadOnly = True
        self.ListSeparator = ","
        self.IsRightToLeft = False

    def ps_to_string(self):
        return "TextInfo - en-US"


class NumberFormatInfo(DotNetObject):
    ps_type_names = ("System.Globalization.NumberFormatInfo", "System.Object")
    ps_properties = ("CurrencyDecimalDigits", "CurrencyDecimalSeparator", "IsReadOnly", "CurrencyGroupSizes",
                     "NumberGroupSizes", "PercentGroupSizes", "CurrencyGroupSeparator", "CurrencySymbol",
                     "NaNSymbol", "CurrencyNegativePattern", "NumberNegativePattern", "PercentPositivePattern",
                     "PercentNegativePattern", "NegativeInfinitySymbol", "NegativeSign", "NumberDecimalDigits",
                     "NumberDecimalSeparator", "NumberGroupSeparator", "CurrencyPositivePattern",
                     "PositiveInfinitySymbol", "PositiveSign", "PercentDecimalDigits", "PercentDecimalSeparator",
                     "PercentGroupSeparator", "PercentSymbol", "PerMilleSymbol", "NativeDigits",
                     "DigitSubstitution")

    def __init__(self):
        self.CurrencyDecimalDigits = 2
        self.CurrencyDecimalSeparator = "."
        self.IsReadOnly = True
        self.CurrencyGroupSizes = [3]
        self.NumberGroupSizes = [3]
        self.PercentGroupSizes = [3]
        self.CurrencyGroupSeparator = ","
        self.CurrencySymbol = "$"
        self.NaNSymbol = "NaN"
        self.CurrencyNegativePattern = 0
        self.NumberNegativePattern = 1
        self.PercentPositivePattern = 1
        self.PercentNegativePattern = 1
        self.NegativeInfinitySymbol = "-Infinity"
        self.NegativeSign = "-"
        self.NumberDecimalDigits = 2
        self.NumberDecimalSeparator = "."
        self.NumberGroupSeparator = ","
        self.CurrencyPositivePattern = 0
        self.PositiveInfinitySymbol = "Infinity"
        self.PositiveSign = "+"
        self.PercentDecimalDigits = 2
        self.PercentDecimalSeparator = "."
        self.PercentGroupSeparator = ","
        self.PercentSymbol = "%"
        self.PerMilleSymbol = "\u2030"
        self.NativeDigits = list("0123456789")
        self.DigitSubstitution = "None"


class DateTimeFormatInfo(DotNetObject):
    ps_type_names = ("System.Globalization.DateTimeFormatInfo", "System.Object")
    ps_properties = ("AMDesignator", "DateSeparator", "FirstDayOfWeek", "FullDateTimePattern", "LongDatePattern",
                     "LongTimePattern", "MonthDayPattern", "PMDesignator", "RFC1123Pattern", "ShortDatePattern",
                     "ShortTimePattern", "SortableDateTimePattern", "TimeSeparator",
                     "UniversalSortableDateTimePattern", "YearMonthPattern", "DayNames", "MonthNames")

    def __init__(self):
        self.AMDesignator = "AM"
        self.DateSeparator = "/"
        self.FirstDayOfWeek = "Sunday"
        self.FullDateTimePattern = "dddd, MMMM d, yyyy h:mm:ss tt"
        self.LongDatePattern = "dddd, MMMM d, yyyy"
        self.LongTimePattern = "h:mm:ss tt"
        self.MonthDayPattern = "MMMM d"
        self.PMDesignator = "PM"
        self.RFC1123Pattern = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
        self.ShortDatePattern = "M/d/yyyy"
        self.ShortTimePattern = "h:mm tt"
        self.SortableDateTimePattern = "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
        self.TimeSeparator = ":"
        self.UniversalSortableDateTimePattern = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"
        self.YearMonthPattern = "MMMM yyyy"
        self.DayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
        self.MonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                           "September", "October", "November", "December", ""]


class CultureInfo(DotNetObject):
    """en-US, the culture pshim formats with."""
    ps_type_names = ("System.Globalization.CultureInfo", "System.Object")
    ps_properties = ("Parent", "LCID", "KeyboardLayoutId", "Name", "IetfLanguageTag", "DisplayName", "NativeName",
                     "EnglishName", "TwoLetterISOLanguageName", "ThreeLetterISOLanguageName",
                     "ThreeLetterWindowsLanguageName", "CompareInfo", "TextInfo", "IsNeutralCulture",
                     "CultureTypes", "NumberFormat", "DateTimeFormat", "Calendar", "OptionalCalendars",
                     "UseUserOverride", "IsReadOnly")

    def __init__(self):
        self.LCID = 1033
        self.KeyboardLayoutId = 1033
        self.Name = "en-US"
        self.IetfLanguageTag = "en-US"
        self.DisplayName = "English (United States)"
        self.NativeName = "English (United States)"
        self.EnglishName = "English (United States)"
        self.TwoLetterISOLanguageName = "en"
        self.ThreeLetterISOLanguageName = "eng"
        self.ThreeLetterWindowsLanguageName = "ENU"
        self.CompareInfo = "CompareInfo - en-US"
        self.TextInfo = TextInfo()
        self.IsNeutralCulture = False
        self.CultureTypes = "SpecificCultures, InstalledWin32Cultures, FrameworkCultures"
        self.NumberFormat = NumberFormatInfo()
        self.DateTimeFormat = DateTimeFormatInfo()
        self.Calendar = "System.Globalization.GregorianCalendar"
        self.OptionalCalendars = ["System.Globalization.GregorianCalendar"]
        self.UseUserOverride = True
        self.IsReadOnly = False

    @property
    def Parent(self):
        return "en"

    def ps_to_string(self):
        return self.Name


register_view("System.Globalization.CultureInfo",
              TableView([Column("LCID", width=16), Column("Name", width=16), Column("DisplayName")]))


class GetCultureCommand(Cmdlet):
    name = "Get-Culture"
    dotnet_type = _NS + "GetCultureCommand"
    synopsis = "Gets the current culture set in the operating system."

    def process(self):
        self.write_object(CultureInfo())


class GetUICultureCommand(GetCultureCommand):
    name = "Get-UICulture"
    dotnet_type = _NS + "GetUICultureCommand"
    synopsis = "Gets the current UI culture settings in the operating system."


# ---------------------------------------------------------------------------
# Set-StrictMode

class SetStrictModeCommand(Cmdlet):
    name = "Set-StrictMode"
    dotnet_type = _NS + "SetStrictModeCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Establishes and enforces coding rules in expressions, scripts, and script blocks."

    Off = Parameter("switch", parameter_set="Off", mandatory=True)
    Version = Parameter("object", parameter_set="Version", mandatory=True, aliases=("v",))

    def process(self):
        # the strict mode belongs to the caller's scope (a cmdlet has none of its own): it holds there
        # and in the scopes made below it, until one of them sets its own (runtime/scopes.py)
        scope = self.ctx.scope
        if self.parameter_set_name == "Off":
            scope.strict = 0
            return
        from ...runtime.version import Version
        v = unwrap(self.Version)
        text = cv.to_string(v).strip()
        if text.lower() == "latest":
            scope.strict = _ENGINE_MAJOR
            return
        try:
            ver = v if isinstance(v, Version) else Version.parse(text if "." in text else text + ".0")
        except Exception:   # an unparsable version is a binding error in 5.1
            raise self.terminating_error(self.error(
                f"Cannot bind parameter 'Version'. Cannot convert value \"{text}\" to type \"System.Version\". "
                f"Error: \"Version string portion was too short or too long.\"",
                "ParameterArgumentTransformationError", "InvalidData", text, PSArgumentException))
        major = getattr(ver, "Major", None)
        if major is not None and major > _ENGINE_MAJOR:
            raise self.terminating_error(self.error(
                "Cannot validate argument on parameter 'Version'. The \"" + text + "\" argument does not contain "
                "a valid Windows PowerShell version. Supply a valid version number and then try the command "
                "again.", "ParameterArgumentValidationError", "InvalidData", text, PSArgumentException))
        scope.strict = int(major or 0)


_ENGINE_MAJOR = 5      # `Latest` is the engine's own version (5.1): every rule of 1.0, 2.0 and 3.0


# ---------------------------------------------------------------------------
# Snap-ins

_EXCHANGE_SNAPINS = {
    "microsoft.exchange.management.powershell.e2010": (
        "Microsoft.Exchange.Management.PowerShell.E2010", "Admin Tools for Exchange Server"),
    "microsoft.exchange.management.powershell.snapin": (
        "Microsoft.Exchange.Management.PowerShell.SnapIn", "Admin Tools for Exchange Server"),
    "microsoft.exchange.management.powershell.admin": (
        "Microsoft.Exchange.Management.PowerShell.Admin", "Admin Tools for Exchange Server"),
    "microsoft.exchange.management.powershell.setup": (
        "Microsoft.Exchange.Management.PowerShell.Setup", "Setup Tasks for Exchange Server"),
    "microsoft.exchange.management.powershell.support": (
        "Microsoft.Exchange.Management.PowerShell.Support", "Support Tasks for Exchange Server"),
}
_CORE_SNAPIN = ("Microsoft.PowerShell.Core",
                "This Windows PowerShell snap-in contains cmdlets used to manage components of Windows "
                "PowerShell.")


class PSSnapInInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSSnapInInfo", "System.Object")
    ps_properties = ("Name", "IsDefault", "ApplicationBase", "AssemblyName", "ModuleName", "PSVersion", "Version",
                     "Types", "Formats", "Description", "Vendor", "LogPipelineExecutionDetails")

    def __init__(self, name, description, is_default=False):
        from ...runtime.version import Version
        self.Name = name
        self.IsDefault = is_default
        self.ApplicationBase = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0" if is_default else \
            "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin"
        self.AssemblyName = name + ", Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
        self.ModuleName = self.ApplicationBase + "\\" + name + ".dll"
        self.PSVersion = Version(5, 1, 19041, 1) if is_default else Version(1, 0)
        self.Version = Version(3, 0, 0, 0) if is_default else Version(15, 0, 0, 0)
        self.Types = []
        self.Formats = []
        self.Description = description
        self.Vendor = "Microsoft Corporation" if is_default else "Microsoft"
        self.LogPipelineExecutionDetails = False

    def ps_to_string(self):
        return self.Name


register_view("System.Management.Automation.PSSnapInInfo",
              ListView([Entry("Name"), Entry("PSVersion"), Entry("Description")]))


def _loaded_snapins(session) -> list:
    return _state(session, "pssnapins", lambda: [PSSnapInInfo(*_CORE_SNAPIN, is_default=True)])


class GetPSSnapinCommand(Cmdlet):
    name = "Get-PSSnapin"
    dotnet_type = _NS + "GetPSSnapinCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Gets the Windows PowerShell snap-ins on the computer."

    Name = Parameter("string[]", position=0)
    Registered = Parameter("switch")

    def process(self):
        if self.Registered:
            pool = [PSSnapInInfo(n, d) for n, d in _EXCHANGE_SNAPINS.values()]
        else:
            pool = list(_loaded_snapins(self.ctx.session))
        for pat in [cv.to_string(p) for p in (self.Name or ["*"])]:
            hits = [s for s in pool if wildcard_match(pat, s.Name)]
            if not hits and not has_wildcard(pat):
                self.write_error(self.error(
                    f"No Windows PowerShell snap-ins matching the pattern '{pat}' were found. Check the pattern "
                    "and then try the command again.", "NoPSSnapInsFound", "InvalidArgument", pat,
                    PSArgumentException))
            for s in hits:
                self.write_object(s)


class AddPSSnapinCommand(Cmdlet):
    name = "Add-PSSnapin"
    dotnet_type = _NS + "AddPSSnapinCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Adds one or more Windows PowerShell snap-ins to the current session."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    PassThru = Parameter("switch")

    def process(self):
        loaded = _loaded_snapins(self.ctx.session)
        for raw in self.Name or []:
            name = cv.to_string(raw)
            if has_wildcard(name):
                hits = [v for k, v in _EXCHANGE_SNAPINS.items() if wildcard_match(name, v[0])]
            else:
                entry = _EXCHANGE_SNAPINS.get(name.lower())
                if entry is None:
                    if name.lower() == _CORE_SNAPIN[0].lower() or name.lower().startswith("microsoft.powershell."):
                        hits = [(_CORE_SNAPIN[0], _CORE_SNAPIN[1])]
                    else:
                        self.write_error(self.error(
                            f"The Windows PowerShell snap-in '{name}' is not installed on this computer.",
                            "AddPSSnapInRead", "InvalidArgument", name, PSArgumentException))
                        continue
                else:
                    hits = [entry]
            for sname, desc in hits:
                existing = next((s for s in loaded if s.Name.lower() == sname.lower()), None)
                if existing is not None:
                    if not has_wildcard(name):
                        self.write_error(self.error(
                            f"Cannot add Windows PowerShell snap-in {sname} because it is already added. Verify "
                            "the name of the snap-in, and then try again.", "AddPSSnapInRead", "InvalidArgument",
                            sname, PSArgumentException))
                    continue
                info = PSSnapInInfo(sname, desc)
                loaded.append(info)
                if self.PassThru:
                    self.write_object(info)


class RemovePSSnapinCommand(Cmdlet):
    name = "Remove-PSSnapin"
    dotnet_type = _NS + "RemovePSSnapinCommand"
    module_name = "Microsoft.PowerShell.Core"
    supports_should_process = True
    synopsis = "Removes Windows PowerShell snap-ins from the current session."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True)
    PassThru = Parameter("switch")

    def process(self):
        loaded = _loaded_snapins(self.ctx.session)
        for raw in self.Name or []:
            name = cv.to_string(raw.Name if isinstance(raw, PSSnapInInfo) else raw)
            hits = [s for s in loaded if wildcard_match(name, s.Name)]
            if not hits:
                self.write_error(self.error(
                    f"No Windows PowerShell snap-ins matching the pattern '{name}' were found. Check the pattern "
                    "and then try the command again.", "NoPSSnapInsFound", "InvalidArgument", name,
                    PSArgumentException))
                continue
            for s in hits:
                if s.IsDefault:
                    self.write_error(self.error(
                        f"Cannot remove the Windows PowerShell snap-in {s.Name} because it is a system snap-in. "
                        "Verify the name of the snap-in that you want to remove, and then try again.",
                        "RemovePSSnapIn", "InvalidArgument", s.Name, PSArgumentException))
                    continue
                if not self.should_process(s.Name, "Remove-PSSnapin"):
                    continue
                loaded.remove(s)
                if self.PassThru:
                    self.write_object(s)


# ---------------------------------------------------------------------------
# Transcripts

class _Transcript:
    """One running transcript: the host's write/write_error_text are wrapped
    while it runs. A writer that captured host.write before (the Out-Default
    of a script that printed before Start-Transcript) is not seen; one that
    captures the wrapper keeps working after Stop-Transcript, which only turns
    the copy to the file off."""

    def __init__(self, path, host, invocation_header=False):
        self.path = path
        self.host = host
        self.active = True
        self.invocation_header = invocation_header    # -IncludeInvocationHeader
        self.orig_write = host.__dict__.get("write")
        self.orig_write_error_text = host.__dict__.get("write_error_text")
        self.wrappers = ()

    def append(self, text):
        if not self.active:
            return
        try:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            pass


def _transcripts(session) -> list:
    return _state(session, "transcripts", list)


def transcript_command_line(session, text):
    """-IncludeInvocationHeader: before each command typed at the prompt, the time it started and the
    command line."""
    running = [t for t in _transcripts(session) if t.active and t.invocation_header]
    if not running:
        return
    now = _dt.datetime.now().strftime("%Y%m%d%H%M%S")
    header = f"**********************\nCommand start time: {now}\n**********************\nPS>{text}\n"
    for t in running:
        t.append(header)


def _install(session, t: _Transcript):
    host = session.host
    below_write = host.write
    below_err = host.write_error_text

    def write(text):
        below_write(text)
        t.append(text)

    def write_error_text(text):
        below_err(text)
        t.append(text)
    host.write = write
    host.write_error_text = write_error_text
    t.wrappers = (write, write_error_text)


def _uninstall(session, t: _Transcript):
    t.active = False
    host = session.host
    for attr, orig, mine in (("write", t.orig_write, t.wrappers[0]),
                             ("write_error_text", t.orig_write_error_text, t.wrappers[1])):
        if host.__dict__.get(attr) is not mine:
            continue      # a later wrapper is on top: ours stays in the chain, inactive
        if orig is None:
            host.__dict__.pop(attr, None)
        else:
            setattr(host, attr, orig)


class StartTranscriptCommand(Cmdlet):
    name = "Start-Transcript"
    dotnet_type = _NS + "StartTranscriptCommand"
    module_name = "Microsoft.PowerShell.Host"
    supports_should_process = True
    default_parameter_set = "ByPath"
    synopsis = "Creates a record of all or part of a PowerShell session to a text file."

    Path = Parameter("string", position=0, parameter_set="ByPath")
    LiteralPath = Parameter("string", parameter_set="ByLiteralPath", aliases=("PSPath",))
    OutputDirectory = Parameter("string", parameter_set="ByOutputDirectory")
    Append = Parameter("switch")
    Force = Parameter("switch")
    NoClobber = Parameter("switch", aliases=("NoOverwrite",))
    IncludeInvocationHeader = Parameter("switch")

    def _default_path(self, folder=None):
        r"""5.1's default: Documents\PowerShell_transcript.<MACHINE>.<8 random>.<yyyyMMddHHmmss>.txt"""
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        rnd = "".join(_random.choice(alphabet) for _ in range(8))
        machine = socket.gethostname().split(".")[0].upper()
        fname = f"PowerShell_transcript.{machine}.{rnd}.{_dt.datetime.now().strftime('%Y%m%d%H%M%S')}.txt"
        if folder is None:
            home = cv.to_string(self.ctx.get_variable("HOME") or os.path.expanduser("~"))
            folder = os.path.join(home, "Documents")
        return os.path.join(folder, fname)

    def process(self):
        from ...runtime.drives import display_path
        session = self.ctx.session
        if self.LiteralPath is not None:
            typed = cv.to_string(self.LiteralPath)
            path = self.ctx.resolve_path(typed)
        elif self.Path is not None:
            typed = cv.to_string(self.Path)
            path = self.ctx.resolve_path(typed)
        elif self.OutputDirectory is not None:
            path = self._default_path(self.ctx.resolve_path(cv.to_string(self.OutputDirectory)))
        else:
            path = self._default_path()
        shown = display_path(path)
        if not self.should_process(shown, "Start-Transcript"):
            return
        if os.path.exists(path) and self.NoClobber and not self.Append:
            raise self.terminating_error(self.error(
                f"The file '{shown}' already exists.", "NoClobber", "ResourceExists", shown, InvalidOperationException))
        try:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            if os.path.isfile(path) and not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
                # a read-only file (no write bit, whoever runs the shell): -Force makes it writable
                if not self.Force:
                    raise PermissionError(13, f"Access to the path '{shown}' is denied.")
                os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
            mode = "a" if self.Append else "w"
            host_info = session.global_scope.lookup("psversiontable")
            with open(path, mode, encoding="utf-8") as fh:
                fh.write(self._start_header(host_info.value if host_info else None))
        except OSError as e:
            raise self.terminating_error(self.error(
                f"Transcription cannot be started due to the error: {e.strerror or e}", "CannotStartTranscription",
                "InvalidOperation", None, InvalidOperationException))
        t = _Transcript(path, session.host, bool(self.IncludeInvocationHeader))
        _transcripts(session).append(t)
        _install(session, t)
        self.write_object(f"Transcript started, output file is {shown}")

    def _start_header(self, table):
        import getpass
        now = _dt.datetime.now().strftime("%Y%m%d%H%M%S")
        try:
            user = getpass.getuser()
        except Exception:   # no user name in this environment
            user = "user"
        machine = socket.gethostname().split(".")[0].upper()
        domain = machine
        lines = ["**********************", "Windows PowerShell transcript start", f"Start time: {now}",
                 f"Username: {domain}\\{user}", f"RunAs User: {domain}\\{user}", "Configuration Name: ",
                 f"Machine: {machine} (Microsoft Windows NT 10.0.19041.0)",
                 "Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                 f"Process ID: {os.getpid()}"]
        if isinstance(table, Hashtable):
            for k, v in table.items():
                if isinstance(v, (list, tuple)):
                    v = ", ".join(cv.to_string(x) for x in v)
                lines.append(f"{k}: {cv.to_string(v)}")
        lines.append("**********************")
        return "\n".join(lines) + "\n"


class StopTranscriptCommand(Cmdlet):
    name = "Stop-Transcript"
    dotnet_type = _NS + "StopTranscriptCommand"
    module_name = "Microsoft.PowerShell.Host"
    synopsis = "Stops a transcript."

    def process(self):
        from ...runtime.drives import display_path
        session = self.ctx.session
        stack = _transcripts(session)
        if not stack:
            raise self.terminating_error(self.error(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "InvalidOperation", "InvalidOperation", None, PSInvalidOperation))
        t = stack.pop()
        now = _dt.datetime.now().strftime("%Y%m%d%H%M%S")
        t.append(f"**********************\nWindows PowerShell transcript end\nEnd time: {now}\n"
                 "**********************\n")
        _uninstall(session, t)
        self.write_object(f"Transcript stopped, output file is {display_path(t.path)}")


from ...errors import PSInvalidOperationException as PSInvalidOperation  # noqa: E402

