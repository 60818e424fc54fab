"""Microsoft.PowerShell.Utility: Invoke-Expression (runs text in the caller's scope)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ParseError, ReturnSignal
from ...runtime import conversion as cv


class InvokeExpressionCommand(Cmdlet):
    name = "Invoke-Expression"
    dotnet_type = "Microsoft.PowerShell.Commands.InvokeExpressionCommand"
    synopsis = "Runs commands or expressions on the local computer."

    Command = Parameter("string", position=0, mandatory=True, value_from_pipeline=True)

    def process(self):
        from ...language import parse
        from ...runtime.compile_stmt import compile_script_block
        text = cv.to_string(self.Command)
        try:
            ast = parse(text)
        except ParseError as e:
            rec = e.error_record
            raise self.terminating_error(rec)
        comp = compile_script_block(ast)
        emit = self.processor.emit
        for block in (comp.begin, comp.process, comp.end):
            if block is None:
                continue
            try:
                block(self.ctx, emit)
            except ReturnSignal:
                pass
