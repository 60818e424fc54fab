"""The SMTP probe against real listeners on loopback: every status, hostile endpoints, bounded time
and memory, cancelling, threads and loops."""
import asyncio
import os
import re
import signal
import socket
import threading
import time
import tracemalloc

import pytest

from pshim.modules.exchange.smtp.listeners import ListenerGroup, ListenerSpec
from pshim.modules.exchange.smtp.probe import (
    EXTERNAL, PERMANENT, SUCCESS, TRANSIENT, UNABLE, Endpoint, ProbeResult, examine_reply, probe_all,
    probe_each)
from smtp_peers import BANNER, addr, fds_back_to, free_port, ipv6_loopback, open_fds, random_port

FAULTS = [None, "down", "transient", "permanent", "silent", "slow", "garbage", "reset", "huge"]
DATE = r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}"
BANNER_RE = "220 MBX01.contoso.com Microsoft ESMTP MAIL Service ready at " + DATE


@pytest.fixture(scope="module")
def lab():
    """One listener per fault on addresses .1-.9 (slow: 0.3 s), plus a slow one of 1.5 s on .10."""
    for _ in range(5):
        port = random_port()
        specs = [ListenerSpec(addr(i + 1), port, BANNER, f, 0.3) for i, f in enumerate(FAULTS)]
        specs.append(ListenerSpec(addr(10), port, BANNER, "slow", 1.5))
        group = ListenerGroup(specs)
        group.start()
        if not group.errors:
            break
        group.stop()
    else:
        pytest.fail(f"no free port for the lab listeners: {group.errors}")
    group.by_fault = {s.fault: Endpoint(s.address, s.port) for s in specs[:len(FAULTS)]}
    group.slow_late = Endpoint(addr(10), port)
    yield group
    group.stop()


def probe_one(ep, connect_timeout=1.0, banner_timeout=1.0, **kw):
    t = time.monotonic()
    [r] = probe_all([ep], connect_timeout=connect_timeout, banner_timeout=banner_timeout, **kw)
    return r, time.monotonic() - t


# -- every status against the lab's listeners ---------------------------------------------------

def test_healthy_listener_is_success_with_its_banner(lab):
    r, took = probe_one(lab.by_fault[None])
    assert r.status == SUCCESS
    assert re.fullmatch(BANNER_RE, r.details), r.details
    assert r.endpoint == lab.by_fault[None]
    assert 0 < r.latency_ms < 1000
    assert took < 1.5


def test_421_is_transient_with_the_servers_words(lab):
    r, _ = probe_one(lab.by_fault["transient"])
    assert (r.status, r.details) == (TRANSIENT, "421 4.3.2 Service not available, closing transmission channel")
    assert r.latency_ms is not None


def test_554_is_permanent_with_the_servers_words(lab):
    r, _ = probe_one(lab.by_fault["permanent"])
    assert r.status == PERMANENT
    assert r.details.startswith("554 5.7.1 ")


def test_down_is_unable_to_connect_with_the_dotnet_text(lab):
    ep = lab.by_fault["down"]
    r, took = probe_one(ep, connect_timeout=3.0)
    assert r.status == UNABLE
    assert r.details == f"No connection could be made because the target machine actively refused it {ep}"
    assert r.latency_ms is None
    assert took < 1.0


def test_silent_is_transient_after_the_banner_timeout(lab):
    r, took = probe_one(lab.by_fault["silent"], banner_timeout=0.5)
    assert (r.status, r.details) == (TRANSIENT, "No banner was received within 0.5 seconds.")
    assert r.latency_ms is None
    assert 0.45 < took < 1.2


def test_slow_banner_within_the_timeout_is_success(lab):
    r, took = probe_one(lab.by_fault["slow"], banner_timeout=1.0)
    assert r.status == SUCCESS and re.fullmatch(BANNER_RE, r.details)
    assert r.latency_ms >= 290
    assert took < 1.5


