"""Tee-Object: passes its input on and keeps a copy in a file (as Out-File writes it) or a variable."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ...runtime.psobject import ArrayList
from ..core.fast_input import FastInput


class TeeObjectCommand(FastInput, Cmdlet):
    name = "Tee-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.TeeObjectCommand"
    default_parameter_set = "File"
    synopsis = "Saves command output in a file or variable and also sends it down the pipeline."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    FilePath = Parameter("string", position=0, mandatory=True, parameter_set="File", aliases=("Path",))
    LiteralPath = Parameter("string", mandatory=True, parameter_set="LiteralFile", aliases=("PSPath",))
    Append = Parameter("switch", parameter_set="File")
    Variable = Parameter("string", mandatory=True, parameter_set="Variable")

    def begin(self):
        self._items = []
        items = self._items
        emit = self.processor.emit

        def tee(obj):
            items.append(obj)
            emit(obj)
        self.enable_fast_input(tee)

    def process(self):
        if "InputObject" not in self.bound and not self.processor.expects_input:
            return
        self._items.append(self.InputObject)
        self.processor.emit(self.InputObject)

    def end(self):
        if self.parameter_set_name == "Variable":
            name = cv.to_string(self.Variable)
            if name.startswith("$"):
                name = name[1:]
            self.ctx.set_variable(name, ArrayList(self._items))
            return
        from .out_file import write_redirection
        path = self.FilePath if self.parameter_set_name == "File" else self.LiteralPath
        write_redirection(self.ctx, self._items, cv.to_string(path), bool(self.Append))
