"""ConvertTo-Json / ConvertFrom-Json as Windows PowerShell 5.1 (JavaScriptSerializer) has them.

ConvertTo-Json builds a compact JSON text the way JavaScriptSerializer writes
it (`'`, `<`, `>`, `&` as \\u0027..., dates as "\\/Date(ms)\\/", doubles round-
trip), objects deeper than -Depth (default 2) become their string text, then
re-indents it with 5.1's pretty-printer: 4 spaces, two spaces after a colon,
arrays and objects inside an object indented past their key. (That printer
does not know escaped quotes inside strings; neither does this one.)
ConvertFrom-Json gives PSCustomObjects, object[] arrays written as ONE object,
Int32/Int64 integers and Decimal fractions.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import decimal
import json
import re
import time

from ...commands.cmdlet import Cmdlet, Parameter
from ...errors import error_record, ArgumentException, InvalidOperationException
from ...runtime.conversion import to_string, dotnet_string, format_single
from ...runtime.psobject import PSObject, Hashtable, DotNetObject, TypedInt, Single, Char, PSMemberInfo, Int64
from ...runtime.members import properties
from ...runtime.typenames import type_names_of

MAX_DEPTH = 100


class JsonError(Exception):
    pass


class _Date:
    __slots__ = ("ms",)

    def __init__(self, ms):
        self.ms = ms


def _epoch_ms(d: _dt.datetime) -> int:
    if d.tzinfo is not None:
        secs = calendar.timegm(d.utctimetuple())
    else:
        try:
            secs = time.mktime(d.timetuple())
        except (OverflowError, ValueError):
            secs = calendar.timegm(d.timetuple())
    return int(secs) * 1000 + d.microsecond // 1000


def _is_pure(o):
    return isinstance(o, PSObject) and o.base is None


def _member_props(pso: PSObject):
    return [(m.name, m) for m in pso.members.values() if m.member_type.endswith("Property")]


class JsonBuilder:
    def __init__(self, depth=2):
        self.depth = depth

    def value(self, obj, depth, top=False):
        wrapper = obj if isinstance(obj, PSObject) else None
        base = obj.base if wrapper is not None and obj.base is not None else (None if wrapper else obj)
        pure = wrapper is not None and wrapper.base is None
        if pure:
            if depth > self.depth:
                return dotnet_string(wrapper)
            out = {}
            for name, m in _member_props(wrapper):
                try:
                    v = m.get(wrapper)
                except Exception:   # a throwing property is written as null
                    v = None
                if name not in out:
                    out[name] = self.value(v, depth + 1)
            return out
        result, custom = self.base_value(base, depth)
        extra = []
        if wrapper is not None:
            extra = _member_props(wrapper)
        if (top or wrapper is not None) and isinstance(base, _dt.datetime):
            from ...runtime.datetimes import format_datetime
            extra = extra + [("DateTime", format_datetime(base, "dddd, MMMM d, yyyy h:mm:ss tt"))]
        if not extra:
            return result
        receiver = result if isinstance(result, dict) else {"value": result}
        for name, m in extra:
            if name in receiver:
                continue
            if isinstance(m, PSMemberInfo):
                try:
                    v = m.get(wrapper)
                except Exception:   # a throwing property is written as null
                    v = None
                receiver[name] = self.value(v, depth + 1)
            else:
                receiver[name] = m
        return receiver

    def base_value(self, obj, depth):
        """(json value, is-custom-object)."""
        if obj is None:
            return None, False
        t = type(obj)
        if t is str or t is bool or t is int or t is float or isinstance(obj, (str, decimal.Decimal, TypedInt,
                                                                               Single, Char, float)):
            return obj, False
        if isinstance(obj, _dt.datetime):
            return _Date(_epoch_ms(obj)), False
        if depth > self.depth:
            return to_string(obj), False
        if isinstance(obj, (Hashtable, dict)):
            out = {}
            for k, v in obj.items():
                if not isinstance(k, str):
                    raise JsonError("Embedded Dictionary contains non-string keys")
                out[k] = self.value(v, depth + 1)
            return out, False
        if isinstance(obj, (list, tuple, set, frozenset)):
            return [self.value(v, depth + 1) for v in obj], False
        out = {}
        for name, v in properties(obj):
            if name not in out:
                out[name] = self.value(v, depth + 1)
        return out, True


_ESC = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
        "'": "\\u0027", "<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def quote_string(s: str) -> str:
    out = ['"']
    for c in s:
        e = _ESC.get(c)
        if e is not None:
            out.append(e)
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def format_double_r(d: float) -> str:
    """Double.ToString("R") of .NET Framework."""
    if d != d:
        return "NaN"
    if d in (float("inf"), float("-inf")):
        return "Infinity" if d > 0 else "-Infinity"
    s = "%.15G" % d
    if float(s) != d:
        s = "%.17G" % d
    if "E" in s:
        mant, exp = s.split("E")
        if "." in mant:
            mant = mant.rstrip("0").rstrip(".")
        return f"{mant}E{exp[0]}{exp[1:].lstrip('0').rjust(2, '0')}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def compact(v) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, _Date):
        return '"\\/Date(%d)\\/"' % v.ms
    if isinstance(v, str):
        return quote_string(str(v))
    if isinstance(v, dict):
        return "{" + ",".join(quote_string(k) + ":" + compact(x) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ",".join(compact(x) for x in v) + "]"
    if isinstance(v, Single):
        return format_single(v)
    if isinstance(v, float):
        return format_double_r(v)
    if isinstance(v, decimal.Decimal):
        return format(v, "f")
    if isinstance(v, int):
        return str(int(v))
    return quote_string(dotnet_string(v))


# -- 5.1's pretty printer ------------------------------------------------------

def _quoted(s, i, out):
    """Copy a JSON string's text from s[i] to its closing quote (a backslash-escaped quote does not
    close it); return the closing quote's index."""
    n = len(s)
    while i < n:
        out.append(s[i])
        if s[i] == "\\" and i + 1 < n:
            out.append(s[i + 1])
            i += 2
            continue
        if s[i] == '"':
            return i
        i += 1
    raise JsonError("bad format")


