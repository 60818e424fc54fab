"""Static members: exact .NET Framework / Windows PowerShell 5.1 results."""
import datetime as dt
import decimal
import ipaddress
import math
import os

import pytest

from pshim.errors import MethodException, MethodInvocationException
from pshim.runtime.statics import invoke_static, get_static, has_static, static_members, EnumValue
from pshim.runtime.psobject import Int64, Byte, TypedArray, GenericList, ArrayList, Char
from pshim.runtime.methods import invoke_method
from pshim.runtime.dotnet_objects import Guid, StringBuilder


def call(t, name, *args, **kw):
    return invoke_static(t, name, list(args), **kw)


def err(t, name, *args):
    with pytest.raises(MethodException) as e:
        call(t, name, *args)
    return e.value


class Ref:
    def __init__(self):
        self.Value = None


# ---------------------------------------------------------------------------
# Math

@pytest.mark.parametrize("args,expected", [
    ([2.5], 2.0), ([3.5], 4.0), ([-2.5], -2.0), ([0.5], 0.0), ([2.4], 2.0), ([5], 5.0),
    ([2.5, "AwayFromZero"], 3.0), ([-2.5, "AwayFromZero"], -3.0), ([1.005, 2], 1.0), ([2.135, 2], 2.13),
    ([1.25, 1], 1.2), ([1.35, 1], 1.4), ([1.25, 1, "AwayFromZero"], 1.3), ([123.456, 0], 123.0),
    (["2.5"], 2.0), ([decimal.Decimal("2.5")], decimal.Decimal("2")), ([decimal.Decimal("2.345"), 2], decimal.Decimal("2.34")),
])
def test_math_round_is_bankers_by_default(args, expected):
    result = call("System.Math", "Round", *args)
    assert result == expected and type(result) is type(expected)


def test_math_round_errors():
    e = err("System.Math", "Round", 1.5, 16)
    assert e.message == ('Exception calling "Round" with "2" argument(s): "Rounding digits must be between 0 and '
                         '15, inclusive.\r\nParameter name: digits"')
    assert e.error_id == "ArgumentOutOfRangeException"


@pytest.mark.parametrize("name,args,expected", [
    ("Floor", [2.7], 2.0), ("Floor", [-2.1], -3.0), ("Ceiling", [2.1], 3.0), ("Truncate", [-2.7], -2.0),
    ("Abs", [-5], 5), ("Abs", [-2.5], 2.5), ("Max", [3, 7], 7), ("Min", [3, 7], 3), ("Max", [1, 2.5], 2.5),
    ("Pow", [2, 10], 1024.0), ("Sqrt", [16], 4.0), ("Log10", [1000], 3.0), ("Exp", [0], 1.0), ("Sign", [-3.2], -1),
    ("Sign", [0], 0), ("Log", [math.e], 1.0), ("Log", [8, 2], 3.0), ("Log", [0], -math.inf),
])
def test_math_functions(name, args, expected):
    assert call("System.Math", name, *args) == expected


def test_math_nan_results_and_constants():
    assert math.isnan(call("System.Math", "Sqrt", -1))
    assert math.isnan(call("System.Math", "Log", -1))
    assert get_static("System.Math", "PI") == math.pi and get_static("system.math", "e") == math.e
    assert isinstance(call("System.Math", "Max", Int64(1), 2), Int64)
    e = err("System.Math", "Abs", -2 ** 31)
    assert e.error_id == "OverflowException"


def test_unknown_static_member():
    e = err("System.Math", "Foo")
    assert type(e) is MethodException
    assert e.message == "Method invocation failed because [System.Math] does not contain a method named 'Foo'."
    assert e.error_id == "MethodNotFound"
    assert get_static("System.Math", "Nope") is None
    assert get_static("System.Math", "Nope", "dflt") == "dflt"
    assert has_static("System.Math", "round") and not has_static("System.Math", "Foo")


def test_wrong_static_argument_count():
    assert err("System.Math", "Pow", 1).message == 'Cannot find an overload for "Pow" and the argument count: "1".'


