"""[regex]: .NET regular expressions on Python's re, with .NET-shaped results.

`translate(pattern)` rewrites the .NET spellings re lacks: `(?<n>..)`/`(?'n'..)`
named groups, `\\k<n>` back references, `\\z`/`\\Z`, a few `\\p{..}` classes,
`{,n}` (a literal in .NET), and inline options in the middle of a pattern
(`a(?i)b` becomes `a(?i:b)`, which is what .NET means). RegexOptions map to re
flags; ExplicitCapture and RightToLeft are not emulated.

Groups are numbered as .NET numbers them: unnamed groups first, then named
ones. Python keeps only the last capture of a repeated group, so Captures
holds that one capture.
"""
from __future__ import annotations

import functools
import re

from ..errors import ArgumentException
from .psobject import DotNetObject, TypedArray, unwrap
from .method_support import NoOverload, nargs, arg_null, a_int, a_str, enum_value, delegate_call
from .statics import static_type, REGEX_OPTIONS

_PROPS = {
    "L": r"[^\W\d_]", "Lu": r"[A-Z\u00C0-\u00DE]", "Ll": r"[a-z\u00DF-\u00FF]", "N": r"\d", "Nd": r"\d",
    "P": r"[!-/:-@\[-`{-~]", "Z": r"\s", "Zs": r"[ \u00A0\u2000-\u200A\u3000]",
    "IsBasicLatin": r"[\x00-\x7F]",
}


def translate(pattern: str) -> str:
    out = []
    i, n = 0, len(pattern)
    in_class = False
    closers = [0]          # per group depth: scoped-flag groups to close at its end

    def close_level():
        out.append(")" * closers.pop())

    while i < n:
        c = pattern[i]
        if c == "\\" and i + 1 < n:
            d = pattern[i + 1]
            if d == "z":
                out.append(r"\Z")
            elif d == "Z":
                out.append(r"(?=\n?\Z)")
            elif d == "k" and i + 2 < n and pattern[i + 2] in "<'":
                end = pattern.find(">" if pattern[i + 2] == "<" else "'", i + 3)
                if end > 0:
                    name = pattern[i + 3:end]
                    out.append(f"(?P={name})" if not name.isdigit() else "\\" + name)
                    i = end + 1
                    continue
                out.append(pattern[i:i + 2])
            elif d in "pP" and i + 2 < n and pattern[i + 2] == "{":
                end = pattern.find("}", i + 3)
                cls = _PROPS.get(pattern[i + 3:end]) if end > 0 else None
                if cls is None:
                    out.append(pattern[i:end + 1] if end > 0 else pattern[i:i + 2])
                    i = end + 1 if end > 0 else i + 2
                    continue
                if d == "P":
                    cls = "[^" + cls[1:] if cls.startswith("[") else cls.swapcase()
                out.append(cls if not in_class else cls.strip("[]"))
                i = end + 1
                continue
            elif d == "e":
                out.append(r"\x1b")
            else:
                out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            if c == "]":
                in_class = False
            elif c == "[":
                out.append("\\[")
                i += 1
                continue
            out.append(c)
            i += 1
            continue
        if c == "[":
            in_class = True
            out.append(c)
            if i + 1 < n and pattern[i + 1] == "^":
                out.append("^")
                i += 1
            if i + 1 < n and pattern[i + 1] == "]":
                out.append("\\]")
                i += 1
            i += 1
            continue
        if c == "{" and i + 1 < n and pattern[i + 1] == ",":
            out.append("\\{")
            i += 1
            continue
        if c == "(":
            if pattern.startswith("(?<", i) and i + 3 < n and pattern[i + 3] not in "=!":
                end = pattern.find(">", i + 3)
                out.append(f"(?P<{pattern[i + 3:end]}>")
                closers.append(0)
                i = end + 1
                continue
            if pattern.startswith("(?'", i):
                end = pattern.find("'", i + 3)
                out.append(f"(?P<{pattern[i + 3:end]}>")
                closers.append(0)
                i = end + 1
                continue
            m = re.match(r"\(\?([imnsx]*)(?:-([imnsx]*))?([:)])", pattern[i:])
            if m and (m.group(1) or m.group(2)):
                on = m.group(1).replace("n", "")
                off = (m.group(2) or "").replace("n", "")
                flags = on + ("-" + off if off else "")
                if m.group(3) == ":":
                    out.append(f"(?{flags}:" if flags else "(?:")
                    closers.append(0)
                else:
                    if flags:
                        out.append(f"(?{flags}:")
                        closers[-1] += 1
                i += m.end()
                continue
            closers.append(0)
            out.append(c)
            i += 1
            continue
        if c == ")":
            if len(closers) > 1:
                close_level()
            out.append(c)
            i += 1
            continue
        out.append(c)
        i += 1
    while closers:
        close_level()
    return "".join(out)