def test_slow_banner_beyond_the_timeout_is_transient(lab):
    r, took = probe_one(lab.slow_late, banner_timeout=0.5)
    assert (r.status, r.details) == (TRANSIENT, "No banner was received within 0.5 seconds.")
    assert took < 1.2


def test_garbage_is_external_with_a_printable_excerpt(lab):
    r, took = probe_one(lab.by_fault["garbage"], banner_timeout=3.0)
    assert r.status == EXTERNAL
    assert "not answer with an SMTP reply" in r.details
    assert '"\\x00\\xff\\xfe\\x01HTTP/1.1 400 Bad Request\\r\\n' in r.details
    assert r.details.isprintable()
    assert took < 1.0      # decided on the first bytes, not at the timeout


def test_reset_is_transient(lab):
    r, took = probe_one(lab.by_fault["reset"], banner_timeout=3.0)
    assert (r.status, r.details) == (TRANSIENT, "An existing connection was forcibly closed by the remote host")
    assert took < 1.0


def test_huge_banner_is_external_fast_and_in_bounded_memory(lab):
    tracemalloc.start()
    try:
        r, took = probe_one(lab.by_fault["huge"], banner_timeout=3.0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert r.status == EXTERNAL
    assert "longer than 512 bytes" in r.details
    assert r.details.endswith('"220 ' + "x" * 56 + '..."')
    assert took < 1.0
    assert peak < 1_000_000, peak


def test_whole_lab_at_once_in_input_order_within_one_timeout(lab):
    eps = list(lab.by_fault.values()) * 3
    t = time.monotonic()
    rs = probe_all(eps, connect_timeout=1.0, banner_timeout=0.7)
    took = time.monotonic() - t
    assert [r.endpoint for r in rs] == eps
    want = {None: SUCCESS, "down": UNABLE, "transient": TRANSIENT, "permanent": PERMANENT, "silent": TRANSIENT,
            "slow": SUCCESS, "garbage": EXTERNAL, "reset": TRANSIENT, "huge": EXTERNAL}
    assert [r.status for r in rs] == [want[f] for f in FAULTS] * 3
    assert took < 0.7 + 0.6


def test_concurrency_bound_is_honoured(lab):
    silent = lab.by_fault["silent"]
    t = time.monotonic()
    rs = probe_all([silent] * 4, banner_timeout=0.3, concurrency=2)
    took = time.monotonic() - t
    assert [r.status for r in rs] == [TRANSIENT] * 4
    assert 0.55 < took < 1.2          # two waves of two


def test_port_offset_dials_elsewhere_and_keeps_the_configured_endpoint(lab):
    real = lab.by_fault[None]
    configured = Endpoint(real.address, real.port - 1000)
    r, _ = probe_one(configured, port_offset=1000)
    assert r.status == SUCCESS and r.endpoint == configured
    r, _ = probe_one(Endpoint(lab.by_fault["down"].address, 25), port_offset=lab.by_fault["down"].port - 25)
    assert r.details.endswith(f"{lab.by_fault['down'].address}:25")


def test_no_file_descriptor_is_left_open(lab):
    eps = list(lab.by_fault.values()) * 2
    probe_all(eps, banner_timeout=0.3)       # warm-up (lazy imports, caches)
    before = open_fds()
    probe_all(eps, banner_timeout=0.3)
    assert fds_back_to(before)


# -- replies the lab does not make: a scripted raw peer -------------------------------------------

def raw(raw_peer, script, banner_timeout=0.5, **kw):
    p = raw_peer(script, **kw)
    r, took = probe_one(Endpoint("127.0.0.1", p.port), banner_timeout=banner_timeout)
    return r, took, p


def test_multiline_banner_is_read_to_its_last_line(raw_peer):
    r, _, p = raw(raw_peer, [b"220-mx.contoso.com first\r\n", 0.05, b"220-second line\r\n220 last line\r\n"])
    assert r.status == SUCCESS
    assert r.details == "220-mx.contoso.com first\r\n220-second line\r\n220 last line"


def test_quit_is_sent_after_a_reply(raw_peer):
    r, took, p = raw(raw_peer, [b"220 ready\r\n"], banner_timeout=5.0, answer_quit=False)
    assert r.status == SUCCESS and r.details == "220 ready"
    p.stop()
    assert p.received == [b"QUIT\r\n"]
    assert 0.9 < took < 1.5      # the peer never answers QUIT: the wait for it is bounded by 1 s


def test_quit_is_not_sent_to_a_peer_that_is_not_smtp(raw_peer):
    r, _, p = raw(raw_peer, [b"SSH-2.0-OpenSSH_9.2\r\n"])
    assert r.status == EXTERNAL and "SSH-2.0-OpenSSH_9.2\\r\\n" in r.details
    p.stop()
    assert p.received == [b""]


def test_bare_lf_and_a_code_alone_are_accepted(raw_peer):
    r, _, _ = raw(raw_peer, [b"220-a\n220\n"])
    assert (r.status, r.details) == (SUCCESS, "220-a\r\n220")


@pytest.mark.parametrize("reply", [b"600 nope\r\n", b"120 wait\r\n", b"354 go ahead\r\n"])
def test_codes_that_are_not_a_greeting_are_external(raw_peer, reply):
    r, _, _ = raw(raw_peer, [reply])
    assert r.status == EXTERNAL
    assert f"reply code {reply[:3].decode()}" in r.details


def test_mixed_codes_in_a_multiline_reply_are_external(raw_peer):
    r, _, _ = raw(raw_peer, [b"220-one\r\n250 two\r\n"])
    assert r.status == EXTERNAL and "mixes the codes 220 and 250" in r.details


def test_endless_continuation_lines_are_external_after_4_kib(raw_peer):
    r, took, _ = raw(raw_peer, [b"220-" + b"y" * 90 + b"\r\n"] * 60, banner_timeout=2.0)
    assert r.status == EXTERNAL and "4096 bytes without completing" in r.details
    assert took < 1.0


def test_closed_without_a_word_is_transient(raw_peer):
    r, took, _ = raw(raw_peer, ["close"], banner_timeout=3.0)
    assert (r.status, r.details) == (TRANSIENT, "The connection was closed by the remote host before it sent a banner.")
    assert took < 1.0


def test_closed_in_the_middle_of_the_banner_is_transient(raw_peer):
    r, _, _ = raw(raw_peer, [b"220 half a ban", "close"])
    assert r.status == TRANSIENT
    assert r.details == ('The connection was closed by the remote host before the banner was complete; '
                         'received: "220 half a ban"')


def test_a_banner_that_stalls_is_transient_at_the_timeout(raw_peer):
    r, took, _ = raw(raw_peer, [b"220-part one\r\n", 5.0], banner_timeout=0.4)
    assert r.status == TRANSIENT
    assert r.details == 'The banner was not complete within 0.4 seconds; received: "220-part one\\r\\n"'
    assert 0.35 < took < 1.0


def test_the_banner_timeout_covers_the_whole_banner(raw_peer):
    # a trickle that never finishes: each byte would reset a per-read timeout, not the whole-banner one
    r, took, _ = raw(raw_peer, [b"220-", 0.1, b"a", 0.1, b"b", 0.1, b"c", 0.1, b"d", 0.1, b"e", 0.1, b"f", 0.1,
                                b"g", 0.1, b"h", 0.1, b"i", 0.1, b"j"], banner_timeout=0.5)
    assert r.status == TRANSIENT and "not complete within 0.5 seconds" in r.details
    assert took < 0.9


def test_reset_after_part_of_a_banner_says_what_came_first(raw_peer):
    r, _, _ = raw(raw_peer, [b"220-first\r\n", 0.05, "reset"])
    assert r.status == TRANSIENT
    assert r.details == ('An existing connection was forcibly closed by the remote host '
                         'Received before that: "220-first\\r\\n"')


def test_connect_timeout_is_unable_to_connect():
    # a listener with a full backlog that never accepts: the kernel drops further SYNs
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(0)
    port = srv.getsockname()[1]
    fill = []
    try:
        for _ in range(3):
            c = socket.socket()
            c.setblocking(False)
            c.connect_ex(("127.0.0.1", port))
            fill.append(c)
        time.sleep(0.05)
        r, took = probe_one(Endpoint("127.0.0.1", port), connect_timeout=0.4)
    finally:
        for c in fill:
            c.close()
        srv.close()
    assert r.status == UNABLE
    assert r.details.startswith("A connection attempt failed because the connected party did not properly respond")
    assert r.details.endswith(f" 127.0.0.1:{port}")
    assert 0.35 < took < 1.0


def test_refused_port_is_unable_to_connect():
    port = free_port()
    r, took = probe_one(Endpoint("127.0.0.1", port), connect_timeout=3.0)
    assert (r.status, r.details) == (
        UNABLE, f"No connection could be made because the target machine actively refused it 127.0.0.1:{port}")
    assert took < 1.0


@pytest.mark.skipif(not ipv6_loopback(), reason="the kernel has no IPv6")
def test_ipv6_loopback(raw_peer):
    p = raw_peer([b"220 six ready\r\n"], address="::1", family=socket.AF_INET6)
    r, _ = probe_one(Endpoint("::1", p.port))
    assert (r.status, r.details) == (SUCCESS, "220 six ready")
    assert str(r.endpoint) == f"[::1]:{p.port}"
    port = free_port("::1")
    r, _ = probe_one(Endpoint("::1", port))
    assert r.status == UNABLE and r.details.endswith(f" [::1]:{port}")


def test_not_an_ip_address_and_port_out_of_range_are_external():
    r, _ = probe_one(Endpoint("mbx01.contoso.com", 25))
    assert (r.status, r.details) == (EXTERNAL, "The endpoint address 'mbx01.contoso.com' is not an IP address.")
    r, _ = probe_one(Endpoint("127.0.0.1", 65535), port_offset=10)
    assert r.status == EXTERNAL and "65545" in r.details


def test_endpoint_text_is_the_dotnet_form():
    assert str(Endpoint("127.0.1.5", 25)) == "127.0.1.5:25"
    assert str(Endpoint("::1", 25)) == "[::1]:25"
    assert str(Endpoint("FE80:0::1", 2525)) == "[fe80::1]:2525"
    assert str(Endpoint("fe80::1%12", 25)) == "[fe80::1%12]:25"


def test_examine_reply_waits_for_more_only_while_smtp_is_possible():
    assert examine_reply(b"") is None
    assert examine_reply(b"2") is None
    assert examine_reply(b"220 partial") is None
    assert examine_reply(b"220 done\r") is None
    assert examine_reply(b"220 done\r\n") == (220, "220 done")
    assert isinstance(examine_reply(b"22x"), str)
    assert isinstance(examine_reply(b"220x"), str)
    assert isinstance(examine_reply(b"220 a\x00b"), str)
    assert examine_reply(b"220 " + b"a" * 507) is None          # 511 bytes: the CRLF may still fit
    assert isinstance(examine_reply(b"220 " + b"a" * 508), str)
    assert examine_reply(b"220 " + b"a" * 506 + b"\r\n") == (220, "220 " + "a" * 506)   # 512 with CRLF


# -- cancelling, Ctrl+C, threads and loops --------------------------------------------------------

def test_cancel_stops_every_probe_at_once(lab):
    eps = [lab.by_fault["silent"]] * 20 + [lab.by_fault[None]]
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    before = open_fds()
    t = time.monotonic()
    rs = probe_all(eps, banner_timeout=10.0, cancel=cancel)
    took = time.monotonic() - t
    assert took < 0.8
    assert [r.status for r in rs] == [SUCCESS]        # only the finished one
    assert fds_back_to(before)


def test_cancel_already_set_returns_nothing(lab):
    cancel = threading.Event()
    cancel.set()
    t = time.monotonic()
    assert probe_all([lab.by_fault["silent"]] * 3, banner_timeout=5, cancel=cancel) == []
    assert time.monotonic() - t < 1.0


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="needs the main thread")
def test_keyboard_interrupt_stops_everything_and_propagates(lab):
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        pytest.skip("SIGINT is not Python's default handler here")
    eps = [lab.by_fault["silent"]] * 10
    before = open_fds()
    timer = threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT))
    t = time.monotonic()
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        probe_all(eps, banner_timeout=5.0)
        time.sleep(2)      # not reached when the interrupt lands in the probe (it must)
    took = time.monotonic() - t
    timer.join()
    assert took < 1.0
    assert fds_back_to(before)
    assert not [t for t in threading.enumerate() if t.name == "smtp-probe"]


