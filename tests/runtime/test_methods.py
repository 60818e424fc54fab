"""Instance methods: exact Windows PowerShell 5.1 / .NET Framework results and error texts."""
import datetime as dt
import ipaddress

import pytest

from pshim.errors import MethodException, MethodInvocationException, RuntimeException
from pshim.runtime.methods import (invoke_method as call, has_method, method_names, method_definitions,
                                   RuntimeType, DictionaryEntry)
from pshim.runtime.psobject import (Hashtable, OrderedDictionary, ArrayList, GenericList, TypedArray,
                                    PSObject, PSMemberInfo, Int64, Char, DotNetObject)
from pshim.runtime.dotnet_objects import StringBuilder, Guid


def err(obj, name, args, **kw):
    with pytest.raises(MethodException) as e:
        call(obj, name, args, **kw)
    return e.value


# ---------------------------------------------------------------------------
# String

@pytest.mark.parametrize("s,args,expected", [
    ("a,b,,c", [","], ["a", "b", "", "c"]),
    ("a,b;c", [",;"], ["a", "b", "c"]),                 # 5.1: each char of the string is a separator
    ("a::b", ["::"], ["a", "", "b"]),
    ("a,b;c", [",", ";"], ["a", "b", "c"]),
    ("a b  c", [], ["a", "b", "", "c"]),
    ("a,b,c", [",", 2], ["a", "b,c"]),
    ("a,b,c", [",", 0], []),
    ("a,b,c", [",", 1], ["a,b,c"]),
    (",a,,b,", [",", "RemoveEmptyEntries"], ["a", "b"]),
    ("a::b::c", [["::"], "None"], ["a", "b", "c"]),
    ("a::b::::c", [TypedArray(["::"], "System.String"), "RemoveEmptyEntries"], ["a", "b", "c"]),
    ("a,,b,,c", [",", 2, "RemoveEmptyEntries"], ["a", "b,,c"]),
    (",,a,,b", [",", 2, "RemoveEmptyEntries"], ["a", "b"]),
    ("a,", [","], ["a", ""]),
    ("", [","], [""]),
    ("", [",", "RemoveEmptyEntries"], []),
    ("abc", [","], ["abc"]),
])
def test_split(s, args, expected):
    result = call(s, "Split", args)
    assert list(result) == expected
    assert isinstance(result, TypedArray) and result.element_type == "System.String"


@pytest.mark.parametrize("s,name,args,expected", [
    ("Hello", "ToUpper", [], "HELLO"), ("Hello", "toupper", [], "HELLO"), ("Hello", "ToLower", [], "hello"),
    ("  hi \t\n", "Trim", [], "hi"), ("xxhixx", "Trim", ["x"], "hi"), ("xyhiyx", "Trim", ["xy"], "hi"),
    ("xyhiyx", "Trim", ["x", "y"], "hi"), ("--hi--", "TrimStart", ["-"], "hi--"), ("--hi--", "TrimEnd", ["-"], "--hi"),
    ("  hi  ", "TrimEnd", [], "  hi"), ("a.b.c", "Replace", [".", "-"], "a-b-c"), ("aAa", "Replace", ["a", "x"], "xAx"),
    ("abc", "Replace", ["b", None], "ac"), ("Hello", "Contains", ["ell"], True), ("Hello", "Contains", ["ELL"], False),
    ("Hello", "StartsWith", ["He"], True), ("Hello", "StartsWith", ["he"], False),
    ("Hello", "StartsWith", ["he", "OrdinalIgnoreCase"], True), ("Hello", "EndsWith", ["LO", "CurrentCultureIgnoreCase"], True),
    ("Hello", "EndsWith", ["lo"], True), ("Hello", "StartsWith", ["he", True, None], True),
    ("hello", "IndexOf", ["l"], 2), ("hello", "IndexOf", ["l", 3], 3), ("hello", "IndexOf", ["z"], -1),
    ("hello", "IndexOf", [Char("o")], 4), ("hello", "IndexOf", ["L", "OrdinalIgnoreCase"], 2),
    ("hello", "IndexOf", [""], 0), ("hello", "LastIndexOf", ["l"], 3), ("hello", "LastIndexOf", ["l", 2], 2),
    ("hello", "LastIndexOf", ["h", 0], 0), ("hello", "IndexOfAny", [["l", "o"]], 2), ("hello", "LastIndexOfAny", ["lh"], 3),
    ("hello", "Substring", [1], "ello"), ("hello", "Substring", [1, 3], "ell"), ("hello", "Substring", [5], ""),
    ("hello", "Substring", ["2"], "llo"), ("hello", "Insert", [2, "XX"], "heXXllo"), ("hello", "Remove", [2], "he"),
    ("hello", "Remove", [1, 2], "hlo"), ("7", "PadLeft", [3, "0"], "007"), ("ab", "PadRight", [4], "ab  "),
    ("ab", "PadLeft", [1], "ab"), ("abc", "Equals", ["abc"], True), ("abc", "Equals", ["ABC"], False),
    ("abc", "Equals", ["ABC", "OrdinalIgnoreCase"], True), ("1", "Equals", [1], False),
    ("a", "CompareTo", ["b"], -1), ("b", "CompareTo", ["a"], 1), ("a", "CompareTo", ["A"], -1), ("a", "CompareTo", [None], 1),
    ("abc", "ToString", [], "abc"), ("abc", "Clone", [], "abc"), ("abc", "GetTypeCode", [], "String"),
    ("e\u0301", "Normalize", [], "\u00e9"), ("\u00e9", "Normalize", ["FormD"], "e\u0301"), ("abc", "IsNormalized", [], True),
    ("abc", "Chars", [1], "b"),
])
def test_string_methods(s, name, args, expected):
    assert call(s, name, args) == expected


