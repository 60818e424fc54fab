"""Wait-Process: wait until processes stop, as 5.1 does (psutil watches them).

The processes are found as Get-Process finds them (processes.py: -Name with wildcards, -Id, or Process
objects from the pipeline, 5.1's errors for a name or id that matches nothing). The command waits for
all of them; with -Timeout it gives up after that many seconds and writes 5.1's ProcessNotTerminated
error for each process still running. Waiting on pshim's own process is 5.1's WaitOnItself error.
Ctrl+C ends the wait.
"""
from __future__ import annotations

import os
import time

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from .processes import Process, ProcessCommandException, _by_id, _by_name, _NS, _MGMT

_POLL = 0.1


def _running(handle) -> bool:
    """Still running: not exited, and not a zombie (exited, its parent not having collected it yet)."""
    import psutil
    try:
        return handle.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


class WaitProcessCommand(Cmdlet):
    name = "Wait-Process"
    dotnet_type = _NS + "WaitProcessCommand"
    module_name = _MGMT
    default_parameter_set = "Name"
    synopsis = "Waits for the processes to be stopped before accepting more input."

    Name = Parameter("string[]", position=0, mandatory=True, aliases=("ProcessName",),
                     value_from_pipeline_by_property_name=True, parameter_set="Name")
    Id = Parameter("int[]", position=0, mandatory=True, aliases=("PID", "ProcessId"),
                   value_from_pipeline_by_property_name=True, parameter_set="Id")
    InputObject = Parameter("object[]", position=0, mandatory=True, value_from_pipeline=True,
                            parameter_set="InputObject")
    Timeout = Parameter("int", position=1, aliases=("TimeoutSec",), validate_range=(0, 32767))

    def begin(self):
        self.waiting = []

    def process(self):
        ps = self.parameter_set_name
        if ps == "Id":
            found = _by_id(self, self.Id)
        elif ps == "InputObject":
            found = [p for p in self.InputObject or [] if isinstance(p, Process)]
        else:
            found = _by_name(self, self.Name)
        for p in found:
            if p.Id == os.getpid():
                self.write_error(self.error("This command stopped operation because it cannot wait on itself.",
                                            "WaitOnItself", "ObjectNotFound", p, ProcessCommandException))
                continue
            if all(w.Id != p.Id for w in self.waiting):
                self.waiting.append(p)

    def end(self):
        import psutil
        watched = []
        for p in self.waiting:
            try:
                watched.append((p, psutil.Process(p.Id)))
            except psutil.NoSuchProcess:
                pass            # gone already: nothing to wait for
        deadline = None if not self.is_bound("Timeout") else time.monotonic() + self.Timeout
        while watched and not self.stopping:
            step = _POLL if deadline is None else max(0.0, min(_POLL, deadline - time.monotonic()))
            _, alive = psutil.wait_procs([h for _, h in watched], timeout=step)
            watched = [(p, h) for p, h in watched if h in alive and _running(h)]
            if deadline is not None and time.monotonic() >= deadline:
                break
        if self.stopping:
            return
        for p, _ in watched:
            self.write_error(self.error(
                f'This command stopped operation because process "{p.ProcessName} ({p.Id})" is not stopped in the '
                "specified time-out.", "ProcessNotTerminated", "CloseError", p, ProcessCommandException))
