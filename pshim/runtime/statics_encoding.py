"""System.Text.Encoding: UTF8, ASCII, Unicode, BigEndianUnicode, UTF32, UTF7,
Default (Windows-1252) and GetEncoding; Encoding objects with GetBytes/GetString.
ASCII turns non-ASCII characters into '?', as .NET's replacement fallback does."""
from __future__ import annotations

import codecs

from .psobject import TypedArray, Char, DotNetObject, unwrap
from .method_support import NoOverload, nargs, arg_null, arg_error, a_int, a_str
from .statics import static_type
from .statics_system import byte_array

# ---------------------------------------------------------------------------
# System.Text.Encoding

class Encoding(DotNetObject):
    ps_properties = ("BodyName", "EncodingName", "HeaderName", "WebName", "WindowsCodePage", "IsBrowserDisplay",
                     "IsBrowserSave", "IsMailNewsDisplay", "IsMailNewsSave", "IsSingleByte", "EncoderFallback",
                     "DecoderFallback", "IsReadOnly", "CodePage")
    ps_methods = ("GetBytes", "GetString", "GetPreamble", "GetByteCount", "GetCharCount", "GetChars",
                  "ToString", "Equals", "GetHashCode", "GetType")

    def __init__(self, type_name, codec, web, display, code_page, preamble=b"", single=False):
        self.ps_type_names = (type_name, "System.Text.Encoding", "System.Object")
        self.codec = codec
        self.preamble = preamble
        self.BodyName = self.HeaderName = self.WebName = web
        self.EncodingName = display
        self.CodePage = code_page
        self.WindowsCodePage = 1252 if code_page not in (1200, 1201) else 1200
        self.IsBrowserDisplay = self.IsBrowserSave = self.IsMailNewsDisplay = self.IsMailNewsSave = True
        self.IsSingleByte = single
        self.EncoderFallback = "System.Text.EncoderReplacementFallback"
        self.DecoderFallback = "System.Text.DecoderReplacementFallback"
        self.IsReadOnly = True

    def _encode(self, text: str) -> bytes:
        return text.encode(self.codec, errors="replace")

    def GetBytes(self, *args):
        if len(args) not in (1, 3):
            raise NoOverload()
        v = unwrap(args[0])
        if v is None:
            raise arg_null("s")
        text = "".join(str(c) for c in v) if isinstance(v, (list, tuple)) else a_str([v], 0)
        if len(args) == 3:
            i, n = a_int(list(args), 1, "GetBytes", "index"), a_int(list(args), 2, "GetBytes", "count")
            text = text[i:i + n]
        return byte_array(self._encode(text))

    def GetString(self, *args):
        from .statics_system import _bytes
        if len(args) not in (1, 3):
            raise NoOverload()
        data = _bytes(args[0], "bytes")
        if len(args) == 3:
            i, n = a_int(list(args), 1, "GetString", "index"), a_int(list(args), 2, "GetString", "count")
            if i < 0 or n < 0 or i + n > len(data):
                from .method_support import out_of_range
                raise out_of_range("Index and count must refer to a location within the buffer.", "bytes")
            data = data[i:i + n]
        return data.decode(self.codec, errors="replace")

    def GetChars(self, data):
        return TypedArray([Char(c) for c in self.GetString(data)], "System.Char")

    def GetPreamble(self):
        return byte_array(self.preamble)

    def GetByteCount(self, value):
        v = unwrap(value)
        text = "".join(str(c) for c in v) if isinstance(v, (list, tuple)) else (a_str([v], 0) or "")
        return len(self._encode(text))

    def GetCharCount(self, data):
        return len(self.GetString(data))

    def ToString(self):
        return self.ps_type_names[0]

    def Equals(self, other):
        other = unwrap(other)
        return isinstance(other, Encoding) and other.CodePage == self.CodePage

    def GetHashCode(self):
        return self.CodePage

    def GetType(self):
        from .dotnet_objects import RuntimeType
        return RuntimeType(self.ps_type_names[0], "System.Text.Encoding")


