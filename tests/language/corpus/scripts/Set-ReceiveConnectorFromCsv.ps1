<#
.SYNOPSIS
  Synchronises the RemoteIPRanges of a relay connector with a CSV (IP,Owner,Expires).
.NOTES
  Rows whose Expires date is in the past are dropped.
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
  [Parameter(Mandatory = $true)][string]$Connector,
  [Parameter(Mandatory = $true)][string]$CsvPath,
  [switch]$Backup
)
$rc = Get-ReceiveConnector -Identity $Connector
if ($Backup) {
  $stamp = Get-Date -Format 'yyyyMMddHHmmss'
  $rc.RemoteIPRanges | ForEach-Object { $_.ToString() } | Set-Content -Path ".\$($rc.Name -replace '[\\/:*?""<>|]', '_')_$stamp.txt"
}
$today = (Get-Date).Date
$wanted = Import-Csv $CsvPath | Where-Object {
  -not $_.Expires -or [datetime]::Parse($_.Expires) -ge $today
} | ForEach-Object { $_.IP.Trim() } | Sort-Object -Unique
$current = @($rc.RemoteIPRanges | ForEach-Object { $_.ToString() })
$toAdd = @($wanted | Where-Object { $current -notcontains $_ })
$toRemove = @($current | Where-Object { $wanted -notcontains $_ })
"Add: {0}  Remove: {1}" -f ($toAdd -join ', '), ($toRemove -join ', ')
if (($toAdd.Count + $toRemove.Count) -gt 0 -and $PSCmdlet.ShouldProcess($rc.Identity, "Update RemoteIPRanges")) {
  Set-ReceiveConnector -Identity $rc.Identity -RemoteIPRanges @{Add = $toAdd; Remove = $toRemove}
}
