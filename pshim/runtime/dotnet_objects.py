"""Small .NET value classes that methods and statics hand out: System.Type
(RuntimeType, what GetType() returns), DictionaryEntry (hashtable
enumeration), Guid and StringBuilder.

Each is a DotNetObject: properties are attributes listed in `ps_properties`,
callable members are Python methods named exactly as in `ps_methods` (the
dispatcher in methods.py calls them with the PowerShell arguments).
"""
from __future__ import annotations

import re
import uuid as _uuid

from ..errors import FormatException
from .psobject import DotNetObject, unwrap
from .method_support import NL, NoOverload, out_of_range, a_int, a_str, a_char

_VALUE_TYPES = {
    "System.Int32", "System.Int64", "System.Int16", "System.Byte", "System.SByte", "System.UInt16",
    "System.UInt32", "System.UInt64", "System.Double", "System.Single", "System.Decimal", "System.Boolean",
    "System.Char", "System.DateTime", "System.TimeSpan", "System.Guid", "System.Collections.DictionaryEntry",
    "System.Management.Automation.SwitchParameter",
}
_BASES = {"System.Object": None, "System.ValueType": "System.Object", "System.Array": "System.Object",
          "System.Enum": "System.ValueType", "System.String": "System.Object"}


_MD_ARRAY_NAME = re.compile(r"^([^`\[\]]+)(\[,+\])$")


def _base_of(full_name: str) -> str | None:
    if full_name in _BASES:
        return _BASES[full_name]
    if full_name.endswith("[]") or _MD_ARRAY_NAME.match(full_name):
        return "System.Array"
    if full_name in _VALUE_TYPES:
        return "System.ValueType"
    return "System.Object"


class RuntimeType(DotNetObject):
    """A System.Type: `(1).GetType()`, `[int]`. Equal when FullName is equal."""

    ps_type_names = ("System.RuntimeType", "System.Reflection.TypeInfo", "System.Type",
                     "System.Reflection.MemberInfo", "System.Object")
    ps_properties = ("IsPublic", "IsSerializable", "Name", "BaseType", "FullName", "Namespace",
                     "IsArray", "IsValueType", "IsClass", "IsEnum", "IsGenericType")
    ps_methods = ("Equals", "GetHashCode", "GetType", "ToString", "GetElementType", "IsInstanceOfType")
    # 5.1's view shows IsPublic, IsSerial(izable), Name, BaseType as a table
    ps_default_display = ("IsPublic", "IsSerializable", "Name", "BaseType")

    def __init__(self, full_name: str, base_name: str | None = "", is_enum: bool = False):
        self.FullName = full_name
        self._base_name = _base_of(full_name) if base_name == "" else base_name
        stem = full_name.split("[[", 1)[0] if "`" in full_name else full_name
        if "`" not in full_name and full_name.endswith("[]"):
            stem = full_name
        head = stem
        if not stem.endswith("[]"):
            head = stem.split("[", 1)[0]
        core = head[:-2] if head.endswith("[]") else head
        ns, _, last = core.rpartition(".")
        self.Name = last.rsplit("+", 1)[-1] + ("[]" if head.endswith("[]") else "")
        self.Namespace = ns or None
        self.IsArray = full_name.endswith("[]")
        md = _MD_ARRAY_NAME.match(full_name)     # a multi-dimensional array type: System.Int32[,]
        if md:
            ns, _, last = md.group(1).rpartition(".")
            self.Name, self.Namespace, self.IsArray = last + md.group(2), ns or None, True
        self.IsEnum = is_enum
        self.IsValueType = full_name in _VALUE_TYPES or is_enum
        self.IsClass = not self.IsValueType
        self.IsGenericType = "`" in full_name
        self.IsPublic = True
        self.IsSerializable = True

    @property
    def BaseType(self):
        return RuntimeType(self._base_name) if self._base_name else None

    def ps_to_string(self):
        return self.FullName

    def __eq__(self, other):
        other = unwrap(other)
        if isinstance(other, RuntimeType):
            return other.FullName == self.FullName
        full = getattr(other, "full_name", None)       # a type literal's PSType: [int] -eq (1).GetType()
        return isinstance(full, str) and full == self.FullName

    def __hash__(self):
        return hash(self.FullName)

    def __repr__(self):
        return f"RuntimeType({self.FullName!r})"

    # -- methods --------------------------------------------------------------
    def Equals(self, other):
        return self == other

    def GetHashCode(self):
        return _string_hash(self.FullName)

    def GetType(self):
        return RuntimeType("System.RuntimeType", "System.Reflection.TypeInfo")

    def ToString(self):
        return self.FullName

    def GetElementType(self):
        return RuntimeType(self.FullName[:-2]) if self.IsArray else None

    def IsInstanceOfType(self, value):
        from .typenames import type_names_of
        return self.FullName in type_names_of(unwrap(value))


