"""System.String instance methods, as .NET Framework 4.x (Windows PowerShell 5.1) has them.

Notable 5.1 behaviour kept on purpose: .NET Framework has no Split(string)
overload, so a string argument to Split converts to char[] and the string is
split on EACH of its characters (`"a::b".Split('::')` gives a, '', b); the
string[] overloads need an options argument and a real array.
"""
from __future__ import annotations

import unicodedata

from .psobject import TypedArray, Char, unwrap
from .method_support import (
    NoOverload, method, nargs, out_of_range, arg_null, arg_error, a_int, a_str, a_char, a_chars, a_bool,
    enum_value, STRING_COMPARISON, SPLIT_OPTIONS, EnumNames, WHITESPACE, compare_strings, strings_equal,
    culture_compare, is_string_list)

STRING_METHODS: dict = {}
_IDX = "Index was out of range. Must be non-negative and less than the size of the collection."
_COUNT = "Count must be positive and count must refer to a location within the string/array/collection."
_NORM = EnumNames(("FormC", 1), ("FormD", 2), ("FormKC", 5), ("FormKD", 6))
_NORM_PY = {1: "NFC", 2: "NFD", 5: "NFKC", 6: "NFKD"}


def _strarr(items):
    return TypedArray(items, "System.String")


# ---------------------------------------------------------------------------
# Case, trimming, padding

@method(STRING_METHODS, "ToUpper", "string ToUpper()", "string ToUpper(cultureinfo culture)")
def _to_upper(s, args, kw=None):
    nargs(args, 0, 1)
    return s.upper()


@method(STRING_METHODS, "ToLower", "string ToLower()", "string ToLower(cultureinfo culture)")
def _to_lower(s, args, kw=None):
    nargs(args, 0, 1)
    return s.lower()


@method(STRING_METHODS, "ToUpperInvariant", "string ToUpperInvariant()")
def _to_upper_inv(s, args, kw=None):
    nargs(args, 0)
    return s.upper()


@method(STRING_METHODS, "ToLowerInvariant", "string ToLowerInvariant()")
def _to_lower_inv(s, args, kw=None):
    nargs(args, 0)
    return s.lower()


def _trim_set(args, name):
    if not args:
        return WHITESPACE
    if len(args) == 1:
        chars = a_chars(args, 0, name, "trimChars")
    else:
        chars = [a_char(args, i, name, "trimChars") for i in range(len(args))]
    return WHITESPACE if not chars else frozenset(chars)


def _lstrip(s, chars):
    i = 0
    while i < len(s) and s[i] in chars:
        i += 1
    return s[i:]


def _rstrip(s, chars):
    i = len(s)
    while i > 0 and s[i - 1] in chars:
        i -= 1
    return s[:i]


@method(STRING_METHODS, "Trim", "string Trim(Params char[] trimChars)", "string Trim()")
def _trim(s, args, kw=None):
    chars = _trim_set(args, "Trim")
    return _rstrip(_lstrip(s, chars), chars)


@method(STRING_METHODS, "TrimStart", "string TrimStart(Params char[] trimChars)")
def _trim_start(s, args, kw=None):
    return _lstrip(s, _trim_set(args, "TrimStart"))


@method(STRING_METHODS, "TrimEnd", "string TrimEnd(Params char[] trimChars)")
def _trim_end(s, args, kw=None):
    return _rstrip(s, _trim_set(args, "TrimEnd"))


def _pad(s, args, name, left):
    nargs(args, 1, 2)
    width = a_int(args, 0, name, "totalWidth")
    ch = a_char(args, 1, name, "paddingChar") if len(args) == 2 else " "
    if width < 0:
        raise out_of_range("Non-negative number required.", "totalWidth")
    return s.rjust(width, ch) if left else s.ljust(width, ch)


@method(STRING_METHODS, "PadLeft", "string PadLeft(int totalWidth)", "string PadLeft(int totalWidth, char paddingChar)")
def _pad_left(s, args, kw=None):
    return _pad(s, args, "PadLeft", True)


@method(STRING_METHODS, "PadRight", "string PadRight(int totalWidth)",
        "string PadRight(int totalWidth, char paddingChar)")
def _pad_right(s, args, kw=None):
    return _pad(s, args, "PadRight", False)


# ---------------------------------------------------------------------------
# Substrings