def option_flags(options: int) -> int:
    f = 0
    if options & 1:
        f |= re.IGNORECASE
    if options & 2:
        f |= re.MULTILINE
    if options & 16:
        f |= re.DOTALL
    if options & 32:
        f |= re.VERBOSE
    if options & 256:
        f |= re.ASCII
    return f


@functools.lru_cache(maxsize=256)
def compile_dotnet(pattern: str, options: int = 0):
    try:
        return re.compile(translate(pattern), option_flags(options))
    except re.error as exc:
        raise ArgumentException(f'parsing "{pattern}" - {_describe(exc)}') from None


def _describe(exc: re.error) -> str:
    msg = str(exc.msg)
    if "missing )" in msg:
        return "Not enough )'s."
    if "unbalanced parenthesis" in msg:
        return "Too many )'s."
    if "unterminated character set" in msg:
        return "Unterminated [] set."
    if "nothing to repeat" in msg or "multiple repeat" in msg:
        return "Quantifier {x,y} following nothing."
    return msg[:1].upper() + msg[1:] + "."


def group_order(rx) -> list[tuple[int, str]]:
    """[(python group index, .NET group name)] in .NET numbering order (after group 0)."""
    named = {idx: name for name, idx in rx.groupindex.items()}
    unnamed = [i for i in range(1, rx.groups + 1) if i not in named]
    order = [(i, str(k + 1)) for k, i in enumerate(unnamed)]
    order += [(i, named[i]) for i in sorted(named)]
    return order


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


class Group(Capture):
    ps_type_names = ("System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.Capture",
                     "System.Object")
    ps_properties = ("Success", "Name", "Captures", "Index", "Length", "Value")

    def __init__(self, name, index, value, success):
        super().__init__(index, value)
        self.Name = name
        self.Success = success
        self.Captures = CaptureCollection([Capture(index, value)] if success else [])


class CaptureCollection(list):
    ps_type_names = ("System.Text.RegularExpressions.CaptureCollection", "System.Object")

    @property
    def Count(self):
        return len(self)


class GroupCollection(list):
    """Groups of a match; indexable by number or by name (`$m.Groups['user']`)."""
    ps_type_names = ("System.Text.RegularExpressions.GroupCollection", "System.Object")

    def __getitem__(self, key):
        if isinstance(key, str) and not key.lstrip("-").isdigit():
            return self.by_name(key)
        if isinstance(key, str):
            key = int(key)
        if isinstance(key, int) and not 0 <= key < len(self):
            return Group("", 0, "", False)
        return super().__getitem__(key)

    def by_name(self, name):
        for g in self:
            if g.Name == str(name):
                return g
        return Group(str(name), 0, "", False)

    ps_index = __getitem__

    @property
    def Count(self):
        return len(self)


class Match(Group):
    ps_type_names = ("System.Text.RegularExpressions.Match", "System.Text.RegularExpressions.Group",
                     "System.Text.RegularExpressions.Capture", "System.Object")
    ps_properties = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value")
    ps_methods = ("NextMatch", "Result", "ToString", "GetType", "Equals", "GetHashCode")

    def __init__(self, regex: "Regex", m, text: str):
        self._regex, self._m, self._text = regex, m, text
        if m is None:
            super().__init__("0", 0, "", False)
            self.Groups = GroupCollection([Group("0", 0, "", False)])
            return
        super().__init__("0", m.start(), m.group(0), True)
        groups = [Group("0", m.start(), m.group(0), True)]
        for py_index, name in group_order(m.re):
            value = m.group(py_index)
            groups.append(Group(name, m.start(py_index), value or "", value is not None) if value is not None
                          else Group(name, 0, "", False))
        self.Groups = GroupCollection(groups)

    def NextMatch(self):
        if self._m is None:
            return self
        pos = self._m.end() + (1 if self._m.end() == self._m.start() else 0)
        if pos > len(self._text):
            return Match(self._regex, None, self._text)
        return Match(self._regex, self._regex.rx.search(self._text, pos), self._text)

    def Result(self, replacement):
        if self._m is None:
            from ..errors import NotSupportedException
            raise NotSupportedException("Result cannot be called on a failed Match.")
        return expand_replacement(a_str([replacement], 0) or "", self._m, self._text)

    def ToString(self):
        return self.Value


