<#
.SYNOPSIS
Creates a shared mailbox plus a security group that gets FullAccess and SendAs.
.EXAMPLE
.\New-SharedMailboxWithGroup.ps1 -Name "Accounts Payable" -Alias ap -Members alice,bob
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)][ValidateLength(1, 64)][string]$Name,
    [Parameter(Mandatory)][ValidatePattern('^[a-z0-9.-]+$')][string]$Alias,
    [string[]]$Members = @(),
    [string]$GroupOU = "contoso.com/Groups/Mailbox Access",
    [switch]$NoAutoMapping
)

$groupName = "MBX-$Alias-FullAccess"
$mbx = Get-Mailbox -Identity $Alias -ErrorAction SilentlyContinue
if (-not $mbx) {
    if ($PSCmdlet.ShouldProcess($Name, "New shared mailbox")) {
        $mbx = New-Mailbox -Shared -Name $Name -Alias $Alias -DisplayName $Name
        Start-Sleep -Seconds 5   # let AD replicate
    }
}
$group = Get-DistributionGroup -Identity $groupName -ErrorAction SilentlyContinue
if (-not $group) {
    $group = New-DistributionGroup -Name $groupName -Type Security -OrganizationalUnit $GroupOU -Members $Members
    Set-DistributionGroup $group -HiddenFromAddressListsEnabled $true
} else {
    $Members | ForEach-Object { Add-DistributionGroupMember $groupName -Member $_ -ErrorAction SilentlyContinue }
}
Add-MailboxPermission -Identity $mbx.Identity -User $groupName -AccessRights FullAccess -InheritanceType All -AutoMapping (-not $NoAutoMapping) | Out-Null
Add-ADPermission -Identity $mbx.Name -User $groupName -ExtendedRights "Send As" | Out-Null
Get-MailboxPermission $mbx.Identity | Where-Object { $_.User -like "*$groupName" } | Format-Table Identity, User, AccessRights