def test_to_char_array():
    r = call("abc", "ToCharArray", [])
    assert list(r) == ["a", "b", "c"] and r.element_type == "System.Char" and isinstance(r[0], Char)
    assert list(call("abcd", "ToCharArray", [1, 2])) == ["b", "c"]


@pytest.mark.parametrize("s,name,args,inner,error_id", [
    ("abc", "Substring", [5], "startIndex cannot be larger than length of string.\r\nParameter name: startIndex",
     "ArgumentOutOfRangeException"),
    ("abc", "Substring", [-1], "StartIndex cannot be less than zero.\r\nParameter name: startIndex",
     "ArgumentOutOfRangeException"),
    ("abc", "Substring", [1, 5], "Index and length must refer to a location within the string.\r\nParameter name: length",
     "ArgumentOutOfRangeException"),
    ("abc", "Substring", [1, -1], "Length cannot be less than zero.\r\nParameter name: length",
     "ArgumentOutOfRangeException"),
    ("abc", "Remove", [3], "startIndex must be less than length of string.\r\nParameter name: startIndex",
     "ArgumentOutOfRangeException"),
    ("abc", "Remove", [1, 5], "Index and count must refer to a location within the string.\r\nParameter name: count",
     "ArgumentOutOfRangeException"),
    ("abc", "Insert", [9, "x"], "Specified argument was out of the range of valid values.\r\nParameter name: startIndex",
     "ArgumentOutOfRangeException"),
    ("abc", "Contains", [None], "Value cannot be null.\r\nParameter name: value", "ArgumentNullException"),
    ("abc", "Replace", ["", "x"], "String cannot be of zero length.\r\nParameter name: oldValue", "ArgumentException"),
    ("abc", "PadLeft", [-1], "Non-negative number required.\r\nParameter name: totalWidth",
     "ArgumentOutOfRangeException"),
    ("abc", "IndexOf", ["a", 9], "Index was out of range. Must be non-negative and less than the size of the "
                                 "collection.\r\nParameter name: startIndex", "ArgumentOutOfRangeException"),
])
def test_string_method_exceptions_are_wrapped(s, name, args, inner, error_id):
    e = err(s, name, args)
    assert isinstance(e, MethodInvocationException)
    assert e.message == f'Exception calling "{name}" with "{len(args)}" argument(s): "{inner}"'
    assert e.error_id == error_id
    assert e.inner is not None and e.inner.message == inner


