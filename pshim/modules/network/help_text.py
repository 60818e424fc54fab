"""Help for the network troubleshooting cmdlets (written for pshim). The examples run as tests: they use
only the loopback addresses and the hosts file, never a DNS server or another computer."""

HELP = {}

_RESOLUTION = """Names are resolved as pshim's resolver does for all three network cmdlets: an address is
itself; otherwise the hosts file (PSHIM_HOSTS_FILE, default /etc/hosts), then the DNS servers
(PSHIM_DNS_SERVER, comma-separated, default the nameservers of /etc/resolv.conf) on port PSHIM_DNS_PORT
(default 53). Those three environment variables are pshim's own. pshim never uses LLMNR or NetBIOS."""

HELP["Test-NetConnection"] = {
    "synopsis": "Displays diagnostic information for a connection.",
    "description": """Test-NetConnection resolves a computer name and tests the connection to it. With -Port
or -CommonTCPPort it opens a TCP connection to each address of the name in turn until one connects;
for each that does not it writes the warning "TCP connect to (<address> : <port>) failed". Without a
port, or when the TCP test failed, it sends an ICMP echo request (ping) and writes "Ping to <address>
failed with status: <status>" when no reply comes. The result is a TestNetConnectionResult:
ComputerName, RemoteAddress, RemotePort, InterfaceAlias, SourceAddress, TcpTestSucceeded,
PingSucceeded, PingReplyDetails. A name that does not resolve gives the warning "Name resolution of
<name> failed".

-InformationLevel Quiet returns only True or False. -InformationLevel Detailed adds
NameResolutionResults, NetRoute (NextHop) and, for a TCP test, MatchingIPsecRules,
NetworkIsolationContext and IsAdmin.

""" + _RESOLUTION + """

On Linux, InterfaceAlias is the system's interface name (lo, eth0), SourceAddress is the local address
itself, MatchingIPsecRules is always empty and NetworkIsolationContext is judged from the remote
address (Loopback, Private Network, Internet). The echo test needs an ICMP socket (root, CAP_NET_RAW,
or a group inside net.ipv4.ping_group_range) or the system's ping program; without either an error
record says the echo request was not sent. -TraceRoute, -Hops and -DiagnoseRouting are not
available in pshim.""",
    "parameters": {
        "ComputerName": "The name or address to test (default internetbeacon.msedge.net, as in Windows). "
                        "It can come from the pipeline, also as a RemoteAddress property.",
        "Port": "The TCP port to test (1 to 65535).",
        "CommonTCPPort": "A well-known port by name: HTTP (80), RDP (3389), SMB (445) or WINRM (5985).",
        "InformationLevel": "Quiet (a Boolean only) or Detailed (more properties in the view).",
    },
    "examples": [
        {"title": "Is anything listening on a port?",
         "code": "Test-NetConnection 127.0.0.1 -Port 1 -InformationLevel Quiet",
         "output": "WARNING: TCP connect to (127.0.0.1 : 1) failed\nFalse",
         "remarks": "Nothing listens on port 1 of this computer, so the connection is refused at once."},
        {"title": "Keep the warning out of a script's output",
         "code": "$open = Test-NetConnection 127.0.0.1 -Port 1 -InformationLevel Quiet -WarningAction SilentlyContinue\n"
                 "if (-not $open) { 'port 1 is closed' }",
         "output": "port 1 is closed"},
    ],
    "inputs": "System.String",
    "outputs": "TestNetConnectionResult, or System.Boolean with -InformationLevel Quiet",
    "related": ["Test-Connection", "Resolve-DnsName", "Test-SmtpConnectivity"],
}