def type_of(value) -> RuntimeType:
    """GetType() of a pipeline value."""
    from .typenames import type_names_of
    names = list(type_names_of(value))
    full = names[0]
    base = names[1] if len(names) > 1 else None
    if full == "System.Management.Automation.PSCustomObject":
        base = "System.Object"
    elif full.endswith("[]"):
        base = "System.Array"
    return RuntimeType(full, base)


def _string_hash(s: str) -> int:
    """A stable 32-bit hash (the value differs from .NET's, which is randomised anyway)."""
    h = 5381
    for ch in s:
        h = ((h * 33) ^ ord(ch)) & 0xFFFFFFFF
    return h - 2 ** 32 if h >= 2 ** 31 else h


class DictionaryEntry(DotNetObject):
    """One entry of a hashtable's enumeration; `Name` is PowerShell's alias of Key."""

    ps_type_names = ("System.Collections.DictionaryEntry", "System.ValueType", "System.Object")
    ps_properties = ("Name", "Key", "Value")
    ps_settable = ("Key", "Value")
    ps_methods = ("Equals", "GetHashCode", "GetType", "ToString")

    def __init__(self, key, value):
        self.Key = key
        self.Value = value

    @property
    def Name(self):
        return self.Key

    def ps_equals(self, other):
        return isinstance(other, DictionaryEntry) and other.Key == self.Key and other.Value is self.Value

    def __repr__(self):
        return f"DictionaryEntry({self.Key!r}, {self.Value!r})"


class Guid(DotNetObject):
    ps_type_names = ("System.Guid", "System.ValueType", "System.Object")
    ps_properties = ("Guid",)
    ps_methods = ("ToString", "Equals", "GetHashCode", "GetType", "ToByteArray", "CompareTo")

    def __init__(self, value: _uuid.UUID | str | None = None):
        if value is None:
            value = _uuid.UUID(int=0)
        elif isinstance(value, str):
            value = parse_guid(value)
        self.uuid = value

    @property
    def Guid(self):
        return str(self.uuid)

    def ps_to_string(self):
        return str(self.uuid)

    def ps_format(self, spec):
        s = str(self.uuid)
        if not spec or spec in ("D", "d"):
            return s
        if spec in ("N", "n"):
            return self.uuid.hex
        if spec in ("B", "b"):
            return "{" + s + "}"
        if spec in ("P", "p"):
            return "(" + s + ")"
        if spec in ("X", "x"):
            h = self.uuid.hex
            parts = [h[0:8], h[8:12], h[12:16]] + [h[16 + 2 * i:18 + 2 * i] for i in range(8)]
            return "{0x%s,0x%s,0x%s,{%s}}" % (parts[0], parts[1], parts[2],
                                               ",".join("0x" + p for p in parts[3:]))
        raise FormatException('Format String can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or "x".')

    def ps_equals(self, other):
        other = unwrap(other)
        return isinstance(other, Guid) and other.uuid == self.uuid

    def __eq__(self, other):
        return self.ps_equals(other)

    def __hash__(self):
        return hash(self.uuid)

    def __repr__(self):
        return f"Guid('{self.uuid}')"

    def ToString(self, *args):
        if len(args) > 2:
            raise NoOverload()
        spec = a_str(list(args), 0) if args else None
        return self.ps_format(spec)

    def Equals(self, other):
        return self.ps_equals(other)

    def GetHashCode(self):
        return _string_hash(str(self.uuid))

    def GetType(self):
        return RuntimeType("System.Guid", "System.ValueType")

    def ToByteArray(self):
        from .psobject import TypedArray, Byte
        return TypedArray([Byte(b) for b in self.uuid.bytes_le], "System.Byte")

    def CompareTo(self, other):
        other = unwrap(other)
        if other is None:
            return 1
        if not isinstance(other, Guid):
            from .method_support import arg_error
            raise arg_error("Object must be of type GUID.", "value")
        return (self.uuid.int > other.uuid.int) - (self.uuid.int < other.uuid.int)


def parse_guid(text: str) -> _uuid.UUID:
    s = (text or "").strip()
    try:
        if s.startswith("(") and s.endswith(")"):
            s = s[1:-1]
        return _uuid.UUID(s)
    except ValueError:
        raise FormatException("Unrecognized Guid format.") from None