def test_wrapper_uses_proper_method_name():
    e = err("abc", "substring", [5])
    assert e.message.startswith('Exception calling "Substring" with "1" argument(s)')


def test_method_not_found():
    e = err("abc", "Foo", [])
    assert type(e) is MethodException
    assert e.message == "Method invocation failed because [System.String] does not contain a method named 'Foo'."
    assert e.error_id == "MethodNotFound"
    assert err(5, "Bar", []).message == ("Method invocation failed because [System.Int32] does not contain a "
                                         "method named 'Bar'.")
    assert "[System.Char]" in err(Char("a"), "ToUpper", []).message


def test_wrong_argument_count():
    e = err("abc", "Substring", [1, 2, 3])
    assert e.message == 'Cannot find an overload for "Substring" and the argument count: "3".'
    assert e.error_id == "MethodCountCouldNotFindBest"


def test_argument_conversion_error():
    e = err("abc", "Substring", ["x"])
    assert e.message == ('Cannot convert argument "startIndex", with value: "x", for "Substring" to type '
                         '"System.Int32": "Cannot convert value "x" to type "System.Int32". Error: "Input string '
                         'was not in a correct format.""')
    assert e.error_id == "MethodArgumentConversionInvalidCastArgument"


def test_null_receiver():
    with pytest.raises(RuntimeException) as e:
        call(None, "ToString", [])
    assert e.value.message == "You cannot call a method on a null-valued expression."


# ---------------------------------------------------------------------------
# GetType / RuntimeType

@pytest.mark.parametrize("value,full,name,base", [
    ("x", "System.String", "String", "System.Object"),
    (5, "System.Int32", "Int32", "System.ValueType"),
    (Int64(5), "System.Int64", "Int64", "System.ValueType"),
    (1.5, "System.Double", "Double", "System.ValueType"),
    ([1], "System.Object[]", "Object[]", "System.Array"),
    (Hashtable(), "System.Collections.Hashtable", "Hashtable", "System.Object"),
    (PSObject.from_pairs([("a", 1)]), "System.Management.Automation.PSCustomObject", "PSCustomObject", "System.Object"),
    (dt.datetime(2020, 1, 1), "System.DateTime", "DateTime", "System.ValueType"),
])
def test_get_type(value, full, name, base):
    t = call(value, "GetType", [])
    assert isinstance(t, RuntimeType)
    assert (t.FullName, t.Name, t.BaseType.FullName) == (full, name, base)
    assert t.ps_to_string() == full
    assert call(t, "ToString", []) == full
    assert t == RuntimeType(full)


def test_runtime_type_members():
    t = call("x", "GetType", [])
    assert t.Namespace == "System" and not t.IsArray and t.IsPublic
    assert call([1], "GetType", []).IsArray
    assert call(t, "GetType", []).FullName == "System.RuntimeType"
    assert call(t, "Equals", [RuntimeType("System.String")]) is True


# ---------------------------------------------------------------------------
# Numbers, DateTime, TimeSpan

@pytest.mark.parametrize("value,name,args,expected", [
    (1234.567, "ToString", ["N2"], "1,234.57"), (5, "ToString", [], "5"), (0.1, "ToString", [], "0.1"),
    (255, "ToString", ["X2"], "FF"), (2.5, "ToString", ["F0"], "3"), (True, "ToString", [], "True"),
    (5, "CompareTo", [3], 1), (5, "CompareTo", [5], 0), (5, "CompareTo", [None], 1), (5, "Equals", [5], True),
    (5, "Equals", [5.0], False), (5, "Equals", ["5"], False), (5, "GetTypeCode", [], "Int32"),
    (1.5, "GetTypeCode", [], "Double"), (Char("a"), "ToString", [], "a"),
])
def test_number_methods(value, name, args, expected):
    assert call(value, name, args) == expected


D = dt.datetime(2021, 1, 31, 13, 5, 9)


