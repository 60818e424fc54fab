"""Enum types as PowerShell converts to them: a name (case-insensitive) or the
numeric value; the value is kept as its canonical name."""
from __future__ import annotations

from ..errors import PSInvalidCastException
from . import conversion as cv
from .psobject import unwrap
from .types import PSType


class EnumType(PSType):
    def __init__(self, full_name: str, names, array: bool = False):
        super().__init__(full_name + ("[]" if array else ""))
        self.enum_name = full_name
        self.names = tuple(names)
        self._lower = {n.lower(): n for n in self.names}
        self.array = array

    def is_instance(self, value):
        return False

    def _one(self, value):
        v = unwrap(value)
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < len(self.names):
            return self.names[v]
        text = cv.to_string(v).strip()
        n = self._lower.get(text.lower())
        if n is None:
            raise PSInvalidCastException(
                f'Cannot convert value "{text}" to type "{self.enum_name}". Error: "Unable to match the identifier '
                f'name {text} to a valid enumerator name. Specify one of the following enumerator names and try '
                f'again:\n{", ".join(self.names)}"', error_id="InvalidCastFromStringToEnum",
                category="InvalidArgument")
        return n

    def convert(self, value):
        if self.array:
            v = unwrap(value)
            items = list(v) if isinstance(v, (list, tuple)) else [v]
            return [self._one(x) for x in items]
        return self._one(value)


ACTION_PREFERENCE = EnumType("System.Management.Automation.ActionPreference",
                             ("SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"))
