"""Enum-typed cmdlet parameters (ConsoleColor, ErrorCategory, ...): the value
is kept as its canonical name; a bad name fails binding with 5.1's text."""
from __future__ import annotations

from ...commands.parameters import Parameter
from ...errors import PSInvalidCastException
from ...runtime import conversion as cv
from ...runtime.psobject import unwrap
from ...runtime.enums import EnumType  # noqa: F401  (kept importable from here)

CONSOLE_COLORS = ("Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray",
                  "DarkGray", "Blue", "Green", "Cyan", "Red", "Magenta", "Yellow", "White")

ERROR_CATEGORIES = (
    "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
    "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented",
    "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
    "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError",
    "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
    "LimitsExceeded", "QuotaExceeded", "NotEnabled")


class EnumParameter(Parameter):
    def __init__(self, enum_name: str, names, array: bool = False, **kw):
        super().__init__(enum_name + ("[]" if array else ""), **kw)
        self._type_obj = EnumType(enum_name, names, array)

    @property
    def type_obj(self):
        return self._type_obj
