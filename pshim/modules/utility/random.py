"""Microsoft.PowerShell.Utility: Get-Random (numbers and picks from the input; one generator per
session, declared session state `utility.random`, seeded by -SetSeed)."""
from __future__ import annotations

import random as _random

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import ArgumentException, PSException
from ...runtime import conversion as cv
from ...runtime.psobject import unwrap

_NS = "Microsoft.PowerShell.Commands."


_INT32_MAX = 2 ** 31 - 1


def _rng(session) -> _random.Random:
    return session.state("utility.random", _random.Random)


def _number(v):
    """A -Minimum/-Maximum argument as int or float (strings are parsed)."""
    v = unwrap(v)
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, (int, float)):
        return v
    try:
        return cv.to_int(v) if str(v).strip().lstrip("+-").isdigit() else cv.to_double(v)
    except PSException:
        return cv.to_double(v)


class GetRandomCommand(Cmdlet):
    name = "Get-Random"
    dotnet_type = _NS + "GetRandomCommand"
    default_parameter_set = "RandomNumberParameterSet"
    synopsis = "Gets a random number, or selects objects randomly from a collection."

    SetSeed = Parameter("int")
    Maximum = Parameter("object", parameter_set="RandomNumberParameterSet", position=0)
    Minimum = Parameter("object", parameter_set="RandomNumberParameterSet")
    InputObject = Parameter("object[]", sets=[ParameterSetData("RandomListItemParameterSet", position=0,
                                                               mandatory=True, from_pipeline=True)])
    Count = Parameter("int", parameter_set="RandomListItemParameterSet", validate_range=(1, _INT32_MAX))

    def begin(self):
        if "SetSeed" in self.bound and self.SetSeed is not None:
            _rng(self.ctx.session).seed(int(self.SetSeed))
        self._items = []

    def process(self):
        if self.parameter_set_name == "RandomListItemParameterSet":
            for x in self.InputObject or []:
                self._items.append(x)

    def end(self):
        rng = _rng(self.ctx.session)
        if self.parameter_set_name == "RandomListItemParameterSet":
            n = self.Count if "Count" in self.bound else 1
            if not self._items:
                return
            n = min(n, len(self._items))
            for x in rng.sample(self._items, n):
                self.write_object(x)
            return
        b = self.bound
        lo = _number(self.Minimum) if "Minimum" in b and self.Minimum is not None else None
        hi = _number(self.Maximum) if "Maximum" in b and self.Maximum is not None else None
        if isinstance(lo, float) or isinstance(hi, float):
            lo_f = 0.0 if lo is None else float(lo)
            hi_f = float(_INT32_MAX) if hi is None else float(hi)
            if lo_f >= hi_f:
                self._min_max_error(lo_f, hi_f)
            self.write_object(lo_f + rng.random() * (hi_f - lo_f))
            return
        lo_i = 0 if lo is None else int(lo)
        hi_i = _INT32_MAX if hi is None else int(hi)
        if lo_i >= hi_i:
            self._min_max_error(lo_i, hi_i)
        value = rng.randrange(lo_i, hi_i)
        if -2 ** 31 <= lo_i and hi_i <= _INT32_MAX:
            self.write_object(value)
        else:
            from ...runtime.psobject import Int64
            self.write_object(Int64(value))

    def _min_max_error(self, lo, hi):
        raise self.terminating_error(self.error(
            f"The Minimum value ({cv.to_string(lo)}) cannot be greater than or equal to the Maximum value "
            f"({cv.to_string(hi)}).", "MinGreaterThanOrEqualMax", "InvalidArgument", None, ArgumentException))
