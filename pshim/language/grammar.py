"""The pyparsing grammar of pshim's PowerShell language.

Design
------
* Built once, lazily, by `build()` (cached): importing pyparsing and
  building ~200 elements costs tens of milliseconds that the shell must not
  pay at start-up; `import pshim.language` imports neither this module nor
  pyparsing.
* Comments and line continuations never reach the grammar: `tokens.prescan`
  blanks them in a same-length copy of the text.  Rejected: pyparsing's
  `ignore()` (it tries every ignore pattern before every element, roughly
  doubling the element calls) and a comment pattern inside each whitespace
  token (misses `<# #>` in mid-expression).
* Newlines are significant (statement separators), so pyparsing skips only
  inline whitespace; the places where PowerShell lets a construct run over a
  newline (after `(`, `{`, `,`, `|`, a binary operator, `=`, before `)`,
  `}`, `else`, `catch`, ...) carry `\\s*` in the token's own regex, instead of
  separate optional-newline elements (one element call instead of two).
* Binary expressions are parsed flat (`operand (op operand)*`) and the
  precedence tree is built by precedence climbing in builder.binary_chain.
  Rejected: pyparsing's `infix_notation` / one rule per precedence level --
  nine nested levels cost nine element calls per operand, the main cost of
  a pyparsing expression grammar.
* Alternatives are chosen by the next character where possible (`Dispatch`,
  and `KeywordDispatch` for statements) so that most choices cost one dict
  lookup instead of a chain of failing attempts (every failed attempt in
  pyparsing builds an exception object).
* Commit points: once a construct is recognised (`if (`, a binary operator,
  `{`, ...), a missing part raises a fatal error carrying the PowerShell
  error id (`Fail`), so errors point at the real place with 5.1's message
  rather than at pyparsing's "expected ..." far above it.  Fatal exceptions
  carry "ErrorId|arg" in their message; parser.py makes ParseError items.
* Fast paths: the commonest operands (`$x` not followed by a postfix
  operator, a number, a string, `.Name`, `-Param`) are matched by one regex
  (`Fast`, `FastString`) and fall back to the full rule otherwise; Forward
  elements are bypassed once the grammar is complete (`inline_forwards`).
  Measured on bench/parse.py: ~1,200 lines/s with one element per construct,
  ~3,500 lines/s with dispatch + fast paths (pyparsing costs ~10 us per element
  call here, so the number of element calls per line is what counts).
* Execution: once built, `lean.convert` switches every element to a subclass
  of its own pyparsing class whose `_parse` passes plain token lists and calls
  the parse actions directly (no ParseResults per element call, no
  arity-guessing wrapper); `AssignFast` parses `$name = statement` in one step
  and `Peek` chooses by lookahead where a failing attempt (an exception) was
  the common case (`[attr()]` vs `[type]`, param blocks, named blocks).
  Kept exceptions must not keep their traceback (a reference cycle through the
  frame: garbage for the cyclic GC, which then cost a third of the parse).
  Measured on bench/parse.py (20,000 lines, machine shared, noisy): ~4,000
  lines/s before these, ~10,000-14,000 lines/s after, GC pass included.
* Packrat is left off: with dispatch and commits the grammar backtracks
  very little; measured, enable_packrat() made the cold parse 2.4x slower.
* Every production of grammar/pshim.ebnf is an element named with
  `set_name` through `_named`; tests/language/test_grammar_sync.py checks
  both directions.
"""
from __future__ import annotations

import functools
import re
import threading

import pyparsing as pp

from . import builder as b
from . import lean
from . import tokens as T

_NAMED: dict[str, pp.ParserElement] = {}


# ---------------------------------------------------------------------------
# Custom elements

class Fail(pp.Token):
    """Always fails fatally with a pshim error id. after=True places the error
    just after the previous token (PowerShell's "missing X after Y" position)."""

    def __init__(self, error_id, arg="", after=True):
        super().__init__()
        self.msg = f"{error_id}|{arg}"
        self.after = after
        self.mayReturnEmpty = True
        self.mayIndexError = False
        self.errmsg = self.msg

    def _generateDefaultName(self):
        return f"Fail({self.msg})"

    def parseImpl(self, instring, loc, do_actions=True):
        if self.after:
            while loc > 0 and instring[loc - 1].isspace():
                loc -= 1
        raise pp.ParseFatalException(instring, loc, self.msg, self)


class Note(pp.Token):
    """Zero-width: notes a syntax error and lets the parse go on (5.1 reports some errors
    and keeps parsing, so one parse can report several).  The error is kept in the
    text's checks list as ("syntax", (start, end, id, arg)); parser.py reports it with
    the later errors.  after=True: just after the previous token, as Fail."""

    def __init__(self, error_id, arg="", after=True):
        super().__init__()
        self.error_id = error_id
        self.arg = arg
        self.after = after
        self.mayReturnEmpty = True
        self.mayIndexError = False
        self.errmsg = error_id

    def _generateDefaultName(self):
        return f"Note({self.error_id})"

    def parseImpl(self, instring, loc, do_actions=True):
        at = loc
        if self.after:
            while at > 0 and instring[at - 1].isspace():
                at -= 1
        instring.checks.append(("syntax", (at, at, self.error_id, self.arg)))
        return loc, []


class UsingItemMissing(pp.Token):
    """Where a using statement's name should be and no argument is: at the end of the
    statement MissingUsingItemName (just after the kind), before anything else (`)`, `&`)
    InvalidValueForUsingItemName on that token."""

    def __init__(self):
        super().__init__()
        self.mayReturnEmpty = True
        self.mayIndexError = False
        self.errmsg = "MissingUsingItemName|"

    def _generateDefaultName(self):
        return "UsingItemMissing"

    def parseImpl(self, instring, loc, do_actions=True):
        tok, _ = T.token_at(instring, loc)
        if not tok or tok[0] in ";\r\n":
            while loc > 0 and instring[loc - 1].isspace():
                loc -= 1
            raise pp.ParseFatalException(instring, loc, "MissingUsingItemName|", self)
        raise pp.ParseFatalException(instring, loc, "InvalidValueForUsingItemName|" + tok, self)


class Check(pp.Token):
    """Zero-width: succeeds where `pattern` matches, else a fatal error."""

    def __init__(self, pattern, error_id):
        super().__init__()
        self.rx = re.compile(pattern)
        self.msg = f"{error_id}|"
        self.mayReturnEmpty = True
        self.mayIndexError = False
        self.errmsg = self.msg

    def _generateDefaultName(self):
        return f"Check({self.rx.pattern})"

    def parseImpl(self, instring, loc, do_actions=True):
        if self.rx.match(instring, loc) is None:
            raise pp.ParseFatalException(instring, loc, self.msg, self)
        return loc, []


