"""Compress-Archive and Expand-Archive, as Windows PowerShell 5.1's Microsoft.PowerShell.Archive 1.0.1.0
does them, on Python's zipfile.

Compress-Archive: -Path (wildcards; also from the pipeline) or -LiteralPath (alias PSPath, so
`Get-ChildItem | Compress-Archive` works), -DestinationPath (`.zip` appended when it has no extension; any
other extension is refused), -CompressionLevel Optimal (deflate, zlib's default level) | Fastest (deflate,
level 1) | NoCompression (stored), -Update (entries of the same name, compared case-insensitively, are
replaced; others are added) or -Force (a new archive replaces the old one). A folder is added under its
own name with everything below it (hidden, that is dot-named, items are left out, as 5.1's module leaves
hidden items out; a folder without files gets an entry of its own); `folder\\*` adds what is inside.
Folders are added first, then the single files, as 5.1 does. Nothing is written under -WhatIf, and an
archive that would hold no entry is removed. Output: none.

Expand-Archive: -Path (wildcards; one archive) or -LiteralPath, -DestinationPath (default: a folder named
after the archive in the current location; made when missing), -Force (existing files are replaced;
without it each one is a non-terminating error and is skipped). Entries whose path would land outside the
destination (`..\\`, rooted names: "zip slip") are refused with an error and skipped, as the module's later
versions do. Entry names with `\\` (5.1's own archives) are expanded as folders.

pshim's differences: entry names use `/` (the ZIP specification; 5.1's module wrote `\\`), and -Force no
longer deletes the old archive before -WhatIf/-Confirm are asked. -PassThru is not declared: 1.0.1.0 has
none (it came with version 1.1).
"""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import stat
import tempfile
import zipfile

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import IOException, InvalidOperationException, WriteErrorException
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard
from ..management.filesystem import FsCmdlet, ci_existing, glob, strip_provider, os_error, is_hidden

MODULE = "Microsoft.PowerShell.Archive"
ZIP_EXT = ".zip"
LEVELS = ("Optimal", "NoCompression", "Fastest")

_PATH_SETS = ("Path", "PathWithForce", "PathWithUpdate")
_LITERAL_SETS = ("LiteralPath", "LiteralPathWithForce", "LiteralPathWithUpdate")

PATH_NOT_FOUND = "The path '{0}' either does not exist or is not a valid file system path."
BAD_EXTENSION = "{0} is not a supported archive file format. {1} is the only supported archive file format."
ARCHIVE_EXISTS = ("The archive file {0} already exists. Use the -Update parameter to update the existing archive "
                  "file or use the -Force parameter to overwrite the existing archive file.")
READ_ONLY = ("The attributes of the archive file {0} is set to 'ReadOnly' hence it cannot be updated. If you intend "
             "to update the existing archive file, remove the 'ReadOnly' attribute on the archive file else use "
             "-Force parameter to override and create a new archive file.")
DUPLICATE = ("The input to {0} parameter contains a duplicate path '{1}'. Provide a unique set of paths as input to "
             "{0} parameter.")
MANY_ARCHIVES = ("The archive file path '{0}' specified as input to the {1} parameter is resolving to multiple file "
                 "system paths. Provide a unique path to the {1} parameter where the archive file has to be created.")
MANY_DIRS = ("The directory path '{0}' specified as input to the DestinationPath parameter is resolving to multiple "
             "file system paths. Provide a unique path to the Destination parameter where the archive file contents "
             "have to be expanded.")
NO_FILE_NAME = "The destination path '{0}' does not contain a valid archive file name."
FILE_EXISTS = ("Failed to create file '{0}' while expanding the archive file '{1}' contents as the file '{0}' already "
               "exists. Use the -Force parameter if you want to overwrite the existing directory '{0}' contents when "
               "expanding the archive file.")
BAD_ENTRY = "Can not process invalid archive entry '{0}'."