# ---------------------------------------------------------------------------
# String, Char

@pytest.mark.parametrize("name,args,expected", [
    ("IsNullOrEmpty", [None], True), ("IsNullOrEmpty", [""], True), ("IsNullOrEmpty", [" "], False),
    ("IsNullOrWhiteSpace", [" \t"], True), ("IsNullOrWhiteSpace", ["x"], False), ("IsNullOrWhiteSpace", [None], True),
    ("Join", [",", ["a", "b", "c"]], "a,b,c"), ("Join", ["-", 1, 2, 3], "1-2-3"), ("Join", [", ", [1.5, None, True]], "1.5, , True"),
    ("Join", ["|", ["a", "b", "c", "d"], 1, 2], "b|c"), ("Join", [",", "solo"], "solo"),
    ("Format", ["{0}-{1}", "a", "b"], "a-b"), ("Format", ["{0:N1}|{1,3}", [1234.56, 7]], "1,234.6|  7"),
    ("Concat", ["a", 1, None, "b"], "a1b"), ("Concat", [["x", "y"]], "xy"),
    ("Compare", ["a", "B"], -1), ("Compare", ["a", "A"], -1), ("Compare", ["a", "A", True], 0),
    ("Compare", ["b", "a", "Ordinal"], 1), ("CompareOrdinal", ["a", "B"], 31), ("Equals", ["a", "A"], False),
    ("Equals", ["a", "A", "OrdinalIgnoreCase"], True), ("new", ["-", 5], "-----"),
])
def test_string_statics(name, args, expected):
    assert call("System.String", name, *args) == expected


def test_string_empty_and_format_errors():
    assert get_static("System.String", "Empty") == ""
    e = err("System.String", "Format", "{1}", "a")
    assert e.message == ('Exception calling "Format" with "2" argument(s): "Index (zero based) must be greater than '
                         'or equal to zero and less than the size of the argument list."')
    assert e.error_id == "FormatException"


@pytest.mark.parametrize("name,arg,expected", [
    ("IsDigit", "5", True), ("IsDigit", "a", False), ("IsLetter", "a", True), ("IsLetter", "1", False),
    ("IsUpper", "A", True), ("IsUpper", "a", False), ("IsLower", "a", True), ("IsWhiteSpace", " ", True),
    ("IsWhiteSpace", "\t", True), ("IsLetterOrDigit", "_", False), ("IsPunctuation", ",", True),
])
def test_char_statics(name, arg, expected):
    assert call("System.Char", name, arg) is expected


def test_char_argument_must_be_one_character():
    e = err("System.Char", "IsDigit", "12")
    assert e.message == ('Cannot convert argument "c", with value: "12", for "IsDigit" to type "System.Char": '
                         '"Cannot convert value "12" to type "System.Char". Error: "String must be exactly one '
                         'character long.""')
    assert call("System.Char", "IsDigit", "a1", 1) is True


# ---------------------------------------------------------------------------
# Numbers

def test_numeric_limits():
    assert get_static("System.Int32", "MaxValue") == 2147483647
    assert get_static("System.Int32", "MinValue") == -2147483648
    assert isinstance(get_static("System.Int64", "MaxValue"), Int64)
    assert get_static("System.Int64", "MaxValue") == 9223372036854775807
    assert get_static("System.Byte", "MaxValue") == 255 and isinstance(get_static("System.Byte", "MaxValue"), Byte)
    assert get_static("System.Double", "MaxValue") == 1.7976931348623157e308
    assert math.isnan(get_static("System.Double", "NaN"))


@pytest.mark.parametrize("t,args,expected", [
    ("System.Int32", [" 42 "], 42), ("System.Int32", ["-7"], -7), ("System.Int32", ["ff", "HexNumber"], 255),
    ("System.Int32", ["1,234", "Number"], 1234), ("System.Int64", ["9000000000"], 9000000000),
    ("System.Double", ["1,234.5"], 1234.5), ("System.Double", ["1e3"], 1000.0), ("System.Byte", ["200"], 200),
    ("System.Boolean", [" True "], True), ("System.Boolean", ["false"], False),
])
def test_parse(t, args, expected):
    assert call(t, "Parse", *args) == expected


