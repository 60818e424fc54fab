#Requires -Version 2
<#
.SYNOPSIS
Adds a new SMTP domain to every mailbox and optionally makes it primary.
.PARAMETER OldDomain
.PARAMETER NewDomain
.PARAMETER MakePrimary
#>
param([string]$OldDomain = "contoso.com", [string]$NewDomain = "contoso.net", [switch]$MakePrimary)

$mailboxes = Get-Mailbox -ResultSize Unlimited | Where-Object { $_.EmailAddresses -like "*@$OldDomain" }
foreach ($m in $mailboxes) {
    $addresses = @($m.EmailAddresses | ForEach-Object { $_.ProxyAddressString })
    $local = $m.PrimarySmtpAddress.ToString().Split("@")[0]
    $new = "$local@$NewDomain"
    if ($addresses -contains "smtp:$new" -or $addresses -contains "SMTP:$new") { continue }
    if ($MakePrimary) {
        $addresses = $addresses | ForEach-Object { if ($_ -clike "SMTP:*") { $_ -replace "^SMTP:", "smtp:" } else { $_ } }
        $addresses += "SMTP:$new"
        Set-Mailbox $m.Identity -EmailAddressPolicyEnabled $false -EmailAddresses $addresses
    } else {
        Set-Mailbox $m.Identity -EmailAddresses @{Add = "smtp:$new"}
    }
    "$($m.DisplayName): added $new$(if ($MakePrimary) {' (primary)'})"
}
