"""Writing the text files of Out-File, Export-Csv and Export-Clixml.

A new or replaced file is written to a temporary file in the same folder and
renamed over the target when complete, so a failure never leaves half a file;
appending writes in place. Failures become FileWriteError carrying 5.1's
message, error id and category, for the cmdlet to turn into an ErrorRecord.
"""
from __future__ import annotations

import os
import stat
import tempfile

from ...errors import IOException, DirectoryNotFoundException, UnauthorizedAccessException
from .encodings import Encoding, detect


class FileWriteError(Exception):
    def __init__(self, message, error_id, category, exc_class, target):
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.exc_class = exc_class
        self.target = target

    def record(self):
        from ...errors import error_record
        return error_record(self.message, self.error_id, self.category, self.target, self.exc_class)


def _open_failure(path, e: OSError):
    from ...runtime.drives import display_path
    path = display_path(path)
    if isinstance(e, (FileNotFoundError, NotADirectoryError)):
        return FileWriteError(f"Could not find a part of the path '{path}'.", "FileOpenFailure", "OpenError",
                              DirectoryNotFoundException, path)
    if isinstance(e, (PermissionError, IsADirectoryError)):
        return FileWriteError(f"Access to the path '{path}' is denied.", "FileOpenFailure", "OpenError",
                              UnauthorizedAccessException, path)
    return FileWriteError(e.strerror or str(e), "FileOpenFailure", "OpenError", IOException, path)


class TextFileWriter:
    """open() -> write(text)* -> close(); abort() on failure drops the temp file."""

    def __init__(self, path: str, encoding: Encoding, append=False, no_clobber=False, force=False,
                 keep_existing_encoding=False):
        self.path = path
        self.encoding = encoding
        self.append = append
        self.no_clobber = no_clobber
        self.force = force
        self.keep_existing_encoding = keep_existing_encoding
        self._f = None
        self._tmp = None

    def open(self):
        path = self.path
        exists = os.path.exists(path)
        if os.path.isdir(path):
            raise _open_failure(path, IsADirectoryError())
        if exists and self.no_clobber and not self.append:
            raise FileWriteError(f"The file '{path}' already exists.", "NoClobber", "ResourceExists",
                                 IOException, path)
        if exists and not os.access(path, os.W_OK):
            if self.force:
                try:
                    os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
                except OSError as e:
                    raise _open_failure(path, e)
            else:
                raise _open_failure(path, PermissionError())
        try:
            if self.append and exists:
                if self.keep_existing_encoding:
                    found = detect(path)
                    if found is not None:
                        self.encoding = found
                empty = os.path.getsize(path) == 0
                self._f = open(path, "ab")
                if empty and self.encoding.bom:
                    self._f.write(self.encoding.bom)
            else:
                folder = os.path.dirname(os.path.abspath(path))
                fd, self._tmp = tempfile.mkstemp(prefix=".pshim-", suffix=".tmp", dir=folder)
                self._f = os.fdopen(fd, "wb")
                if self.encoding.bom:
                    self._f.write(self.encoding.bom)
        except OSError as e:
            self.abort()
            raise _open_failure(path, e)
        return self

    def write(self, text: str):
        try:
            self._f.write(self.encoding.encode(text))
        except OSError as e:
            self.abort()
            raise _open_failure(self.path, e)

    def close(self):
        if self._f is None:
            return
        try:
            self._f.close()
            self._f = None
            if self._tmp is not None:
                mode = None
                if os.path.exists(self.path):
                    mode = stat.S_IMODE(os.stat(self.path).st_mode) | stat.S_IWUSR
                else:
                    umask = os.umask(0)
                    os.umask(umask)
                    mode = 0o666 & ~umask
                os.chmod(self._tmp, mode)
                os.replace(self._tmp, self.path)
                self._tmp = None
        except OSError as e:
            self.abort()
            raise _open_failure(self.path, e)

    def abort(self):
        if self._f is not None:
            try:
                self._f.close()
            except OSError:
                pass
            self._f = None
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass
            self._tmp = None
