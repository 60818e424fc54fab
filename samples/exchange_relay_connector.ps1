# A relay connector for applications (scanners, a line-of-business app) built the way Exchange's
# documentation builds one: a Custom Receive connector in the Front End Transport service on port 25,
# open only to the applications' addresses, then allowed to relay, then verified.
$PshimSmtpTimeout = 2      # pshim: seconds a probe waits for a connection or a banner (default 10)
$apps = '127.0.10.50', '127.0.10.51'      # the applications that may relay (loopback addresses in the lab)

# 1. Create it: Custom usage, Front End Transport, port 25 on every address, only the apps' addresses.
$relay = New-ReceiveConnector -Name 'Relay Apps' -TransportRole FrontendTransport -Custom `
    -Bindings 0.0.0.0:25 -RemoteIPRanges $apps -Server Mailbox01
"Created $($relay.Identity) for $($relay.RemoteIPRanges -join ', ')"

# 2. Let the applications relay without authenticating: their mail is treated as coming from inside
#    the organisation. Log every session, and say in the Comment who owns the connector.
Set-ReceiveConnector $relay -PermissionGroups ExchangeServers -AuthMechanism ExternalAuthoritative
Set-ReceiveConnector $relay -ProtocolLoggingLevel Verbose -Comment 'Relay for scanners and the ERP; owner: messaging team'

# 3. Verify: the connector answers on its endpoint, and its settings are what was asked for.
Test-SmtpConnectivity Mailbox01 | Where-Object ReceiveConnector -eq 'Relay Apps' |
    Format-Table Server, ReceiveConnector, Binding, EndPoint, StatusCode -AutoSize
Get-ReceiveConnector 'Mailbox01\Relay Apps' | Format-List Identity, Enabled, TransportRole, Bindings,
    RemoteIPRanges, PermissionGroups, AuthMechanism, ProtocolLoggingLevel, Comment
