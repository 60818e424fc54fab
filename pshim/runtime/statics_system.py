"""Static members of System.Guid, System.Convert and System.Environment.

Environment answers as a Windows machine would where scripts depend on the
shape (NewLine is "\\r\\n", MachineName is upper case, variable names are
case-insensitive) and from the host where only the host knows (user, CPUs).
"""
from __future__ import annotations

import base64
import binascii
import datetime as _dt
import decimal
import os
import uuid as _uuid

from ..errors import FormatException, OverflowException, InvalidCastException
from .psobject import TypedInt, Int64, Byte, Char, TypedArray, Hashtable, DotNetObject, unwrap
from . import environment
from .method_support import (NoOverload, NL, nargs, out_of_range, arg_null, arg_error, a_int, a_str,
                             enum_value, set_ref, EnumNames)
from .statics import static_type, ENV_TARGET
from .statics_numbers import parse_integer, parse_double, parse_bool, _INT_TYPES
from .dotnet_objects import Guid, parse_guid

# ---------------------------------------------------------------------------
# System.Guid

G = static_type("System.Guid")
G.prop("Empty", lambda: Guid(_uuid.UUID(int=0)))


@G.method("NewGuid", "static guid NewGuid()")
def _g_new_guid(args, kw):
    nargs(args, 0)
    return Guid(_uuid.uuid4())


