""".NET composite and numeric formatting, en-US, as .NET Framework 4.x does it.

`format_composite(fmt, args)` is String.Format (PowerShell's `-f` operator,
`[string]::Format`); `format_value(value, spec)` is `IFormattable.ToString(spec)`
(`(1234.5).ToString('N2')`, the `:N2` part of `{0:N2}`).

Numbers go through a decimal digit string + scale (the shape .NET's NUMBER
struct has): a double is first reduced to 15 significant digits (17 for "R"),
then rounded half away from zero on those digits. That is why
`'{0:F2}' -f 2.675` gives "2.68" in .NET Framework although the binary value
is below 2.675, and why a negative value that rounds to zero loses its sign
("-0.001" with F2 gives "0.00"; .NET Core 3.0+ differs).
"""
from __future__ import annotations

import datetime as _dt
import decimal
import math

from ..errors import FormatException
from .psobject import PSObject, TypedInt, Single, unwrap

BAD_FORMAT = "Input string was not in a correct format."
BAD_INDEX = ("Index (zero based) must be greater than or equal to zero and less than the size of "
             "the argument list.")
BAD_SPECIFIER = "Format specifier was invalid."

# en-US NumberFormatInfo
_GROUP = ","
_DECIMAL = "."
_CURRENCY = "$"


# ---------------------------------------------------------------------------
# Composite formatting

def format_composite(fmt: str, args: list) -> str:
    """String.Format(fmt, args): `{index[,alignment][:format]}`, `{{`/`}}` escapes."""
    out = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "}":
            if i + 1 < n and fmt[i + 1] == "}":
                out.append("}")
                i += 2
                continue
            raise FormatException(BAD_FORMAT)
        if ch != "{":
            j = i
            while j < n and fmt[j] not in "{}":
                j += 1
            out.append(fmt[i:j])
            i = j
            continue
        if i + 1 < n and fmt[i + 1] == "{":
            out.append("{")
            i += 2
            continue
        i, text = _format_item(fmt, i + 1, args)
        out.append(text)
    return "".join(out)


def _format_item(fmt, i, args):
    n = len(fmt)
    if i >= n or not fmt[i].isdigit() or not fmt[i].isascii():
        raise FormatException(BAD_FORMAT)
    index = 0
    while i < n and "0" <= fmt[i] <= "9":
        index = index * 10 + ord(fmt[i]) - 48
        i += 1
        if index >= 1000000:
            raise FormatException(BAD_FORMAT)
    i = _skip_spaces(fmt, i)
    width, left = 0, False
    if i < n and fmt[i] == ",":
        i = _skip_spaces(fmt, i + 1)
        if i < n and fmt[i] == "-":
            left = True
            i += 1
        if i >= n or not ("0" <= fmt[i] <= "9"):
            raise FormatException(BAD_FORMAT)
        while i < n and "0" <= fmt[i] <= "9":
            width = width * 10 + ord(fmt[i]) - 48
            i += 1
            if width >= 1000000:
                raise FormatException(BAD_FORMAT)
        i = _skip_spaces(fmt, i)
    spec = None
    if i < n and fmt[i] == ":":
        i += 1
        parts = []
        while True:
            if i >= n:
                raise FormatException(BAD_FORMAT)
            ch = fmt[i]
            i += 1
            if ch == "{":
                if i < n and fmt[i] == "{":
                    i += 1
                else:
                    raise FormatException(BAD_FORMAT)
            elif ch == "}":
                if i < n and fmt[i] == "}":
                    i += 1
                else:
                    i -= 1
                    break
            parts.append(ch)
        spec = "".join(parts)
    if i >= n or fmt[i] != "}":
        raise FormatException(BAD_FORMAT)
    if index >= len(args):
        raise FormatException(BAD_INDEX)
    text = format_value(args[index], spec)
    if len(text) < width:
        text = text.ljust(width) if left else text.rjust(width)
    return i + 1, text


def _skip_spaces(fmt, i):
    while i < len(fmt) and fmt[i] == " ":
        i += 1
    return i


# ---------------------------------------------------------------------------
# One value

