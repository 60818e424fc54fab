"""Type literals: resolving `[int]`, `[string[]]`, `[System.Collections.Generic.List[string]]`
to PSType objects that test (`-is`) and convert (casts, `-as`, parameter binding).

A PSType has a .NET full name, an `is_instance(value)` test and a
`convert(value)` that raises PSInvalidCastException with 5.1's message.
Modules register their own types (e.g. Exchange's ServerIdParameter) with
`register_type`.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import ipaddress
import re

from ..errors import RuntimeException, FormatException, OverflowException, PSException
from . import conversion as cv
from .psobject import (PSObject, Hashtable, OrderedDictionary, Int64, Byte, SByte, Int16, UInt16,
                       UInt32, UInt64, Single, Char, TypedArray, ArrayList, GenericList, DotNetObject,
                       unwrap)
from .typenames import type_names_of
from .dotnet_objects import RuntimeType


class PSType:
    def __init__(self, full_name, convert=None, check=None, names=()):
        self.full_name = full_name
        self._convert = convert
        self._check = check
        self.names = names

    @property
    def name(self):
        return self.full_name.rsplit(".", 1)[-1]

    def is_instance(self, value) -> bool:
        if self._check is not None:
            return self._check(value)
        if value is None:
            return False
        return self.full_name in type_names_of(value)

    def convert(self, value):
        if self._convert is None:
            if value is None or self.is_instance(value):
                return value
            raise cv.cast_error(value, self.full_name)
        try:
            return self._convert(value)
        except (ValueError, OverflowError, TypeError, ArithmeticError) as e:
            # a Python-level failure inside a conversion is still a cast error to the user
            raise cv.cast_error(value, self.full_name, str(e))

    def __repr__(self):
        return f"[{self.full_name}]"

    def ps_to_string(self):
        return self.full_name

    # To a script, `[int]` is a System.Type: `[int].FullName`, `[int].Name`, `[int] -eq (1).GetType()`, and it
    # shows as 5.1 shows a type. Its members are those of the RuntimeType of the same name.
    ps_type_names = RuntimeType.ps_type_names
    ps_properties = RuntimeType.ps_properties
    ps_methods = RuntimeType.ps_methods
    ps_default_display = RuntimeType.ps_default_display

    @property
    def runtime_type(self) -> RuntimeType:
        return RuntimeType(self.full_name)

    def __getattr__(self, attr):
        if attr in _TYPE_MEMBERS:
            return getattr(self.runtime_type, attr)
        raise AttributeError(attr)

    def __eq__(self, other):
        other = unwrap(other)
        if isinstance(other, (PSType, RuntimeType)):
            return self.full_name == (other.full_name if isinstance(other, PSType) else other.FullName)
        return NotImplemented

    def __hash__(self):
        return hash(self.full_name)


_TYPE_MEMBERS = frozenset(RuntimeType.ps_properties + RuntimeType.ps_methods) - {"GetType", "ToString"}

_REGISTRY: dict[str, PSType] = {}
_BUILT = [False]


def register_type(t: PSType, *aliases: str):
    _REGISTRY[t.full_name.lower()] = t
    for a in aliases:
        _REGISTRY[a.lower()] = t
    return t


# ---------------------------------------------------------------------------
# conversions

def _integral(cls, full):
    lo, hi = (cls.min_value, cls.max_value) if cls is not int else (-2 ** 31, 2 ** 31 - 1)

    def conv(value):
        value = unwrap(value)
        if value is None:
            return cls(0) if cls is not int else 0
        if isinstance(value, bool):
            return cls(int(value)) if cls is not int else int(value)
        if isinstance(value, (list, tuple)):
            if len(value) == 1:
                return conv(value[0])
            raise cv.cast_error(value, full)
        if isinstance(value, Char):
            n = ord(value)
        elif isinstance(value, (int, float, decimal.Decimal, str)):
            n = cv.to_int(value, full)
        elif isinstance(value, _dt.datetime) and cls is Int64:
            from .datetimes import ticks
            n = ticks(value)
        elif isinstance(getattr(value, "value__", None), int):     # an enum value: its number
            n = value.value__
        else:
            raise cv.cast_error(value, full)
        if lo is not None and not (lo <= n <= hi):
            name = full.rsplit(".", 1)[-1]
            raise cv.cast_error(value, full, f"Value was either too large or too small for an {name}."
                                if name[0] in "IU" else
                                f"Value was either too large or too small for a {name}.")
        return n if cls is int else cls(n)
    return conv


def _to_double(value):
    value = unwrap(value)
    if isinstance(value, (list, tuple)):
        if len(value) == 1:
            return _to_double(value[0])
        raise cv.cast_error(value, "System.Double")
    if value is None:
        return 0.0
    if isinstance(value, str):
        return cv.to_double(value)
    if isinstance(value, (int, float, decimal.Decimal)):
        return float(value)
    raise cv.cast_error(value, "System.Double")


def _to_decimal(value):
    value = unwrap(value)
    if value is None:
        return decimal.Decimal(0)
    if isinstance(value, str):
        try:
            return decimal.Decimal(value.strip())
        except decimal.InvalidOperation:
            raise cv.cast_error(value, "System.Decimal", "Input string was not in a correct format.")
    if isinstance(value, (int, float, decimal.Decimal)):
        return decimal.Decimal(str(value)) if isinstance(value, float) else decimal.Decimal(value)
    raise cv.cast_error(value, "System.Decimal")


def _to_string(value):
    if value is None:
        return None   # [string]$null is '' in casts; parameters keep $null -> handled by caller
    return cv.to_string(unwrap(value) if not isinstance(value, PSObject) or value.base is not None
                        else value)


def _cast_string(value):
    return "" if value is None else _to_string(value)


def _to_bool(value):
    return cv.to_bool(value)


def _to_char(value):
    value = unwrap(value)
    if isinstance(value, Char):
        return value
    if isinstance(value, str):
        if len(value) == 1:
            return Char(value)
        raise cv.cast_error(value, "System.Char", "String must be exactly one character long.")
    if isinstance(value, int) and not isinstance(value, bool):
        if not 0 <= value <= 0xFFFF:
            raise cv.cast_error(value, "System.Char", "Value was either too large or too small for a character.")
        return Char(chr(value))
    raise cv.cast_error(value, "System.Char")


def _to_datetime(value):
    value = unwrap(value)
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, str):
        from .datetimes import parse_local
        try:
            return parse_local(value)
        except ValueError as e:
            raise cv.cast_error(value, "System.DateTime", str(e))
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return _dt.datetime(1, 1, 1) + _dt.timedelta(microseconds=value // 10)
        except OverflowError:
            raise cv.cast_error(value, "System.DateTime", "Ticks must be between DateTime.MinValue.Ticks and "
                                                          "DateTime.MaxValue.Ticks.")
    raise cv.cast_error(value, "System.DateTime")


def _to_timespan(value):
    value = unwrap(value)
    if isinstance(value, _dt.timedelta):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return _dt.timedelta(microseconds=value / 10)
    if isinstance(value, str):
        # the cast reads text as TimeSpan.Parse does (one parser: statics_time.parse_timespan)
        from .statics_time import parse_timespan
        try:
            return parse_timespan(value)
        except (FormatException, OverflowException) as e:
            raise cv.cast_error(value, "System.TimeSpan", e.message)
    raise cv.cast_error(value, "System.TimeSpan")


def _to_ipaddress(value):
    value = unwrap(value)
    if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return value
    if isinstance(value, str):
        s = value.strip()
        if s.startswith("[") and s.endswith("]"):
            s = s[1:-1]
        try:
            return ipaddress.ip_address(s)
        except ValueError:
            raise cv.cast_error(value, "System.Net.IPAddress",
                                "An invalid IP address was specified.")
    raise cv.cast_error(value, "System.Net.IPAddress")


def _to_hashtable(value):
    v = unwrap(value)
    if isinstance(v, Hashtable):
        return v
    if isinstance(v, dict):
        return Hashtable(v)
    raise cv.cast_error(value, "System.Collections.Hashtable")


def _to_ordered(value):
    v = unwrap(value)
    if isinstance(v, OrderedDictionary):
        return v
    if isinstance(v, (Hashtable, dict)):
        return OrderedDictionary(v.items())
    raise cv.cast_error(value, "System.Collections.Specialized.OrderedDictionary")


def _to_pscustomobject(value):
    v = unwrap(value)
    if isinstance(v, (Hashtable, dict)):
        return PSObject.from_pairs([(cv.to_string(k), val) for k, val in v.items()])
    if isinstance(value, PSObject):
        return value
    return value if value is not None else PSObject()


def _to_psobject(value):
    return value


def _to_scriptblock(value):
    from .scriptblock import ScriptBlock
    v = unwrap(value)
    if isinstance(v, ScriptBlock):
        return v
    raise cv.cast_error(value, "System.Management.Automation.ScriptBlock")


def _is_scriptblock(value):
    from .scriptblock import ScriptBlock
    return isinstance(unwrap(value), ScriptBlock)


def _exception_from_text(cls):
    """[InvalidOperationException]'text': an exception of the type made with that message (its constructor that
    takes a string), as 5.1 converts; an exception of the type already is itself."""
    from ..errors import construct_exception
    full = cls.__dict__["ps_type"]

    def convert(value):
        v = unwrap(value)
        if v is None or (isinstance(v, BaseException) and full in getattr(v, "type_chain", lambda: [])()):
            return v
        if isinstance(v, str):
            return construct_exception(cls, [v])
        raise cv.cast_error(value, full)
    return convert


def _to_culture(value):
    """[cultureinfo]'en-US': the culture of that name (its constructor); '' is the invariant culture."""
    from .culture import CultureInfo, culture_named
    v = unwrap(value)
    if v is None or isinstance(v, CultureInfo):
        return v
    try:
        return culture_named(cv.to_string(v))
    except PSException as exc:
        err = cv.cast_error(value, "System.Globalization.CultureInfo", exc.message)
        err.error_id = "InvalidCastConstructorException"
        raise err from None


def _to_regex(value):
    from .dotnet_regex import Regex
    from ..errors import ArgumentException
    v = unwrap(value)
    if isinstance(v, Regex):
        return v
    try:
        return Regex(cv.to_string(v))          # the Regex(string) constructor: no options
    except ArgumentException as exc:
        err = cv.cast_error(value, "System.Text.RegularExpressions.Regex", exc.message)
        err.error_id = "InvalidCastConstructorException"
        raise err from None


def _to_version(value):
    from .version import Version
    v = unwrap(value)
    if isinstance(v, Version):
        return v
    try:
        return Version.parse(cv.to_string(v))
    except ValueError:
        raise cv.cast_error(value, "System.Version")


def _to_switch(value):
    from .switch import SwitchParameter
    v = unwrap(value)
    if isinstance(v, SwitchParameter):
        return v
    return SwitchParameter(cv.to_bool(v))


def _to_xml(value):
    from .xmldoc import cast_to_xml
    return cast_to_xml(value)


def _to_array(value):
    v = unwrap(value) if not isinstance(value, PSObject) or value.base is not None else value
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return list(v)
    if isinstance(v, Hashtable):
        return [v]
    return [v]


def _to_type(value):
    v = unwrap(value)
    if isinstance(v, PSType):
        return v
    if isinstance(v, str):
        return resolve_type(v)
    raise cv.cast_error(value, "System.Type")


def _to_void(value):
    return None


def _check_int(value):
    return type(value) is int and -2 ** 31 <= value <= 2 ** 31 - 1


def _check_long(value):
    return isinstance(value, Int64) or (type(value) is int and not -2 ** 31 <= value <= 2 ** 31 - 1)


def _check_numeric_class(cls):
    return lambda v: isinstance(v, cls)


def _check_array(v):
    return isinstance(v, (list, tuple)) and not isinstance(v, (ArrayList, GenericList))


# ---------------------------------------------------------------------------
# registry of built-in types (accelerators of 5.1 and full names)

def _build():
    R = register_type
    R(PSType("System.Object", lambda v: v, lambda v: v is not None), "object")
    R(PSType("System.Management.Automation.PSObject", _to_psobject, lambda v: v is not None), "psobject")
    R(PSType("System.Management.Automation.PSCustomObject", _to_pscustomobject,
             lambda v: isinstance(v, PSObject) and v.base is None), "pscustomobject")
    R(PSType("System.String", _cast_string, lambda v: isinstance(v, str) and not isinstance(v, Char)),
      "string")
    R(PSType("System.Char", _to_char, lambda v: isinstance(v, Char)), "char")
    R(PSType("System.Boolean", _to_bool, lambda v: isinstance(v, bool)), "bool", "boolean")
    R(PSType("System.Int32", _integral(int, "System.Int32"), _check_int), "int", "int32")
    R(PSType("System.Int64", _integral(Int64, "System.Int64"), _check_long), "long", "int64")
    R(PSType("System.Int16", _integral(Int16, "System.Int16"), _check_numeric_class(Int16)), "int16", "short")
    R(PSType("System.Byte", _integral(Byte, "System.Byte"), _check_numeric_class(Byte)), "byte")
    R(PSType("System.SByte", _integral(SByte, "System.SByte"), _check_numeric_class(SByte)), "sbyte")
    R(PSType("System.UInt16", _integral(UInt16, "System.UInt16"), _check_numeric_class(UInt16)),
      "uint16", "ushort")
    R(PSType("System.UInt32", _integral(UInt32, "System.UInt32"), _check_numeric_class(UInt32)),
      "uint32", "uint")
    R(PSType("System.UInt64", _integral(UInt64, "System.UInt64"), _check_numeric_class(UInt64)),
      "uint64", "ulong")
    R(PSType("System.Double", _to_double, lambda v: type(v) is float), "double")
    R(PSType("System.Single", lambda v: Single(_to_double(v)), _check_numeric_class(Single)),
      "single", "float")
    R(PSType("System.Decimal", _to_decimal, _check_numeric_class(decimal.Decimal)), "decimal")
    R(PSType("System.DateTime", _to_datetime, _check_numeric_class(_dt.datetime)), "datetime")
    R(PSType("System.TimeSpan", _to_timespan, _check_numeric_class(_dt.timedelta)), "timespan")
    R(PSType("System.Net.IPAddress", _to_ipaddress,
             _check_numeric_class((ipaddress.IPv4Address, ipaddress.IPv6Address))), "ipaddress")
    R(PSType("System.Collections.Hashtable", _to_hashtable,
             lambda v: isinstance(v, Hashtable) and not isinstance(v, OrderedDictionary)), "hashtable")
    R(PSType("System.Collections.Specialized.OrderedDictionary", _to_ordered,
             _check_numeric_class(OrderedDictionary)), "ordered")
    R(PSType("System.Collections.IDictionary", _to_hashtable, _check_numeric_class((Hashtable, dict))))
    R(PSType("System.Collections.IEnumerable", _to_array,
             lambda v: isinstance(v, (list, tuple, Hashtable, str))))
    R(PSType("System.Collections.ICollection", _to_array, _check_numeric_class((list, tuple, Hashtable))))
    R(PSType("System.Array", _to_array, _check_array), "array")
    R(PSType("System.Collections.ArrayList", lambda v: ArrayList(_to_array(v) or []),
             _check_numeric_class(ArrayList)))
    R(PSType("System.Management.Automation.ScriptBlock", _to_scriptblock, _is_scriptblock), "scriptblock")
    R(PSType("System.Text.RegularExpressions.Regex", _to_regex, None), "regex")
    R(PSType("System.Version", _to_version, None), "version")
    R(PSType("System.Management.Automation.SwitchParameter", _to_switch, None), "switch")
    R(PSType("System.Xml.XmlDocument", _to_xml, None), "xml")
    R(PSType("System.Type", _to_type, lambda v: isinstance(v, PSType)), "type")
    R(PSType("System.Void", _to_void, lambda v: False), "void")
    R(PSType("System.ValueType", None, lambda v: isinstance(v, (int, float, bool, decimal.Decimal,
                                                                 _dt.datetime, _dt.timedelta))))
    R(PSType("System.Math", None, lambda v: False), "math")
    R(PSType("System.Environment", None, lambda v: False), "environment")
    R(PSType("System.Convert", None, lambda v: False), "convert")
    R(PSType("System.Guid", lambda v: v, None), "guid")
    from .uri import to_uri
    R(PSType("System.Uri", to_uri, None), "uri")
    R(PSType("System.Globalization.CultureInfo", _to_culture, None), "cultureinfo")
    R(PSType("System.Console", None, lambda v: False), "console")
    R(PSType("System.IO.Path", None, lambda v: False))
    R(PSType("System.IO.File", None, lambda v: False))
    R(PSType("System.IO.Directory", None, lambda v: False))
    R(PSType("System.Net.Dns", None, lambda v: False))
    R(PSType("System.Text.Encoding", None, lambda v: False))
    R(PSType("System.Management.Automation.ErrorRecord", None, None))
    from .enums import ACTION_PREFERENCE
    R(ACTION_PREFERENCE, "actionpreference")
    R(PSType("System.Numerics.BigInteger", _integral(int, "System.Numerics.BigInteger"),
             lambda v: isinstance(v, int) and not isinstance(v, bool)), "bigint")
    # exceptions (for catch clauses and -is)
    from .. import errors as E
    for obj in vars(E).values():
        if isinstance(obj, type) and issubclass(obj, E.PSException) and "ps_type" in obj.__dict__:
            name = obj.__dict__["ps_type"]
            R(PSType(name, _exception_from_text(obj), (lambda n: (lambda v: isinstance(v, BaseException) and
                                             n in getattr(v, "type_chain", lambda: [])()))(name)))
    R(PSType("System.Exception", _exception_from_text(E.PSException), lambda v: isinstance(v, BaseException)),
      "exception")
    # attributes used in param blocks resolve as types too
    for attr in ("Parameter", "CmdletBinding", "Alias", "ValidateSet", "ValidateRange",
                 "ValidateNotNullOrEmpty", "ValidateNotNull", "ValidatePattern", "ValidateScript",
                 "ValidateCount", "ValidateLength", "AllowNull", "AllowEmptyString",
                 "AllowEmptyCollection", "OutputType", "SupportsWildcards", "PSDefaultValue"):
        R(PSType(f"System.Management.Automation.{attr}Attribute", None, lambda v: False), attr)


_ARRAY_RE = re.compile(r"^(.*?)\s*\[\s*\]$")
_GENERIC_RE = re.compile(r"^(.*?)\s*\[(.*)\]$", re.S)
_MD_ARRAY_RE = re.compile(r"^(.*?)\s*\[(\s*(?:,\s*)+)\]$")


class ArrayType(PSType):
    def __init__(self, element: PSType):
        super().__init__(element.full_name + "[]")
        self.element = element

    def is_instance(self, value):
        if isinstance(value, TypedArray):
            return value.element_type == self.element.full_name or self.element.full_name == "System.Object"
        if type(value) in (list, tuple):
            return self.element.full_name == "System.Object"
        return False

    def convert(self, value):
        v = unwrap(value) if not isinstance(value, PSObject) or value.base is not None else value
        if v is None:
            return None
        if isinstance(v, (list, tuple)):
            items = list(v)
        else:
            items = [v]
        conv = self.element.convert
        out = [conv(x) for x in items]
        if self.element.full_name == "System.Object":
            return out
        return TypedArray(out, self.element.full_name)


class GenericListType(PSType):
    def __init__(self, outer: str, args: list[PSType]):
        name = f"{outer}[{','.join(a.full_name for a in args)}]"
        super().__init__(name)
        self.args = args
        self.outer = outer

    def is_instance(self, value):
        return isinstance(value, GenericList)

    def convert(self, value):
        v = unwrap(value)
        items = [] if v is None else (list(v) if isinstance(v, (list, tuple)) else [v])
        el = self.args[0] if self.args else None
        return GenericList([el.convert(x) for x in items] if el else items,
                           el.full_name if el else "System.Object")


_GENERIC_LISTS = {"system.collections.generic.list", "list", "collections.generic.list",
                  "system.collections.generic.hashset", "system.collections.generic.queue",
                  "system.collections.generic.stack"}
_GENERIC_DICTS = {"system.collections.generic.dictionary", "collections.generic.dictionary",
                  "system.collections.generic.sorteddictionary"}


def _split_generic_args(s: str) -> list[str]:
    out, depth, cur = [], 0, []
    for ch in s:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur).strip())
    return [a[1:-1] if a.startswith("[") and a.endswith("]") else a for a in out]


def _static_only_type(key: str) -> PSType | None:
    """Types served only for their static members and enum values ([StringSplitOptions],
    [System.Text.StringBuilder], ...): pshim.runtime.statics knows them."""
    from . import statics
    for full in statics.known_types():
        fl = full.lower()
        if fl == key or fl == "system." + key or fl.rsplit(".", 1)[-1] == key:
            t = PSType(full, None, None)
            _REGISTRY[key] = t
            return t
    return None


class PSReference(DotNetObject):
    """[ref]: a box whose .Value a method (TryParse) or function can set."""
    ps_type_names = ("System.Management.Automation.PSReference", "System.Object")
    ps_properties = ("Value",)
    ps_settable = ("Value",)

    def __init__(self, value=None):
        self.Value = value

    @property
    def value(self):
        return self.Value

    @value.setter
    def value(self, v):
        self.Value = v


def try_resolve_type(name: str) -> PSType | None:
    if not _BUILT[0]:
        _BUILT[0] = True
        _build()
    key = name.strip().lower()
    t = _REGISTRY.get(key)
    if t is not None:
        return t
    if key in ("ref", "system.management.automation.psreference"):
        t = PSType("System.Management.Automation.PSReference",
                   lambda v: v if isinstance(v, PSReference) else PSReference(v),
                   lambda v: isinstance(v, PSReference))
        _REGISTRY[key] = t
        return t
    if key.startswith("system.") is False:
        t = _REGISTRY.get("system." + key)
        if t is not None:
            return t
    m = _ARRAY_RE.match(name.strip())
    if m:
        el = try_resolve_type(m.group(1))
        return ArrayType(el) if el is not None else None
    m = _MD_ARRAY_RE.match(name.strip())
    if m:       # T[,], T[,,]: a multi-dimensional array (runtime/multidim.py)
        el = try_resolve_type(m.group(1))
        if el is None:
            return None
        from .multidim import md_array_type
        return md_array_type(el, m.group(2).count(",") + 1)
    m = _GENERIC_RE.match(name.strip())
    if m:
        outer = m.group(1).strip().lower()
        args = [try_resolve_type(a) for a in _split_generic_args(m.group(2))]
        if any(a is None for a in args):
            return None
        if outer in _GENERIC_LISTS:
            return GenericListType("System.Collections.Generic.List", args)
        if outer in _GENERIC_DICTS:
            return PSType("System.Collections.Generic.Dictionary", _to_ordered,
                          _check_numeric_class(Hashtable))
        return None
    return _static_only_type(key)


def resolve_type(name: str) -> PSType:
    t = try_resolve_type(name)
    if t is None:
        raise RuntimeException(f"Unable to find type [{name}].", error_id="TypeNotFound",
                               category="InvalidOperation", target=name)
    return t


def convert_to(value, type_name: str):
    return resolve_type(type_name).convert(value)


def is_dotnet_object(value) -> bool:
    return isinstance(value, DotNetObject)
