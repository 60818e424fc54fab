"""System.Diagnostics.Stopwatch: `[Diagnostics.Stopwatch]::StartNew()`, `$sw.Elapsed.TotalSeconds`, the way
admin scripts time their work. Ticks are .NET's 100 ns units (Frequency 10,000,000), read from the monotonic
clock."""
from __future__ import annotations

import datetime as _dt
import time

from .psobject import DotNetObject
from .method_support import nargs
from .statics import static_type

FREQUENCY = 10_000_000


def _now_ticks() -> int:
    return time.perf_counter_ns() // 100


class Stopwatch(DotNetObject):
    ps_type_names = ("System.Diagnostics.Stopwatch", "System.Object")
    ps_properties = ("IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks")
    ps_methods = ("Start", "Stop", "Reset", "Restart", "ToString", "GetType")
    # what Get-Member shows, and which calls write nothing as a statement
    ps_method_defs = {"Start": ("void Start()",), "Stop": ("void Stop()",), "Reset": ("void Reset()",),
                      "Restart": ("void Restart()",)}

    def __init__(self):
        self._elapsed = 0          # ticks accumulated while stopped
        self._started = None       # tick count when last started, while running

    @property
    def IsRunning(self) -> bool:
        return self._started is not None

    @property
    def ElapsedTicks(self) -> int:
        running = _now_ticks() - self._started if self._started is not None else 0
        return self._elapsed + running

    @property
    def ElapsedMilliseconds(self) -> int:
        return self.ElapsedTicks // 10_000

    @property
    def Elapsed(self) -> _dt.timedelta:
        return _dt.timedelta(microseconds=self.ElapsedTicks // 10)

    def Start(self):
        if self._started is None:
            self._started = _now_ticks()

    def Stop(self):
        if self._started is not None:
            self._elapsed += _now_ticks() - self._started
            self._started = None

    def Reset(self):
        self._elapsed = 0
        self._started = None

    def Restart(self):
        self._elapsed = 0
        self._started = _now_ticks()

    def ps_to_string(self):
        return "System.Diagnostics.Stopwatch"


SW = static_type("System.Diagnostics.Stopwatch")
SW.const(Frequency=FREQUENCY, IsHighResolution=True)


@SW.method("new", "System.Diagnostics.Stopwatch new()")
def _new(args, kw):
    nargs(args, 0)
    return Stopwatch()


@SW.method("StartNew", "static System.Diagnostics.Stopwatch StartNew()")
def _start_new(args, kw):
    nargs(args, 0)
    sw = Stopwatch()
    sw.Start()
    return sw


@SW.method("GetTimestamp", "static long GetTimestamp()")
def _timestamp(args, kw):
    nargs(args, 0)
    return _now_ticks()
