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

_LAB = "Pshim's lab commands work on the lab directory (Get-Help about_PshimLab)."

HELP["Get-PshimLab"] = {
    "synopsis": "Shows the lab: its organisation, definition, database, listeners and faults.",
    "description": "Get-PshimLab describes the lab in use; -ListAvailable lists the labs that come with pshim "
                   "(samples/labs), each with the first line of its README. " + _LAB,
    "parameters": {"ListAvailable": "Lists the labs of samples/labs instead."},
    "examples": [
        {"title": "The guided labs",
         "code": "Get-PshimLab -ListAvailable | ForEach-Object Name",
         "output": "BrokenConnector\ncontoso\nPermanentError\nRelayConnector"},
    ],
    "related": ["Reset-PshimLab", "Test-PshimLab", "about_PshimLab"],
}

HELP["Reset-PshimLab"] = {
    "synopsis": "Replaces the lab with a fresh one.",
    "description": "Reset-PshimLab builds a new lab database from the built-in definition, from a lab of "
                   "samples/labs (-Name, matched without regard to case) or from your own folder or .psd1 "
                   "(-Path). A database that is damaged or not pshim's is replaced only with -Force. " + _LAB,
    "parameters": {"Name": "A lab of samples/labs (Get-PshimLab -ListAvailable).",
                   "Path": "A lab folder, or an organisation definition (.psd1).",
                   "Force": "Replaces a lab database that is damaged or not pshim's."},
    "examples": [
        {"title": "Start a guided lab",
         "code": "Reset-PshimLab -Name RelayConnector | Out-Null; (Get-PshimLab).Organization",
         "output": "Tailspin Toys"},
    ],
    "related": ["Get-PshimLab", "Test-PshimLab"],
}

HELP["Test-PshimLab"] = {
    "synopsis": "Checks the goals of the current lab.",
    "description": "Test-PshimLab runs checker.ps1 of the folder the lab was reset from ((Get-PshimLab).Definition) "
                   "and prints one line per goal, [x] when it is reached and [ ] when it is not, then whether the "
                   "lab is done. The checker runs in your session, in its own scope with default preference "
                   "variables; about_PshimLab (WRITING A LAB) says how to write one.",
    "parameters": {"Quiet": "Returns only $true (every goal reached) or $false."},
    "outputs": "Pshim.LabCheck (Lab, Done, Goals: Pshim.LabGoal with Goal and Done); with -Quiet, System.Boolean.",
    "examples": [
        {"title": "Has the learner finished?",
         "code": "Reset-PshimLab -Name RelayConnector | Out-Null; Test-PshimLab -Quiet",
         "output": "False"},
    ],
    "related": ["Reset-PshimLab", "Get-PshimLab", "about_PshimLab"],
}

HELP["Set-PshimLabFault"] = {
    "synopsis": "Injects a fault into a lab connector or server, or clears it.",
    "description": "The lab's SMTP listeners serve the fault from the next connection on: down (refused), transient "
                   "(421), permanent (554), silent (no banner), slow (the banner after -Delay seconds), garbage "
                   "(not SMTP), reset (the connection is reset), huge (a 4 MB line). A fault on a connector wins over "
                   "one on its server; None clears it. " + _LAB,
    "parameters": {"Identity": "A connector (SERVER\\Name or Name) or a server (all its connectors).",
                   "Fault": "None, down, transient, permanent, silent, slow, garbage, reset or huge.",
                   "Delay": "For slow: seconds before the banner (default 15)."},
    "examples": [
        {"title": "Make one connector answer 554",
         "code": "Set-PshimLabFault 'Mailbox01\\Client Frontend Mailbox01' permanent; "
                 "Test-SmtpConnectivity Mailbox01 | Where-Object ReceiveConnector -like 'Client Frontend*' | "
                 "ForEach-Object { \"$($_.EndPoint) $($_.StatusCode)\" }",
         "output": "[::1]:587 Permanent error\n127.0.10.1:587 Permanent error"},
    ],
    "related": ["Get-PshimLabFault", "Test-SmtpConnectivity"],
}

HELP["Get-PshimLabFault"] = {
    "synopsis": "Lists the faults injected into the lab.",
    "description": "A lab whose definition says HideFaults = $true keeps them to itself unless -Force is given. " + _LAB,
    "parameters": {"Force": "Shows the faults of a lab that hides them."},
    "examples": [
        {"title": "The built-in lab's faults",
         "code": "Get-PshimLabFault | ForEach-Object { \"$($_.Target): $($_.Fault)\" }",
         "output": "Mailbox02\\Client Proxy Mailbox02: transient\nMailbox02\\Outbound Proxy Frontend Mailbox02: down"},
    ],
    "related": ["Set-PshimLabFault"],
}

HELP["Start-PshimLab"] = {
    "synopsis": "Starts the lab's SMTP listeners in the background.",
    "description": "The listeners then serve every enabled connector of the lab and follow the directory (a disabled "
                   "connector stops listening, a changed banner or fault is served) until Stop-PshimLab. Without "
                   "them, Test-SmtpConnectivity serves the lab's listeners for the length of its own run. " + _LAB,
    "related": ["Stop-PshimLab", "Get-PshimLab"],
}

HELP["Stop-PshimLab"] = {
    "synopsis": "Stops the lab's background SMTP listeners.",
    "description": _LAB,
    "related": ["Start-PshimLab"],
}
