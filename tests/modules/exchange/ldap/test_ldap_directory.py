"""LdapDirectory against a real slapd: reads, writes, paging, filter escaping, DNS addresses."""
import socket

import ldap3
import pytest

from pshim.modules.exchange import records as R
from pshim.modules.exchange.directory import ldap_map as M
from pshim.modules.exchange.directory.base import ObjectExists, ObjectGone
from pshim.modules.exchange.directory.ldap import provision

EXCHANGE = "CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=contoso,DC=com"


def _servers_dn(org_name="Contoso"):
    return (f"CN=Servers,CN=Exchange Administrative Group (FYDIBOHF23SPDLT),CN=Administrative Groups,"
            f"CN={org_name},{EXCHANGE}")


def _raw(admin, dn, *attrs):
    admin.search(dn, "(objectClass=*)", ldap3.BASE, attributes=list(attrs) or ["*"])
    entry = admin.response[0]
    return {k.lower(): v for k, v in entry["raw_attributes"].items()}


def test_servers_read_back(directory, org):
    servers, _ = org
    got = directory.servers()
    assert [s.name for s in got] == [s.name for s in servers]
    for want, s in zip(servers, got):
        assert (s.fqdn, s.roles, s.serial_number, s.edition, s.site) == \
            (want.fqdn, want.roles, want.serial_number, want.edition, want.site)
        assert s.guid == want.guid
        assert s.dn == f"CN={want.name},{_servers_dn()}"
        # addresses come from DNS (the test's responder knows the lab's loopback addresses)
        assert (s.ipv4, s.ipv6, s.address_error) == (list(want.ipv4), list(want.ipv6), None)
        assert s.when_created.tzinfo is not None
    assert directory.organization == "Contoso"
    assert directory.kind == "ldap" and directory.source == directory.host


def test_connectors_read_back_with_every_setting(directory, org):
    servers, connectors = org
    got = directory.connectors()
    assert [c.identity for c in got] == [c.identity for c in connectors]
    for want, c in zip(connectors, got):
        assert c.settings == want.settings, c.identity
        assert c.guid == want.guid
        assert c.dn == f"CN={want.name},CN=SMTP Receive Connectors,CN=Protocols,CN={want.server},{_servers_dn()}"
    first = servers[1].name
    mine = directory.connectors(first.lower())                  # by Name, case-insensitive
    assert [c.name for c in mine] == [c.name for c in connectors if c.server == first]
    assert directory.connectors("NOSUCHSERVER") == []


def test_stored_attribute_forms(directory, org, admin):
    """The AD representation: role integers, flag bits, seconds, bytes, absent = Unlimited."""
    _servers, connectors = org
    frontend = next(c for c in connectors if c.settings["TransportRole"] == "FrontendTransport"
                    and c.settings["ProtocolLoggingLevel"] == "Verbose")
    raw = _raw(admin, next(c.dn for c in directory.connectors() if c.guid == frontend.guid))
    assert raw["msexchsmtpreceiverole"] == [b"16384"]
    assert raw["msexchsmtpreceiveprotocollogginglevel"] == [b"1"]
    assert raw["msexchsmtpreceiveconnectiontimeout"] == [b"600"]
    assert raw["msexchsmtpreceivemaxmessagesize"] == [b"36700160"]
    assert raw["msexchsmtpreceiveprotocoloptions"] == [str(445 | 512).encode()]     # defaults + DomainSecure
    assert raw["msexchsmtpreceiveenabled"] == [b"TRUE"]
    assert "msexchsmtpreceiverelaycontrol" not in raw                                # MessageRateLimit Unlimited
    assert raw["msexchsmtpreceivebindings"] == [b"[::]:25", b"0.0.0.0:25"]
    assert "pshimreceivepermissiongroups" in raw


