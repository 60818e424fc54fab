"""[regex]'s static members (Match, Matches, IsMatch, Replace, Split, Escape, Unescape) on the
one .NET regex layer (dotnet_regex)."""
from __future__ import annotations

import re

from .dotnet_regex import Regex, REGEX_OPTIONS, escape
from .method_support import nargs, arg_null, a_str, enum_value
from .statics import static_type

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
    nargs(args, 1, 2)           # no (pattern, options, matchTimeout): pshim's matches have no timeout
    return _regex(args, 0, "new")


@R.method("Escape", "static string Escape(string str)")
def _r_escape(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("str")
    return escape(s)


_UNESCAPE = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}


@R.method("Unescape", "static string Unescape(string str)")
def _r_unescape(args, kw):
    nargs(args, 1)
    s = a_str(args, 0)
    if s is None:
        raise arg_null("str")
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            d = s[i + 1]
            if d in _UNESCAPE:
                out.append(_UNESCAPE[d])
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
          "static string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator evaluator)",
          "static string Replace(string input, string pattern, System.Text.RegularExpressions.MatchEvaluator "
          "evaluator, System.Text.RegularExpressions.RegexOptions options)")
def _r_replace(args, kw):
    nargs(args, 3, 4)
    rx = Regex(a_str(args, 1), _options(args, 3, "Replace"))
    return rx.Replace(args[0], args[2], ps_kw=kw)


@R.method("Split", "static string[] Split(string input, string pattern)",
          "static string[] Split(string input, string pattern, System.Text.RegularExpressions.RegexOptions options)")
def _r_split(args, kw):
    nargs(args, 2, 3)
    return _regex(args, 1, "Split").Split(args[0])
