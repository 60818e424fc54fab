"""System.IO streams as scripts use them: Stream, MemoryStream and FileStream (StreamReader and StreamWriter
over them are in text_streams.py).

Constructors (`::new(...)`, New-Object) are the static method "new" of each type; [IO.File]::OpenRead,
OpenWrite, Open and Create hand out FileStreams. Paths go through statics_io.resolve_path, so they follow
the session's drives and current location as the other [IO.File] statics do, and failures are statics_io's
.NET exceptions (FileNotFoundException "Could not find file 'x'.", ...), which the method binder wraps as
5.1 does (`Exception calling "OpenRead" with "1" argument(s): ...`; a constructor's as ".ctor"). Property
getters and setters that throw are wrapped as 5.1 wraps them (`Exception getting "Length": ...`).

A FileStream is an unbuffered Python file object, so Length and the file on disk follow each Write at once
(.NET buffers 4 KB until Flush; a script that reads the file only after Close/Flush sees the same bytes).
Share modes (FileShare) are checked as arguments only: this system does not lock files between processes.
"""
from __future__ import annotations

import os

from ..errors import (IOException, NotSupportedException, InvalidOperationException, GetValueInvocationException,
                      SetValueInvocationException, MethodException, PSException)
from .psobject import DotNetObject, Byte, Int64, unwrap
from .method_support import overload_error, wrap_exception, NoOverload, nargs, arg_null, arg_error, out_of_range, a_int, a_bool, enum_value, \
    EnumNames
from .statics import static_type, register_enum
from .statics_io import resolve_path, _os_error, _file_path
from .statics_system import byte_array, _bytes

ObjectDisposedException = type("ObjectDisposedException", (InvalidOperationException,),
                               {"ps_type": "System.ObjectDisposedException", "default_category": "NotSpecified"})

FILE_MODE = EnumNames(("CreateNew", 1), ("Create", 2), ("Open", 3), ("OpenOrCreate", 4), ("Truncate", 5),
                      ("Append", 6))
FILE_ACCESS = EnumNames(("Read", 1), ("Write", 2), ("ReadWrite", 3))
FILE_SHARE = EnumNames(("None", 0), ("Read", 1), ("Write", 2), ("ReadWrite", 3), ("Delete", 4),
                       ("Inheritable", 16))
SEEK_ORIGIN = EnumNames(("Begin", 0), ("Current", 1), ("End", 2))
register_enum("System.IO.FileMode", FILE_MODE)
register_enum("System.IO.FileAccess", FILE_ACCESS)
register_enum("System.IO.FileShare", FILE_SHARE)
register_enum("System.IO.SeekOrigin", SEEK_ORIGIN)

_BLOCK = 4096
_NOT_NEGATIVE = "Non-negative number required."


def _no_timeouts(name):
    inner = InvalidOperationException("Timeouts are not supported on this stream.")
    return GetValueInvocationException(f'Exception getting "{name}": "{inner.message}"', error_id="ExceptionWhenGetting",
                                       inner=inner)


def _getter(fn):
    """A property getter whose .NET exception PowerShell wraps: `Exception getting "Length": "..."`."""
    name = fn.__name__

    def get(self):
        try:
            return fn(self)
        except PSException as exc:
            if isinstance(exc, (GetValueInvocationException, MethodException)):
                raise
            raise GetValueInvocationException(f'Exception getting "{name}": "{exc.message}"',
                                              error_id="ExceptionWhenGetting", inner=exc) from None
    return get


def _setter(fn):
    """A property setter whose .NET exception PowerShell wraps: `Exception setting "Position": "..."`."""
    name = fn.__name__

    def put(self, value):
        try:
            fn(self, value)
        except PSException as exc:
            if isinstance(exc, SetValueInvocationException):
                raise
            raise SetValueInvocationException(f'Exception setting "{name}": "{exc.message}"',
                                              error_id="ExceptionWhenSetting", inner=exc) from None
    return put


def _buffer_args(method, args):
    """(list, offset, count) of Read/Write(byte[] buffer, int offset, int count), checked as .NET checks them."""
    if len(args) != 3:
        raise NoOverload()
    buf = unwrap(args[0])
    if buf is None:
        raise arg_null("buffer")
    offset = a_int(args, 1, method, "offset")
    count = a_int(args, 2, method, "count")
    if offset < 0:
        raise out_of_range(_NOT_NEGATIVE, "offset")
    if count < 0:
        raise out_of_range(_NOT_NEGATIVE, "count")
    if not isinstance(buf, (list, tuple, bytes, bytearray)):
        raise NoOverload()
    if len(buf) - offset < count:
        raise arg_error("Offset and length were out of bounds for the array or count is greater than the number "
                        "of elements from index to the end of the source collection.")
    return buf, offset, count


