"""ConvertFrom-StringData: `name = value` lines to a hashtable, as 5.1 reads them.

Each input string becomes one hashtable (keys case-insensitive). Lines are split on "\\n" and trimmed;
empty lines and lines starting with `#` are skipped; the name is the text before the first `=`
(trimmed), the value the text after it (trimmed, then unescaped as .NET's Regex.Unescape does:
`\\n`, `\\t`, `\\\\`, `\\x41`, `\\u0041`, octal `\\101`, `\\cA`; an unknown letter escape such as the
`\\T` of `C:\\Temp` is .NET's "Unrecognized escape sequence" error). A line without a name before
`=`, or a name that is already defined, ends the command with 5.1's terminating error.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ArgumentException, PSInvalidOperationException
from ...runtime.psobject import Hashtable

_SIMPLE = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX = "0123456789abcdefABCDEF"


class UnescapeError(Exception):
    """What .NET's Regex.Unescape throws (an ArgumentException from the regex parser)."""


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def regex_unescape(text: str) -> str:
    """.NET Regex.Unescape: the escapes of a regular expression turned into the characters they stand for.
    Raises UnescapeError with .NET's message for an escape the parser does not know."""
    if "\\" not in text:
        return text
    out = []
    i, n = 0, len(text)

    def fail(reason):
        raise UnescapeError(f'parsing "{text}" - {reason}')

    while i < n:
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        i += 1
        if i >= n:
            fail("Illegal \\ at end of pattern.")
        d = text[i]
        i += 1
        if d in _SIMPLE:
            out.append(_SIMPLE[d])
        elif "0" <= d <= "7":
            # up to three octal digits, the value kept to 8 bits
            digits = d
            while len(digits) < 3 and i < n and "0" <= text[i] <= "7":
                digits += text[i]
                i += 1
            out.append(chr(int(digits, 8) & 0xFF))
        elif d == "x":
            h = text[i:i + 2]
            if len(h) < 2 or any(ch not in _HEX for ch in h):
                fail("Insufficient hex digits.")
            out.append(chr(int(h, 16)))
            i += 2
        elif d == "u":
            h = text[i:i + 4]
            if len(h) < 4 or any(ch not in _HEX for ch in h):
                fail("Insufficient hex digits.")
            out.append(chr(int(h, 16)))
            i += 4
        elif d == "c":
            if i >= n:
                fail("Missing control character.")
            ch = text[i].upper()
            i += 1
            code = ord(ch) - 64
            if not 0 <= code < 32:
                fail("Unrecognized control character.")
            out.append(chr(code))
        elif _word_char(d):
            fail(f"Unrecognized escape sequence \\{d}.")
        else:
            out.append(d)
    return "".join(out)


def parse_string_data(text: str):
    """(hashtable, None) or (None, (message, kind)) for one input string; kind is "line", "duplicate" or
    "escape"."""
    result = Hashtable()
    if not text:
        return result, None
    for line in text.split("\n"):
        s = line.strip()
        if not s or s[0] == "#":
            continue
        eq = s.find("=")
        if eq <= 0:
            return None, (f"Data line '{line}' is not in 'name=value' format. ", "line")
        name = s[:eq].strip()
        if name in result:
            return None, (f"Data item '{name}' in line '{line}' is already defined. ", "duplicate")
        try:
            value = regex_unescape(s[eq + 1:].strip())
        except UnescapeError as e:
            return None, (str(e), "escape")
        result[name] = value
    return result, None


class ConvertFromStringDataCommand(Cmdlet):
    name = "ConvertFrom-StringData"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"
    synopsis = "Converts a string containing one or more key and value pairs to a hash table."
    output_type = "System.Collections.Hashtable"

    StringData = Parameter("string", position=0, mandatory=True, value_from_pipeline=True, allow_empty_string=True)

    def process(self):
        table, problem = parse_string_data(self.StringData or "")
        if problem is None:
            self.write_object(table)
            return
        message, kind = problem
        if kind == "escape":
            # an exception from Regex.Unescape leaves the cmdlet as it is (5.1 shows its message)
            self.throw_terminating_error(self.error(message, "System.ArgumentException", "NotSpecified", None,
                                                    ArgumentException))
        self.throw_terminating_error(self.error(message, "InvalidOperation", "InvalidOperation", None,
                                                PSInvalidOperationException))
