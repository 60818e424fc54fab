"""Microsoft.PowerShell.Utility: timing commands and the call stack."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Measure-Command": _U + "command:MeasureCommandCommand",
    "Get-PSCallStack": _U + "callstack:GetPSCallStackCommand",
}

ALIASES = {
    "gcs": "Get-PSCallStack",
}