class Stream(DotNetObject):
    """What every stream has (System.IO.Stream); subclasses give _read/_write/_seek/_length/_truncate."""

    ps_methods = ("Read", "Write", "ReadByte", "WriteByte", "Seek", "SetLength", "Flush", "Close", "Dispose",
                  "CopyTo", "ToString", "Equals", "GetHashCode", "GetType")
    ps_method_defs = {
        "Read": ("int Read(byte[] buffer, int offset, int count)",),
        "Write": ("void Write(byte[] buffer, int offset, int count)",),
        "ReadByte": ("int ReadByte()",),
        "WriteByte": ("void WriteByte(byte value)",),
        "Seek": ("long Seek(long offset, System.IO.SeekOrigin loc)",),
        "SetLength": ("void SetLength(long value)",),
        "Flush": ("void Flush()",),
        "Close": ("void Close()",),
        "Dispose": ("void Dispose()",),
        "CopyTo": ("void CopyTo(System.IO.Stream destination)",
                   "void CopyTo(System.IO.Stream destination, int bufferSize)"),
    }
    ps_settable = ("Position",)
    # 5.1 lists these too, blank in its views (their getters throw); here they are found by name only
    ps_extra_properties = ("ReadTimeout", "WriteTimeout")
    closed_message = "Cannot access a closed Stream."

    def __init__(self):
        self._closed = False
        self._can_read = True
        self._can_write = True

    # --- state ---------------------------------------------------------------------------------------
    def _check_open(self):
        if self._closed:
            raise ObjectDisposedException(self.closed_message)

    def _check_read(self):
        self._check_open()
        if not self._can_read:
            raise NotSupportedException("Stream does not support reading.")

    def _check_write(self):
        self._check_open()
        if not self._can_write:
            raise NotSupportedException("Stream does not support writing.")

    @property
    def CanRead(self):
        return not self._closed and self._can_read

    @property
    def CanWrite(self):
        return not self._closed and self._can_write

    @property
    def CanSeek(self):
        return not self._closed

    CanTimeout = False

    @property
    def ReadTimeout(self):
        raise _no_timeouts("ReadTimeout")

    @property
    def WriteTimeout(self):
        raise _no_timeouts("WriteTimeout")

    @property
    @_getter
    def Length(self):
        self._check_open()
        return Int64(self._length())

    @property
    @_getter
    def Position(self):
        self._check_open()
        return Int64(self._tell())

    @Position.setter
    @_setter
    def Position(self, value):
        n = a_int([value], 0, "Position", "value", "System.Int64")
        if n < 0:
            raise out_of_range(_NOT_NEGATIVE, "value")
        self._check_open()
        self._seek(n)

    # --- methods ------------------------------------------------------------------------------------
    def Read(self, *args):
        buf, offset, count = _buffer_args("Read", list(args))
        self._check_read()
        data = self._read(count)
        for i, b in enumerate(data):
            buf[offset + i] = Byte(b)
        return len(data)

    def Write(self, *args):
        buf, offset, count = _buffer_args("Write", list(args))
        self._check_write()
        self._write(_bytes(list(buf[offset:offset + count]), "buffer"))

    def ReadByte(self):
        self._check_read()
        data = self._read(1)
        return data[0] if data else -1

    def WriteByte(self, value):
        b = a_int([value], 0, "WriteByte", "value", "System.Byte")
        if not 0 <= b <= 255:
            raise NoOverload()
        self._check_write()
        self._write(bytes([b]))

    def Seek(self, offset, origin):
        off = a_int([offset], 0, "Seek", "offset", "System.Int64")
        where = enum_value(origin, SEEK_ORIGIN, "System.IO.SeekOrigin", "Seek", "loc")
        if where not in (0, 1, 2):
            raise arg_error("Invalid seek origin.")
        self._check_open()
        base = (0, self._tell(), self._length())[where]
        if base + off < 0:
            raise IOException("An attempt was made to move the position before the beginning of the stream.")
        self._seek(base + off)
        return Int64(base + off)

    def SetLength(self, value):
        n = a_int([value], 0, "SetLength", "value", "System.Int64")
        if n < 0:
            raise out_of_range(_NOT_NEGATIVE, "value")
        self._check_write()
        self._truncate(n)

    def Flush(self):
        self._check_open()

    def Close(self):
        if not self._closed:
            self._release()
        self._closed = True

    def Dispose(self):
        self.Close()

    def CopyTo(self, destination, buffer_size=None):
        dest = unwrap(destination)
        if dest is None:
            raise arg_null("destination")
        if not isinstance(dest, Stream):
            raise NoOverload()
        if buffer_size is not None:
            size = a_int([buffer_size], 0, "CopyTo", "bufferSize")
            if size <= 0:
                raise out_of_range("Positive number required.", "bufferSize")
        self._check_open()
        dest._check_open()
        if not self._can_read:
            raise NotSupportedException("Stream does not support reading.")
        if not dest._can_write:
            raise NotSupportedException("Stream does not support writing.")
        while True:
            block = self._read(81920)
            if not block:
                break
            dest._write(block)

    def _release(self):
        pass