class _ArchiveCmdlet(FsCmdlet):
    module_name = MODULE
    supports_should_process = True

    def _fail(self, message, error_id, target, exc=IOException, category="InvalidArgument"):
        self.throw_terminating_error(self.error(message, error_id, category, target, exc))

    def _resolve_all(self, typed: str, literal: bool):
        """Resolve-Path -Path/-LiteralPath with -ErrorAction Stop, as the module's path helper does: the
        OS paths a value names; a missing one (or an unknown drive) stops the command."""
        from ...errors import DriveNotFoundException
        try:
            r = self.resolve(typed)
        except DriveNotFoundException:
            self._fail(PATH_NOT_FOUND.format(typed), "ArchiveCmdletPathNotFound", typed, InvalidOperationException)
        if not literal and has_wildcard(strip_provider(typed)):
            hits = glob(r.os_path)
            if not hits:
                self._fail(PATH_NOT_FOUND.format(typed), "ArchiveCmdletPathNotFound", typed,
                           InvalidOperationException)
            return [self.make(h, r.drive) for h in hits]
        found = ci_existing(r.os_path)
        if found is None:
            self._fail(PATH_NOT_FOUND.format(typed), "ArchiveCmdletPathNotFound", typed, InvalidOperationException)
        return [self.make(found, r.drive)]


def _path_parameters(path_sets, literal_sets, single=False):
    t = "string" if single else "string[]"
    path = Parameter(t, validate_not_null_or_empty=True, sets=[
        ParameterSetData(s, position=0, mandatory=True, from_pipeline=True, from_pipeline_by_name=True)
        for s in path_sets])
    literal = Parameter(t, aliases=("PSPath",), validate_not_null_or_empty=True, sets=[
        ParameterSetData(s, mandatory=True, from_pipeline_by_name=True) for s in literal_sets])
    return path, literal


# ---------------------------------------------------------------------------
# Compress-Archive

def _date_time(ts: float):
    t = _dt.datetime.fromtimestamp(ts)
    if t.year < 1980:
        t = _dt.datetime(1980, 1, 1)
    return (t.year, t.month, t.day, t.hour, t.minute, t.second)


def _copy_info(info):
    """A kept entry's name, time, attributes and method, for writing it into the new archive."""
    out = zipfile.ZipInfo(info.filename, info.date_time)
    out.compress_type = info.compress_type
    out.external_attr = info.external_attr
    out.create_system = info.create_system
    return out


def _listing(folder: str):
    """Get-ChildItem -Recurse of a folder without -Force: (os path, is folder) below it, hidden items left out,
    each folder's items (folders first) before what is inside its subfolders."""
    try:
        names = sorted(os.listdir(folder), key=str.lower)
    except OSError:
        return []
    names = [n for n in names if not is_hidden(n)]
    dirs = [n for n in names if os.path.isdir(os.path.join(folder, n))]
    files = [n for n in names if n not in dirs]
    out = [(os.path.join(folder, n), True) for n in dirs] + [(os.path.join(folder, n), False) for n in files]
    for n in dirs:
        out.extend(_listing(os.path.join(folder, n)))
    return out


def _has_files(folder: str) -> bool:
    try:
        return any(os.path.isfile(os.path.join(folder, n)) for n in os.listdir(folder))
    except OSError:
        return False


