"""Help for the Exchange module's cmdlets (written for pshim; the format is pshim/help's). Every example runs in
a fresh home on the built-in lab and must print what it shows."""

HELP = {}

HELP["Test-SmtpConnectivity"] = {
    "synopsis": "Tests SMTP connections to every binding of every Receive connector of a server.",
    "description": """For each enabled Receive connector of the server and each of its bindings, Test-SmtpConnectivity
opens a real TCP connection to every endpoint the binding listens on, reads the SMTP banner, sends QUIT and
closes. A binding on 0.0.0.0 listens on each of the server's IPv4 addresses, [::] on each of its IPv6
addresses (from the lab's definition, or from DNS for Active Directory).

It writes one SmtpConnectivityStatus per attempt: Server, ReceiveConnector, Binding, EndPoint, StatusCode and
Details (the server's words, or the precise error). StatusCode is Success (a 2xx banner), Transient error (a
4xx banner, or the connection closed, reset or silent before a banner), Permanent error (a 5xx banner),
Unable to connect (refused, unreachable, or the connection timed out) or External error (an answer that is
not SMTP, or a binding with no endpoint to test).

The endpoints of a server are probed concurrently, 64 at a time; each probe waits at most $PshimSmtpTimeout
seconds (default 10) for the connection and as long again for the banner. A server's results are written as
soon as that server is done, so Select-Object -First stops the servers after it.

The server is resolved and checked (it must be a Transport server with enabled Receive connectors) before any
What-if line or confirmation prompt, as in Exchange.""",
    "parameters": {
        "Identity": "The transport server: its name, FQDN, distinguished name or GUID. Pipeline input from "
                    "Get-TransportService or Get-ExchangeServer. Without it, the local server of the organisation.",
        "DomainController": "The domain controller that reads the directory (not supported for an Edge Transport "
                            "server).",
        "MonitoringContext": "$true adds, after each server's results, a MonitoringData object with the monitoring "
                             "event (1000 Information: all endpoints work; 1001 Error: some failed; 1002 Warning: "
                             "some could not be tested) and one banner-latency counter per endpoint, in "
                             "milliseconds (pshim's addition). $false, the default, adds nothing.",
    },
    "examples": [
        {"title": "Test the Receive connectors of one server",
         "code": "Test-SmtpConnectivity Mailbox02 | Format-Table ReceiveConnector, EndPoint, StatusCode -AutoSize",
         "output": """
ReceiveConnector                  EndPoint               StatusCode
----------------                  --------               ----------
Default Mailbox02                 127.0.10.2:2525           Success
Client Proxy Mailbox02            127.0.10.2:465    Transient error
Default Frontend Mailbox02        127.0.10.2:25             Success
Outbound Proxy Frontend Mailbox02 127.0.10.2:717  Unable to connect
Client Frontend Mailbox02         127.0.10.2:587            Success
""",
         "remarks": "The built-in lab injects a 421 and a refused connection on Mailbox02."},
        {"title": "Test every transport server and keep only what failed",
         "code": "Get-TransportService | Test-SmtpConnectivity | Where-Object StatusCode -ne 'Success' | "
                 "ForEach-Object { '{0} {1}: {2}' -f $_.Server, $_.EndPoint, $_.Details }",
         "output": """
Mailbox02 127.0.10.2:465: 421 4.3.2 Service not available, closing transmission channel
Mailbox02 127.0.10.2:717: No connection could be made because the target machine actively refused it 127.0.10.2:717
"""},
        {"title": "See what would be tested without connecting",
         "code": "Test-SmtpConnectivity Mailbox01 -WhatIf",
         "output": "What if: This command will attempt to connect to each of the addresses that are configured "
                   "to listen for incoming SMTP connections."},
    ],
    "inputs": "Microsoft.Exchange.Configuration.Tasks.ServerIdParameter: a server name, or a server object.",
    "outputs": "Microsoft.Exchange.Monitoring.SmtpConnectivityStatus; with -MonitoringContext $true also "
               "Microsoft.Exchange.Monitoring.MonitoringData.",
    "related": ["Get-TransportService", "Get-ReceiveConnector", "about_PshimLab"],
}

HELP["Get-ExchangeServer"] = {
    "synopsis": "Gets the Exchange servers of the organization.",
    "description": """Get-ExchangeServer returns the organisation's Exchange servers, or those matching -Identity
(wildcards allowed), or those whose FQDN is in the -Domain domain. -Status adds the domain controllers each
server uses (shown by Format-List).""",
    "parameters": {
        "Identity": "The server: name, FQDN, distinguished name or GUID; wildcards allowed.",
        "Domain": "Returns the servers whose FQDN ends with this domain.",
        "Status": "Adds StaticDomainControllers, CurrentDomainControllers and the other directory settings.",
        "DomainController": "The domain controller that reads the directory.",
    },
    "examples": [
        {"title": "List the servers of the lab",
         "code": "Get-ExchangeServer | Format-Table Name, ServerRole, IsEdgeServer -AutoSize",
         "output": """
Name      ServerRole IsEdgeServer
----      ---------- ------------
Mailbox01    Mailbox        False
Mailbox02    Mailbox        False
Edge01          Edge         True
"""},
    ],
    "outputs": "Microsoft.Exchange.Data.Directory.Management.ExchangeServer",
    "related": ["Get-TransportService", "Test-SmtpConnectivity"],
}

