"""Microsoft.PowerShell.Core: the session history and Invoke-Command (this computer only)."""
MODULE_NAME = "Microsoft.PowerShell.Core"

_C = "pshim.modules.core."

CMDLETS = {
    "Get-History": _C + "history:GetHistoryCommand",
    "Add-History": _C + "history:AddHistoryCommand",
    "Clear-History": _C + "history:ClearHistoryCommand",
    "Invoke-History": _C + "history:InvokeHistoryCommand",
    "Invoke-Command": _C + "command:InvokeCommandCommand",
}

ALIASES = {
    "h": "Get-History",
    "history": "Get-History",
    "ghy": "Get-History",
    "clhy": "Clear-History",
    "r": "Invoke-History",
    "ihy": "Invoke-History",
    "icm": "Invoke-Command",
}
