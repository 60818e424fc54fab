"""SMTP probe engine: concurrent against sequential, and memory against N (issue: Test-SmtpConnectivity).

A child process serves N lab listeners (ListenerGroup) on distinct loopback addresses
127.60.x.y, one port; every 20th is 'silent' (5%), the rest healthy aiosmtpd servers. This
process probes them with probe_all (2 s connect and banner timeouts), so tracemalloc sees the
prober alone. Figures:
- wall time of probe_all over N = 1,000 endpoints (concurrency 64)
- the same endpoints one after the other (concurrency 1), timed on the first 100 (5 silent)
  and extrapolated to N
- the speed-up
- peak traced memory for N = 1,000 against N = 4,000, for probe_all (which returns a list that
  grows with N) and for its streaming form probe_each (nothing kept)
Goals (issue 9): the whole run within one timeout + 2 s, >= 20x faster than sequential, memory flat.
The Test-SmtpConnectivity figure through the cmdlet is to be added beside these.
"""
from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pshim.modules.exchange.smtp.probe import SUCCESS, TRANSIENT, Endpoint, probe_all, probe_each  # noqa: E402

TIMEOUT = 2.0
SILENT_EVERY = 20
BANNER = "220 MBX{n:04d}.contoso.com Microsoft ESMTP MAIL Service ready at {{date}}"


def address(i: int) -> str:
    return f"127.60.{i // 250}.{i % 250 + 1}"


def is_silent(i: int) -> bool:
    return i % SILENT_EVERY == SILENT_EVERY // 2


def serve(n: int, port: int) -> None:
    """Child process: serve n listeners until stdin closes."""
    from pshim.modules.exchange.smtp.listeners import ListenerGroup, ListenerSpec
    specs = [ListenerSpec(address(i), port, BANNER.format(n=i), "silent" if is_silent(i) else None)
             for i in range(n)]
    group = ListenerGroup(specs)
    group.start()
    print(f"ready {len(group.errors)}", flush=True)
    try:
        sys.stdin.read()
    finally:
        group.stop()


class Listeners:
    def __init__(self, n: int):
        for _ in range(5):
            self.port = random.randint(20000, 30000)
            self.proc = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--serve", str(n), str(self.port)],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            line = self.proc.stdout.readline().split()
            if line[:2] == ["ready", "0"]:
                return
            self.close()
        raise SystemExit(f"probe bench: could not start {n} listeners")

    def endpoints(self, n: int) -> list[Endpoint]:
        return [Endpoint(address(i), self.port) for i in range(n)]

    def close(self) -> None:
        try:
            self.proc.stdin.close()
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def timed(eps, concurrency=64):
    t = time.perf_counter()
    rs = probe_all(eps, connect_timeout=TIMEOUT, banner_timeout=TIMEOUT, concurrency=concurrency)
    dt = time.perf_counter() - t
    want = [TRANSIENT if is_silent(i) else SUCCESS for i in range(len(eps))]
    got = [r.status for r in rs]
    if got != want:
        bad = [(str(r.endpoint), r.status, r.details) for r, w in zip(rs, want) if r.status != w][:5]
        raise SystemExit(f"probe bench: unexpected results, e.g. {bad}")
    return dt, rs


