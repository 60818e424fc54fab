"""Pipeline throughput and memory (issue: Engine).

Figures:
- records/second through `1..N | Where-Object { $_ % 3 } | ForEach-Object { $_ * 2 } | Measure-Object -Sum`
- time of `1..1000000000 | Select-Object -First 3` (upstream must stop at once)
- peak Python memory (tracemalloc) of the streaming pipeline for N = 1e6 against N = 1e5: flat means the
  pipeline does not grow with N.
Goal (issue 3): at least 200,000 records/second on these 2-core machines, and flat memory.
"""
from __future__ import annotations

import os
import sys
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from pshim.testing import new_session  # noqa: E402

PIPE = "1..{n} | Where-Object {{ $_ % 3 }} | ForEach-Object {{ $_ * 2 }} | Measure-Object -Sum"


def _run(session, text):
    out = []
    session.run(text, out=out.append)
    return out


def throughput(n: int) -> float:
    s = new_session()
    _run(s, PIPE.format(n=1000))       # warm caches (grammar, compiled blocks)
    t = time.perf_counter()
    out = _run(s, PIPE.format(n=n))
    dt = time.perf_counter() - t
    if s.host.error_text:
        raise SystemExit(s.host.error_text)
    return n / dt, out


def first_three() -> float:
    s = new_session()
    t = time.perf_counter()
    out = _run(s, "1..1000000000 | Select-Object -First 3")
    dt = time.perf_counter() - t
    assert out == [1, 2, 3], out
    return dt


def peak_memory(n: int) -> int:
    s = new_session()
    _run(s, PIPE.format(n=10))
    tracemalloc.start()
    _run(s, PIPE.format(n=n))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main():
    n = int(os.environ.get("BENCH_PIPELINE_N", "300000"))
    rate, out = throughput(n)
    print(f"pipeline: {rate:,.0f} records/s  (N={n:,}, Where|ForEach|Measure; goal >= 200,000)")
    print(f"pipeline: 1..1e9 | Select-Object -First 3 took {first_three() * 1000:.1f} ms")
    small = peak_memory(100_000)
    big = peak_memory(1_000_000)
    print(f"pipeline: peak traced memory N=1e5 {small / 1e6:.2f} MB, N=1e6 {big / 1e6:.2f} MB "
          f"(ratio {big / max(small, 1):.2f}; flat is ~1)")


if __name__ == "__main__":
    main()
