[CmdletBinding(SupportsShouldProcess=$true)]
param(
    [string[]]$AdminActions = @("Copy","Create","FolderBind","HardDelete","MessageBind","Move","MoveToDeletedItems","SendAs","SendOnBehalf","SoftDelete","Update"),
    [string[]]$DelegateActions = @("Create","HardDelete","SendAs","SendOnBehalf","SoftDelete","Update"),
    [string[]]$OwnerActions = @("HardDelete","MailboxLogin","Move","MoveToDeletedItems","SoftDelete","Update"),
    [timespan]$AgeLimit = [timespan]::FromDays(180)
)
$targets = Get-Mailbox -ResultSize Unlimited -Filter {AuditEnabled -eq $false -and RecipientTypeDetails -ne "DiscoveryMailbox"}
Write-Verbose "$(@($targets).Count) mailboxes without auditing"
$targets | ForEach-Object {
    if ($PSCmdlet.ShouldProcess($_.PrimarySmtpAddress, "Enable auditing")) {
        Set-Mailbox -Identity $_.Identity -AuditEnabled $true -AuditLogAgeLimit $AgeLimit `
            -AuditAdmin $AdminActions -AuditDelegate $DelegateActions -AuditOwner $OwnerActions
    }
}