def _dict(s, i, out, pad, nspaces):
    out.append("\n")
    newpad = pad + " " * nspaces + "    "
    head = True
    before_quote = True
    count = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "{":
            out.append(c)
            i = _dict(s, i + 1, out, newpad, count)
            head = False
        elif c == "}":
            out.append("\n" + pad + " " * nspaces + c)
            return i
        elif c == "[":
            out.append(c)
            i = _list(s, i + 1, out, newpad, count)
            head = False
        elif c == ":":
            out.append(":  ")
            count += 3
            head = False
            before_quote = False
        elif c == '"':
            if head:
                out.append(newpad)
            out.append(c)
            end = _quoted(s, i + 1, out)
            if before_quote:
                count += end - i + 1
            i = end
            head = False
        elif c == ",":
            out.append(",\n")
            head = True
            before_quote = True
            count = 0
        else:
            if head:
                out.append(newpad)
            out.append(c)
            if before_quote:
                count += 1
            head = False
        i += 1
    raise JsonError("bad format")


def _list(s, i, out, pad, nspaces):
    out.append("\n")
    newpad = pad + " " * nspaces + "    "
    head = True
    n = len(s)
    while i < n:
        c = s[i]
        if c == "[":
            out.append(newpad + c)
            i = _list(s, i + 1, out, newpad, 0)
            head = False
        elif c == "]":
            out.append("\n" + pad + " " * nspaces + c)
            return i
        elif c == "{":
            out.append(newpad + c)
            i = _dict(s, i + 1, out, newpad, 0)
            head = False
        elif c == '"':
            if head:
                out.append(newpad)
            out.append(c)
            i = _quoted(s, i + 1, out)
            head = False
        elif c == ",":
            out.append(",\n")
            head = True
        else:
            if head:
                out.append(newpad)
            out.append(c)
            head = False
        i += 1
    raise JsonError("bad format")


