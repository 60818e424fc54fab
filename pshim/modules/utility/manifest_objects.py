"""Object cmdlets of Microsoft.PowerShell.Utility (selection, sorting, grouping,
measuring, members, variables, writing) and their 5.1 default aliases."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Write-Output": _U + "write:WriteOutputCommand",
    "Write-Host": _U + "write:WriteHostCommand",
    "Write-Error": _U + "write:WriteErrorCommand",
    "Write-Warning": _U + "write:WriteWarningCommand",
    "Write-Verbose": _U + "write:WriteVerboseCommand",
    "Write-Debug": _U + "write:WriteDebugCommand",
    "Write-Information": _U + "write:WriteInformationCommand",
}

ALIASES = {
    "echo": "Write-Output",
    "write": "Write-Output",
}
