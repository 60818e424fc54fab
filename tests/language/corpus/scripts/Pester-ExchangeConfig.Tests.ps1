# Configuration checks written as Pester tests (Pester 4 syntax).
$servers = Get-ExchangeServer | Where-Object { $_.AdminDisplayVersion -match '^Version 15' }

Describe "Exchange virtual directories" {
    foreach ($s in $servers) {
        Context "Server $($s.Name)" {
            $owa = Get-OwaVirtualDirectory -Server $s.Name -ADPropertiesOnly
            It "OWA external URL is set" {
                $owa.ExternalUrl | Should Not BeNullOrEmpty
            }
            It "OWA uses forms authentication" {
                $owa.FormsAuthentication | Should Be $true
            }
            $ews = Get-WebServicesVirtualDirectory -Server $s.Name -ADPropertiesOnly
            It "EWS internal URL points at the namespace" {
                $ews.InternalUrl.AbsoluteUri | Should Match '^https://mail\.contoso\.com/'
            }
        }
    }
}

Describe "Transport" {
    $cfg = Get-TransportConfig
    It "max send size is 35 MB" { $cfg.MaxSendSize.Value.ToMB() | Should Be 35 }
    It "has an external postmaster" { "$($cfg.ExternalPostmasterAddress)" | Should BeLike "*@contoso.com" }
    It "no open relay" {
        Get-ReceiveConnector | Where-Object { $_.PermissionGroups -match 'AnonymousUsers' -and
            (Get-ADPermission $_.Identity | Where-Object { $_.ExtendedRights -like '*Accept-Any-Recipient*' -and $_.User -like '*ANONYMOUS*' }) } |
            Should BeNullOrEmpty
    }
}