class CompressArchiveCommand(_ArchiveCmdlet):
    name = "Compress-Archive"
    default_parameter_set = "Path"
    synopsis = "Creates an archive, or zipped file, from specified files and folders."

    Path, LiteralPath = _path_parameters(_PATH_SETS, _LITERAL_SETS)
    DestinationPath = Parameter("string", position=1, mandatory=True, validate_not_null_or_empty=True)
    CompressionLevel = Parameter("string", validate_set=LEVELS, default="Optimal")
    Update = Parameter("switch", sets=[ParameterSetData(s, mandatory=True)
                                       for s in ("PathWithUpdate", "LiteralPathWithUpdate")])
    Force = Parameter("switch", sets=[ParameterSetData(s, mandatory=True)
                                      for s in ("PathWithForce", "LiteralPathWithForce")])

    def begin(self):
        self._inputs = []
        typed = cv.to_string(self.DestinationPath)
        text = typed.replace("\\", "/")
        parent, _, file_name = text.rpartition("/")
        if not file_name:
            self._fail(NO_FILE_NAME.format(typed), "InvalidArchiveFilePath", typed)
        if "/" not in text:
            parent = "."
        elif parent == "" or parent.endswith(":"):
            parent += "/"
        parents = self._resolve_all(parent, False)
        if len(parents) != 1:
            self._fail(MANY_ARCHIVES.format(parent, "DestinationPath"), "InvalidArchiveFilePath", parent)
        p = parents[0]
        if not os.path.isdir(p.os_path):
            self._fail(PATH_NOT_FOUND.format(p.display), "PathNotFound", p.display)
        ext = os.path.splitext(file_name)[1]
        if ext == "":
            bare = self.make(os.path.join(p.os_path, file_name), p.drive)
            file_name += ZIP_EXT
            self._dest = self.make(os.path.join(p.os_path, file_name), p.drive)
            self.write_verbose(f"The archive file path '{bare.display}' supplied to the DestinationPath parameter "
                               "does not include .zip extension. Hence .zip is appended to the supplied "
                               f"DestinationPath path and the archive file would be created at "
                               f"'{self._dest.display}'.")
        else:
            if ext.lower() != ZIP_EXT:
                self._fail(BAD_EXTENSION.format(ext, ZIP_EXT), "NotSupportedArchiveFileExtension", ext)
            self._dest = self.make(os.path.join(p.os_path, file_name), p.drive)
        self._exists = os.path.isfile(self._dest.os_path)
        self._update = bool(self.Update)
        if self._exists and not self._update and not self.Force:
            self._fail(ARCHIVE_EXISTS.format(self._dest.display), "ArchiveFileExists", self._dest.display)
        if self._exists and self._update and not (os.stat(self._dest.os_path).st_mode & stat.S_IWUSR):
            self._fail(READ_ONLY.format(self._dest.display), "ArchiveFileIsReadOnly", self._dest.display,
                       category="InvalidOperation")
        level = cv.to_string(self.CompressionLevel or "Optimal").lower()
        self._method, self._level = {"nocompression": (zipfile.ZIP_STORED, None),
                                     "fastest": (zipfile.ZIP_DEFLATED, 1)}.get(level, (zipfile.ZIP_DEFLATED, 6))

    def process(self):
        values, literal = self.path_values()
        for v in values:
            self._inputs.append((cv.to_string(v), literal))

    def end(self):
        set_name = self.parameter_set_name
        seen = set()
        for typed, _ in self._inputs:
            if typed.upper() in seen:
                self._fail(DUPLICATE.format(set_name, typed), "DuplicatePathFound", typed)
            seen.add(typed.upper())
        sources = []
        for typed, literal in self._inputs:
            sources.extend(self._resolve_all(typed, literal))
        for s in sources:
            if not os.path.exists(s.os_path):
                self._fail(PATH_NOT_FOUND.format(s.display), "PathNotFound", s.display)
        if not sources:
            return
        displays = [s.display for s in sources]
        target = displays[0] if len(displays) == 1 else "\n" + "\n".join(displays)
        if not self.should_process(target):
            return
        self._write(sources)

    def _entries(self, sources):
        """(entry name, os path, is folder, drive): folders first, then the single files."""
        out = []
        for s in sources:
            if not os.path.isdir(s.os_path):
                continue
            base = os.path.dirname(os.path.normpath(s.os_path))
            for path, is_dir in _listing(s.os_path):
                rel = os.path.relpath(path, base).replace(os.sep, "/")
                if not is_dir:
                    out.append((rel, path, False, s.drive))
                elif not _has_files(path):
                    out.append((rel + "/", path, True, s.drive))
        for s in sources:
            if not os.path.isdir(s.os_path):
                out.append((os.path.basename(s.os_path), s.os_path, False, s.drive))
        return out

    def _write(self, sources):
        dest = self._dest.os_path
        # the archive itself is never an entry (5.1 deletes it first under -Force; pshim keeps it until the end)
        entries = [e for e in self._entries(sources) if os.path.normpath(e[1]) != os.path.normpath(dest)]
        old = None
        if self._exists and self._update:
            try:
                old = zipfile.ZipFile(dest)
            except (OSError, zipfile.BadZipFile):
                self.throw_terminating_error(self._read_error())
        fd, temp = tempfile.mkstemp(prefix=".pshim-archive-", suffix=ZIP_EXT, dir=os.path.dirname(dest))
        os.close(fd)
        try:
            # in update mode an entry of the same name (case-insensitive, either separator) is replaced
            items = [("old", info.filename, info) for info in (old.infolist() if old is not None else ())]
            for name, path, is_dir, drive in entries:
                info = self._entry(name, path, is_dir)
                if info is None:
                    continue
                if self._update:
                    items = [i for i in items if i[1].replace("\\", "/").lower() != name.lower()]
                items.append(("new", path, info))
                self.write_verbose(f"Adding '{self.make(path, drive).display}'.")
            if not items:
                self.write_verbose(f"The partially created archive file '{self._dest.display}' is deleted as it "
                                   "is not usable.")
                if self._exists and self.Force:
                    os.unlink(dest)
                return
            with zipfile.ZipFile(temp, "w", self._method, compresslevel=self._level,
                                 strict_timestamps=False) as z:
                for kind, source, info in items:
                    if kind == "old" and info.is_dir():
                        z.writestr(_copy_info(info), b"")
                    elif kind == "old":
                        with old.open(info) as src, z.open(_copy_info(info), "w") as dst:
                            shutil.copyfileobj(src, dst, 1 << 20)
                    elif info.is_dir():
                        z.writestr(info, b"")
                    else:
                        z.write(source, info.filename, compress_type=self._method, compresslevel=self._level)
            if old is not None:
                old.close()
                old = None
            os.replace(temp, dest)
        except OSError as e:
            self.throw_terminating_error(os_error(self, e, self._dest.display, "CompressArchive"))
        except (zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
            self.throw_terminating_error(self._read_error())
        finally:
            if old is not None:
                old.close()
            if os.path.exists(temp):
                os.unlink(temp)

    def _entry(self, name, path, is_dir):
        if is_dir:
            info = zipfile.ZipInfo(name, _date_time(_dt.datetime.now().timestamp()))
            info.external_attr = 0o40755 << 16 | 0x10
            return info
        try:
            with open(path, "rb"):
                pass
        except OSError as e:
            self.write_error(self.error(f"Access to the path '{path}' is denied." if isinstance(e, PermissionError)
                                        else (e.strerror or str(e)), "CompressArchiveUnauthorizedAccessError",
                                        "PermissionDenied", path, IOException))
            return None
        return zipfile.ZipInfo(name, _date_time(os.path.getmtime(path)))

    def _read_error(self):
        return self.error(f"File '{self._dest.display}' does not appear to be a valid zip archive.",
                          "ArchiveFileNotValid", "InvalidData", self._dest.display, IOException)


# ---------------------------------------------------------------------------
# Expand-Archive

class ExpandArchiveCommand(_ArchiveCmdlet):
    name = "Expand-Archive"
    default_parameter_set = "Path"
    synopsis = "Extracts files from a specified archive (zipped) file."

    Path, LiteralPath = _path_parameters(("Path",), ("LiteralPath",), single=True)
    DestinationPath = Parameter("string", position=1, validate_not_null_or_empty=True)
    Force = Parameter("switch")

    def begin(self):
        typed = cv.to_string(self.DestinationPath) if self.DestinationPath is not None else ""
        self._dest_given = typed != ""
        self._dest = None
        self._declined = False      # the destination folder was not made (-Confirm answered No)
        if not self._dest_given:
            self._base = self.resolve(self.session.location or ".")
            return
        from ...errors import DriveNotFoundException
        try:
            r = self.resolve(typed)
        except DriveNotFoundException:
            r = None
        hits = []
        if r is not None:
            if has_wildcard(strip_provider(typed)):
                hits = [self.make(h, r.drive) for h in glob(r.os_path) if os.path.isdir(h)]
            else:
                f = ci_existing(r.os_path)
                hits = [self.make(f, r.drive)] if f is not None and os.path.isdir(f) else []
        if len(hits) > 1:
            self._fail(MANY_DIRS.format(typed), "InvalidDestinationPath", typed)
        if hits:
            self._dest = hits[0]
            return
        if r is None:
            self._fail(PATH_NOT_FOUND.format(typed), "ArchiveCmdletPathNotFound", typed, InvalidOperationException)
        if os.path.exists(r.os_path):
            self.throw_terminating_error(self.error(f"An item with the specified name {r.display} already exists.",
                                                    "DirectoryExist", "ResourceExists", r.display, IOException))
        self._dest = r
        self._declined = not self.should_process(f"Destination: {r.display}", "Create Directory")
        if not self._declined:
            try:
                os.makedirs(r.os_path, exist_ok=True)
            except OSError as e:
                self.throw_terminating_error(os_error(self, e, r.display, "CreateDirectory"))

    def process(self):
        values, literal = self.path_values()
        if not values:
            return
        typed = cv.to_string(values[0])
        found = self._resolve_all(typed, literal)
        if len(found) != 1:
            param = "LiteralPath" if literal else "Path"
            if not found:
                self._fail(PATH_NOT_FOUND.format(typed), "ArchiveCmdletPathNotFound", typed,
                           InvalidOperationException)
            self._fail(MANY_ARCHIVES.format(typed, param), "InvalidArchiveFilePath", typed)
        archive = found[0]
        if not os.path.isfile(archive.os_path):
            self._fail(PATH_NOT_FOUND.format(archive.display), "PathNotFound", archive.display)
        ext = os.path.splitext(archive.os_path)[1]
        if ext.lower() != ZIP_EXT:
            self._fail(BAD_EXTENSION.format(ext, ZIP_EXT), "NotSupportedArchiveFileExtension", ext)
        if not self.should_process(archive.display):
            return
        if self._declined:
            # 5.1: the folder New-Item did not make cannot be resolved afterwards
            typed_dest = cv.to_string(self.DestinationPath)
            self._fail(PATH_NOT_FOUND.format(typed_dest), "ArchiveCmdletPathNotFound", typed_dest,
                       InvalidOperationException)
        dest = self._dest
        if not self._dest_given:
            base_name = os.path.splitext(os.path.basename(archive.os_path))[0]
            dest = self.make(os.path.join(self._base.os_path, base_name), self._base.drive)
            if not os.path.isdir(dest.os_path):
                try:
                    os.makedirs(dest.os_path)
                except OSError as e:
                    self.throw_terminating_error(os_error(self, e, dest.display, "CreateDirectory"))
        self._expand(archive, dest)

    def _expand(self, archive, dest):
        try:
            z = zipfile.ZipFile(archive.os_path)
        except (zipfile.BadZipFile, OSError) as e:
            reason = ("End of Central Directory record could not be found." if isinstance(e, zipfile.BadZipFile)
                      else (e.strerror or str(e)))
            self.write_error(self.error(f'Exception calling ".ctor" with "3" argument(s): "{reason}"',
                                        "ConstructorInvokedThrowException", "InvalidOperation", None,
                                        InvalidOperationException))
            return
        root = os.path.normpath(dest.os_path)
        created = []
        complete = False
        try:
            with z:
                infos = z.infolist()
                if not infos:
                    self.write_verbose(f"The archive file {archive.display} is empty.")
                for info in infos:
                    name = info.filename.replace("\\", "/")
                    target = os.path.normpath(os.path.join(root, name))
                    if not target.startswith(root + os.sep) or name.startswith("/"):
                        self.write_error(self.error(BAD_ENTRY.format(info.filename), _WRITE_ERROR_ID,
                                                    "NotSpecified", None, WriteErrorException))
                        continue
                    if name.endswith("/"):
                        if not os.path.exists(target):
                            os.makedirs(target)
                            created.append(target)
                        continue
                    parent = os.path.dirname(target)
                    if not os.path.isdir(parent):
                        os.makedirs(parent)
                        created.append(parent)
                    shown = self.make(target, dest.drive).display
                    if os.path.isfile(target):
                        if not self.Force:
                            self.write_error(self.error(FILE_EXISTS.format(shown, archive.display),
                                                        "ExpandArchiveFileExists", "InvalidOperation", shown,
                                                        IOException))
                            continue
                        os.unlink(target)
                    with z.open(info) as src, open(target, "wb") as out:
                        while True:
                            block = src.read(1 << 20)
                            if not block:
                                break
                            out.write(block)
                    created.append(target)
                    stamp = _dt.datetime(*info.date_time).timestamp()
                    os.utime(target, (stamp, stamp))
                    self.write_verbose(f"Created '{shown}'.")
            complete = True
        except OSError as e:
            self.throw_terminating_error(os_error(self, e, dest.display, "ExpandArchive"))
        except (zipfile.BadZipFile, RuntimeError, ValueError, EOFError) as e:
            self.throw_terminating_error(self.error(str(e), "ExpandArchiveInvalidData", "InvalidData",
                                                    archive.display, IOException))
        finally:
            if not complete:
                for p in reversed(created):
                    try:
                        if os.path.isdir(p):
                            shutil.rmtree(p, ignore_errors=True)
                        elif os.path.exists(p):
                            os.unlink(p)
                    except OSError:
                        pass


_WRITE_ERROR_ID = "Microsoft.PowerShell.Commands.WriteErrorException"
