# Lab "RelayConnector" (Get-Help about_Lab_RelayConnector): Tailspin Toys' two Mailbox servers, as Exchange
# sets them up; the learner adds a secured relay connector. Read as data by Reset-PshimLab -Name RelayConnector.
@{
    Organization      = 'Tailspin Toys'
    Domain            = 'tailspintoys.com'
    Site              = 'Tailspin-Main'
    LocalServer       = 'TS-EX01'
    DomainControllers = @('TS-DC01.tailspintoys.com')
    # this lab's own loopback addresses (127.0.22.x), so it never answers for another lab;
    # the applications that will relay are 127.0.22.50 (scanner) and 127.0.22.51 (ERP server)
    Servers = @(
        @{ Name = 'TS-EX01'; Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Standard'; IPv4 = @('127.0.22.1'); IPv6 = @() }
        @{ Name = 'TS-EX02'; Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Standard'; IPv4 = @('127.0.22.2'); IPv6 = @() }
    )
    Faults = @()
}
