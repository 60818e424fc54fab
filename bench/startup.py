"""Start-up time (issue: Host).

Median wall time of `pshim -NoProfile -Command '$null'` next to `python -c pass`
with the same interpreter, measured in the same run. Goal: no more than 10x the
bare interpreter. Find what a run imports with:

    python -X importtime -m pshim -NoProfile -Command '$null' 2>&1 | sort -t'|' -k2 -n | tail
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(os.environ.get("STARTUP_RUNS", "11"))


def _median(argv, runs=RUNS) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def measure(runs=RUNS) -> dict:
    bare = _median([sys.executable, "-c", "pass"], runs)
    pshim = _median([sys.executable, "-m", "pshim", "-NoProfile", "-Command", "$null"], runs)
    return {"python": bare, "pshim": pshim, "ratio": pshim / bare}


def main():
    r = measure()
    print(f"python -c pass                      median {r['python'] * 1000:8.1f} ms  ({RUNS} runs)")
    print(f"pshim -NoProfile -Command '$null'   median {r['pshim'] * 1000:8.1f} ms  ({RUNS} runs)")
    print(f"ratio                               {r['ratio']:8.1f}x  (goal: <= 10x)")
    return r


if __name__ == "__main__":
    main()
