"""Resolve-DnsName against a DNS server the fixture runs on 127.0.0.1 (tests/modules/network/dns_server.py),
reached through pshim's own settings PSHIM_DNS_SERVER / PSHIM_DNS_PORT."""
import pytest

from pshim.testing import run


def lines(text):
    return [ln.rstrip() for ln in text.split("\n")]


def test_mx_records_objects_and_view(dns_zone):
    r = run("Resolve-DnsName contoso.test -Type MX | Where-Object Section -eq 'Answer' | Sort-Object Preference")
    assert [(o.Name, o.NameExchange, int(o.Preference), int(o.TTL)) for o in r.output] == [
        ("contoso.test", "mail.contoso.test", 10, 3600), ("contoso.test", "mail2.contoso.test", 20, 3600)]
    r = run("$r = Resolve-DnsName contoso.test -Type MX | Select-Object -First 1\n"
            "$r.GetType().FullName; \"$($r.QueryType) $($r.Section)\"; $r.Type; $r -is [Microsoft.DnsClient.Commands.DnsRecord_MX]")
    assert r.output[:3] == ["Microsoft.DnsClient.Commands.DnsRecord_MX", "MX Answer", 15]
    r = run("Resolve-DnsName contoso.test MX | Where-Object Section -eq Answer | Sort-Object Preference",
            capture_output=False)
    assert lines(r.host_text)[:5] == [
        "",
        "Name                                     Type   TTL   Section    NameExchange                              Preference",
        "----                                     ----   ---   -------    ------------                              ----------",
        "contoso.test                             MX     3600  Answer     mail.contoso.test                         10",
        "contoso.test                             MX     3600  Answer     mail2.contoso.test                        20"]


def test_mx_answer_carries_the_additional_section(dns_zone):
    r = run("Resolve-DnsName contoso.test -Type MX | Where-Object Section -eq 'Additional' | "
            "ForEach-Object { \"$($_.Name)=$($_.IP4Address)\" } | Sort-Object")
    assert r.output == ["mail.contoso.test=127.0.10.1", "mail2.contoso.test=127.0.10.2"]
    r = run("Resolve-DnsName contoso.test -Type MX", capture_output=False)
    assert "Name       : mail.contoso.test\nQueryType  : A\nTTL        : 600\nSection    : Additional\n" \
           "IP4Address : 127.0.10.1" in r.host_text


def test_a_and_aaaa_by_default_in_one_table(dns_zone):
    r = run("Resolve-DnsName mail.contoso.test", capture_output=False)
    assert lines(r.host_text)[:5] == [
        "",
        "Name                                           Type   TTL   Section    IPAddress",
        "----                                           ----   ---   -------    ---------",
        "mail.contoso.test                              A      600   Answer     127.0.10.1",
        "mail.contoso.test                              AAAA   600   Answer     ::1"]
    assert [q[1] for q in dns_zone.queries] == ["A", "AAAA"]


@pytest.mark.parametrize("rtype,prop,expected", [
    ("TXT", "Strings", [["v=spf1 mx -all"], ["verification=abc", "second string"]]),
    ("NS", "NameHost", ["ns1.contoso.test"]),
    ("SOA", "PrimaryServer", ["ns1.contoso.test"]),
])
def test_other_record_types(dns_zone, rtype, prop, expected):
    r = run(f"Resolve-DnsName contoso.test -Type {rtype} | ForEach-Object {{ ,$_.{prop} }}")
    got = sorted(list(o) if isinstance(o, list) else o for o in r.output)
    assert got == sorted(expected)


def test_srv_soa_cname_ptr(dns_zone):
    r = run("$s = Resolve-DnsName _smtp._tcp.contoso.test -Type SRV; \"$($s.NameTarget):$($s.Port) $($s.Priority)/$($s.Weight)\"\n"
            "$o = Resolve-DnsName contoso.test -Type SOA; \"$($o.NameAdministrator) $($o.SerialNumber) $($o.DefaultTTL)\"\n"
            "$c = Resolve-DnsName www.contoso.test -Type CNAME; $c.GetType().Name; \"$($c.QueryType) $($c.NameHost)\"\n"
            "$p = Resolve-DnsName 127.0.10.1; \"$($p.Name) $($p.QueryType) $($p.NameHost)\"")
    assert r.errors == []
    assert r.output == ["mail.contoso.test:25 0/5", "hostmaster.contoso.test 2024010101 300",
                        "DnsRecord_PTR", "CNAME mail.contoso.test",
                        "1.10.0.127.in-addr.arpa PTR mail.contoso.test"]


def test_cname_chain_is_followed(dns_zone):
    r = run("Resolve-DnsName www.contoso.test -Type A | ForEach-Object { \"$($_.QueryType) $($_.Name)\" }")
    assert r.output == ["CNAME www.contoso.test", "A mail.contoso.test"]


