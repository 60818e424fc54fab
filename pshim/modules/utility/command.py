"""Measure-Command: how long a script block takes to run.

As in 5.1 the script block runs in the caller's scope (a variable it sets is still set afterwards)
and its output is discarded; errors and other streams still show. With pipeline input (or
-InputObject) it runs once per object with the object as $_, and the times add up. The result is
one TimeSpan (a Python timedelta, pshim's TimeSpan).
"""
from __future__ import annotations

import datetime as _dt
import time

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ReturnSignal


def _discard(obj):
    pass


class MeasureCommandCommand(Cmdlet):
    name = "Measure-Command"
    dotnet_type = "Microsoft.PowerShell.Commands.MeasureCommandCommand"
    synopsis = "Measures the time it takes to run script blocks and cmdlets."
    output_type = "System.TimeSpan"

    InputObject = Parameter("psobject", value_from_pipeline=True)
    Expression = Parameter("scriptblock", position=0, mandatory=True)

    def begin(self):
        self.elapsed = 0.0

    def process(self):
        comp = self.Expression.compiled
        ctx = self.ctx
        ctx.scope.set_local("_", self.InputObject, "_")
        start = time.perf_counter()
        try:
            for block in (comp.begin, comp.process, comp.end):
                if block is not None:
                    block(ctx, _discard)
        except ReturnSignal:
            pass
        finally:
            self.elapsed += time.perf_counter() - start

    def end(self):
        # TimeSpan ticks are 100 ns; timedelta keeps microseconds
        self.write_object(_dt.timedelta(microseconds=round(self.elapsed * 1e6)))
