""".NET regular expressions: the one layer every regex in pshim goes through.

`-match`, `-notmatch`, `-replace`, `-split`, `switch -regex`, `[regex]`, `[ValidatePattern()]`
and Select-String all compile their pattern with `compile(pattern, options)` and get a
`Pattern`; `[regex]'x'` is a `Regex` object wrapping one, and the operators accept it as
their right operand (its own options then apply, as in 5.1).

The engine is the `regex` package (version 0 behaviour, simple case folding as .NET does):
it has what Python's `re` lacks for .NET patterns -- variable-length lookbehind, every
capture of a repeated group (`captures()`), Unicode categories and blocks (`\\p{Lu}`,
`\\p{IsGreek}`), lookaround conditionals, scoped flags. What remains is translated by
`_Translator`, which reads the pattern as .NET's parser does and reports .NET's parse
errors ("parsing "(" - Not enough )'s.") before the engine sees it:

- groups are numbered as .NET numbers them (unnamed groups first, left to right, then named
  ones; `(?<5>..)` takes number 5) and every capturing group reaches the engine under a
  synthetic name `gN`, so numbered and named references, conditionals and results agree;
- `(?<n>..)`, `(?'n'..)`, `\\k<n>`, `\\k'n'`, `\\<n>`, `\\1` back references; `(?(n)yes|no)`
  and `(?(expr)yes|no)` conditionals;
- inline options: `(?imnsx-imnsx)` applies to the end of its group (`a(?i)b|c` is
  `a(?i:b)|(?i:c)`), `(?imnsx:..)`; `x` (IgnorePatternWhitespace) and `n` (ExplicitCapture)
  are applied here, `i`, `m`, `s` become the engine's scoped flags;
- character class subtraction `[a-z-[aeiou]]` (as a lookahead before the base class),
  a `[` inside a class is a literal, `{` that does not start a quantifier is a literal
  (`{,2}`), `\\z`, `\\Z`, `\\e`, `\\cX`;
- .NET's parse errors: unbalanced parentheses, unterminated sets, quantifiers following
  nothing or another quantifier (`a++`), reversed ranges, undefined group references,
  unknown escapes (`\\q`) and properties, malformed `\\p{}`.

Not emulated: balancing groups (`(?<a-b>..)`, reported as an error naming pshim), culture
rules of IgnoreCase (the engine folds case as the invariant culture does), and the exact
character sets of `\\w` and `\\s` (the engine's Unicode definitions).
"""
from __future__ import annotations

import functools
import re
import unicodedata

from ..errors import ArgumentException, NotSupportedException
from .psobject import DotNetObject, TypedArray, unwrap
from .method_support import EnumNames, NoOverload, arg_null, a_int, a_str, delegate_call

