param([int]$Interval = 30, [int]$Threshold = 200, [string]$AlertTo = "noc@contoso.com")
$alerted = @{}
while ($true) {
    $queues = Get-TransportService | ForEach-Object { Get-Queue -Server $_.Name -ErrorAction SilentlyContinue }
    $big = $queues | Where-Object { $_.MessageCount -ge $Threshold }
    foreach ($q in $big) {
        $key = "$($q.Identity)"
        if (-not $alerted[$key] -or ((Get-Date) - $alerted[$key]).TotalMinutes -gt 60) {
            $body = "Queue $key has $($q.MessageCount) messages. Status: $($q.Status). Last error: $($q.LastError)"
            Send-MailMessage -To $AlertTo -From "queuewatch@contoso.com" -Subject "[QUEUE] $key = $($q.MessageCount)" -Body $body -SmtpServer localhost
            $alerted[$key] = Get-Date
        }
    }
    Clear-Host
    $queues | Sort-Object MessageCount -Descending | Select-Object -First 15 Identity, DeliveryType, Status, MessageCount, NextHopDomain | Format-Table -AutoSize
    "Next refresh in $Interval s (Ctrl+C to stop)"
    Start-Sleep -Seconds $Interval
}
