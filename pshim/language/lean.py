"""A lean execution path for the pyparsing grammar.

The grammar (grammar.py) is written and composed with pyparsing as usual
(`a + b`, `a | b`, Opt, ZeroOrMore, Regex, and pshim's own ParserElement
subclasses).  Once it is complete, `convert()` walks it and switches every
element to a subclass of its own pyparsing class that overrides only the
per-call machinery:

* `_parse` skips inline whitespace itself, calls `parseImpl`, and runs the
  parse actions directly (they all take pyparsing's full `(s, loc, toks)`
  signature, so the arity-guessing wrapper is not needed);
* tokens travel between elements as plain Python lists instead of a
  ParseResults built (twice, when there is a parse action) for every element
  call; the grammar uses no results names, so nothing is lost.

The elements stay pyparsing elements (names, streamline, exceptions,
whitespace settings, `parseImpl` of the custom elements are untouched);
measured on bench/parse.py this removes ~40% of the cold parse time, which
was pyparsing's per-element bookkeeping rather than matching.

Not supported (asserted by `convert`): ignore expressions, results names,
and pyparsing classes other than those listed in `_LEAN`.
"""
from __future__ import annotations

import pyparsing as pp

ParseException = pp.ParseException
ParseFatalException = pp.ParseFatalException


def _raw_action(fn):
    """The user function inside pyparsing's _trim_arity wrapper."""
    code = getattr(fn, "__code__", None)
    if code is not None and "func" in code.co_freevars and fn.__closure__:
        return fn.__closure__[code.co_freevars.index("func")].cell_contents
    return fn


def _parse(self, instring, loc, do_actions=True, callPreParse=True):
    """The per-call path of every converted element (installed as its `_parse`)."""
    if callPreParse and self.lean_pre:
        white = self.lean_white
        try:
            while instring[loc] in white:
                loc += 1
        except IndexError:          # at the end of the text
            pass
    end, toks = self.parseImpl(instring, loc, do_actions)
    if do_actions and self.lean_actions:
        for fn in self.lean_actions:
            r = fn(instring, loc, toks)
            if r is not None and r is not toks:
                if type(r) is list:
                    toks = r
                elif isinstance(r, pp.ParseResults):
                    toks = list(r)
                else:
                    toks = [r]
    return end, toks


class LeanAnd(pp.And):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        loc, acc = self.lean_first._parse(instring, loc, do_actions, False)
        for e in self.lean_rest:
            loc, toks = e._parse(instring, loc, do_actions)
            if toks:
                acc.extend(toks)
        return loc, acc


class LeanMatchFirst(pp.MatchFirst):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        max_loc = -1
        max_exc = None
        for e in self.exprs:
            try:
                return e._parse(instring, loc, do_actions)
            except ParseFatalException:
                raise
            except ParseException as err:
                if err.loc > max_loc:
                    # keeping the exception with its traceback would make a reference cycle
                    # (this frame -> exception -> traceback -> this frame): garbage that only
                    # the cyclic collector frees, which then costs a third of the parse time
                    err.__traceback__ = None
                    max_exc = err
                    max_loc = err.loc
        if max_exc is not None:
            try:
                raise max_exc
            finally:
                max_exc = None          # no cycle through this frame's locals either
        raise ParseException(instring, loc, "no defined alternatives to match", self)


class LeanOpt(pp.Opt):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        try:
            return self.expr._parse(instring, loc, do_actions, False)
        except ParseFatalException:
            raise
        except ParseException:
            return loc, []


class LeanZeroOrMore(pp.ZeroOrMore):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        expr = self.expr
        acc = []
        while True:
            try:
                loc, toks = expr._parse(instring, loc, do_actions)
            except ParseFatalException:
                raise
            except ParseException:
                return loc, acc
            acc.extend(toks)


