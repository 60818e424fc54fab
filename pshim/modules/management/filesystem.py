"""The FileSystem provider side shared by the Management cmdlets: path
resolution (drives, wildcards, case-insensitive fallback), how a path is shown
(drive form `C:\\x\\y.txt` when addressed through a drive, native otherwise),
the FileInfo / DirectoryInfo objects with their 5.1 views, and the error
records of missing paths and failed file operations.

Hidden items are dot-files (Linux has no hidden attribute); wildcard
enumeration skips them unless -Force, explicit paths always reach them.
Wildcards match names case-insensitively, as on Windows; an explicit path that
does not exist is looked up case-insensitively too when exactly one entry
matches (scripts written for Windows do not care about case).
"""
from __future__ import annotations

import datetime as _dt
import os
import re
import shutil
import stat

from ...commands.cmdlet import Cmdlet
from ...errors import (ItemNotFoundException, DriveNotFoundException, IOException, UnauthorizedAccessException,
                       DirectoryNotFoundException, PSException)
from ...runtime.operators import has_wildcard, wildcard_regex
from ...runtime.psobject import DotNetObject
from . import providers_session

MODULE = "Microsoft.PowerShell.Management"
PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
PREFIX = PROVIDER + "::"
_DRIVE_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):(?:[\\/](.*))?$", re.S)


# ---------------------------------------------------------------------------
# paths

def strip_provider(text: str) -> str:
    if text.startswith(PREFIX):
        return text[len(PREFIX):]
    if text.lower().startswith("filesystem::"):
        return text.split("::", 1)[1]
    return text


def explicit_drive(text: str) -> str | None:
    """The drive name a path names itself (`C:\\x`, `C:`), else None."""
    m = _DRIVE_RE.match(strip_provider(text))
    return m.group(1) if m else None


def is_rooted(text: str) -> bool:
    t = strip_provider(text)
    return explicit_drive(t) is not None or t.startswith(("/", "\\", "~"))


def addressing_drive(session, text: str) -> str | None:
    """The drive through which `text` addresses an item: its own drive, or the
    current location's for a relative path."""
    t = strip_provider(text)
    name = explicit_drive(t)
    if name is not None:
        return name
    if t.startswith(("/", "\\", "~")):
        return None
    loc = session.location or ""
    return explicit_drive(loc)


def under(os_path: str, root: str) -> bool:
    root = os.path.normpath(root)
    return os_path == root or os_path.startswith(root.rstrip("/") + "/")


def display_path(session, os_path: str, drive: str | None = None, scope=None) -> str:
    """How an OS path is shown: through `drive` (as `scope` sees it) when it lies under that drive's
    root, else as pshim shows paths in general (C: form under C:, else native)."""
    drives = session.drives
    if drive:
        d = drives.get(drive, scope)
        if d is not None and d.Provider == "FileSystem" and under(os_path, d.Root):
            rest = os.path.relpath(os_path, os.path.normpath(d.Root))
            rest = "" if rest == "." else rest.replace("/", "\\")
            return f"{d.Name}:\\{rest}"
    return drives.to_ps_path(os_path)


def is_drive_form(text: str) -> bool:
    return explicit_drive(text) is not None


def parent_display(display: str) -> str:
    """The parent of a shown path (`C:\\x\\y` -> `C:\\x`, `C:\\x` -> `C:\\`, `C:\\` -> ``)."""
    if is_drive_form(display):
        body = display.rstrip("\\")
        if body.endswith(":"):
            return ""
        head = body.rsplit("\\", 1)[0]
        return head + "\\" if head.endswith(":") else head
    if display in ("/", ""):
        return ""
    return os.path.dirname(display.rstrip("/")) or "/"


def is_hidden(name: str) -> bool:
    return name.startswith(".") and name not in (".", "..")