class PipeFail(pp.Token):
    """After `|`: no command follows."""

    def __init__(self):
        super().__init__()
        self.mayReturnEmpty = True
        self.mayIndexError = False
        self.errmsg = "EmptyPipeElement|"

    def _generateDefaultName(self):
        return "PipeFail"

    def parseImpl(self, instring, loc, do_actions=True):
        c = instring[loc:loc + 1]
        if c == "" or c in "|;)}\r\n":
            while loc > 0 and instring[loc - 1].isspace():
                loc -= 1
            raise pp.ParseFatalException(instring, loc, "EmptyPipeElement|", self)
        raise pp.ParseFatalException(instring, loc, "ExpressionsMustBeFirstInPipeline|", self)


class SwitchValueMissing(pp.Token):
    """Where a switch statement's value should be: `-file` without its file name is
    MissingFilenameOption, anything else PipelineValueRequired (both just after the
    previous token)."""

    FILE_FLAG = re.compile(T.DASH + r"(?i:f(?:i(?:l(?:e)?)?)?)\Z")

    def __init__(self):
        super().__init__()
        self.mayReturnEmpty = True
        self.mayIndexError = False
        self.errmsg = "PipelineValueRequired|"

    def _generateDefaultName(self):
        return "SwitchValueMissing"

    def parseImpl(self, instring, loc, do_actions=True):
        while loc > 0 and instring[loc - 1].isspace():
            loc -= 1
        msg = "PipelineValueRequired|"
        if self.FILE_FLAG.search(instring, max(0, loc - 5), loc):
            msg = "MissingFilenameOption|"
        raise pp.ParseFatalException(instring, loc, msg, self)


class SwitchClose(pp.Token):
    """The `}` of a switch body.  A body needs at least one clause, and what stops the
    clauses must be the `}`: otherwise MissingSwitchConditionExpression just after
    the last clause (or the `{`); at the end of the input, MissingEndCurlyBrace."""

    def __init__(self):
        super().__init__()
        self.mayReturnEmpty = False
        self.mayIndexError = False
        self.errmsg = "MissingSwitchConditionExpression|"

    def _generateDefaultName(self):
        return "SwitchClose"

    def parseImpl(self, instring, loc, do_actions=True):
        q = loc
        while q > 0 and (instring[q - 1].isspace() or instring[q - 1] == ";"):
            q -= 1
        no_clause = instring[q - 1:q] == "{"
        if not no_clause and instring.startswith("}", loc):
            return loc + 1, [loc + 1]
        if not no_clause and not instring[loc:].strip():
            raise pp.ParseFatalException(instring, loc, "MissingEndCurlyBrace|", self)
        raise pp.ParseFatalException(instring, q, "MissingSwitchConditionExpression|", self)


class StringToken(pp.Token):
    """A string literal ('...', "...", @'...'@, @"..."@) whose end the pre-scan found."""

    def __init__(self):
        super().__init__()
        self.mayReturnEmpty = False
        self.mayIndexError = False
        self.errmsg = "Expected string"

    def _generateDefaultName(self):
        return "string"

    def parseImpl(self, instring, loc, do_actions=True):
        r = b.string_token(instring, loc, do_actions)
        if r is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        end, node = r
        return end, ([node] if node is not None else [])


class GenericWord(pp.Token):
    """A generic token in argument mode, with quoted strings and `$( )` glued to it."""

    def __init__(self):
        super().__init__()
        self.mayReturnEmpty = False
        self.mayIndexError = False
        self.errmsg = "Expected bareword"

    def _generateDefaultName(self):
        return "bareword"

    def parseImpl(self, instring, loc, do_actions=True):
        r = b.generic_word(instring, loc, do_actions)
        if r is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return r[0], ([r[1]] if r[1] is not None else [])


class TypeDefinition(pp.Token):
    """`class Name [: Base] { ... }` / `enum Name { ... }`: the header, then the
    body up to its matching `}` (strings skipped); yields [header match, end]."""

    HEAD = re.compile(r"(?i:(?P<kind>class|enum))[ \t]+(?P<name>[A-Za-z_][\w.]*)\s*"
                      r"(?::\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*\s*)?\{")
    STOP = re.compile(r"[{}'\"\u2018-\u201e@]")
    KEYWORD = re.compile(r"(?i:(class|enum))")
    NAME = re.compile(r"[ \t]+[A-Za-z_][\w.]*(?:\s*:\s*[A-Za-z_][\w.]*(?:\s*,\s*[A-Za-z_][\w.]*)*)?")

    # `[Flags()] enum X { }`: attributes written before the keyword (the statement starts with `[`)
    ATTRIBUTES = re.compile(r"(?:\[[^\[\]\r\n]*\][ \t]*(?:\r?\n[ \t]*)?)+(?=(?i:class|enum)[ \t])")

    def __init__(self, attributed=False):
        super().__init__()
        self.mayReturnEmpty = False
        self.mayIndexError = False
        self.errmsg = "Expected type definition"
        self.attributed = attributed

    def _generateDefaultName(self):
        return "type_definition"

    def parseImpl(self, instring, loc, do_actions=True):
        attributes = ""
        if self.attributed:
            am = self.ATTRIBUTES.match(instring, loc)
            if am is None:
                raise pp.ParseException(instring, loc, self.errmsg, self)
            attributes, loc = am.group(0).strip(), am.end()
        m = self.HEAD.match(instring, loc)
        if m is None:
            km = self.KEYWORD.match(instring, loc)
            kw = km.group(1).lower()
            nm = self.NAME.match(instring, km.end())
            if nm is None:          # `class` alone: reported just after the keyword
                raise pp.ParseFatalException(instring, km.end(1), "MissingNameAfterKeyword|" + kw, self)
            # `class Name` without `{`: reported where the body should start
            raise pp.ParseFatalException(instring, nm.end(), "MissingTypeBody|" + kw, self)
        ends = instring.string_ends
        depth = 1
        i = m.end()
        while True:
            sm = self.STOP.search(instring, i)
            if sm is None:
                raise pp.ParseFatalException(instring, len(instring), "MissingEndCurlyBrace|", self)
            j = sm.start()
            e = ends.get(j)
            if e is not None:
                i = e
                continue
            c = instring[j]
            i = j + 1
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    return i, [m, i, attributes]


class Recover(pp.ParseElementEnhance):
    """A statement that 5.1 abandons after a noted error and parses on after: the inner
    element stops with the fatal "Recover|" (a Note before it holds the real error); the
    statement then ends there, as `build(s, start, end)` makes it."""

    def __init__(self, expr, build):
        super().__init__(expr)
        self.build = build

    def _generateDefaultName(self):
        return f"Recover({self.expr})"

    def parseImpl(self, instring, loc, do_actions=True):
        try:
            return self.expr._parse(instring, loc, do_actions, callPreParse=False)
        except pp.ParseFatalException as e:
            if e.msg != "Recover|":
                raise
            return e.loc, ([self.build(instring, loc, e.loc)] if do_actions else [])


class Skip(pp.Token):
    """A token that is matched and dropped (cheaper than Suppress(Regex): one element, no action)."""

    def __init__(self, pattern, ws=True):
        super().__init__()
        self.rx = re.compile(pattern)
        self.mayReturnEmpty = self.rx.match("") is not None
        self.mayIndexError = False
        self.errmsg = f"Expected {pattern}"
        if not ws:
            self.leave_whitespace()

    def _generateDefaultName(self):
        return f"Skip({self.rx.pattern})"

    def parseImpl(self, instring, loc, do_actions=True):
        m = self.rx.match(instring, loc)
        if m is None:
            raise pp.ParseException(instring, loc, self.errmsg, self)
        return m.end(), []


