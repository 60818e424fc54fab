"""`$x.PSObject`: the object's PowerShell view (TypeNames, Properties,
BaseObject, Members) for any value, custom or not."""
from __future__ import annotations

from .psobject import DotNetObject, PSObject, PSMemberInfo, unwrap
from .members import properties
from .typenames import type_names_of, type_name


class PSPropertyInfoObject(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSNoteProperty", "System.Management.Automation.PSPropertyInfo",
                     "System.Management.Automation.PSMemberInfo", "System.Object")
    ps_properties = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance")
    ps_settable = ("Value",)

    def __init__(self, owner, name, value, member_type):
        self._owner = owner
        self.Name = name
        self._value = value
        self.MemberType = member_type
        self.IsSettable = True
        self.IsGettable = True
        self.IsInstance = True

    @property
    def Value(self):
        return self._value

    @Value.setter
    def Value(self, v):
        from .access import set_member
        set_member(self._owner, self.Name, v)
        self._value = v

    @property
    def TypeNameOfValue(self):
        return type_name(self._value) if self._value is not None else "System.Object"

    def ps_to_string(self):
        from .conversion import to_string
        return f"{self.TypeNameOfValue} {self.Name}={to_string(self._value)}"


class PropertyCollection(list):
    """`.PSObject.Properties`: enumerable, indexable by name, with Add/Remove."""

    ps_type_names = ("System.Management.Automation.PSMemberInfoIntegratingCollection`1"
                     "[[System.Management.Automation.PSPropertyInfo]]", "System.Object")
    ps_methods = ("Add", "Remove", "Match")

    def __init__(self, owner, items):
        super().__init__(items)
        self._owner = owner

    def ps_index(self, key):
        if isinstance(key, str):
            for p in self:
                if p.Name.lower() == key.lower():
                    return p
            return None
        from .conversion import to_int
        i = to_int(key)
        return self[i] if -len(self) <= i < len(self) else None

    def Add(self, prop, *rest):
        owner = self._owner
        if isinstance(owner, PSObject):
            owner.add_note(prop.Name, prop.Value)

    def Remove(self, name):
        owner = self._owner
        if isinstance(owner, PSObject):
            owner.members.pop(str(name).lower(), None)

    def Match(self, pattern):
        from .operators import wildcard_match
        return [p for p in self if wildcard_match(str(pattern), p.Name)]


class PSObjectView(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSObject", "System.Object")
    ps_properties = ("BaseObject", "Members", "Properties", "Methods", "ImmediateBaseObject", "TypeNames")
    ps_methods = ("Copy",)

    def __init__(self, obj):
        self._obj = obj

    @property
    def BaseObject(self):
        o = self._obj
        return o if not isinstance(o, PSObject) or o.base is None else unwrap(o)

    ImmediateBaseObject = BaseObject

    @property
    def TypeNames(self):
        return list(type_names_of(self._obj))

    @property
    def Properties(self):
        o = self._obj
        kinds = {}
        if isinstance(o, PSObject):
            kinds = {m.name.lower(): m.member_type for m in o.members.values()}
        items = [PSPropertyInfoObject(o, n, v, kinds.get(n.lower(), "Property")) for n, v in properties(o)]
        return PropertyCollection(o, items)

    @property
    def Members(self):
        return self.Properties

    @property
    def Methods(self):
        from . import methods
        return list(methods.method_names(self._obj))

    def Copy(self):
        o = self._obj
        if isinstance(o, PSObject):
            c = PSObject(o.base, list(o.type_names))
            for m in o.members.values():
                c.add_member(PSMemberInfo(m.name, m.value, m.member_type, m.getter, m.setter))
            return c
        return o

    def ps_to_string(self):
        from .conversion import dotnet_string
        return dotnet_string(self._obj)
