# The instructor's solution of lab BrokenConnector: find, document, repair, verify.
$PshimSmtpTimeout = 2

# 1. Find: every endpoint that does not answer with Success.
$failed = @(Get-TransportService | Test-SmtpConnectivity | Where-Object { $_.StatusCode -ne 'Success' })
$failed | Format-Table Server, ReceiveConnector, EndPoint, StatusCode, Details -AutoSize

# 2. Document: what was seen goes into each broken connector's Comment.
foreach ($f in $failed) {
    Set-ReceiveConnector "$($f.Server)\$($f.ReceiveConnector)" -Comment "$($f.StatusCode): $($f.Details)"
}

# 3. Repair (in the lab: clear the injected fault), then verify.
foreach ($f in $failed) {
    Set-PshimLabFault "$($f.Server)\$($f.ReceiveConnector)" None
}
Get-TransportService | Test-SmtpConnectivity | Group-Object StatusCode -NoElement
