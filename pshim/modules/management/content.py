"""Get-Content, Set-Content, Add-Content, Clear-Content.

Reading: the encoding comes from the file's byte order mark, else UTF-8 (or
-Encoding). Lines end at "\\r\\n", "\\n" or "\\r"; each line is one string,
streamed as it is read (-ReadCount batches them into arrays). -Delimiter keeps
the delimiter at the end of each chunk, as 5.1 does.

Writing: each value's string form is one line ending with "\\n"; default
encoding UTF-8 without BOM (the documented deviation from 5.1's ANSI). A
replaced file appears only when complete (the formatting owner's atomic
TextFileWriter); Add-Content appends in place, keeping a BOM-marked file's
encoding when -Encoding is not given. Lines are plain strings: 5.1's PSPath /
ReadCount note properties on each line are not attached (cost per line).
"""
from __future__ import annotations

import codecs
import collections
import os

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import (UnauthorizedAccessException, DriveNotFoundException, IOException)
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard
from ...runtime.psobject import unwrap
from ...runtime.textdecode import sniff_bom, ANSI_FALLBACK
from ..utility import encodings
from ..utility.textfile import TextFileWriter, FileWriteError
from .filesystem import FsCmdlet, strip_provider, os_error, ci_existing, name_matches, filter_pattern

_NS = "Microsoft.PowerShell.Commands."

# 5.1's FileSystemCmdletProviderEncoding names (+ pshim's utf8BOM / utf8NoBOM)
ENCODING_NAMES = ("Unknown", "String", "Unicode", "Byte", "BigEndianUnicode", "UTF8", "UTF8BOM", "UTF8NoBOM",
                  "UTF7", "UTF32", "Ascii", "Default", "Oem", "BigEndianUTF32")


def resolve_encoding(name):
    """An encodings.Encoding for a content -Encoding name (None -> default)."""
    if name is not None and name.lower() == "bigendianutf32":
        return encodings.Encoding("bigendianutf32", "utf-32-be", codecs.BOM_UTF32_BE, "strict")
    return encodings.resolve(name)


def _open_text(path, encoding_name):
    """A text stream over the file with universal newlines and the BOM skipped."""
    f = open(path, "rb")
    head = f.read(4)
    codec, skip = sniff_bom(head)
    if encoding_name is not None:
        enc = resolve_encoding(encoding_name)
        if codec is None or not enc.bom or codecs.lookup(codec).name != codecs.lookup(enc.codec).name:
            codec = enc.codec
            skip = len(enc.bom) if enc.bom and head.startswith(enc.bom) else 0
    f.seek(skip)
    import io
    # no BOM and no -Encoding: UTF-8, with non-UTF-8 bytes read as Windows-1252 (5.1 reads ANSI)
    errors = ANSI_FALLBACK if codec is None else "replace"
    return io.TextIOWrapper(f, encoding=codec or "utf-8", errors=errors, newline=None)


def _paths_params(value_position=None):
    path = Parameter("string[]", sets=[ParameterSetData("Path", position=0, mandatory=True,
                                                        from_pipeline_by_name=True)])
    lit = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData("LiteralPath", mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("Path", from_pipeline_by_name=True)])
    return path, lit


class _ContentCommand(FsCmdlet):
    default_parameter_set = "Path"
    Path, LiteralPath = _paths_params()
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Force = Parameter("switch")

    def targets(self, create=False):
        """Resolved files of -Path/-LiteralPath. With create, a path that does
        not exist (and has no wildcard) is returned for creation."""
        values, literal = self.path_values()
        out = []
        for typed in values:
            typed = cv.to_string(typed)
            if create and (literal or not has_wildcard(strip_provider(typed))):
                try:
                    r = self.resolve(typed)
                except DriveNotFoundException as e:
                    self.write_error(self.drive_error(e))
                    continue
                found = ci_existing(r.os_path)
                if found is not None and found != r.os_path:
                    r = self.make(found, r.drive)
                out.append(r)
                continue
            for r in self.expand(typed, literal, bool(self.Force)):
                name = os.path.basename(r.os_path)
                if self.Filter and not name_matches(name, [filter_pattern(self.Filter)]):
                    continue
                if self.Include and not name_matches(name, self.Include):
                    continue
                if self.Exclude and name_matches(name, self.Exclude):
                    continue
                out.append(r)
        return out


# ---------------------------------------------------------------------------
# Get-Content

