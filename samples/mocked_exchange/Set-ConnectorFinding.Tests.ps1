# Tests of Set-ConnectorFinding that touch no server: the Exchange cmdlets it calls are mocked, so each test
# decides what the servers answer and checks what the script would have changed.
BeforeAll {
    . $PSScriptRoot\Set-ConnectorFinding.ps1
}

Describe 'Set-ConnectorFinding' {
    BeforeAll {
        Mock Get-TransportService { [pscustomobject]@{ Name = 'EX01' }; [pscustomobject]@{ Name = 'EX02' } }
        Mock Set-ReceiveConnector { }
        Mock Get-Date { '2024-05-01' } -ParameterFilter { $Format -eq 'yyyy-MM-dd' }
    }

    Context 'when two connectors of EX02 fail' {
        BeforeAll {
            Mock Test-SmtpConnectivity {
                [pscustomobject]@{ Server = 'EX01'; ReceiveConnector = 'Default Frontend EX01'; StatusCode = 'Success'; Details = '220 EX01 ready' }
            } -ParameterFilter { "$Identity" -eq 'EX01' }
            Mock Test-SmtpConnectivity {
                [pscustomobject]@{ Server = 'EX02'; ReceiveConnector = 'Legacy Relay'; StatusCode = 'Permanent error'; Details = '554 5.7.1 relay retired' }
                [pscustomobject]@{ Server = 'EX02'; ReceiveConnector = 'Client Frontend EX02'; StatusCode = 'Transient error'; Details = '421 4.3.2 busy' }
            } -ParameterFilter { "$Identity" -eq 'EX02' }
        }

        It 'tests every transport server' {
            Set-ConnectorFinding | Out-Null
            Should -Invoke Test-SmtpConnectivity -Times 2 -Exactly
        }

        It 'records each failure in its connector''s Comment' {
            Set-ConnectorFinding | Out-Null
            Should -Invoke Set-ReceiveConnector -Times 2 -Exactly -ParameterFilter { $Comment -like '2024-05-01 *' }
            Should -Invoke Set-ReceiveConnector -Times 1 -Exactly -ParameterFilter {
                "$Identity" -eq 'EX02\Legacy Relay' -and $Comment -eq '2024-05-01 Permanent error: 554 5.7.1 relay retired'
            }
        }

        It 'leaves the connectors that answer alone' {
            Set-ConnectorFinding | Out-Null
            Should -Invoke Set-ReceiveConnector -Times 0 -ParameterFilter { "$Identity" -like 'EX01\*' }
        }

        It 'reports the failing endpoints and disables none of them' {
            $found = Set-ConnectorFinding
            $found.Connector | Should -Be 'EX02\Legacy Relay', 'EX02\Client Frontend EX02'
            $found.Disabled | Should -Not -Contain $true
            Should -Invoke Set-ReceiveConnector -Times 0 -ParameterFilter { $PesterBoundParameters.ContainsKey('Enabled') }
        }

        It 'with -Disable, disables only the connector that answers with a Permanent error' {
            $found = Set-ConnectorFinding -Disable
            Should -Invoke Set-ReceiveConnector -Times 1 -Exactly -ParameterFilter { $PesterBoundParameters.ContainsKey('Enabled') }
            Should -Invoke Set-ReceiveConnector -Times 1 -Exactly -ParameterFilter { "$Identity" -eq 'EX02\Legacy Relay' -and $Enabled -eq $false }
            ($found | Where-Object Disabled).Connector | Should -Be 'EX02\Legacy Relay'
        }
    }

    Context 'when every endpoint answers' {
        BeforeAll {
            Mock Test-SmtpConnectivity { [pscustomobject]@{ Server = "$Identity"; ReceiveConnector = "Default Frontend $Identity"; StatusCode = 'Success'; Details = '220 ready' } }
        }

        It 'changes nothing and reports nothing' {
            Set-ConnectorFinding -Disable | Should -BeNullOrEmpty
            Should -Invoke Set-ReceiveConnector -Times 0
        }
    }
}
