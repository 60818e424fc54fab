"""Microsoft.PowerShell.Utility: Get-Culture and Get-UICulture, and the en-US CultureInfo pshim formats
with (its TextInfo, NumberFormatInfo and DateTimeFormatInfo)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...formatting.views import register_view, TableView, Column
from ...runtime.psobject import DotNetObject

_NS = "Microsoft.PowerShell.Commands."


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
