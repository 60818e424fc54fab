"""System.Collections.DictionaryEntry: what formatting enumerates a hashtable into
(the Name/Value table of `@{a=1}` at the prompt)."""
from __future__ import annotations

from ..runtime.psobject import DotNetObject


class DictionaryEntry(DotNetObject):
    ps_type_names = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    # Name is the types.ps1xml alias of Key; Key and Value are the .NET properties
    ps_properties = ("Name", "Key", "Value")
    __slots__ = ("Key", "Value")

    def __init__(self, key, value):
        self.Key = key
        self.Value = value

    @property
    def Name(self):
        return self.Key

    def __repr__(self):
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"
