"""Out-File, and `>` / `>>` redirection (which is `| Out-File path [-Append]`).

Objects are formatted as the console would show them (tables, lists; width =
-Width, else console width - 1, else 120) and written line by line as they
arrive. Encoding: see encodings.py — default UTF-8 without BOM (a documented
deviation from 5.1's UTF-16LE). A new or replaced file appears only when
complete (temp file + rename); failures are ErrorRecords, never tracebacks.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet, Parameter
from ...errors import PSErrorRecordException
from ...formatting.out_default import OutputSession, DEFAULT_WIDTH
from . import encodings
from .textfile import TextFileWriter, FileWriteError

ACTION = "Output to File"
DOTNET_TYPE = "Microsoft.PowerShell.Commands.OutFileCommand"


def default_width(ctx) -> int:
    """Out-String/Out-File width without -Width: console width - 1, else 120."""
    try:
        w = ctx.host.ui_width() if ctx is not None and ctx.host is not None else None
    except Exception:   # a host without a console has no width
        w = None
    return (w - 1) if w else DEFAULT_WIDTH


class FileOutput:
    """Formatting session writing into a file; lines end with "\\n"."""

    def __init__(self, ctx, path, encoding=None, append=False, force=False, no_clobber=False, width=None,
                 no_newline=False):
        self.writer = TextFileWriter(path, encodings.resolve(encoding), append=append, no_clobber=no_clobber,
                                     force=force)
        self.no_newline = no_newline
        self.session = OutputSession(width or default_width(ctx), self._line, ctx)

    def open(self):
        self.writer.open()
        return self

    def _line(self, line):
        self.writer.write(line if self.no_newline else line + "\n")

    def add(self, obj):
        if self.no_newline and isinstance(obj, str):
            self.writer.write(obj)
            return
        self.session.add(obj)

    def close(self):
        self.session.close()
        self.writer.close()

    def abort(self):
        self.writer.abort()


def _record(e: FileWriteError):
    rec = e.record()
    rec.command_fqid_suffix = DOTNET_TYPE
    return rec


def _redirection_defaults(ctx):
    """`>` is Out-File, so $PSDefaultParameterValues['Out-File:Encoding'] / ['Out-File:Width'] apply."""
    if ctx is None:
        return None, None
    from ...commands.binder import apply_default_parameter_values
    bound = {}
    try:
        apply_default_parameter_values(ctx, OutFileCommand.metadata(), bound)
    except Exception:   # a broken default must not stop the redirection
        return None, None
    return bound.get("Encoding"), bound.get("Width")


class RedirectionWriter:
    """`> path` / `>> path`: exactly `| Out-File path [-Append]`, streaming: the file is opened
    when the redirection is set up and each object is formatted into it as it arrives. A file
    that cannot be written raises PSErrorRecordException (a terminating error)."""

    def __init__(self, ctx, path, append=False):
        encoding, width = _redirection_defaults(ctx)
        self.out = FileOutput(ctx, ctx.resolve_path(path) if ctx is not None else path, encoding=encoding,
                              append=append, width=width)
        self.opened = False

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except FileWriteError as e:
            self.out.abort()
            raise PSErrorRecordException(_record(e))

    def open(self):
        self._guard(self.out.open)
        self.opened = True

    def add(self, obj):
        if not self.opened:
            self.open()
        self._guard(self.out.add, obj)

    def close(self):
        if not self.opened:
            self.open()
        self._guard(self.out.close)


def write_redirection(ctx, objects, path, append=False):
    """All of `objects > path` at once (see RedirectionWriter)."""
    w = RedirectionWriter(ctx, path, append)
    for o in objects:
        w.add(o)
    w.close()


class OutFileCommand(Cmdlet):
    name = "Out-File"
    dotnet_type = DOTNET_TYPE
    default_parameter_set = "ByPath"
    supports_should_process = True
    FilePath = Parameter("string", position=0, mandatory=True, parameter_set="ByPath")
    LiteralPath = Parameter("string", mandatory=True, parameter_set="ByLiteralPath", aliases=("PSPath",))
    Encoding = Parameter("string", position=1, validate_set=encodings.OUT_FILE_NAMES)
    Append = Parameter("switch")
    Force = Parameter("switch")
    NoClobber = Parameter("switch", aliases=("NoOverwrite",))
    Width = Parameter("int", validate_range=(2, 2147483647))
    NoNewline = Parameter("switch")
    InputObject = Parameter("psobject", value_from_pipeline=True)

    def begin(self):
        self._out = None
        typed = self.LiteralPath if self.LiteralPath is not None else self.FilePath
        path = self.ctx.resolve_path(typed)
        if not self.should_process(path, ACTION):
            return
        out = FileOutput(self.ctx, path, self.Encoding, bool(self.Append), bool(self.Force),
                         bool(self.NoClobber), self.Width, bool(self.NoNewline))
        try:
            out.open()
        except FileWriteError as e:
            raise self.terminating_error(e.record())
        self._out = out

    def process(self):
        if self._out is None:
            return
        try:
            self._out.add(self.InputObject)
        except FileWriteError as e:
            self._out.abort()
            self._out = None
            raise self.terminating_error(e.record())

    def end(self):
        if self._out is None:
            return
        try:
            self._out.close()
        except FileWriteError as e:
            raise self.terminating_error(e.record())
        finally:
            self._out = None

    def stop(self):
        if self._out is not None:
            self._out.abort()
            self._out = None
