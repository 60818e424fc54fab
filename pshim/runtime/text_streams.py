"""System.IO.StreamReader and StreamWriter over the streams of streams.py (or a path, opened as a FileStream),
and [IO.File]::OpenText, CreateText and AppendText.

A StreamReader reads its stream in 4 KB blocks and decodes them incrementally; a byte order mark decides the
encoding first (as textdecode does for whole files) unless the script says not to look for one. A
StreamWriter encodes each write and hands it to its stream at once, so AutoFlush changes nothing here; it is
UTF-8 without a byte order mark unless given an encoding, whose preamble it writes at the start of an empty
stream. Closing a reader or writer closes its stream.
"""
from __future__ import annotations

import codecs

from .psobject import DotNetObject, Char, unwrap
from .method_support import (NoOverload, nargs, arg_null, arg_error, out_of_range,
                             a_int, a_str, a_bool)
from .statics import static_type
from .statics_io import _file_path
from .streams import Stream, ObjectDisposedException, open_file, _getter, _ctor, _stream_arg, _NOT_NEGATIVE, _BLOCK
from .textdecode import sniff_bom  # also registers the "pshim-c1" decode error handler

codecs.register_error("pshim-qmark", lambda err: ("?" * (err.end - err.start), err.end))


def _utf8(bom: bool):
    from .statics_encoding import Encoding
    return Encoding("System.Text.UTF8Encoding", "utf-8", "utf-8", "Unicode (UTF-8)", 65001,
                    codecs.BOM_UTF8 if bom else b"")


def _encoding_for_codec(codec: str):
    from .statics_encoding import get_encoding
    return {"utf-8": lambda: _utf8(True), "utf-16-le": lambda: get_encoding("unicode"),
            "utf-16-be": lambda: get_encoding("bigendianunicode"), "utf-32-le": lambda: get_encoding("utf32"),
            "utf-32-be": lambda: get_encoding("utf32")}[codec]()


def _encoding_arg(value):
    from .statics_encoding import Encoding
    enc = unwrap(value)
    if enc is None:
        raise arg_null("encoding")
    if not isinstance(enc, Encoding):
        raise NoOverload()
    return enc