HELP["Get-TransportService"] = {
    "synopsis": "Gets the Transport service settings of the Mailbox servers.",
    "description": "Returns one TransportServer object per Mailbox server; pipe it to Test-SmtpConnectivity.",
    "parameters": {"Identity": "The server: name, FQDN, distinguished name or GUID; wildcards allowed.",
                   "DomainController": "The domain controller that reads the directory."},
    "examples": [
        {"title": "The servers Test-SmtpConnectivity tests in the main line",
         "code": "Get-TransportService | ForEach-Object Name",
         "output": "Mailbox01\nMailbox02"},
    ],
    "outputs": "Microsoft.Exchange.Data.Directory.Management.TransportServer",
    "related": ["Test-SmtpConnectivity", "Get-ExchangeServer"],
}

HELP["Get-ReceiveConnector"] = {
    "synopsis": "Gets the Receive connectors of the organization or of one server.",
    "description": """Get-ReceiveConnector returns every Receive connector, the connectors of one server (-Server, or a
server piped in), or the ones matching -Identity: a name, SERVER\\Name, a GUID or a distinguished name, with
wildcards.""",
    "parameters": {"Identity": "The connector: Name, SERVER\\Name, GUID or distinguished name; wildcards allowed.",
                   "Server": "Returns the connectors of this server.",
                   "DomainController": "The domain controller that reads the directory."},
    "examples": [
        {"title": "The connectors of one server",
         "code": "Get-ReceiveConnector -Server Edge01",
         "output": """
Identity                                Bindings                                Enabled
--------                                --------                                -------
Edge01\\Default internal receive conn... {0.0.0.0:25}                            True
"""},
    ],
    "outputs": "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector",
    "related": ["New-ReceiveConnector", "Set-ReceiveConnector", "Remove-ReceiveConnector"],
}

HELP["New-ReceiveConnector"] = {
    "synopsis": "Creates a Receive connector on a server.",
    "description": """New-ReceiveConnector creates a connector with Exchange's defaults for its usage (-Usage or the
-Custom, -Internet, -Internal, -Client, -Partner switches): permission groups, authentication mechanisms,
and the bindings or remote ranges the usage implies. Every Receive connector setting can be given too. A
connector whose bindings and remote ranges clash with another connector of the server is refused with
Exchange's text.""",
    "parameters": {"Name": "The connector's name: at most 64 characters, no backslash.",
                   "Server": "The server (default: the local server of the organisation).",
                   "Bindings": "Local address:port pairs, e.g. 0.0.0.0:25 or [::]:25.",
                   "RemoteIPRanges": "Remote addresses: 10.0.0.5, 10.0.0.0/24, 10.0.0.1-10.0.0.9.",
                   "Usage": "Custom, Internet, Internal, Client or Partner."},
    "examples": [
        {"title": "An anonymous relay connector, as Exchange's documentation creates one",
         "code": "New-ReceiveConnector -Name 'Anonymous Relay' -TransportRole FrontendTransport -Custom "
                 "-Bindings 0.0.0.0:25 -RemoteIPRanges 127.0.30.5 -Server Mailbox01 | "
                 "Format-List Identity, Bindings, RemoteIPRanges, PermissionGroups",
         "output": """
Identity         : Mailbox01\\Anonymous Relay
Bindings         : {0.0.0.0:25}
RemoteIPRanges   : {127.0.30.5}
PermissionGroups : None
"""},
    ],
    "related": ["Set-ReceiveConnector", "Get-ReceiveConnector"],
}

HELP["Set-ReceiveConnector"] = {
    "synopsis": "Changes a Receive connector.",
    "description": """Set-ReceiveConnector writes the given settings to the connector in one transaction. Multi-valued
settings (Bindings, RemoteIPRanges) take a new list, or @{Add=...; Remove=...} to change the present one.
When nothing changes, Exchange's warning says so.""",
    "parameters": {"Identity": "The connector: Name, SERVER\\Name, GUID or distinguished name; or a connector piped in.",
                   "Name": "A new name for the connector."},
    "examples": [
        {"title": "Add a remote range to a connector",
         "code": "Set-ReceiveConnector 'Mailbox01\\Client Frontend Mailbox01' -RemoteIPRanges @{Add='127.0.40.0/24'}; "
                 "(Get-ReceiveConnector 'Mailbox01\\Client Frontend Mailbox01').RemoteIPRanges.Count",
         "output": "3"},
    ],
    "related": ["Get-ReceiveConnector", "New-ReceiveConnector"],
}

HELP["Remove-ReceiveConnector"] = {
    "synopsis": "Removes a Receive connector.",
    "description": "Remove-ReceiveConnector asks before it removes (ConfirmImpact High); -Confirm:$false does not ask.",
    "parameters": {"Identity": "The connector: Name, SERVER\\Name, GUID or distinguished name; or a connector piped in."},
    "examples": [
        {"title": "See what would be removed",
         "code": "Get-ReceiveConnector -Server Mailbox02 | Where-Object Name -like 'Client*' | Remove-ReceiveConnector -WhatIf",
         "output": 'What if: Removing Receive connector "Mailbox02\\Client Proxy Mailbox02".\n'
                   'What if: Removing Receive connector "Mailbox02\\Client Frontend Mailbox02".'},
    ],
    "related": ["Get-ReceiveConnector"],
}
