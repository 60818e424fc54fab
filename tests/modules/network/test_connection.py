"""Test-Connection: ICMP echo to 127.0.0.1 and ::1 only; names from the test's DNS server; the error record
when this process can send no echo request at all (a subprocess without CAP_NET_RAW and without ping)."""
import os
import shutil
import socket
import subprocess
import sys

import pytest

from pshim.modules.network import icmp
from pshim.testing import run


def icmp_works():
    try:
        return icmp.echo("127.0.0.1", 2).ok
    except icmp.IcmpUnavailable:
        return False


needs_icmp = pytest.mark.skipif(not icmp_works(), reason="this process cannot send ICMP echo requests")


@needs_icmp
def test_replies_are_win32_pingstatus_objects():
    r = run("Test-Connection 127.0.0.1 -Count 2 -Delay 1")
    assert len(r.output) == 2 and r.errors == []
    o = r.output[0]
    assert o.Address == "127.0.0.1" and o.IPV4Address == "127.0.0.1" and o.IPV6Address is None
    assert (int(o.StatusCode), int(o.BufferSize), int(o.ReplySize), int(o.TimeToLive)) == (0, 32, 32, 80)
    assert getattr(o, "__SERVER") == socket.gethostname() and int(o.ResponseTimeToLive) > 0
    r = run("(Test-Connection ::1 -Count 1 -BufferSize 64).GetType().FullName; "
            "(Test-Connection ::1 -Count 1 -BufferSize 64 -TTL 9) | ForEach-Object { \"$($_.IPV6Address) $($_.ReplySize) $($_.TimeToLive)\" }")
    assert r.output == ["System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus", "::1 64 9"]


@needs_icmp
def test_default_table():
    r = run("Test-Connection 127.0.0.1 -Count 1", capture_output=False)
    rows = [ln.rstrip() for ln in r.host_text.split("\n")]
    host = socket.gethostname()[:13]
    assert rows[1:3] == ["Source        Destination     IPV4Address      IPV6Address                              Bytes    Time(ms)",
                         "------        -----------     -----------      -----------                              -----    --------"]
    assert rows[3].startswith(f"{host:<13} 127.0.0.1       127.0.0.1                                                 32       ")


@needs_icmp
def test_quiet_is_one_boolean_per_computer():
    r = run("Test-Connection 127.0.0.1, ::1 -Count 1 -Quiet; Test-Connection -ComputerName localhost -Count 1 -Quiet")
    assert r.output == [True, True, True] and r.errors == []


def test_name_that_does_not_resolve(dns_zone):
    r = run("Test-Connection nosuch.contoso.test -Count 2", capture_output=False)
    assert r.error_text.count(
        "Test-Connection : Testing connection to computer 'nosuch.contoso.test' failed: No such host is known\n") == 2
    assert "    + CategoryInfo          : ResourceUnavailable: (nosuch.contoso.test:String) [Test-Connection], " \
           "PingException" in r.error_text
    assert "    + FullyQualifiedErrorId : TestConnectionException,Microsoft.PowerShell.Commands.TestConnectionCommand" \
           in r.error_text
    r = run("Test-Connection nosuch.contoso.test -Count 1 -Quiet")
    assert r.output == [False] and r.errors == []


@needs_icmp
def test_names_from_dns_are_pinged(dns_zone):
    r = run("Test-Connection mail.contoso.test -Count 1 | ForEach-Object { \"$($_.Address) $($_.IPV4Address) $($_.IPV6Address)\" }")
    assert r.output == ["mail.contoso.test 127.0.10.1 ::1"]


def test_parameters_are_validated():
    r = run("Test-Connection 127.0.0.1 -Count 0; Test-Connection 127.0.0.1 -TimeToLive 256")
    assert [e.FullyQualifiedErrorId for e in r.errors] == [
        "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.TestConnectionCommand"] * 2


def _without_icmp():
    """argv prefix that runs a command with no CAP_NET_RAW (so no raw socket), or None."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    try:
        lo, hi = (int(x) for x in open("/proc/sys/net/ipv4/ping_group_range").read().split())
    except (OSError, ValueError):
        return None
    if lo <= os.getgid() <= hi:
        return None          # ICMP datagram sockets are allowed to this group anyway
    return [setpriv, "--bounding-set=-net_raw", "--inh-caps=-net_raw"]


def test_no_icmp_at_all_is_an_error_record_even_with_quiet(tmp_path):
    prefix = _without_icmp()
    if prefix is None:
        pytest.skip("cannot take CAP_NET_RAW away here")
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty), "PSHIM_HOME": str(tmp_path / "home")}
    code = ("Test-Connection 127.0.0.1 -Count 2; Test-Connection ::1 -Quiet; "
            "(Test-NetConnection 127.0.0.1 -WarningAction SilentlyContinue).PingSucceeded")
    done = subprocess.run(prefix + [sys.executable, "-m", "pshim", "-NoProfile", "-Command", code],
                          capture_output=True, text=True, env=env, timeout=60)
    if "Operation not permitted" in done.stderr and "setpriv" in done.stderr:
        pytest.skip("setpriv is not permitted here")
    err = done.stderr
    assert err.count("Test-Connection : Testing connection to computer '127.0.0.1' failed: pshim cannot send ICMP "
                     "echo requests here") == 1
    assert "Testing connection to computer '::1' failed: pshim cannot send ICMP echo requests here" in err
    assert "no ping program was found on PATH" in err
    assert "Test-NetConnection : Ping to 127.0.0.1 was not sent: pshim cannot send ICMP echo requests here" in err
    assert done.stdout.split() == ["False"]


@pytest.mark.skipif(icmp.ping_program() is None, reason="no ping program on this machine")
def test_the_system_ping_program_parses():
    reply = icmp.program_echo(icmp.ping_program(), "127.0.0.1", False, 2, 32, 64)
    assert reply.ok and reply.address == "127.0.0.1" and reply.ttl > 0