REGEX_OPTIONS = EnumNames(("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4),
                          ("Compiled", 8), ("Singleline", 16), ("IgnorePatternWhitespace", 32),
                          ("RightToLeft", 64), ("ECMAScript", 256), ("CultureInvariant", 512))
IGNORE_CASE, MULTILINE, EXPLICIT_CAPTURE, SINGLELINE, IGNORE_WHITESPACE, RIGHT_TO_LEFT, ECMASCRIPT = (
    1, 2, 4, 16, 32, 64, 256)

_engine = None


def _regex_package():
    """The `regex` package, imported on first use: it costs ~20 ms, which a run that never
    compiles a pattern should not pay at start-up."""
    global _engine
    if _engine is None:
        import regex
        _engine = regex
    return _engine


# ---------------------------------------------------------------------------
# Translation

class PatternError(Exception):
    """A .NET parse error; the text is .NET's message."""


_CATEGORIES = frozenset(
    "C Cc Cf Cn Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs"
    .split())
# .NET block names that differ from Unicode's
_BLOCK_ALIASES = {"combiningmarksforsymbols": "CombiningDiacriticalMarksforSymbols",
                  "greek": "GreekandCoptic"}
_SHORTHANDS = frozenset("dDsSwW")
_ANCHORS = {"b": r"\b", "B": r"\B", "A": r"\A", "G": r"\G", "z": r"\Z", "Z": r"(?=\n?\Z)"}
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
# patterns of the translator, compiled on first use (re keeps them): none is needed at start-up
_QUANT = r"\{(\d+)(,(\d*))?\}"
_OPTION_GROUP = r"\(\?([imnsx+-]*)([:)])"
_COND_NUMBER = r"(\d+)\)"
_WS = " \t\n\v\f\r"


def _is_word(c: str) -> bool:
    if c == "_" or c.isalnum():
        return True
    return unicodedata.category(c) in ("Mn", "Pc", "Lm", "Lo", "Lt", "Nl", "Nd")


def _lit(c: str, in_class=False) -> str:
    """A literal character for the engine."""
    if c in "\\]^-[" or (not in_class and c in ".*+?|{}()$"):
        return "\\" + c
    if c in "\n\r\t\f\v" or ord(c) < 0x20:
        return "\\x%02x" % ord(c)
    return c


class _Frame:
    __slots__ = ("flags", "closers", "kind", "alts", "extra", "reopen")

    def __init__(self, flags, kind):
        self.flags = flags          # the active inline options: a frozenset of "imnsx"
        self.closers = 0            # scoped-flag groups opened by a (?i) inside this group
        self.kind = kind            # "top", "group", "cond", "condexpr"
        self.alts = 0               # `|` seen (for conditionals)
        self.extra = ""             # text to emit after this group's `)`
        self.reopen = []            # the scoped-flag openers to repeat after `|`


class _Translator:
    """Reads a .NET pattern; `collect` mode only notes the capturing groups."""

    def __init__(self, pattern: str, options: int, groups=None):
        self.p = pattern
        self.n = len(pattern)
        self.i = 0
        self.options = options
        self.collect = groups is None
        self.events = []              # collect mode: ("auto",) / ("num", n) / ("name", s)
        self.groups = groups          # translate mode: the _Groups of pass 1
        self.auto = 0
        self.out = []
        self.quantifiable = False     # the last unit can take a quantifier
        self.after_quantifier = False

    # -- helpers ------------------------------------------------------------
    def error(self, msg):
        raise PatternError(msg)

    def peek(self, k=0):
        j = self.i + k
        return self.p[j] if j < self.n else ""

    def emit(self, text, unit=True):
        self.out.append(text)
        self.quantifiable = unit
        self.after_quantifier = False

    # -- main ---------------------------------------------------------------
    def run(self):
        opts = self.options
        flags = frozenset(c for c, bit in (("i", IGNORE_CASE), ("m", MULTILINE), ("n", EXPLICIT_CAPTURE),
                                           ("s", SINGLELINE), ("x", IGNORE_WHITESPACE)) if opts & bit)
        stack = [_Frame(flags, "top")]
        while self.i < self.n:
            frame = stack[-1]
            c = self.p[self.i]
            if "x" in frame.flags and (c in _WS or c == "#"):
                if c == "#":
                    j = self.p.find("\n", self.i)
                    self.i = self.n if j < 0 else j + 1
                else:
                    self.i += 1
                continue
            if c == "\\":
                self.backslash(frame)
            elif c == "[":
                self.char_class()
            elif c == "(":
                self.group_open(stack)
            elif c == ")":
                if len(stack) == 1:
                    self.error("Too many )'s.")
                self.i += 1
                f = stack.pop()
                self.emit(")" * f.closers + ")" + f.extra)
            elif c == "|":
                self.i += 1
                if frame.kind == "cond":
                    frame.alts += 1
                    if frame.alts > 1:
                        self.error("Too many | in (?()|).")
                self.emit(")" * frame.closers + "|" + "".join(frame.reopen), unit=False)
            elif c in "*+?":
                self.quantifier(c, 1)
            elif c == "{":
                m = re.compile(_QUANT).match(self.p, self.i)
                if m is None:
                    self.i += 1
                    self.emit("\\{")
                else:
                    self.quantifier("{", m.end() - self.i, m)
            elif c in "^$.":
                self.i += 1
                self.emit(c)
            else:
                self.i += 1
                self.emit(_lit(c))
        if len(stack) > 1:
            self.error("Not enough )'s.")
        self.out.append(")" * stack[0].closers)
        return "".join(self.out)

    def quantifier(self, c, length, m=None):
        if self.after_quantifier:
            self.error(f"Nested quantifier {c}.")
        if not self.quantifiable:
            self.error("Quantifier {x,y} following nothing.")
        text = self.p[self.i:self.i + length]
        if m is not None and m.group(3):
            if int(m.group(1)) > int(m.group(3)):
                self.error("Illegal {x,y} with x > y.")
        self.i += length
        if self.peek() == "?":
            text += "?"
            self.i += 1
        self.out.append(text)
        self.after_quantifier = True

    # -- escapes ------------------------------------------------------------
    def backslash(self, frame):
        self.i += 1
        if self.i >= self.n:
            self.error("Illegal \\ at end of pattern.")
        d = self.p[self.i]
        if d in _ANCHORS:
            self.i += 1
            self.emit(_ANCHORS[d])
        elif d in _SHORTHANDS:
            self.i += 1
            self.emit("\\" + d)
        elif d in "pP":
            self.emit(self.property(d))
        elif d == "k" or d in "<'":
            self.named_backref(d)
        elif "1" <= d <= "9":
            self.numbered_backref()
        else:
            self.emit(_lit(self.escaped_char()))

    def escaped_char(self):
        """The character an escape stands for (self.i at the character after `\\`)."""
        d = self.p[self.i]
        if "0" <= d <= "7":
            j = self.i
            v = 0
            while j < self.n and j - self.i < 3 and "0" <= self.p[j] <= "7":
                v = v * 8 + int(self.p[j])
                j += 1
            self.i = j
            return chr(v & 0xFF)
        self.i += 1
        if d in "xu":
            width = 2 if d == "x" else 4
            digits = self.p[self.i:self.i + width]
            if len(digits) < width or not all(h in "0123456789abcdefABCDEF" for h in digits):
                self.error("Insufficient hexadecimal digits.")
            self.i += width
            return chr(int(digits, 16))
        if d in _SIMPLE_ESCAPES:
            return _SIMPLE_ESCAPES[d]
        if d == "c":
            if self.i >= self.n:
                self.error("Missing control character.")
            ch = self.p[self.i]
            self.i += 1
            if "a" <= ch <= "z":
                ch = ch.upper()
            v = ord(ch) - ord("@")
            if not 0 <= v < 0x20:
                self.error("Unrecognized control character.")
            return chr(v)
        if _is_word(d) and not (self.options & ECMASCRIPT):
            self.error(f"Unrecognized escape sequence \\{d}.")
        return d

    def property(self, d):
        self.i += 1
        if self.peek() != "{":
            self.error("Incomplete \\p{X} character escape.")
        end = self.p.find("}", self.i)
        if end < 0:
            self.error("Incomplete \\p{X} character escape.")
        name = self.p[self.i + 1:end]
        if not name or not all(_is_word(ch) or ch == "-" for ch in name):
            self.error("Malformed \\p{X} character escape.")
        self.i = end + 1
        if name in _CATEGORIES:
            return f"\\{d}{{{name}}}"
        if name.startswith("Is") and len(name) > 2:
            block = _BLOCK_ALIASES.get(name[2:].lower(), name[2:])
            text = f"\\{d}{{In{block}}}"
            eng = _regex_package()
            try:
                eng.compile(f"[{text}]")
            except eng.error:
                self.error(f"Unknown property '{name}'.")
            return text
        self.error(f"Unknown property '{name}'.")

    def named_backref(self, d):
        start = self.i
        if d == "k":
            self.i += 1
            opener = self.peek()
            if opener not in ("<", "'"):
                self.error("Malformed \\k<...> named back reference.")
        else:
            opener = d
        close = ">" if opener == "<" else "'"
        end = self.p.find(close, self.i + 1)
        name = self.p[self.i + 1:end] if end > 0 else ""
        if end < 0 or not name or not all(_is_word(ch) for ch in name):
            if d != "k":            # `\\<` with no name after it is a literal `<`
                self.i = start
                self.emit(_lit(self.escaped_char()))
                return
            self.error("Malformed \\k<...> named back reference.")
        self.i = end + 1
        if self.collect:
            self.emit("")
            return
        if name.isdigit():
            number = int(name)
            if number not in self.groups.by_number:
                self.error(f"Reference to undefined group number {number}.")
        else:
            number = self.groups.by_name.get(name)
            if number is None:
                self.error(f"Reference to undefined group name {name}.")
        self.emit(f"(?P=g{number})")

    def numbered_backref(self):
        j = self.i
        while j < self.n and self.p[j].isdigit():
            j += 1
        number = int(self.p[self.i:j])
        if self.collect:
            self.i = j
            self.emit("")
            return
        if number in self.groups.by_number:
            self.i = j
            self.emit(f"(?P=g{number})")
        elif number <= 9:
            self.error(f"Reference to undefined group number {number}.")
        else:
            self.emit(_lit(self.escaped_char()))      # `\12` with no group 12: an octal escape

    # -- groups -------------------------------------------------------------
    def capture(self, kind, value=None):
        """The engine text opening a capturing group."""
        if self.collect:
            self.events.append((kind, value))
            return "("
        if kind == "auto":
            self.auto += 1
            number = self.auto
        elif kind == "num":
            number = value
        else:
            number = self.groups.by_name[value]
        return f"(?P<g{number}>"

    def push(self, stack, text, flags=None, kind="group"):
        frame = stack[-1]
        stack.append(_Frame(frame.flags if flags is None else flags, kind))
        self.emit(text, unit=False)

    def group_open(self, stack, capturing=True):
        frame = stack[-1]
        p, i = self.p, self.i
        if not p.startswith("(?", i):
            self.i += 1
            if "n" in frame.flags or not capturing:
                self.push(stack, "(?:")
            else:
                self.push(stack, self.capture("auto"))
            return
        nxt = p[i + 2:i + 3]
        if nxt == "#":
            end = p.find(")", i)
            if end < 0:
                self.error("Unterminated (?#...) comment.")
            self.i = end + 1
            return
        if nxt in (":", "=", "!", ">") or (nxt == "<" and p[i + 3:i + 4] in ("=", "!")):
            construct = p[i:i + (4 if nxt == "<" else 3)]
            self.i += len(construct)
            self.push(stack, construct)
            return
        if nxt in ("<", "'"):
            self.named_group(stack, nxt, capturing)
            return
        if nxt == "(":
            self.conditional(stack)
            return
        m = re.compile(_OPTION_GROUP).match(p, i)
        if m is None:
            self.error("Unrecognized grouping construct.")
        on, off, sign = set(), set(), True
        for ch in m.group(1):
            if ch in "+-":
                sign = ch == "+"
            else:
                (on if sign else off).add(ch)
                (off if sign else on).discard(ch)
        flags = (frame.flags | on) - off
        eng_on, eng_off = "".join(sorted(on & set("ims"))), "".join(sorted(off & set("ims")))
        engine = eng_on + ("-" + eng_off if eng_off else "")
        self.i = m.end()
        if m.group(2) == ":":
            self.push(stack, f"(?{engine}:" if engine else "(?:", flags)
        else:                      # to the end of the enclosing group
            frame.flags = flags
            if engine:
                opener = f"(?{engine}:"
                frame.closers += 1
                frame.reopen.append(opener)
                self.out.append(opener)
                self.quantifiable = False

    def named_group(self, stack, opener, capturing=True):
        close = ">" if opener == "<" else "'"
        j = self.i + 3
        k = j
        while k < self.n and _is_word(self.p[k]):
            k += 1
        name = self.p[j:k]
        if k < self.n and self.p[k] == "-":
            raise PatternError("pshim does not support balancing groups ((?<name1-name2>...)).")
        if not name:
            self.error("Invalid group name: Group names must begin with a word character.")
        if k >= self.n or self.p[k] != close:
            self.error("Unrecognized grouping construct.")
        self.i = k + 1
        if name.isdigit():
            if int(name) == 0:
                self.error("Capture number cannot be zero.")
            self.push(stack, self.capture("num", int(name)))
        elif name[0].isdigit():
            self.error("Invalid group name: Group names must begin with a word character.")
        else:
            self.push(stack, self.capture("name", name))

    def conditional(self, stack):
        """`(?(1)yes|no)`, `(?(name)yes|no)`, `(?(expr)yes|no)`; self.i at `(?(`."""
        p = self.p
        j = self.i + 3
        m = re.compile(_COND_NUMBER).match(p, j)
        if m is not None:
            number = int(m.group(1))
            if not self.collect and number not in self.groups.by_number:
                self.error(f"(?({number}) ) reference to undefined group.")
            self.i = m.end()
            self.push(stack, f"(?(g{number})", kind="cond")
            return
        k = j
        while k < self.n and _is_word(p[k]):
            k += 1
        name = p[j:k]
        if name and k < self.n and p[k] == ")":
            self.i = k + 1
            if not self.collect and name in self.groups.by_name:
                self.push(stack, f"(?(g{self.groups.by_name[name]})", kind="cond")
            else:                  # a word that names no group: the text as a lookahead
                self.push(stack, f"(?(?={name})", kind="cond")
            return
        # the condition is the group that starts at the inner `(`: a lookaround stays one,
        # any other group is read without capturing and tested as a lookahead
        if p.startswith("(?#", j - 1):
            self.error("Alternation conditions cannot be comments.")
        if p.startswith("(?'", j - 1) or (p.startswith("(?<", j - 1) and p[j + 2:j + 3] not in ("=", "!")):
            self.error("Alternation conditions do not capture and cannot be named.")
        self.push(stack, "(?", kind="cond")
        self.i = j - 1
        inner = p[j - 1:j + 3]
        if inner.startswith(("(?=", "(?!", "(?<=", "(?<!")):
            self.group_open(stack)
        elif inner.startswith("(?:") or not inner.startswith("(?"):
            self.i += 3 if inner.startswith("(?:") else 1
            self.push(stack, "(?=")
        else:
            self.error("Illegal conditional (?(...)) expression.")
        self.quantifiable = False

    # -- character classes ----------------------------------------------------
    def char_class(self):
        self.emit(self.class_body())

    def class_body(self):
        """A `[...]` at self.i, as engine text (a class, or a group for a subtraction)."""
        p = self.p
        self.i += 1
        negate = False
        if self.peek() == "^":
            negate = True
            self.i += 1
        items = []
        first = True
        subtract = None
        while True:
            if self.i >= self.n:
                self.error("Unterminated [] set.")
            c = p[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            if c == "-" and not first and self.peek(1) == "[":
                self.i += 1
                subtract = self.class_body()
                if self.peek() != "]":
                    self.error("A subtraction must be the last element in a character class.")
                self.i += 1
                break
            first = False
            lo, lo_char = self.class_atom()
            if self.peek() == "-" and self.peek(1) not in ("]", "", "["):
                self.i += 1
                hi, hi_char = self.class_atom()
                if lo_char is None:
                    self.error(f"Cannot include class {lo} in character range.")
                if hi_char is None:
                    self.error(f"Cannot include class {hi} in character range.")
                if ord(lo_char) > ord(hi_char):
                    self.error("[x-y] range in reverse order.")
                items.append(lo + "-" + hi)
            else:
                items.append(lo)
        base = "[" + ("^" if negate else "") + "".join(items) + "]"
        if subtract is None:
            return base
        return f"(?:(?!{subtract}){base})"

    def class_atom(self):
        """One element of a class: (engine text, its character, or None for a shorthand)."""
        c = self.p[self.i]
        self.i += 1
        if c != "\\":
            return _lit(c, True), c
        if self.i >= self.n:
            self.error("Illegal \\ at end of pattern.")
        d = self.p[self.i]
        if d in _SHORTHANDS:
            self.i += 1
            return "\\" + d, None
        if d in "pP":
            return self.property(d), None
        if d == "b":
            self.i += 1
            return _lit("\b", True), "\b"
        ch = self.escaped_char()
        return _lit(ch, True), ch


class _Groups:
    """.NET's numbering of a pattern's capturing groups."""

    def __init__(self, events):
        autos = sum(1 for e in events if e[0] == "auto")
        slots = set(range(1, autos + 1)) | {e[1] for e in events if e[0] == "num"}
        self.by_name = {}
        nxt = autos + 1
        for kind, value in events:
            if kind == "name" and value not in self.by_name:
                while nxt in slots:
                    nxt += 1
                self.by_name[value] = nxt
                slots.add(nxt)
                nxt += 1
        names = {num: name for name, num in self.by_name.items()}
        self.order = [(num, names.get(num, str(num))) for num in sorted(slots)]   # after group 0
        self.by_number = {num: name for num, name in self.order}


def translate(pattern: str, options: int = 0):
    """(engine pattern, _Groups) for a .NET pattern; PatternError with .NET's message."""
    first = _Translator(pattern, options)
    first.run()
    groups = _Groups(first.events)
    return _Translator(pattern, options, groups).run(), groups


_ENGINE_MESSAGES = (("missing )", "Not enough )'s."), ("unbalanced parenthesis", "Too many )'s."),
                    ("unterminated character set", "Unterminated [] set."),
                    ("nothing to repeat", "Quantifier {x,y} following nothing."),
                    ("multiple repeat", "Nested quantifier."))


def _engine_message(exc) -> str:
    msg = str(getattr(exc, "msg", exc))
    for key, text in _ENGINE_MESSAGES:
        if key in msg:
            return text
    return msg[:1].upper() + msg[1:] + "."


# ---------------------------------------------------------------------------
# Compiled patterns

class Pattern:
    """A compiled .NET pattern: the engine object and .NET's group numbering."""

    __slots__ = ("source", "options", "rx", "order", "by_name", "last_group")

    def __init__(self, source: str, options: int):
        self.source = source
        self.options = options
        try:
            text, groups = translate(source, options)
        except PatternError as exc:
            raise ArgumentException(f'parsing "{source}" - {exc}') from None
        eng = _regex_package()
        flags = eng.V0
        if options & IGNORE_CASE:
            flags |= eng.IGNORECASE
        if options & MULTILINE:
            flags |= eng.MULTILINE
        if options & SINGLELINE:
            flags |= eng.DOTALL
        if options & ECMASCRIPT:
            flags |= eng.ASCII
        if options & RIGHT_TO_LEFT:
            flags |= eng.REVERSE
        try:
            self.rx = eng.compile(text, flags)
        except eng.error as exc:
            raise ArgumentException(f'parsing "{source}" - {_engine_message(exc)}') from None
        self.order = groups.order               # [(number, name)] of the groups after 0
        self.by_name = {name: num for num, name in self.order}
        self.last_group = self.order[-1][0] if self.order else 0

    @property
    def right_to_left(self):
        return bool(self.options & RIGHT_TO_LEFT)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        if endpos is None:
            return self.rx.search(text, pos)
        return self.rx.search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0):
        return self.rx.finditer(text, pos)

    def group_value(self, m, number: int):
        if number == 0:
            return m.group(0)
        return m.group(f"g{number}")

    def matched(self, m, number: int) -> bool:
        return number == 0 or m.group(f"g{number}") is not None

    def matches_table(self, m):
        """(key, value) of `$Matches` after a successful match: the groups that matched,
        numbers as integers and names as strings, in .NET's GetGroupNames order."""
        out = [(0, m.group(0))]
        for num, name in self.order:
            v = m.group(f"g{num}")
            if v is not None:
                out.append((num if name == str(num) else name, v))
        return out

    # -- replacement --------------------------------------------------------
    def replacement(self, repl: str):
        """A .NET replacement string -> function(match, text) -> str."""
        return _replacement(self, repl)

    def replace(self, text: str, fn, count: int = -1, start: int = 0) -> str:
        """Replace matches (at most `count`, all if -1) with fn(match) -> str."""
        if count == 0:
            return text
        out = []
        prev = 0
        done = 0
        ms = list(self.rx.finditer(text, start))
        if self.right_to_left:
            ms.sort(key=lambda m: m.start())
            if count > 0:
                ms = ms[-count:]
        elif count > 0:
            ms = ms[:count]
        for m in ms:
            out.append(text[prev:m.start()])
            out.append(fn(m))
            prev = m.end()
            done += 1
        out.append(text[prev:])
        return "".join(out)

    def split(self, text: str, count: int = 0, start: int = 0) -> list:
        """Regex.Split: the pieces between matches, and each match's successful groups."""
        if count == 1:
            return [text]
        ms = list(self.rx.finditer(text, start))
        if count > 1:
            ms = ms[:count - 1]
        if self.right_to_left:
            ms.sort(key=lambda m: m.start())
        out = []
        prev = 0
        for m in ms:
            out.append(text[prev:m.start()])
            prev = m.end()
            for num, _ in self.order:
                v = m.group(f"g{num}")
                if v is not None:
                    out.append(v)
        out.append(text[prev:])
        return out


_REPL_TOKEN = (r"\$(?:(?P<dollar>\$)|(?P<amp>&)|(?P<left>`)|(?P<right>')|(?P<last>\+)|(?P<all>_)"
               r"|(?P<num>\d+)|\{(?P<name>\w+)\})")


@functools.lru_cache(maxsize=256)
def _replacement_parts(pat: Pattern, repl: str):
    parts = []
    pos = 0
    buf = []
    for m in re.compile(_REPL_TOKEN).finditer(repl):
        buf.append(repl[pos:m.start()])
        pos = m.end()
        g = m.lastgroup
        if g == "dollar":
            buf.append("$")
            continue
        if g == "num" or g == "name":
            key = m.group(g)
            number = int(key) if key.isdigit() else pat.by_name.get(key)
            if number is None or (number != 0 and number not in dict(pat.order)):
                buf.append(m.group(0) if g == "name" else "$")
                if g == "num":
                    pos = m.start() + 1          # `$12` with no group 12: `$` then the digits as text
                continue
            item = ("group", number)
        else:
            item = (g,)
        parts.append("".join(buf))
        buf = []
        parts.append(item)
    buf.append(repl[pos:])
    parts.append("".join(buf))
    return tuple(parts)


def _replacement(pat: Pattern, repl: str):
    parts = _replacement_parts(pat, repl)
    if len(parts) == 1:
        const = parts[0]
        return lambda m, text: const

    def fn(m, text):
        out = []
        for p in parts:
            if isinstance(p, str):
                out.append(p)
                continue
            kind = p[0]
            if kind == "group":
                out.append(pat.group_value(m, p[1]) or "")
            elif kind == "amp":
                out.append(m.group(0))
            elif kind == "left":
                out.append(text[:m.start()])
            elif kind == "right":
                out.append(text[m.end():])
            elif kind == "last":
                out.append(pat.group_value(m, pat.last_group) or "")
            elif kind == "all":
                out.append(text)
        return "".join(out)
    return fn


@functools.lru_cache(maxsize=512)
def compile(pattern: str, options: int = 0) -> Pattern:         # noqa: A001 - the module's verb
    """The compiled pattern; ArgumentException('parsing "<pattern>" - <reason>') if .NET rejects it."""
    return Pattern(pattern, options)


def pattern_of(value, ignore_case: bool, to_string) -> Pattern:
    """The pattern of an operator's right operand: a [regex] keeps its own options, anything
    else is converted to a string and compiled (IgnoreCase unless the operator is `-c...`)."""
    v = unwrap(value)
    if isinstance(v, Regex):
        return v.compiled
    return compile(to_string(value), IGNORE_CASE if ignore_case else 0)


# ---------------------------------------------------------------------------
# Result objects

class Capture(DotNetObject):
    ps_type_names = ("System.Text.RegularExpressions.Capture", "System.Object")
    ps_properties = ("Index", "Length", "Value")

    def __init__(self, index, value):
        self.Index = index
        self.Length = len(value)
        self.Value = value

    def ps_to_string(self):
        return self.Value

    def ToString(self):
        return self.Value


class Group(Capture):
    ps_type_names = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture",
                     "System.Object")
    ps_properties = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, name, index, value, success, captures=None):
        super().__init__(index, value)
        self.Name = name
        self.Success = success
        if captures is None:
            captures = [Capture(index, value)] if success else []
        self.Captures = CaptureCollection(captures)


