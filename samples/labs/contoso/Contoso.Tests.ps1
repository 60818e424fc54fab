# The built-in lab (Contoso) as a Pester test file: is every transport server's mail flow healthy?
# One Describe per transport server, found in the lab when the tests are discovered (BeforeDiscovery).
#     Reset-PshimLab
#     Invoke-Pester (Split-Path (Get-PshimLab).Definition) -Output Detailed
# On a fresh lab two of Mailbox02's connectors fail: find why, repair, and run it again.

BeforeDiscovery {
    $servers = @(Get-TransportService | ForEach-Object { @{ Name = "$($_.Name)" } })
}

BeforeAll {
    if ($null -eq $PshimSmtpTimeout) { $PshimSmtpTimeout = 2 }
}

Describe 'Transport server <Name>' -ForEach $servers {
    BeforeAll {
        $connectors = @(Get-ReceiveConnector -Server $Name)
        $results = @(Test-SmtpConnectivity $Name -ErrorAction SilentlyContinue)
    }

    It 'has Receive connectors, all enabled' {
        $connectors | Should -Not -BeNullOrEmpty
        @($connectors | Where-Object { -not $_.Enabled }).Identity | Should -BeNullOrEmpty
    }

    It 'answers with Success on every endpoint' {
        $results | Should -Not -BeNullOrEmpty
        @($results | Where-Object { $_.StatusCode -ne 'Success' } | ForEach-Object { "$($_.ReceiveConnector) ($($_.StatusCode))" }) |
            Should -BeNullOrEmpty -Because 'every connector of the server should greet with 220'
    }
}
