"""Microsoft.PowerShell.Core: background jobs (Start-Job runs its script block in another process)."""
MODULE_NAME = "Microsoft.PowerShell.Core"

_C = "pshim.modules.core.jobs:"

CMDLETS = {
    "Start-Job": _C + "StartJobCommand",
    "Get-Job": _C + "GetJobCommand",
    "Receive-Job": _C + "ReceiveJobCommand",
    "Wait-Job": _C + "WaitJobCommand",
    "Stop-Job": _C + "StopJobCommand",
    "Remove-Job": _C + "RemoveJobCommand",
}

ALIASES = {
    "sajb": "Start-Job",
    "gjb": "Get-Job",
    "rcjb": "Receive-Job",
    "wjb": "Wait-Job",
    "spjb": "Stop-Job",
    "rjb": "Remove-Job",
}