class CaptureCollection(list):
    ps_type_names = ("System.Text.RegularExpressions.CaptureCollection", "System.Object")

    @property
    def Count(self):
        return len(self)


class GroupCollection(list):
    """Groups of a match: indexed by group number or name (`$m.Groups['user']`), enumerated
    in number order."""
    ps_type_names = ("System.Text.RegularExpressions.GroupCollection", "System.Object")

    def __init__(self, groups, numbers):
        super().__init__(groups)
        self._numbers = numbers

    def __getitem__(self, key):
        if isinstance(key, slice):
            return list.__getitem__(self, key)
        if isinstance(key, str) and not key.lstrip("-").isdigit():
            return self.by_name(key)
        key = int(key)
        for g, num in zip(self, self._numbers):
            if num == key:
                return g
        return Group("", 0, "", False)

    def by_name(self, name):
        for g in self:
            if g.Name == str(name):
                return g
        return Group(str(name), 0, "", False)

    ps_index = __getitem__

    @property
    def Count(self):
        return len(self)


def _group(pat: Pattern, m, number: int, name: str) -> Group:
    key = f"g{number}"
    spans = m.spans(key)
    if not spans:
        return Group(name, 0, "", False)
    text = m.string
    caps = [Capture(a, text[a:b]) for a, b in spans]
    a, b = spans[-1]
    return Group(name, a, text[a:b], True, caps)


