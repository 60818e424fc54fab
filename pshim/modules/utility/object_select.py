"""Select-Object (facts §9.3)."""
from __future__ import annotations

from collections import deque

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import StopUpstream
from ...runtime import conversion as cv
from ...runtime.members import get_property
from ...runtime.operators import wildcard_match, has_wildcard
from ...runtime.psobject import PSObject, PSMemberInfo, Hashtable, unwrap, PSCUSTOMOBJECT_TYPENAMES
from ...runtime.scriptblock import ScriptBlock
from ...runtime.typenames import type_name
from .object_common import (Expr, KeyError_, NOTHING, parse_hashtable, make_expr, compare_values, hash_key)

_DEF = "DefaultParameter"
_SKIPLAST = "SkipLastParameter"
_INDEX = "IndexParameter"


def selected_type_name(obj) -> str:
    """`Selected.<.NET type of the input>`."""
    if isinstance(obj, PSObject):
        if obj.base is None:
            return "Selected.System.Management.Automation.PSCustomObject"
        return "Selected." + type_name(unwrap(obj))
    return "Selected." + type_name(obj)


class _Prop:
    __slots__ = ("expr", "name")

    def __init__(self, expr: Expr, name):
        self.expr = expr
        self.name = name


class SelectObjectCommand(Cmdlet):
    name = "Select-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.SelectObjectCommand"
    default_parameter_set = _DEF
    synopsis = "Selects objects or object properties."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    Property = Parameter("object[]", sets=[ParameterSetData(_DEF, 0), ParameterSetData(_SKIPLAST, 0)])
    ExcludeProperty = Parameter("string[]", sets=[ParameterSetData(_DEF), ParameterSetData(_SKIPLAST)])
    ExpandProperty = Parameter("string", sets=[ParameterSetData(_DEF), ParameterSetData(_SKIPLAST)])
    Unique = Parameter("switch")
    Last = Parameter("int", parameter_set=_DEF, validate_range=(0, 2147483647))
    First = Parameter("int", parameter_set=_DEF, validate_range=(0, 2147483647))
    Skip = Parameter("int", parameter_set=_DEF, validate_range=(0, 2147483647))
    SkipLast = Parameter("int", parameter_set=_SKIPLAST, validate_range=(0, 2147483647))
    Wait = Parameter("switch", sets=[ParameterSetData(_DEF), ParameterSetData(_INDEX)])
    Index = Parameter("int[]", parameter_set=_INDEX)

    def begin(self):
        self._props = self._parse_properties(self.Property)
        excl = self.ExcludeProperty
        self._exclude = [cv.to_string(x) for x in excl] if excl and self._props is not None else None
        self._expand = self.ExpandProperty
        self._uniques = [] if self.Unique else None
        self._unique_keys = set()
        self._n = 0
        b = self.bound
        self._first = self.First if "First" in b else None
        self._last = self.Last if "Last" in b else None
        self._skip = self.Skip if "Skip" in b else 0
        self._skip_last = self.SkipLast if "SkipLast" in b else None
        self._index = None
        if "Index" in b:
            self._index = sorted(set(i for i in (self.Index or [])))
            self._index_set = set(self._index)
        self._emitted = 0
        self._buffer = None
        if self._last is not None:
            self._buffer = deque(maxlen=self._last + self._skip) if self._first is None else []
        elif self._skip_last is not None:
            self._buffer = deque()
        self._stop = self._first is not None and self._last is None and not self.Wait

    # -- -Property -------------------------------------------------------------
    def _parse_properties(self, values):
        if values is None:
            return None
        out = []
        for v in values:
            u = unwrap(v) if not isinstance(v, PSObject) or v.base is not None else v
            if isinstance(u, (Hashtable, dict)):
                try:
                    entries = parse_hashtable(u, {"name": "string", "label": "string", "expression": "x"})
                    expr = make_expr(entries["expression"])
                except KeyError_ as e:
                    raise self.terminating_error(self.error(e.message, e.error_id, "InvalidArgument"))
                name = entries.get("name")
                out.append(_Prop(expr, None if name is None else cv.to_string(name)))
            elif isinstance(u, ScriptBlock):
                out.append(_Prop(Expr(script=u), None))
            else:
                out.append(_Prop(Expr(name=cv.to_string(u)), None))
        return out

    def _excluded(self, name: str) -> bool:
        if not self._exclude:
            return False
        return any(wildcard_match(p, name) for p in self._exclude)

    def _project(self, obj):
        """The note properties [(name, value)] the -Property list gives for obj."""
        notes = []
        seen = set()
        for p in self._props:
            results = p.expr.evaluate(self.ctx, obj)
            for rname, value, exc in results:
                if value is NOTHING:
                    value = None
                name = p.name if p.name is not None else rname
                if self._excluded(name):
                    continue
                key = name.lower()
                if key in seen:
                    self.write_error(self.error(
                        f'The property cannot be processed because the property "{name}" already exists.',
                        "AlreadyExistingUserSpecifiedPropertyNoExpand", "InvalidOperation", obj))
                    continue
                seen.add(key)
                notes.append((name, value))
        return notes

    # -- output -------------------------------------------------------------------
    def _select(self, obj):
        """Selection of one input object: the objects to write."""
        if self._props is None and not self._expand:
            self._write(obj, None)
            return
        notes = self._project(obj) if self._props is not None else []
        if self._expand:
            self._expand_one(obj, notes)
            return
        result = PSObject.from_pairs(notes, [selected_type_name(obj)] + list(PSCUSTOMOBJECT_TYPENAMES))
        self._write(result, notes)

    def _expand_one(self, obj, notes):
        name = self._expand
        names = [name]
        if has_wildcard(name):
            from ...runtime.members import property_names
            names = [n for n in property_names(obj) if wildcard_match(name, n)]
            if len(names) > 1:
                self.write_error(self.error(
                    f'Select-Object : Multiple properties cannot be expanded. The "{name}" value of the '
                    'ExpandProperty parameter matches more than one property.', "MutlipleExpandProperties",
                    "InvalidArgument", obj))
                return
        v = get_property(obj, names[0], NOTHING) if names and obj is not None else NOTHING
        if v is NOTHING:
            self.write_error(self.error(f'Property "{name}" cannot be found.', "ExpandPropertyNotFound",
                                        "InvalidArgument", obj))
            return
        if v is None:
            return
        items = v if isinstance(v, (list, tuple)) else [v]
        for item in items:
            if notes:
                target = item if isinstance(item, PSObject) else PSObject(item)
                ok = True
                for n, val in notes:
                    from ...runtime.members import has_property
                    if n.lower() in target.members or (item is not None and has_property(target, n)):
                        self.write_error(self.error(
                            f'The property cannot be processed because the property "{n}" already exists.',
                            "AlreadyExistingUserSpecifiedPropertyExpand", "InvalidOperation", item))
                        ok = False
                        continue
                    target.members[n.lower()] = PSMemberInfo(n, val)
                self._write(target, notes)
            else:
                self._write(item, None)

    def _write(self, obj, notes):
        if self._uniques is None:
            self.processor.emit(obj)
            return
        if notes is not None:
            key = ("notes",) + tuple((n.lower(), hash_key(v, True)) for n, v in notes)
        else:
            key = ("obj", hash_key(obj, True))
        if key in self._unique_keys:
            return
        self._unique_keys.add(key)
        self._uniques.append(obj)

    # -- record flow ---------------------------------------------------------------
    def process(self):
        if "InputObject" not in self.bound and not self.processor.expects_input:
            return
        obj = self.InputObject
        i = self._n
        self._n = i + 1
        if self._index is not None:
            if i in self._index_set:
                self._select(obj)
            return
        if self._skip_last is not None:
            buf = self._buffer
            buf.append(obj)
            if len(buf) > self._skip_last:
                self._select(buf.popleft())
            return
        if self._first is not None:
            if self._stop and self._emitted >= self._first:
                raise StopUpstream(self.processor)
            if i < self._skip:
                if self._buffer is not None:
                    self._buffer.append(obj)
                return
            if self._emitted < self._first:
                self._emitted += 1
                self._select(obj)
                if self._stop and self._emitted >= self._first:
                    raise StopUpstream(self.processor)
            if self._buffer is not None:
                self._buffer.append(obj)
            return
        if self._last is not None:
            self._buffer.append(obj)
            return
        if i < self._skip:
            return
        self._select(obj)

    def end(self):
        if self._last is not None:
            buf = list(self._buffer)
            if self._first is None and self._skip:
                buf = buf[:len(buf) - self._skip] if len(buf) > self._skip else []
            tail = buf[-self._last:] if self._last else []
            for obj in tail:
                self._select(obj)
        if self._uniques is not None:
            emit = self.processor.emit
            for o in self._uniques:
                emit(o)