def _custom(server):
    settings = R.new_connector_settings(
        Bindings=["10.1.2.3:2525", "[fe80::1]:2526"], RemoteIPRanges=["192.168.0.0/16", "10.0.0.1-10.0.0.9"],
        Enabled=False, TransportRole="FrontendTransport", AuthMechanism=1 | 32, PermissionGroups=16 | 1,
        Fqdn="relay.contoso.com", Banner="220 relay ready", Comment="made by a test; a,b=c",
        MaxMessageSize=10485760, MaxHeaderSize=65536, MaxRecipientsPerMessage=17, MaxHopCount=31,
        MaxLocalHopCount=4, MaxLogonFailures=9, MaxInboundConnection=None, MaxInboundConnectionPerSource=7,
        MaxInboundConnectionPercentagePerSource=50, MaxProtocolErrors=None, MessageRateLimit=42,
        ConnectionTimeout="1.02:03:04", ConnectionInactivityTimeout="00:00:09", ProtocolLoggingLevel="Verbose",
        RequireTLS=True, RequireEHLODomain=True, EnableAuthGSSAPI=True, DomainSecureEnabled=True,
        PipeliningEnabled=False, ChunkingEnabled=False, EightBitMimeEnabled=False, BinaryMimeEnabled=False,
        EnhancedStatusCodesEnabled=False, DeliveryStatusNotificationEnabled=False,
        TlsCertificateName="<I>CN=Contoso CA<S>CN=relay.contoso.com")
    return R.ConnectorRecord(server, "Relay, Special+Chars", settings)


def test_add_round_trips_every_setting(directory, org):
    server = org[0][0].name
    record = _custom(server)
    for s in R.CONNECTOR_SETTINGS:                       # every setting differs from its default
        assert record.settings[s.name] != s.default, s.name
    stored = directory.add_connector(record)
    assert stored.settings == record.settings
    assert (stored.server, stored.name, stored.guid) == (server, record.name, record.guid)
    assert stored.dn.startswith("CN=Relay\\, Special\\+Chars,CN=SMTP Receive Connectors,")
    again = [c for c in directory.connectors(server) if c.guid == record.guid]
    assert again and again[0].settings == record.settings and again[0].name == record.name


def test_add_existing_name_is_object_exists(directory, org):
    _servers, connectors = org
    dup = R.ConnectorRecord(connectors[0].server, connectors[0].name.upper(), R.new_connector_settings(
        Bindings=["0.0.0.0:2600"], RemoteIPRanges=["0.0.0.0-255.255.255.255"]))
    with pytest.raises(ObjectExists) as e:
        directory.add_connector(dup)
    assert str(e.value) == (f"Active Directory operation failed on {directory.source}. The object "
                            f"'CN={dup.name},CN=SMTP Receive Connectors,CN=Protocols,CN={dup.server},{_servers_dn()}'"
                            " already exists.")
    assert len(directory.connectors()) == len(connectors)


def test_add_to_unknown_server_is_object_gone(directory, org):
    rec = R.ConnectorRecord("NOSUCH", "x", R.new_connector_settings(Bindings=["0.0.0.0:25"],
                                                                   RemoteIPRanges=["127.0.0.1"]))
    with pytest.raises(ObjectGone) as e:
        directory.add_connector(rec)
    assert "'NOSUCH' couldn't be found on" in str(e.value)


def test_add_creates_missing_containers(directory, org, admin):
    new = R.ServerRecord("MBX09", "mbx09.contoso.com", R.MAILBOX_2019_ROLES, "Version 15.2 (Build 31118.7)")
    admin.add(f"CN=MBX09,{_servers_dn()}", ["top", "msExchExchangeServer"],
              {k: v for k, v in M.server_attributes(new, "DC=contoso,DC=com").items() if v})
    assert admin.result["result"] == 0
    rec = R.ConnectorRecord("MBX09", "Only", R.new_connector_settings(Bindings=["0.0.0.0:25"],
                                                                      RemoteIPRanges=["127.0.0.1"]))
    stored = directory.add_connector(rec)
    assert stored.identity == "MBX09\\Only"
    assert [c.name for c in directory.connectors("MBX09")] == ["Only"]
    assert _raw(admin, f"CN=SMTP Receive Connectors,CN=Protocols,CN=MBX09,{_servers_dn()}", "objectClass")[
        "objectclass"][-1] == b"msExchProtocolCfgSMTPContainer"


class _Spy:
    """Records the modify requests an LdapDirectory sends (they still go to slapd)."""

    def __init__(self, directory):
        self.calls = []
        real = directory.conn.modify

        def modify(dn, changes, *a, **kw):
            self.calls.append((dn, {k: v for k, v in changes.items()}))
            return real(dn, changes, *a, **kw)
        directory.conn.modify = modify


