"""Enum-typed cmdlet parameters (ConsoleColor, ErrorCategory, ...): the value
is kept as its canonical name; a bad name fails binding with 5.1's text."""
from __future__ import annotations

from ...commands.parameters import Parameter
from ...errors import PSInvalidCastException
from ...runtime import conversion as cv
from ...runtime.psobject import unwrap
from ...runtime.types import PSType

CONSOLE_COLORS = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
                  "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White")

ERROR_CATEGORIES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
    "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented",
    "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
    "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError",
    "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled")


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


class EnumParameter(Parameter):
    def __init__(self, enum_name: str, names, array: bool = False, **kw):
        super().__init__(enum_name + ("[]" if array else ""), **kw)
        self._type_obj = EnumType(enum_name, names, array)

    @property
    def type_obj(self):
        return self._type_obj