@pytest.mark.parametrize("t,arg,inner,error_id", [
    ("System.Int32", "abc", "Input string was not in a correct format.", "FormatException"),
    ("System.Int32", "1.5", "Input string was not in a correct format.", "FormatException"),
    ("System.Int32", "3000000000", "Value was either too large or too small for an Int32.", "OverflowException"),
    ("System.Byte", "300", "Value was either too large or too small for an unsigned byte.", "OverflowException"),
    ("System.Double", "x1", "Input string was not in a correct format.", "FormatException"),
    ("System.Boolean", "yes", "String was not recognized as a valid Boolean.", "FormatException"),
])
def test_parse_errors(t, arg, inner, error_id):
    e = err(t, "Parse", arg)
    assert e.message == f'Exception calling "Parse" with "1" argument(s): "{inner}"'
    assert e.error_id == error_id


def test_try_parse_sets_ref():
    r = Ref()
    assert call("System.Int32", "TryParse", "12", r) is True and r.Value == 12
    assert call("System.Int32", "TryParse", "x", r) is False and r.Value == 0
    assert call("System.DateTime", "TryParse", "2020-01-02", r) is True and r.Value == dt.datetime(2020, 1, 2)


# ---------------------------------------------------------------------------
# DateTime, TimeSpan

def test_datetime_statics():
    now = get_static("System.DateTime", "Now")
    assert isinstance(now, dt.datetime) and now.tzinfo is None
    assert get_static("System.DateTime", "UtcNow").tzinfo is not None
    assert get_static("System.DateTime", "Today").hour == 0
    assert get_static("System.DateTime", "MinValue") == dt.datetime(1, 1, 1)
    assert call("System.DateTime", "DaysInMonth", 2024, 2) == 29
    assert call("System.DateTime", "IsLeapYear", 1900) is False
    assert call("System.DateTime", "Parse", "3/4/2021 1:05:09 PM") == dt.datetime(2021, 3, 4, 13, 5, 9)
    assert call("System.DateTime", "new", 2021, 1, 2, 3, 4, 5) == dt.datetime(2021, 1, 2, 3, 4, 5)
    e = err("System.DateTime", "DaysInMonth", 2024, 13)
    assert e.message.endswith('"Month must be between one and twelve.\r\nParameter name: month"')


@pytest.mark.parametrize("text,fmt,expected", [
    ("2021-03-04 13:05", "yyyy-MM-dd HH:mm", dt.datetime(2021, 3, 4, 13, 5)),
    ("04/03/2021", "dd/MM/yyyy", dt.datetime(2021, 3, 4)),
    ("20210304", "yyyyMMdd", dt.datetime(2021, 3, 4)),
    ("3/4/21 1:05 PM", "M/d/yy h:mm tt", dt.datetime(2021, 3, 4, 13, 5)),
    ("Mar 4 2021", "MMM d yyyy", dt.datetime(2021, 3, 4)),
    ("Thursday, March 4, 2021", "dddd, MMMM d, yyyy", dt.datetime(2021, 3, 4)),
    ("2021-03-04T13:05:09.123", "yyyy-MM-ddTHH:mm:ss.fff", dt.datetime(2021, 3, 4, 13, 5, 9, 123000)),
    ("2021-03-04T13:05:09", "s", dt.datetime(2021, 3, 4, 13, 5, 9)),
    ("04.03.2021", r"dd\.MM\.yyyy", dt.datetime(2021, 3, 4)),
    ("Date: 04-03-2021", "'Date: 'dd-MM-yyyy", dt.datetime(2021, 3, 4)),
])
def test_parse_exact(text, fmt, expected):
    assert call("System.DateTime", "ParseExact", text, fmt, None) == expected