HELP["Test-Connection"] = {
    "synopsis": "Sends ICMP echo request packets (pings) to one or more computers.",
    "description": """Test-Connection sends -Count echo requests (default 4), -Delay seconds apart (default 1),
to each computer and returns a Win32_PingStatus object for each reply: Source, Destination,
IPV4Address, IPV6Address, Bytes and Time(ms) in the default table. An echo request without a reply is
an error record "Testing connection to computer '<name>' failed: Error due to lack of resources" (5.1's
text for a timed-out echo), and a name that does not resolve is "... failed: No such host is known".
-Quiet returns one Boolean per computer instead: True when any echo was answered.

""" + _RESOLUTION + """

Echo requests need an ICMP socket (root, CAP_NET_RAW, or a group inside net.ipv4.ping_group_range);
otherwise pshim runs the system's ping program. When neither is possible every computer gets an
error record that says so, also with -Quiet: pshim does not report a ping it could not send as a
failed one. Echo requests sent from other computers (-Source, -Credential, -AsJob) are not available.""",
    "parameters": {
        "ComputerName": "The names or addresses to ping. Aliases: CN, IPAddress, __SERVER, Server, Destination.",
        "Count": "How many echo requests to send to each computer (default 4).",
        "Delay": "Seconds between echo requests (default 1).",
        "BufferSize": "Bytes of data in each request (default 32). Aliases: Size, Bytes, BS.",
        "TimeToLive": "The time to live of each request (default 80). Alias: TTL.",
        "Quiet": "Returns True or False per computer instead of the replies, without error records for "
                 "unanswered requests.",
    },
    "examples": [
        {"title": "Is the loopback interface answering?",
         "code": "Test-Connection 127.0.0.1 -Count 1 -Quiet",
         "output": "True",
         "remarks": "Needs an ICMP socket or a ping program (see the description)."},
        {"title": "Read the replies",
         "code": "Test-Connection ::1 -Count 2 -Delay 1 | ForEach-Object { \"$($_.IPV6Address) $($_.BufferSize) bytes\" }",
         "output": "::1 32 bytes\n::1 32 bytes"},
    ],
    "inputs": "None",
    "outputs": "System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus, or System.Boolean with -Quiet",
    "related": ["Test-NetConnection", "Resolve-DnsName"],
}

HELP["Resolve-DnsName"] = {
    "synopsis": "Performs a DNS name query resolution for the specified name.",
    "description": """Resolve-DnsName asks for the records of a name and returns them as DnsClient objects
(DnsRecord_A, DnsRecord_AAAA, DnsRecord_MX, DnsRecord_PTR for PTR and CNAME, DnsRecord_NS,
DnsRecord_SRV, DnsRecord_SOA, DnsRecord_TXT), from every section of the answer: Answer, Authority
(the zone's SOA when the name has no records of that type) and Additional (for example the addresses
of mail servers in an MX answer). Each type has 5.1's table view, such as Name, Type, TTL, Section,
NameExchange and Preference for MX.

Without -Type, A and AAAA records are asked for; an address given as the name is looked up as its PTR
record. A and AAAA questions are answered from the hosts file when it has the name (TTL 86400,
section Answer), unless -NoHostsFile or -Server is given. A name that does not exist is the error
"<name> : DNS name does not exist" (DNS_ERROR_RCODE_NAME_ERROR); a failing server is "DNS server
failure", a refusing one "DNS request refused", and no answer at all "This operation returned because
the timeout period expired".

""" + _RESOLUTION + """ Resolve-DnsName has no parameter for the port of a server, as in 5.1:
PSHIM_DNS_PORT is how a server on another port (a test server, a lab) is reached.""",
    "parameters": {
        "Name": "The name (or address) to resolve. It can come from the pipeline.",
        "Type": "A_AAAA (default), A, AAAA, NS, CNAME, SOA, PTR, MX, TXT or SRV.",
        "Server": "The addresses (or names) of the DNS servers to ask instead of the configured ones.",
        "DnsOnly": "Resolves with DNS only, without LLMNR or NetBIOS; pshim never uses those, so this changes "
                   "nothing.",
        "NoHostsFile": "Does not read the hosts file.",
        "NoRecursion": "Asks the server not to query other servers for the answer.",
        "TcpOnly": "Asks over TCP instead of UDP.",
        "QuickTimeout": "Asks each server once, waiting at most a second.",
    },
    "examples": [
        {"title": "An address from the hosts file",
         "code": "Resolve-DnsName localhost -Type A",
         "output": "\nName                                           Type   TTL   Section    IPAddress\n"
                   "----                                           ----   ---   -------    ---------\n"
                   "localhost                                      A      86400 Answer     127.0.0.1",
         "remarks": "The hosts file has localhost, so no DNS server is asked."},
        {"title": "Just the address",
         "code": "(Resolve-DnsName localhost -Type A).IPAddress",
         "output": "127.0.0.1"},
    ],
    "inputs": "System.String",
    "outputs": "Microsoft.DnsClient.Commands.DnsRecord (DnsRecord_A, DnsRecord_MX, ...)",
    "related": ["Test-NetConnection", "Test-Connection"],
}
