"""Microsoft.PowerShell.Core: Set-StrictMode. It sets the strict mode of the caller's scope
(`Scope.strict`, runtime/scopes.py); the runtime enforces it where it reads variables, members and
indexes (runtime/strict.py)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import PSArgumentException
from ...runtime import conversion as cv
from ...runtime.psobject import unwrap

_NS = "Microsoft.PowerShell.Commands."


class SetStrictModeCommand(Cmdlet):
    name = "Set-StrictMode"
    dotnet_type = _NS + "SetStrictModeCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Establishes and enforces coding rules in expressions, scripts, and script blocks."

    Off = Parameter("switch", parameter_set="Off", mandatory=True)
    Version = Parameter("object", parameter_set="Version", mandatory=True, aliases=("v",))

    def process(self):
        # the strict mode belongs to the caller's scope (a cmdlet has none of its own): it holds there
        # and in the scopes made below it, until one of them sets its own (runtime/scopes.py)
        scope = self.ctx.scope
        if self.parameter_set_name == "Off":
            scope.strict = 0
            return
        from ...runtime.version import Version
        v = unwrap(self.Version)
        text = cv.to_string(v).strip()
        if text.lower() == "latest":
            scope.strict = _ENGINE_MAJOR
            return
        try:
            ver = v if isinstance(v, Version) else Version.parse(text if "." in text else text + ".0")
        except Exception:   # an unparsable version is a binding error in 5.1
            raise self.terminating_error(self.error(
                f"Cannot bind parameter 'Version'. Cannot convert value \"{text}\" to type \"System.Version\". "
                f"Error: \"Version string portion was too short or too long.\"",
                "ParameterArgumentTransformationError", "InvalidData", text, PSArgumentException))
        major = getattr(ver, "Major", None)
        if major is not None and major > _ENGINE_MAJOR:
            raise self.terminating_error(self.error(
                "Cannot validate argument on parameter 'Version'. The \"" + text + "\" argument does not contain "
                "a valid Windows PowerShell version. Supply a valid version number and then try the command "
                "again.", "ParameterArgumentValidationError", "InvalidData", text, PSArgumentException))
        scope.strict = int(major or 0)


_ENGINE_MAJOR = 5      # `Latest` is the engine's own version (5.1): every rule of 1.0, 2.0 and 3.0
