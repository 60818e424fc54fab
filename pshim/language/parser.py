"""pshim's parser entry point: text -> ScriptBlockAst, or ParseError.

`parse(text, path)` pre-scans the text (tokens.prescan), runs the pyparsing
grammar (grammar.build, built on first use) and converts every failure into
pshim.errors.ParseError / IncompleteInput with a PowerShell 5.1 message and
position.  Results are cached (LRU keyed by (text, path)): scripts are
re-parsed often (dot-sourcing, functions called by name, the REPL's history)
and the AST is never mutated by its users.  When parse_cache is enabled (the
command line enables it for pshim's home) parsed texts are also kept on disk,
so a repeated run does not build the grammar at all.

Nothing here imports pyparsing (nor the tokens module) at module import time: a
text found in the parse cache needs neither.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict

from ..errors import IncompleteInput, ParseError, ParseErrorItem
from . import parse_cache
from .extent import Extent, SourceText

CACHE_SIZE = 256
_cache: "OrderedDict[tuple, object]" = OrderedDict()
_lock = threading.RLock()


def clear_cache():
    with _lock:
        _cache.clear()


def parse(text: str, path: str | None = None):
    """Parse a whole script (or one command line) into a ScriptBlockAst."""
    if not isinstance(text, str):
        text = str(text)
    key = (text, path)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
    if hit is not None:
        if isinstance(hit, ParseError):
            raise hit
        return hit
    # the parse itself holds no lock: two threads parse at once (the cache is only a memo,
    # so two threads parsing the same text both store an equal result)
    result = parse_cache.lookup(text, path) if parse_cache.enabled() else None
    if result is None:
        try:
            result = _parse_uncached(text, path)
        except ParseError as e:
            _remember(key, e)
            raise
        if parse_cache.enabled():
            parse_cache.store(text, path, result)
    _remember(key, result)
    return result


def _remember(key, value):
    with _lock:
        _cache[key] = value
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def _error(source, error_id, arg, start, end=None, incomplete=None):
    from . import tokens as T
    text = source.text
    if end is None:
        if error_id in ("UnexpectedToken", "RedirectionNotSupported", "InvalidEndOfLine",
                        "ExpressionsMustBeFirstInPipeline", "InvalidLeftHandSide"):
            tok, tend = T.token_at(text, start)
            end = tend if tok else start
        else:
            end = start
    if incomplete is None:
        incomplete = error_id in T.INCOMPLETE_AT_END and not text[start:].strip()
    item = ParseErrorItem(T.message(error_id, arg), error_id, Extent(source, start, end))
    cls = IncompleteInput if incomplete else ParseError
    return cls([item])


_PREV_OP = r"(" + "{dash}" + r"[A-Za-z]+:?|\+\+|--|\.\.|[-+*/%]?=|[-+*/%!,&.\u2013\u2014\u2015])\s*\Z"


def _previous_operator(text, pos):
    from . import tokens as T
    rx = re.compile(_PREV_OP.replace("{dash}", T.DASH))
    m = rx.search(text, 0, pos) if pos <= len(text) else None
    if m is None:
        return ""
    op = m.group(1)
    if op and op[0] in "\u2013\u2014\u2015":
        op = "-" + op[1:]
    return op


def _open_brace_before(clean, string_ends, pos):
    """Offset of the innermost `{` still open at pos (outside strings), or None."""
    stack = []
    i = 0
    n = min(pos, len(clean))
    rx = re.compile(r"[{}'\"\u2018-\u201e@]")
    while i < n:
        m = rx.search(clean, i, n)
        if m is None:
            break
        j = m.start()
        end = string_ends.get(j)
        if end is not None:
            i = end
            continue
        c = clean[j]
        if c == "{":
            stack.append(j)
        elif c == "}":
            if stack:
                stack.pop()
        i = j + 1
    return stack[-1] if stack else None


def _convert_fatal(source, scan, exc):
    from . import tokens as T
    msg = exc.msg or ""
    error_id, _, arg = msg.partition("|")
    loc = exc.loc
    text = source.text
    if error_id == "UnexpectedToken":
        tok, _ = T.token_at(scan.clean, loc)
        if tok.startswith("<"):
            return _error(source, "RedirectionNotSupported", "<", loc, loc + 1)
        if tok in ("||", "&&"):
            return _error(source, "InvalidEndOfLine", tok, loc, loc + 2)
        if not tok:
            tok = text[loc:loc + 1]
        return _error(source, "UnexpectedToken", tok, loc)
    if arg == "@prev":
        arg = _previous_operator(scan.clean, loc)
    if error_id == "UnexpectedAttribute":
        # reported on the whole attribute; incomplete when nothing but blanks follows it
        arg, _, end = arg.partition("|")
        end = int(end)
        return _error(source, error_id, arg, loc, end, not scan.clean[end:].strip())
    if error_id == "EmptyPipeElement" and scan.clean.startswith("|", loc):
        # a pipeline that starts with `|` (reported on the `|`)
        return _error(source, error_id, arg, loc, loc + 1, not scan.clean[loc + 1:].strip())
    if error_id == "IncompleteHashLiteral":
        return _error(source, error_id, arg, loc, loc, not scan.clean[loc:].strip(" \t\f\v\r\n;"))
    if error_id == "MissingEndCurlyBrace":
        incomplete = not scan.clean[loc:].strip()
        opened = _open_brace_before(scan.clean, scan.string_ends, loc)
        if opened is not None:
            return _error(source, error_id, arg, opened, opened + 1, incomplete)
    if error_id == "RedirectionNotSupported":
        return _error(source, error_id, arg, loc, loc + 1)
    if error_id == "EmptyVariableReference":        # reported on the whole `${}`
        return _error(source, error_id, arg, loc, loc + 3)
    if error_id == "InvalidValueForUsingItemName" and text.startswith(arg, loc):
        return _error(source, error_id, arg, loc, loc + len(arg))      # a token that is no argument
    return _error(source, error_id, arg, loc)


def _parse_uncached(text, path):
    from . import tokens as T
    from . import builder as B
    from . import grammar as G
    from . import semantic_checks
    from pyparsing import ParseBaseException, ParseFatalException

    source = SourceText(text, path)
    try:
        scan = T.prescan(text)
    except T.ScanError as e:
        raise _error(source, e.error_id, e.arg, e.start, e.end, e.incomplete) from None
    g = G.build()
    # the parse's whole context travels with the text (no process-wide state is set)
    clean = B.ParseText(scan.clean, source, scan.string_ends, g.subexpression, [])
    try:
        _end, toks = g.script._parse(clean, 0)
        sb = B.script_body(clean, list(toks), 0, len(text))
    except ParseFatalException as e:
        raise _with_noted(clean.checks, _convert_fatal(source, scan, e), source) from None
    except ParseBaseException as e:
        # a non-fatal failure at the top: the grammar stopped at an unexpected token
        raise _error(source, "UnexpectedToken", T.token_at(scan.clean, e.loc)[0] or "?", e.loc) from None
    except RecursionError:
        raise _error(source, "ScriptTooComplicated", "", 0, len(text), False) from None
    except ParseError:
        raise
    except Exception as e:          # a bug in an action must still surface as a ParseError
        raise _error(source, "UnrecoverableParserError", "", 0, 0, False) from e
    if scan.requires:
        sb.requires = list(scan.requires)
    if clean.checks:
        try:
            semantic_checks.check(clean.checks, source)
        except ParseError as e:
            raise _incomplete_if_last(e, source) from None
        except Exception as e:      # a bug in a check must still surface as a ParseError
            raise _error(source, "UnrecoverableParserError", "", 0, 0, False) from e
    return sb


def _incomplete_if_last(e, source):
    """IncompleteInput when the last error is one that more input would mend (`begin` alone)."""
    from . import tokens as T
    last = e.errors[-1]
    if not isinstance(e, IncompleteInput) and last.error_id in T.INCOMPLETE_AT_END \
            and not source.text[last.extent.start:].strip():
        return IncompleteInput(e.errors)
    return e


def _with_noted(checks, err, source):
    """The fatal error `err` with the syntax errors noted before it (grammar.Note): 5.1 lists
    every error of the parse, in source order."""
    fatal = err.errors[0]
    noted = sorted({c[1] for c in checks if c[0] == "syntax" and c[1][0] < fatal.extent.start})
    if not noted:
        return err
    from . import tokens as T
    items = [ParseErrorItem(T.message(i, a), i, Extent(source, st, en)) for st, en, i, a in noted]
    return type(err)(items + err.errors)
