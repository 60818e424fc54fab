"""PowerShell drives and path resolution.

Scripts written for Windows use `C:\\...` paths; pshim maps each drive letter
to a folder (by default `<pshim home>/drives/<letter>`), so the specification's
`... > "C:\\My Documents\\SMTP Test.csv"` writes a real file. Native absolute
paths (`/tmp/x`) and relative paths (against the current location) work as
well; `\\` and `/` are both separators.
"""
from __future__ import annotations

import os
import re

from ..errors import DriveNotFoundException
from .psobject import DotNetObject

_DRIVE_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):(?:[\\/](.*))?$", re.S)


def display_path(os_path: str) -> str:
    """An OS path as the user addresses it, for messages: `C:\\x` under the C: drive's root (every
    session's C: is the same folder, `c_drive_root()`), any other path as it is."""
    try:
        return _c_form(os_path, c_drive_root())
    except Exception:   # a message must never fail because of its path
        return os_path


def c_drive_root(home: str | None = None) -> str:
    """The folder pshim's C: drive maps to: $PSHIM_DRIVE_C, else <pshim home>/drives/C."""
    return os.environ.get("PSHIM_DRIVE_C") or os.path.join(home or pshim_home(), "drives", "C")


def _c_form(os_path: str, c_root: str) -> str:
    root = os.path.normpath(c_root)
    if os_path == root or os_path.startswith(root.rstrip("/") + "/"):
        rest = os.path.relpath(os_path, root)
        rest = "" if rest == "." else rest.replace("/", "\\")
        return f"C:\\{rest}"
    return os_path


def pshim_home() -> str:
    return os.environ.get("PSHIM_HOME") or os.path.join(os.path.expanduser("~"), ".pshim")


class PSDriveInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSDriveInfo", "System.Object")
    ps_properties = ("Name", "Used", "Free", "Provider", "Root", "CurrentLocation")
    ps_default_display = ("Name", "Used", "Free", "Provider", "Root", "CurrentLocation")

    def __init__(self, name, root, provider="FileSystem", description=""):
        self.Name = name
        self.Root = root
        self.Provider = provider
        self.Description = description
        self.CurrentLocation = ""
        self.Used = None
        self.Free = None

    def ps_to_string(self):
        return self.Name


class PathInfo(DotNetObject):
    """What Get-Location and $PWD return."""
    ps_type_names = ("System.Management.Automation.PathInfo", "System.Object")
    ps_properties = ("Path",)

    def __init__(self, path, drive=None, provider_path=None):
        self.Path = path
        self.Drive = drive
        self.ProviderPath = provider_path or path
        self.Provider = "Microsoft.PowerShell.Core\\FileSystem"

    def ps_to_string(self):
        return self.Path


def _ensure_root(drive: "PSDriveInfo"):
    """The folder behind a mapped drive exists from its first use."""
    if not getattr(drive, "_checked", False):
        drive._checked = True
        try:
            os.makedirs(drive.Root, exist_ok=True)
        except OSError:
            pass


SESSION_DRIVES = (("Alias", "Alias"), ("Env", "Environment"), ("Function", "Function"), ("Variable", "Variable"))


