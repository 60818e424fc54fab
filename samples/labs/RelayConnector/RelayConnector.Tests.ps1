# The goals of lab RelayConnector as a Pester test file: one It per goal, in the words Test-PshimLab uses.
# Start the lab, work on it, then check your work:
#     Reset-PshimLab -Name RelayConnector
#     Invoke-Pester (Split-Path (Get-PshimLab).Definition) -Output Detailed
# A failing goal says what is still wrong; when every test passes, the lab is done.

BeforeAll {
    if ($null -eq $PshimSmtpTimeout) { $PshimSmtpTimeout = 2 }
    $apps = '127.0.22.50', '127.0.22.51'
}

Describe 'Lab RelayConnector' {
    Context 'Application Relay' {
        BeforeAll {
            $relay = Get-ReceiveConnector 'TS-EX01\Application Relay' -ErrorAction SilentlyContinue
        }

        It "TS-EX01 has a Receive connector named 'Application Relay'" {
            $relay | Should -Not -BeNullOrEmpty -Because 'New-ReceiveConnector -Server TS-EX01 makes it'
        }

        It 'It runs in the Front End Transport service and listens on port 25' {
            $relay | Should -Not -BeNullOrEmpty -Because 'there is no Application Relay connector yet'
            "$($relay.TransportRole)" | Should -Be 'FrontendTransport'
            @($relay.Bindings).Port | Should -Not -BeNullOrEmpty
            @($relay.Bindings | Where-Object { $_.Port -ne 25 }) | Should -HaveCount 0 -Because 'every binding is on port 25'
        }

        It 'It accepts 127.0.22.50 and 127.0.22.51 and no other address' {
            $relay | Should -Not -BeNullOrEmpty -Because 'there is no Application Relay connector yet'
            $bounds = @($relay.RemoteIPRanges | ForEach-Object { "$($_.LowerBound)"; "$($_.UpperBound)" })
            $bounds | Where-Object { $_ -notin $apps } | Should -BeNullOrEmpty -Because 'only the two applications may use it'
            $bounds | Sort-Object -Unique | Should -Be $apps
        }

        It 'They may relay without signing in (ExchangeServers with ExternalAuthoritative)' {
            $relay | Should -Not -BeNullOrEmpty -Because 'there is no Application Relay connector yet'
            "$($relay.PermissionGroups)" | Should -Match 'ExchangeServers'
            "$($relay.AuthMechanism)" | Should -Match 'ExternalAuthoritative'
        }

        It 'It logs every SMTP session (ProtocolLoggingLevel Verbose)' {
            $relay | Should -Not -BeNullOrEmpty -Because 'there is no Application Relay connector yet'
            "$($relay.ProtocolLoggingLevel)" | Should -Be 'Verbose'
        }

        It 'It answers with Success on every endpoint' {
            $relay | Should -Not -BeNullOrEmpty -Because 'there is no Application Relay connector yet'
            $relay.Enabled | Should -BeTrue
            $tested = @(Test-SmtpConnectivity TS-EX01 -ErrorAction SilentlyContinue |
                Where-Object { $_.ReceiveConnector -eq 'Application Relay' })
            $tested | Should -Not -BeNullOrEmpty
            $tested.StatusCode | Should -Be 'Success'
        }
    }

    It 'Default Frontend TS-EX01 still accepts mail from everyone on port 25' {
        $frontend = Get-ReceiveConnector 'TS-EX01\Default Frontend TS-EX01' -ErrorAction SilentlyContinue
        $frontend | Should -Not -BeNullOrEmpty
        $frontend.Enabled | Should -BeTrue
        @($frontend.RemoteIPRanges | ForEach-Object { "$_" }) | Should -Contain '0.0.0.0-255.255.255.255'
        @($frontend.Bindings).Port | Should -Contain 25
    }
}
