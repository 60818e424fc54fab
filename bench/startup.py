"""Start-up time (issue 11).

Median wall time of `pshim -NoProfile -Command '$null'` next to `python -c pass` with the
same interpreter, measured in the same run. Goal: no more than 10x the bare interpreter on
a warm cache. Two figures for pshim:

- cold: an empty pshim home, so the command line is parsed (pyparsing imported, grammar built);
- warm: the same home a second time, the parsed command line read from the parse cache.

Both runs use a home of their own (a temporary $PSHIM_HOME) and let Python keep byte code
(a temporary PYTHONPYCACHEPREFIX, PYTHONDONTWRITEBYTECODE removed): a "warm cache" is
Python's as well as pshim's, as on any installed copy. The figures without `site` (`-S`,
the package found through PYTHONPATH) show pshim's own cost where the environment's .pth
files (an editable install, a certifi hook, ...) make even `python -c pass` slow; pshim
needs no third-party package when its command line comes from the cache.

Find what a run imports with:

    python -X importtime -m pshim -NoProfile -Command '$null' 2>&1 | sort -t'|' -k2 -n | tail
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUNS = int(os.environ.get("STARTUP_RUNS", "11"))
PSHIM = ["-m", "pshim", "-NoProfile", "-Command", "$null"]


def _env(home, pycache):
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = pycache
    env["PSHIM_HOME"] = home
    return env


def _once(argv, env) -> float:
    t = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def _median(argv, env, runs=RUNS, fresh_home=None) -> float:
    times = []
    for _ in range(runs):
        if fresh_home is not None:          # cold: nothing in the parse cache
            shutil.rmtree(fresh_home, ignore_errors=True)
        times.append(_once(argv, env))
    return statistics.median(times)


def measure(runs=RUNS) -> dict:
    work = tempfile.mkdtemp(prefix="pshim-startup-")
    try:
        pycache = os.path.join(work, "pycache")
        home = os.path.join(work, "home")
        env = _env(home, pycache)
        py = sys.executable
        for argv in ([py, "-c", "pass"], [py] + PSHIM, [py, "-S", "-c", "pass"]):
            _once(argv, env)                # byte code written, cache filled
        r = {
            "python": _median([py, "-c", "pass"], env, runs),
            "cold": _median([py] + PSHIM, env, runs, fresh_home=home),
        }
        _once([py] + PSHIM, env)
        r["warm"] = _median([py] + PSHIM, env, runs)
        r["ratio"] = r["warm"] / r["python"]
        r["ratio_cold"] = r["cold"] / r["python"]
        ok = subprocess.run([py, "-S"] + PSHIM, env=env, cwd=ROOT, capture_output=True, check=False)
        if ok.returncode == 0 and not ok.stderr:
            r["python_S"] = _median([py, "-S", "-c", "pass"], env, runs)
            r["warm_S"] = _median([py, "-S"] + PSHIM, env, runs)
            r["ratio_S"] = r["warm_S"] / r["python_S"]
        return r
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    r = measure()
    ms = {k: v * 1000 for k, v in r.items() if not k.startswith("ratio")}
    print(f"python -c pass                          median {ms['python']:8.1f} ms  ({RUNS} runs)")
    print(f"pshim -NoProfile -Command '$null' warm  median {ms['warm']:8.1f} ms   {r['ratio']:5.1f}x  (goal: <= 10x)")
    print(f"pshim -NoProfile -Command '$null' cold  median {ms['cold']:8.1f} ms   {r['ratio_cold']:5.1f}x  "
          "(empty parse cache)")
    if "warm_S" in r:
        print(f"without site (-S): python {ms['python_S']:.1f} ms, pshim warm {ms['warm_S']:.1f} ms   "
              f"{r['ratio_S']:5.1f}x")
    else:
        print("without site (-S): pshim does not run without site here")
    return r


if __name__ == "__main__":
    main()