@pytest.mark.parametrize("name,args,expected", [
    ("AddDays", [1], dt.datetime(2021, 2, 1, 13, 5, 9)), ("AddDays", [-1.5], dt.datetime(2021, 1, 30, 1, 5, 9)),
    ("AddHours", [2], dt.datetime(2021, 1, 31, 15, 5, 9)), ("AddMinutes", [60], dt.datetime(2021, 1, 31, 14, 5, 9)),
    ("AddSeconds", [51], dt.datetime(2021, 1, 31, 13, 6)), ("AddMilliseconds", [1.5], D + dt.timedelta(milliseconds=2)),
    ("AddMonths", [1], dt.datetime(2021, 2, 28, 13, 5, 9)), ("AddMonths", [-2], dt.datetime(2020, 11, 30, 13, 5, 9)),
    ("AddYears", [-1], dt.datetime(2020, 1, 31, 13, 5, 9)), ("AddTicks", [10], D + dt.timedelta(microseconds=1)),
    ("Add", [dt.timedelta(hours=1)], dt.datetime(2021, 1, 31, 14, 5, 9)),
    ("Subtract", [dt.datetime(2021, 1, 30)], dt.timedelta(days=1, hours=13, minutes=5, seconds=9)),
    ("Subtract", [dt.timedelta(days=31)], dt.datetime(2020, 12, 31, 13, 5, 9)),
    ("ToString", ["yyyy-MM-dd"], "2021-01-31"), ("ToString", [], "1/31/2021 1:05:09 PM"),
    ("ToShortDateString", [], "1/31/2021"), ("ToLongDateString", [], "Sunday, January 31, 2021"),
    ("ToShortTimeString", [], "1:05 PM"), ("ToLongTimeString", [], "1:05:09 PM"),
    ("CompareTo", [dt.datetime(2022, 1, 1)], -1), ("Equals", [D], True),
])
def test_datetime_methods(name, args, expected):
    assert call(D, name, args) == expected


def test_datetime_utc_round_trip_and_errors():
    utc = call(D, "ToUniversalTime", [])
    assert utc.tzinfo is not None
    assert call(utc, "ToLocalTime", []) == D
    assert call(utc, "CompareTo", [D]) in (-1, 0, 1)      # mixing kinds never raises
    e = err(dt.datetime(9999, 12, 31), "AddDays", [2])
    assert e.message == ('Exception calling "AddDays" with "1" argument(s): "The added or subtracted value '
                         'results in an un-representable DateTime.\r\nParameter name: value"')


@pytest.mark.parametrize("name,args,expected", [
    ("Add", [dt.timedelta(minutes=30)], dt.timedelta(hours=2)), ("Subtract", [dt.timedelta(minutes=30)], dt.timedelta(hours=1)),
    ("Negate", [], dt.timedelta(hours=-1.5)), ("Duration", [], dt.timedelta(hours=1.5)),
    ("ToString", [], "01:30:00"), ("ToString", [r"hh\:mm"], "01:30"), ("CompareTo", [dt.timedelta(0)], 1),
])
def test_timespan_methods(name, args, expected):
    assert call(dt.timedelta(hours=1.5), name, args) == expected


def test_ipaddress_methods():
    a = ipaddress.ip_address("10.1.2.3")
    assert call(a, "ToString", []) == "10.1.2.3"
    assert list(call(a, "GetAddressBytes", [])) == [10, 1, 2, 3]


# ---------------------------------------------------------------------------
# Collections

def test_array_methods():
    a = [1, 2, 3]
    assert call(a, "Contains", [2]) is True
    assert call(a, "Contains", ["2"]) is False          # Object.Equals: Int32 vs String
    assert call(a, "IndexOf", [3]) == 2
    c = call(a, "Clone", [])
    assert c == a and c is not a
    for name, args in (("Add", [4]), ("Remove", [1]), ("RemoveAt", [0]), ("Insert", [0, 1])):
        e = err(a, name, args)
        assert e.message == f'Exception calling "{name}" with "{len(args)}" argument(s): "Collection was of a fixed size."'
        assert e.error_id == "NotSupportedException"
    dest = [0, 0, 0, 0]
    call(a, "CopyTo", [dest, 1])
    assert dest == [0, 1, 2, 3]
    call(a, "Clear", [])
    assert a == [None, None, None]


