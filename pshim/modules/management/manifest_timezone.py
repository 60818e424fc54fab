"""Microsoft.PowerShell.Management: the time zones (Get-TimeZone)."""
MODULE_NAME = "Microsoft.PowerShell.Management"

CMDLETS = {
    "Get-TimeZone": "pshim.modules.management.timezone:GetTimeZoneCommand",
}
