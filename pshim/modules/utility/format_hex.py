"""Format-Hex: files, strings and numbers as 5.1's hexadecimal dump (Microsoft.PowerShell.Commands.ByteCollection).

A file (-Path with wildcards, -LiteralPath, or a FileInfo from the pipeline) is read 16 bytes at a time, one
ByteCollection per 16 bytes (Offset, Bytes, Path). Other input is one ByteCollection per input object: a string
in -Encoding (5.1's default ASCII, `?` for other characters), a byte or byte[] as it is, Int32/Int64 (and
their arrays) as little-endian bytes; other types are 5.1's FormatHexTypeNotSupported error. Piping an array
sends its elements one by one, so each gets its own dump, as in 5.1.

Each object's ToString() is its lines: the offset in 8 hex digits, three spaces, the bytes (`XX `), a space and
the bytes as characters (0x20-0xFE as Latin-1, others as `.`). The console view starts each file or input
object with 5.1's header (`Path: <file>` for files, then the column numbers `00 01 ... 0F` under the bytes).
"""
from __future__ import annotations

import os
import struct

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import ArgumentException, IOException, ItemNotFoundException, UnauthorizedAccessException
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard
from ...runtime.psobject import DotNetObject, PSObject, TypedArray, Byte, UInt32
from ...runtime.typenames import type_names_of
from ..management.filesystem import FsCmdlet, FileSystemItem, strip_provider, explicit_drive
from .encodings import resolve as resolve_encoding

BYTE_COLLECTION = "Microsoft.PowerShell.Commands.ByteCollection"
ENCODINGS = ("ascii", "bigendianunicode", "unicode", "utf32", "utf7", "utf8")
HEADER = "           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F"
_BUFFER = 16
_INT_FORMATS = {"System.Int32": "<i", "System.Int64": "<q"}


def _char(b: int) -> str:
    return chr(b) if 0x20 <= b <= 0xFE else "."


def hex_lines(data: bytes, offset: int = 0) -> list[str]:
    """The dump lines of `data`, the first at `offset`."""
    lines = []
    for start in range(0, len(data), 16):
        chunk = data[start:start + 16]
        left = "".join(f"{b:02X} " for b in chunk) + "   " * (16 - len(chunk))
        right = "".join(_char(b) for b in chunk) + " " * (16 - len(chunk))
        lines.append(f"{offset + start:08X}   {left} {right}")
    return lines


class ByteCollection(DotNetObject):
    ps_type_names = (BYTE_COLLECTION, "System.Object")
    ps_properties = ("Offset", "Bytes", "Path")

    def __init__(self, offset: int, data: bytes, path: str | None, starts_group: str | None = "first"):
        self.Offset = UInt32(offset)
        self.Bytes = TypedArray([Byte(b) for b in data], "System.Byte")
        self.Path = path
        self._data = bytes(data)
        # "first": the first object the command wrote; "next": the first of a later file or input object;
        # None: a continuation (the console view writes the header before a group's first object)
        self._starts_group = starts_group

    def ps_to_string(self):
        return "\n".join(hex_lines(self._data, int(self.Offset)))

    def ToString(self):
        return self.ps_to_string()


def _render(obj) -> str:
    body = obj.ps_to_string()
    start = getattr(obj, "_starts_group", "first")
    if not start:
        return body
    head = HEADER + "\n\n"
    if obj.Path:
        head = f"Path: {obj.Path}\n\n" + head
    if start == "next":
        head = "\n" + head
    return head + body


def input_bytes(value, encoding: str):
    """The bytes 5.1 dumps for one input object, or None for a type it does not convert."""
    names = type_names_of(value)
    first = names[0] if names else ""
    if isinstance(value, str):
        return resolve_encoding(encoding).encode(value)
    if first == "System.Byte":
        return bytes([int(value)])
    if first == "System.Byte[]":
        return bytes(int(b) for b in value)
    if first in _INT_FORMATS:
        return struct.pack(_INT_FORMATS[first], int(value))
    if first.endswith("[]") and first[:-2] in _INT_FORMATS:
        fmt = _INT_FORMATS[first[:-2]]
        return b"".join(struct.pack(fmt, int(v)) for v in value)
    return None


