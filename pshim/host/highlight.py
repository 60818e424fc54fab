"""Syntax highlighting for the REPL, in plain Python (no prompt-toolkit here).

`highlight(session, text) -> [(style_class, fragment), ...]` colours the input
with Pygments' PowerShell lexer and marks the first parse error (not an
incomplete statement: that just continues on the next line) from its position
to the end of the offending token with the `error` class. Pygments is imported
on first use, so only the interactive shell pays for it.
"""
from __future__ import annotations

_LEXER = None

# Pygments token type (outermost first) -> our style class
_CLASSES = (
    ("Comment", "comment"),
    ("Literal.String", "string"),
    ("Literal.Number", "number"),
    ("Keyword", "keyword"),
    ("Name.Variable", "variable"),
    ("Name.Builtin", "command"),
    ("Name.Function", "command"),
    ("Name.Attribute", "attribute"),
    ("Name.Class", "type"),
    ("Operator", "operator"),
    ("Punctuation", "punctuation"),
)

STYLES = {
    "comment": "#6a9955",
    "string": "#ce9178",
    "number": "#b5cea8",
    "keyword": "#569cd6",
    "variable": "#9cdcfe",
    "command": "#dcdcaa",
    "parameter": "#a0a0a0",
    "attribute": "#a0a0a0",
    "type": "#4ec9b0",
    "operator": "#d4d4d4",
    "punctuation": "",
    "error": "bg:#5a1d1d #ff6b6b underline",
}


def _lexer():
    global _LEXER
    if _LEXER is None:
        from pygments.lexers.shell import PowerShellLexer
        _LEXER = PowerShellLexer(stripnl=False, stripall=False, ensurenl=False)
    return _LEXER


def _class_of(ttype) -> str:
    s = str(ttype)[6:]     # "Token.Name.Variable" -> "Name.Variable"
    for prefix, cls in _CLASSES:
        if s == prefix or s.startswith(prefix + "."):
            return cls
    return ""


def tokens(text: str):
    """[(class, fragment)] covering text exactly."""
    out = []
    try:
        lexed = _lexer().get_tokens_unprocessed(text)
        for pos, ttype, value in lexed:
            cls = _class_of(ttype)
            if not cls and value.startswith("-") and len(value) > 1 and value[1:2].isalpha():
                cls = "parameter"
            out.append((pos, cls, value))
    except Exception:   # no pygments: plain text
        return [("", text)]
    # pygments may drop or add text; rebuild so fragments cover `text` exactly
    frags = []
    cur = 0
    for pos, cls, value in out:
        if pos > cur:
            frags.append(("", text[cur:pos]))
            cur = pos
        if pos < cur:
            continue
        piece = text[pos:pos + len(value)]
        frags.append((cls, piece))
        cur = pos + len(piece)
    if cur < len(text):
        frags.append(("", text[cur:]))
    return frags


def error_span(session, text: str):
    """(start, end) of the first parse error, or None (also for incomplete input)."""
    if not text.strip():
        return None
    from ..errors import IncompleteInput, ParseError
    try:
        session.parse(text)
    except IncompleteInput:
        return None
    except ParseError as e:
        items = getattr(e, "errors", None) or []
        ext = items[0].extent if items else None
        if ext is None or ext.source is None:
            return None
        start = max(0, min(ext.start, len(text)))
        while start < len(text) - 1 and text[start].isspace():
            start += 1
        end = max(ext.end, start + 1)
        # stretch to the end of the token so a one-char marker stays visible
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, min(end, len(text))
    except Exception:   # a parser bug must not break typing
        return None
    return None


_LAST = [None, None]     # (text, span): the renderer asks again for unchanged text


def highlight(session, text: str):
    frags = tokens(text)
    span = None
    if session is not None:
        if _LAST[0] == text:
            span = _LAST[1]
        else:
            span = error_span(session, text)
            _LAST[0], _LAST[1] = text, span
    if span is None:
        return frags
    s, e = span
    out = []
    pos = 0
    for cls, piece in frags:
        a, b = pos, pos + len(piece)
        pos = b
        if b <= s or a >= e:
            out.append((cls, piece))
            continue
        if a < s:
            out.append((cls, piece[:s - a]))
        out.append(("error", piece[max(0, s - a):min(len(piece), e - a)]))
        if b > e:
            out.append((cls, piece[e - a:]))
    return out


def lines(session, text: str):
    """highlight() split per line: [[(class, fragment), ...], ...] (for a line-based renderer)."""
    result = [[]]
    for cls, piece in highlight(session, text):
        parts = piece.split("\n")
        for i, part in enumerate(parts):
            if i:
                result.append([])
            if part:
                result[-1].append((cls, part))
    return result
