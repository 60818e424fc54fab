"""Microsoft.PowerShell.Core: Set-StrictMode."""
MODULE_NAME = "Microsoft.PowerShell.Core"

CMDLETS = {
    "Set-StrictMode": "pshim.modules.core.strict_mode:SetStrictModeCommand",
}