class GetContentCommand(_ContentCommand):
    name = "Get-Content"
    dotnet_type = _NS + "GetContentCommand"
    synopsis = "Gets the content of the item at the specified location."

    ReadCount = Parameter("long", default=1, value_from_pipeline_by_property_name=True)
    TotalCount = Parameter("long", default=-1, aliases=("First", "Head"), value_from_pipeline_by_property_name=True)
    Tail = Parameter("int", default=-1, aliases=("Last",))
    Delimiter = Parameter("string")
    Wait = Parameter("switch")
    Raw = Parameter("switch")
    Encoding = Parameter("string", validate_set=ENCODING_NAMES)

    def process(self):
        for r in self.targets():
            if os.path.isdir(r.os_path):
                self.write_error(self.error(f"Access to the path '{r.display}' is denied.",
                                            "GetContentReaderUnauthorizedAccessError", "PermissionDenied",
                                            r.display, UnauthorizedAccessException))
                continue
            try:
                self._read(r)
            except OSError as e:
                self.write_error(os_error(self, e, r.display, "GetContentReader", "ReadError"))

    def _read(self, r):
        total = int(self.TotalCount) if self.TotalCount is not None else -1
        tail = int(self.Tail) if self.Tail is not None else -1
        if total == 0 or tail == 0:
            return
        enc = (self.Encoding or "")
        if enc.lower() == "byte":
            self._read_bytes(r.os_path, total, tail)
            return
        if self.Raw:
            with open(r.os_path, "rb") as fb:
                data = fb.read()
            text = self._decode_raw(data)
            if text:
                self.write_object(text)
            return
        with _open_text(r.os_path, self.Encoding) as f:
            chunks = self._chunks(f)
            if tail > 0:
                chunks = iter(collections.deque(chunks, maxlen=tail))
            n = self._emit(chunks, total)
            if self.Wait and not (0 < total <= n):
                self._follow(f, r.os_path, total - n if total > 0 else -1)

    def _follow(self, f, path, left):
        """-Wait: after the end of the file, keep reading lines as they are added (polling, as 5.1 does
        once a second; here a little faster) until the pipeline stops (Ctrl+C, or a later command such
        as Select-Object -First has what it needs), or -TotalCount lines in all were written. A file
        that shrinks (rotated, truncated) is read again from its start."""
        import time
        partial = ""
        while not self.stopping:
            line = f.readline()
            if line:
                partial += line
                if not partial.endswith("\n"):
                    continue
                self.write_object(partial[:-1])
                partial = ""
                left -= 1
                if left == 0:
                    return
                continue
            try:
                if os.path.getsize(path) < f.buffer.tell():
                    f.seek(0)
                    partial = ""
                    continue
            except OSError:
                pass
            time.sleep(0.1)

    def _decode_raw(self, data: bytes) -> str:
        codec, skip = sniff_bom(data)
        if self.Encoding is not None:
            enc = resolve_encoding(self.Encoding)
            if codec is None or codecs.lookup(codec).name != codecs.lookup(enc.codec).name:
                codec = enc.codec
                skip = len(enc.bom) if enc.bom and data.startswith(enc.bom) else 0
        return data[skip:].decode(codec or "utf-8", ANSI_FALLBACK if codec is None else "replace")

    def _chunks(self, f):
        delim = self.Delimiter
        if delim is None or delim == "\n":
            for line in f:
                if line.endswith("\n"):
                    line = line[:-1]
                yield line
            return
        if delim == "":
            text = f.read()
            if text:
                yield text
            return
        buf = ""
        while True:
            block = f.read(65536)
            if not block:
                break
            buf += block
            while True:
                i = buf.find(delim)
                if i < 0:
                    break
                yield buf[:i + len(delim)]
                buf = buf[i + len(delim):]
        if buf:
            yield buf

    def _emit(self, chunks, total):
        rc = int(self.ReadCount) if self.ReadCount is not None else 1
        batch = []
        n = 0
        for line in chunks:
            if self.stopping:
                return
            if rc == 1 or rc < 0:
                self.write_object(line)
            else:
                batch.append(line)
                if rc > 0 and len(batch) == rc:
                    self.write_object(batch)
                    batch = []
            n += 1
            if 0 < total <= n:
                break
        if batch:
            self.write_object(batch)
        return n

    def _read_bytes(self, path, total, tail):
        with open(path, "rb") as f:
            data = f.read()
        vals = list(data)
        if tail > 0:
            vals = vals[-tail:]
        if total > 0:
            vals = vals[:total]
        if self.Raw:
            self.write_object(vals)
            return
        self._emit(iter(vals), -1)


# ---------------------------------------------------------------------------
# Set-Content / Add-Content

