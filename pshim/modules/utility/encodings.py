"""-Encoding names of the file-writing cmdlets (Out-File, Export-Csv, Export-Clixml).

Deliberate deviation from 5.1: `utf8` (and the default) writes UTF-8 WITHOUT a
byte order mark; `utf8BOM` is pshim's name for 5.1's BOM-prefixed UTF-8.
Everything else is as 5.1: unicode/string/unknown = UTF-16LE with BOM,
bigendianunicode = UTF-16BE with BOM, utf32 = UTF-32LE with BOM, ascii (`?`
for other characters), default = Windows-1252, oem = code page 437.
"""
from __future__ import annotations

import codecs

from ...runtime.textdecode import read_file, sniff_bom

# name -> (python codec, BOM bytes, errors)
_TABLE = {
    "unicode": ("utf-16-le", codecs.BOM_UTF16_LE, "strict"),
    "string": ("utf-16-le", codecs.BOM_UTF16_LE, "strict"),
    "unknown": ("utf-16-le", codecs.BOM_UTF16_LE, "strict"),
    "bigendianunicode": ("utf-16-be", codecs.BOM_UTF16_BE, "strict"),
    "utf8": ("utf-8", b"", "strict"),
    "utf8nobom": ("utf-8", b"", "strict"),
    "utf8bom": ("utf-8", codecs.BOM_UTF8, "strict"),
    "utf7": ("utf-7", b"", "strict"),
    "utf32": ("utf-32-le", codecs.BOM_UTF32_LE, "strict"),
    "ascii": ("ascii", b"", "replace"),
    "default": ("cp1252", b"", "replace"),
    "oem": ("cp437", b"", "replace"),
}

OUT_FILE_NAMES = ("unknown", "string", "unicode", "bigendianunicode", "utf8", "utf8BOM", "utf8NoBOM",
                  "utf7", "utf32", "ascii", "default", "oem")
CSV_NAMES = ("Unicode", "UTF7", "UTF8", "UTF8BOM", "UTF8NoBOM", "ASCII", "UTF32", "BigEndianUnicode",
             "Default", "OEM")
DEFAULT = "utf8"


class Encoding:
    __slots__ = ("name", "codec", "bom", "errors")

    def __init__(self, name, codec, bom, errors):
        self.name = name
        self.codec = codec
        self.bom = bom
        self.errors = errors

    def encode(self, text: str) -> bytes:
        return text.encode(self.codec, self.errors)


def resolve(name: str | None) -> Encoding:
    key = (name or DEFAULT).lower()
    codec, bom, errors = _TABLE[key]
    return Encoding(key, codec, bom, errors)


_BY_CODEC = {"utf-32-le": "utf32", "utf-8": "utf8bom", "utf-16-le": "unicode", "utf-16-be": "bigendianunicode"}


def detect(path: str) -> Encoding | None:
    """The encoding of an existing file from its BOM (None when it has none)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return None
    codec, _ = sniff_bom(head)
    if codec is None:
        return None
    if codec == "utf-32-be":
        return Encoding("bigendianutf32", codec, codecs.BOM_UTF32_BE, "strict")
    key = _BY_CODEC[codec]
    return Encoding(key, *_TABLE[key])


def read_text(path: str, encoding: str | None = None) -> str:
    """A text file's content by the one decoder (runtime/textdecode.py): its BOM, else `encoding`,
    else UTF-8 with non-UTF-8 bytes read as Windows-1252."""
    return read_file(path, encoding)
