"""Trace-Command: pshim has no trace sources, so there is nothing to trace.

Windows PowerShell traces its engine's components (ParameterBinding, TypeConversion, ...) while an
expression runs. pshim's engine has no such trace sources: Trace-Command writes an error record that
says so (TraceSourceNotAvailable, one per name), then runs the expression and writes its output, as 5.1
does for a name that matches no trace source; no trace messages are written, to the host or elsewhere.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.function import FunctionProcessor
from ...commands.parameters import Parameter
from ...errors import NotSupportedException


class TraceCommandCommand(Cmdlet):
    name = "Trace-Command"
    dotnet_type = "Microsoft.PowerShell.Commands.TraceCommandCommand"
    synopsis = "Configures and starts a trace of the specified expression or command."

    Name = Parameter("string[]", position=0, mandatory=True)
    Expression = Parameter("scriptblock", position=1, mandatory=True)
    InputObject = Parameter("psobject", value_from_pipeline=True)
    PSHost = Parameter("switch")

    def begin(self):
        where = " to the host" if self.PSHost else ""
        for n in self.Name or []:
            self.write_error(self.error(
                f"Cannot trace '{n}': pshim has no trace sources, so no trace messages are written{where}. "
                "The expression runs without tracing.", "TraceSourceNotAvailable", "NotImplemented", n,
                NotSupportedException))
        self.proc = FunctionProcessor(self.ctx, None, self.Expression, [], None, self.processor.expects_input, "")
        self.proc.emit = self.write_object
        self.proc.streams = None
        self.proc.begin()

    def process(self):
        if self.is_bound("InputObject") and self.processor.expects_input:
            self.proc.process_record(self.InputObject)

    def end(self):
        if not self.processor.expects_input:
            self.proc.process_no_input()
        self.proc.end()
        self.proc.finish()