class MatchCollection(list):
    ps_type_names = ("System.Text.RegularExpressions.MatchCollection", "System.Object")

    @property
    def Count(self):
        return len(self)


# ---------------------------------------------------------------------------
# Replacement strings ($1, ${name}, $&, $`, $', $+, $_, $$)

def expand_replacement(repl: str, m, text: str) -> str:
    order = group_order(m.re)
    by_number = {0: 0}
    for k, (py_index, name) in enumerate(order):
        by_number[k + 1] = py_index
    names = {name: py for py, name in order}
    out = []
    i, n = 0, len(repl)
    while i < n:
        c = repl[i]
        if c != "$" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        d = repl[i + 1]
        if d == "$":
            out.append("$")
            i += 2
        elif d == "&":
            out.append(m.group(0))
            i += 2
        elif d == "`":
            out.append(text[:m.start()])
            i += 2
        elif d == "'":
            out.append(text[m.end():])
            i += 2
        elif d == "_":
            out.append(text)
            i += 2
        elif d == "+":
            last = order[-1][0] if order else 0
            out.append(m.group(last) or "")
            i += 2
        elif d.isdigit():
            j = i + 1
            while j < n and repl[j].isdigit():
                j += 1
            num = int(repl[i + 1:j])
            if num in by_number:
                out.append(m.group(by_number[num]) or "")
            else:
                out.append(repl[i:j])
            i = j
        elif d == "{":
            end = repl.find("}", i + 2)
            name = repl[i + 2:end] if end > 0 else None
            if name is not None and name.isdigit() and int(name) in by_number:
                out.append(m.group(by_number[int(name)]) or "")
                i = end + 1
            elif name is not None and name in names:
                out.append(m.group(names[name]) or "")
                i = end + 1
            else:
                out.append("$")
                i += 1
        else:
            out.append("$")
            i += 1
    return "".join(out)


class Regex(DotNetObject):
    ps_type_names = ("System.Text.RegularExpressions.Regex", "System.Object")
    ps_properties = ("Options", "MatchTimeout", "RightToLeft")
    ps_methods = ("Match", "Matches", "IsMatch", "Replace", "Split", "GetGroupNames", "GetGroupNumbers",
                  "ToString", "GetType", "Equals", "GetHashCode")

    def __init__(self, pattern: str, options: int = 0):
        if pattern is None:
            raise arg_null("pattern")
        self.pattern = pattern
        self.options = options
        self.rx = compile_dotnet(pattern, options)
        names = [n for n, v in REGEX_OPTIONS.items() if v and options & v]
        self.Options = ", ".join(REGEX_OPTIONS.display[n] for n in names) or "None"
        self.MatchTimeout = "-00:00:00.0010000"
        self.RightToLeft = bool(options & 64)

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
        start = a_int(list(rest), 0, "Match", "startat") if rest else 0
        if len(rest) == 2:
            length = a_int(list(rest), 1, "Match", "length")
            m = self.rx.search(s, start, start + length)
        else:
            m = self.rx.search(s, start)
        return Match(self, m, s)

    def Matches(self, text, *rest):
        s = self._input(text)
        start = a_int(list(rest), 0, "Matches", "startat") if rest else 0
        return MatchCollection(Match(self, m, s) for m in self.rx.finditer(s, start))

    def IsMatch(self, text, *rest):
        s = self._input(text)
        start = a_int(list(rest), 0, "IsMatch", "startat") if rest else 0
        return self.rx.search(s, start) is not None

    def Replace(self, text, replacement, *rest, ps_kw=None):
        s = self._input(text)
        count = a_int(list(rest), 0, "Replace", "count") if rest else -1
        if count == 0:
            return s
        repl = unwrap(replacement)
        if callable(repl) and not isinstance(repl, str):
            fn = lambda m: _text(repl(Match(self, m, s)))      # noqa: E731 - a Python MatchEvaluator
        elif repl is not None and not isinstance(repl, str) and delegate_call(ps_kw or {}) is not None:
            call = delegate_call(ps_kw)
            fn = lambda m: _text(call(repl, [Match(self, m, s)]))  # noqa: E731 - a MatchEvaluator script block
        else:
            r = a_str([replacement], 0)
            if r is None:
                raise arg_null("replacement")
            fn = lambda m: expand_replacement(r, m, s)          # noqa: E731
        return self.rx.sub(fn, s, count=max(count, 0))

    def Split(self, text, *rest):
        s = self._input(text)
        count = a_int(list(rest), 0, "Split", "count") if rest else 0
        if count == 1:
            return TypedArray([s], "System.String")
        parts = self.rx.split(s, maxsplit=max(count - 1, 0))
        return TypedArray([p for p in parts if p is not None], "System.String")

    def GetGroupNames(self):
        return TypedArray(["0"] + [name for _, name in group_order(self.rx)], "System.String")

    def GetGroupNumbers(self):
        return TypedArray(list(range(len(group_order(self.rx)) + 1)), "System.Int32")

    def ToString(self):
        return self.pattern

    def ps_equals(self, other):
        return other is self


