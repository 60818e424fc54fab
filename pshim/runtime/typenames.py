"""The .NET type names of pipeline values (PSObject.TypeNames / GetType())."""
from __future__ import annotations

import datetime as _dt
import decimal
import ipaddress

from .psobject import (PSObject, TypedInt, TypedArray, GenericList, Single, Char, DotNetObject)

_OBJ = "System.Object"
_VALUE = ("System.ValueType", "System.Object")

INT32_MIN, INT32_MAX = -2 ** 31, 2 ** 31 - 1
INT64_MIN, INT64_MAX = -2 ** 63, 2 ** 63 - 1


def int_type_name(v: int) -> str:
    if isinstance(v, TypedInt):
        return v.ps_type
    if INT32_MIN <= v <= INT32_MAX:
        return "System.Int32"
    if INT64_MIN <= v <= INT64_MAX:
        return "System.Int64"
    return "System.Decimal"


def type_name(value) -> str:
    """The full .NET name of a value's type (what `.GetType().FullName` says)."""
    return type_names_of(value)[0]


def type_names_of(value) -> tuple | list:
    if value is None:
        return ("System.Object",)
    if isinstance(value, PSObject):
        return value.type_names
    t = type(value)
    if t is str:
        return ("System.String", _OBJ)
    if t is bool:
        return ("System.Boolean",) + _VALUE
    if t is int:
        return (int_type_name(value),) + _VALUE
    if t is float:
        return ("System.Double",) + _VALUE
    if t is list or t is tuple:
        return ("System.Object[]", "System.Array", _OBJ)
    if isinstance(value, TypedInt):
        return (value.ps_type,) + _VALUE
    if isinstance(value, Single):
        return ("System.Single",) + _VALUE
    if isinstance(value, Char):
        return ("System.Char",) + _VALUE
    if isinstance(value, DotNetObject) or hasattr(value, "ps_type_names"):
        return value.ps_type_names
    if isinstance(value, TypedArray):
        return (value.element_type + "[]", "System.Array", _OBJ)
    if isinstance(value, GenericList):
        return (f"System.Collections.Generic.List`1[[{value.element_type}]]", _OBJ)
    if isinstance(value, decimal.Decimal):
        return ("System.Decimal",) + _VALUE
    if isinstance(value, _dt.datetime):
        return ("System.DateTime",) + _VALUE
    if isinstance(value, _dt.timedelta):
        return ("System.TimeSpan",) + _VALUE
    if isinstance(value, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return ("System.Net.IPAddress", _OBJ)
    if isinstance(value, bytes):
        return ("System.Byte[]", "System.Array", _OBJ)
    if isinstance(value, BaseException):
        ps_type = getattr(value, "ps_type", None)
        if ps_type:
            chain = value.type_chain() if hasattr(value, "type_chain") else [ps_type]
            return tuple(chain) + (_OBJ,)
        return ("System.Exception", _OBJ)
    if isinstance(value, list):
        return ("System.Object[]", "System.Array", _OBJ)
    if isinstance(value, dict):
        return ("System.Collections.Hashtable", _OBJ)
    return (f"Python.{t.__name__}", _OBJ)


def short_type_name(value) -> str:
    """`String`, `Int32`, `PSCustomObject` — as CategoryInfo shows target types."""
    name = type_name(value)
    name = name.split("`", 1)[0]
    return name.rsplit(".", 1)[-1]


# PowerShell's short spellings of common types (Get-Member definitions, error texts)
SHORT_NAMES = {
    "System.String": "string", "System.Int32": "int", "System.Int64": "long",
    "System.Boolean": "bool", "System.Double": "double", "System.Single": "float",
    "System.Decimal": "decimal", "System.Byte": "byte", "System.Char": "char",
    "System.Object": "System.Object", "System.DateTime": "datetime",
    "System.Object[]": "Object[]", "System.Management.Automation.ScriptBlock": "scriptblock",
    "System.Collections.Hashtable": "hashtable", "System.Int16": "short",
    "System.UInt16": "uint16", "System.UInt32": "uint32", "System.UInt64": "uint64",
    "System.SByte": "sbyte", "System.Management.Automation.SwitchParameter": "switch",
    "System.Management.Automation.PSObject": "psobject", "System.Type": "type",
}


def ps_short_name(full_name: str) -> str:
    return SHORT_NAMES.get(full_name, full_name)
