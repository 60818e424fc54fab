# The instructor's solution of lab RelayConnector.
$apps = '127.0.22.50', '127.0.22.51'

# A Custom connector in the Front End Transport service, on port 25, for the two applications only.
$relay = New-ReceiveConnector -Name 'Application Relay' -Server TS-EX01 -TransportRole FrontendTransport -Custom `
    -Bindings 0.0.0.0:25 -RemoteIPRanges $apps

# They relay without signing in: treated as trusted internal senders. Log every session.
Set-ReceiveConnector $relay -PermissionGroups ExchangeServers -AuthMechanism ExternalAuthoritative `
    -ProtocolLoggingLevel Verbose -Comment 'Relay for the scanner and the ERP server'

# Verify.
Test-SmtpConnectivity TS-EX01 | Where-Object ReceiveConnector -eq 'Application Relay'
Get-ReceiveConnector 'TS-EX01\Application Relay' |
    Format-List Identity, TransportRole, Bindings, RemoteIPRanges, PermissionGroups, AuthMechanism, ProtocolLoggingLevel