def test_name_that_does_not_exist(dns_zone):
    r = run("Resolve-DnsName nosuch.contoso.test", capture_output=False)
    assert r.error_text.startswith("Resolve-DnsName : nosuch.contoso.test : DNS name does not exist\n")
    assert "    + CategoryInfo          : ResourceUnavailable: (nosuch.contoso.test:String) [Resolve-DnsName], " \
           "Win32Exception\n" in r.error_text
    assert "    + FullyQualifiedErrorId : DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName" \
           in r.error_text
    r = run("try { Resolve-DnsName nosuch.contoso.test -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }")
    assert r.output == ["DNS_ERROR_RCODE_NAME_ERROR,Microsoft.DnsClient.Commands.ResolveDnsName"]


def test_no_records_of_the_type_gives_the_zone_soa(dns_zone):
    r = run("Resolve-DnsName mail2.contoso.test -Type AAAA | ForEach-Object { \"$($_.QueryType) $($_.Section) $($_.Name)\" }")
    assert r.errors == [] and r.output == ["SOA Authority contoso.test"]


def test_server_failure_and_refused(dns_zone):
    r = run("Resolve-DnsName servfail.contoso.test -Type A; Resolve-DnsName refused.contoso.test -Type MX")
    assert [(e.message(), e.FullyQualifiedErrorId.split(",")[0]) for e in r.errors] == [
        ("servfail.contoso.test : DNS server failure", "DNS_ERROR_RCODE_SERVER_FAILURE"),
        ("refused.contoso.test : DNS request refused", "DNS_ERROR_RCODE_REFUSED")]


def test_tcp_only_and_no_recursion(dns_zone):
    r = run("(Resolve-DnsName mail2.contoso.test -Type A -TcpOnly -NoRecursion).IPAddress")
    assert r.output == ["127.0.10.2"] and dns_zone.queries[-1][2] == "tcp"


def test_server_parameter_asks_that_server(dns_zone, monkeypatch):
    monkeypatch.delenv("PSHIM_DNS_SERVER")
    r = run("(Resolve-DnsName mail2.contoso.test -Type A -Server 127.0.0.1).IPAddress")
    assert r.output == ["127.0.10.2"] and dns_zone.queries


def test_timeout_when_no_server_answers(monkeypatch, closed_port):
    monkeypatch.setenv("PSHIM_DNS_SERVER", "127.0.0.1")
    monkeypatch.setenv("PSHIM_DNS_PORT", str(closed_port))
    r = run("Resolve-DnsName mail.contoso.test -Type A -QuickTimeout")
    assert [e.message() for e in r.errors] == [
        "mail.contoso.test : This operation returned because the timeout period expired"]
    assert r.errors[0].FullyQualifiedErrorId == "ERROR_TIMEOUT,Microsoft.DnsClient.Commands.ResolveDnsName"


def test_hosts_file_answers_first_unless_no_hosts_file(dns_zone, hosts_file):
    hosts_file.write_text(hosts_file.read_text() + "127.0.10.9 mail.contoso.test\n")
    r = run("Resolve-DnsName mail.contoso.test | ForEach-Object { \"$($_.IPAddress) $($_.TTL) $($_.Section)\" }")
    assert r.output == ["127.0.10.9 86400 Answer"] and dns_zone.queries == []
    r = run("Resolve-DnsName relay -Type A | ForEach-Object { \"$($_.Name) $($_.IPAddress)\" }")
    assert r.output == ["relay 127.0.10.7"]
    r = run("(Resolve-DnsName mail.contoso.test -Type A -NoHostsFile).IPAddress; "
            "(Resolve-DnsName mail.contoso.test -Type A -Server 127.0.0.1).IPAddress; "
            "(Resolve-DnsName mail.contoso.test -Type A -DnsOnly).IPAddress")
    assert r.output == ["127.0.10.1", "127.0.10.1", "127.0.10.9"]


def test_pipeline_by_name_and_value(dns_zone):
    r = run("'mail.contoso.test', 'mail2.contoso.test' | Resolve-DnsName -Type A | ForEach-Object IPAddress")
    assert r.output == ["127.0.10.1", "127.0.10.2"]
    r = run("[pscustomobject]@{Name='contoso.test'; Type='NS'} | Resolve-DnsName | ForEach-Object NameHost")
    assert r.output == ["ns1.contoso.test"]


def test_type_is_validated():
    r = run("Resolve-DnsName contoso.test -Type BOGUS")
    assert r.errors[0].FullyQualifiedErrorId == \
        "ParameterArgumentValidationError,Microsoft.DnsClient.Commands.ResolveDnsName"


def test_module_and_help():
    r = run("(Get-Command Resolve-DnsName).Source; (Get-Command Test-NetConnection).Source; "
            "(Get-Command Test-Connection).Source; (Get-Alias tnc).Definition")
    assert r.output == ["DnsClient", "NetTCPIP", "Microsoft.PowerShell.Management", "Test-NetConnection"]