class Match(Group):
    ps_type_names = ("System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
                     "System.Text.RegularExpressions.Capture", "System.Object")
    ps_properties = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")
    ps_methods = ("NextMatch", "Result", "ToString", "GetType", "Equals", "GetHashCode")

    def __init__(self, pat: Pattern, m, text: str):
        self._pat, self._m, self._text = pat, m, text
        if m is None:
            super().__init__("0", 0, "", False)
            self.Groups = GroupCollection([Group("0", 0, "", False)], [0])
            return
        super().__init__("0", m.start(), m.group(0), True)
        groups = [Group("0", m.start(), m.group(0), True)]
        groups += [_group(pat, m, num, name) for num, name in pat.order]
        self.Groups = GroupCollection(groups, [0] + [num for num, _ in pat.order])

    def NextMatch(self):
        if self._m is None:
            return self
        m = self._m
        if self._pat.right_to_left:
            pos = m.start() - (1 if m.end() == m.start() else 0)
            if pos < 0:
                return Match(self._pat, None, self._text)
            return Match(self._pat, self._pat.search(self._text, 0, pos), self._text)
        pos = m.end() + (1 if m.end() == m.start() else 0)
        if pos > len(self._text):
            return Match(self._pat, None, self._text)
        return Match(self._pat, self._pat.search(self._text, pos), self._text)

    def Result(self, replacement):
        if self._m is None:
            raise NotSupportedException("Result cannot be called on a failed Match.")
        return self._pat.replacement(a_str([replacement], 0) or "")(self._m, self._text)

    def ToString(self):
        return self.Value