class MemoryStream(Stream):
    """System.IO.MemoryStream: growable unless made over a byte array; ToArray works after Close."""

    ps_type_names = ("System.IO.MemoryStream", "System.IO.Stream", "System.MarshalByRefObject", "System.Object")
    ps_properties = ("CanRead", "CanSeek", "CanWrite", "Capacity", "Length", "Position", "CanTimeout")
    ps_methods = Stream.ps_methods + ("ToArray", "GetBuffer", "WriteTo")
    ps_method_defs = dict(Stream.ps_method_defs, ToArray=("byte[] ToArray()",), GetBuffer=("byte[] GetBuffer()",),
                          WriteTo=("void WriteTo(System.IO.Stream stream)",))
    ps_settable = ("Position", "Capacity")

    def __init__(self, data: bytes = b"", expandable: bool = True, writable: bool = True, capacity: int = 0):
        super().__init__()
        self._data = bytearray(data)
        self._pos = 0
        self._expandable = expandable
        self._can_write = writable
        self._capacity = len(data) if not expandable else capacity

    @property
    @_getter
    def Capacity(self):
        self._check_open()
        return max(self._capacity, len(self._data)) if self._expandable else self._capacity

    @Capacity.setter
    @_setter
    def Capacity(self, value):
        n = a_int([value], 0, "Capacity", "value")
        self._check_open()
        if n < len(self._data):
            raise out_of_range("capacity was less than the current size.", "value")
        if not self._expandable and n != self._capacity:
            raise NotSupportedException("Memory stream is not expandable.")
        self._capacity = n

    def _length(self):
        return len(self._data)

    def _tell(self):
        return self._pos

    def _seek(self, pos):
        self._pos = pos

    def _read(self, count):
        chunk = bytes(self._data[self._pos:self._pos + count])
        self._pos += len(chunk)
        return chunk

    def _write(self, data):
        end = self._pos + len(data)
        if end > len(self._data):
            if not self._expandable and end > self._capacity:
                raise NotSupportedException("Memory stream is not expandable.")
            self._data.extend(b"\0" * (end - len(self._data)))
        self._data[self._pos:end] = data
        self._pos = end

    def _truncate(self, n):
        if not self._expandable and n > self._capacity:
            raise NotSupportedException("Memory stream is not expandable.")
        if n < len(self._data):
            del self._data[n:]
        else:
            self._data.extend(b"\0" * (n - len(self._data)))
        self._pos = min(self._pos, n)

    def ToArray(self):
        return byte_array(bytes(self._data))

    def GetBuffer(self):
        return byte_array(bytes(self._data))

    def WriteTo(self, stream):
        dest = unwrap(stream)
        if dest is None:
            raise arg_null("stream")
        if not isinstance(dest, Stream):
            raise NoOverload()
        self._check_open()
        dest._check_write()
        dest._write(bytes(self._data))


