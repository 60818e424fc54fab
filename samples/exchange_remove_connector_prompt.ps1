# Remove-ReceiveConnector asks for confirmation: its ConfirmImpact is High. A script run unattended
# (a scheduled task, pshim -NonInteractive) has nobody to answer, so the command fails and the connector
# stays; answer the question in advance with -Confirm:$false.
New-ReceiveConnector -Name 'Temp Migration' -Server Mailbox02 -Bindings 0.0.0.0:2526 -RemoteIPRanges 127.0.10.60 | Out-Null

Remove-ReceiveConnector 'Mailbox02\Temp Migration'
'After the prompt: {0} connector(s) named Temp Migration' -f @(Get-ReceiveConnector -Server Mailbox02 | Where-Object Name -eq 'Temp Migration').Count

Remove-ReceiveConnector 'Mailbox02\Temp Migration' -Confirm:$false
'After -Confirm:$false: {0} connector(s) named Temp Migration' -f @(Get-ReceiveConnector -Server Mailbox02 | Where-Object Name -eq 'Temp Migration').Count