def pretty(s: str) -> str:
    if s.startswith("{"):
        out = ["{"]
        _dict(s, 1, out, "", 0)
        return "".join(out)
    if s.startswith("["):
        out = ["["]
        _list(s, 1, out, "", 0)
        return "".join(out)
    return s


def convert_to_json(objects, depth=2, compress=False) -> str:
    objs = [o for o in objects if o is not None]
    if not objs:
        return None
    target = objs if len(objs) > 1 else objs[0]
    b = JsonBuilder(depth)
    if target is objs:
        value = [b.value(o, 1, top=True) for o in objs]
    else:
        value = b.value(target, 0, top=True)
    text = compact(value)
    return text if compress else pretty(text)


# -- ConvertFrom-Json ------------------------------------------------------------

_DATE = re.compile(r"^\\?/Date\((-?\d+)(?:[+-]\d{4})?\)\\?/$")


def _int(text):
    v = int(text)
    if -2 ** 31 <= v < 2 ** 31:
        return v
    if -2 ** 63 <= v < 2 ** 63:
        return Int64(v)
    return decimal.Decimal(text)


def _hook(pairs):
    obj = PSObject(None)
    for k, v in pairs:
        obj.members[k.lower()] = PSMemberInfo(k, v)
    return obj


def _dates(v):
    if isinstance(v, str):
        m = _DATE.match(v)
        if m:
            return _dt.datetime(1970, 1, 1) + _dt.timedelta(milliseconds=int(m.group(1)))
        return v
    if isinstance(v, list):
        return [_dates(x) for x in v]
    if isinstance(v, PSObject):
        for m in v.members.values():
            m.value = _dates(m.value)
    return v


def convert_from_json(text: str):
    try:
        v = json.loads(text, object_pairs_hook=_hook, parse_int=_int, parse_float=decimal.Decimal,
                       parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except (ValueError, RecursionError) as e:
        pos = getattr(e, "pos", 0) or 0
        token = re.match(r"[^\s,:\]\}\[\{]*", text[pos:]).group(0) if pos < len(text) else ""
        raise JsonError(f"Invalid JSON primitive: {token}.")
    return _dates(v)


class ConvertToJsonCommand(Cmdlet):
    name = "ConvertTo-Json"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertToJsonCommand"
    InputObject = Parameter("object", position=0, mandatory=True, value_from_pipeline=True, allow_null=True)
    Depth = Parameter("int", validate_range=(1, 2147483647), default=2)
    Compress = Parameter("switch")

    def begin(self):
        self._objs = []

    def process(self):
        if self.InputObject is not None:
            self._objs.append(self.InputObject)

    def end(self):
        depth = self.Depth if self.Depth is not None else 2
        try:
            text = convert_to_json(self._objs, depth, bool(self.Compress))
        except JsonError as e:
            raise self.terminating_error(error_record(str(e), "System.InvalidOperationException", "NotSpecified",
                                                      None, InvalidOperationException))
        if text is not None:
            self.write_object(text)


class ConvertFromJsonCommand(Cmdlet):
    name = "ConvertFrom-Json"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertFromJsonCommand"
    InputObject = Parameter("string", position=0, mandatory=True, value_from_pipeline=True,
                            allow_empty_string=True)

    def begin(self):
        self._buf = []

    def process(self):
        if self.InputObject is not None:
            self._buf.append(self.InputObject)

    def end(self):
        text = "\n".join(self._buf)
        if not text.strip():
            return
        try:
            value = convert_from_json(text)
        except JsonError as e:
            raise self.terminating_error(error_record(str(e), "System.ArgumentException", "NotSpecified",
                                                      text, ArgumentException))
        self.write_object(value)


__all__ = ["convert_to_json", "convert_from_json", "ConvertToJsonCommand", "ConvertFromJsonCommand",
           "type_names_of", "DotNetObject"]
