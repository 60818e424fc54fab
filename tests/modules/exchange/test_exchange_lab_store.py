"""The lab store under real concurrency: two shells writing at once, a shell killed in the middle of writes."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def _pshim(script, home, **kw):
    env = dict(os.environ, PSHIM_HOME=home, PYTHONPATH=ROOT)
    return subprocess.Popen([sys.executable, "-m", "pshim", "-NoProfile", "-NonInteractive", "-Command", script],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _create_loop(prefix, server, n, base_port):
    return (f"1..{n} | ForEach-Object {{ New-ReceiveConnector \"{prefix}-$_\" -Custom "
            f"-Bindings \"127.0.20.1:$({base_port}+$_)\" -RemoteIPRanges 127.0.0.9 -Server {server} }} | Out-Null")


def test_two_shells_creating_200_connectors_each_lose_nothing(lab):
    home = os.environ["PSHIM_HOME"]
    a = _pshim(_create_loop("A", "Mailbox01", 200, 3000), home)
    b = _pshim(_create_loop("B", "Mailbox01", 200, 4000), home)
    outs = [p.communicate(timeout=120) for p in (a, b)]
    assert a.returncode == 0 and b.returncode == 0, outs
    assert all(not err for _, err in outs), outs
    db = sqlite3.connect(lab)
    names = {n for (n,) in db.execute("SELECT name FROM connectors WHERE name LIKE 'A-%' OR name LIKE 'B-%'")}
    assert len(names) == 400
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_kill_9_during_a_write_loop_leaves_a_consistent_database(lab):
    home = os.environ["PSHIM_HOME"]
    p = _pshim(_create_loop("K", "Mailbox02", 5000, 10000), home)
    db = sqlite3.connect(lab, timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:        # wait until writes are under way
        if db.execute("SELECT count(*) FROM connectors WHERE name LIKE 'K-%'").fetchone()[0] >= 20:
            break
        time.sleep(0.05)
    os.kill(p.pid, signal.SIGKILL)
    p.wait(timeout=10)
    db.close()
    db = sqlite3.connect(lab)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    count = db.execute("SELECT count(*) FROM connectors WHERE name LIKE 'K-%'").fetchone()[0]
    assert 20 <= count < 5000
    db.close()
    q = _pshim("@(Get-ReceiveConnector -Server Mailbox02).Count", home)
    out, err = q.communicate(timeout=60)
    assert err == "" and int(out.strip()) == 5 + count
