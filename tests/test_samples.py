"""Golden transcripts: every samples/<name>.ps1 with a samples/<name>.out runs as a real process
(`pshim -NoProfile -NonInteractive -File <sample>`) and must print exactly what Windows PowerShell 5.1
prints: stdout = <name>.out, stderr = <name>.err (empty if absent), exit code = <name>.code (0 if absent).

The goldens are derived from 5.1's rules, not from pshim's output. In them `<HOME>` stands for the pshim
home folder (PSHIM_HOME) and `<SCRIPT>` for the sample's own path as given on the command line.
"""
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "samples")

# Samples whose golden transcript pshim does not match yet; each names the bug filed in
# /tmp/pshim-engine-bugs.md. Remove the entry once the engine is fixed.
XFAIL = {
}


def _samples():
    names = sorted(f[:-4] for f in os.listdir(SAMPLES) if f.endswith(".ps1")
                   and os.path.exists(os.path.join(SAMPLES, f[:-4] + ".out")))
    for name in names:
        marks = [pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
        yield pytest.param(name, marks=marks, id=name)


def _read(name, ext, default=""):
    path = os.path.join(SAMPLES, name + ext)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _run_sample(name, base):
    home = os.path.join(base, name, "home")
    work = os.path.join(base, name, "work")
    os.makedirs(home)
    os.makedirs(work)
    script = os.path.join(SAMPLES, name + ".ps1")
    env = dict(os.environ)
    env["PSHIM_HOME"] = home
    env.pop("PSHIM_DRIVE_C", None)
    env["PYTHONPATH"] = ROOT + os.pathsep + env.get("PYTHONPATH", "")
    p = subprocess.run([sys.executable, "-m", "pshim", "-NoProfile", "-NonInteractive", "-File", script],
                       capture_output=True, text=True, env=env, cwd=work, timeout=120)

    def norm(text):
        return text.replace(script, "<SCRIPT>").replace(home, "<HOME>")

    return norm(p.stdout), norm(p.stderr), p.returncode


@pytest.fixture(scope="module")
def transcripts():
    """Run every sample once, in parallel (start-up dominates a sample's run time)."""
    names = [p.values[0] for p in _samples()]
    with tempfile.TemporaryDirectory() as base:
        with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 2)) as pool:
            results = dict(zip(names, pool.map(lambda n: _run_sample(n, base), names)))
    return results


@pytest.mark.parametrize("name", list(_samples()))
def test_sample_transcript(name, transcripts):
    stdout, stderr, code = transcripts[name]
    assert stdout == _read(name, ".out")
    assert stderr == _read(name, ".err")
    assert code == int(_read(name, ".code", "0").strip() or 0)
