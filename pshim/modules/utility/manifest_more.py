"""More Utility/Core/Security/Host cmdlets Exchange admin scripts use: Add-Member,
Select-String, Get-Random, snap-ins and modules, transcripts, credentials, mail."""
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
    "Write-Progress": _U + "misc_more:WriteProgressCommand",
    "Get-PSSnapin": _U + "misc_more:GetPSSnapinCommand",
    "Add-PSSnapin": _U + "misc_more:AddPSSnapinCommand",
    "Remove-PSSnapin": _U + "misc_more:RemovePSSnapinCommand",
    "Import-Module": _U + "misc_more:ImportModuleCommand",
    "Get-Module": _U + "misc_more:GetModuleCommand",
    "Remove-Module": _U + "misc_more:RemoveModuleCommand",
    "Start-Transcript": _U + "misc_more:StartTranscriptCommand",
    "Stop-Transcript": _U + "misc_more:StopTranscriptCommand",
    "Get-Credential": _U + "misc_more:GetCredentialCommand",
    "ConvertTo-SecureString": _U + "misc_more:ConvertToSecureStringCommand",
    "ConvertFrom-SecureString": _U + "misc_more:ConvertFromSecureStringCommand",
    "Send-MailMessage": _U + "mail:SendMailMessageCommand",
}

ALIASES = {
    "sls": "Select-String",
    "gu": "Get-Unique",
    "gh": "Get-Host",
    "gsnp": "Get-PSSnapin",
    "asnp": "Add-PSSnapin",
    "rsnp": "Remove-PSSnapin",
    "ipmo": "Import-Module",
    "gmo": "Get-Module",
    "rmo": "Remove-Module",
}


def on_load(table):
    """[pscredential] and [securestring] as type literals: `New-Object PSCredential ($user, $pass)`,
    `[pscredential]::new(...)`. The classes load only when such a type is first used."""
    from ...runtime.types import register_type, PSType

    def _cls(name):
        from . import misc_more
        return getattr(misc_more, name)

    def _cred(value):
        from ...runtime.psobject import unwrap
        v = unwrap(value)
        if isinstance(v, _cls("PSCredential")):
            return v
        if isinstance(v, (list, tuple)) and len(v) == 2:
            return _cls("PSCredential")(v[0], v[1])
        from ...runtime.conversion import cast_error
        raise cast_error(value, "System.Management.Automation.PSCredential")

    register_type(PSType("System.Management.Automation.PSCredential", _cred,
                         lambda v: isinstance(v, _cls("PSCredential"))), "pscredential")
    register_type(PSType("System.Security.SecureString", None,
                         lambda v: isinstance(v, _cls("SecureString"))), "securestring")
