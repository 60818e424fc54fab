"""Microsoft.PowerShell.Management: processes (Get-/Stop-/Start-Process, read from /proc)."""
MODULE_NAME = "Microsoft.PowerShell.Management"

_P = "pshim.modules.management.processes:"

CMDLETS = {
    "Get-Process": _P + "GetProcessCommand",
    "Stop-Process": _P + "StopProcessCommand",
    "Start-Process": _P + "StartProcessCommand",
}

ALIASES = {
    "gps": "Get-Process",
    "ps": "Get-Process",
    "spps": "Stop-Process",
    "kill": "Stop-Process",
    "saps": "Start-Process",
    "start": "Start-Process",
}
