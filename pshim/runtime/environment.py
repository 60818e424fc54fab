"""The process environment as PowerShell sees it (`$env:X`, `[Environment]::GetEnvironmentVariable`): names
are case-insensitive as on Windows (`$env:path` is PATH), assigning $null or '' removes a variable, and
Windows's standard per-user variables that scripts read (COMPUTERNAME, USERNAME, USERPROFILE, TEMP, TMP) are
present, with this machine's facts, where the OS does not set them."""
from __future__ import annotations

import getpass
import os
import socket
import tempfile


def _key(name: str) -> str | None:
    """The environment's own spelling of `name`, or None."""
    if name in os.environ:
        return name
    low = name.lower()
    for k in os.environ:
        if k.lower() == low:
            return k
    return None


def get(name: str) -> str | None:
    key = _key(name)
    return os.environ[key] if key is not None else None


def set_value(name: str, value: str | None) -> None:
    """`$env:X = value`; $null or '' removes X, as in PowerShell."""
    key = _key(name) or name
    if value is None or value == "":
        os.environ.pop(key, None)
    else:
        os.environ[key] = value


def machine_name() -> str:
    """The NetBIOS-style computer name Windows shows in COMPUTERNAME: the host name's first label, upper case,
    at most 15 characters."""
    return (socket.gethostname().split(".")[0] or "localhost").upper()[:15]


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:   # no passwd entry (containers): a neutral name
        return "user"


def add_windows_defaults() -> None:
    """COMPUTERNAME, USERNAME, USERPROFILE, TEMP and TMP, where missing (set once per process, inherited by
    child processes and jobs as on Windows)."""
    defaults = {
        "COMPUTERNAME": machine_name,
        "USERNAME": user_name,
        "USERPROFILE": lambda: os.path.expanduser("~"),
        "TEMP": tempfile.gettempdir,
        "TMP": tempfile.gettempdir,
    }
    for name, value in defaults.items():
        if _key(name) is None:
            os.environ[name] = value()