def test_update_writes_only_changed_attributes(directory, org, admin):
    target = org[1][2]
    spy = _Spy(directory)
    stored = directory.update_connector(target.guid, {"MaxMessageSize": 20971520, "Banner": target.get("Banner")})
    assert stored.settings["MaxMessageSize"] == 20971520
    assert {k: v for k, v in stored.settings.items() if k != "MaxMessageSize"} == \
        {k: v for k, v in target.settings.items() if k != "MaxMessageSize"}
    assert len(spy.calls) == 1
    assert set(spy.calls[0][1]) == {"msExchSmtpReceiveMaxMessageSize", "whenChanged"}
    # nothing to change: no modify request at all
    directory.update_connector(target.guid, {"MaxMessageSize": 20971520, "Enabled": True})
    assert len(spy.calls) == 1
    # a value set back to $null removes the attribute; Unlimited removes it too
    directory.update_connector(target.guid, {"Banner": "220 hi"})
    directory.update_connector(target.guid, {"Banner": None, "MaxInboundConnection": None})
    raw = _raw(admin, stored.dn)
    assert "msexchsmtpreceivebanner" not in raw and "msexchsmtpreceivemaxinboundconnections" not in raw
    assert directory.connectors(target.server)[2].settings["MaxInboundConnection"] is None


def test_update_keeps_flag_bits_pshim_does_not_know(directory, org, admin):
    target = org[1][0]
    dn = next(c.dn for c in directory.connectors() if c.guid == target.guid)
    admin.modify(dn, {"msExchSmtpReceiveProtocolOptions": [(ldap3.MODIFY_REPLACE, [str(445 | 1024 | 65536)])]})
    directory.update_connector(target.guid, {"ChunkingEnabled": False, "RequireTLS": True})
    raw = _raw(admin, dn)
    assert int(raw["msexchsmtpreceiveprotocoloptions"][0]) == (445 | 1024 | 65536) & ~8
    assert int(raw["msexchsmtpreceiveprotocolrestrictions"][0]) == 8


def test_rename_keeps_identity_and_refuses_a_taken_name(directory, org):
    _servers, connectors = org
    target, other = connectors[0], connectors[1]
    stored = directory.update_connector(target.guid, {"Comment": "renamed"}, new_name="Renamed One")
    assert (stored.guid, stored.name, stored.settings["Comment"]) == (target.guid, "Renamed One", "renamed")
    assert stored.dn.startswith("CN=Renamed One,CN=SMTP Receive Connectors,")
    names = [c.name for c in directory.connectors(target.server)]
    assert "Renamed One" in names and target.name not in names
    with pytest.raises(ObjectExists):
        directory.update_connector(target.guid, {"Comment": "not written"}, new_name=other.name)
    now = [c for c in directory.connectors(target.server) if c.guid == target.guid][0]
    assert (now.name, now.settings["Comment"]) == ("Renamed One", "renamed")


def test_remove_and_object_gone(directory, org):
    target = org[1][3]
    directory.remove_connector(target.guid)
    assert target.guid not in [c.guid for c in directory.connectors()]
    with pytest.raises(ObjectGone):
        directory.remove_connector(target.guid)
    with pytest.raises(ObjectGone) as e:
        directory.update_connector(target.guid, {"Enabled": False})
    assert str(e.value) == (f"The operation couldn't be performed because object '{target.guid}' couldn't be "
                            f"found on '{directory.source}'.")
    with pytest.raises(ObjectGone):
        directory.update_connector("not-a-guid", {"Enabled": False})


def test_removed_by_another_shell_between_read_and_write(directory, org, make_directory):
    target = org[1][4]
    other = make_directory()
    assert target.guid in [c.guid for c in directory.connectors()]
    other.remove_connector(target.guid)
    with pytest.raises(ObjectGone):
        directory.update_connector(target.guid, {"Comment": "late"})


@pytest.mark.parametrize("identity", ["*)(objectClass=*", "*", "MBX0*", "\\2a", "x)(|(cn=*"])
def test_identities_are_escaped_in_filters(directory, org, identity):
    assert directory.connectors(identity) == []
    assert directory.server_dn(identity) is None


def test_paged_reads_of_2500_connectors(big_slapd, big_org, dns_server):
    from pshim.modules.exchange.directory.ldap_config import LdapConfig
    from pshim.modules.exchange.directory.ldap import LdapDirectory
    cfg = LdapConfig(server=big_slapd.address, base_dn="DC=fabrikam,DC=com", nameserver=dns_server.address,
                     user=big_slapd.root_dn("DC=fabrikam,DC=com"), password=big_slapd.password)
    d = LdapDirectory(cfg)
    try:
        before = d.search_operations
        got = d.connectors()
        searches = d.search_operations - before
        servers, connectors = big_org
        assert len(got) == 2500
        assert [c.identity for c in got[:6]] == [c.identity for c in connectors[:6]]
        assert got[-1].settings == connectors[-1].settings
        assert searches == 5                            # 2,500 / 500 per page; never one query per object
        before = d.search_operations
        assert len(d.servers()) == 500
        assert d.search_operations - before == 1
    finally:
        d.close()