def test_works_from_a_worker_thread_without_a_loop(lab):
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("r", probe_all([lab.by_fault[None]])))
    t.start()
    t.join(5)
    assert box["r"][0].status == SUCCESS


def test_works_inside_a_running_loop_and_leaves_it_alone(lab):
    async def main():
        loop = asyncio.get_running_loop()
        ticks = []
        handle = loop.call_later(0.01, ticks.append, 1)
        rs = probe_all([lab.by_fault[None], lab.by_fault["silent"]], banner_timeout=0.3)
        await asyncio.sleep(0.02)
        handle.cancel()
        return rs, ticks, asyncio.get_running_loop() is loop

    rs, ticks, same = asyncio.run(main())
    assert [r.status for r in rs] == [SUCCESS, TRANSIENT]
    assert ticks == [1] and same


def test_cancel_also_stops_a_run_made_inside_a_running_loop(lab):
    cancel = threading.Event()

    async def main():
        threading.Timer(0.2, cancel.set).start()
        return probe_all([lab.by_fault["silent"]] * 3, banner_timeout=5.0, cancel=cancel)

    t = time.monotonic()
    assert asyncio.run(main()) == []
    assert time.monotonic() - t < 0.8
    assert not [t for t in threading.enumerate() if t.name == "smtp-probe"]


