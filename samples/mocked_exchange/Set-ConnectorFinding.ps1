# Set-ConnectorFinding: test every endpoint of every transport server; record each failure in its Receive
# connector's Comment (dated, with what the server said), and with -Disable take a connector that refuses
# mail for good (a Permanent error) out of service. Outputs one object per failing endpoint.
function Set-ConnectorFinding {
    [CmdletBinding(SupportsShouldProcess)]
    param([switch] $Disable)

    foreach ($server in Get-TransportService) {
        foreach ($r in Test-SmtpConnectivity -Identity $server.Name) {
            if ($r.StatusCode -eq 'Success') { continue }
            $id = "$($r.Server)\$($r.ReceiveConnector)"
            $note = '{0} {1}: {2}' -f (Get-Date -Format 'yyyy-MM-dd'), $r.StatusCode, $r.Details
            if ($PSCmdlet.ShouldProcess($id, 'Record the finding in the Comment')) {
                Set-ReceiveConnector -Identity $id -Comment $note
            }
            $off = $Disable -and $r.StatusCode -eq 'Permanent error'
            if ($off -and $PSCmdlet.ShouldProcess($id, 'Disable the connector')) {
                Set-ReceiveConnector -Identity $id -Enabled $false
            }
            [pscustomobject]@{ Connector = $id; StatusCode = $r.StatusCode; Disabled = [bool]$off }
        }
    }
}