class Close(pp.Token):
    """A closing token: yields its end offset; when missing, a fatal error (or a
    plain failure when error_id is None)."""

    def __init__(self, pattern, error_id=None, arg="", after=True, back=None):
        super().__init__()
        self.rx = re.compile(pattern)
        self.msg = f"{error_id}|{arg}" if error_id else None
        self.after = after
        self.back = back            # characters to step back over before reporting (default: whitespace)
        self.mayReturnEmpty = False
        self.mayIndexError = False
        self.errmsg = self.msg or f"Expected {pattern}"

    def _generateDefaultName(self):
        return f"Close({self.rx.pattern})"

    def parseImpl(self, instring, loc, do_actions=True):
        m = self.rx.match(instring, loc)
        if m is None:
            if self.msg is None:
                raise pp.ParseException(instring, loc, self.errmsg, self)
            if self.after:
                back = self.back
                if back is None:
                    while loc > 0 and instring[loc - 1].isspace():
                        loc -= 1
                else:
                    while loc > 0 and instring[loc - 1] in back:
                        loc -= 1
            raise pp.ParseFatalException(instring, loc, self.msg, self)
        return m.end(), [m.end()]


class Dispatch(pp.ParseExpression):
    """Choose the alternative by the next one or two characters.

    table maps a 1- or 2-character string to an element (None: no match);
    unknown characters go to `default`.  optional=True: no match yields
    nothing instead of failing.  repeat=True: match as many times as possible
    (zero included), like ZeroOrMore of the dispatch but without the failing
    attempt (and its exception) at the end of every repetition.
    The table may be filled after creation (`fill`), so a Dispatch can serve
    as its own forward declaration.
    """

    def __init__(self, table=None, default=None, name="Dispatch", optional=False, repeat=False, end_check=None):
        super().__init__([])
        # end_check: (pattern, error id) that must match where the repetition stops
        self.end_rx = re.compile(end_check[0]) if end_check else None
        self.end_msg = f"{end_check[1]}|" if end_check else None
        self._dname = name
        self.optional = optional or repeat
        self.repeat = repeat
        self.callPreparse = True          # ParseExpression leaves whitespace to its children; we look at a char
        self.mayIndexError = False
        self.errmsg = f"Expected {name}"
        self.table = {}
        self.default = None
        self.two = False
        if table is not None or default is not None:
            self.fill(table or {}, default)

    def fill(self, table, default=None):
        self.table = dict(table)
        self.default = default
        self.two = any(len(k) == 2 for k in table)
        exprs = []
        for e in list(table.values()) + [default]:
            if e is not None and not any(e is x for x in exprs):
                exprs.append(e)
        self.exprs = exprs
        return self

    @property
    def mayReturnEmpty(self):
        return self.optional

    @mayReturnEmpty.setter
    def mayReturnEmpty(self, value):
        pass

    def _generateDefaultName(self):
        return self._dname

    def streamline(self):
        if not self.streamlined:
            self.streamlined = True
            for e in self.exprs:
                e.streamline()
        return self

    def _pick(self, instring, loc):
        table = self.table
        if self.two:
            e = table.get(instring[loc:loc + 2], False)
            if e is not False:
                return e
        return table.get(instring[loc:loc + 1], self.default)

    def parseImpl(self, instring, loc, do_actions=True):
        if not self.repeat:
            e = self._pick(instring, loc)
            if e is None:
                if self.optional:
                    return loc, []
                raise pp.ParseException(instring, loc, self.errmsg, self)
            if self.optional:
                try:
                    return e._parse(instring, loc, do_actions, callPreParse=False)
                except pp.ParseException:
                    return loc, []
            return e._parse(instring, loc, do_actions, callPreParse=False)
        acc = []
        skip = self.skipWhitespace
        white = self.whiteChars
        n = len(instring)
        while True:
            if skip:
                p = loc
                while p < n and instring[p] in white:
                    p += 1
            else:
                p = loc
            e = self._pick(instring, p)
            if e is not None:
                try:
                    loc, toks = e._parse(instring, p, do_actions, callPreParse=False)
                    acc.extend(toks)
                    continue
                except pp.ParseException:
                    pass
            if self.end_rx is not None and self.end_rx.match(instring, p) is None:
                raise pp.ParseFatalException(instring, p, self.end_msg, self)
            return loc, acc


class Peek(Dispatch):
    """Choose the alternative by lookahead patterns tried in order (no failing
    attempt, hence no exception, for the alternatives that do not apply);
    `default` when none matches (None: no match, or nothing when optional)."""

    def __init__(self, choices, default=None, name="Peek", optional=False):
        super().__init__({}, None, name, optional=optional)
        self.choices = [(re.compile(p), e) for p, e in choices]
        self.default = default
        exprs = []
        for _, e in self.choices:
            if not any(e is x for x in exprs):
                exprs.append(e)
        if default is not None and not any(default is x for x in exprs):
            exprs.append(default)
        self.exprs = exprs

    def _pick(self, instring, loc):
        for rx, e in self.choices:
            if rx.match(instring, loc) is not None:
                return e
        return self.default


class ExprPostfixes(Dispatch):
    """The postfix operators of an expression-mode operand, and then a `++`/`--`
    after whitespace (`$i ++`): in 5.1 a ++/-- token after any unary operand is
    its postfix operator, with or without space before it (argument mode keeps
    `$x ++` as two arguments)."""

    def __init__(self, table):
        super().__init__(table, None, "postfix", repeat=True)
        self.incdec = re.compile(T.INCDEC_AFTER_SPACE)

    def parseImpl(self, instring, loc, do_actions=True):
        loc, acc = super().parseImpl(instring, loc, do_actions)
        if instring[loc - 2:loc] in ("++", "--"):       # already has one (`$i++`)
            return loc, acc
        m = self.incdec.match(instring, loc)
        if m is None:
            return loc, acc
        op = "post++" if m.group().endswith("+") else "post--"
        if do_actions:
            acc.append((op, op, m.end()))
        return m.end(), acc


