"""-Encoding names of the file-writing cmdlets (Out-File, Export-Csv, Export-Clixml).

Deliberate deviation from 5.1: `utf8` (and the default) writes UTF-8 WITHOUT a
byte order mark; `utf8BOM` is pshim's name for 5.1's BOM-prefixed UTF-8.
Everything else is as 5.1: unicode/string/unknown = UTF-16LE with BOM,
bigendianunicode = UTF-16BE with BOM, utf32 = UTF-32LE with BOM, ascii (`?`
for other characters), default = Windows-1252, oem = code page 437.
"""
from __future__ import annotations

import codecs

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


def detect(path: str) -> Encoding | None:
    """The encoding of an existing file from its BOM (None when it has none)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return None
    for key in ("utf32", "utf8bom", "unicode", "bigendianunicode"):
        codec, bom, errors = _TABLE[key]
        if bom and head.startswith(bom):
            return Encoding(key, codec, bom, errors)
    return None


def read_text(path: str) -> str:
    """A text file's content, decoded by its BOM (UTF-8 when it has none)."""
    with open(path, "rb") as f:
        data = f.read()
    enc = None
    for key in ("utf32", "utf8bom", "unicode", "bigendianunicode"):
        codec, bom, _ = _TABLE[key]
        if data.startswith(bom):
            enc = (codec, len(bom))
            break
    if enc is None:
        return data.decode("utf-8", "replace")
    return data[enc[1]:].decode(enc[0], "replace")



def _ansi_fallback(err: UnicodeDecodeError):
    """Decode error handler: bytes that are not UTF-8 are read as Windows-1252 (5.1's
    ANSI code page for files without a BOM). Registered as "pshim-ansi"."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


import codecs as _codecs  # noqa: E402
_codecs.register_error("pshim-ansi", _ansi_fallback)
ANSI_FALLBACK = "pshim-ansi"