def test_parse_exact_failures():
    e = err("System.DateTime", "ParseExact", "2021-13-01", "yyyy-MM-dd", None)
    assert e.message == ('Exception calling "ParseExact" with "3" argument(s): "String was not recognized as a '
                         'valid DateTime."')
    assert e.error_id == "FormatException"
    assert call("System.DateTime", "ParseExact", "13:05", "HH:mm", None).date() == dt.date.today()
    assert call("System.DateTime", "ParseExact", "2021-03-04", ["dd/MM/yyyy", "yyyy-MM-dd"], None, "None") == \
        dt.datetime(2021, 3, 4)


@pytest.mark.parametrize("name,arg,expected", [
    ("FromDays", 1.5, dt.timedelta(days=1, hours=12)), ("FromHours", 2, dt.timedelta(hours=2)),
    ("FromMinutes", 90, dt.timedelta(minutes=90)), ("FromSeconds", 1.0005, dt.timedelta(seconds=1, milliseconds=1)),
    ("FromMilliseconds", 1.5, dt.timedelta(milliseconds=2)), ("FromSeconds", -1.0005, -dt.timedelta(seconds=1, milliseconds=1)),
])
def test_timespan_from(name, arg, expected):
    assert call("System.TimeSpan", name, arg) == expected


@pytest.mark.parametrize("text,expected", [
    ("01:02:03", dt.timedelta(hours=1, minutes=2, seconds=3)), ("1.02:03:04", dt.timedelta(days=1, hours=2, minutes=3, seconds=4)),
    ("5", dt.timedelta(days=5)), ("-00:30", -dt.timedelta(minutes=30)), ("00:00:01.5", dt.timedelta(seconds=1.5)),
])
def test_timespan_parse(text, expected):
    assert call("System.TimeSpan", "Parse", text) == expected


def test_timespan_statics_misc():
    assert get_static("System.TimeSpan", "Zero") == dt.timedelta(0)
    assert call("System.TimeSpan", "new", 1, 2, 3) == dt.timedelta(hours=1, minutes=2, seconds=3)
    e = err("System.TimeSpan", "Parse", "abc")
    assert e.message.endswith('"String was not recognized as a valid TimeSpan."')
    e = err("System.TimeSpan", "Parse", "25:00:00")
    assert e.error_id == "OverflowException"


# ---------------------------------------------------------------------------
# Path, File, Directory

@pytest.mark.parametrize("name,args,expected", [
    ("Combine", ["C:\\a", "b.txt"], "C:\\a\\b.txt"), ("Combine", ["C:\\a\\", "b"], "C:\\a\\b"),
    ("Combine", ["C:\\a", "D:\\x"], "D:\\x"), ("Combine", ["a", "b", "c"], "a\\b\\c"), ("Combine", ["C:", "x"], "C:x"),
    ("Combine", ["a/", "b"], "a/b"), ("Combine", ["", "b"], "b"),
    ("GetFileName", ["C:\\dir\\file.txt"], "file.txt"), ("GetFileName", ["C:/dir/file.txt"], "file.txt"),
    ("GetFileName", ["C:\\dir\\"], ""), ("GetExtension", ["C:\\dir\\file.tar.gz"], ".gz"),
    ("GetExtension", ["C:\\d.ir\\file"], ""), ("GetExtension", ["file."], ""),
    ("GetFileNameWithoutExtension", ["C:\\dir\\file.tar.gz"], "file.tar"),
    ("GetDirectoryName", ["C:\\dir\\sub\\file.txt"], "C:\\dir\\sub"), ("GetDirectoryName", ["C:/dir/file.txt"], "C:\\dir"),
    ("GetDirectoryName", ["C:\\file.txt"], "C:\\"), ("GetDirectoryName", ["C:\\"], None), ("GetDirectoryName", ["file.txt"], ""),
    ("GetDirectoryName", ["\\\\server\\share\\f.txt"], "\\\\server\\share"), ("IsPathRooted", ["C:\\x"], True),
    ("IsPathRooted", ["\\x"], True), ("IsPathRooted", ["/x"], True), ("IsPathRooted", ["x\\y"], False),
    ("ChangeExtension", ["C:\\a\\b.txt", "log"], "C:\\a\\b.log"), ("ChangeExtension", ["b.txt", ".csv"], "b.csv"),
    ("ChangeExtension", ["b.txt", None], "b"), ("GetPathRoot", ["C:\\a\\b"], "C:\\"),
])
def test_path(name, args, expected):
    assert call("System.IO.Path", name, *args) == expected


