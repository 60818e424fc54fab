param([switch]$ApproveAll)

data Messages {
    ConvertFrom-StringData @'
    Header = Quarantined ActiveSync devices
    None = No quarantined device.
    Approve = Approving device {0} for {1}
'@
}
Write-Host $Messages.Header -ForegroundColor Cyan
$q = Get-MobileDevice -ResultSize Unlimited | Where-Object { $_.DeviceAccessState -eq "Quarantined" }
if (-not $q) { Write-Host $Messages.None; return }
$q | Format-Table UserDisplayName, DeviceModel, DeviceOS, FirstSyncTime -AutoSize
if ($ApproveAll) {
    foreach ($d in $q) {
        Write-Host ($Messages.Approve -f $d.DeviceId, $d.UserDisplayName)
        $owner = ($d.Identity -split '\\')[0]
        Set-CASMailbox -Identity $owner -ActiveSyncAllowedDeviceIDs @{Add = $d.DeviceId}
    }
}