def test_arraylist_methods():
    al = ArrayList()
    assert call(al, "Add", ["a"]) == 0
    assert call(al, "Add", ["b"]) == 1
    call(al, "AddRange", [["c", "d"]])
    call(al, "Insert", [0, "z"])
    assert list(al) == ["z", "a", "b", "c", "d"]
    call(al, "Remove", ["a"])
    call(al, "RemoveAt", [0])
    assert list(al) == ["b", "c", "d"]
    assert call(al, "IndexOf", ["d"]) == 2 and call(al, "Contains", ["c"])
    call(al, "Reverse", [])
    assert list(al) == ["d", "c", "b"]
    call(al, "Sort", [])
    assert list(al) == ["b", "c", "d"]
    assert type(call(al, "ToArray", [])) is list
    assert isinstance(call(al, "Clone", []), ArrayList)
    assert list(call(al, "GetRange", [1, 2])) == ["c", "d"]
    e = err(al, "RemoveAt", [7])
    assert e.message == ('Exception calling "RemoveAt" with "1" argument(s): "Index was out of range. Must be '
                         'non-negative and less than the size of the collection.\r\nParameter name: index"')
    e = err(al, "Insert", [9, "x"])
    assert "Insertion index was out of range. Must be non-negative and less than or equal to size." in e.message
    call(al, "Clear", [])
    assert len(al) == 0


def test_generic_list_methods():
    lst = GenericList([], "System.Int32")
    assert call(lst, "Add", ["5"], convert=lambda v, t: int(v)) is None
    assert list(lst) == [5]
    call(lst, "AddRange", [[3, 1]])
    assert call(lst, "Remove", [3]) is True and call(lst, "Remove", [42]) is False
    call(lst, "Sort", [])
    assert list(lst) == [1, 5]
    arr = call(lst, "ToArray", [])
    assert isinstance(arr, TypedArray) and arr.element_type == "System.Int32"
    assert call(lst, "Exists", ["sb"], invoker=lambda sb, x: [x > 4]) is True
    assert list(call(lst, "FindAll", ["sb"], invoker=lambda sb, x: [x > 4])) == [5]


def test_hashtable_methods():
    h = Hashtable()
    call(h, "Add", ["a", 1])
    e = err(h, "Add", ["a", 2])
    assert e.message == ('Exception calling "Add" with "2" argument(s): "Item has already been added. Key in '
                         "dictionary: 'a'  Key being added: 'a'\"")
    assert e.error_id == "ArgumentException"
    assert call(h, "ContainsKey", ["A"]) is True and call(h, "Contains", ["a"]) is True
    assert call(h, "ContainsValue", [1]) is True and call(h, "ContainsValue", [2]) is False
    entries = call(h, "GetEnumerator", [])
    assert isinstance(entries[0], DictionaryEntry)
    assert (entries[0].Key, entries[0].Value, entries[0].Name) == ("a", 1, "a")
    clone = call(h, "Clone", [])
    assert clone is not h and clone["a"] == 1
    call(h, "Remove", ["A"])
    call(h, "Remove", ["missing"])
    assert len(h) == 0
    e = err(h, "Add", [None, 1])
    assert e.message.endswith('"Key cannot be null.\r\nParameter name: key"')
    assert call(h, "ToString", []) == "System.Collections.Hashtable"


def test_ordered_dictionary_methods():
    od = OrderedDictionary()
    call(od, "Add", ["b", 2])
    call(od, "Insert", [0, "a", 1])
    assert list(od.keys()) == ["a", "b"]
    call(od, "RemoveAt", [1])
    assert list(od.keys()) == ["a"]
    assert "[System.Collections.Specialized.OrderedDictionary]" in err(od, "ContainsKey", ["a"]).message


# ---------------------------------------------------------------------------
# Intrinsic Where / ForEach

def inv(pred):
    return lambda sb, x: [pred(x)]


