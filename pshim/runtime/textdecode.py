"""The one text decoder: how pshim turns a file's bytes into text (scripts, Get-Content, Select-String,
Import-Csv, Import-Clixml, `switch -File`, `${C:\\file}`, [IO.File]/StreamReader).

As .NET's StreamReader does in 5.1, a byte order mark decides first: UTF-32 LE (FF FE 00 00), UTF-8,
UTF-16 LE, UTF-16 BE and UTF-32 BE (00 00 FE FF). Without one, a caller that names an encoding gets it
(the .NET APIs: UTF-8 by default); otherwise pshim reads the bytes as UTF-8 when they are valid UTF-8 and
as Windows-1252 (5.1's ANSI code page for BOM-less files) where they are not.
"""
from __future__ import annotations

import codecs
import re

# longest first: FF FE 00 00 is UTF-32 LE, not UTF-16 LE followed by a NUL
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def sniff_bom(head: bytes) -> tuple[str | None, int]:
    """(Python codec, BOM length) for the byte order mark that head starts with; (None, 0) for none."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return None, 0


def _c1(err: UnicodeDecodeError):
    return "".join(chr(b) for b in err.object[err.start:err.end]), err.end


codecs.register_error("pshim-c1", _c1)


def _ansi(data: bytes) -> str:
    """Windows-1252 as .NET decodes it (every byte maps to a character)."""
    return data.decode("cp1252", "pshim-c1")


def _ansi_fallback(err: UnicodeDecodeError):
    """Decode error handler: bytes that are not UTF-8 are read as Windows-1252. Registered as "pshim-ansi"
    so that a stream (Get-Content -Wait) follows the same rule as a whole buffer."""
    return _ansi(err.object[err.start:err.end]), err.end


codecs.register_error("pshim-ansi", _ansi_fallback)
ANSI_FALLBACK = "pshim-ansi"


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes -> text: a BOM decides; else `encoding` (a Python codec; undecodable bytes become U+FFFD) when
    given; else UTF-8, with bytes that are not UTF-8 read as Windows-1252."""
    codec, skip = sniff_bom(data)
    if codec is not None:
        return data[skip:].decode(codec, "replace")
    if encoding is not None:
        if codecs.lookup(encoding).name == "cp1252":
            return _ansi(data)
        return data.decode(encoding, "replace")
    return data.decode("utf-8", ANSI_FALLBACK)


def read_file(path: str, encoding: str | None = None) -> str:
    """A file's text by decode() (OSError escapes to the caller)."""
    with open(path, "rb") as fh:
        return decode(fh.read(), encoding)


_NEWLINE = re.compile(r"\r\n|\r|\n")


def lines(text: str) -> list[str]:
    """Text split as StreamReader.ReadLine splits it (CR, LF or CRLF; no empty line after a final newline)."""
    out = _NEWLINE.split(text)
    if out and out[-1] == "":
        out.pop()
    return out
