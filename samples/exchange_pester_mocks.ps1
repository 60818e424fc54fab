# An admin tests a script of theirs that changes Receive connectors (mocked_exchange\Set-ConnectorFinding.ps1)
# without touching a server: its Pester tests mock Get-TransportService, Test-SmtpConnectivity,
# Set-ReceiveConnector and Get-Date, decide what each server answers, and check what the script would change.
$result = Invoke-Pester -Path "$PSScriptRoot\mocked_exchange" -Output None -PassThru

$result.Tests | ForEach-Object { '{0,-7} {1}' -f $_.Result, $_.ExpandedPath }
''
'{0} tests: {1} passed, {2} failed' -f $result.TotalCount, $result.PassedCount, $result.FailedCount
foreach ($t in $result.Failed) {
    "FAILED $($t.ExpandedPath): $($t.ErrorRecord[0].Exception.Message)"
}