@G.method("Parse", "static guid Parse(string input)")
def _g_parse(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("input")
    return Guid(parse_guid(s))


@G.method("TryParse", "static bool TryParse(string input, [ref] guid result)")
def _g_try_parse(args, kw):
    nargs(args, 2)
    try:
        value, ok = Guid(parse_guid(a_str(args, 0) or "")), True
    except FormatException:
        value, ok = Guid(), False
    set_ref(args[1], value)
    return ok


@G.method("new", "guid new(string g)", "guid new()")
def _g_new(args, kw):
    nargs(args, 0, 1)
    return Guid(parse_guid(a_str(args, 0) or "")) if args else Guid()


# ---------------------------------------------------------------------------
# System.Convert

CV = static_type("System.Convert")

_BITS = {"System.Byte": 8, "System.SByte": 8, "System.Int16": 16, "System.UInt16": 16, "System.Int32": 32,
         "System.UInt32": 32, "System.Int64": 64, "System.UInt64": 64}


def _from_base(text, base, full_name):
    if base not in (2, 8, 10, 16):
        raise arg_error("Invalid Base.")
    if text is None:
        return _INT_TYPES[full_name][0](0)
    s = text
    if base == 16 and s[:2].lower() == "0x":
        s = s[2:]
    neg = base == 10 and s.startswith("-")
    if neg:
        s = s[1:]
    if s == "":
        raise out_of_range("Index was out of range. Must be non-negative and less than the size of the "
                           "collection.", "startIndex")
    try:
        n = int(s, base)
    except ValueError:
        raise FormatException("Could not find any recognizable digits.") from None
    cls, lo, hi, what, _ = _INT_TYPES[full_name]
    bits = _BITS[full_name]
    if base != 10:
        if n >= 1 << bits:
            raise OverflowException(f"Value was either too large or too small for {what}.")
        if lo < 0 and n >= 1 << (bits - 1):
            n -= 1 << bits
    else:
        n = -n if neg else n
        if not lo <= n <= hi:
            raise OverflowException(f"Value was either too large or too small for {what}.")
    return cls(n)


def to_integer(value, full_name):
    """Convert.ToInt32 and friends: banker's rounding of fractions, range checks."""
    cls, lo, hi, what, _ = _INT_TYPES[full_name]
    v = unwrap(value)
    if v is None:
        return cls(0)
    if isinstance(v, bool):
        return cls(int(v))
    if isinstance(v, Char):
        n = ord(v)
    elif isinstance(v, str):
        return parse_integer(v, full_name)
    elif isinstance(v, float):
        if v != v or v in (float("inf"), float("-inf")):
            raise OverflowException(f"Value was either too large or too small for {what}.")
        n = round(v)
    elif isinstance(v, decimal.Decimal):
        n = int(v.to_integral_value(decimal.ROUND_HALF_EVEN))
    elif isinstance(v, int):
        n = int(v)
    elif isinstance(v, _dt.datetime):
        raise InvalidCastException(f"Invalid cast from 'DateTime' to '{full_name.split('.')[-1]}'.")
    else:
        raise InvalidCastException("Unable to cast object of type '" + _type(v) + "' to type 'System.IConvertible'.")
    if not lo <= n <= hi:
        raise OverflowException(f"Value was either too large or too small for {what}.")
    return cls(n)


def _type(v):
    from .typenames import type_name
    return type_name(v)


def _register_convert_int(method_name, full_name, short):
    @CV.method(method_name, f"static {short} {method_name}(System.Object value)",
               f"static {short} {method_name}(string value, int fromBase)")
    def impl(args, kw):
        nargs(args, 1, 2)
        if len(args) == 2:
            second = unwrap(args[1])
            if isinstance(second, int) and not isinstance(second, bool):
                return _from_base(a_str(args, 0), a_int(args, 1, method_name, "fromBase"), full_name)
        return to_integer(args[0], full_name)


for _m, _full in (("ToInt32", "System.Int32"), ("ToInt64", "System.Int64"), ("ToInt16", "System.Int16"),
                  ("ToByte", "System.Byte"), ("ToSByte", "System.SByte"), ("ToUInt16", "System.UInt16"),
                  ("ToUInt32", "System.UInt32"), ("ToUInt64", "System.UInt64")):
    _register_convert_int(_m, _full, _INT_TYPES[_full][4])


@CV.method("ToDouble", "static double ToDouble(System.Object value)",
           "static double ToDouble(System.Object value, System.IFormatProvider provider)")   # pshim's culture
def _cv_to_double(args, kw):
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if v is None:
        return 0.0
    if isinstance(v, str):
        return parse_double(v)
    if isinstance(v, (int, float, decimal.Decimal)):
        return float(v)
    raise InvalidCastException(f"Unable to cast object of type '{_type(v)}' to type 'System.IConvertible'.")


@CV.method("ToDecimal", "static decimal ToDecimal(System.Object value)",
           "static decimal ToDecimal(System.Object value, System.IFormatProvider provider)")   # pshim's culture
def _cv_to_decimal(args, kw):
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if v is None:
        return decimal.Decimal(0)
    if isinstance(v, str):
        try:
            return decimal.Decimal(v.strip().replace(",", ""))
        except decimal.InvalidOperation:
            raise FormatException("Input string was not in a correct format.") from None
    if isinstance(v, float):
        return decimal.Decimal(repr(v))
    return decimal.Decimal(int(v)) if isinstance(v, int) else decimal.Decimal(v)


@CV.method("ToBoolean", "static bool ToBoolean(System.Object value)",
           "static bool ToBoolean(System.Object value, System.IFormatProvider provider)")   # pshim's culture
def _cv_to_bool(args, kw):
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if v is None:
        return False
    if isinstance(v, str):
        return parse_bool(v)
    if isinstance(v, (int, float, decimal.Decimal)):
        return v != 0
    raise InvalidCastException(f"Unable to cast object of type '{_type(v)}' to type 'System.IConvertible'.")


@CV.method("ToChar", "static char ToChar(System.Object value)",
           "static char ToChar(System.Object value, System.IFormatProvider provider)")   # pshim's culture
def _cv_to_char(args, kw):
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if isinstance(v, str):
        if len(v) != 1:
            raise FormatException("String must be exactly one character long.")
        return Char(v)
    n = to_integer(v, "System.UInt16")
    return Char(chr(n))


@CV.method("ToDateTime", "static datetime ToDateTime(System.Object value)",
           "static datetime ToDateTime(System.Object value, System.IFormatProvider provider)")   # pshim's culture
def _cv_to_datetime(args, kw):
    from .statics_time import parse_date
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if v is None:
        return _dt.datetime(1, 1, 1)
    if isinstance(v, _dt.datetime):
        return v
    if isinstance(v, str):
        return parse_date(v)
    raise InvalidCastException(f"Invalid cast from '{_type(v).split('.')[-1]}' to 'DateTime'.")


@CV.method("ToString", "static string ToString(System.Object value)",
           "static string ToString(int value, int toBase)", "static string ToString(long value, int toBase)")
def _cv_to_string(args, kw):
    from .conversion import dotnet_string
    nargs(args, 1, 2)
    v = unwrap(args[0])
    if len(args) == 2:
        base = unwrap(args[1])
        if isinstance(base, int) and not isinstance(base, bool) and isinstance(v, (int, str)) \
                and not isinstance(v, bool):
            n = to_integer(v, "System.Int64" if isinstance(v, Int64) else
                           (v.ps_type if isinstance(v, TypedInt) and v.ps_type in _BITS else "System.Int64"))
            if base not in (2, 8, 10, 16):
                raise arg_error("Invalid Base.")
            if base == 10:
                return str(int(n))
            bits = _BITS.get(getattr(v, "ps_type", ""), 32 if -2 ** 31 <= int(n) < 2 ** 31 else 64)
            if isinstance(v, Byte):
                bits = 8
            un = int(n) + (1 << bits) if n < 0 else int(n)
            return format(un, {2: "b", 8: "o", 16: "x"}[base])
    return dotnet_string(v)


def _bytes(value, param="inArray") -> bytes:
    v = unwrap(value)
    if v is None:
        raise arg_null(param)
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if isinstance(v, (list, tuple)):
        try:
            return bytes(int(unwrap(b)) & 0xFF if isinstance(unwrap(b), int) else int(unwrap(b)) for b in v)
        except (TypeError, ValueError):
            raise NoOverload() from None
    raise NoOverload()


@CV.method("ToBase64String", "static string ToBase64String(byte[] inArray)",
           "static string ToBase64String(byte[] inArray, int offset, int length)")
def _cv_to_base64(args, kw):
    nargs(args, 1, 2, 3)
    data = _bytes(args[0])
    if len(args) == 3:
        off, n = a_int(args, 1, "ToBase64String", "offset"), a_int(args, 2, "ToBase64String", "length")
        if off < 0 or n < 0 or off + n > len(data):
            raise out_of_range("Offset and length must refer to a position in the string.", "offset")
        data = data[off:off + n]
    return base64.b64encode(data).decode("ascii")


def byte_array(data: bytes) -> TypedArray:
    return TypedArray([Byte(b) for b in data], "System.Byte")


BAD_BASE64 = ("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two "
              "padding characters, or an illegal character among the padding characters. ")


@CV.method("FromBase64String", "static byte[] FromBase64String(string s)")
def _cv_from_base64(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("s")
    compact = "".join(c for c in s if c not in " \t\r\n")
    if len(compact) % 4:
        raise FormatException("Invalid length for a Base-64 char array or string.")
    try:
        return byte_array(base64.b64decode(compact, validate=True))
    except (binascii.Error, ValueError):
        raise FormatException(BAD_BASE64) from None


# ---------------------------------------------------------------------------
# System.Environment

E = static_type("System.Environment")


class OperatingSystem(DotNetObject):
    ps_type_names = ("System.OperatingSystem", "System.Object")
    ps_properties = ("Platform", "ServicePack", "Version", "VersionString")

    def __init__(self):
        self.Platform = "Win32NT"
        self.ServicePack = ""
        self.Version = "10.0.14393.0"
        self.VersionString = "Microsoft Windows NT 10.0.14393.0"

    def ps_to_string(self):
        return self.VersionString


_env_lookup = environment.get


def machine_name() -> str:
    return environment.get("COMPUTERNAME") or environment.machine_name()


def user_name() -> str:
    return environment.get("USERNAME") or environment.user_name()


def _home():
    return os.environ.get("USERPROFILE") or os.path.expanduser("~")


E.const(NewLine=NL, Is64BitOperatingSystem=True, Is64BitProcess=True, SystemDirectory="C:\\WINDOWS\\system32",
        UserInteractive=True, HasShutdownStarted=False)
E.prop("MachineName", machine_name)
E.prop("UserName", user_name)
E.prop("UserDomainName", lambda: os.environ.get("USERDOMAIN") or machine_name())
E.prop("ProcessorCount", lambda: os.cpu_count() or 1)
E.prop("CurrentDirectory", os.getcwd)
E.prop("OSVersion", OperatingSystem)
E.prop("TickCount", lambda: int(_uptime_ms()) & 0x7FFFFFFF)
E.prop("CommandLine", lambda: " ".join(__import__("sys").argv))
E.prop("Version", lambda: "4.0.30319.42000")


def _uptime_ms():
    import time
    return time.monotonic() * 1000


def _target(args, i, name):
    if len(args) <= i:
        return 0
    return enum_value(args[i], ENV_TARGET, "System.EnvironmentVariableTarget", name, "target")


@E.method("GetEnvironmentVariable", "static string GetEnvironmentVariable(string variable)",
          "static string GetEnvironmentVariable(string variable, System.EnvironmentVariableTarget target)")
def _e_get_env(args, kw):
    nargs(args, 1, 2)
    name = a_str(args, 0)
    if name is None:
        raise arg_null("variable")
    _target(args, 1, "GetEnvironmentVariable")
    return _env_lookup(name)


@E.method("SetEnvironmentVariable", "static void SetEnvironmentVariable(string variable, string value)",
          "static void SetEnvironmentVariable(string variable, string value, System.EnvironmentVariableTarget target)")
def _e_set_env(args, kw):
    nargs(args, 2, 3)
    name = a_str(args, 0)
    if name is None:
        raise arg_null("variable")
    if name == "" or "=" in name or name.startswith("\0"):
        raise arg_error("Environment variable name cannot contain equal character.", "variable") if "=" in name \
            else arg_error("String cannot be of zero length.", "variable")
    value = a_str(args, 1)
    _target(args, 2, "SetEnvironmentVariable")
    existing = [k for k in os.environ if k.lower() == name.lower()]
    for k in existing:
        del os.environ[k]
    if value:
        os.environ[existing[0] if existing else name] = value


@E.method("GetEnvironmentVariables", "static System.Collections.IDictionary GetEnvironmentVariables()",
          "static System.Collections.IDictionary GetEnvironmentVariables(System.EnvironmentVariableTarget target)")
def _e_get_envs(args, kw):
    nargs(args, 0, 1)
    _target(args, 0, "GetEnvironmentVariables")      # one environment: the process's, as GetEnvironmentVariable
    return Hashtable(dict(os.environ))


@E.method("ExpandEnvironmentVariables", "static string ExpandEnvironmentVariables(string name)")
def _e_expand(args, kw):
    import re
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("name")

    def repl(m):
        v = _env_lookup(m.group(1))
        return m.group(0) if v is None else v
    return re.sub(r"%([^%]+)%", repl, s)


_FOLDERS = {
    "desktop": ("Desktop",), "desktopdirectory": ("Desktop",), "mydocuments": ("Documents",),
    "personal": ("Documents",), "mymusic": ("Music",), "mypictures": ("Pictures",), "myvideos": ("Videos",),
    "userprofile": (), "applicationdata": ("AppData", "Roaming"), "localapplicationdata": ("AppData", "Local"),
    "favorites": ("Favorites",), "startmenu": ("AppData", "Roaming", "Microsoft", "Windows", "Start Menu"),
}
_SYSTEM_FOLDERS = {
    "programfiles": "C:\\Program Files", "programfilesx86": "C:\\Program Files (x86)",
    "commonapplicationdata": "C:\\ProgramData", "windows": "C:\\WINDOWS", "system": "C:\\WINDOWS\\system32",
    "systemx86": "C:\\WINDOWS\\SysWOW64", "commonprogramfiles": "C:\\Program Files\\Common Files",
}


_FOLDER_OPTION = EnumNames(("None", 0), ("DoNotVerify", 16384), ("Create", 32768))


@E.method("GetFolderPath", "static string GetFolderPath(System.Environment+SpecialFolder folder)",
          "static string GetFolderPath(System.Environment+SpecialFolder folder, "
          "System.Environment+SpecialFolderOption option)")
def _e_folder(args, kw):
    nargs(args, 1, 2)
    if len(args) == 2:
        option = enum_value(args[1], _FOLDER_OPTION, "System.Environment+SpecialFolderOption", "GetFolderPath",
                            "option")
        if option not in _FOLDER_OPTION.values():
            raise arg_error(f"Illegal enum value: {option}.", "option")
        path = _e_folder(args[:1], kw)
        if option == 32768 and path:
            os.makedirs(path, exist_ok=True)
        return path
    v = unwrap(args[0])
    key = str(getattr(v, "name", v)).lower()
    if key in _SYSTEM_FOLDERS:
        return _SYSTEM_FOLDERS[key]
    if key in _FOLDERS:
        if key == "applicationdata" and os.environ.get("APPDATA"):
            return os.environ["APPDATA"]
        if key == "localapplicationdata" and os.environ.get("LOCALAPPDATA"):
            return os.environ["LOCALAPPDATA"]
        return os.path.join(_home(), *_FOLDERS[key])
    raise arg_error(f"Illegal enum value: {v}.", "folder")


@E.method("GetLogicalDrives", "static string[] GetLogicalDrives()")
def _e_drives(args, kw):
    nargs(args, 0)
    return TypedArray(["C:\\"], "System.String")
