<#
.SYNOPSIS
Top senders and recipients from message tracking logs for a time window.
#>
[CmdletBinding()]
param(
  [datetime]$Start = (Get-Date).Date.AddDays(-1),
  [datetime]$End = (Get-Date).Date,
  [int]$Top = 20,
  [ValidateSet("Sender","Recipient","Both")][string]$By = "Both"
)

$logs = Get-TransportService | Get-MessageTrackingLog -Start $Start -End $End -ResultSize Unlimited -EventId DELIVER |
  Select-Object Timestamp, Sender, Recipients, TotalBytes, MessageSubject

Write-Verbose ("{0:N0} deliveries between {1} and {2}" -f $logs.Count, $Start, $End)

if ($By -in "Sender","Both") {
  "`n=== Top $Top senders ==="
  $logs | Group-Object Sender -NoElement | Sort-Object Count -Descending | Select-Object -First $Top |
    Format-Table @{n='Messages';e={$_.Count}}, @{n='Sender';e={$_.Name}} -AutoSize
}

if ($By -in "Recipient","Both") {
  "`n=== Top $Top recipients ==="
  $logs | ForEach-Object { $_.Recipients } | Group-Object -NoElement | Sort-Object Count -Descending |
    Select-Object -First $Top | Format-Table Count, Name -AutoSize
}

$bytes = ($logs | Measure-Object TotalBytes -Sum -Average)
"Total volume: {0:N1} MB, average message {1:N0} KB" -f ($bytes.Sum / 1MB), ($bytes.Average / 1KB)

$byHour = $logs | Group-Object { $_.Timestamp.Hour } | Sort-Object { [int]$_.Name }
foreach ($h in $byHour) {
  $bar = "#" * [math]::Ceiling($h.Count / [math]::Max(1, ($logs.Count / 200)))
  "{0:00}:00 {1,7:N0} {2}" -f [int]$h.Name, $h.Count, $bar
}