def format_value(value, spec: str | None = None) -> str:
    """`value.ToString(spec)` for IFormattable values; other values ignore the spec."""
    from .conversion import dotnet_string
    if isinstance(value, PSObject):
        if value.base is None:
            return dotnet_string(value)
        value = unwrap(value)
    if value is None:
        return ""
    if isinstance(value, (bool, str)):
        return dotnet_string(value)
    if isinstance(value, (int, float, decimal.Decimal)):
        if not spec:
            return dotnet_string(value)
        return format_number(value, spec)
    if isinstance(value, _dt.datetime):
        return format_date(value, spec)
    if isinstance(value, _dt.timedelta):
        return format_timespan(value, spec)
    hook = getattr(value, "ps_format", None)
    if hook is not None:
        return hook(spec)
    return dotnet_string(value)


def format_date(d: _dt.datetime, spec: str | None) -> str:
    from .datetimes import format_datetime, STANDARD
    if spec and len(spec) == 1 and spec not in STANDARD:
        raise FormatException(BAD_FORMAT)
    return format_datetime(d, spec or None)


# ---------------------------------------------------------------------------
# Numbers: digits + scale

class _Number:
    """value = 0.<digits> * 10**scale; digits has no trailing zeros ('' for zero)."""

    __slots__ = ("digits", "scale", "negative")

    def __init__(self, digits: str, scale: int, negative: bool):
        digits = digits.rstrip("0")
        stripped = digits.lstrip("0")
        scale -= len(digits) - len(stripped)
        self.digits = stripped
        self.scale = scale if stripped else 0
        self.negative = negative and bool(stripped)    # .NET Framework never shows "-0"

    def round(self, pos: int):
        """Keep `pos` digits, rounding half away from zero (RoundNumber)."""
        d = self.digits
        if pos < 0:
            self.digits, self.scale, self.negative = "", 0, False
            return
        if pos >= len(d):
            return
        up = d[pos] >= "5"
        kept = d[:pos]
        if up:
            kept_list = list(kept)
            j = len(kept_list) - 1
            while j >= 0 and kept_list[j] == "9":
                j -= 1
            if j < 0:
                kept = "1"
                self.scale += 1
            else:
                kept = "".join(kept_list[:j]) + chr(ord(kept_list[j]) + 1)
        kept = kept.rstrip("0")
        if not kept:
            self.digits, self.scale, self.negative = "", 0, False
        else:
            self.digits = kept

    def is_zero(self):
        return not self.digits


def _double_number(x: float, precision: int = 15) -> _Number:
    s = "%.*e" % (precision - 1, abs(x))
    mant, exp = s.split("e")
    return _Number(mant.replace(".", ""), int(exp) + 1, x < 0 or (x == 0 and math.copysign(1, x) < 0))


def _to_number(value, precision=None) -> _Number:
    if isinstance(value, decimal.Decimal):
        sign, digits, exp = value.as_tuple()
        ds = "".join(map(str, digits))
        return _Number(ds, len(ds) + exp, bool(sign))
    if isinstance(value, float):
        if precision is None:
            precision = 7 if isinstance(value, Single) else 15
        return _double_number(float(value), precision)
    v = int(value)
    ds = str(abs(v))
    return _Number(ds, len(ds), v < 0)


def _int_bits(value) -> int:
    if isinstance(value, TypedInt):
        return {"System.Byte": 8, "System.SByte": 8, "System.Int16": 16, "System.UInt16": 16,
                "System.Int32": 32, "System.UInt32": 32, "System.Int64": 64,
                "System.UInt64": 64}.get(value.ps_type, 64)
    return 32 if -2 ** 31 <= value < 2 ** 31 else 64


def _parse_standard(spec: str):
    """('N', 2) for a standard specifier, None for a custom format."""
    if not spec:
        return ("G", None)
    c = spec[0]
    if not ("a" <= c.lower() <= "z"):
        return None
    rest = spec[1:]
    if rest == "":
        return (c, None)
    if len(rest) <= 2 and rest.isdigit() and rest.isascii():
        return (c, int(rest))
    return None