class StringBuilder(DotNetObject):
    """System.Text.StringBuilder; Append* return the builder itself, as in .NET
    (so `$sb.Append('x')` outputs the builder unless cast to [void])."""

    ps_type_names = ("System.Text.StringBuilder", "System.Object")
    ps_properties = ("Capacity", "MaxCapacity", "Length")
    ps_settable = ("Length", "Capacity")
    ps_methods = ("Append", "AppendLine", "AppendFormat", "Insert", "Remove", "Replace", "Clear",
                  "ToString", "Equals", "GetHashCode", "GetType", "EnsureCapacity")

    def __init__(self, text: str = "", capacity: int = 16):
        self._parts = [text or ""]
        self._cap = max(capacity, 16)
        self.MaxCapacity = 2147483647

    def _text(self):
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0]

    @property
    def Length(self):
        return len(self._text())

    @Length.setter
    def Length(self, value):
        from .conversion import to_int
        n = to_int(value)
        t = self._text()
        self._parts = [t[:n] if n <= len(t) else t + "\0" * (n - len(t))]

    @property
    def Capacity(self):
        return max(self._cap, self.Length)

    @Capacity.setter
    def Capacity(self, value):
        from .conversion import to_int
        self._cap = to_int(value)

    def ps_to_string(self):
        return self._text()

    def Append(self, *args):
        from .conversion import dotnet_string
        if len(args) == 1:
            v = unwrap(args[0])
            if isinstance(v, list) and v and all(isinstance(c, str) and len(c) == 1 for c in v) and \
                    getattr(v, "element_type", "") == "System.Char":
                self._parts.append("".join(v))
            else:
                self._parts.append(dotnet_string(v))
        elif len(args) == 2:
            c = a_char(list(args), 0, "Append", "value")
            n = a_int(list(args), 1, "Append", "repeatCount")
            if n < 0:
                raise out_of_range("Count cannot be less than zero.", "repeatCount")
            self._parts.append(c * n)
        elif len(args) == 3:
            v = a_str(list(args), 0) or ""
            start = a_int(list(args), 1, "Append", "startIndex")
            count = a_int(list(args), 2, "Append", "count")
            self._parts.append(v[start:start + count])
        else:
            raise NoOverload()
        return self

    def AppendLine(self, *args):
        if len(args) > 1:
            raise NoOverload()
        if args:
            self.Append(a_str(list(args), 0) or "")
        self._parts.append(NL)
        return self

    def AppendFormat(self, fmt, *args):
        from .dotnet_format import format_composite
        if len(args) == 1 and isinstance(unwrap(args[0]), list):
            args = tuple(unwrap(args[0]))
        self._parts.append(format_composite(a_str([fmt], 0) or "", list(args)))
        return self

    def Insert(self, index, value):
        i = a_int([index], 0, "Insert", "index")
        t = self._text()
        if i < 0 or i > len(t):
            raise out_of_range("Index was out of range. Must be non-negative and less than the size of the "
                               "collection.", "index")
        from .conversion import dotnet_string
        self._parts = [t[:i] + dotnet_string(unwrap(value)) + t[i:]]
        return self

    def Remove(self, start, length):
        s = a_int([start], 0, "Remove", "startIndex")
        n = a_int([length], 0, "Remove", "length")
        t = self._text()
        if n < 0:
            raise out_of_range("Length cannot be less than zero.", "length")
        if s < 0:
            raise out_of_range("StartIndex cannot be less than zero.", "startIndex")
        if s + n > len(t):
            raise out_of_range("Index was out of range. Must be non-negative and less than the size of the "
                               "collection.", "index")
        self._parts = [t[:s] + t[s + n:]]
        return self

    def Replace(self, old, new, *rest):
        old_s, new_s = a_str([old], 0), a_str([new], 0)
        if old_s is None:
            from .method_support import arg_null
            raise arg_null("oldValue")
        if old_s == "":
            from .method_support import arg_error
            raise arg_error("String cannot be of zero length.", "oldValue")
        t = self._text()
        if rest:
            if len(rest) != 2:
                raise NoOverload()
            s = a_int([rest[0]], 0, "Replace", "startIndex")
            n = a_int([rest[1]], 0, "Replace", "count")
            self._parts = [t[:s] + t[s:s + n].replace(old_s, new_s or "") + t[s + n:]]
        else:
            self._parts = [t.replace(old_s, new_s or "")]
        return self

    def Clear(self):
        self._parts = [""]
        return self

    def EnsureCapacity(self, capacity):
        self._cap = max(self._cap, a_int([capacity], 0, "EnsureCapacity", "capacity"))
        return self.Capacity

    def ToString(self, *args):
        t = self._text()
        if not args:
            return t
        if len(args) != 2:
            raise NoOverload()
        s = a_int(list(args), 0, "ToString", "startIndex")
        n = a_int(list(args), 1, "ToString", "length")
        if s < 0 or n < 0 or s + n > len(t):
            raise out_of_range("Index and length must refer to a location within the string.", "length"
                               if s >= 0 else "startIndex")
        return t[s:s + n]

    def Equals(self, other):
        return unwrap(other) is self

    def GetHashCode(self):
        return id(self) & 0x7FFFFFFF

    def GetType(self):
        return RuntimeType("System.Text.StringBuilder")
