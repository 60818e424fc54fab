###############################################################################
# ActiveSync device report
# Lists every device partnership with its last sync time and flags stale ones.
###############################################################################

param($StaleDays = 30, $Output = "C:\Reports\ActiveSync.csv")

$cutoff = (Get-Date).AddDays(-1 * $StaleDays)
$report = @()

$mailboxes = Get-CASMailbox -ResultSize Unlimited -Filter {HasActiveSyncDevicePartnership -eq $true}
Write-Host "Found" $mailboxes.Count "mailboxes with devices"

foreach ($mb in $mailboxes) {
    $devices = Get-MobileDeviceStatistics -Mailbox $mb.Identity -ErrorAction SilentlyContinue
    foreach ($d in $devices) {
        $item = "" | Select-Object User, DeviceType, DeviceModel, DeviceOS, FirstSync, LastSync, Stale, Policy
        $item.User = $mb.DisplayName
        $item.DeviceType = $d.DeviceType
        $item.DeviceModel = $d.DeviceModel
        $item.DeviceOS = $d.DeviceOS
        $item.FirstSync = $d.FirstSyncTime
        $item.LastSync = $d.LastSuccessSync
        $item.Stale = ($d.LastSuccessSync -lt $cutoff)
        $item.Policy = $d.DevicePolicyApplied
        $report += $item
    }
}

$report | Sort-Object LastSync | Export-Csv $Output -NoTypeInformation
$stale = ($report | Where-Object {$_.Stale}).Count
Write-Host ("{0} devices, {1} stale (no sync since {2:d})" -f $report.Count, $stale, $cutoff)

# summary by OS
$report | Group-Object DeviceOS | Sort-Object Count -Descending | Select-Object Count, Name | Format-Table -AutoSize
