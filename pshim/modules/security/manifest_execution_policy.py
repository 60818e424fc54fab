"""Microsoft.PowerShell.Security: execution policies (recorded per scope, not enforced)."""
MODULE_NAME = "Microsoft.PowerShell.Security"

_E = "pshim.modules.security.execution_policy:"

CMDLETS = {
    "Get-ExecutionPolicy": _E + "GetExecutionPolicyCommand",
    "Set-ExecutionPolicy": _E + "SetExecutionPolicyCommand",
}
