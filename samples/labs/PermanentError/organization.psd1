# Lab "PermanentError" (Get-Help about_Lab_PermanentError): Northwind Traders' two Mailbox servers. A retired
# relay connector refuses every sender with 554, and the partner connector was left disabled.
# Read as data by Reset-PshimLab -Name PermanentError.
@{
    Organization      = 'Northwind Traders'
    Domain            = 'northwindtraders.com'
    Site              = 'Northwind-Seattle'
    LocalServer       = 'NW-EX01'
    # finding the faults is the exercise: Get-PshimLab counts them, Get-PshimLabFault -Force names them
    HideFaults        = $true
    DomainControllers = @('NW-DC01.northwindtraders.com')
    # this lab's own loopback addresses (127.0.23.x), so it never answers for another lab
    Servers = @(
        @{ Name = 'NW-EX01'; Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Enterprise'; IPv4 = @('127.0.23.1'); IPv6 = @() }
        @{ Name = 'NW-EX02'; Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Enterprise'; IPv4 = @('127.0.23.2'); IPv6 = @() }
    )
    Connectors = @(
        @{
            Server = 'NW-EX01'; Name = 'Partner Inbound'; TransportRole = 'FrontendTransport'
            Bindings = @('0.0.0.0:25'); RemoteIPRanges = @('127.0.23.80-127.0.23.89')
            AuthMechanism = 'Tls'; PermissionGroups = 'Partners'; DomainSecureEnabled = $true
            Enabled = $false
            Comment = 'Mail from our partner Contoso Pharma (their relays are 127.0.23.80-89); TLS only.'
        }
        @{
            Server = 'NW-EX02'; Name = 'Legacy Scanner Relay'; TransportRole = 'FrontendTransport'
            Bindings = @('0.0.0.0:2526'); RemoteIPRanges = @('127.0.23.40-127.0.23.49')
            AuthMechanism = 'Tls'; PermissionGroups = 'AnonymousUsers'
            Comment = 'Retired: the scanners send through NW-EX01 since June. Refuses all mail (554) until it is removed.'
        }
    )
    Faults = @(
        @{ Connector = 'NW-EX02\Legacy Scanner Relay'; Fault = 'permanent' }     # greets with 554 5.7.1
    )
}
