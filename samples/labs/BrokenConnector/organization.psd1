# Lab "BrokenConnector" (Get-Help about_Lab_BrokenConnector): Fabrikam's two Mailbox servers, with two
# Receive connectors broken on purpose. Read as data by Reset-PshimLab -Name BrokenConnector.
@{
    Organization      = 'Fabrikam'
    Domain            = 'fabrikam.com'
    Site              = 'Fabrikam-HQ'
    LocalServer       = 'EX01'
    # finding the faults is the exercise: Get-PshimLab counts them, Get-PshimLabFault -Force names them
    HideFaults        = $true
    DomainControllers = @('DC01.fabrikam.com')
    # this lab's own loopback addresses (127.0.21.x), so it never answers for another lab
    Servers = @(
        @{ Name = 'EX01'; Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Standard'; IPv4 = @('127.0.21.1'); IPv6 = @() }
        @{ Name = 'EX02'; Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Standard'; IPv4 = @('127.0.21.2'); IPv6 = @() }
    )
    # the problems the learner has to find (the instructions don't name them)
    Faults = @(
        @{ Connector = 'EX02\Client Frontend EX02';  Fault = 'transient' }    # greets with 421
        @{ Connector = 'EX01\Default Frontend EX01'; Fault = 'silent' }       # accepts, never greets
    )
}