def test_path_constants_and_temp():
    assert get_static("System.IO.Path", "DirectorySeparatorChar") == "\\"
    assert call("System.IO.Path", "GetTempPath").endswith(os.sep)
    e = err("System.IO.Path", "Combine", None, "x")
    assert e.message.endswith('"Value cannot be null.\r\nParameter name: path1"')
    assert e.error_id == "ArgumentNullException"


def test_file_and_directory(tmp_path):
    base = str(tmp_path)
    f = os.path.join(base, "a.txt")
    assert call("System.IO.File", "Exists", f) is False
    call("System.IO.File", "WriteAllText", f, "one\r\ntwo")
    call("System.IO.File", "AppendAllText", f, "\nthree")
    assert call("System.IO.File", "ReadAllText", f) == "one\r\ntwo\nthree"
    assert list(call("System.IO.File", "ReadAllLines", f)) == ["one", "two", "three"]
    assert call("System.IO.File", "Exists", f) is True
    sub = os.path.join(base, "sub", "deeper")
    info = call("System.IO.Directory", "CreateDirectory", sub)
    assert info.Name == "deeper" and call("System.IO.Directory", "Exists", sub)
    assert list(call("System.IO.Directory", "GetFiles", base)) == [base + "/a.txt"]
    assert list(call("System.IO.Directory", "GetFiles", base, "*.log")) == []
    utf8 = get_static("System.Text.Encoding", "UTF8")
    call("System.IO.File", "WriteAllText", f, "x", utf8)
    with open(f, "rb") as fh:
        assert fh.read() == b"\xef\xbb\xbfx"
    assert call("System.IO.File", "ReadAllText", f) == "x"
    missing = os.path.join(base, "nope.txt")
    e = err("System.IO.File", "ReadAllText", missing)
    assert e.message == f'Exception calling "ReadAllText" with "1" argument(s): "Could not find file \'{missing}\'."'
    assert e.error_id == "FileNotFoundException"


# ---------------------------------------------------------------------------
# Environment, Guid, Convert, Encoding, Net

def test_environment(monkeypatch):
    monkeypatch.setenv("PSHIM_TEST_VAR", "v1")
    assert get_static("System.Environment", "NewLine") == "\r\n"
    assert call("System.Environment", "GetEnvironmentVariable", "pshim_test_var") == "v1"
    assert call("System.Environment", "GetEnvironmentVariable", "PSHIM_NOT_SET_X") is None
    assert call("System.Environment", "ExpandEnvironmentVariables", "%PSHIM_TEST_VAR%-%NOPE_X%") == "v1-%NOPE_X%"
    assert get_static("System.Environment", "MachineName").isupper() or not get_static("System.Environment", "MachineName").isalpha()
    assert get_static("System.Environment", "ProcessorCount") >= 1
    assert str(get_static("System.Environment", "OSVersion").ps_to_string()).startswith("Microsoft Windows NT")


def test_guid():
    g = call("System.Guid", "NewGuid")
    assert isinstance(g, Guid) and len(g.ps_to_string()) == 36
    assert get_static("System.Guid", "Empty").ps_to_string() == "00000000-0000-0000-0000-000000000000"
    assert call("System.Guid", "Parse", "{0F8FAD5B-D9CB-469F-A165-70867728950E}").Guid == "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert err("System.Guid", "Parse", "nope").error_id == "FormatException"