class _AsciiEncoding(Encoding):
    def _encode(self, text):
        return "".join(c if ord(c) < 128 else "?" for c in text).encode("ascii")

    def GetString(self, *args):
        text = super().GetString(*args)
        return text.replace("\ufffd", "?")


def _encodings():
    return {
        "utf8": lambda: Encoding("System.Text.UTF8Encoding", "utf-8", "utf-8", "Unicode (UTF-8)", 65001,
                                 codecs.BOM_UTF8),
        "ascii": lambda: _AsciiEncoding("System.Text.ASCIIEncoding", "ascii", "us-ascii", "US-ASCII", 20127,
                                        b"", True),
        "unicode": lambda: Encoding("System.Text.UnicodeEncoding", "utf-16-le", "utf-16", "Unicode", 1200,
                                    codecs.BOM_UTF16_LE),
        "bigendianunicode": lambda: Encoding("System.Text.UnicodeEncoding", "utf-16-be", "utf-16BE",
                                             "Unicode (Big-Endian)", 1201, codecs.BOM_UTF16_BE),
        "utf32": lambda: Encoding("System.Text.UTF32Encoding", "utf-32-le", "utf-32", "Unicode (UTF-32)", 12000,
                                  codecs.BOM_UTF32_LE),
        "utf7": lambda: Encoding("System.Text.UTF7Encoding", "utf-7", "utf-7", "Unicode (UTF-7)", 65000),
        "default": lambda: Encoding("System.Text.SBCSCodePageEncoding", "cp1252", "Windows-1252",
                                    "Western European (Windows)", 1252, b"", True),
    }


_ENCODINGS = _encodings()
_ALIASES = {"utf-8": "utf8", "65001": "utf8", "us-ascii": "ascii", "20127": "ascii", "utf-16": "unicode",
            "1200": "unicode", "utf-16le": "unicode", "utf-16be": "bigendianunicode", "1201": "bigendianunicode",
            "utf-32": "utf32", "12000": "utf32", "utf-7": "utf7", "65000": "utf7", "windows-1252": "default",
            "1252": "default", "iso-8859-1": None, "28591": None}


def get_encoding(name) -> Encoding:
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    if key is None:
        return Encoding("System.Text.Latin1Encoding", "latin-1", "iso-8859-1", "Western European (ISO)", 28591,
                        b"", True)
    factory = _ENCODINGS.get(key)
    if factory is None:
        if str(name).strip().isdigit():
            from .method_support import out_of_range
            raise out_of_range("Valid values are between 0 and 65535, inclusive.", "codepage")
        raise arg_error(f"'{name}' is not a supported encoding name. For information on defining a custom "
                        f"encoding, see the documentation for the Encoding.RegisterProvider method.", "name")
    return factory()


ENC = static_type("System.Text.Encoding")
for _prop, _key in (("UTF8", "utf8"), ("ASCII", "ascii"), ("Unicode", "unicode"),
                    ("BigEndianUnicode", "bigendianunicode"), ("UTF32", "utf32"), ("UTF7", "utf7"),
                    ("Default", "default")):
    ENC.prop(_prop, _ENCODINGS[_key])


@ENC.method("GetEncoding", "static System.Text.Encoding GetEncoding(int codepage)",
            "static System.Text.Encoding GetEncoding(string name)")
def _enc_get(args, kw):
    nargs(args, 1, 3)
    return get_encoding(unwrap(args[0]))


U8 = static_type("System.Text.UTF8Encoding")


@U8.method("new", "System.Text.UTF8Encoding new()", "System.Text.UTF8Encoding new(bool encoderShouldEmitUTF8Identifier)")
def _u8_new(args, kw):
    nargs(args, 0, 1)           # no (emitBom, throwOnInvalidBytes): pshim's decoders always replace
    enc = _ENCODINGS["utf8"]()
    if not args or not unwrap(args[0]):
        enc.preamble = b""
    return enc
