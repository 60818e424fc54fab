# Turns IMCEAEX NDR addresses into X500 proxy addresses and adds them to the mailbox.
param(
    [Parameter(Mandatory=$true)][string]$Imceaex,
    [Parameter(Mandatory=$true)][string]$Identity
)
$x500 = $Imceaex -replace "IMCEAEX-", "" -replace "@.*$", ""
$x500 = $x500 -replace "_", "/" -replace "\+20", " " -replace "\+28", "(" -replace "\+29", ")" -replace "\+2E", "." -replace "\+5F", "_" -replace "\+40", "@" -replace "\+2C", ","
$x500 = "X500:" + $x500
Write-Host "Adding $x500 to $Identity"
Set-Mailbox -Identity $Identity -EmailAddresses @{add = $x500}
(Get-Mailbox $Identity).EmailAddresses | Where-Object { $_ -like "X500:*" } | ForEach-Object { $_.ToString() }