@pytest.mark.parametrize("name,args,expected", [
    ("ToInt32", ["FF", 16], 255), ("ToInt32", ["0x1F", 16], 31), ("ToInt32", ["101", 2], 5), ("ToInt32", ["FFFFFFFF", 16], -1),
    ("ToInt32", [2.5], 2), ("ToInt32", [3.5], 4), ("ToInt32", ["42"], 42), ("ToInt32", [True], 1), ("ToInt32", [None], 0),
    ("ToString", [255, 16], "ff"), ("ToString", [5, 2], "101"), ("ToString", [-1, 16], "ffffffff"), ("ToString", [1.5], "1.5"),
    ("ToBase64String", [[104, 105]], "aGk="), ("ToBoolean", ["True"], True), ("ToDouble", ["1.5"], 1.5),
    ("ToInt64", ["9000000000"], 9000000000),
])
def test_convert(name, args, expected):
    assert call("System.Convert", name, *args) == expected


def test_convert_errors_and_base64():
    assert list(call("System.Convert", "FromBase64String", "aGk=")) == [104, 105]
    e = err("System.Convert", "FromBase64String", "a$b=")
    assert e.error_id == "FormatException"
    assert err("System.Convert", "ToInt32", "zz", 16).message.endswith('"Could not find any recognizable digits."')
    assert err("System.Convert", "ToInt32", "1", 3).message.endswith('"Invalid Base."')


def test_encoding():
    utf8 = get_static("System.Text.Encoding", "UTF8")
    assert list(invoke_method(utf8, "GetBytes", ["hé"])) == [104, 195, 169]
    assert invoke_method(utf8, "GetString", [[104, 195, 169]]) == "hé"
    ascii_ = get_static("System.Text.Encoding", "ASCII")
    assert list(invoke_method(ascii_, "GetBytes", ["hé"])) == [104, 63]
    uni = get_static("System.Text.Encoding", "Unicode")
    assert list(invoke_method(uni, "GetBytes", ["A"])) == [65, 0]
    assert utf8.ps_to_string() == "System.Text.UTF8Encoding" and utf8.WebName == "utf-8"
    assert list(invoke_method(utf8, "GetPreamble", [])) == [0xEF, 0xBB, 0xBF]


def test_ipaddress_and_dns():
    assert call("System.Net.IPAddress", "Parse", "10.0.0.1") == ipaddress.ip_address("10.0.0.1")
    assert get_static("System.Net.IPAddress", "Loopback") == ipaddress.ip_address("127.0.0.1")
    assert get_static("System.Net.IPAddress", "IPv6Any") == ipaddress.ip_address("::")
    e = err("System.Net.IPAddress", "Parse", "300.1.1.1")
    assert e.message.endswith('"An invalid IP address was specified."')
    r = Ref()
    assert call("System.Net.IPAddress", "TryParse", "::1", r) is True and str(r.Value) == "::1"
    assert isinstance(call("System.Net.Dns", "GetHostName"), str)


# ---------------------------------------------------------------------------
# Regex

def test_regex_statics():
    R = "System.Text.RegularExpressions.Regex"
    assert call(R, "Escape", "a.b*c (d) [e] $f") == r"a\.b\*c\ \(d\)\ \[e]\ \$f"
    assert call(R, "Unescape", r"a\.b\tc") == "a.b\tc"
    assert call(R, "IsMatch", "abc", "^A", "IgnoreCase") is True
    assert call(R, "IsMatch", "abc", "^A") is False
    assert call(R, "Replace", "John Smith", r"(?<first>\w+) (?<last>\w+)", "${last}, ${first}") == "Smith, John"
    assert call(R, "Replace", "a1b2", r"\d", "[$0]") == "a[1]b[2]"
    assert call(R, "Replace", "aaa", "a", "$$") == "$$$"
    assert list(call(R, "Split", "a1b22c", r"\d+")) == ["a", "b", "c"]
    assert list(call(R, "Split", "a-b", "(-)")) == ["a", "-", "b"]
    ms = call(R, "Matches", "a1 b22 c333", r"\d+")
    assert [m.Value for m in ms] == ["1", "22", "333"] and ms.Count == 3