def ci_existing(os_path: str) -> str | None:
    """os_path itself when it exists, else the one entry matching it
    case-insensitively (segment by segment), else None."""
    if os.path.lexists(os_path):
        return os_path
    parts = [p for p in os_path.split("/") if p]
    cur = "/"
    for part in parts:
        cand = os.path.join(cur, part)
        if os.path.lexists(cand):
            cur = cand
            continue
        try:
            names = os.listdir(cur)
        except OSError:
            return None
        low = part.lower()
        hits = [n for n in names if n.lower() == low]
        if len(hits) != 1:
            return None
        cur = os.path.join(cur, hits[0])
    return cur


def sort_key(name: str):
    return (name.lower(), name)


def glob(os_pattern: str, force: bool = False) -> list[str]:
    """Expand wildcards in any segment of an absolute OS path pattern."""
    parts = [p for p in os_pattern.split("/") if p]
    current = ["/"]
    for i, part in enumerate(parts):
        nxt = []
        if has_wildcard(part):
            rx = wildcard_regex(part, True)
            show_hidden = force or part.startswith(".")
            for base in current:
                try:
                    names = os.listdir(base)
                except OSError:
                    continue
                for n in sorted(names, key=sort_key):
                    if (show_hidden or not is_hidden(n)) and rx.match(n):
                        nxt.append(os.path.join(base, n))
        else:
            for base in current:
                cand = os.path.join(base, part)
                found = cand if os.path.lexists(cand) else ci_existing(cand)
                if found is not None:
                    nxt.append(found)
        current = nxt
        if not current:
            break
    return current


def _ensure_root(session, drive):
    """pshim's C: is a folder under its home, made on first use."""
    if drive.upper() != "C":
        return
    d = session.drives.get(drive)
    if d is not None and not os.path.isdir(d.Root):
        try:
            os.makedirs(d.Root, exist_ok=True)
        except OSError:
            pass


class Resolved:
    """One path after resolution: the OS path, the drive it was addressed
    through, and how it is shown."""
    __slots__ = ("os_path", "drive", "display")

    def __init__(self, os_path, drive, display):
        self.os_path = os_path
        self.drive = drive
        self.display = display


# ---------------------------------------------------------------------------
# errors

def os_error(cmdlet, exc: OSError, display: str, id_prefix: str, category_io="WriteError"):
    """An ErrorRecord for a failed file operation, with 5.1's texts."""
    if isinstance(exc, PermissionError):
        return cmdlet.error(f"Access to the path '{display}' is denied.", id_prefix + "UnauthorizedAccessError",
                            "PermissionDenied", display, UnauthorizedAccessException)
    if isinstance(exc, (FileNotFoundError, NotADirectoryError)):
        return cmdlet.error(f"Could not find a part of the path '{display}'.", id_prefix + "DirectoryNotFoundError",
                            "ObjectNotFound", display, DirectoryNotFoundException)
    if isinstance(exc, IsADirectoryError):
        return cmdlet.error(f"Access to the path '{display}' is denied.", id_prefix + "UnauthorizedAccessError",
                            "PermissionDenied", display, UnauthorizedAccessException)
    text = exc.strerror or str(exc)
    if getattr(exc, "errno", None) == 28:
        text = "There is not enough space on the disk."
    elif getattr(exc, "errno", None) == 16:
        text = (f"The process cannot access the file '{display}' because it is being used by another "
                "process.")
    elif not text.endswith("."):
        text += "."
    return cmdlet.error(text, id_prefix + "IOError", category_io, display, IOException)