@pytest.mark.parametrize("args,expected", [
    ([None], [3, 4, 5]), ([None, "First"], [3]), ([None, "First", 2], [3, 4]), ([None, "Last"], [5]),
    ([None, "Last", 2], [4, 5]), ([None, "SkipUntil"], [3, 4, 5, 1]), ([None, "Until"], [1, 2]),
    ([None, "Split"], [[3, 4, 5], [1, 2, 1]]), ([None, "Default", 2], [3, 4]), ([None, "split", 1], [[3], [1, 2, 4, 5, 1]]),
])
def test_where_modes(args, expected):
    assert call([1, 2, 3, 4, 5, 1], "Where", args, invoker=inv(lambda x: x > 2)) == expected


def test_where_on_scalar_and_bad_mode():
    assert call(5, "Where", [None], invoker=inv(lambda x: True)) == [5]
    e = err([1], "Where", [None, "Bogus"], invoker=inv(lambda x: True))
    assert "WhereOperatorSelectionMode" in e.message


def test_foreach_forms():
    block = object()           # stands for a script block: only the invoker looks at it
    assert call([1, 2], "ForEach", [block], invoker=lambda sb, x: [x, x * 10]) == [1, 10, 2, 20]
    assert call(["ab", "c"], "ForEach", ["Length"]) == [2, 1]
    assert call(["ab", "c"], "foreach", ["ToUpper"]) == ["AB", "C"]
    assert call(["1", "2"], "ForEach", [RuntimeType("System.Int32")], convert=lambda v, t: int(v)) == [1, 2]
    objs = [PSObject.from_pairs([("n", 1)]), PSObject.from_pairs([("n", 2)])]
    assert call(objs, "ForEach", ["n"]) == [1, 2]


# ---------------------------------------------------------------------------
# PSObject, DotNetObject

def test_pscustomobject_methods():
    o = PSObject.from_pairs([("a", 1)])
    assert call(o, "ToString", []) == ""          # 5.1 (PowerShell/PowerShell#6163)
    assert call(o, "Equals", [o]) is True
    assert "[System.Management.Automation.PSCustomObject]" in err(o, "Nope", []).message
    o.add_member(PSMemberInfo("Double", member_type="ScriptMethod", getter=lambda self, args: args[0] * 2))
    assert call(o, "double", [21]) == 42
    assert has_method(o, "Double") and not has_method(o, "Triple")


def test_wrapped_base_value():
    w = PSObject("abc")
    w.add_note("extra", 1)
    assert call(w, "ToUpper", []) == "ABC"


class Widget(DotNetObject):
    ps_type_names = ("Test.Widget", "System.Object")
    ps_methods = ("Spin",)

    def Spin(self, times, direction="left"):
        return f"{times}-{direction}"


def test_dotnet_object_methods():
    w = Widget()
    assert call(w, "spin", [3]) == "3-left"
    assert call(w, "Spin", [3, "right"]) == "3-right"
    assert err(w, "Spin", []).message == 'Cannot find an overload for "Spin" and the argument count: "0".'
    assert call(w, "ToString", []) == "Test.Widget"
    assert call(w, "GetType", []).FullName == "Test.Widget"


def test_string_builder_and_guid():
    sb = StringBuilder()
    assert call(sb, "Append", ["a"]) is sb
    call(sb, "AppendLine", ["b"])
    call(sb, "AppendFormat", ["{0:N1}", 2.25])
    assert call(sb, "ToString", []) == "ab\r\n2.3"
    sb.Length = 0
    assert call(sb, "ToString", []) == ""
    g = Guid("0f8fad5b-d9cb-469f-a165-70867728950e")
    assert call(g, "ToString", ["N"]) == "0f8fad5bd9cb469fa16570867728950e"
    assert call(g, "ToString", ["B"]) == "{0f8fad5b-d9cb-469f-a165-70867728950e}"


def test_get_member_definitions():
    defs = dict(method_definitions("x"))
    assert defs["ToUpper"] == "string ToUpper(), string ToUpper(cultureinfo culture)"
    assert defs["Substring"] == "string Substring(int startIndex), string Substring(int startIndex, int length)"
    assert defs["GetType"] == "type GetType()"
    assert "Split" in method_names("x")
    assert "Add" in method_names(Hashtable())
    assert "ContainsKey" not in method_names(OrderedDictionary())
