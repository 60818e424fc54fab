"""The Exchange cmdlets on the LDAP backend: a pshim home whose directory.psd1 points at the test slapd."""
import os

import pytest

from pshim.testing import new_session, run

from tests.modules.exchange.slapd_server import write_directory_config


@pytest.fixture
def ems(org, slapd, dns_server):
    servers, _ = org
    write_directory_config(os.environ["PSHIM_HOME"], slapd, NameServer=dns_server.address,
                           LocalServer=servers[0].name)
    session = new_session(interactive=False)

    def go(script):
        return run(script, session=session)
    go.servers = servers
    return go


def test_reads_through_the_cmdlets(ems, org):
    servers, connectors = org
    r = ems("Get-ExchangeServer | ForEach-Object { $_.Name + '|' + $_.Fqdn + '|' + \"$($_.Edition)\" }")
    assert not r.errors, r.error_text
    assert r.output == [f"{s.name}|{s.fqdn}|{s.edition}" for s in servers]
    r = ems(f"@(Get-ReceiveConnector -Server {servers[0].name}).Count; (Get-ReceiveConnector).Count")
    assert r.output == [sum(c.server == servers[0].name for c in connectors), len(connectors)]
    r = ems(f"(Get-ExchangeServer {servers[0].name}).IPAddresses | ForEach-Object {{ \"$_\" }}")
    assert r.output == list(servers[0].ipv4) + list(servers[0].ipv6)


def test_new_set_remove_round_trip(ems, directory):
    name = ems.servers[0].name
    r = ems(f"New-ReceiveConnector -Name 'Relay 1' -Server {name} -Bindings 0.0.0.0:2525 -RemoteIPRanges 10.0.0.1 "
            "| ForEach-Object Identity | ForEach-Object ToString")
    assert not r.errors, r.error_text
    assert r.output == [f"{name}\\Relay 1"]
    stored = [c for c in directory.connectors(name) if c.name == "Relay 1"]
    assert stored and stored[0].settings["Bindings"] == ["0.0.0.0:2525"]
    r = ems(f"Set-ReceiveConnector '{name}\\Relay 1' -MaxMessageSize 20MB -Banner '220 relay' -Name 'Relay 2'")
    assert not r.errors, r.error_text
    stored = [c for c in directory.connectors(name) if c.name == "Relay 2"]
    assert stored and (stored[0].settings["MaxMessageSize"], stored[0].settings["Banner"]) == (20971520, "220 relay")
    r = ems(f"Remove-ReceiveConnector '{name}\\Relay 2' -Confirm:$false")
    assert not r.errors, r.error_text
    assert not [c for c in directory.connectors(name) if c.name.startswith("Relay")]


def test_unreachable_domain_controller(ems):
    r = ems("Get-ReceiveConnector -DomainController 127.0.0.1:1")
    assert r.output == []
    assert [e.message() for e in r.errors] == [
        "All reachability checks against DS server 127.0.0.1:1 failed. Error Details Connection refused."]
