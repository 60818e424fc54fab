# The instructor's solution of lab PermanentError.
$PshimSmtpTimeout = 2

# 1. The Permanent error: which connector, and what did the server say?
$r = Get-TransportService | Test-SmtpConnectivity
$r | Where-Object StatusCode -eq 'Permanent error' | Format-List Server, ReceiveConnector, EndPoint, StatusCode, Details
Get-ReceiveConnector 'NW-EX02\Legacy Scanner Relay' | Format-List Identity, Enabled, Bindings, Comment

# Its Comment says it is retired and refuses mail until it is removed: remove it.
Remove-ReceiveConnector 'NW-EX02\Legacy Scanner Relay' -Confirm:$false

# 2. The partner's connector is missing from the report because it is disabled.
Get-ReceiveConnector | Where-Object { -not $_.Enabled } | Format-Table Identity, Bindings, RemoteIPRanges -AutoSize
Set-ReceiveConnector 'NW-EX01\Partner Inbound' -Enabled $true

# 3. The nightly check, clean.
Get-TransportService | Test-SmtpConnectivity | Where-Object StatusCode -ne 'Success'
'{0} endpoints tested' -f @(Get-TransportService | Test-SmtpConnectivity).Count
