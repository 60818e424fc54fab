"""The lab's SMTP listeners: real SMTP sessions, the exact banner, faults, following changes, errors."""
import re
import smtplib
import socket
import threading
import time
from datetime import datetime, timezone

import pytest

from pshim.modules.exchange.smtp.listeners import (
    GARBAGE_BYTES, HUGE_SIZE, ListenerGroup, ListenerSpec, exchange_date)
from pshim.modules.exchange.smtp.probe import EXTERNAL, PERMANENT, SUCCESS, TRANSIENT, UNABLE, Endpoint, probe_all
from smtp_peers import BANNER, addr, fds_back_to, ipv6_loopback, open_fds, random_port

DATE = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} " \
       r"\d\d:\d\d:\d\d [+-]\d{4}"


def started(specs, port_offset=0):
    g = ListenerGroup(specs, port_offset=port_offset)
    g.start()
    return g


@pytest.fixture
def group():
    groups = []

    def make(specs, port_offset=0):
        g = started(specs, port_offset)
        groups.append(g)
        return g

    yield make
    for g in groups:
        g.stop()


def status(spec, **kw):
    [r] = probe_all([Endpoint(spec.address, spec.port)], connect_timeout=1.0, banner_timeout=0.5, **kw)
    return r


def read_banner(address, port, limit=4096, timeout=1.0):
    with socket.create_connection((address, port), timeout=timeout) as s:
        data = b""
        while b"\n" not in data and len(data) < limit:
            chunk = s.recv(limit - len(data))
            if not chunk:
                break
            data += chunk
        return data


@pytest.fixture
def central_european_time(monkeypatch):
    monkeypatch.setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3")     # a POSIX rule: no tz database needed
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_exchange_date_form(central_european_time):
    assert exchange_date(datetime(2019, 6, 3, 15, 2, 33)) == "Mon, 3 Jun 2019 15:02:33 +0200"
    assert exchange_date(datetime(2019, 12, 24, 9, 5, 7)) == "Tue, 24 Dec 2019 09:05:07 +0100"
    utc = datetime(2019, 6, 3, 13, 2, 33, tzinfo=timezone.utc)
    assert exchange_date(utc) == "Mon, 3 Jun 2019 15:02:33 +0200"      # shown in the server's local time
    assert re.fullmatch(DATE, exchange_date())


def test_healthy_listener_is_a_real_smtp_server_with_the_exact_banner(group):
    port = random_port()
    spec = ListenerSpec(addr(51), port, BANNER)
    g = group([spec])
    assert g.errors == {}
    banner = read_banner(spec.address, port).decode()
    assert re.fullmatch("220 MBX01.contoso.com Microsoft ESMTP MAIL Service ready at " + DATE + "\r\n", banner)
    with smtplib.SMTP(spec.address, port, timeout=2) as c:
        code, text = c.ehlo("client.contoso.com")
        assert code == 250 and text.splitlines()[0] == b"MBX01.contoso.com"
        refused = c.sendmail("admin@contoso.com", ["user@contoso.com", "other@fabrikam.com"],
                             "From: admin@contoso.com\r\nSubject: lab\r\n\r\nhello\r\n")
        assert refused == {}
        assert c.noop()[0] == 250
    assert g.messages == {spec: 1}


def test_a_custom_banner_is_served_as_written(group):
    port = random_port()
    specs = [ListenerSpec(addr(52), port, "220 Welcome to the lab"),
             ListenerSpec(addr(53), port, "220-multi line one\r\n220 line two"),
             ListenerSpec(addr(54), port, "220 mx.contoso.com MICROSOFT ESMTP MAIL SERVICE READY AT {date} {x}")]
    group(specs)
    assert read_banner(addr(52), port) == b"220 Welcome to the lab\r\n"
    assert status(specs[1]).details == "220-multi line one\r\n220 line two"
    assert re.fullmatch("220 mx.contoso.com MICROSOFT ESMTP MAIL SERVICE READY AT " + DATE + r" \{x\}",
                        status(specs[2]).details)


def test_every_fault_on_the_wire(group):
    port = random_port()
    faults = ["down", "transient", "permanent", "silent", "slow", "garbage", "reset", "huge"]
    specs = [ListenerSpec(addr(60 + i), port, BANNER, f, 0.2) for i, f in enumerate(faults)]
    g = group(specs)
    assert g.errors == {}
    by = dict(zip(faults, specs))
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((by["down"].address, port), timeout=1).close()
    assert read_banner(by["transient"].address, port) == \
        b"421 4.3.2 Service not available, closing transmission channel\r\n"
    assert read_banner(by["permanent"].address, port).startswith(b"554 5.7.1 ")
    with socket.create_connection((by["garbage"].address, port), timeout=1) as c:
        got = b""
        while chunk := c.recv(4096):
            got += chunk
    assert got == GARBAGE_BYTES and got.startswith(b"\x00\xff") and b"HTTP/1.1 400 Bad Request\r\n" in got
    with pytest.raises(socket.timeout):
        read_banner(by["silent"].address, port, timeout=0.3)
    t = time.monotonic()
    assert read_banner(by["slow"].address, port).startswith(b"220 MBX01.contoso.com ")
    assert time.monotonic() - t >= 0.19
    with pytest.raises(ConnectionResetError):
        read_banner(by["reset"].address, port)
    assert read_banner(by["huge"].address, port, limit=600).startswith(b"220 xxxx")