class AssignFast(pp.ParseElementEnhance):
    """`$name = statement` (and `+=` ...), the commonest statement of a script, in
    one step: the variable and operator by one regex, then the right-hand
    statement; anything else goes to `fallback` (expression_statement).  Builds
    the same AssignmentStatementAst as the full rule."""

    def __init__(self, statement, fallback, end_pattern):
        super().__init__(fallback)
        self.rx = re.compile(r"(?P<v>(?>" + T.VARIABLE_RE + r"))[ \t]*(?P<assign>" + T.ASSIGN_RE + r")")
        self.statement = statement
        self.end_rx = re.compile(end_pattern)
        self.white = frozenset(T.INLINE_WS)
        self.callPreparse = True
        self.skipWhitespace = True
        self.set_whitespace_chars(T.INLINE_WS)

    def _generateDefaultName(self):
        return "simple_assignment"

    def recurse(self):
        return [self.expr, self.statement]

    def parseImpl(self, instring, loc, do_actions=True):
        m = self.rx.match(instring, loc)
        if m is None:
            return self.expr._parse(instring, loc, do_actions, callPreParse=False)
        q = m.end()
        try:
            end, toks = self.statement._parse(instring, q, do_actions)
        except pp.ParseFatalException:
            raise
        except pp.ParseException:
            while q > 0 and instring[q - 1].isspace():
                q -= 1
            raise pp.ParseFatalException(instring, q, "ExpectedValueExpression|@prev", self)
        p = end
        n = len(instring)
        white = self.white
        while p < n and instring[p] in white:
            p += 1
        if self.end_rx.match(instring, p) is None:
            raise pp.ParseFatalException(instring, p, "UnexpectedToken|", self)
        if not do_actions:
            return end, []
        var = b.variable_from_match(m, m.start("v"), m.end("v"))
        op = m.group("op")
        if op and op in T.DASHES:
            op = "-"
        return end, [b.expression_statement(instring, loc, [var, (op + "=", m.start("assign"))] + toks)]


class KeywordDispatch(Dispatch):
    """Choose a statement rule by the keyword at the current position; other
    text goes to `default`."""

    def __init__(self, pattern, table, name, default=None):
        super().__init__(table, default, name)
        self.rx = re.compile(pattern, re.I)

    def parseImpl(self, instring, loc, do_actions=True):
        m = self.rx.match(instring, loc)
        if m is None:
            if self.default is None:
                raise pp.ParseException(instring, loc, self.errmsg, self)
            return self.default._parse(instring, loc, do_actions, callPreParse=False)
        return self.table[m.group(1).lower()]._parse(instring, loc, do_actions, callPreParse=False)


class Fast(pp.ParseElementEnhance):
    """A fast path: where `pattern` matches, build the node from the match
    directly (one element call); elsewhere defer to the full rule `fallback`."""

    def __init__(self, pattern, build, fallback, name="Fast"):
        super().__init__(fallback)
        self.rx = re.compile(pattern)
        self.build = build
        self._dname = name
        self.callPreparse = True
        self.skipWhitespace = True
        self.set_whitespace_chars(T.INLINE_WS)

    def _generateDefaultName(self):
        return self._dname

    def parseImpl(self, instring, loc, do_actions=True):
        m = self.rx.match(instring, loc)
        if m is not None:
            return m.end(), ([self.build(m)] if do_actions else [])
        return self.expr._parse(instring, loc, do_actions, callPreParse=False)


class FastString(pp.ParseElementEnhance):
    """A string literal not followed by a postfix operator: built directly."""

    def __init__(self, fallback, after):
        super().__init__(fallback)
        self.after = re.compile(after)
        self.callPreparse = True
        self.skipWhitespace = True
        self.set_whitespace_chars(T.INLINE_WS)

    def _generateDefaultName(self):
        return "string_fast"

    def parseImpl(self, instring, loc, do_actions=True):
        end = instring.string_ends.get(loc)
        if end is not None and self.after.match(instring, end):
            r = b.string_token(instring, loc, do_actions)
            return r[0], ([r[1]] if r[1] is not None else [])
        return self.expr._parse(instring, loc, do_actions, callPreParse=False)


class BinaryChain(pp.ParseElementEnhance):
    """operand (operator operand)*, flat, as one element; builder.binary_chain
    builds the precedence tree.  `operator` is the binary_operator element
    (its regex is applied directly); with_comma also takes `,`."""

    def __init__(self, operand, operator, with_comma, name):
        super().__init__(operand)
        self.operator = operator
        self.op_rx = operator.re
        self.with_comma = with_comma
        self.first = frozenset(T.DASHES + "+*/%." + ("," if with_comma else ""))
        self._dname = name
        self.white = frozenset(T.INLINE_WS)

    def _generateDefaultName(self):
        return self._dname

    def recurse(self):
        return [self.expr, self.operator]

    def parseImpl(self, instring, loc, do_actions=True):
        operand = self.expr
        loc, toks = operand._parse(instring, loc, do_actions, callPreParse=False)
        items = list(toks)
        n = len(instring)
        white = self.white
        first = self.first
        while True:
            p = loc
            while p < n and instring[p] in white:
                p += 1
            c = instring[p:p + 1]
            if c not in first or c == "":
                break
            if c == ",":
                if not self.with_comma:
                    break
                q = p + 1
                while q < n and instring[q].isspace():
                    q += 1
                op = ","
                errid, arg = "MissingExpressionAfterToken", ","
            else:
                m = self.op_rx.match(instring, p)
                if m is None:
                    break
                q = m.end()
                op = b.binary_op_from_match(m)
                errid, arg = "ExpectedValueExpression", m.group(0).strip()
            try:
                loc, toks = operand._parse(instring, q, do_actions)
            except pp.ParseException:
                while q > 0 and instring[q - 1].isspace():
                    q -= 1
                raise pp.ParseFatalException(instring, q, f"{errid}|{arg}", self)
            items.append(op)
            items.extend(toks)
        if not do_actions:
            return loc, []
        if len(items) == 1:
            return loc, items
        return loc, [b.build_chain(items)]


def inline_forwards(root):
    """Bypass Forward elements (they only pass calls through) once the grammar is complete."""
    seen = set()
    stack = [root]

    def unwrap(e):
        while isinstance(e, pp.Forward) and e.expr is not None and not e.parseAction:
            e = e.expr
        return e

    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, Dispatch):
            e.table = {k: (unwrap(v) if v is not None else None) for k, v in e.table.items()}
            if e.default is not None:
                e.default = unwrap(e.default)
            e.exprs = [unwrap(x) for x in e.exprs]
            stack.extend(e.exprs)
        elif isinstance(e, pp.ParseExpression):
            e.exprs = [unwrap(x) for x in e.exprs]
            stack.extend(e.exprs)
        elif isinstance(e, pp.ParseElementEnhance):
            if e.expr is not None:
                if not isinstance(e, pp.Forward):
                    e.expr = unwrap(e.expr)
                stack.append(e.expr)
            if isinstance(e, BinaryChain):
                stack.append(e.operator)


# ---------------------------------------------------------------------------

def _named(elem, name):
    elem.set_name(name)
    _NAMED[name] = elem
    return elem


def named_elements() -> dict:
    build()
    return dict(_NAMED)


class Grammar:
    def __init__(self, script, subexpression):
        self.script = script
        self.subexpression = subexpression


_built: Grammar | None = None
_build_lock = threading.Lock()


def build() -> Grammar:
    """The grammar, built on first use (once, whichever thread asks first).  Once built
    it is never changed: parses share it and keep their own state in the text."""
    g = _built
    if g is not None:
        return g
    return _build_once()


def _build_once() -> Grammar:
    global _built
    with _build_lock:
        if _built is None:
            # pyparsing's default whitespace (a class attribute) is left alone: lean.convert
            # gives every element that would take the default pshim's inline whitespace
            _built = _build()
        return _built


