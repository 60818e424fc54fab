# Daily SMTP check, run by a task scheduler: test every endpoint of every transport server, keep an
# HTML report under C:\Reports, print a short summary for the job log, and end with exit code 1 when
# any endpoint failed so the scheduler marks the run as failed.
$PshimSmtpTimeout = 2      # pshim: seconds a probe waits for a connection or a banner (default 10)
$reportFolder = 'C:\Reports'
$reportPath = Join-Path $reportFolder 'smtp-daily.html'

$results = @(Get-TransportService | Test-SmtpConnectivity)
$failed = @($results | Where-Object { $_.StatusCode -ne 'Success' })

# The HTML report: a small style sheet in <head>, a heading and the verdict above the table.
$css = @'
<style>
body  { font-family: Segoe UI, Arial, sans-serif; font-size: 10pt; }
table { border-collapse: collapse; }
th    { background: #4f6228; color: white; }
td, th { border: 1px solid #999; padding: 2px 8px; }
</style>
'@
$verdict = if ($failed.Count) { "$($failed.Count) of $($results.Count) endpoints failed" } else { "All $($results.Count) endpoints answered" }
$pre = "<h1>SMTP receive connectors</h1><p>$verdict</p>"
New-Item -ItemType Directory -Path $reportFolder -Force | Out-Null
$results |
    Select-Object Server, ReceiveConnector, Binding, EndPoint, StatusCode, Details |
    ConvertTo-Html -Head $css -PreContent $pre |
    Out-File -FilePath $reportPath -Encoding utf8

# The job log: one line per server, then the failures with what the server said.
$results | Group-Object Server | ForEach-Object {
    $bad = @($_.Group | Where-Object { $_.StatusCode -ne 'Success' }).Count
    '{0}: {1} endpoints tested, {2} failed' -f $_.Name, $_.Count, $bad
}
foreach ($r in $failed) {
    Write-Warning ('{0} {1} ({2}): {3}: {4}' -f $r.Server, $r.ReceiveConnector, $r.EndPoint, $r.StatusCode, $r.Details)
}
$failed | Format-Table Server, ReceiveConnector, EndPoint, StatusCode -AutoSize
"Report: $reportPath ($((Select-String -Path $reportPath -Pattern '<tr>').Count - 1) rows)"

if ($failed.Count -gt 0) {
    exit 1
}
