"""System.Globalization.CultureInfo and its TextInfo, NumberFormatInfo and DateTimeFormatInfo: en-US, the
culture pshim formats with (Get-Culture), and the invariant culture scripts pass to ParseExact and ToString;
`[cultureinfo]::InvariantCulture`, `::CurrentCulture`, `::GetCultureInfo('en-US')`."""
from __future__ import annotations

import re

from ..errors import ArgumentException
from .method_support import nargs, a_str
from .psobject import DotNetObject
from .statics import static_type


class TextInfo(DotNetObject):
    ps_type_names = ("System.Globalization.TextInfo", "System.Object")
    ps_properties = ("ANSICodePage", "OEMCodePage", "MacCodePage", "EBCDICCodePage", "LCID", "CultureName",
                     "IsReadOnly", "ListSeparator", "IsRightToLeft")
    ps_methods = ("ToTitleCase", "ToUpper", "ToLower", "ToString", "GetType")

    def __init__(self, name="en-US", lcid=1033):
        self.ANSICodePage = 1252
        self.OEMCodePage = 437
        self.MacCodePage = 10000
        self.EBCDICCodePage = 37
        self.LCID = lcid
        self.CultureName = name
        self.IsReadOnly = True
        self.ListSeparator = ","
        self.IsRightToLeft = False

    def ToTitleCase(self, text):
        """Each word's first letter upper case and the rest lower case; a word all in capitals (an acronym)
        is kept, as .NET keeps it."""
        from .conversion import to_string

        def word(m):
            w = m.group(0)
            return w if w.isupper() else w[:1].upper() + w[1:].lower()
        return re.sub(r"[^\W\d_]+(?:'[^\W\d_]+)?", word, to_string(text))

    def ToUpper(self, text):
        from .conversion import to_string
        return to_string(text).upper()

    def ToLower(self, text):
        from .conversion import to_string
        return to_string(text).lower()

    def ps_to_string(self):
        return f"TextInfo - {self.CultureName}"


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
    """en-US, the culture pshim formats with (invariant=True: the invariant culture, whose names and
    identifiers differ; pshim's formatting is en-US's for both)."""
    ps_type_names = ("System.Globalization.CultureInfo", "System.Object")
    ps_properties = ("Parent", "LCID", "KeyboardLayoutId", "Name", "IetfLanguageTag", "DisplayName", "NativeName",
                     "EnglishName", "TwoLetterISOLanguageName", "ThreeLetterISOLanguageName",
                     "ThreeLetterWindowsLanguageName", "CompareInfo", "TextInfo", "IsNeutralCulture",
                     "CultureTypes", "NumberFormat", "DateTimeFormat", "Calendar", "OptionalCalendars",
                     "UseUserOverride", "IsReadOnly")

    def __init__(self, invariant=False):
        self.LCID = 127 if invariant else 1033
        self.KeyboardLayoutId = self.LCID
        self.Name = "" if invariant else "en-US"
        self.IetfLanguageTag = self.Name
        self.DisplayName = "Invariant Language (Invariant Country)" if invariant else "English (United States)"
        self.NativeName = "Invariant Language (Invariant Country)" if invariant else "English (United States)"
        self.EnglishName = self.DisplayName
        self.TwoLetterISOLanguageName = "iv" if invariant else "en"
        self.ThreeLetterISOLanguageName = "ivl" if invariant else "eng"
        self.ThreeLetterWindowsLanguageName = "IVL" if invariant else "ENU"
        self.CompareInfo = f"CompareInfo - {self.Name or 'Invariant'}"
        self.TextInfo = TextInfo(self.Name, self.LCID)
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
        return "en" if self.Name else ""

    def ps_to_string(self):
        return self.Name


def culture_named(name):
    if name is None:
        raise ArgumentException("Value cannot be null.\r\nParameter name: name")
    if name == "":
        return CultureInfo(invariant=True)
    if name.lower() == "en-us":
        return CultureInfo()
    raise ArgumentException(f"Culture is not supported.\r\nParameter name: name\r\n{name} is an invalid "
                            "culture identifier.")


C = static_type("System.Globalization.CultureInfo", "cultureinfo")
C.prop("InvariantCulture", lambda: CultureInfo(invariant=True))
C.prop("CurrentCulture", CultureInfo)
C.prop("CurrentUICulture", CultureInfo)
C.prop("InstalledUICulture", CultureInfo)


@C.method("new", "System.Globalization.CultureInfo new(string name)")
def _new(args, kw):
    nargs(args, 1)
    return culture_named(a_str(args, 0))


@C.method("GetCultureInfo", "static cultureinfo GetCultureInfo(string name)")
def _get(args, kw):
    nargs(args, 1)
    return culture_named(a_str(args, 0))
