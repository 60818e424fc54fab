"""Test-NetConnection against loopback endpoints the tests serve (a listening socket, a closed port),
names resolved by the test's DNS server or hosts file; echo tests only of 127.0.0.1 and ::1."""
import pytest

from pshim.modules.network import icmp
from pshim.testing import run


def lines(text):
    return [ln.rstrip() for ln in text.split("\n")]


def icmp_works():
    try:
        return icmp.echo("127.0.0.1", 2).ok
    except icmp.IcmpUnavailable:
        return False


needs_icmp = pytest.mark.skipif(not icmp_works(), reason="this process cannot send ICMP echo requests")


def test_tcp_success_object_and_view(listener):
    r = run(f"Test-NetConnection 127.0.0.1 -Port {listener}")
    o = r.output[0]
    assert (o.ComputerName, o.RemoteAddress, o.RemotePort, o.TcpTestSucceeded, o.SourceAddress,
            o.InterfaceAlias, o.PingSucceeded, o.PingReplyDetails) == \
        ("127.0.0.1", "127.0.0.1", listener, True, "127.0.0.1", "lo", False, None)
    r = run(f"Test-NetConnection 127.0.0.1 -Port {listener}", capture_output=False)
    assert r.error_text == ""
    assert lines(r.host_text)[:8] == ["", "", "ComputerName     : 127.0.0.1", "RemoteAddress    : 127.0.0.1",
                                      f"RemotePort       : {listener}", "InterfaceAlias   : lo",
                                      "SourceAddress    : 127.0.0.1", "TcpTestSucceeded : True"]


@needs_icmp
def test_tcp_failure_warns_then_pings(closed_port):
    r = run(f"Test-NetConnection 127.0.0.1 -Port {closed_port}", capture_output=False)
    text = lines(r.host_text)
    assert text[:3] == [f"WARNING: TCP connect to (127.0.0.1 : {closed_port}) failed", "", ""]
    rtt = text[9]
    assert rtt.startswith("PingReplyDetails (RTT) : ") and rtt.endswith(" ms")
    assert text[3:] == ["ComputerName           : 127.0.0.1",
                        "RemoteAddress          : 127.0.0.1",
                        f"RemotePort             : {closed_port}",
                        "InterfaceAlias         : lo",
                        "SourceAddress          : 127.0.0.1",
                        "PingSucceeded          : True",
                        rtt,
                        "TcpTestSucceeded       : False", "", "", "", ""]
    r = run(f"$w = $null; $o = Test-NetConnection 127.0.0.1 -Port {closed_port} -WarningVariable w "
            "-WarningAction SilentlyContinue; $o.TcpTestSucceeded; $o.PingSucceeded; $o.PingReplyDetails.Status; "
            "$w.Count")
    assert r.output == [False, True, "Success", 1]


def test_quiet_returns_a_boolean(listener, closed_port):
    r = run(f"Test-NetConnection 127.0.0.1 -Port {listener} -InformationLevel Quiet; "
            f"Test-NetConnection 127.0.0.1 -Port {closed_port} -InformationLevel Quiet -WarningAction SilentlyContinue")
    assert r.output == [True, False]


def test_every_address_is_tried_with_a_warning_each(hosts_file, closed_port):
    r = run(f"Test-NetConnection localhost -Port {closed_port} -InformationLevel Quiet", capture_output=False)
    assert r.host_text.split("\n")[:2] == [f"WARNING: TCP connect to (127.0.0.1 : {closed_port}) failed",
                                           f"WARNING: TCP connect to (::1 : {closed_port}) failed"]


def test_names_from_dns(dns_zone, listener):
    r = run(f"Test-NetConnection mail.contoso.test -Port {listener} -InformationLevel Quiet -WarningAction SilentlyContinue")
    assert r.output == [False]     # mail.contoso.test is 127.0.10.1 / ::1, where nothing listens on that port
    r = run("Test-NetConnection nosuch.contoso.test -Port 25", capture_output=False)
    text = lines(r.host_text)
    assert text[0] == "WARNING: Name resolution of nosuch.contoso.test failed"
    assert [t for t in text if t][1:] == ["ComputerName   : nosuch.contoso.test", "RemoteAddress  :",
                                          "InterfaceAlias :", "SourceAddress  :", "PingSucceeded  : False"]
    r = run("Test-NetConnection nosuch.contoso.test -InformationLevel Quiet -WarningAction SilentlyContinue")
    assert r.output == [False]


def test_listener_on_another_loopback_address(dns_zone):
    import socket
    s = socket.socket()
    s.bind(("127.0.10.1", 0))
    s.listen()
    try:
        port = s.getsockname()[1]
        r = run(f"Test-NetConnection mail.contoso.test -Port {port} | Select-Object RemoteAddress, TcpTestSucceeded")
        assert (r.output[0].members["remoteaddress"].value, r.output[0].members["tcptestsucceeded"].value) == \
            ("127.0.10.1", True)
    finally:
        s.close()


def test_detailed_view(listener):
    r = run(f"Test-NetConnection 127.0.0.1 -Port {listener} -InformationLevel Detailed", capture_output=False)
    got = [ln.split(" :")[0].rstrip() for ln in lines(r.host_text) if " :" in ln]
    assert got == ["ComputerName", "RemoteAddress", "RemotePort", "NameResolutionResults", "MatchingIPsecRules",
                   "NetworkIsolationContext", "IsAdmin", "InterfaceAlias", "SourceAddress", "NetRoute (NextHop)",
                   "TcpTestSucceeded"]
    assert "NetworkIsolationContext : Loopback" in r.host_text
    assert "NetRoute (NextHop)      : 0.0.0.0" in r.host_text


@needs_icmp
def test_echo_test_without_port():
    r = run("Test-NetConnection ::1", capture_output=False)
    assert [ln.split(" : ")[0].rstrip() for ln in lines(r.host_text) if " : " in ln] == [
        "ComputerName", "RemoteAddress", "InterfaceAlias", "SourceAddress", "PingSucceeded", "PingReplyDetails (RTT)"]
    r = run("Test-NetConnection 127.0.0.1 -InformationLevel Quiet; (tnc ::1).PingReplyDetails.GetType().FullName")
    assert r.output == [True, "System.Net.NetworkInformation.PingReply"]


def test_common_tcp_port_and_validation():
    r = run("Test-NetConnection 127.0.0.1 -CommonTCPPort SMTP")
    assert r.errors[0].FullyQualifiedErrorId == "ParameterArgumentValidationError,Test-NetConnection"
    assert 'The argument "SMTP" does not belong to the set "HTTP,RDP,SMB,WINRM"' in r.errors[0].message()
    r = run("Test-NetConnection 127.0.0.1 -Port 0")
    assert r.errors[0].FullyQualifiedErrorId == "ParameterArgumentValidationError,Test-NetConnection"


def test_pipeline_by_property_name(listener):
    r = run(f"[pscustomobject]@{{ComputerName='127.0.0.1'; Port={listener}}} | Test-NetConnection | "
            "ForEach-Object TcpTestSucceeded")
    assert r.output == [True]