@method(STRING_METHODS, "Substring", "string Substring(int startIndex)", "string Substring(int startIndex, int length)")
def _substring(s, args, kw=None):
    nargs(args, 1, 2)
    start = a_int(args, 0, "Substring", "startIndex")
    length = a_int(args, 1, "Substring", "length") if len(args) == 2 else len(s) - start
    if start < 0:
        raise out_of_range("StartIndex cannot be less than zero.", "startIndex")
    if start > len(s):
        raise out_of_range("startIndex cannot be larger than length of string.", "startIndex")
    if length < 0:
        raise out_of_range("Length cannot be less than zero.", "length")
    if start > len(s) - length:
        raise out_of_range("Index and length must refer to a location within the string.", "length")
    return s[start:start + length]


@method(STRING_METHODS, "Remove", "string Remove(int startIndex, int count)", "string Remove(int startIndex)")
def _remove(s, args, kw=None):
    nargs(args, 1, 2)
    start = a_int(args, 0, "Remove", "startIndex")
    if start < 0:
        raise out_of_range("StartIndex cannot be less than zero.", "startIndex")
    if len(args) == 1:
        if start >= len(s):
            raise out_of_range("startIndex must be less than length of string.", "startIndex")
        return s[:start]
    count = a_int(args, 1, "Remove", "count")
    if count < 0:
        raise out_of_range("Count cannot be less than zero.", "count")
    if count > len(s) - start:
        raise out_of_range("Index and count must refer to a location within the string.", "count")
    return s[:start] + s[start + count:]


@method(STRING_METHODS, "Insert", "string Insert(int startIndex, string value)")
def _insert(s, args, kw=None):
    nargs(args, 2)
    start = a_int(args, 0, "Insert", "startIndex")
    value = a_str(args, 1)
    if value is None:
        raise arg_null("value")
    if start < 0 or start > len(s):
        raise out_of_range("Specified argument was out of the range of valid values.", "startIndex")
    return s[:start] + value + s[start:]


@method(STRING_METHODS, "Replace", "string Replace(char oldChar, char newChar)",
        "string Replace(string oldValue, string newValue)")
def _replace(s, args, kw=None):
    nargs(args, 2)
    old, new = a_str(args, 0), a_str(args, 1)
    if old is None:
        raise arg_null("oldValue")
    if old == "":
        raise arg_error("String cannot be of zero length.", "oldValue")
    return s.replace(old, new or "")


@method(STRING_METHODS, "ToCharArray", "char[] ToCharArray()", "char[] ToCharArray(int startIndex, int length)")
def _to_char_array(s, args, kw=None):
    nargs(args, 0, 2)
    if args:
        start = a_int(args, 0, "ToCharArray", "startIndex")
        length = a_int(args, 1, "ToCharArray", "length")
        if start < 0 or start > len(s) or start > len(s) - length:
            raise out_of_range(_IDX, "startIndex")
        if length < 0:
            raise out_of_range(_IDX, "length")
        s = s[start:start + length]
    return TypedArray([Char(c) for c in s], "System.Char")


@method(STRING_METHODS, "Chars", "char Chars(int index) {get;}")
def _chars(s, args, kw=None):
    nargs(args, 1)
    i = a_int(args, 0, "Chars", "index")
    if not 0 <= i < len(s):
        from ..errors import IndexOutOfRangeException
        raise IndexOutOfRangeException("Index was outside the bounds of the array.")
    return Char(s[i])


# ---------------------------------------------------------------------------
# Split

def _is_option_arg(v) -> bool:
    v = unwrap(v)
    if isinstance(v, bool) or v is None:
        return False
    if isinstance(v, str):
        return all(p.strip().lower() in SPLIT_OPTIONS for p in v.split(",")) and len(v) > 1
    if isinstance(v, int):
        return False
    return hasattr(v, "value__") or getattr(v, "name", "").lower() in SPLIT_OPTIONS


