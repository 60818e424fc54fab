# The goals of lab PermanentError as a Pester test file: one It per goal, in the words Test-PshimLab uses.
# Start the lab, work on it, then check your work:
#     Reset-PshimLab -Name PermanentError
#     Invoke-Pester (Split-Path (Get-PshimLab).Definition) -Output Detailed
# A failing goal says what is still wrong; when every test passes, the lab is done.

BeforeAll {
    if ($null -eq $PshimSmtpTimeout) { $PshimSmtpTimeout = 2 }
}

Describe 'Lab PermanentError' {
    BeforeAll {
        $results = @(Get-TransportService | Test-SmtpConnectivity -ErrorAction SilentlyContinue)
        $partner = Get-ReceiveConnector 'NW-EX01\Partner Inbound' -ErrorAction SilentlyContinue
    }

    It 'The nightly check reports no Permanent error' {
        $results | Should -Not -BeNullOrEmpty
        @($results | Where-Object { $_.StatusCode -eq 'Permanent error' } | ForEach-Object { "$($_.Server)\$($_.ReceiveConnector)" }) |
            Should -BeNullOrEmpty -Because 'no connector should refuse mail with a 5xx greeting'
    }

    It 'The retired connector is removed (not just disabled)' {
        Get-ReceiveConnector 'NW-EX02\Legacy Scanner Relay' -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty -Because 'its Comment says it is retired'
    }

    Context "The partner's connector" {
        It "The partner's connector is enabled" {
            $partner | Should -Not -BeNullOrEmpty -Because 'NW-EX01\Partner Inbound is still needed'
            $partner.Enabled | Should -BeTrue -Because 'a disabled connector is never tested, and never receives mail'
        }

        It "The partner's connector answers with Success" {
            $mine = @($results | Where-Object { $_.Server -eq 'NW-EX01' -and $_.ReceiveConnector -eq 'Partner Inbound' })
            $mine | Should -Not -BeNullOrEmpty -Because 'Test-SmtpConnectivity tests only enabled connectors'
            $mine.StatusCode | Should -Be 'Success'
        }
    }
}
