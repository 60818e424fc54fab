"""System.Management.Automation.SwitchParameter."""
from __future__ import annotations

from .psobject import DotNetObject


class SwitchParameter(DotNetObject):
    ps_type_names = ("System.Management.Automation.SwitchParameter", "System.ValueType", "System.Object")
    ps_properties = ("IsPresent",)
    __slots__ = ("is_present",)

    def __init__(self, present: bool = True):
        self.is_present = bool(present)

    @property
    def IsPresent(self):
        return self.is_present

    def __bool__(self):
        return self.is_present

    def __eq__(self, other):
        if isinstance(other, SwitchParameter):
            return self.is_present == other.is_present
        if isinstance(other, bool):
            return self.is_present == other
        return NotImplemented

    __hash__ = object.__hash__

    def ps_to_string(self):
        return "True" if self.is_present else "False"

    def __repr__(self):
        return f"SwitchParameter({self.is_present})"