def _split_separators(args):
    """Decode the Split overloads: (separators, is_string_separators, count, options)."""
    n = len(args)
    if n == 0:
        return [], False, 2 ** 31 - 1, 0
    last = unwrap(args[-1])
    if n >= 2 and _is_option_arg(last):
        options = enum_value(last, SPLIT_OPTIONS, "System.StringSplitOptions", "Split", "options")
        count = a_int(args, 1, "Split", "count") if n == 3 else 2 ** 31 - 1
        if n > 3:
            raise NoOverload()
        first = unwrap(args[0])
        if (isinstance(first, TypedArray) and first.element_type == "System.String") or (
                is_string_list(first) and any(isinstance(x, str) and len(x) != 1 for x in first)):
            return [a_str([x], 0) for x in first], True, count, options
        return a_chars(args, 0, "Split", "separator") or [], False, count, options
    if n == 2:
        second = unwrap(args[1])
        if (isinstance(second, int) and not isinstance(second, bool)) or (
                isinstance(second, str) and second.strip().lstrip("-").isdigit()):
            count = a_int(args, 1, "Split", "count")
            return a_chars(args, 0, "Split", "separator") or [], False, count, 0
    if n == 1:
        return a_chars(args, 0, "Split", "separator") or [], False, 2 ** 31 - 1, 0
    return [a_char(args, i, "Split", "separator") for i in range(n)], False, 2 ** 31 - 1, 0


def split_string(s: str, separators, string_seps: bool, count: int, options: int) -> list:
    """String.Split as .NET Framework implements it (separator list, then keep/omit empties)."""
    if count < 0:
        raise out_of_range("Count cannot be less than zero.", "count")
    omit = bool(options & 1)
    if options not in (0, 1):
        raise arg_error(f"Illegal enum value: {options}.", "options")
    if count == 0 or (omit and len(s) == 0):
        return []
    if count == 1:
        return [s]
    positions = []        # (index, length)
    if string_seps:
        seps = [x for x in separators if x]
        if separators is None or len(separators) == 0:
            seps = None
    else:
        seps = None if not separators else set(separators)
    i = 0
    n = len(s)
    if seps is None:
        positions = [(j, 1) for j, c in enumerate(s) if c in WHITESPACE]
    elif string_seps:
        while i < n:
            for sep in seps:
                if s.startswith(sep, i):
                    positions.append((i, len(sep)))
                    i += len(sep) - 1
                    break
            i += 1
    else:
        positions = [(j, 1) for j, c in enumerate(s) if c in seps]
    if not positions:
        return [s]
    if not omit:
        out = []
        cur = 0
        limit = min(len(positions), count - 1)
        for k in range(limit):
            if cur >= n:
                break
            p, ln = positions[k]
            out.append(s[cur:p])
            cur = p + ln
        if cur < n:
            out.append(s[cur:])
        elif len(out) == limit:
            out.append("")
        return out
    out = []
    cur = 0
    k = 0
    while k < len(positions) and cur < n:
        p, ln = positions[k]
        if p - cur > 0:
            out.append(s[cur:p])
        cur = p + ln
        if len(out) == count - 1:
            while k < len(positions) - 1 and cur == positions[k + 1][0]:
                k += 1
                cur += positions[k][1]
            break
        k += 1
    if cur < n:
        out.append(s[cur:])
    return out


@method(STRING_METHODS, "Split", "string[] Split(Params char[] separator)",
        "string[] Split(char[] separator, int count)",
        "string[] Split(char[] separator, System.StringSplitOptions options)",
        "string[] Split(char[] separator, int count, System.StringSplitOptions options)",
        "string[] Split(string[] separator, System.StringSplitOptions options)",
        "string[] Split(string[] separator, int count, System.StringSplitOptions options)")
def _split(s, args, kw=None):
    seps, string_seps, count, options = _split_separators(args)
    return _strarr(split_string(s, seps, string_seps, count, options))


# ---------------------------------------------------------------------------
# Searching

def _comparison(args, i, name):
    return enum_value(args[i], STRING_COMPARISON, "System.StringComparison", name, "comparisonType")


def _is_comparison_arg(v):
    v = unwrap(v)
    if isinstance(v, str):
        return v.strip().lower() in STRING_COMPARISON
    return not isinstance(v, (int, bool)) and v is not None and (
        hasattr(v, "value__") or getattr(v, "name", "").lower() in STRING_COMPARISON)


def _fold(text, mode):
    if mode == 5:
        return text.upper()
    if mode in (1, 3):
        return text.casefold()
    return text


@method(STRING_METHODS, "Contains", "bool Contains(string value)")
def _contains(s, args, kw=None):
    nargs(args, 1)
    v = a_str(args, 0)
    if v is None:
        raise arg_null("value")
    return v in s


