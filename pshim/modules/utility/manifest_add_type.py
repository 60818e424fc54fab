"""Microsoft.PowerShell.Utility: Add-Type (assemblies pshim emulates; no compilation)."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

CMDLETS = {
    "Add-Type": "pshim.modules.utility.add_type:AddTypeCommand",
}
