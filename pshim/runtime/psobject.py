"""Values of the object pipeline.

Design: plain Python values stand for the common .NET types (str = String,
int = Int32/Int64, float = Double, bool = Boolean, None = $null, list =
Object[], datetime = DateTime); pipelines stay fast because nothing is wrapped
that does not need to be. Three classes add what Python lacks:

- PSObject: a property bag with PowerShell type names (PSCustomObject from
  `[pscustomobject]@{}` / Select-Object), or a wrapper that adds note
  properties to a base value (Add-Member on a string).
- Hashtable / OrderedDictionary: case-insensitive dictionaries, as PowerShell's
  `@{}` and `[ordered]@{}` are.
- Typed integers (Int64, Byte, ...) and typed arrays, for the places where the
  .NET type shows (GetType(), Get-Member, `-is`, overflow rules).

Domain types written in Python (an Exchange server, a connectivity status)
derive from DotNetObject and declare `ps_type_names` and `ps_properties`; the
member adapter (members.py) shows them like any .NET object, and the
formatting registry finds their views by type name.

Rejected: wrapping every value in a PSObject (PowerShell's own way) — it
doubles the cost of every pipeline step in Python and buys nothing the
adapter does not give.
"""
from __future__ import annotations

from collections.abc import MutableMapping


PSCUSTOMOBJECT_TYPENAMES = ("System.Management.Automation.PSCustomObject", "System.Object")


class PSMemberInfo:
    """A member added to a PSObject: NoteProperty, ScriptProperty, AliasProperty,
    CodeProperty or ScriptMethod."""

    __slots__ = ("name", "value", "member_type", "getter", "setter")

    def __init__(self, name, value=None, member_type="NoteProperty", getter=None, setter=None):
        self.name = name
        self.value = value
        self.member_type = member_type
        self.getter = getter      # callable(owner) for ScriptProperty/CodeProperty/AliasProperty
        self.setter = setter      # callable(owner, value)

    def get(self, owner):
        if self.getter is not None:
            return self.getter(owner)
        return self.value

    def __repr__(self):
        return f"PSMemberInfo({self.name!r}, {self.value!r}, {self.member_type})"


class PSObject:
    """A PowerShell object: type names plus an ordered, case-insensitive set of
    added members, optionally around a base value."""

    __slots__ = ("base", "type_names", "members", "__weakref__")

    def __init__(self, base=None, type_names=None):
        self.base = base
        if type_names is None:
            if base is None:
                type_names = list(PSCUSTOMOBJECT_TYPENAMES)
            else:
                from .typenames import type_names_of
                type_names = list(type_names_of(base))
        self.type_names = type_names
        self.members = {}          # lower-case name -> PSMemberInfo (insertion ordered)

    # -- construction helpers ------------------------------------------------
    @classmethod
    def from_pairs(cls, pairs, type_names=None):
        obj = cls(None, type_names)
        members = obj.members
        for name, value in pairs:
            members[name.lower()] = PSMemberInfo(name, value)
        return obj

    def add_note(self, name, value):
        self.members[name.lower()] = PSMemberInfo(name, value)

    def add_member(self, info: PSMemberInfo):
        self.members[info.name.lower()] = info

    @property
    def is_custom(self):
        return self.base is None

    def note_names(self):
        return [m.name for m in self.members.values()]

    def __repr__(self):
        inner = "; ".join(f"{m.name}={m.value!r}" for m in self.members.values())
        return f"PSObject({self.type_names[0] if self.type_names else ''} @{{{inner}}})"


def unwrap(value):
    """The base value of a wrapping PSObject (custom objects stay as they are)."""
    while isinstance(value, PSObject) and value.base is not None:
        value = value.base
    return value


# ---------------------------------------------------------------------------
# Dictionaries

def _norm(key):
    return key.lower() if isinstance(key, str) else key


