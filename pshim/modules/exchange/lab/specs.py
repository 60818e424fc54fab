"""What the lab's listeners serve: one ListenerSpec per endpoint of every enabled Receive connector.

A binding on a specific address is one endpoint; 0.0.0.0 is each of the server's IPv4 addresses and [::]
each of its IPv6 addresses (the lab's loopback addresses). Two connectors sharing an endpoint (a relay
connector beside Default Frontend on 0.0.0.0:25) share its listener: the first in directory order
gives the banner, as a real server answers with one greeting per socket. A connector's banner is its
Banner, or Exchange's default greeting with its Fqdn. A fault set on a connector (`SERVER\\Name`)
wins over one set on its server.
"""
from __future__ import annotations

import os

from ..smtp.listeners import ListenerSpec
from ..values import IPBinding

DEFAULT_BANNER = "220 {fqdn} Microsoft ESMTP MAIL Service ready at {{date}}"
DEFAULT_OFFSET = 10000


def expand_binding(binding: IPBinding, server) -> list[str]:
    """The addresses a binding listens on for a server (records.ServerRecord)."""
    if not binding.is_wildcard:
        return [binding.address.compressed]
    return list(server.ipv6 if binding.address.version == 6 else server.ipv4)


def listener_specs(directory) -> list[ListenerSpec]:
    faults = {t.lower(): v for t, v in directory.faults().items()}
    servers = {s.name.lower(): s for s in directory.servers()}
    chosen = {}        # (address, port) -> (specificity, order, spec)
    order = 0
    for c in directory.connectors():
        if not c.get("Enabled"):
            continue
        server = servers.get(c.server.lower())
        if server is None:
            continue
        fault, delay = faults.get(c.identity.lower()) or faults.get(server.name.lower()) or (None, 0.0)
        banner = c.get("Banner") or DEFAULT_BANNER.format(fqdn=c.get("Fqdn") or server.fqdn)
        for b in c.get("Bindings"):
            binding = IPBinding.parse(b)
            rank = 1 if binding.is_wildcard else 0
            for address in expand_binding(binding, server):
                key = (address, binding.Port)
                order += 1
                if key not in chosen or rank < chosen[key][0]:
                    chosen[key] = (rank, order, ListenerSpec(address, binding.Port, banner, fault, delay))
    return [spec for _, _, spec in sorted(chosen.values(), key=lambda v: v[1])]


def resolve_port_offset(setting) -> int:
    """The lab's port offset: a number from the definition, or Auto: 0 where this process may bind ports
    below 1024 (root, or a system whose unprivileged port range starts low enough), else 10000."""
    if isinstance(setting, int):
        return setting
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return 0
    try:
        with open("/proc/sys/net/ipv4/ip_unprivileged_port_start") as f:
            if int(f.read().strip()) <= 25:
                return 0
    except (OSError, ValueError):
        pass
    return DEFAULT_OFFSET
