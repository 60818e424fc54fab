"""The lab's SMTP listeners as a background service, or for the length of one command.

Start-PshimLab starts `python -m pshim.modules.exchange.lab.service <home>`: a detached process that
serves listener_specs() of the lab directory and follows it (a disabled connector stops listening, a new
one starts, a changed banner or fault is served), checking the database for commits twice a second. It
records itself in `<home>/lab/listeners.json` (pid, port offset, endpoints, bind errors) and logs to
`<home>/lab/listeners.log`; Stop-PshimLab ends it. When it is not running, Test-SmtpConnectivity on the
lab serves the listeners itself for the length of the command (EphemeralListeners).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from ..directory.lab import LabDirectory, lab_path
from ..smtp.listeners import ListenerGroup
from .specs import listener_specs, resolve_port_offset

POLL = 0.5
START_TIMEOUT = 30.0


class LabServiceError(Exception):
    pass


def state_path(home: str) -> str:
    return os.path.join(home, "lab", "listeners.json")


def log_path(home: str) -> str:
    return os.path.join(home, "lab", "listeners.log")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"pshim.modules.exchange.lab.service" in f.read()
    except OSError:
        return True


def status(home: str) -> dict | None:
    """The running service's state, or None (a stale state file is removed)."""
    path = state_path(home)
    try:
        with open(path, encoding="utf-8") as f:
            state = json.load(f)
    except (OSError, ValueError):
        return None
    if not isinstance(state, dict) or not _alive(int(state.get("pid", 0))):
        try:
            os.unlink(path)
        except OSError:
            pass
        return None
    return state


def start(home: str) -> dict:
    """Start the service (if it is not running) and wait until its listeners are up."""
    running = status(home)
    if running is not None:
        return running
    os.makedirs(os.path.join(home, "lab"), exist_ok=True)
    env = dict(os.environ, PSHIM_HOME=home)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    with open(log_path(home), "ab") as log:
        proc = subprocess.Popen([sys.executable, "-m", "pshim.modules.exchange.lab.service", home],
                                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env, start_new_session=True)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        state = status(home)
        if state is not None and state.get("pid") == proc.pid and state.get("ready"):
            return state
        if proc.poll() is not None:
            raise LabServiceError(f"The lab's listeners did not start: {_log_tail(home)}")
        time.sleep(0.05)
    proc.kill()
    raise LabServiceError(f"The lab's listeners did not start within {START_TIMEOUT:.0f} seconds.")


def stop(home: str) -> bool:
    """Stop the service; False when it was not running."""
    state = status(home)
    if state is None:
        return False
    pid = int(state["pid"])
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    if _alive(pid):
        os.kill(pid, signal.SIGKILL)
    try:
        os.unlink(state_path(home))
    except OSError:
        pass
    return True


def _log_tail(home: str) -> str:
    try:
        with open(log_path(home), encoding="utf-8", errors="replace") as f:
            lines = [l.strip() for l in f.read().splitlines() if l.strip()]
        return lines[-1] if lines else "no message"
    except OSError:
        return "no message"


def _write_state(home: str, state: dict) -> None:
    path = state_path(home)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(state, f)
    os.replace(tmp, path)


def _state_of(group: ListenerGroup, offset: int, pid: int) -> dict:
    return {"pid": pid, "ready": True, "port_offset": offset, "started": time.time(),
            "endpoints": [f"{s.address}:{s.port}" for s in group.listening()],
            "errors": {f"{s.address}:{s.port}": e for s, e in group.errors.items()}}


def serve(home: str) -> None:
    """The service's main loop (runs until SIGTERM)."""
    path = lab_path(home)
    directory = LabDirectory(path)
    offset = resolve_port_offset(directory.org_settings().get("PortOffset", "Auto"))
    group = ListenerGroup(listener_specs(directory), offset)
    stopping = []
    signal.signal(signal.SIGTERM, lambda *a: stopping.append(1))
    group.start()
    _write_state(home, _state_of(group, offset, os.getpid()))
    version, inode = directory.data_version(), os.stat(path).st_ino
    try:
        while not stopping:
            time.sleep(POLL)
            try:
                now_inode = os.stat(path).st_ino
                if now_inode != inode:             # Reset-PshimLab replaced the file
                    directory.close()
                    directory = LabDirectory(path)
                    inode, version = now_inode, -1
                v = directory.data_version()
                if v != version:
                    version = v
                    group.update(listener_specs(directory))
                    _write_state(home, _state_of(group, offset, os.getpid()))
            except Exception as e:   # a damaged or missing lab: keep serving what was there, say why
                print(f"pshim lab listeners: {e}", file=sys.stderr, flush=True)
    finally:
        group.stop()
        directory.close()


class EphemeralListeners:
    """The lab's listeners for the length of one command, when the service is not running."""

    def __init__(self, directory: LabDirectory):
        self.directory = directory
        self.group = None
        self.offset = resolve_port_offset(directory.org_settings().get("PortOffset", "Auto"))

    def start(self):
        self.group = ListenerGroup(listener_specs(self.directory), self.offset)
        self.group.start()
        return self

    def stop(self):
        if self.group is not None:
            self.group.stop()
            self.group = None


if __name__ == "__main__":
    serve(sys.argv[1])