def peak(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main():
    n = int(os.environ.get("BENCH_PROBE_N", "1000"))
    big_n = 4 * n
    lab = Listeners(big_n)
    try:
        eps = lab.endpoints(n)
        timed(eps[:50])                                   # warm-up (imports, first connections)
        wall, rs = timed(eps)
        lat = sorted(r.latency_ms for r in rs if r.latency_ms is not None)
        sample = 100 if n >= 100 else n
        seq_sample, _ = timed(eps[:sample], concurrency=1)
        seq = seq_sample * n / sample
        silent = sum(1 for i in range(n) if is_silent(i))
        print(f"probe: N={n:,} endpoints ({silent} silent), connect and banner timeouts {TIMEOUT:g} s, concurrency 64")
        print(f"probe: concurrent probe_all {wall:.2f} s  (goal <= timeout + 2 s = {TIMEOUT + 2:g} s: "
              f"{'met' if wall <= TIMEOUT + 2 else 'NOT met'}); healthy latency p50 {lat[len(lat) // 2]:.1f} ms, "
              f"p95 {lat[len(lat) * 95 // 100]:.1f} ms")
        print(f"probe: sequential {seq:.1f} s  (measured {seq_sample:.2f} s on the first {sample} endpoints, "
              f"{sum(1 for i in range(sample) if is_silent(i))} silent, extrapolated x{n / sample:g})")
        speedup = seq / wall
        print(f"probe: speed-up {speedup:.0f}x  (goal >= 20x: {'met' if speedup >= 20 else 'NOT met'})")

        def run_all(k):
            return lambda: probe_all(lab.endpoints(k), connect_timeout=TIMEOUT, banner_timeout=TIMEOUT)

        def run_each(k):
            return lambda: probe_each((Endpoint(address(i), lab.port) for i in range(k)), lambda i, r: None,
                                      connect_timeout=TIMEOUT, banner_timeout=TIMEOUT)

        a_small, a_big = peak(run_all(n)), peak(run_all(big_n))
        e_small, e_big = peak(run_each(n)), peak(run_each(big_n))
        print(f"probe: peak traced memory, streaming probe_each: N={n:,} {e_small / 1e6:.2f} MB, "
              f"N={big_n:,} {e_big / 1e6:.2f} MB (ratio {e_big / max(e_small, 1):.2f}; goal flat, ~1)")
        print(f"probe: peak traced memory, probe_all (returns N results): N={n:,} {a_small / 1e6:.2f} MB, "
              f"N={big_n:,} {a_big / 1e6:.2f} MB (ratio {a_big / max(a_small, 1):.2f}; "
              f"{(a_big - a_small) / (big_n - n):.0f} bytes per extra result)")
    finally:
        lab.close()
    cmdlet_figure(n)


def cmdlet_figure(n: int) -> None:
    """The same shape through the cmdlet: a lab server whose 20 connectors bind n specific loopback
    addresses (one connector, 5%, silent), its listeners started by Start-PshimLab (another process), then
    `Test-SmtpConnectivity` timed in this process."""
    import tempfile
    from pshim.modules.exchange import records as R
    from pshim.modules.exchange.directory.lab import create_lab, lab_path
    from pshim.modules.exchange.lab import service
    from pshim.testing import new_session, run
    home = tempfile.mkdtemp(prefix="bench-probe-")
    os.environ["PSHIM_HOME"] = home
    server = R.ServerRecord("BENCH01", "BENCH01.contoso.com", R.MAILBOX_2019_ROLES, "Version 15.2 (Build 31118.7)",
                            dn="CN=BENCH01,CN=Servers")
    per = max(1, n // 20)
    connectors = []
    for c in range(20):
        bindings = [f"127.61.{(c * per + i) // 250}.{(c * per + i) % 250 + 1}:2525" for i in range(per)]
        connectors.append(R.ConnectorRecord("BENCH01", f"Bench {c:02d}", R.new_connector_settings(
            Bindings=bindings, RemoteIPRanges=["0.0.0.0-255.255.255.255"], TransportRole="FrontendTransport")))
    org = {"Organization": "Contoso", "Domain": "contoso.com", "LocalServer": "BENCH01",
           "DomainControllers": ["DC01.contoso.com"], "PortOffset": "Auto", "Definition": "bench"}
    create_lab(lab_path(home), org, [server], connectors, [("BENCH01\\Bench 10", "silent", 0.0)])
    try:
        service.start(home)
        session = new_session(interactive=False)
        run(f"$PshimSmtpTimeout = {TIMEOUT:g}", session=session)
        t0 = time.perf_counter()
        r = run("Test-SmtpConnectivity BENCH01 | Group-Object { \"$($_.StatusCode)\" } | "
                "ForEach-Object { '{0} {1}' -f $_.Count, $_.Name }", session=session)
        wall = time.perf_counter() - t0
        print(f"cmdlet: Test-SmtpConnectivity over {per * 20:,} endpoints of one lab server "
              f"({per} silent), timeout {TIMEOUT:g} s: {wall:.2f} s ({', '.join(r.output)}); "
              f"goal <= timeout + 2 s: {'met' if wall <= TIMEOUT + 2 else 'NOT met'}")
    finally:
        service.stop(home)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--serve":
        serve(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