class DriveTable:
    def __init__(self, home: str | None = None):
        self.home = home or pshim_home()
        self.drives: dict[str, PSDriveInfo] = {}
        c_root = c_drive_root(self.home)
        self.add(PSDriveInfo("C", c_root, description="Windows-style C: drive mapped to a folder"))
        self.add(PSDriveInfo("Temp", os.environ.get("TMPDIR", "/tmp")))
        # the session-state providers' drives (modules/management/providers_session.py serves them)
        for name, provider in SESSION_DRIVES:
            self.add(PSDriveInfo(name, "", provider=provider))

    # Drives follow scopes as variables do: one made in a function's or script's scope is seen there
    # and in the scopes below it, and goes away with its scope; the global scope's drives are this
    # table's own (`self.drives`: C:, Temp: and those made with -Scope Global or at the prompt).
    # `scope` is the scope asking (None: the global scope).

    def made_in(self, scope=None) -> dict:
        """lower name -> drive: the drives made in exactly this scope (read only)."""
        if scope is None or scope.parent is None:
            return self.drives
        return scope.drives or {}

    def add(self, d: PSDriveInfo, scope=None):
        if scope is None or scope.parent is None:
            self.drives[d.Name.lower()] = d
            return
        if scope.drives is None:
            scope.drives = {}
        scope.drives[d.Name.lower()] = d

    def remove(self, name: str, scope=None):
        self.made_in(scope).pop(name.lower(), None)

    def get(self, name: str, scope=None) -> PSDriveInfo | None:
        """The drive `name` as `scope` sees it: the innermost scope from it up that has one."""
        key = name.lower()
        s = scope
        while s is not None and s.parent is not None:
            if s.drives:
                d = s.drives.get(key)
                if d is not None:
                    return d
            s = s.parent
        return self.drives.get(key)

    def owner(self, name: str, scope=None):
        """The scope whose drive `name` is the one `scope` sees (None: the global scope or no such drive)."""
        key = name.lower()
        s = scope
        while s is not None and s.parent is not None:
            if s.drives and key in s.drives:
                return s
            s = s.parent
        return None

    def visible(self, scope=None) -> list:
        """Every drive `scope` sees, one per name (an inner scope's drive hides an outer one's)."""
        seen = {}
        s = scope
        while s is not None and s.parent is not None:
            for k, d in (s.drives or {}).items():
                seen.setdefault(k, d)
            s = s.parent
        for k, d in self.drives.items():
            seen.setdefault(k, d)
        return list(seen.values())

    def resolve(self, path: str, location: str, scope=None) -> str:
        """A PowerShell path -> an absolute OS path (drives as `scope` sees them)."""
        p = path
        if p.startswith("Microsoft.PowerShell.Core\\FileSystem::"):
            p = p.split("::", 1)[1]
        if p.lower().startswith("filesystem::"):
            p = p.split("::", 1)[1]
        if p == "~" or p.startswith(("~/", "~\\")):
            return os.path.normpath(os.path.expanduser("~") + "/" + p[2:].replace("\\", "/"))
        m = _DRIVE_RE.match(p)
        if m:
            name = m.group(1)
            drive = self.get(name, scope)
            if drive is None:
                raise DriveNotFoundException(
                    f"Cannot find drive. A drive with the name '{name}' does not exist.",
                    error_id="DriveNotFound", category="ObjectNotFound", target=name)
            if drive.Provider != "FileSystem":
                # Env:, Variable:, Function:, Alias: serve the item and content cmdlets themselves
                # (modules/management/providers_session.py); they are no folder and no location here
                raise DriveNotFoundException(
                    f"Cannot use the drive '{drive.Name}' of the {drive.Provider} provider as a location or a file "
                    f"path: pshim's {drive.Provider} provider serves only the item and content cmdlets.",
                    error_id="DriveNotFound", category="ObjectNotFound", target=name)
            _ensure_root(drive)
            rest = (m.group(2) or "").replace("\\", "/")
            return os.path.normpath(os.path.join(drive.Root, rest)) if rest else drive.Root
        if p.startswith("\\") and not p.startswith("\\\\"):
            # `\x` is the root of the current location's drive
            dm = _DRIVE_RE.match(location or "")
            if dm:
                return self.resolve(f"{dm.group(1)}:{p}", location, scope)
        p = p.replace("\\", "/")
        if p.startswith("/"):
            return os.path.normpath(p)
        base = self.resolve(location, "/", scope) if location else os.getcwd()
        return os.path.normpath(os.path.join(base, p))

    def to_ps_path(self, os_path: str) -> str:
        """Show an OS path the way the user addresses it (drive form when under a drive root)."""
        best = None
        for d in self.drives.values():
            if d.Provider != "FileSystem":
                continue
            root = os.path.normpath(d.Root)
            if os_path == root or os_path.startswith(root.rstrip("/") + "/"):
                if best is None or len(root) > len(os.path.normpath(best.Root)):
                    best = d
        if best is not None and best.Name.upper() == "C":
            rest = os.path.relpath(os_path, best.Root)
            rest = "" if rest == "." else rest.replace("/", "\\")
            return f"{best.Name}:\\{rest}"
        return os_path
