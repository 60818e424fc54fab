"""Microsoft.PowerShell.Management: Get-WmiObject for the classes pshim answers from this machine."""
MODULE_NAME = "Microsoft.PowerShell.Management"

CMDLETS = {
    "Get-WmiObject": "pshim.modules.management.cim:GetWmiObjectCommand",
}

ALIASES = {
    "gwmi": "Get-WmiObject",
}
