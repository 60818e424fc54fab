"""More Utility/Core/Host cmdlets Exchange admin scripts use: Add-Member,
Select-String, Get-Random, snap-ins, transcripts, mail."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Add-Member": _U + "members_add:AddMemberCommand",
    "Select-String": _U + "select_string:SelectStringCommand",
    "Get-Random": _U + "misc_more:GetRandomCommand",
    "Get-Unique": _U + "misc_more:GetUniqueCommand",
    "New-TimeSpan": _U + "misc_more:NewTimeSpanCommand",
    "Get-Host": _U + "misc_more:GetHostCommand",
    "Get-Culture": _U + "misc_more:GetCultureCommand",
    "Get-UICulture": _U + "misc_more:GetUICultureCommand",
    "Set-StrictMode": _U + "misc_more:SetStrictModeCommand",
    "Write-Progress": _U + "progress:WriteProgressCommand",
    "Get-PSSnapin": _U + "misc_more:GetPSSnapinCommand",
    "Add-PSSnapin": _U + "misc_more:AddPSSnapinCommand",
    "Remove-PSSnapin": _U + "misc_more:RemovePSSnapinCommand",
    "Start-Transcript": _U + "misc_more:StartTranscriptCommand",
    "Stop-Transcript": _U + "misc_more:StopTranscriptCommand",
    "Send-MailMessage": _U + "mail:SendMailMessageCommand",
}

ALIASES = {
    "sls": "Select-String",
    "gu": "Get-Unique",
    "gh": "Get-Host",
    "gsnp": "Get-PSSnapin",
    "asnp": "Add-PSSnapin",
    "rsnp": "Remove-PSSnapin",
}


def _transcript_command_line(session, text):
    """A line typed at the prompt: running transcripts started with -IncludeInvocationHeader note it."""
    from .misc_more import transcript_command_line
    transcript_command_line(session, text)


COMMAND_LINE_HOOKS = (_transcript_command_line,)