class FsCmdlet(Cmdlet):
    """Base of the Management cmdlets: resolving and showing paths."""
    module_name = MODULE

    def __init_subclass__(cls, **kwargs):
        """A cmdlet named in providers_session.SESSION_OPS asks the session-state providers (Env:, Variable:,
        Function:, Alias:) first: when every path it names is on one of their drives they do the work."""
        super().__init_subclass__(**kwargs)
        op = providers_session.SESSION_OPS.get(cls.__dict__.get("name"))
        if op is None:
            return
        inner = cls.process

        def process(self):
            if not providers_session.handle(self, op):
                inner(self)
        process.__doc__ = inner.__doc__
        cls.process = process

    @property
    def session(self):
        return self.ctx.session

    # -- resolution ----------------------------------------------------------
    def resolve(self, typed: str) -> Resolved:
        """A path without wildcard expansion. Raises DriveNotFoundException."""
        session = self.session
        text = strip_provider(typed)
        scope = self.ctx.scope
        os_path = session.drives.resolve(text, session.location, scope)
        drive = addressing_drive(session, text)
        if drive is not None:
            _ensure_root(session, drive)
        return Resolved(os_path, drive, display_path(session, os_path, drive, scope))

    def make(self, os_path: str, drive: str | None) -> Resolved:
        return Resolved(os_path, drive, display_path(self.session, os_path, drive, self.ctx.scope))

    def drive_error(self, exc: PSException):
        return self.error(exc.message, exc.error_id or "DriveNotFound", "ObjectNotFound", exc.target,
                          DriveNotFoundException)

    def not_found(self, display: str, error_id: str = "PathNotFound"):
        return self.error(f"Cannot find path '{display}' because it does not exist.", error_id,
                          "ObjectNotFound", display, ItemNotFoundException)

    def expand(self, typed: str, literal: bool = False, force: bool = False, report: bool = True,
               report_empty_glob: bool = False) -> list[Resolved]:
        """Existing items a -Path/-LiteralPath value names (wildcards expanded
        unless literal). Missing paths (and unknown drives) are reported as
        non-terminating errors when `report`."""
        try:
            r = self.resolve(typed)
        except DriveNotFoundException as e:
            if report:
                self.write_error(self.drive_error(e))
            return []
        if not literal and has_wildcard(strip_provider(typed)):
            hits = glob(r.os_path, force)
            if not hits and report and report_empty_glob:
                self.write_error(self.not_found(r.display))
            return [self.make(h, r.drive) for h in hits]
        found = ci_existing(r.os_path)
        if found is None:
            if report:
                self.write_error(self.not_found(r.display))
            return []
        if found != r.os_path:
            return [self.make(found, r.drive)]
        return [r]

    def path_values(self):
        """(values, literal) from -Path / -LiteralPath."""
        lit = self.bound.get("LiteralPath") if self.bound is not None else None
        if lit is None:
            lit = self.__dict__.get("LiteralPath")
        if lit is not None:
            return _as_list(lit), True
        p = self.__dict__.get("Path")
        return _as_list(p), False

    def item(self, r: Resolved, as_name=False):
        return make_item(self.session, r.os_path, r.drive, as_name=as_name)


def _as_list(v):
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [x for x in v if x is not None]
    return [v]


def name_matches(name: str, patterns) -> bool:
    return any(wildcard_regex(p, True).match(name) for p in patterns)


def filter_pattern(f: str) -> str:
    """-Filter uses Windows file-name matching: `*.*` means every name."""
    return "*" if f in ("*.*", "*") else f


def passes_filters(name: str, filt, include, exclude) -> bool:
    """Whether an item's name passes -Filter, -Include and -Exclude."""
    if filt and not name_matches(name, [filter_pattern(filt)]):
        return False
    if include and not name_matches(name, include):
        return False
    if exclude and name_matches(name, exclude):
        return False
    return True


# ---------------------------------------------------------------------------
# FileInfo / DirectoryInfo

_EPOCH = _dt.datetime(1970, 1, 1)


def _local(ts: float) -> _dt.datetime:
    return _dt.datetime.fromtimestamp(ts)


def _utc(ts: float) -> _dt.datetime:
    return _EPOCH + _dt.timedelta(seconds=ts)


_COMMON_PROPS = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "Mode")
_TIMES = ("CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime",
          "LastWriteTimeUtc", "Attributes")