def _starts_ends(s, args, name, ends):
    nargs(args, 1, 2, 3)
    v = a_str(args, 0)
    if v is None:
        raise arg_null("value")
    mode = 0
    if len(args) == 2:
        mode = _comparison(args, 1, name)
    elif len(args) == 3:
        mode = 1 if a_bool(args, 1) else 0
    a, b = _fold(s, mode), _fold(v, mode)
    return a.endswith(b) if ends else a.startswith(b)


@method(STRING_METHODS, "StartsWith", "bool StartsWith(string value)",
        "bool StartsWith(string value, System.StringComparison comparisonType)",
        "bool StartsWith(string value, bool ignoreCase, cultureinfo culture)")
def _starts_with(s, args, kw=None):
    return _starts_ends(s, args, "StartsWith", False)


@method(STRING_METHODS, "EndsWith", "bool EndsWith(string value)",
        "bool EndsWith(string value, System.StringComparison comparisonType)",
        "bool EndsWith(string value, bool ignoreCase, cultureinfo culture)")
def _ends_with(s, args, kw=None):
    return _starts_ends(s, args, "EndsWith", True)


def _index_args(s, args, name):
    """(value, start, count, mode) of IndexOf(value[, start[, count]][, comparison])."""
    nargs(args, 1, 2, 3, 4)
    args = list(args)
    mode = 4
    if len(args) >= 2 and _is_comparison_arg(args[-1]):
        mode = _comparison(args, len(args) - 1, name)
        args = args[:-1]
    v = unwrap(args[0])
    is_char = isinstance(v, Char) or (isinstance(v, int) and not isinstance(v, bool))
    value = a_char(args, 0, name, "value") if is_char else a_str(args, 0)
    if value is None:
        raise arg_null("value")
    if not is_char and mode == 4 and len(value) > 0:
        mode = -1   # culture-sensitive, case-sensitive (same as ordinal for our purposes)
    start = a_int(args, 1, name, "startIndex") if len(args) >= 2 else None
    count = a_int(args, 2, name, "count") if len(args) >= 3 else None
    return value, start, count, mode


@method(STRING_METHODS, "IndexOf", "int IndexOf(char value)", "int IndexOf(char value, int startIndex)",
        "int IndexOf(char value, int startIndex, int count)", "int IndexOf(string value)",
        "int IndexOf(string value, int startIndex)", "int IndexOf(string value, int startIndex, int count)",
        "int IndexOf(string value, System.StringComparison comparisonType)",
        "int IndexOf(string value, int startIndex, System.StringComparison comparisonType)",
        "int IndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)")
def _index_of(s, args, kw=None):
    value, start, count, mode = _index_args(s, args, "IndexOf")
    if start is None:
        start = 0
    if start < 0 or start > len(s):
        raise out_of_range(_IDX, "startIndex")
    if count is None:
        count = len(s) - start
    if count < 0 or start > len(s) - count:
        raise out_of_range(_COUNT, "count")
    return _fold(s, mode).find(_fold(value, mode), start, start + count)


@method(STRING_METHODS, "LastIndexOf", "int LastIndexOf(char value)", "int LastIndexOf(char value, int startIndex)",
        "int LastIndexOf(char value, int startIndex, int count)", "int LastIndexOf(string value)",
        "int LastIndexOf(string value, int startIndex)", "int LastIndexOf(string value, int startIndex, int count)",
        "int LastIndexOf(string value, System.StringComparison comparisonType)",
        "int LastIndexOf(string value, int startIndex, System.StringComparison comparisonType)",
        "int LastIndexOf(string value, int startIndex, int count, System.StringComparison comparisonType)")
def _last_index_of(s, args, kw=None):
    value, start, count, mode = _index_args(s, args, "LastIndexOf")
    n = len(s)
    if start is None:
        start = n - 1
        count = n if count is None else count
    elif count is None:
        count = start + 1
    if n == 0 and start in (-1, 0):
        return 0 if value == "" else -1
    if start < 0 or start > n:
        raise out_of_range(_IDX, "startIndex")
    if start == n:
        start -= 1
        if count > 0:
            count -= 1
    if count < 0 or start - count + 1 < 0:
        raise out_of_range(_COUNT, "count")
    if value == "":
        return start
    lo = start - count + 1
    return _fold(s, mode).rfind(_fold(value, mode), lo, start + 1)


def _any_args(s, args, name):
    nargs(args, 1, 2, 3)
    chars = a_chars(args, 0, name, "anyOf")
    if chars is None:
        raise arg_null("anyOf")
    return set(chars)


