"""Compare-Object (Tee-Object is object_tee.py)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime.psobject import PSObject, PSMemberInfo
from .object_common import compare_values, NOTHING
from .object_sort import parse_sort_keys, key_values


class CompareObjectCommand(Cmdlet):
    name = "Compare-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.CompareObjectCommand"
    synopsis = "Compares two sets of objects."

    ReferenceObject = Parameter("psobject[]", position=0, mandatory=True)
    DifferenceObject = Parameter("psobject[]", position=1, mandatory=True, value_from_pipeline=True)
    SyncWindow = Parameter("int", default=2147483647, validate_range=(0, 2147483647))
    Property = Parameter("object[]")
    ExcludeDifferent = Parameter("switch")
    IncludeEqual = Parameter("switch")
    PassThru = Parameter("switch")
    CaseSensitive = Parameter("switch")

    def begin(self):
        self._keys = parse_sort_keys(self, self.Property, False)
        refs = self.ReferenceObject or []
        self._refs = [(o, self._key(o)) for o in refs]
        self._matched = [False] * len(self._refs)
        self._cs = bool(self.CaseSensitive)
        self._index = 0        # the position of the next difference object
        w = self.SyncWindow
        self._window = 2147483647 if w is None else int(w)

    def _key(self, obj):
        if self._keys:
            return [None if v is NOTHING else v for v in key_values(self.ctx, self._keys, obj)]
        return [obj]

    def _equal(self, a, b):
        return all(compare_values(x, y, self._cs) == 0 for x, y in zip(a, b))

    def process(self):
        diffs = self.DifferenceObject
        if diffs is None:
            return
        for d in diffs:
            dk = self._key(d)
            hit = None
            # -SyncWindow: a match is looked for only this many positions either side of the
            # difference object's own position in the reference list
            pos, window = self._index, self._window
            self._index += 1
            lo = max(0, pos - window)
            hi = min(len(self._refs), pos + window + 1)
            for i in range(lo, hi):
                if not self._matched[i] and self._equal(self._refs[i][1], dk):
                    hit = i
                    break
            if hit is not None:
                self._matched[hit] = True
                if self.IncludeEqual:
                    self._emit(d, dk, "==")
            elif not self.ExcludeDifferent:
                self._emit(d, dk, "=>")

    def end(self):
        if self.ExcludeDifferent:
            return
        for i, (r, rk) in enumerate(self._refs):
            if not self._matched[i]:
                self._emit(r, rk, "<=")

    def _emit(self, obj, key, side):
        if self.PassThru:
            target = obj if isinstance(obj, PSObject) else PSObject(obj)
            target.members["sideindicator"] = PSMemberInfo("SideIndicator", side)
            self.processor.emit(target)
            return
        if self._keys:
            pairs = []
            for k, v in zip(self._keys, key):
                pairs.append((k.expr.text, v))
            pairs.append(("SideIndicator", side))
        else:
            pairs = [("InputObject", obj), ("SideIndicator", side)]
        self.processor.emit(PSObject.from_pairs(pairs))