def format_number(value, spec: str) -> str:
    """Int32/Int64/Double/Single/Decimal .ToString(spec), en-US."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    std = _parse_standard(spec)
    if std is None:
        return _format_custom(value, spec)
    kind, prec = std
    k = kind.upper()
    is_int = isinstance(value, int)
    if k == "D":
        if not is_int:
            raise FormatException(BAD_SPECIFIER)
        digits = str(abs(int(value))).rjust(prec or 0, "0")
        return ("-" if value < 0 else "") + digits
    if k == "X":
        if not is_int:
            raise FormatException(BAD_SPECIFIER)
        v = int(value)
        if v < 0:
            v += 1 << _int_bits(value)
        text = format(v, "X" if kind == "X" else "x")
        return text.rjust(prec or 0, "0")
    if k in "FNPC":
        num = _to_number(value)
        if k == "P":
            if not num.is_zero():
                num.scale += 2
            default = 2
        else:
            default = 2
        p = default if prec is None else prec
        num.round(num.scale + p)
        body = _fixed(num, p, grouped=(k != "F"))
        if k == "F" or k == "N":
            return ("-" if num.negative else "") + body
        if k == "P":
            return ("-" if num.negative else "") + body + " %"
        return ("($" + body + ")") if num.negative else ("$" + body)
    if k == "E":
        p = 6 if prec is None else prec
        conv = None
        if isinstance(value, float):
            conv = 7 if isinstance(value, Single) else 15
            if p >= conv:
                conv += 2
        num = _to_number(value, conv)
        num.round(p + 1)
        mant = (num.digits or "0").ljust(p + 1, "0")
        text = mant[0] + ((_DECIMAL + mant[1:]) if p > 0 else "")
        exp = 0 if num.is_zero() else num.scale - 1
        text += kind + ("-" if exp < 0 else "+") + str(abs(exp)).rjust(3, "0")
        return ("-" if num.negative else "") + text
    if k == "G":
        return _format_general(value, prec, kind)
    if k == "R":
        if not isinstance(value, float):
            raise FormatException(BAD_SPECIFIER)
        digits = 7 if isinstance(value, Single) else 15
        num = _to_number(value, digits)
        back = float(("-" if num.negative else "") + "0." + (num.digits or "0") + "e" + str(num.scale))
        if back != float(value):
            digits = 9 if isinstance(value, Single) else 17
            num = _to_number(value, digits)
        return _general_text(num, digits, "E")
    raise FormatException(BAD_SPECIFIER)


def _fixed(num: _Number, p: int, grouped: bool) -> str:
    d, sc = num.digits, num.scale
    if sc > 0:
        ip = d[:sc].ljust(sc, "0")
    else:
        ip = "0"
    if grouped and len(ip) > 3:
        head = len(ip) % 3 or 3
        ip = ip[:head] + "".join(_GROUP + ip[i:i + 3] for i in range(head, len(ip), 3))
    if p <= 0:
        return ip
    if sc >= 0:
        frac = d[sc:]
    else:
        frac = "0" * (-sc) + d
    return ip + _DECIMAL + frac[:p].ljust(p, "0")


def _format_general(value, prec, kind):
    if isinstance(value, int):
        if not prec:
            return str(int(value))
        num = _to_number(value)
        num.round(prec)
        return _general_text(num, prec, "E" if kind == "G" else "e")
    if isinstance(value, decimal.Decimal):
        if not prec:
            from .conversion import dotnet_string
            return dotnet_string(value)
        num = _to_number(value)
        num.round(prec)
        return _general_text(num, prec, "E" if kind == "G" else "e")
    default = 7 if isinstance(value, Single) else 15
    p = prec if prec else default
    num = _to_number(value, default if p <= default else default + 2)
    num.round(p)
    return _general_text(num, p, "E" if kind == "G" else "e")


def _general_text(num: _Number, max_digits: int, echar: str) -> str:
    d = num.digits or "0"
    pos = num.scale if not num.is_zero() else 1
    scientific = False
    if pos > max_digits or pos < -3:
        scientific = True
        exp = pos - 1
        pos = 1
    if pos > 0:
        text = d[:pos].ljust(pos, "0")
        rest = d[pos:]
    else:
        text = "0"
        rest = "0" * (-pos) + d
    if rest:
        text += _DECIMAL + rest
    if scientific:
        text += echar + ("-" if exp < 0 else "+") + str(abs(exp)).rjust(2, "0")
    return ("-" if num.negative else "") + text


# ---------------------------------------------------------------------------
# Custom numeric formats ("0.00", "#,##0", "0.0%", "0.###E+0", sections)

def _find_section(fmt: str, section: int) -> int:
    if section == 0:
        return 0
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch in "'\"":
            while i < n and fmt[i] != ch:
                i += 1
            i += 1
        elif ch == "\\":
            i += 1
        elif ch == ";":
            section -= 1
            if section != 0:
                continue
            if i < n and fmt[i] != ";":
                return i
            return 0
    return 0


def _format_custom(value, fmt: str) -> str:
    num = _to_number(value)
    while True:
        digit_count, decimal_pos, first_digit, last_digit = 0, -1, 0x7FFFFFFF, 0
        scientific, thousand_pos, thousand_count, thousand_seps, scale_adjust = False, -1, 0, False, 0
        section = _find_section(fmt, 2 if num.is_zero() else (1 if num.negative else 0))
        i, n = section, len(fmt)
        while i < n and fmt[i] != ";":
            ch = fmt[i]
            i += 1
            if ch == "#":
                digit_count += 1
            elif ch == "0":
                if first_digit == 0x7FFFFFFF:
                    first_digit = digit_count
                digit_count += 1
                last_digit = digit_count
            elif ch == ".":
                if decimal_pos < 0:
                    decimal_pos = digit_count
            elif ch == ",":
                if digit_count > 0 and decimal_pos < 0:
                    if thousand_pos >= 0:
                        if thousand_pos == digit_count:
                            thousand_count += 1
                            continue
                        thousand_seps = True
                    thousand_pos = digit_count
                    thousand_count = 1
            elif ch == "%":
                scale_adjust += 2
            elif ch == "\u2030":
                scale_adjust += 3
            elif ch in "'\"":
                while i < n and fmt[i] != ch:
                    i += 1
                i += 1
            elif ch == "\\":
                i += 1
            elif ch in "Ee":
                if i < n and (fmt[i] == "0" or (fmt[i] in "+-" and i + 1 < n and fmt[i + 1] == "0")):
                    i += 1
                    while i < n and fmt[i] == "0":
                        i += 1
                    scientific = True
        if decimal_pos < 0:
            decimal_pos = digit_count
        if thousand_pos >= 0:
            if thousand_pos == decimal_pos:
                scale_adjust -= thousand_count * 3
            else:
                thousand_seps = True
        if not num.is_zero():
            num.scale += scale_adjust
            pos = digit_count if scientific else num.scale + digit_count - decimal_pos
            num.round(pos)
            if num.is_zero():
                alt = _find_section(fmt, 2)
                if alt != section:
                    section = alt
                    continue
        else:
            num.negative = False
            num.scale = 0
        break
    first_digit = decimal_pos - first_digit if first_digit < decimal_pos else 0
    last_digit = decimal_pos - last_digit if last_digit > decimal_pos else 0
    if scientific:
        dig_pos, adjust = decimal_pos, 0
    else:
        dig_pos = max(num.scale, decimal_pos)
        adjust = num.scale - decimal_pos
    if thousand_seps:
        total = dig_pos + (adjust if adjust < 0 else 0)
        max_sep = max(first_digit, total)
    else:
        max_sep = 0
    digits = num.digits
    di = 0
    out = []

    def sep_after(dp):
        if thousand_seps and dp > 1 and (dp - 1) % 3 == 0 and dp - 1 < max_sep:
            out.append(_GROUP)

    if num.negative and section == 0 and not num.is_zero():
        out.append("-")
    decimal_written = False
    i, n = section, len(fmt)
    while i < n and fmt[i] != ";":
        ch = fmt[i]
        i += 1
        if adjust > 0 and ch in "#0.":
            while adjust > 0:
                if di < len(digits):
                    out.append(digits[di])
                    di += 1
                else:
                    out.append("0")
                sep_after(dig_pos)
                dig_pos -= 1
                adjust -= 1
        if ch in "#0":
            if adjust < 0:
                adjust += 1
                c = "0" if dig_pos <= first_digit else ""
            elif di < len(digits):
                c = digits[di]
                di += 1
            else:
                c = "0" if dig_pos > last_digit else ""
            if c:
                out.append(c)
                sep_after(dig_pos)
            dig_pos -= 1
        elif ch == ".":
            if dig_pos != 0 or decimal_written:
                continue
            if last_digit < 0 or (decimal_pos < digit_count and di < len(digits)):
                out.append(_DECIMAL)
                decimal_written = True
        elif ch == "\u2030":
            out.append("\u2030")
        elif ch == "%":
            out.append("%")
        elif ch == ",":
            pass
        elif ch in "'\"":
            j = i
            while j < n and fmt[j] != ch:
                j += 1
            out.append(fmt[i:j])
            i = j + 1
        elif ch == "\\":
            if i < n:
                out.append(fmt[i])
                i += 1
        elif ch in "Ee":
            positive_sign = False
            zeros = 0
            if scientific:
                if i < n and fmt[i] == "0":
                    pass
                elif i + 1 < n and fmt[i] == "+" and fmt[i + 1] == "0":
                    positive_sign = True
                    i += 1
                elif i + 1 < n and fmt[i] == "-" and fmt[i + 1] == "0":
                    i += 1
                else:
                    out.append(ch)
                    continue
                while i < n and fmt[i] == "0":
                    zeros += 1
                    i += 1
                zeros = min(zeros, 10)
                exp = 0 if num.is_zero() else num.scale - decimal_pos
                out.append(ch)
                if exp < 0:
                    out.append("-")
                elif positive_sign:
                    out.append("+")
                out.append(str(abs(exp)).rjust(zeros, "0"))
                scientific = False
            else:
                out.append(ch)
                if i < n and fmt[i] in "+-":
                    out.append(fmt[i])
                    i += 1
                while i < n and fmt[i] == "0":
                    out.append("0")
                    i += 1
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------
# TimeSpan

def format_timespan(t: _dt.timedelta, spec: str | None = None) -> str:
    """TimeSpan.ToString(spec): "c"/"t"/"T" constant, "g" short, "G" long, or custom."""
    from .datetimes import format_timespan as constant, timespan_parts
    if not spec or spec in ("c", "t", "T"):
        return constant(t)
    neg, days, hours, minutes, seconds, frac = timespan_parts(t)
    sign = "-" if neg else ""
    if spec == "g":
        s = f"{hours}:{minutes:02d}:{seconds:02d}"
        if days:
            s = f"{days}:{s}"
        if frac:
            s += "." + f"{frac:07d}".rstrip("0")
        return sign + s
    if spec == "G":
        return sign + f"{days}:{hours:02d}:{minutes:02d}:{seconds:02d}.{frac:07d}"
    if len(spec) == 1:
        raise FormatException(BAD_FORMAT)
    return _timespan_custom(spec, days, hours, minutes, seconds, frac)


def _timespan_custom(fmt, days, hours, minutes, seconds, frac):
    out = []
    i, n = 0, len(fmt)
    frac7 = f"{frac:07d}"
    while i < n:
        ch = fmt[i]
        j = i
        while j < n and fmt[j] == ch:
            j += 1
        run = j - i
        if ch == "d":
            if run > 8:
                raise FormatException(BAD_FORMAT)
            out.append(str(days).rjust(run, "0"))
        elif ch in "hms":
            if run > 2:
                raise FormatException(BAD_FORMAT)
            v = {"h": hours, "m": minutes, "s": seconds}[ch]
            out.append(str(v).rjust(run, "0"))
        elif ch == "f":
            if run > 7:
                raise FormatException(BAD_FORMAT)
            out.append(frac7[:run])
        elif ch == "F":
            if run > 7:
                raise FormatException(BAD_FORMAT)
            out.append(frac7[:run].rstrip("0"))
        elif ch in "'\"":
            k = fmt.find(ch, i + 1)
            if k < 0:
                raise FormatException(BAD_FORMAT)
            out.append(fmt[i + 1:k])
            j = k + 1
        elif ch == "\\":
            if i + 1 >= n:
                raise FormatException(BAD_FORMAT)
            out.append(fmt[i + 1])
            j = i + 2
        elif ch == "%":
            j = i + 1
        else:
            raise FormatException(BAD_FORMAT)
        i = j
    return "".join(out)