def _text(result):
    from .conversion import to_string
    if isinstance(result, list):
        return "".join(to_string(x) for x in result)
    return to_string(result)


# ---------------------------------------------------------------------------
# Statics

R = static_type("System.Text.RegularExpressions.Regex")
R.const(InfiniteMatchTimeout="-00:00:00.0010000")


def _options(args, i, name):
    if len(args) <= i:
        return 0
    return enum_value(args[i], REGEX_OPTIONS, "System.Text.RegularExpressions.RegexOptions", name, "options")


def _regex(args, i, name):
    pattern = a_str(args, i)
    if pattern is None:
        raise arg_null("pattern")
    return Regex(pattern, _options(args, i + 1, name))


@R.method("new", "regex new(string pattern)", "regex new(string pattern, System.Text.RegularExpressions.RegexOptions options)")
def _r_new(args, kw):
    nargs(args, 1, 2, 3)
    return _regex(args, 0, "new")


@R.method("Escape", "static string Escape(string str)")
def _r_escape(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("str")
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


@R.method("Unescape", "static string Unescape(string str)")
def _r_unescape(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("str")
    simple = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            d = s[i + 1]
            if d in simple:
                out.append(simple[d])
                i += 2
            elif d == "x" and re.match(r"[0-9a-fA-F]{2}", s[i + 2:i + 4]):
                out.append(chr(int(s[i + 2:i + 4], 16)))
                i += 4
            elif d == "u" and re.match(r"[0-9a-fA-F]{4}", s[i + 2:i + 6]):
                out.append(chr(int(s[i + 2:i + 6], 16)))
                i += 6
            else:
                out.append(d)
                i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


@R.method("Match", "static System.Text.RegularExpressions.Match Match(string input, string pattern)",
          "static System.Text.RegularExpressions.Match Match(string input, string pattern, "
          "System.Text.RegularExpressions.RegexOptions options)")
def _r_match(args, kw):
    nargs(args, 2, 3)
    return _regex(args, 1, "Match").Match(args[0])


@R.method("Matches", "static System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern)",
          "static System.Text.RegularExpressions.MatchCollection Matches(string input, string pattern, "
          "System.Text.RegularExpressions.RegexOptions options)")
def _r_matches(args, kw):
    nargs(args, 2, 3)
    return _regex(args, 1, "Matches").Matches(args[0])


@R.method("IsMatch", "static bool IsMatch(string input, string pattern)",
          "static bool IsMatch(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)")
def _r_is_match(args, kw):
    nargs(args, 2, 3)
    return _regex(args, 1, "IsMatch").IsMatch(args[0])


@R.method("Replace", "static string Replace(string input, string pattern, string replacement)",
          "static string Replace(string input, string pattern, string replacement, "
          "System.Text.RegularExpressions.RegexOptions options)",
          "static string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator)")
def _r_replace(args, kw):
    nargs(args, 3, 4)
    rx = Regex(a_str(args, 1), _options(args, 3, "Replace"))
    return rx.Replace(args[0], args[2], ps_kw=kw)


@R.method("Split", "static string[] Split(string input, string pattern)",
          "static string[] Split(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)")
def _r_split(args, kw):
    nargs(args, 2, 3)
    return _regex(args, 1, "Split").Split(args[0])
