$holds = Get-Mailbox -ResultSize Unlimited -Filter "LitigationHoldEnabled -eq `$true -or InPlaceHolds -ne `$null" |
  Select-Object DisplayName, PrimarySmtpAddress, LitigationHoldEnabled, LitigationHoldDate, LitigationHoldOwner,
    @{Name = "Duration"; Expression = { if ($_.LitigationHoldDuration -eq "Unlimited") { "Unlimited" } else { $_.LitigationHoldDuration.Value.Days } }},
    @{Name = "InPlaceHolds"; Expression = { $_.InPlaceHolds -join ";" }},
    @{Name = "RecoverableGB"; Expression = { [math]::Round((Get-MailboxFolderStatistics $_.Identity -FolderScope RecoverableItems | Where-Object { $_.Name -eq "Recoverable Items" }).FolderAndSubfolderSize.ToBytes() / 1GB, 2) }}
$holds | Sort-Object RecoverableGB -Descending | Format-Table -AutoSize
$holds | Export-Csv .\holds.csv -NoTypeInformation