class FileSystemItem(DotNetObject):
    """What 5.1's FileSystem provider returns (System.IO.FileSystemInfo with
    the PS* note properties)."""

    ps_methods = ("Delete", "Refresh", "MoveTo")

    def __init__(self, drives, os_path: str, drive: str | None, display: str, as_name=False):
        self._drives = drives
        self._os = os_path
        self._drive = drive
        self.FullName = display
        base = os.path.basename(os_path.rstrip("/")) or os_path
        if is_drive_form(display) and display.endswith(":\\"):
            base = display
        self.Name = base
        self._as_name = as_name
        self._stat = None
        self._lstat = None

    # -- stat -----------------------------------------------------------------
    def _st(self):
        if self._stat is None:
            try:
                self._stat = os.stat(self._os)
            except OSError:
                try:
                    self._stat = os.lstat(self._os)
                except OSError:
                    self._stat = False
        return self._stat or None

    def _lst(self):
        if self._lstat is None:
            try:
                self._lstat = os.lstat(self._os)
            except OSError:
                self._lstat = False
        return self._lstat or None

    def Refresh(self):
        self._stat = None
        self._lstat = None

    @property
    def os_path(self):
        return self._os

    # -- PS* properties ------------------------------------------------------------
    @property
    def PSPath(self):
        return PREFIX + self.FullName

    @property
    def PSParentPath(self):
        p = parent_display(self.FullName)
        return PREFIX + p if p else ""

    @property
    def PSChildName(self):
        return self.Name

    @property
    def PSDrive(self):
        if self._drive:
            return self._drives.get(self._drive)
        return None

    PSProvider = PROVIDER

    @property
    def BaseName(self):
        if self.PSIsContainer:
            return self.Name
        n = self.Name
        i = n.rfind(".")
        return n[:i] if i > 0 or (i == 0 and len(n) > 1) else n

    @property
    def Extension(self):
        n = self.Name
        i = n.rfind(".")
        return n[i:] if i >= 0 and i < len(n) - 1 else ""

    @property
    def Exists(self):
        return os.path.isdir(self._os) if self.PSIsContainer else os.path.isfile(self._os)

    @property
    def LinkType(self):
        st = self._lst()
        return "SymbolicLink" if st is not None and stat.S_ISLNK(st.st_mode) else None

    @property
    def Target(self):
        if self.LinkType:
            try:
                return [os.readlink(self._os)]
            except OSError:
                return []
        return []

    def _time(self, attr, utc=False):
        st = self._st()
        if st is None:
            return _dt.datetime(1601, 1, 1) if utc else _local(-11644473600.0)
        ts = getattr(st, attr)
        return _utc(ts) if utc else _local(ts)

    @property
    def CreationTime(self):
        st = self._st()
        attr = "st_birthtime" if st is not None and hasattr(st, "st_birthtime") else "st_ctime"
        return self._time(attr)

    @property
    def CreationTimeUtc(self):
        st = self._st()
        attr = "st_birthtime" if st is not None and hasattr(st, "st_birthtime") else "st_ctime"
        return self._time(attr, True)

    @property
    def LastAccessTime(self):
        return self._time("st_atime")

    @property
    def LastAccessTimeUtc(self):
        return self._time("st_atime", True)

    @property
    def LastWriteTime(self):
        return self._time("st_mtime")

    @property
    def LastWriteTimeUtc(self):
        return self._time("st_mtime", True)

    @property
    def IsReadOnly(self):
        st = self._st()
        return st is not None and not (st.st_mode & stat.S_IWUSR)

    def _flags(self):
        flags = []
        if self.IsReadOnly:
            flags.append("ReadOnly")
        if is_hidden(self.Name):
            flags.append("Hidden")
        if self.PSIsContainer:
            flags.append("Directory")
        else:
            flags.append("Archive")
        if self.LinkType:
            flags.append("ReparsePoint")
        return flags

    @property
    def Attributes(self):
        return ", ".join(self._flags())

    @property
    def Mode(self):
        f = self._flags()
        return "".join((
            "d" if "Directory" in f else "-",
            "a" if "Archive" in f else "-",
            "r" if "ReadOnly" in f else "-",
            "h" if "Hidden" in f else "-",
            "-",
            "l" if "ReparsePoint" in f else "-",
        ))

    def ps_to_string(self):
        return self.Name if self._as_name else self.FullName

    # -- methods --------------------------------------------------------------------
    def Delete(self, *args):
        from .items import delete_path
        delete_path(self._os, recurse=bool(args and args[0]))

    def MoveTo(self, dest, *args):
        from ...runtime.conversion import to_string
        target = self._resolve_arg(to_string(dest))
        try:
            shutil.move(self._os, target)
        except OSError as e:
            raise IOException(e.strerror or str(e)) from None
        self._os = target
        self.FullName = display_path_from_drives(self._drives, target, self._drive)
        self.Name = os.path.basename(target)

    def _resolve_arg(self, text):
        try:
            return self._drives.resolve(text, "")
        except PSException:
            raise IOException(f"Could not find a part of the path '{text}'.") from None


