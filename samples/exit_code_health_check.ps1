# A scheduled health check: warnings for degraded servers, a summary line, and the number of
# failed checks as the exit code (what a task scheduler or monitoring agent looks at).
param([int]$MaxQueue = 100)

$checks = @(
    [pscustomobject]@{ Server = 'EX01'; Queue = 12;  Service = 'Running' }
    [pscustomobject]@{ Server = 'EX02'; Queue = 340; Service = 'Running' }
    [pscustomobject]@{ Server = 'EX03'; Queue = 0;   Service = 'Stopped' }
)
$failed = 0
foreach ($c in $checks) {
    $problems = @()
    if ($c.Queue -gt $MaxQueue) { $problems += "queue $($c.Queue) > $MaxQueue" }
    if ($c.Service -ne 'Running') { $problems += "service $($c.Service.ToLower())" }
    if ($problems.Count) {
        $failed++
        Write-Warning ("{0}: {1}" -f $c.Server, ($problems -join ', '))
    }
    else {
        "{0}: healthy" -f $c.Server
    }
}
"$failed of $($checks.Count) checks failed"
exit $failed