@method(STRING_METHODS, "IndexOfAny", "int IndexOfAny(char[] anyOf)", "int IndexOfAny(char[] anyOf, int startIndex)",
        "int IndexOfAny(char[] anyOf, int startIndex, int count)")
def _index_of_any(s, args, kw=None):
    chars = _any_args(s, args, "IndexOfAny")
    start = a_int(args, 1, "IndexOfAny", "startIndex") if len(args) > 1 else 0
    if start < 0 or start > len(s):
        raise out_of_range(_IDX, "startIndex")
    count = a_int(args, 2, "IndexOfAny", "count") if len(args) > 2 else len(s) - start
    if count < 0 or count > len(s) - start:
        raise out_of_range(_COUNT, "count")
    for i in range(start, start + count):
        if s[i] in chars:
            return i
    return -1


@method(STRING_METHODS, "LastIndexOfAny", "int LastIndexOfAny(char[] anyOf)",
        "int LastIndexOfAny(char[] anyOf, int startIndex)", "int LastIndexOfAny(char[] anyOf, int startIndex, int count)")
def _last_index_of_any(s, args, kw=None):
    chars = _any_args(s, args, "LastIndexOfAny")
    if not s:
        return -1
    start = a_int(args, 1, "LastIndexOfAny", "startIndex") if len(args) > 1 else len(s) - 1
    if start < 0 or start >= len(s):
        raise out_of_range(_IDX, "startIndex")
    count = a_int(args, 2, "LastIndexOfAny", "count") if len(args) > 2 else start + 1
    if count < 0 or count - 1 > start:
        raise out_of_range(_COUNT, "count")
    for i in range(start, start - count, -1):
        if s[i] in chars:
            return i
    return -1


# ---------------------------------------------------------------------------
# Comparison, identity, conversion

@method(STRING_METHODS, "Equals", "bool Equals(System.Object obj)", "bool Equals(string value)",
        "bool Equals(string value, System.StringComparison comparisonType)", "bool IEquatable[string].Equals(string other)")
def _equals(s, args, kw=None):
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if len(args) == 2:
        return strings_equal(s, a_str(args, 0), _comparison(args, 1, "Equals"))
    return isinstance(v, str) and not isinstance(v, Char) and str(v) == s


@method(STRING_METHODS, "CompareTo", "int CompareTo(System.Object value)", "int CompareTo(string strB)",
        "int IComparable.CompareTo(System.Object obj)", "int IComparable[string].CompareTo(string other)")
def _compare_to(s, args, kw=None):
    nargs(args, 1)
    v = a_str(args, 0)
    if v is None:
        return 1
    return culture_compare(s, v)


@method(STRING_METHODS, "Clone", "System.Object Clone()", "System.Object ICloneable.Clone()")
def _clone(s, args, kw=None):
    nargs(args, 0)
    return s


@method(STRING_METHODS, "ToString", "string ToString()", "string ToString(System.IFormatProvider provider)",
        "string IConvertible.ToString(System.IFormatProvider provider)")
def _to_string(s, args, kw=None):
    nargs(args, 0, 1)
    return str(s)


@method(STRING_METHODS, "GetTypeCode", "System.TypeCode GetTypeCode()", "System.TypeCode IConvertible.GetTypeCode()")
def _type_code(s, args, kw=None):
    nargs(args, 0)
    return "String"


@method(STRING_METHODS, "Normalize", "string Normalize()",
        "string Normalize(System.Text.NormalizationForm normalizationForm)")
def _normalize(s, args, kw=None):
    nargs(args, 0, 1)
    form = enum_value(args[0], _NORM, "System.Text.NormalizationForm", "Normalize", "normalizationForm") if args else 1
    return unicodedata.normalize(_NORM_PY.get(form, "NFC"), s)


@method(STRING_METHODS, "IsNormalized", "bool IsNormalized()",
        "bool IsNormalized(System.Text.NormalizationForm normalizationForm)")
def _is_normalized(s, args, kw=None):
    nargs(args, 0, 1)
    form = enum_value(args[0], _NORM, "System.Text.NormalizationForm", "IsNormalized",
                      "normalizationForm") if args else 1
    return unicodedata.is_normalized(_NORM_PY.get(form, "NFC"), s)


def compare(a, b, mode=0):
    """String.Compare for statics ([string]::Compare)."""
    return compare_strings(a, b, mode)