class LeanOneOrMore(pp.OneOrMore):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        expr = self.expr
        loc, acc = expr._parse(instring, loc, do_actions)
        while True:
            try:
                loc, toks = expr._parse(instring, loc, do_actions)
            except ParseFatalException:
                raise
            except ParseException:
                return loc, acc
            acc.extend(toks)


class LeanSuppress(pp.Suppress):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        loc, _ = self.expr._parse(instring, loc, do_actions, False)
        return loc, []


class LeanForward(pp.Forward):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        return self.expr._parse(instring, loc, do_actions, False)


class LeanRegex(pp.Regex):
    __slots__ = ()
    _parse = _parseNoCache = _parse
    lean = True

    def parseImpl(self, instring, loc, do_actions=True):
        m = self.lean_match(instring, loc)
        if m is None:
            raise ParseException(instring, loc, self.errmsg, self)
        if self.asMatch:
            return m.end(), [m]
        return m.end(), [m.group()]


_LEAN = {pp.And: LeanAnd, pp.MatchFirst: LeanMatchFirst, pp.Opt: LeanOpt, pp.ZeroOrMore: LeanZeroOrMore,
         pp.OneOrMore: LeanOneOrMore, pp.Suppress: LeanSuppress, pp.Forward: LeanForward, pp.Regex: LeanRegex}
_CUSTOM: dict = {}


def lean_class(cls):
    """The lean subclass of a pshim element class (made once per class)."""
    sub = _CUSTOM.get(cls)
    if sub is None:
        sub = type("Lean" + cls.__name__, (cls,), {"__module__": __name__, "__slots__": (), "lean": True,
                                                   "_parse": _parse, "_parseNoCache": _parse})
        _CUSTOM[cls] = sub
    return sub


def children(e):
    out = []
    if isinstance(e, pp.ParseExpression):
        out.extend(e.exprs)
    elif isinstance(e, pp.ParseElementEnhance):
        if e.expr is not None:
            out.append(e.expr)
    for attr in ("operator", "statement"):          # BinaryChain's operator, AssignFast's statement
        x = getattr(e, attr, None)
        if isinstance(x, pp.ParserElement):
            out.append(x)
    return out


def convert(*roots, custom=(), white=None):
    """Switch every element reachable from roots to its lean class.  `custom`:
    pshim element classes (their parseImpl already returns lists).  `white`: the
    whitespace of every element that takes pyparsing's default (so the grammar
    never changes pyparsing's process-wide default)."""
    custom = tuple(custom)
    seen = set()
    stack = list(roots)
    while stack:
        e = stack.pop()
        if id(e) in seen or getattr(type(e), "lean", False):
            continue
        seen.add(id(e))
        cls = type(e)
        if cls in _LEAN:
            e.__class__ = _LEAN[cls]
        elif isinstance(e, custom):
            e.__class__ = lean_class(cls)
        else:
            raise TypeError(f"lean.convert: unsupported element {cls.__name__}: {e}")
        if e.ignoreExprs:
            raise TypeError(f"lean.convert: ignore expressions are not supported ({e})")
        if e.resultsName:
            raise TypeError(f"lean.convert: results names are not supported ({e})")
        if e.debug or e.failAction:
            raise TypeError(f"lean.convert: debug/fail actions are not supported ({e})")
        if white is not None and e.copyDefaultWhiteChars:
            e.whiteChars = set(white)
        e.lean_pre = bool(e.callPreparse and e.skipWhitespace)
        e.lean_white = frozenset(e.whiteChars)
        e.lean_actions = tuple(_raw_action(fn) for fn in e.parseAction)
        if isinstance(e, pp.And):
            e.lean_first, e.lean_rest = e.exprs[0], tuple(e.exprs[1:])
        if isinstance(e, pp.Regex):
            e.lean_match = e.re.match
            e.__dict__.pop("parseImpl", None)       # pyparsing binds parseImplAsMatch per instance
            if e.asGroupList:
                raise TypeError(f"lean.convert: as_group_list is not supported ({e})")
        stack.extend(children(e))