class StreamReader(DotNetObject):
    """System.IO.StreamReader over a stream; a byte order mark decides the encoding unless told not to."""

    ps_type_names = ("System.IO.StreamReader", "System.IO.TextReader", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = ("CurrentEncoding", "BaseStream", "EndOfStream")
    ps_methods = ("ReadLine", "ReadToEnd", "Read", "Peek", "Close", "Dispose", "DiscardBufferedData",
                  "ToString", "Equals", "GetHashCode", "GetType")
    ps_method_defs = {"ReadLine": ("string ReadLine()",), "ReadToEnd": ("string ReadToEnd()",),
                      "Read": ("int Read()", "int Read(char[] buffer, int index, int count)"),
                      "Peek": ("int Peek()",), "Close": ("void Close()",), "Dispose": ("void Dispose()",),
                      "DiscardBufferedData": ("void DiscardBufferedData()",)}

    def __init__(self, stream: Stream, encoding=None, detect: bool = True):
        if not stream.CanRead:
            raise arg_error("Stream was not readable.")
        self._stream = stream
        self._enc = encoding if encoding is not None else _utf8(True)
        self._detect = detect
        self._decoder = None
        self._buf = ""
        self._eof = False
        self._closed = False

    @property
    def BaseStream(self):
        return None if self._closed else self._stream

    @property
    def CurrentEncoding(self):
        return self._enc

    def _check(self):
        if self._closed:
            raise ObjectDisposedException("Cannot read from a closed TextReader.")

    def _fill(self) -> bool:
        """Decode one more block into the buffer; False at the end of the stream."""
        if self._eof:
            return False
        self._stream._check_open()
        data = self._stream._read(_BLOCK)
        if self._decoder is None:
            while len(data) < 4 and data:      # enough bytes to see a 4-byte mark
                more = self._stream._read(4 - len(data))
                if not more:
                    break
                data += more
            codec, skip = sniff_bom(data) if self._detect else (None, 0)
            if codec is None:
                pre = self._enc.preamble
                if pre and data.startswith(pre):
                    skip = len(pre)
                codec = self._enc.codec
            else:
                self._enc = _encoding_for_codec(codec)
            data = data[skip:]
            name = codecs.lookup(codec).name
            # Windows-1252 maps every byte, as .NET does (textdecode's handler); ASCII's fallback is '?'
            self._decoder = codecs.getincrementaldecoder(codec)("pshim-c1" if name == "cp1252" else
                                                               "pshim-qmark" if name == "ascii" else "replace")
        if not data:
            self._eof = True
            self._buf += self._decoder.decode(b"", final=True)
            return False
        self._buf += self._decoder.decode(data)
        return True

    @property
    @_getter
    def EndOfStream(self):
        self._check()
        while not self._buf:
            if not self._fill():
                return not self._buf
        return False

    def ReadLine(self):
        self._check()
        while True:
            i = next((k for k, c in enumerate(self._buf) if c in "\r\n"), -1)
            if i >= 0 and not (self._buf[i] == "\r" and i == len(self._buf) - 1 and not self._eof):
                line = self._buf[:i]
                j = i + 1
                if self._buf[i] == "\r" and j < len(self._buf) and self._buf[j] == "\n":
                    j += 1
                self._buf = self._buf[j:]
                return line
            if not self._fill():
                if i >= 0:          # a CR that ended the stream
                    continue
                if not self._buf:
                    return None
                line, self._buf = self._buf, ""
                return line

    def ReadToEnd(self):
        self._check()
        while self._fill():
            pass
        text, self._buf = self._buf, ""
        return text

    def Read(self, *args):
        self._check()
        if not args:
            c = self.Peek()
            if c >= 0:
                self._buf = self._buf[1:]
            return c
        if len(args) != 3:
            raise NoOverload()
        buf = unwrap(args[0])
        if buf is None:
            raise arg_null("buffer")
        index, count = a_int(list(args), 1, "Read", "index"), a_int(list(args), 2, "Read", "count")
        if index < 0:
            raise out_of_range(_NOT_NEGATIVE, "index")
        if count < 0:
            raise out_of_range(_NOT_NEGATIVE, "count")
        if len(buf) - index < count:
            raise arg_error("Offset and length were out of bounds for the array or count is greater than the "
                            "number of elements from index to the end of the source collection.")
        while len(self._buf) < count and self._fill():
            pass
        part, self._buf = self._buf[:count], self._buf[count:]
        for k, c in enumerate(part):
            buf[index + k] = Char(c)
        return len(part)

    def Peek(self):
        self._check()
        while not self._buf and self._fill():
            pass
        return ord(self._buf[0]) if self._buf else -1

    def DiscardBufferedData(self):
        self._buf = ""
        self._decoder = None
        self._eof = False

    def Close(self):
        if not self._closed:
            self._stream.Close()
        self._closed = True

    def Dispose(self):
        self.Close()


class StreamWriter(DotNetObject):
    """System.IO.StreamWriter over a stream: UTF-8 without a byte order mark unless given an encoding,
    whose preamble it writes at the start of an empty stream; lines end with CR LF (NewLine)."""

    ps_type_names = ("System.IO.StreamWriter", "System.IO.TextWriter", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = ("AutoFlush", "BaseStream", "Encoding", "FormatProvider", "NewLine")
    ps_settable = ("AutoFlush", "NewLine")
    ps_methods = ("Write", "WriteLine", "Flush", "Close", "Dispose", "ToString", "Equals", "GetHashCode",
                  "GetType")
    ps_method_defs = {"Write": ("void Write(string value)", "void Write(System.Object value)",
                                "void Write(string format, Params System.Object[] arg)"),
                      "WriteLine": ("void WriteLine()", "void WriteLine(string value)",
                                    "void WriteLine(System.Object value)",
                                    "void WriteLine(string format, Params System.Object[] arg)"),
                      "Flush": ("void Flush()",), "Close": ("void Close()",), "Dispose": ("void Dispose()",)}

    def __init__(self, stream: Stream, encoding=None):
        if not stream.CanWrite:
            raise arg_error("Stream was not writable.")
        self._stream = stream
        self._enc = encoding if encoding is not None else _utf8(False)
        self._encoder = codecs.getincrementalencoder(self._enc.codec)("replace")
        self._started = False
        self._closed = False
        self.AutoFlush = False
        self._newline = "\r\n"
        self.FormatProvider = None

    @property
    def NewLine(self):
        return self._newline

    @NewLine.setter
    def NewLine(self, value):
        v = unwrap(value)
        self._newline = "\r\n" if v is None else a_str([v], 0)

    @property
    def BaseStream(self):
        return None if self._closed else self._stream

    @property
    def Encoding(self):
        return self._enc

    def _emit(self, text: str):
        if self._closed:
            raise ObjectDisposedException("Cannot write to a closed TextWriter.")
        data = self._encoder.encode(text)
        if not self._started:
            self._started = True
            pre = self._enc.preamble
            if pre and self._stream._tell() == 0:
                data = pre + data
        self._stream._check_write()
        self._stream._write(data)

    @staticmethod
    def _text(args, method):
        from .conversion import dotnet_string
        if not args:
            return ""
        if len(args) == 1:
            v = unwrap(args[0])
            if isinstance(v, list) and getattr(v, "element_type", "") == "System.Char":
                return "".join(str(c) for c in v)
            return "" if v is None else dotnet_string(v)
        from .dotnet_format import format_composite
        rest = list(args[1:])
        if len(rest) == 1 and isinstance(unwrap(rest[0]), list):
            rest = list(unwrap(rest[0]))
        fmt = a_str(list(args), 0)
        if fmt is None:
            raise arg_null("format")
        return format_composite(fmt, rest)

    def Write(self, *args):
        if not args:
            raise NoOverload()
        self._emit(self._text(args, "Write"))

    def WriteLine(self, *args):
        self._emit(self._text(args, "WriteLine") + self._newline)

    def Flush(self):
        if self._closed:
            raise ObjectDisposedException("Cannot write to a closed TextWriter.")

    def Close(self):
        if not self._closed:
            tail = self._encoder.encode("", final=True)
            if tail and not self._stream._closed:
                self._stream._write(tail)
            self._stream.Close()
        self._closed = True

    def Dispose(self):
        self.Close()


def _reader_from(args, kw, method):
    """StreamReader(stream|path[, encoding|detectEncoding][, detectEncodingFromByteOrderMarks])."""
    nargs(args, 1, 2, 3)
    v = unwrap(args[0])
    if v is None:
        raise arg_null("stream")
    stream = _stream_arg(args)
    if stream is None:
        if not isinstance(v, str):
            raise NoOverload()
        path = _file_path(args)
        stream = open_file(path, 3, 1, kw)
    enc, detect = None, True
    for a in args[1:]:
        u = unwrap(a)
        if isinstance(u, bool):
            detect = u
        else:
            enc = _encoding_arg(a)
    return StreamReader(stream, enc, detect)


def _writer_from(args, kw, method):
    """StreamWriter(stream[, encoding]) / StreamWriter(path[, append[, encoding]])."""
    nargs(args, 1, 2, 3)
    v = unwrap(args[0])
    stream = _stream_arg(args)
    if stream is not None:
        if len(args) == 3:
            raise NoOverload()
        return StreamWriter(stream, _encoding_arg(args[1]) if len(args) == 2 else None)
    if v is None:
        raise arg_null("path")
    if not isinstance(v, str):
        raise NoOverload()
    path = _file_path(args)
    append = a_bool(args, 1) if len(args) >= 2 else False
    enc = _encoding_arg(args[2]) if len(args) == 3 else None
    return StreamWriter(open_file(path, 6 if append else 2, 2, kw), enc)


@_ctor("System.IO.StreamReader", "System.IO.StreamReader new(System.IO.Stream stream)",
       "System.IO.StreamReader new(System.IO.Stream stream, System.Text.Encoding encoding)",
       "System.IO.StreamReader new(string path)", "System.IO.StreamReader new(string path, System.Text.Encoding encoding)",
       "System.IO.StreamReader new(string path, bool detectEncodingFromByteOrderMarks)",
       "System.IO.StreamReader new(string path, System.Text.Encoding encoding, bool detectEncodingFromByteOrderMarks)")
def _reader_new(args, kw):
    return _reader_from(args, kw, "new")


@_ctor("System.IO.StreamWriter", "System.IO.StreamWriter new(System.IO.Stream stream)",
       "System.IO.StreamWriter new(System.IO.Stream stream, System.Text.Encoding encoding)",
       "System.IO.StreamWriter new(string path)", "System.IO.StreamWriter new(string path, bool append)",
       "System.IO.StreamWriter new(string path, bool append, System.Text.Encoding encoding)")
def _writer_new(args, kw):
    return _writer_from(args, kw, "new")


F = static_type("System.IO.File")


@F.method("OpenText", "static System.IO.StreamReader OpenText(string path)")
def _f_open_text(args, kw):
    nargs(args, 1)
    return StreamReader(open_file(_file_path(args), 3, 1, kw))


@F.method("CreateText", "static System.IO.StreamWriter CreateText(string path)")
def _f_create_text(args, kw):
    nargs(args, 1)
    return StreamWriter(open_file(_file_path(args), 2, 2, kw))


@F.method("AppendText", "static System.IO.StreamWriter AppendText(string path)")
def _f_append_text(args, kw):
    nargs(args, 1)
    return StreamWriter(open_file(_file_path(args), 6, 2, kw))


__all__ = ["StreamReader", "StreamWriter"]