def test_dns_addresses(directory, org, dns_server):
    assert directory.addresses("nosuch.contoso.com") == ([], [])
    assert directory._resolve("nosuch.contoso.com")[2] == "No such host is known"
    servers, _ = org
    seen = dns_server.queries
    directory.addresses(servers[0].fqdn)
    directory.addresses(servers[0].fqdn.upper())
    assert dns_server.queries - seen <= 2                  # A and AAAA once; then the cache


def test_silent_name_server_is_bounded(make_directory, org):
    import time
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        d = make_directory(nameserver=f"127.0.0.1:{silent.getsockname()[1]}", timeout=0.5)
        t0 = time.monotonic()
        servers = d.servers()
        elapsed = time.monotonic() - t0
    assert elapsed < 3                                     # the first timeout stops further queries
    assert all(s.ipv4 == [] and s.ipv6 == [] for s in servers)
    assert "did not answer within 0.5 seconds" in servers[0].address_error


def test_local_server(make_directory, org, admin):
    servers, _ = org
    assert make_directory(local_server=servers[1].name.lower()).local_server() == servers[1].name
    assert make_directory(local_server=servers[1].fqdn.upper()).local_server() == servers[1].name
    assert make_directory(local_server="NOSUCH").local_server() is None
    # without LocalServer: the server whose name is this machine's host name
    here = socket.gethostname().split(".")[0]
    d = make_directory()
    before = d.local_server()
    assert before is None or before.lower() == here.lower()
    me = R.ServerRecord(here, f"{here}.contoso.com", R.MAILBOX_2019_ROLES, "Version 15.2 (Build 31118.7)")
    provision(admin, [me], [], root_dn="DC=contoso,DC=com")
    assert d.local_server() == here


def test_domain_controllers(make_directory, org, slapd):
    d = make_directory(domain_controllers=["dc01.contoso.com", "dc02.contoso.com"])
    assert d.domain_controllers() == ["dc01.contoso.com", "dc02.contoso.com", "127.0.0.1"]


def test_provision_refuses_existing_server(admin, org):
    servers, connectors = org
    with pytest.raises(ObjectExists):
        provision(admin, servers[:1], [], root_dn="DC=contoso,DC=com")


def test_schema_file_defines_every_mapped_attribute():
    import re
    with open(M.__file__.replace("ldap_map.py", "ldap_schema.schema")) as fh:
        text = fh.read()
    defined = {n.lower() for n in re.findall(r"NAME '([^']+)'", text)}
    core = {"cn", "serialnumber", "createtimestamp", "modifytimestamp"}
    for attr in M.CONNECTOR_ATTRIBUTES + M.SERVER_ATTRIBUTES:
        assert attr.lower() in defined | core, attr
    for cls in (M.CLASS_SERVER, M.CLASS_CONNECTOR, M.PROTOCOLS[1], M.SMTP_RECEIVE_CONNECTORS[1]):
        assert cls.lower() in defined


def test_active_directory_rules(directory, org, admin):
    """What changes when the server is Active Directory (recognised from the root DSE; slapd is told so here):
    no objectGUID/whenCreated/whenChanged written, and PermissionGroups - which AD keeps in the ACL - is read
    as None and never written."""
    from pshim.modules.exchange.directory.base import DirectoryError
    server = org[0][0].name
    directory.is_ad = True
    stored = directory.add_connector(R.ConnectorRecord(server, "AD rules", R.new_connector_settings(
        Bindings=["0.0.0.0:2700"], RemoteIPRanges=["127.0.0.1"], PermissionGroups=2)))
    raw = _raw(admin, stored.dn)
    assert not {"objectguid", "whencreated", "whenchanged", "pshimreceivepermissiongroups"} & set(raw)
    assert stored.settings["PermissionGroups"] == 0
    target = org[1][0]
    with pytest.raises(DirectoryError) as e:
        directory.update_connector(target.guid, {"PermissionGroups": 1})
    assert "PermissionGroups can't be changed through pshim" in str(e.value)
    # an unchanged PermissionGroups among other changes is fine
    after = directory.update_connector(target.guid, {"PermissionGroups": target.get("PermissionGroups"),
                                                     "Comment": "ok"})
    assert after.settings["Comment"] == "ok"