class _WriteContentCommand(_ContentCommand):
    supports_should_process = True
    Value = Parameter("object[]", position=1, mandatory=True, value_from_pipeline=True,
                      value_from_pipeline_by_property_name=True, allow_null=True, allow_empty_string=True)
    PassThru = Parameter("switch")
    NoNewline = Parameter("switch")
    Encoding = Parameter("string", validate_set=ENCODING_NAMES)
    append = False
    action = ""

    def begin(self):
        self._values_from_pipeline = "Value" not in self.bound
        self._pending = []
        self._paths_fixed = "Path" in self.bound or "LiteralPath" in self.bound

    def process(self):
        vals = self.Value
        if vals is None:
            vals = [None]
        elif not isinstance(vals, (list, tuple)):
            vals = [vals]
        if self._values_from_pipeline and self._paths_fixed:
            self._pending.extend(vals)
            return
        self._write_all(list(vals))

    def end(self):
        if self._values_from_pipeline and self._paths_fixed:
            self._write_all(self._pending)

    def _text(self, values):
        enc_name = (self.Encoding or "")
        if enc_name.lower() == "byte":
            out = bytearray()
            for v in values:
                v = unwrap(v)
                if v is None:
                    continue
                items = v if isinstance(v, (list, tuple)) else [v]
                for b in items:
                    out.append(cv.to_int(unwrap(b)) & 0xFF)
            return bytes(out)
        parts = []
        for v in values:
            v = unwrap(v)
            if v is None:
                continue
            if isinstance(v, (list, tuple)):
                parts.extend(cv.to_string(x) for x in v)
            else:
                parts.append(cv.to_string(v))
        if self.NoNewline:
            return "".join(parts)
        return "".join(p + "\n" for p in parts)

    def _write_all(self, values):
        payload = self._text(values)
        for r in self.targets(create=True):
            if not self.should_process(f"Path: {r.display}", self.action):
                continue
            if os.path.isdir(r.os_path):
                self.write_error(self.error(f"Access to the path '{r.display}' is denied.",
                                            "GetContentWriterUnauthorizedAccessError", "PermissionDenied",
                                            r.display, UnauthorizedAccessException))
                continue
            if self._write(r, payload) and self.PassThru:
                for v in values:
                    self.write_object(v)

    def _write(self, r, payload) -> bool:
        is_bytes = isinstance(payload, bytes)
        enc = resolve_encoding(None if is_bytes or not self.Encoding else self.Encoding)
        keep = self.append and self.Encoding is None
        w = TextFileWriter(r.os_path, enc, append=self.append, force=bool(self.Force), keep_existing_encoding=keep)
        try:
            w.open()
            if is_bytes:
                w._f.write(payload)
            else:
                w.write(payload)
            w.close()
            return True
        except FileWriteError as e:
            w.abort()
            self.write_error(self._writer_error(e, r.display))
            return False
        except OSError as e:
            w.abort()
            self.write_error(os_error(self, e, r.display, "GetContentWriter"))
            return False

    def _writer_error(self, e: FileWriteError, display):
        from ...errors import DirectoryNotFoundException
        if e.exc_class is DirectoryNotFoundException:
            return self.error(f"Could not find a part of the path '{display}'.",
                              "GetContentWriterDirectoryNotFoundError", "ObjectNotFound", display,
                              DirectoryNotFoundException)
        if e.exc_class is UnauthorizedAccessException:
            return self.error(f"Access to the path '{display}' is denied.", "GetContentWriterUnauthorizedAccessError",
                              "PermissionDenied", display, UnauthorizedAccessException)
        return self.error(e.message, "GetContentWriterIOError", "WriteError", display, IOException)


class SetContentCommand(_WriteContentCommand):
    name = "Set-Content"
    dotnet_type = _NS + "SetContentCommand"
    synopsis = "Writes new content or replaces existing content in a file."
    action = "Set Content"


class AddContentCommand(_WriteContentCommand):
    name = "Add-Content"
    dotnet_type = _NS + "AddContentCommand"
    synopsis = "Adds content to the specified items, such as adding words to a file."
    action = "Add Content"
    append = True


# ---------------------------------------------------------------------------
# Clear-Content

class ClearContentCommand(_ContentCommand):
    name = "Clear-Content"
    dotnet_type = _NS + "ClearContentCommand"
    supports_should_process = True
    synopsis = "Deletes the contents of an item, but does not delete the item."

    def process(self):
        for r in self.targets():
            if os.path.isdir(r.os_path):
                self.write_error(self.error(f"Access to the path '{r.display}' is denied.",
                                            "ClearContentUnauthorizedAccessError", "PermissionDenied", r.display,
                                            UnauthorizedAccessException))
                continue
            if not self.should_process(f"Item: {r.display}", "Clear Content"):
                continue
            try:
                with open(r.os_path, "r+b") as f:
                    f.truncate(0)
            except OSError as e:
                self.write_error(os_error(self, e, r.display, "ClearContent"))
