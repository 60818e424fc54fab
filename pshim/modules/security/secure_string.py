"""System.Security.SecureString.

The characters live in a slot, not in the instance dictionary: the member
adapter offers an object's plain attributes as properties, and a secret must
never be one. Nothing here turns a SecureString into text except
`plain_text()`, which the code that needs the characters calls
(ConvertFrom-SecureString, Export-Clixml, NetworkCredential,
Send-MailMessage). As on .NET outside Windows, the characters are not
encrypted in memory.
"""
from __future__ import annotations

from ...errors import InvalidOperationException, ArgumentOutOfRangeException, PSInvalidCastException
from ...runtime.psobject import DotNetObject, Char, unwrap
from ...runtime.conversion import to_string
from ...runtime.typenames import type_name

SECURE_STRING_TYPE = "System.Security.SecureString"
_NL = "\r\n"


class ObjectDisposedException(InvalidOperationException):
    ps_type = "System.ObjectDisposedException"


class SecureString(DotNetObject):
    __slots__ = ("_chars", "_read_only", "_disposed")
    ps_type_names = (SECURE_STRING_TYPE, "System.Object")
    ps_properties = ("Length",)
    ps_methods = ("AppendChar", "InsertAt", "RemoveAt", "SetAt", "Clear", "Copy", "MakeReadOnly", "IsReadOnly",
                  "Dispose")

    def __init__(self, text: str = ""):
        self._chars = list(text)
        self._read_only = False
        self._disposed = False

    # -- guards -------------------------------------------------------------
    def _live(self):
        if self._disposed:
            raise ObjectDisposedException(f"Cannot access a disposed object.{_NL}Object name: 'SecureString'.")

    def _writable(self):
        self._live()
        if self._read_only:
            raise InvalidOperationException("Instance is read-only.")

    def _index(self, index, upper: int) -> int:
        i = int(unwrap(index))
        if i < 0 or i > upper:
            raise ArgumentOutOfRangeException(
                f"Index was out of range. Must be non-negative and less than the size of the collection."
                f"{_NL}Parameter name: index")
        return i

    # -- .NET members -------------------------------------------------------
    @property
    def Length(self):
        self._live()
        return len(self._chars)

    def AppendChar(self, c):
        self._writable()
        self._chars.append(_char(c))

    def InsertAt(self, index, c):
        self._writable()
        self._chars.insert(self._index(index, len(self._chars)), _char(c))

    def RemoveAt(self, index):
        self._writable()
        del self._chars[self._index(index, len(self._chars) - 1)]

    def SetAt(self, index, c):
        self._writable()
        self._chars[self._index(index, len(self._chars) - 1)] = _char(c)

    def Clear(self):
        self._writable()
        self._chars.clear()

    def Copy(self):
        self._live()
        return SecureString("".join(self._chars))

    def MakeReadOnly(self):
        self._live()
        self._read_only = True

    def IsReadOnly(self):
        self._live()
        return self._read_only

    def Dispose(self):
        self._chars.clear()
        self._disposed = True

    def ps_to_string(self):
        return SECURE_STRING_TYPE

    def __repr__(self):
        return "<SecureString>"


def _char(c) -> str:
    v = unwrap(c)
    if isinstance(v, Char) or (isinstance(v, str) and len(v) == 1):
        return str(v)
    if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 0xFFFF:
        return chr(v)
    s = to_string(v)
    if len(s) == 1:
        return s
    raise InvalidOperationException('Cannot convert value to type "System.Char". Error: "String must be exactly '
                                    'one character long."')


def is_secure_string(value) -> bool:
    return isinstance(unwrap(value), SecureString)


def plain_text(secure) -> str:
    """The characters of a SecureString ("" for $null)."""
    s = unwrap(secure)
    if s is None:
        return ""
    if not isinstance(s, SecureString):
        raise PSInvalidCastException(f'Cannot convert the value of type "{type_name(s)}" to type '
                                     f'"{SECURE_STRING_TYPE}".', error_id="ConvertToFinalInvalidCastException",
                                     category="InvalidArgument")
    s._live()
    return "".join(s._chars)


def secure_bytes(secure) -> bytes:
    """The UTF-16LE bytes of a SecureString, as 5.1 turns a -SecureKey into a key."""
    return plain_text(secure).encode("utf-16-le", "surrogatepass")