class Hashtable(MutableMapping):
    """PowerShell `@{}`: keys compare case-insensitively; enumeration keeps
    insertion order (5.1 enumerates in hash order — a documented deviation)."""

    ps_type_names = ("System.Collections.Hashtable", "System.Object")
    __slots__ = ("_data",)

    def __init__(self, items=None):
        self._data = {}
        if items:
            for k, v in (items.items() if hasattr(items, "items") else items):
                self[k] = v

    def __getitem__(self, key):
        return self._data[_norm(key)][1]

    def get(self, key, default=None):
        entry = self._data.get(_norm(key))
        return default if entry is None else entry[1]

    def __setitem__(self, key, value):
        nk = _norm(key)
        entry = self._data.get(nk)
        self._data[nk] = (entry[0] if entry else key, value)

    def __delitem__(self, key):
        del self._data[_norm(key)]

    def __contains__(self, key):
        try:
            return _norm(key) in self._data
        except TypeError:
            return False

    def __iter__(self):
        return (k for k, _ in self._data.values())

    def __len__(self):
        return len(self._data)

    def items(self):
        return [(k, v) for k, v in self._data.values()]

    def keys(self):
        return [k for k, _ in self._data.values()]

    def values(self):
        return [v for _, v in self._data.values()]

    def add(self, key, value):
        """Hashtable.Add: a duplicate key is an error."""
        if key in self:
            from ..errors import ArgumentException
            existing = self._data[_norm(key)][0]
            raise ArgumentException(
                f"Item has already been added. Key in dictionary: '{existing}'  Key being added: '{key}'")
        self[key] = value

    def copy(self):
        new = type(self)()
        new._data = dict(self._data)
        return new

    def __repr__(self):
        return f"{type(self).__name__}({dict(self.items())!r})"

    def __eq__(self, other):
        return self is other

    __hash__ = object.__hash__


class OrderedDictionary(Hashtable):
    ps_type_names = ("System.Collections.Specialized.OrderedDictionary", "System.Object")
    __slots__ = ()


# ---------------------------------------------------------------------------
# Typed numbers: subclasses that remember their .NET type

class TypedInt(int):
    ps_type = "System.Int32"
    min_value = -2 ** 31
    max_value = 2 ** 31 - 1
    __slots__ = ()

    def __repr__(self):
        return f"{type(self).__name__}({int(self)})"


def _int_type(name, ps_type, lo, hi):
    return type(name, (TypedInt,), {"ps_type": ps_type, "min_value": lo, "max_value": hi, "__slots__": ()})


Int64 = _int_type("Int64", "System.Int64", -2 ** 63, 2 ** 63 - 1)
Byte = _int_type("Byte", "System.Byte", 0, 255)
SByte = _int_type("SByte", "System.SByte", -128, 127)
Int16 = _int_type("Int16", "System.Int16", -2 ** 15, 2 ** 15 - 1)
UInt16 = _int_type("UInt16", "System.UInt16", 0, 2 ** 16 - 1)
UInt32 = _int_type("UInt32", "System.UInt32", 0, 2 ** 32 - 1)
UInt64 = _int_type("UInt64", "System.UInt64", 0, 2 ** 64 - 1)
BigInteger = _int_type("BigInteger", "System.Numerics.BigInteger", None, None)


class Single(float):
    ps_type = "System.Single"
    __slots__ = ()


class Char(str):
    """A System.Char (a one-character string that remembers it is a char)."""
    ps_type = "System.Char"
    __slots__ = ()


# ---------------------------------------------------------------------------
# Collections

class TypedArray(list):
    """`[int[]]`, `[string[]]`: a list that remembers its element type name."""
    __slots__ = ("element_type",)

    def __init__(self, items=(), element_type="System.Object"):
        super().__init__(items)
        self.element_type = element_type


class ArrayList(list):
    ps_type_names = ("System.Collections.ArrayList", "System.Object")
    __slots__ = ()


class GenericList(list):
    """System.Collections.Generic.List[T]."""
    __slots__ = ("element_type",)

    def __init__(self, items=(), element_type="System.Object"):
        super().__init__(items)
        self.element_type = element_type


# ---------------------------------------------------------------------------
# Domain objects written in Python

class DotNetObject:
    """Base for Python classes that stand for .NET types (Exchange objects,
    GroupInfo, MeasureInfo, FileInfo, ...). Subclasses set `ps_type_names`
    (most derived first) and `ps_properties` (display/enumeration order); the
    values are ordinary attributes. `ps_methods` lists callable members."""

    ps_type_names: tuple = ("System.Object",)
    ps_properties: tuple = ()
    ps_extra_properties: tuple = ()     # found by name (`$o.X`, Select-Object X) but not listed
    ps_methods: tuple = ()

    def ps_to_string(self):
        return self.ps_type_names[0]
