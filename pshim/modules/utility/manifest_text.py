"""Microsoft.PowerShell.Utility: searching text (Select-String) and sending mail (Send-MailMessage)."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Select-String": _U + "select_string:SelectStringCommand",
    "Send-MailMessage": _U + "mail:SendMailMessageCommand",
}

ALIASES = {
    "sls": "Select-String",
}