class FormatHexCommand(FsCmdlet):
    name = "Format-Hex"
    dotnet_type = "Microsoft.PowerShell.Commands.FormatHex"
    module_name = "Microsoft.PowerShell.Utility"
    default_parameter_set = "Path"
    synopsis = "Displays a file or other input as hexadecimal."
    output_type = BYTE_COLLECTION

    Path = Parameter("string[]", validate_not_null_or_empty=True,
                     sets=[ParameterSetData("Path", position=0, mandatory=True)])
    LiteralPath = Parameter("string[]", aliases=("PSPath",), validate_not_null_or_empty=True,
                            sets=[ParameterSetData("LiteralPath", mandatory=True)])
    InputObject = Parameter("object", sets=[ParameterSetData("ByInputObject", mandatory=True, from_pipeline=True)])
    Encoding = Parameter("string", validate_set=ENCODINGS, default="Ascii",
                         sets=[ParameterSetData("ByInputObject")])

    _wrote = False

    def _group_start(self) -> str:
        first = not self._wrote
        self._wrote = True
        return "first" if first else "next"

    def process(self):
        if self.parameter_set_name == "ByInputObject":
            self._object(self.InputObject)
            return
        values, literal = self.path_values()
        self._paths([cv.to_string(v) for v in values], literal)

    # -- input objects ------------------------------------------------------------------------------
    def _object(self, value):
        base = value.base if isinstance(value, PSObject) and value.base is not None else value
        if isinstance(base, FileSystemItem):
            self._file(self.make(base.os_path, None), base.FullName)
            return
        data = input_bytes(base, cv.to_string(self.Encoding or "Ascii"))
        if data is None:
            type_name = type_names_of(base)[0]
            self.write_error(self.error(
                f"Cannot convert input of type '{type_name}' to hexadecimal. To view the hexadecimal formatting "
                "of its string representation, pipe it to the Out-String cmdlet before piping it to Format-Hex.",
                "FormatHexTypeNotSupported", "InvalidArgument", type_name, ArgumentException))
            return
        self.write_object(ByteCollection(0, data, None, self._group_start()))

    # -- files --------------------------------------------------------------------------------------------
    def _paths(self, paths, literal):
        for typed in paths:
            drive = explicit_drive(strip_provider(typed))
            d = self.session.drives.get(drive) if drive else None
            if "::" in typed and not typed.lower().startswith(("filesystem::", "microsoft.powershell.core\\filesystem::")) \
                    or (drive and d is not None and d.Provider != "FileSystem"):
                self.write_error(self.error(
                    f"The given path '{typed}' is not supported. This command only supports the FileSystem "
                    "Provider paths.", "FormatHexOnlySupportsFileSystemPaths", "InvalidArgument", typed,
                    ArgumentException))
                continue
            if literal:
                try:
                    hits = [self.resolve(typed)]
                except Exception:   # an unknown drive: the same error as a missing file
                    self.write_error(self.not_found_paths(typed, paths))
                    continue
            else:
                hits = self.expand(typed, False, report=False)
                if not hits:
                    if not has_wildcard(strip_provider(typed)):
                        self.write_error(self.not_found_paths(typed, paths))
                    continue
            for r in hits:
                self._file(r, r.display)

    def not_found_paths(self, typed, paths):
        """5.1 reports a missing file with all the paths it was given as the target."""
        try:
            shown = self.resolve(typed).display
        except Exception:   # an unknown drive shows the path as typed
            shown = typed
        return self.error(f"Cannot find path '{shown}' because it does not exist.", "FileNotFound",
                          "ObjectNotFound", TypedArray(list(paths), "System.String"), ItemNotFoundException)

    def _file(self, r, shown):
        try:
            if os.path.isdir(r.os_path):
                raise PermissionError()
            f = open(r.os_path, "rb")
        except PermissionError:
            self.throw_terminating_error(self.error(f"Access to the path '{shown}' is denied.",
                                                    "System.UnauthorizedAccessException", "NotSpecified", None,
                                                    UnauthorizedAccessException))
        except OSError as e:
            if isinstance(e, FileNotFoundError):
                text = f"Could not find file '{shown}'."
            else:
                text = (e.strerror or str(e)).rstrip(".") + "."
            self.write_error(self.error(text, "FormatHexIOError", "WriteError", shown, IOException))
            return
        with f:
            offset = 0
            while not self.stopping:
                block = f.read(_BUFFER)
                if not block:
                    break
                self.write_object(ByteCollection(offset, block, shown, self._group_start() if offset == 0 else None))
                offset += len(block)


def _register_views():
    from ...formatting.views import register_view, CustomView
    register_view(BYTE_COLLECTION, CustomView(_render, name="ByteCollection"))


_register_views()
