"""Network troubleshooting cmdlets, each in the 5.1 module that owns it: Test-NetConnection (NetTCPIP),
Resolve-DnsName (DnsClient), Test-Connection (Microsoft.PowerShell.Management).

They share one name resolver (resolver.py: the hosts file, then DNS through dnspython), one ICMP echo
(icmp.py: an ICMP socket where this process may open one, else the system's ping program) and the
local interface lookup (interfaces.py). Settings that are pshim's own, read only by resolver.py:

    PSHIM_DNS_SERVER   DNS servers asked when a command names none (comma-separated; default: the
                       nameservers of /etc/resolv.conf)
    PSHIM_DNS_PORT     the port DNS servers are asked on (default 53); Resolve-DnsName -Server names
                       only an address, as in 5.1, so this is how a server on another port is reached
    PSHIM_HOSTS_FILE   the hosts file (default /etc/hosts)
"""
