# Feed a monitoring system: with -MonitoringContext $true, Test-SmtpConnectivity follows each server's
# results with one MonitoringData object holding the monitoring events and performance counters
# (what Exchange hands to System Center). The events go to a CSV file, the counters to a JSON document,
# both picked up from C:\Monitoring by the monitoring agent.
$PshimSmtpTimeout = 2      # pshim: seconds a probe waits for a connection or a banner (default 10)
$feed = 'C:\Monitoring'
New-Item -ItemType Directory -Path $feed -Force | Out-Null

$output = Get-TransportService | Test-SmtpConnectivity -MonitoringContext $true
$results = @($output | Where-Object { $null -ne $_.StatusCode })
$monitoring = @($output | Where-Object { $null -ne $_.Events })
'{0} endpoint results, {1} monitoring data objects' -f $results.Count, $monitoring.Count

# Events: one summary event per server (1000 = all endpoints answered, 1001 = some failed).
$monitoring.Events |
    Select-Object EventSource, EventIdentifier, EventType, EventMessage |
    Export-Csv -Path "$feed\smtp-events.csv" -NoTypeInformation -Encoding UTF8
Import-Csv -Path "$feed\smtp-events.csv" | Format-Table EventIdentifier, EventType, EventSource -AutoSize

# Counters: one banner latency per endpoint, in milliseconds (-1 when no banner arrived).
$monitoring.PerformanceCounters |
    Select-Object Object, Counter, Instance, Value |
    ConvertTo-Json |
    Set-Content -Path "$feed\smtp-counters.json" -Encoding UTF8
$counters = Get-Content -Path "$feed\smtp-counters.json" -Raw | ConvertFrom-Json
$counters | Group-Object Counter -NoElement | Format-Table Count, Name -AutoSize
'Endpoints without a banner: {0}' -f @($counters | Where-Object { $_.Value -lt 0 }).Count
Get-ChildItem -Path $feed | Sort-Object Name | ForEach-Object Name