def test_the_threads_current_loop_is_not_replaced(lab):
    mine = asyncio.new_event_loop()
    asyncio.set_event_loop(mine)
    try:
        probe_all([lab.by_fault[None]])
        assert asyncio.get_event_loop_policy().get_event_loop() is mine
        assert not mine.is_closed()
    finally:
        asyncio.set_event_loop(None)
        mine.close()


def test_probe_each_streams_in_completion_order_and_stops_on_a_callback_error(lab):
    seen = []
    eps = [lab.by_fault["slow"], lab.by_fault[None]]
    probe_each(eps, lambda i, r: seen.append((i, r.status)), banner_timeout=1.0)
    assert seen == [(1, SUCCESS), (0, SUCCESS)]

    class Stop(Exception):
        pass

    def stop(i, r):
        raise Stop

    before = open_fds()
    t = time.monotonic()
    with pytest.raises(Stop):
        probe_each([lab.by_fault[None]] + [lab.by_fault["silent"]] * 5, stop, banner_timeout=5.0)
    assert time.monotonic() - t < 1.0
    assert fds_back_to(before)


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError):
        probe_all([Endpoint("127.0.0.1", 25)], concurrency=0)
    with pytest.raises(ValueError):
        probe_all([Endpoint("127.0.0.1", 25)], banner_timeout=0)
    assert probe_all([]) == []
    assert isinstance(ProbeResult(Endpoint("127.0.0.1", 1), SUCCESS, "x", 1.0), ProbeResult)
