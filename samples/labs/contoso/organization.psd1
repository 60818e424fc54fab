# The built-in lab organisation: what a fresh pshim home starts with (Get-Help about_PshimLab).
# Read with pshim's own parser as data. An instructor copies this folder, edits it, and runs
# Reset-PshimLab -Path <folder> to start a lab from it.
@{
    Organization      = 'Contoso'
    Domain            = 'contoso.com'
    Site              = 'Default-First-Site-Name'
    # the server this shell "runs on": Test-SmtpConnectivity and New-ReceiveConnector use it by default
    LocalServer       = 'Mailbox01'
    DomainControllers = @('DC01.contoso.com', 'DC02.contoso.com')
    # every server listens on its own loopback address, so the lab needs no network
    Servers = @(
        @{ Name = 'Mailbox01';  Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Standard';   IPv4 = @('127.0.10.1'); IPv6 = @('::1') }
        @{ Name = 'Mailbox02';  Role = 'Mailbox'; Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Enterprise'; IPv4 = @('127.0.10.2'); IPv6 = @() }
        @{ Name = 'Edge01'; Role = 'Edge';    Version = 'Version 15.2 (Build 31118.7)'; Edition = 'Standard';   IPv4 = @('127.0.10.3'); IPv6 = @() }
    )
    # faults the lab's SMTP listeners serve (Set-PshimLabFault): one per connector, or a whole server
    # Fault: down | transient | permanent | silent | slow | garbage | reset | huge
    Faults = @(
        @{ Connector = 'Mailbox02\Client Proxy Mailbox02';            Fault = 'transient' }
        @{ Connector = 'Mailbox02\Outbound Proxy Frontend Mailbox02'; Fault = 'down' }
    )
}