class FileStream(Stream):
    """System.IO.FileStream over an unbuffered Python file object."""

    ps_type_names = ("System.IO.FileStream", "System.IO.Stream", "System.MarshalByRefObject", "System.Object")
    ps_properties = ("CanRead", "CanWrite", "CanSeek", "IsAsync", "Length", "Name", "Position", "CanTimeout")
    ps_method_defs = dict(Stream.ps_method_defs, Flush=("void Flush()", "void Flush(bool flushToDisk)"))
    closed_message = "Cannot access a closed file."
    IsAsync = False

    def __init__(self, fh, name: str, can_read: bool, can_write: bool, append_floor: int | None = None):
        super().__init__()
        self._fh = fh
        self.Name = name
        self._can_read = can_read
        self._can_write = can_write
        self._floor = append_floor      # FileMode.Append: no seeking back into what was there

    def _length(self):
        return os.fstat(self._fh.fileno()).st_size

    def _tell(self):
        return self._fh.tell()

    def _seek(self, pos):
        if self._floor is not None and pos < self._floor:
            raise IOException("Unable seek backward to overwrite data that previously existed in a file opened "
                              "in Append mode.")
        self._fh.seek(pos)

    def _read(self, count):
        out = b""
        while len(out) < count:
            block = self._fh.read(count - len(out))
            if not block:
                break
            out += block
        return out

    def _write(self, data):
        try:
            self._fh.write(data)
        except OSError as exc:
            raise IOException(exc.strerror or str(exc)) from None

    def _truncate(self, n):
        pos = self._fh.tell()
        self._fh.truncate(n)
        self._fh.seek(min(pos, n))

    def Flush(self, *args):
        if len(args) > 1:
            raise NoOverload()
        self._check_open()

    def _release(self):
        self._fh.close()


def open_file(path: str, mode: int, access: int | None, kw) -> FileStream:
    """A FileStream on `path` for a FileMode and FileAccess (None: ReadWrite, Write for Append), as
    FileStream's constructor and File.Open* check and open it."""
    if mode not in FILE_MODE.values():
        raise out_of_range("Enum value was out of legal range.", "mode")
    if access is None:
        access = 2 if mode == 6 else 3
    if access not in (1, 2, 3):
        raise out_of_range("Enum value was out of legal range.", "access")
    can_read, can_write = bool(access & 1), bool(access & 2)
    mode_name = FILE_MODE.display[next(k for k, v in FILE_MODE.items() if v == mode)]
    access_name = FILE_ACCESS.display[next(k for k, v in FILE_ACCESS.items() if v == access)]
    if not can_write and mode in (1, 2, 5, 6):
        raise arg_error(f"Combining FileMode: {mode_name} with FileAccess: {access_name} is invalid.")
    if mode == 6 and can_read:
        raise arg_error("Append access can be requested only in write-only mode.")
    os_path = resolve_path(path, kw)
    exists = os.path.exists(os_path)
    if exists and os.path.isdir(os_path):
        raise _unauthorized(path)
    if mode == 1 and exists:
        raise IOException(f"The file '{path}' already exists.")
    if mode in (3, 5) and not exists:
        raise _os_error(FileNotFoundError(2, "No such file or directory"), path, kw)
    flags = os.O_RDWR if can_read and can_write else (os.O_RDONLY if can_read else os.O_WRONLY)
    if mode in (1, 2, 4, 6):
        flags |= os.O_CREAT
    if mode in (2, 5):
        flags |= os.O_TRUNC
    try:
        fd = os.open(os_path, flags, 0o666)
    except OSError as exc:
        raise _os_error(exc, path, kw) from None
    fh = os.fdopen(fd, {(True, False): "rb", (False, True): "wb", (True, True): "r+b"}[(can_read, can_write)],
                   buffering=0)
    floor = None
    if mode == 6:
        floor = fh.seek(0, os.SEEK_END)
    return FileStream(fh, os_path, can_read, can_write, floor)


def _unauthorized(path):
    from ..errors import UnauthorizedAccessException
    return UnauthorizedAccessException(f"Access to the path '{path}' is denied.")


# ---------------------------------------------------------------------------
# Constructors and [IO.File] openers

static_type("System.IO.Stream")


def _stream_arg(args, i=0):
    v = unwrap(args[i])
    return v if isinstance(v, Stream) else None


def _ctor(type_name, *defs):
    """Register a constructor as the type's `new`; what it throws is wrapped as 5.1 wraps a constructor's
    exception (`Exception calling ".ctor" with "n" argument(s): ...`)."""
    def deco(fn):
        def ctor(args, kw):
            try:
                return fn(args, kw)
            except NoOverload:
                raise overload_error("new", len(args)) from None
            except MethodException:
                raise
            except PSException as exc:
                raise wrap_exception(".ctor", len(args), exc) from None
        static_type(type_name).method("new", *defs)(ctor)
        return fn
    return deco


