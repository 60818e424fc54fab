"""Get-PSCallStack: the frames of the functions, scripts and script blocks running now, innermost
first, ending with the `<ScriptBlock>` frame of the command line (or the caller of the script).

Each frame's Location is where that frame is now: the innermost one at the Get-PSCallStack call,
each outer one at the call to the frame inside it. The session keeps the running command
processors (Session.call_stack, pushed by commands/function.py).
"""
from __future__ import annotations

import os

from ...commands.cmdlet import Cmdlet
from ...runtime.psobject import DotNetObject


def _format_arguments(bound) -> str:
    from ...runtime.conversion import to_string
    parts = []
    for k, v in (bound or {}).items():
        try:
            text = to_string(v)
        except Exception:   # a value without text shows empty
            text = ""
        parts.append(f"{k}={text}")
    return "{" + ", ".join(parts) + "}"


class CallStackFrame(DotNetObject):
    ps_type_names = ("System.Management.Automation.CallStackFrame", "System.Object")
    ps_properties = ("ScriptName", "ScriptLineNumber", "InvocationInfo", "Position", "FunctionName",
                     "Command", "Location", "Arguments")
    ps_methods = ("GetScriptLocation", "GetFrameVariables")

    def __init__(self, command: str, script_name: str | None, extent, arguments: str, invocation=None):
        self.Command = command
        self.FunctionName = command
        self.ScriptName = script_name
        self.Position = extent
        self.ScriptLineNumber = extent.line if extent is not None and extent.source is not None else 0
        self.Arguments = arguments
        self.InvocationInfo = invocation

    @property
    def Location(self):
        return self.GetScriptLocation()

    def GetScriptLocation(self):
        if not self.ScriptName:
            return "<No file>"
        return f"{os.path.basename(self.ScriptName)}: line {self.ScriptLineNumber}"

    def GetFrameVariables(self):
        from ...runtime.psobject import Hashtable
        return Hashtable()

    def ps_to_string(self):
        return self.GetScriptLocation() if self.ScriptName else "<No file>"


def _file_of(extent):
    return extent.source.path if extent is not None and extent.source is not None else None


class GetPSCallStackCommand(Cmdlet):
    name = "Get-PSCallStack"
    dotnet_type = "Microsoft.PowerShell.Commands.GetPSCallStackCommand"
    synopsis = "Displays the current call stack."
    output_type = "System.Management.Automation.CallStackFrame"

    def end(self):
        stack = list(self.ctx.session.call_stack)
        # where each frame is now: the innermost at this command, each outer one at the call inside it
        here = [p.extent for p in stack[1:]] + [self.processor.extent]
        frames = []
        for proc, extent in zip(stack, here):
            name = proc.name or "<ScriptBlock>"
            bound = getattr(proc, "bound_dict", None)
            frames.append(CallStackFrame(name, _file_of(extent), extent, _format_arguments(bound)))
        for f in reversed(frames):
            self.write_object(f)
        top = stack[0].extent if stack else self.processor.extent
        self.write_object(CallStackFrame("<ScriptBlock>", _file_of(top), top, "{}"))


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view("System.Management.Automation.CallStackFrame",
                  TableView([Column("Command"), Column("Arguments"), Column("Location")]))


_register_views()