def test_regex_match_object():
    m = call("System.Text.RegularExpressions.Regex", "Match", "id=42 user=bob", r"(?<key>\w+)=(\w+)\s*(\d)?")
    assert m.Success and m.Value == "id=42 " and m.Index == 0 and m.Length == 6
    assert [g.Name for g in m.Groups] == ["0", "1", "2", "key"]          # .NET numbers unnamed groups first
    assert m.Groups[1].Value == "42" and m.Groups["key"].Value == "id"
    assert m.Groups[2].Success is False and m.Groups[2].Value == ""
    nxt = invoke_method(m, "NextMatch", [])
    assert nxt.Value == "user=bob" and nxt.Groups["key"].Value == "user"
    assert invoke_method(nxt, "NextMatch", []).Success is False
    fail = call("System.Text.RegularExpressions.Regex", "Match", "xyz", r"\d")
    assert fail.Success is False and fail.Value == ""


def test_regex_instance_and_translation():
    rx = call("System.Text.RegularExpressions.Regex", "new", r"(?i)^a\z")
    assert invoke_method(rx, "IsMatch", ["A"]) and not invoke_method(rx, "IsMatch", ["A\n"])
    rx = call("System.Text.RegularExpressions.Regex", "new", r"a(?i)b")
    assert invoke_method(rx, "IsMatch", ["aB"]) and not invoke_method(rx, "IsMatch", ["AB"])
    rx = call("System.Text.RegularExpressions.Regex", "new", r'''(?<q>['"]).*?\k<q>''')
    assert invoke_method(rx, "Match", ["say 'hi' now"]).Value == "'hi'"
    assert rx.ps_to_string() == r'''(?<q>['"]).*?\k<q>'''
    e = err("System.Text.RegularExpressions.Regex", "new", "(abc")
    assert e.error_id == "ArgumentException" and "Not enough )'s." in e.message


# ---------------------------------------------------------------------------
# Enums, constructors, Array, listing

def test_enums_and_constructors():
    v = get_static("System.StringSplitOptions", "RemoveEmptyEntries")
    assert isinstance(v, EnumValue) and v.ps_to_string() == "RemoveEmptyEntries" and int(v) == 1
    assert list(invoke_method("a,,b", "Split", [",", v])) == ["a", "b"]
    assert str(get_static("System.MidpointRounding", "AwayFromZero").ps_to_string()) == "AwayFromZero"
    sb = call("System.Text.StringBuilder", "new")
    assert isinstance(sb, StringBuilder)
    lst = call("System.Collections.Generic.List[System.String]", "new")
    assert isinstance(lst, GenericList) and lst.element_type == "System.String"
    assert isinstance(call("System.Collections.ArrayList", "new"), ArrayList)
    assert call("System.String", "new", Char("x"), 3) == "xxx"


def test_array_statics():
    a = [3, 1, 2]
    call("System.Array", "Sort", a)
    assert a == [1, 2, 3]
    call("System.Array", "Reverse", a)
    assert a == [3, 2, 1]
    assert call("System.Array", "IndexOf", a, 2) == 1 and call("System.Array", "IndexOf", a, 9) == -1


def test_static_members_listing():
    members = {n: (k, d) for n, k, d in static_members("System.Math")}
    assert members["Round"][0] == "Method" and "static double Round(double a)" in members["Round"][1]
    assert members["PI"] == ("Property", "static double PI {get;}")


def test_script_block_delegates():
    R = "System.Text.RegularExpressions.Regex"
    block = object()
    seen = []

    def delegate(sb, args):
        seen.append(args)
        return [str(int(args[0].Value) * 2)]
    assert call(R, "Replace", "a1b2", r"\d", block, delegate_invoker=delegate) == "a2b4"
    assert len(seen) == 2
    # without a delegate invoker, $_ is the match
    assert call(R, "Replace", "a1", r"\d", block, invoker=lambda sb, m: ["<" + m.Value + ">"]) == "a<1>"
    rx = call(R, "new", r"\d")
    assert invoke_method(rx, "Replace", ["x5", block], delegate_invoker=delegate) == "x10"
    lst = GenericList([1, 5, 7], "System.Int32")
    found = invoke_method(lst, "FindAll", [block], delegate_invoker=lambda sb, a: [a[0] > 4])
    assert list(found) == [5, 7]
