"""Sort-Object (facts §9.4)."""
from __future__ import annotations

import functools

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject, Hashtable, unwrap
from ...runtime.scriptblock import ScriptBlock
from ..core.fast_input import FastInput
from .object_common import Expr, KeyError_, NOTHING, parse_hashtable, make_expr, compare_values


class SortKey:
    __slots__ = ("expr", "descending")

    def __init__(self, expr: Expr, descending: bool):
        self.expr = expr
        self.descending = descending


def parse_sort_keys(cmdlet, values, descending: bool) -> list[SortKey]:
    keys = []
    for v in values or []:
        u = unwrap(v) if not isinstance(v, PSObject) or v.base is not None else v
        if isinstance(u, (Hashtable, dict)):
            try:
                entries = parse_hashtable(u, {"expression": "x", "ascending": "bool", "descending": "bool"})
                expr = make_expr(entries["expression"])
            except KeyError_ as e:
                raise cmdlet.terminating_error(cmdlet.error(e.message, e.error_id, "InvalidArgument"))
            d = descending
            if "ascending" in entries:
                d = not cv.to_bool(entries["ascending"])
            if "descending" in entries:
                d = cv.to_bool(entries["descending"])
            keys.append(SortKey(expr, d))
        elif isinstance(u, ScriptBlock):
            keys.append(SortKey(Expr(script=u), descending))
        else:
            keys.append(SortKey(Expr(name=cv.to_string(u)), descending))
    return keys


def key_values(ctx, keys: list[SortKey], obj) -> list:
    out = []
    for k in keys:
        if k.expr.script is not None:
            out.append(k.expr.evaluate(ctx, obj)[0][1])
            continue
        if k.expr.is_wildcard:
            res = k.expr.evaluate(ctx, obj)
            out.append(res[0][1] if res else NOTHING)
            continue
        out.append(k.expr.evaluate(ctx, obj)[0][1])
    return out


def make_comparer(keys: list[SortKey], case_sensitive: bool, descending_default: bool):
    """cmp(a, b) over entries (values, obj)."""
    if not keys:
        def cmp_plain(a, b):
            c = compare_values(a[1], b[1], case_sensitive)
            return -c if descending_default else c
        return cmp_plain
    flags = [k.descending for k in keys]

    def cmp(a, b):
        va, vb = a[0], b[0]
        for i, desc in enumerate(flags):
            x, y = va[i], vb[i]
            if x is NOTHING or y is NOTHING:
                if x is NOTHING and y is NOTHING:
                    continue
                return 1 if x is NOTHING else -1
            c = compare_values(x, y, case_sensitive)
            if c:
                return -c if desc else c
        return 0
    return cmp


class SortObjectCommand(FastInput, Cmdlet):
    name = "Sort-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.SortObjectCommand"
    synopsis = "Sorts objects by property values."

    Descending = Parameter("switch")
    Unique = Parameter("switch")
    InputObject = Parameter("psobject", value_from_pipeline=True)
    Property = Parameter("object[]", position=0)
    CaseSensitive = Parameter("switch")

    def begin(self):
        self._items = []
        self._keys = parse_sort_keys(self, self.Property, bool(self.Descending))
        self.enable_fast_input(self._items.append)

    def process(self):
        if "InputObject" not in self.bound and not self.processor.expects_input:
            return
        self._items.append(self.InputObject)

    def end(self):
        items = self._items
        ctx = self.ctx
        keys = self._keys
        cs = bool(self.CaseSensitive)
        if keys:
            entries = [(key_values(ctx, keys, o), o) for o in items]
        else:
            entries = [(None, o) for o in items]
        cmp = make_comparer(keys, cs, bool(self.Descending))
        entries.sort(key=functools.cmp_to_key(cmp))
        emit = self.processor.emit
        prev = None
        for e in entries:
            if self.Unique and prev is not None and cmp(prev, e) == 0:
                continue
            prev = e
            emit(e[1])