@_ctor("System.IO.MemoryStream", "System.IO.MemoryStream new()", "System.IO.MemoryStream new(int capacity)",
       "System.IO.MemoryStream new(byte[] buffer)", "System.IO.MemoryStream new(byte[] buffer, bool writable)",
       "System.IO.MemoryStream new(byte[] buffer, int index, int count)")
def _memory_new(args, kw):
    nargs(args, 0, 1, 2, 3)
    if not args:
        return MemoryStream()
    first = unwrap(args[0])
    if len(args) == 1 and isinstance(first, int) and not isinstance(first, bool):
        n = a_int(args, 0, "new", "capacity")
        if n < 0:
            raise out_of_range("Capacity must be positive.", "capacity")
        return MemoryStream(capacity=n)
    if first is None:
        raise arg_null("buffer")
    if not isinstance(first, (list, tuple, bytes, bytearray)):
        raise NoOverload()
    data = _bytes(first, "buffer")
    if len(args) == 2:
        return MemoryStream(data, expandable=False, writable=a_bool(args, 1))
    if len(args) == 3:
        buf, offset, count = _buffer_args("new", list(args))
        return MemoryStream(data[offset:offset + count], expandable=False)
    return MemoryStream(data, expandable=False)


def _mode_arg(args, i, method):
    return enum_value(args[i], FILE_MODE, "System.IO.FileMode", method, "mode")


def _access_arg(args, i, method):
    if len(args) <= i:
        return None
    return enum_value(args[i], FILE_ACCESS, "System.IO.FileAccess", method, "access")


@_ctor("System.IO.FileStream", "System.IO.FileStream new(string path, System.IO.FileMode mode)",
       "System.IO.FileStream new(string path, System.IO.FileMode mode, System.IO.FileAccess access)",
       "System.IO.FileStream new(string path, System.IO.FileMode mode, System.IO.FileAccess access, "
       "System.IO.FileShare share)",
       "System.IO.FileStream new(string path, System.IO.FileMode mode, System.IO.FileAccess access, "
       "System.IO.FileShare share, int bufferSize)")
def _file_stream_new(args, kw):
    nargs(args, 2, 3, 4, 5)
    path = _file_path(args)
    mode = _mode_arg(args, 1, "new")
    access = _access_arg(args, 2, "new")
    if len(args) >= 4:
        enum_value(args[3], FILE_SHARE, "System.IO.FileShare", "new", "share")   # sharing: one process here
    if len(args) == 5 and a_int(args, 4, "new", "bufferSize") <= 0:
        raise out_of_range("Positive number required.", "bufferSize")
    return open_file(path, mode, access, kw)


F = static_type("System.IO.File")


@F.method("OpenRead", "static System.IO.FileStream OpenRead(string path)")
def _f_open_read(args, kw):
    nargs(args, 1)
    return open_file(_file_path(args), 3, 1, kw)


@F.method("OpenWrite", "static System.IO.FileStream OpenWrite(string path)")
def _f_open_write(args, kw):
    nargs(args, 1)
    return open_file(_file_path(args), 4, 2, kw)


@F.method("Create", "static System.IO.FileStream Create(string path)",
          "static System.IO.FileStream Create(string path, int bufferSize)")
def _f_create(args, kw):
    nargs(args, 1, 2)
    return open_file(_file_path(args), 2, 3, kw)


@F.method("Open", "static System.IO.FileStream Open(string path, System.IO.FileMode mode)",
          "static System.IO.FileStream Open(string path, System.IO.FileMode mode, System.IO.FileAccess access)",
          "static System.IO.FileStream Open(string path, System.IO.FileMode mode, System.IO.FileAccess access, "
          "System.IO.FileShare share)")
def _f_open(args, kw):
    nargs(args, 2, 3, 4)
    path = _file_path(args)
    mode = _mode_arg(args, 1, "Open")
    access = _access_arg(args, 2, "Open")
    if len(args) == 4:
        enum_value(args[3], FILE_SHARE, "System.IO.FileShare", "Open", "share")
    return open_file(path, mode, access, kw)


__all__ = ["Stream", "MemoryStream", "FileStream", "open_file", "ObjectDisposedException", "FILE_MODE",
           "FILE_ACCESS", "SEEK_ORIGIN"]
