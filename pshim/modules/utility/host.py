"""Microsoft.PowerShell.Utility: the host's cmdlets Get-Host and Read-Host (Write-Host is in write.py)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ..security.secure_string import SecureString

_NS = "Microsoft.PowerShell.Commands."


class GetHostCommand(Cmdlet):
    name = "Get-Host"
    dotnet_type = _NS + "GetHostCommand"
    synopsis = "Gets an object that represents the current host program."

    def process(self):
        self.write_object(self.ctx.session.global_scope.lookup("host").value)


class ReadHostCommand(Cmdlet):
    name = "Read-Host"
    dotnet_type = "Microsoft.PowerShell.Commands.ReadHostCommand"
    synopsis = "Reads a line of input from the console."

    Prompt = Parameter("object", position=0, value_from_remaining_arguments=True)
    AsSecureString = Parameter("switch")

    def process(self):
        prompt = self.Prompt
        text = "" if prompt is None else (" ".join(cv.to_string(x) for x in prompt)
                                          if isinstance(prompt, (list, tuple)) else cv.to_string(prompt))
        if self.AsSecureString:
            self.processor.emit(SecureString(self.host.prompt_secret(text + ": " if text else "")))
            return
        line = self.host.prompt_line(text + ": " if text else "")
        self.processor.emit(line)
