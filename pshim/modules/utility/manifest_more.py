"""More Utility/Core/Security/Host cmdlets Exchange admin scripts use: Add-Member,
Select-String, Get-Random, snap-ins and modules, transcripts, credentials, mail."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Add-Member": _U + "members_add:AddMemberCommand",
    "Select-String": _U + "select_string:SelectStringCommand",
}

ALIASES = {
    "sls": "Select-String",
}
