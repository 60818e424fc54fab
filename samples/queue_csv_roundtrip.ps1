# Export queue statistics to CSV under C:\Reports, show the file, read it back with Import-Csv.
$reportDir = 'C:\Reports\Queues'
New-Item -ItemType Directory -Path $reportDir -Force | Out-Null
$queues = @(
    [pscustomobject]@{ Identity = 'EX01\Submission'; DeliveryType = 'Undefined';               Status = 'Ready';  MessageCount = 0 }
    [pscustomobject]@{ Identity = 'EX01\3';          DeliveryType = 'SmtpRelayToRemoteAdSite'; Status = 'Retry';  MessageCount = 42 }
    [pscustomobject]@{ Identity = 'EX02\7';          DeliveryType = 'DnsConnectorDelivery';    Status = 'Active'; MessageCount = 7 }
)
$path = Join-Path $reportDir 'queues.csv'
$path
$queues | Export-Csv -Path $path -NoTypeInformation
Get-Content $path

# Import-Csv gives back strings: cast before comparing numerically.
$back = Import-Csv $path
$back | Where-Object { [int]$_.MessageCount -gt 5 } | Format-Table Identity, Status, MessageCount
$back[0].MessageCount.GetType().FullName
'Queued messages: ' + ($back | Measure-Object MessageCount -Sum).Sum
($back | Sort-Object { [int]$_.MessageCount } -Descending | Select-Object -First 1).Identity

# Without -NoTypeInformation 5.1 writes the #TYPE line first.
$queues | Select-Object -First 1 Identity, Status | ConvertTo-Csv
$queues | Select-Object Identity, MessageCount | ConvertTo-Csv -NoTypeInformation -Delimiter ';'
'"Name","Value"', '"a","1"', '"b"' | ConvertFrom-Csv | ForEach-Object { "$($_.Name)=[$($_.Value)] null:$($null -eq $_.Value)" }