def test_huge_sends_four_megabytes_to_a_patient_reader_and_stops_for_an_impatient_one(group):
    port = random_port()
    spec = ListenerSpec(addr(70), port, BANNER, "huge")
    group([spec])
    with socket.create_connection((spec.address, port), timeout=2) as s:
        total = 0
        while True:
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            total += len(chunk)
    assert total == 4 + HUGE_SIZE
    before = open_fds()
    for _ in range(5):
        with socket.create_connection((spec.address, port), timeout=2) as s:
            s.recv(10)
    assert fds_back_to(before)      # the listener's side went away too


def test_update_adds_removes_and_changes(group):
    port = random_port()
    a = ListenerSpec(addr(80), port, "220 first banner")
    b = ListenerSpec(addr(81), port, BANNER)
    g = group([a])
    assert status(a).details == "220 first banner"
    assert status(b).status == UNABLE

    a2 = ListenerSpec(addr(80), port, "220 second banner")
    g.update([a2, b])
    assert status(a2).details == "220 second banner"
    assert status(b).status == SUCCESS

    g.update([ListenerSpec(addr(80), port, "220 x", "transient"), ListenerSpec(addr(81), port, BANNER, "down")])
    assert status(a).status == TRANSIENT
    assert status(b).status == UNABLE
    assert g.listening() == [ListenerSpec(addr(80), port, "220 x", "transient")]

    g.update([ListenerSpec(addr(81), port, BANNER, "permanent")])
    assert status(a).status == UNABLE
    assert status(b).status == PERMANENT
    g.update([ListenerSpec(addr(81), port, BANNER, "garbage")])
    assert status(b).status == EXTERNAL


def test_a_listener_going_down_drops_its_open_connections(group):
    port = random_port()
    spec = ListenerSpec(addr(82), port, BANNER, "silent")
    g = group([spec])
    c = socket.create_connection((spec.address, port), timeout=1)
    try:
        time.sleep(0.05)
        g.update([ListenerSpec(addr(82), port, BANNER, "down")])
        c.settimeout(1.0)
        try:
            assert c.recv(10) == b""
        except ConnectionResetError:
            pass
    finally:
        c.close()


def test_errors_name_the_specs_that_are_not_served(group):
    port = random_port()
    taken = socket.socket()
    taken.bind((addr(90), port))
    taken.listen(1)
    try:
        busy = ListenerSpec(addr(90), port, BANNER)
        far = ListenerSpec("192.0.2.10", port, BANNER)
        first = ListenerSpec(addr(91), port, "220 one")
        clash = ListenerSpec(addr(91), port, "220 two")
        odd = ListenerSpec(addr(92), port, BANNER, "flaky")
        g = group([busy, far, first, clash, odd, first])
        errors = g.errors
        assert set(errors) == {busy, far, clash, odd}
        assert errors[busy] == f"Address already in use ({addr(90)}:{port})"
        assert "not a loopback address" in errors[far]
        assert "already served" in errors[clash]
        assert "Unknown fault 'flaky'" in errors[odd]
        assert status(first).details == "220 one"
    finally:
        taken.close()
    g.update([busy])
    assert g.errors == {} and status(busy).status == SUCCESS


def test_port_offset(group):
    port = random_port()
    spec = ListenerSpec(addr(93), 25, BANNER)
    g = group([spec], port_offset=port - 25)
    assert g.errors == {}
    assert read_banner(spec.address, port).startswith(b"220 MBX01")
    r = status(spec, port_offset=port - 25)
    assert r.status == SUCCESS and str(r.endpoint) == f"{addr(93)}:25"


@pytest.mark.skipif(not ipv6_loopback(), reason="the kernel has no IPv6")
def test_ipv6_listener(group):
    port = random_port()
    spec = ListenerSpec("::1", port, "220 six")
    g = group([spec])
    if g.errors:
        pytest.skip(f"::1 port busy: {g.errors}")
    r = status(spec)
    assert (r.status, r.details, str(r.endpoint)) == (SUCCESS, "220 six", f"[::1]:{port}")


def test_stop_closes_everything_quickly(group):
    port = random_port()
    specs = [ListenerSpec(addr(95), port, BANNER, "silent"), ListenerSpec(addr(96), port, BANNER)]
    before_threads = threading.active_count()
    g = started(specs)
    c = socket.create_connection((addr(95), port), timeout=1)
    time.sleep(0.05)
    t = time.monotonic()
    g.stop()
    assert time.monotonic() - t < 1.0
    try:
        c.settimeout(1.0)
        try:
            assert c.recv(10) == b""
        except ConnectionResetError:
            pass
    finally:
        c.close()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((addr(96), port), timeout=1).close()
    assert threading.active_count() == before_threads
    g.stop()     # idempotent
