"""Group-Object (facts §9.5); Measure-Object is object_measure.py."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, Hashtable, ArrayList, PSObject, unwrap
from ..core.fast_input import FastInput
from .object_common import NOTHING, hash_key
from .object_sort import parse_sort_keys, key_values


# ---------------------------------------------------------------------------
# Group-Object

class GroupInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
    ps_properties = ("Values", "Count", "Group", "Name")

    def __init__(self, name: str, values: list):
        self.Name = name
        self.Values = ArrayList(values)
        self.Group = ArrayList()

    @property
    def Count(self):
        return len(self.Group)

    def add(self, obj):
        self.Group.append(obj)

    def ps_to_string(self):
        return "Microsoft.PowerShell.Commands.GroupInfo"


class GroupInfoNoElement(GroupInfo):
    ps_type_names = ("Microsoft.PowerShell.Commands.GroupInfoNoElement", "Microsoft.PowerShell.Commands.GroupInfo",
                     "System.Object")

    def __init__(self, name, values):
        super().__init__(name, values)
        self._count = 0

    @property
    def Count(self):
        return self._count

    def add(self, obj):
        self._count += 1

    def ps_to_string(self):
        return "Microsoft.PowerShell.Commands.GroupInfoNoElement"


def _name_part(v) -> str:
    if v is None or v is NOTHING:
        return ""
    u = unwrap(v) if isinstance(v, PSObject) and v.base is not None else v
    if isinstance(u, (list, tuple)):
        return "{" + ", ".join(cv.dotnet_string(x) for x in u) + "}"
    return cv.dotnet_string(u)


def group_name(values) -> str:
    return ", ".join(_name_part(v) for v in values)


class GroupObjectCommand(FastInput, Cmdlet):
    name = "Group-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.GroupObjectCommand"
    default_parameter_set = "HashTable"
    synopsis = "Groups objects that contain the same value for specified properties."

    NoElement = Parameter("switch")
    AsHashTable = Parameter("switch", parameter_set="HashTable", aliases=("AHT",))
    AsString = Parameter("switch", parameter_set="HashTable")
    InputObject = Parameter("psobject", value_from_pipeline=True)
    Property = Parameter("object[]", position=0)
    CaseSensitive = Parameter("switch")

    def begin(self):
        self._keys = parse_sort_keys(self, self.Property, False)
        self._groups = []
        self._index = {}
        self._cs = bool(self.CaseSensitive)
        if self.AsString and not self.AsHashTable:
            raise self.terminating_error(self.error(
                "The AsString parameter requires the AsHashTable parameter.", "ArgumentException",
                "InvalidArgument"))
        self.enable_fast_input(self._add)

    def process(self):
        if "InputObject" not in self.bound and not self.processor.expects_input:
            return
        self._add(self.InputObject)

    def _add(self, obj):
        if self._keys:
            vals = key_values(self.ctx, self._keys, obj)
        else:
            vals = [obj]
        key = tuple(hash_key(None if v is NOTHING else v, self._cs) for v in vals)
        g = self._index.get(key)
        if g is None:
            clean = [None if v is NOTHING else v for v in vals]
            cls = GroupInfoNoElement if self.NoElement else GroupInfo
            g = cls(group_name(vals), clean)
            self._index[key] = g
            self._groups.append(g)
        g.add(obj)

    def end(self):
        if self.AsHashTable:
            h = Hashtable()
            for g in self._groups:
                if self.AsString:
                    k = g.Name
                elif len(g.Values) == 1:
                    k = g.Values[0]
                else:
                    k = PSObject(list(g.Values))
                h[k] = g.Group
            self.processor.emit(h)
            return
        emit = self.processor.emit
        for g in self._groups:
            emit(g)
