# A bulk change with a safety net: select the connectors with a filter, review them, preview the change
# with -WhatIf, apply it, and check the result. Nothing is changed until the preview looks right.
$filter = { $_.TransportRole -eq 'FrontendTransport' -and $_.ProtocolLoggingLevel -ne 'Verbose' }

# 1. Which connectors would change?
$targets = @(Get-ReceiveConnector | Where-Object $filter)
"{0} connectors have protocol logging off:" -f $targets.Count
$targets | Format-Table Identity, TransportRole, ProtocolLoggingLevel -AutoSize

# 2. Preview: -WhatIf prints what would happen and changes nothing.
$targets | Set-ReceiveConnector -ProtocolLoggingLevel Verbose -WhatIf
"Still off after the preview: {0}" -f @(Get-ReceiveConnector | Where-Object $filter).Count

# 3. Apply, then verify.
$targets | Set-ReceiveConnector -ProtocolLoggingLevel Verbose
"Still off after the change: {0}" -f @(Get-ReceiveConnector | Where-Object $filter).Count
Get-ReceiveConnector -Server Mailbox02 | Format-Table Name, TransportRole, ProtocolLoggingLevel -AutoSize

# Running the same change again is harmless: Exchange warns that nothing was modified.
Set-ReceiveConnector 'Mailbox02\Client Frontend Mailbox02' -ProtocolLoggingLevel Verbose