class MatchCollection(list):
    ps_type_names = ("System.Text.RegularExpressions.MatchCollection", "System.Object")

    @property
    def Count(self):
        return len(self)


# ---------------------------------------------------------------------------
# [regex]

class Regex(DotNetObject):
    ps_type_names = ("System.Text.RegularExpressions.Regex", "System.Object")
    ps_properties = ("Options", "MatchTimeout", "RightToLeft")
    ps_methods = ("Match", "Matches", "IsMatch", "Replace", "Split", "GetGroupNames", "GetGroupNumbers",
                  "GroupNameFromNumber", "GroupNumberFromName", "ToString", "GetType", "Equals", "GetHashCode")

    def __init__(self, pattern: str, options: int = 0):
        if pattern is None:
            raise arg_null("pattern")
        self.pattern = pattern
        self.options = options
        self.compiled = compile(pattern, options)
        names = [n for n, v in REGEX_OPTIONS.items() if v and options & v]
        self.Options = ", ".join(REGEX_OPTIONS.display[n] for n in names) or "None"
        self.MatchTimeout = "-00:00:00.0010000"
        self.RightToLeft = bool(options & RIGHT_TO_LEFT)

    def ps_to_string(self):
        return self.pattern

    def _input(self, value):
        s = a_str([value], 0)
        if s is None:
            raise arg_null("input")
        return s

    def Match(self, text, *rest):
        s = self._input(text)
        if len(rest) > 2:
            raise NoOverload()
        pat = self.compiled
        if len(rest) == 2:
            start = a_int(list(rest), 0, "Match", "beginning")
            length = a_int(list(rest), 1, "Match", "length")
            return Match(pat, pat.search(s, start, start + length), s)
        start = a_int(list(rest), 0, "Match", "startat") if rest else (len(s) if pat.right_to_left else 0)
        if pat.right_to_left:
            return Match(pat, pat.search(s, 0, start), s)
        return Match(pat, pat.search(s, start), s)

    def Matches(self, text, *rest):
        s = self._input(text)
        start = a_int(list(rest), 0, "Matches", "startat") if rest else 0
        pat = self.compiled
        return MatchCollection(Match(pat, m, s) for m in pat.finditer(s, start))

    def IsMatch(self, text, *rest):
        s = self._input(text)
        start = a_int(list(rest), 0, "IsMatch", "startat") if rest else 0
        return self.compiled.search(s, start) is not None

    def Replace(self, text, replacement, *rest, ps_kw=None):
        s = self._input(text)
        count = a_int(list(rest), 0, "Replace", "count") if rest else -1
        start = a_int(list(rest), 1, "Replace", "startat") if len(rest) > 1 else 0
        if count < -1:
            raise ArgumentException("Count cannot be less than -1.")
        pat = self.compiled
        repl = unwrap(replacement)
        if callable(repl) and not isinstance(repl, str):
            fn = lambda m: _text(repl(Match(pat, m, s)))      # noqa: E731 - a Python MatchEvaluator
        elif repl is not None and not isinstance(repl, str) and delegate_call(ps_kw or {}) is not None:
            call = delegate_call(ps_kw)
            fn = lambda m: _text(call(repl, [Match(pat, m, s)]))  # noqa: E731 - a MatchEvaluator script block
        else:
            r = a_str([replacement], 0)
            if r is None:
                raise arg_null("replacement")
            expand = pat.replacement(r)
            fn = lambda m: expand(m, s)                          # noqa: E731
        return pat.replace(s, fn, count, start)

    def Split(self, text, *rest):
        s = self._input(text)
        count = a_int(list(rest), 0, "Split", "count") if rest else 0
        start = a_int(list(rest), 1, "Split", "startat") if len(rest) > 1 else 0
        return TypedArray(self.compiled.split(s, count, start), "System.String")

    def GetGroupNames(self):
        return TypedArray(["0"] + [name for _, name in self.compiled.order], "System.String")

    def GetGroupNumbers(self):
        return TypedArray([0] + [num for num, _ in self.compiled.order], "System.Int32")

    def GroupNameFromNumber(self, i):
        n = a_int([i], 0, "GroupNameFromNumber", "i")
        if n == 0:
            return "0"
        return dict(self.compiled.order).get(n, "")

    def GroupNumberFromName(self, name):
        s = a_str([name], 0)
        if s is None:
            raise arg_null("name")
        if s in self.compiled.by_name:
            return self.compiled.by_name[s]
        if s.isdigit() and (int(s) == 0 or int(s) in dict(self.compiled.order)):
            return int(s)
        return -1

    def ToString(self):
        return self.pattern

    def ps_equals(self, other):
        return other is self


def _text(result):
    from .conversion import to_string
    if isinstance(result, list):
        return "".join(to_string(x) for x in result)
    return to_string(result)


def escape(s: str) -> str:
    """Regex.Escape: the metacharacters, whitespace and `#` escaped."""
    out = []
    for c in s:
        if c in "\\*+?|{[()^$.# ":
            out.append("\\" + c)
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\f":
            out.append("\\f")
        else:
            out.append(c)
    return "".join(out)