def _build() -> Grammar:
    N = _named
    Opt, ZM, OM, MF = pp.Opt, pp.ZeroOrMore, pp.OneOrMore, pp.MatchFirst

    def R(pattern, match=False, flags=0, ws=True, action=None):
        e = pp.Regex(pattern, flags, as_match=match)
        if not ws:
            e.leave_whitespace()
        if action is not None:
            e.add_parse_action(action)
        return e

    KB = T.KEYWORD_BOUNDARY
    QUOTES = T.SQUOTES + T.DQUOTES
    ENDERS = {c: None for c in ";|)}\r\n"}
    ENDERS[""] = None

    def KW(words, lead=False):
        pat = (r"\s*" if lead else "") + r"(?i:" + words + r")" + KB
        return R(pat, action=b.keyword_value)

    # --- forward declarations (Dispatch objects are filled in later)
    statement = Dispatch(name="statement")
    pipeline_statement = pp.Forward()
    expression = pp.Forward()
    arg_expression = pp.Forward()
    unary_expression = Dispatch(name="unary_expression")
    command_argument = pp.Forward()
    script_block_body = pp.Forward()

    # --- lexical
    sep = N(R(r"[;\r\n][\s;]*"), "statement_separator")
    nls = Skip(r"\s*")
    variable = N(R(T.VARIABLE_RE, match=True, action=b.variable), "variable")
    splat = N(R(T.SPLAT_RE, match=True, action=b.splat), "splat")
    number = N(R(T.NUMBER_RE, match=True, action=b.number), "number")
    string = N(StringToken(), "string_literal")
    type_literal = N(R(T.TYPE_LITERAL_RE, match=True, action=b.type_literal), "type_literal")
    comma = Skip(r",\s*")
    list_comma = Skip(r"\s*,\s*")

    # --- blocks
    statement_list = N(Dispatch({"\r": sep, "\n": sep, ";": sep, "}": None, ")": None, "": None},
                                statement, "statement_list", repeat=True)
                       .add_parse_action(b.statement_list), "statement_list")
    statement_block = N((Skip(r"\s*\{") + statement_list + Close(r"\}", "MissingEndCurlyBrace"))
                        .add_parse_action(b.statement_block), "statement_block")

    # --- attributes and parameters
    attr_named_arg = (R(r"(?P<n>[A-Za-z_]\w*)\s*=\s*", match=True)
                      + (arg_expression | Fail("MissingExpressionInNamedArgument"))).add_parse_action(b.attr_named)
    attr_bare_arg = R(r"[A-Za-z_]\w*(?=\s*[,)])", action=b.attr_bare)
    attribute_argument = N(attr_named_arg | attr_bare_arg | arg_expression, "attribute_argument")
    attribute = N((R(T.ATTRIBUTE_OPEN_RE, match=True, action=b.attribute_open)
                   + Opt(attribute_argument + ZM(list_comma + (attribute_argument | Fail("MissingArgument"))))
                   + Close(r"\s*\)\s*\]", "EndSquareBracketExpectedAtEndOfAttribute"))
                  .add_parse_action(b.attribute), "attribute")
    type_constraint = N(R(T.TYPE_LITERAL_RE, match=True, action=b.type_constraint), "type_constraint")
    attribute_or_type = Peek([(T.ATTRIBUTE_OPEN_RE, attribute), (r"\[", type_constraint)], None,
                             "attribute_or_type", optional=True)
    parameter_declaration = N((Dispatch({"[": attribute_or_type + nls}, None, "parameter_attributes", repeat=True)
                               + (variable | splat)           # `@a`: parsed, then SplattingNotPermitted
                               + Opt(Skip(r"\s*=(?!=)\s*") + (arg_expression | Fail("ExpectedValueExpression", "=")))
                               ).add_parse_action(b.parameter_decl), "parameter_declaration")
    parameter_list = N((Skip(r"\(\s*")
                        + Opt(parameter_declaration + ZM(list_comma + (parameter_declaration
                                                                       | Fail("InvalidFunctionParameter"))))
                        + Close(r"\s*\)", "MissingEndParenthesisInFunctionParameterList")),
                       "parameter_list")
    param_block = N((ZM(attribute + nls) + R(r"(?i:param)\s*(?=\()")
                     + parameter_list).add_parse_action(b.param_block), "param_block")

    named_block = N((R(r"(?i:begin|process|end|dynamicparam)" + KB, action=b.keyword_value)
                     + Opt(statement_block)).add_parse_action(b.named_block), "named_block")
    named_blocks = OM(named_block + Opt(sep).suppress())
    body_start = Skip(r"[\s;]*")
    script_block_body <<= (body_start + Peek([(r"\[|(?i:param)\s*\(", param_block)], None, "param_block?",
                                             optional=True)
                           + body_start + Peek([(r"(?i:begin|process|end|dynamicparam)" + KB, named_blocks)],
                                               statement_list, "script_block_content"))
    N(script_block_body, "script_block_body")
    script_block = N((Skip(r"\{") + script_block_body + Close(r"\}", "MissingEndCurlyBrace"))
                     .add_parse_action(b.script_block), "script_block")
    script_block_expression = N(script_block.copy().add_parse_action(b.script_block_expression),
                                "script_block_expression")

    # --- primary expressions
    paren_expression = N((Skip(r"\(\s*") + (pipeline_statement | Fail("ExpectedExpression"))
                          + Close(r"\s*\)", "MissingEndParenthesisInExpression"))
                         .add_parse_action(b.paren_expression), "paren_expression")
    sub_expression = N((Skip(r"\$\(") + statement_list + Close(r"\)", "MissingEndParenthesisInSubexpression"))
                       .add_parse_action(b.sub_expression), "sub_expression")
    array_expression = N((Skip(r"@\(") + statement_list + Close(r"\)", "MissingEndParenthesisInSubexpression"))
                         .add_parse_action(b.array_expression), "array_expression")
    hash_key = R(T.HASH_KEY_RE, match=True, action=b.hash_key)
    hash_entry = N(((hash_key | unary_expression) + (Skip(r"=(?!=)\s*") | Fail("MissingEqualsInHashLiteral"))
                    + (statement | Fail("MissingStatementInHashLiteral")))
                   .add_parse_action(b.hash_entry), "hash_entry")
    hashtable = N((Skip(r"@\{") + Dispatch({"\r": sep, "\n": sep, ";": sep, "}": None, "": None}, hash_entry,
                                           "hash_entries", repeat=True)
                   + Close(r"\}", "IncompleteHashLiteral", back=" \t\f\v\r\n;"))
                  .add_parse_action(b.hashtable), "hashtable")
    splat_in_expression = R(T.SPLAT_RE, match=True, action=lambda s, l, t: b.fatal(
        s, l, "SplattingNotPermitted", t[0].group("name")))

    primary_table = {"$(": sub_expression, "$": variable,
                     "@(": array_expression, "@{": hashtable, "@": splat_in_expression,
                     "(": paren_expression, "{": script_block_expression, "[": type_literal}
    for q in QUOTES:
        primary_table[q] = string
        primary_table["@" + q] = string
    for d in "0123456789.":
        primary_table[d] = number
    primary = N(Dispatch(primary_table, None, "primary"), "primary")

    # --- postfix operators (no whitespace before them)
    member_target = Dispatch({"$": variable, "$(": sub_expression, "(": paren_expression,
                              **{q: string for q in QUOTES}},
                             R(T.MEMBER_NAME_RE, match=True, ws=False), "member_target")
    member_target.leave_whitespace(recursive=False)
    call_arguments = N((Skip(r"\(\s*", ws=False)
                        + Opt(arg_expression + ZM(comma + (arg_expression | Fail("MissingExpressionAfterToken", ","))))
                        + Close(r"\s*\)", "MissingEndParenthesisInMethodCall")), "call_arguments")
    member_access = N(((R(r"\.|::", ws=False) + (member_target | Fail("MissingPropertyName")))
                       .add_parse_action(b.member_name) + Opt(call_arguments))
                      .add_parse_action(b.member_access), "member_access")
    index_access = N((Skip(r"\[\s*", ws=False) + (expression | Fail("MissingArrayIndexExpression"))
                      + Close(r"\s*\]", "MissingEndSquareBracket"))
                     .add_parse_action(b.index_access), "index_access")
    post_incdec = R(r"\+\+|--", ws=False, action=b.postfix_incdec)
    simple_member = Fast(r"(?:\.|::)" + T.MEMBER_NAME_RE + r"(?![(\w])", b.member_from_match, member_access,
                         "simple_member")
    simple_member.leave_whitespace(recursive=False)
    postfix_table = {"..": None, ".": simple_member, "::": member_access, "[": index_access,
                     "++": post_incdec, "--": post_incdec}
    postfixes = Dispatch(postfix_table, None, "postfix", repeat=True)
    postfixes.leave_whitespace(recursive=False)
    expr_postfixes = ExprPostfixes(postfix_table)
    expr_postfixes.leave_whitespace(recursive=False)
    postfix_expression = N((primary + expr_postfixes).add_parse_action(b.postfix_chain), "postfix_expression")

    # --- unary and binary expressions
    prefix_operator = N(R(T.UNARY_RE, match=True, action=b.unary_op), "unary_operator")
    prefix_expression = (prefix_operator + (unary_expression | Fail("MissingExpressionAfterOperator", "@prev"))
                         ).add_parse_action(b.unary)
    cast_expression = N((type_literal + unary_expression).add_parse_action(b.cast), "cast_expression")
    attributed_expression = (attribute + nls + Opt(unary_expression)).add_parse_action(b.attributed_expression)
    unary_table = {c: prefix_expression for c in "!,+" + T.DASHES}
    unary_table["["] = MF([cast_expression, attributed_expression, postfix_expression])
    unary_table["$"] = Fast(T.SIMPLE_VARIABLE_RE, b.variable_from_match, postfix_expression, "simple_variable")
    for d in "0123456789":
        unary_table[d] = Fast(T.SIMPLE_NUMBER_RE, b.number_from_match, postfix_expression, "simple_number")
    fast_string = FastString(postfix_expression, T.NO_POSTFIX_EXPR)
    for q in QUOTES:
        unary_table[q] = fast_string
    unary_expression.fill(unary_table, postfix_expression)
    N(unary_expression, "unary_expression")
    # In a comma-separated argument list (method call, attribute, param default) 5.1 disables the comma
    # operator: an operand never starts with a unary `,`, so `[Enum]::IsDefined([Color], 'Green')` passes the
    # type literal [Color] and a second argument (elsewhere `[T] ,x` is a cast of the array `,x`).
    arg_unary_expression = Dispatch(name="arg_unary_expression")
    arg_cast_expression = N((type_literal + arg_unary_expression).add_parse_action(b.cast), "arg_cast_expression")
    arg_unary_table = {k: v for k, v in unary_table.items() if k != ","}
    arg_unary_table["["] = MF([arg_cast_expression, attributed_expression, postfix_expression])
    arg_unary_expression.fill(arg_unary_table, postfix_expression)
    N(arg_unary_expression, "arg_unary_expression")

    binary_operator = N(R(T.BINARY_RE, match=True, action=b.binary_op), "binary_operator")
    arg_expression <<= BinaryChain(arg_unary_expression, binary_operator, False, "arg_expression")
    N(arg_expression, "arg_expression")
    expression <<= BinaryChain(unary_expression, binary_operator, True, "expression")
    N(expression, "expression")

    # --- commands (argument mode)
    arg_end = Skip(T.ARG_END, ws=False)
    bareword = N(GenericWord(), "bareword")
    arg_number = R(r"(?P<sign>[-\u2013\u2014\u2015+])?" + T.ARG_NUMBER_RE, match=True, action=b.arg_number)
    arg_postfix = (primary + postfixes).add_parse_action(b.postfix_chain)
    number_or_word = MF([arg_number, bareword])
    argument_table = {"$": Fast(T.ARG_VARIABLE_RE, b.variable_from_match, MF([arg_postfix + arg_end, bareword]),
                                "argument_variable"), "$(": arg_postfix,
                      "@(": arg_postfix, "@{": arg_postfix, "@": MF([splat + arg_end, bareword]),
                      "(": arg_postfix, "{": arg_postfix, "&": None, "<": None, ">": None, ",": None, **ENDERS}
    fast_arg_string = FastString(arg_postfix, T.NO_POSTFIX)
    for q in QUOTES:
        argument_table[q] = fast_arg_string
        argument_table["@" + q] = fast_arg_string
    for d in "0123456789.+" + T.DASHES:
        argument_table[d] = number_or_word
    argument = N(Dispatch(argument_table, bareword, "argument"), "argument")
    command_argument <<= (argument + Dispatch({",": comma + (argument | Fail("MissingExpression", ","))}, None,
                                              "argument_list", repeat=True)).add_parse_action(b.argument_list)
    N(command_argument, "command_argument")

    parameter = N(((R(T.PARAMETER_BASE + r"(?P<colon>:)", match=True)
                    + (command_argument | Fail("ParameterRequiresArgument", "@prev")))
                   | R(T.PARAMETER_BASE + r"(?P<colon>)(?=[\s;|){},&<>]|\Z)",
                       match=True)).add_parse_action(b.parameter), "parameter")
    redirection = N(((R(r"(?P<from>[1-6*])?(?P<merge>>&(?P<to>[1-6]))(?P<op>)", match=True))
                     | (R(r"(?P<from>[1-6*])?(?P<merge>)(?P<to>)(?P<op>>>|>)", match=True)
                        + (argument | Fail("MissingFileSpecification")))).add_parse_action(b.redirection),
                    "redirection")
    redirection_table = {d + ">": redirection for d in "123456*"}
    redirection_table[">"] = redirection
    comma_argument = (Skip(r",\s*") + Opt(argument)).add_parse_action(b.comma_argument)
    element_table = dict(argument_table)
    element_table.update(redirection_table)
    element_table[","] = comma_argument
    for d in T.DASHES:
        element_table[d] = Fast(T.PARAMETER_BASE + r"(?P<colon>)" + T.ARG_END, b.parameter_from_match,
                                MF([parameter, argument]), "simple_parameter")
    element_table["<"] = Fail("RedirectionNotSupported", "<", after=False)
    verbatim = N(R(r"--%(?P<rest>[^\r\n]*)", match=True, action=b.verbatim_argument), "verbatim_argument")
    element_table["--"] = MF([verbatim, element_table["-"]])
    command_elements = N(Dispatch(element_table, argument, "command_element", repeat=True),
                         "command_element")

    command_name = N(R(T.COMMAND_NAME_RE, action=b.command_name), "command_name")
    invocation_operator = R(r"&|\.(?=[\s$({'\"\u2018-\u201e])", action=lambda s, l, t: t[0])
    # the name after `&`/`.` is read as an argument is (5.1 reads it in command mode):
    # `. $env:X\bin\f.ps1` is one expandable word, `& $x.Name` / `& $a[0]` are expressions
    invoked = Dispatch({"$": argument_table["$"], "(": arg_postfix, "{": arg_postfix,
                        **{q: arg_postfix for q in QUOTES}, "&": None, "<": None, ">": None, ",": None,
                        **ENDERS}, command_name, "invoked")
    invoked_command = (invocation_operator + (invoked | Fail("MissingExpression", "@prev")) + command_elements
                       ).add_parse_action(b.command)
    plain_command = (command_name + command_elements).add_parse_action(b.command)
    command = N(Dispatch({"&": invoked_command, ".": MF([invoked_command, plain_command])}, plain_command,
                         "command"), "command")

    pipe_segment = Skip(r"\|(?!\|)\s*") + (command | PipeFail())
    statement_end = (r"[;\r\n)}]|\Z", "UnexpectedToken")
    pipe_tail = N(Dispatch({"|": pipe_segment}, None, "pipe_tail", repeat=True, end_check=statement_end),
                  "pipe_tail")
    command_pipeline = N((command + pipe_tail).add_parse_action(b.pipeline), "command_pipeline")
    plain_pipeline = (plain_command + pipe_tail).add_parse_action(b.pipeline)
    assign_operator = N(R(T.ASSIGN_RE, match=True, action=b.assign_op), "assignment_operator")
    assignment_tail = assign_operator + (statement | Fail("ExpectedValueExpression", "@prev"))
    assign_table = {"=": assignment_tail}
    for c in "+*/%" + T.DASHES:
        assign_table[c + "="] = assignment_tail
    expression_tail = N(Dispatch({**assign_table, **redirection_table, "|": pipe_segment}, None,
                                 "expression_tail", repeat=True, end_check=statement_end), "expression_tail")
    expression_statement = N((expression + expression_tail)
                             .add_parse_action(b.expression_statement), "expression_statement")
    first_table = {c: plain_pipeline for c in "?%\\/~_"}
    first_table["&"] = command_pipeline
    for c in "abcdefghijklmnopqrstuvwxyz":
        first_table[c] = first_table[c.upper()] = plain_pipeline
    first_table["."] = MF([command_pipeline, expression_statement])
    for c in "$@([{!,+-*<>=|;)}\r\n\t `" + QUOTES + T.DASHES:
        first_table[c] = expression_statement
    first_table["$"] = AssignFast(statement, expression_statement, statement_end[0])
    first_table["|"] = Fail("EmptyPipeElement", after=False)         # a pipeline cannot start with `|`
    first_table["||"] = expression_statement
    digit_statement = MF([plain_pipeline, expression_statement])     # `7z.exe a x.zip` is a command
    for c in "0123456789":
        first_table[c] = digit_statement
    pipeline_statement <<= Dispatch(first_table, MF([command_pipeline, expression_statement]), "pipeline")
    N(pipeline_statement, "pipeline")

    # --- statements
    lparen = Skip(r"\(\s*")

    def cond(kw, msg_open, msg_missing, msg_close, arg=None):
        a = kw if arg is None else arg
        return ((lparen | Fail(msg_open, a)) + (pipeline_statement | Fail(msg_missing, a))
                + (Skip(r"\s*\)") | Fail(msg_close, a)))

    def block(error_id, arg=""):
        return statement_block | Fail(error_id, arg)

    if_statement = N((KW("if") + cond("if", "MissingOpenParenthesisInIfStatement", "IfStatementMissingCondition",
                                      "MissingEndParenthesisAfterStatement")
                      + block("MissingStatementBlock", "if")
                      + ZM(KW("elseif", lead=True)
                           + cond("elseif", "MissingOpenParenthesisInIfStatement", "IfStatementMissingCondition",
                                  "MissingEndParenthesisAfterStatement")
                           + block("MissingStatementBlock", "elseif"))
                      + Opt(KW("else", lead=True) + block("MissingStatementBlockAfterElse")))
                     .add_parse_action(b.if_statement), "if_statement")
    while_statement = N((KW("while") + cond("while", "MissingOpenParenthesisAfterKeyword",
                                            "MissingExpressionAfterKeyword", "MissingEndParenthesisAfterStatement")
                         + block("MissingLoopStatement", "while"))
                        .add_parse_action(b.while_statement), "while_statement")
    do_statement = N((KW("do") + block("MissingLoopStatement", "do")
                      + (KW("while|until", lead=True) | Fail("MissingWhileOrUntilInDoWhile"))
                      + (lparen | Fail("MissingOpenParenthesisAfterKeyword", "while"))
                      + (pipeline_statement | Fail("MissingExpressionAfterKeyword", "while"))
                      + Close(r"\s*\)", "MissingEndParenthesisAfterStatement", "while"))
                     .add_parse_action(b.do_statement), "do_statement")
    for_separator = R(r"\s*;\s*", action=b.marker(";")) | R(r"[\r\n]\s*", action=b.marker(";"))
    for_statement = N((KW("for") + (lparen | Fail("MissingOpenParenthesisAfterKeyword", "for"))
                       + Opt(pipeline_statement) + Opt(for_separator) + Opt(pipeline_statement)
                       + Opt(for_separator) + Opt(pipeline_statement)
                       + (Skip(r"\s*\)") | Fail("MissingEndParenthesisAfterStatement", "for"))
                       + block("MissingLoopStatement", "for"))
                      .add_parse_action(b.for_statement), "for_statement")
    foreach_statement = N((KW("foreach") + (lparen | Fail("MissingOpenParenthesisAfterKeyword", "foreach"))
                           + (variable | splat | Fail("MissingVariableNameAfterForeach"))
                           + (Skip(r"\s*(?i:in)(?![\w-])\s*") | Fail("MissingInInForeach"))
                           + (pipeline_statement | Fail("MissingForeachExpression"))
                           + (Skip(r"\s*\)") | Fail("MissingEndParenthesisAfterForeach"))
                           + block("MissingForeachStatement"))
                          .add_parse_action(b.foreach_statement), "foreach_statement")
    switch_flag = N(R(T.DASH + r"(?P<flag>[A-Za-z]+)(?![\w-])", match=True, action=b.switch_flag), "switch_flag")
    switch_clause = N((command_argument + block("MissingSwitchStatementClause"))
                      .add_parse_action(b.switch_clause), "switch_clause")
    # `-file path` may not be followed by `( value )` as well
    # (5.1 notes the error and reads the `( value )` on, then wants the `{`)
    no_paren_after_file = Dispatch({"(": Note("PipelineValueRequired", after=False) + lparen + Opt(pipeline_statement)
                                    + (Skip(r"\s*\)") | Fail("MissingEndParenthesisInSwitchStatement"))},
                                   None, "switch_file_end", optional=True)
    switch_statement = N((KW("switch") + ZM(switch_flag)
                          + ((lparen + ((pipeline_statement
                                         + (Skip(r"\s*\)") | Fail("MissingEndParenthesisInSwitchStatement")))
                                        # `()`: noted, and the `{` still wanted; `(` alone: the error
                                        | (Skip(r"(?=\s*\))") + Note("PipelineValueRequired") + Skip(r"\s*\)"))
                                        | Fail("PipelineValueRequired")))
                             | (Skip(r"(?!\{)") + command_argument + no_paren_after_file)
                             | SwitchValueMissing())
                          + (Skip(r"\s*\{") | Fail("MissingCurlyBraceInSwitchStatement"))
                          + Dispatch({"\r": sep, "\n": sep, ";": sep, "}": None, "": None}, switch_clause,
                                     "switch_clauses", repeat=True)
                          + SwitchClose())
                         .add_parse_action(b.switch_statement), "switch_statement")
    catch_clause = N((KW("catch", lead=True)
                      + Opt(type_literal + ZM(list_comma + (type_literal | Fail("MissingTypeLiteralToken"))))
                      + block("MissingCatchHandlerBlock"))
                     .add_parse_action(b.catch_clause), "catch_clause")
    try_statement = N((KW("try") + block("MissingTryStatementBlock")
                       + ZM(catch_clause)
                       + Opt(KW("finally", lead=True) + block("MissingFinallyStatementBlock")))
                      .add_parse_action(b.try_statement), "try_statement")
    trap_statement = N((KW("trap") + Opt(type_literal) + block("MissingTrapStatement"))
                       .add_parse_action(b.trap_statement), "trap_statement")
    function_body = (Skip(r"\s*\{") + script_block_body + Close(r"\}", "MissingEndCurlyBrace")
                     ).add_parse_action(b.script_block)
    function_statement = N((KW("function|filter")
                            + (R(T.FUNCTION_NAME_RE) | Fail("MissingNameAfterKeyword", "function"))
                            + Opt(parameter_list.copy().add_parse_action(b.parameter_list))
                            + (function_body | Fail("MissingFunctionBody")))
                           .add_parse_action(b.function_definition), "function_statement")
    flow_label = MF([R(r"[A-Za-z_]\w*" + T.ARG_END, action=b.bareword), variable])
    break_statement = N((KW("break|continue") + Opt(flow_label)).add_parse_action(b.flow_statement),
                        "break_statement")
    return_statement = N((KW("return|exit|throw") + Opt(pipeline_statement)).add_parse_action(b.flow_statement),
                         "return_statement")
    # a missing command name is noted and ends the data statement (5.1 parses on after it)
    data_command = (Skip(r"'[^'\r\n]*'|\"[^\"\r\n]*\"|[^\s{}();,|&<>'\"]+")
                    | (Note("MissingValueForSupportedCommandInDataSectionStatement") + Fail("Recover", after=False)))
    supported_command = N(R(T.DASH + r"(?P<name>[A-Za-z_?][\w?-]*)", match=True, action=b.data_parameter)
                          + nls + data_command + ZM(Skip(r"[ \t]*,\s*") + data_command), "supported_command")
    data_statement = N(Recover((KW("data") + Opt(R(r"(?!" + T.DASH + r")[A-Za-z_]\w*(?![\w-])"))
                                + Opt(supported_command) + block("MissingStatementBlockForDataSection"))
                               .add_parse_action(b.data_statement), b.data_abandoned), "data_statement")
    using_kind = R(r"(?i:namespace|module|assembly|type|command)" + KB, action=b.keyword_value)
    using_alias = Skip(r"[ \t]*=[ \t]*") + (argument | Fail("MissingNamespaceAlias"))
    using_statement = N((KW("using") + (using_kind | Fail("MissingUsingStatementDirective"))
                         + (argument | UsingItemMissing()) + Opt(using_alias)
                         + Check(r"[ \t]*(?:[;\r\n]|\Z)", "MissingStatementTerminator"))
                        .add_parse_action(b.using_statement), "using_statement")
    # `using` after the first statement: parsed, then UsingMustBeAtStartOfScript
    misplaced_using = pp.And([using_statement]).add_parse_action(b.misplaced_using)
    misplaced = R(r"\w+", action=b.misplaced_keyword)

    table = {"if": if_statement, "while": while_statement, "do": do_statement, "for": for_statement,
             "foreach": foreach_statement, "switch": switch_statement, "try": try_statement,
             "trap": trap_statement, "function": function_statement, "filter": function_statement,
             "break": break_statement, "continue": break_statement, "return": return_statement,
             "exit": return_statement, "throw": return_statement, "data": data_statement}
    type_definition = N(TypeDefinition().add_parse_action(b.type_definition), "type_definition")
    table["class"] = table["enum"] = type_definition
    attributed_type_definition = N(TypeDefinition(attributed=True).add_parse_action(b.type_definition),
                                   "type_definition")
    for w in T.MISPLACED_KEYWORDS:
        table[w] = misplaced
    table["using"] = misplaced_using
    kw_pattern = r"(" + "|".join(sorted(table, key=len, reverse=True)) + r")" + KB
    keyword_statement = N(KeywordDispatch(kw_pattern, table, "keyword_statement", plain_pipeline),
                          "keyword_statement")
    loops = {k: table[k] for k in ("while", "do", "for", "foreach", "switch")}
    loop_pattern = r"(" + "|".join(loops) + r")" + KB
    labeled_statement = N((R(T.LABEL_RE + r"[ \t]*", match=True)
                           + KeywordDispatch(loop_pattern, loops, "loop_statement"))
                          .add_parse_action(b.labeled_statement), "labeled_statement")
    statement_table = {c: keyword_statement for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    statement_table[":"] = labeled_statement
    statement_table["["] = MF([attributed_type_definition, pipeline_statement])
    statement.fill(statement_table, pipeline_statement)
    N(statement, "statement")
    statement_list.table.update(statement_table)
    statement_list.default = pipeline_statement

    script = N((Skip(r"[\s;]*") + ZM(using_statement + Skip(r"[\s;]*")) + script_block_body
                + Check(r"\Z", "UnexpectedToken")), "script")

    inline_forwards(script)
    script.streamline()
    sub_expression.streamline()
    lean.convert(script, sub_expression, custom=(Fail, Note, UsingItemMissing, Check, PipeFail, StringToken, Skip, Close, Dispatch,
                                                 GenericWord, TypeDefinition, AssignFast, Fast, FastString,
                                                 BinaryChain, SwitchValueMissing, SwitchClose, Recover),
                 white=T.INLINE_WS)
    return Grammar(script, sub_expression)
