"""Microsoft.PowerShell.Core: the snap-in cmdlets."""
MODULE_NAME = "Microsoft.PowerShell.Core"

_C = "pshim.modules.core."

CMDLETS = {
    "Get-PSSnapin": _C + "snapins:GetPSSnapinCommand",
    "Add-PSSnapin": _C + "snapins:AddPSSnapinCommand",
    "Remove-PSSnapin": _C + "snapins:RemovePSSnapinCommand",
}

ALIASES = {
    "gsnp": "Get-PSSnapin",
    "asnp": "Add-PSSnapin",
    "rsnp": "Remove-PSSnapin",
}
