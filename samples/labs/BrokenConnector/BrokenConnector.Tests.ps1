# The goals of lab BrokenConnector as a Pester test file: one It per goal, in the words Test-PshimLab uses.
# Start the lab, work on it, then check your work:
#     Reset-PshimLab -Name BrokenConnector
#     Invoke-Pester (Split-Path (Get-PshimLab).Definition) -Output Detailed
# A failing goal says what is still wrong; when every test passes, the lab is done.

BeforeAll {
    # an endpoint that never greets holds each probe until the timeout: keep it short unless you chose one
    if ($null -eq $PshimSmtpTimeout) { $PshimSmtpTimeout = 2 }
}

Describe 'Lab BrokenConnector' {
    BeforeAll {
        $answers421 = Get-ReceiveConnector 'EX02\Client Frontend EX02' -ErrorAction SilentlyContinue
        $neverGreets = Get-ReceiveConnector 'EX01\Default Frontend EX01' -ErrorAction SilentlyContinue
        $connectors = @(Get-ReceiveConnector)
        $results = @(Get-TransportService | Test-SmtpConnectivity -ErrorAction SilentlyContinue)
    }

    It 'The connector that answers 421 says so in its Comment' {
        $answers421 | Should -Not -BeNullOrEmpty -Because 'EX02\Client Frontend EX02 is the one to document, not remove'
        $answers421.Comment | Should -Match '421' -Because 'its Comment records what the server answered'
    }

    It 'The connector that never greets says so in its Comment (no banner)' {
        $neverGreets | Should -Not -BeNullOrEmpty -Because 'EX01\Default Frontend EX01 is the one to document, not remove'
        $neverGreets.Comment | Should -Match 'banner' -Because 'its Comment records that no banner came'
    }

    It 'Every Receive connector is enabled and every endpoint answers with Success' {
        $connectors | Should -Not -BeNullOrEmpty
        @($connectors | Where-Object { -not $_.Enabled }).Identity | Should -BeNullOrEmpty -Because 'a disabled connector is not a repair'
        $results | Should -Not -BeNullOrEmpty
        @($results | Where-Object { $_.StatusCode -ne 'Success' } | ForEach-Object { "$($_.Server)\$($_.ReceiveConnector)" }) |
            Should -BeNullOrEmpty -Because 'Test-SmtpConnectivity should report no endpoint that fails'
    }
}
