# The goals of lab BrokenConnector, checked by Test-PshimLab (about_PshimLab: WRITING A LAB).
# Outputs one object per goal: Goal (plain words) and Done ($true when reached).
$answers421 = Get-ReceiveConnector 'EX02\Client Frontend EX02' -ErrorAction SilentlyContinue
$neverGreets = Get-ReceiveConnector 'EX01\Default Frontend EX01' -ErrorAction SilentlyContinue

[pscustomobject]@{
    Goal = 'The connector that answers 421 says so in its Comment'
    Done = $null -ne $answers421 -and $answers421.Comment -match '421'
}
[pscustomobject]@{
    Goal = 'The connector that never greets says so in its Comment (no banner)'
    Done = $null -ne $neverGreets -and $neverGreets.Comment -match 'banner'
}

$connectors = @(Get-ReceiveConnector)
$results = @(Get-TransportService | Test-SmtpConnectivity -ErrorAction SilentlyContinue)
[pscustomobject]@{
    Goal = 'Every Receive connector is enabled and every endpoint answers with Success'
    Done = $connectors.Count -gt 0 -and
           @($connectors | Where-Object { -not $_.Enabled }).Count -eq 0 -and
           $results.Count -gt 0 -and
           @($results | Where-Object { $_.StatusCode -ne 'Success' }).Count -eq 0
}
