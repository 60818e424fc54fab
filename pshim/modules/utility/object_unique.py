"""Microsoft.PowerShell.Utility: Get-Unique (drops adjacent duplicates of sorted input)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ...runtime.psobject import unwrap

_NS = "Microsoft.PowerShell.Commands."


class GetUniqueCommand(Cmdlet):
    name = "Get-Unique"
    dotnet_type = _NS + "GetUniqueCommand"
    default_parameter_set = "AsString"
    synopsis = "Returns unique items from a sorted list."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    AsString = Parameter("switch", parameter_set="AsString")
    OnType = Parameter("switch", parameter_set="UniqueByType")

    def begin(self):
        self._last = None
        self._has_last = False

    def process(self):
        obj = self.InputObject
        if self.OnType:
            from ...runtime.typenames import type_name
            key = type_name(unwrap(obj)) if obj is not None else None
            same = self._has_last and key == self._last
        elif self.AsString:
            key = cv.to_string(obj)
            same = self._has_last and key == self._last
        else:
            from .object_common import compare_values
            key = obj
            same = self._has_last and compare_values(obj, self._last, case_sensitive=True) == 0
        if same:
            return
        self._last = key
        self._has_last = True
        self.write_object(obj)
