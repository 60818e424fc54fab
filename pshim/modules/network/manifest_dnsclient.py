"""DnsClient: Resolve-DnsName."""
MODULE_NAME = "DnsClient"

CMDLETS = {
    "Resolve-DnsName": "pshim.modules.network.dnsname:ResolveDnsNameCommand",
}