def display_path_from_drives(drives, os_path, drive):
    class _S:
        pass
    s = _S()
    s.drives = drives
    return display_path(s, os_path, drive)


_FILE_PROPS = _COMMON_PROPS + ("VersionInfo", "BaseName", "Target", "LinkType", "Name", "Length", "DirectoryName",
                               "Directory", "IsReadOnly", "Exists", "FullName", "Extension") + _TIMES
_DIR_PROPS = _COMMON_PROPS + ("BaseName", "Target", "LinkType", "Name", "FullName", "Parent", "Exists", "Root",
                              "Extension") + _TIMES


class FileInfo(FileSystemItem):
    ps_type_names = ("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = _FILE_PROPS
    ps_methods = ("Delete", "Refresh", "MoveTo", "CopyTo", "OpenText", "ReadAllText")
    PSIsContainer = False
    VersionInfo = None

    @property
    def Length(self):
        st = self._st()
        if st is None:
            raise FileNotFoundLengthError(self.FullName)
        return st.st_size

    @property
    def DirectoryName(self):
        return parent_display(self.FullName)

    @property
    def Directory(self):
        parent = os.path.dirname(self._os)
        return DirectoryInfo(self._drives, parent, self._drive,
                             display_path_from_drives(self._drives, parent, self._drive))

    def CopyTo(self, dest, *args):
        from ...runtime.conversion import to_string
        target = self._resolve_arg(to_string(dest))
        overwrite = bool(args and args[0])
        if os.path.isdir(target):
            raise IOException(f"The target file '{to_string(dest)}' is a directory, not a file.")
        if os.path.exists(target) and not overwrite:
            raise IOException(f"The file '{to_string(dest)}' already exists.")
        try:
            shutil.copy2(self._os, target)
        except OSError as e:
            raise IOException(e.strerror or str(e)) from None
        return FileInfo(self._drives, target, self._drive,
                        display_path_from_drives(self._drives, target, self._drive))

    def ReadAllText(self):
        from ..utility.encodings import read_text
        return read_text(self._os)

    def OpenText(self):
        raise IOException("OpenText is not supported by pshim; use Get-Content.")


class FileNotFoundLengthError(IOException):
    ps_type = "System.IO.FileNotFoundException"

    def __init__(self, path):
        super().__init__(f"Could not find file '{path}'.")


class DirectoryInfo(FileSystemItem):
    ps_type_names = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = _DIR_PROPS
    ps_methods = ("Delete", "Refresh", "MoveTo", "Create", "CreateSubdirectory", "GetFiles", "GetDirectories",
                  "GetFileSystemInfos", "EnumerateFiles", "EnumerateDirectories", "EnumerateFileSystemInfos")
    PSIsContainer = True

    @property
    def Parent(self):
        parent = os.path.dirname(self._os.rstrip("/") or "/")
        if parent == self._os or not parent_display(self.FullName):
            return None
        return DirectoryInfo(self._drives, parent, self._drive,
                             display_path_from_drives(self._drives, parent, self._drive))

    @property
    def Root(self):
        if self._drive:
            d = self._drives.get(self._drive)
            if d is not None:
                root = os.path.normpath(d.Root)
                return DirectoryInfo(self._drives, root, self._drive,
                                     display_path_from_drives(self._drives, root, self._drive))
        if is_drive_form(self.FullName):
            d = self._drives.get(explicit_drive(self.FullName))
            if d is not None:
                return DirectoryInfo(self._drives, os.path.normpath(d.Root), d.Name, d.Name + ":\\")
        return DirectoryInfo(self._drives, "/", None, "/")

    def Create(self, *args):
        try:
            os.makedirs(self._os, exist_ok=True)
        except OSError as e:
            raise IOException(e.strerror or str(e)) from None

    def CreateSubdirectory(self, name, *args):
        from ...runtime.conversion import to_string
        target = os.path.normpath(os.path.join(self._os, to_string(name).replace("\\", "/")))
        try:
            os.makedirs(target, exist_ok=True)
        except OSError as e:
            raise IOException(e.strerror or str(e)) from None
        return DirectoryInfo(self._drives, target, self._drive,
                             display_path_from_drives(self._drives, target, self._drive))

    def _children(self, kind, pattern="*"):
        from ...runtime.conversion import to_string
        pat = filter_pattern(to_string(pattern)) if pattern is not None else "*"
        rx = wildcard_regex(pat, True)
        out = []
        try:
            names = sorted(os.listdir(self._os), key=sort_key)
        except OSError as e:
            raise IOException(e.strerror or str(e)) from None
        for n in names:
            if not rx.match(n):
                continue
            p = os.path.join(self._os, n)
            isdir = os.path.isdir(p)
            if (kind == "f" and isdir) or (kind == "d" and not isdir):
                continue
            out.append(make_item_from_drives(self._drives, p, self._drive, as_name=True))
        return out

    def GetFiles(self, pattern="*", *args):
        return self._children("f", pattern)

    def GetDirectories(self, pattern="*", *args):
        return self._children("d", pattern)

    def GetFileSystemInfos(self, pattern="*", *args):
        return self._children("*", pattern)

    EnumerateFiles = GetFiles
    EnumerateDirectories = GetDirectories
    EnumerateFileSystemInfos = GetFileSystemInfos


def make_item_from_drives(drives, os_path, drive, as_name=False):
    display = display_path_from_drives(drives, os_path, drive)
    cls = DirectoryInfo if os.path.isdir(os_path) else FileInfo
    return cls(drives, os_path, drive, display, as_name)


def make_item(session, os_path: str, drive: str | None, as_name=False):
    return make_item_from_drives(session.drives, os_path, drive, as_name)


# ---------------------------------------------------------------------------
# views (5.1 FileSystem.format.ps1xml: the "children" table grouped by parent)

def _parent_for_group(obj):
    p = getattr(obj, "PSParentPath", "") or ""
    return p[len(PREFIX):] if p.startswith(PREFIX) else p


def _last_write(obj):
    from ...runtime.datetimes import format_datetime
    d = getattr(obj, "LastWriteTime", None)
    if not isinstance(d, _dt.datetime):
        return ""
    return f"{format_datetime(d, 'd'):>10}  {format_datetime(d, 't'):>8}"


def _length(obj):
    if getattr(obj, "PSIsContainer", True):
        return ""
    try:
        return obj.Length
    except PSException:
        return ""


def _register_views():
    from ...formatting.views import register_view, TableView, ListView, Column, Entry
    table = TableView([
        Column("Mode", width=7, alignment="left"),
        Column(_last_write, label="LastWriteTime", width=25, alignment="right"),
        Column(_length, label="Length", width=14, alignment="right"),
        Column("Name"),
    ], group_by=_parent_for_group, group_label=" Directory", name="children")
    register_view("System.IO.FileInfo", table)
    register_view("System.IO.DirectoryInfo", table)
    register_view("System.IO.FileInfo", ListView([Entry(n) for n in (
        "Name", "Length", "CreationTime", "LastWriteTime", "LastAccessTime", "Mode", "LinkType", "Target",
        "VersionInfo")], group_by=_parent_for_group, group_label=" Directory", name="FileSystemTypes"))
    register_view("System.IO.DirectoryInfo", ListView([Entry(n) for n in (
        "Name", "CreationTime", "LastWriteTime", "LastAccessTime", "Mode", "LinkType", "Target")],
        group_by=_parent_for_group, group_label=" Directory", name="FileSystemTypes"))


_register_views()
