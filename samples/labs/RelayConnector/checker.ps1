# The goals of lab RelayConnector, checked by Test-PshimLab (about_PshimLab: WRITING A LAB).
# Outputs one object per goal: Goal (plain words) and Done ($true when reached).
$apps = '127.0.22.50', '127.0.22.51'
$relay = Get-ReceiveConnector 'TS-EX01\Application Relay' -ErrorAction SilentlyContinue
$exists = $null -ne $relay

[pscustomobject]@{
    Goal = "TS-EX01 has a Receive connector named 'Application Relay'"
    Done = $exists
}
[pscustomobject]@{
    Goal = 'It runs in the Front End Transport service and listens on port 25'
    Done = $exists -and "$($relay.TransportRole)" -eq 'FrontendTransport' -and @($relay.Bindings).Count -gt 0 -and
           @($relay.Bindings | Where-Object { $_.Port -ne 25 }).Count -eq 0
}

# every remote range lies within the two addresses, and both addresses are covered
$bounds = @($relay.RemoteIPRanges | ForEach-Object { "$($_.LowerBound)"; "$($_.UpperBound)" })
[pscustomobject]@{
    Goal = 'It accepts 127.0.22.50 and 127.0.22.51 and no other address'
    Done = $exists -and @($bounds | Where-Object { $_ -notin $apps }).Count -eq 0 -and
           @($bounds | Sort-Object -Unique).Count -eq 2
}
[pscustomobject]@{
    Goal = 'They may relay without signing in (ExchangeServers with ExternalAuthoritative)'
    Done = $exists -and "$($relay.PermissionGroups)" -match 'ExchangeServers' -and
           "$($relay.AuthMechanism)" -match 'ExternalAuthoritative'
}
[pscustomobject]@{
    Goal = 'It logs every SMTP session (ProtocolLoggingLevel Verbose)'
    Done = $exists -and "$($relay.ProtocolLoggingLevel)" -eq 'Verbose'
}

$tested = @()
if ($exists -and $relay.Enabled) {
    $tested = @(Test-SmtpConnectivity TS-EX01 -ErrorAction SilentlyContinue |
        Where-Object { $_.ReceiveConnector -eq 'Application Relay' })
}
[pscustomobject]@{
    Goal = 'It answers with Success on every endpoint'
    Done = $tested.Count -gt 0 -and @($tested | Where-Object { $_.StatusCode -ne 'Success' }).Count -eq 0
}

$frontend = Get-ReceiveConnector 'TS-EX01\Default Frontend TS-EX01' -ErrorAction SilentlyContinue
[pscustomobject]@{
    Goal = 'Default Frontend TS-EX01 still accepts mail from everyone on port 25'
    Done = $null -ne $frontend -and $frontend.Enabled -and
           @($frontend.RemoteIPRanges | Where-Object { "$_" -eq '0.0.0.0-255.255.255.255' }).Count -eq 1 -and
           @($frontend.Bindings | Where-Object { $_.Port -eq 25 }).Count -gt 0
}
