"""Parse actions: pyparsing results -> pshim.language.ast nodes.

Every action has pyparsing's full `(s, loc, toks)` signature.  `loc` is the
start offset of the match; the end offset is taken from the last token: a
closing token (`)`, `}`, `]`, keywords at the end) yields its end offset as a
plain int, and every Ast node carries its extent.  Nodes are never mutated
after they are built (packrat may hand the same node to two alternatives).

A parse keeps no state outside itself: the text the grammar reads is a
`ParseText`, a str carrying its parse's context (the SourceText, the string
ends, the subexpression element, the checks list), and every action reaches
that context through its `s` argument (or a match's `m.string`); so two
threads or two sessions parse at once.  `s.checks` collects the nodes that
5.1's post-parse checks look at (duplicate parameters, flow out of finally,
duplicate hash keys, ...): the actions only note them (a list append), and
semantic_checks.check examines them once the whole text has parsed, so syntax
errors are reported first, as 5.1 does, and a parse pays nothing for a walk.

Errors are raised as pyparsing ParseFatalException whose message is
"ErrorId|arg" (a plain string survives packrat's exception caching); the
parser turns them into pshim ParseError items.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from pyparsing import ParseFatalException, ParseException, ParseBaseException

from . import ast as A
from .extent import Extent
from .tokens import (ESCAPES, EXPAND_PIECE, PRECEDENCE, DQUOTES, SQUOTES, SWITCH_FLAGS,
                     ScanError, _HERE_HEAD, prescan)


class ParseText(str):
    """The (clean) text of one parse, with that parse's context as attributes:
    source (SourceText, for extents), string_ends ({start: end} of every string
    literal), subexpression (the grammar element for `$( ... )`) and checks
    ((kind, node) for semantic_checks, in parse order).  Slices of it are plain
    str; regex matches keep it as `m.string`."""

    def __new__(cls, text, source, string_ends, subexpression, checks):
        self = str.__new__(cls, text)
        self.source = source
        self.string_ends = string_ends
        self.subexpression = subexpression
        self.checks = checks
        return self


# an empty list field (no redirections, no traps, no using lines): one shared empty tuple rather than
# an empty list per node (fewer objects for the cyclic collector; nodes are never mutated)
NONE = ()


def fatal(s, loc, error_id, arg=""):
    raise ParseFatalException(s, loc, f"{error_id}|{arg}")


def ext(s, start, end):
    return Extent(s.source, start, end)


def end_of(tok):
    if isinstance(tok, int):
        return tok
    if isinstance(tok, A.Ast):
        return tok.extent.end
    if isinstance(tok, re.Match):
        return tok.end()
    raise TypeError(f"no end for {tok!r}")


# ---------------------------------------------------------------------------
# small token actions

def close_end(s, loc, toks):
    """A closing token (`)`, `}`, `]`): its end offset."""
    return loc + len(toks[0])


def keyword_value(s, loc, toks):
    """A keyword token: its lower-case text without surrounding space."""
    return toks[0].strip().lower()


def marker(value):
    def action(s, loc, toks):
        return value
    return action


# ---------------------------------------------------------------------------
# Numbers

_MULT = {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3, "t": 1024 ** 4, "p": 1024 ** 5}
I32 = 2 ** 31
I64 = 2 ** 63


def number_value(m):
    """(value, type_hint) of a NUMBER_BODY match."""
    hexpart, dec, suffix, mult = m.group("hex"), m.group("dec"), m.group("suffix"), m.group("mult")
    suffix = suffix.lower() if suffix else ""
    factor = _MULT[mult[0].lower()] if mult else 1
    if hexpart is not None:
        v = int(hexpart[2:], 16)
        if suffix == "l" or v >= 2 ** 32:
            if v >= 2 ** 64:
                return float(v) * factor, None
            if v >= I64:
                v -= 2 ** 64
            v *= factor
            return v, "long"
        if v >= I32:
            v -= 2 ** 32          # 0xFFFFFFFF is -1 (Int32)
        v *= factor
        if suffix == "d":
            return Decimal(v), "decimal"
        if -I32 <= v < I32:
            return v, None
        return v, "long"
    is_real = "." in dec or "e" in dec or "E" in dec
    if suffix == "d":
        return Decimal(dec) * factor, "decimal"
    if is_real:
        if suffix == "l":
            v = int(round(Decimal(dec))) * factor
            return v, "long"
        return float(dec) * factor, None
    v = int(dec) * factor
    if suffix == "l":
        if v >= I64:
            return float(v), None
        return v, "long"
    if v < I32:
        return v, None
    if v < I64:
        return v, "long"
    if v < 2 ** 96:
        return Decimal(v), "decimal"
    return float(v), None


def number(s, loc, toks):
    return number_from_match(toks[0])


def number_from_match(m):
    value, hint = number_value(m)
    return A.ConstantExpressionAst(value=value, type_hint=hint, extent=ext(m.string, m.start(), m.end()))


# ---------------------------------------------------------------------------
# Variables

def _split_scope(name):
    if ":" in name:
        scope, _, rest = name.partition(":")
        if scope and re.fullmatch(r"\w+", scope):
            return scope.lower(), rest
    return None, name


def _braced_name(raw):
    out = []
    i = 0
    while i < len(raw):
        c = raw[i]
        if c == "`" and i + 1 < len(raw):
            out.append(raw[i + 1])
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def variable_from_match(m, start=None, end=None):
    braced = m.group("braced")
    if braced is not None:
        if not braced:
            fatal(m.string, m.start(), "EmptyVariableReference")
        scope, name = _split_scope(_braced_name(braced))
    else:
        name = m.group("name")
        if name is None:
            name = m.group("special")
            scope = None
        else:
            scope = m.group("scope")
            scope = scope.lower() if scope else None
    return A.VariableExpressionAst(name=name, scope=scope,
                                   extent=ext(m.string, m.start() if start is None else start,
                                              m.end() if end is None else end))


def variable(s, loc, toks):
    return variable_from_match(toks[0])


def splat(s, loc, toks):
    m = toks[0]
    return A.VariableExpressionAst(name=m.group("name"), splatted=True, extent=ext(s, m.start(), m.end()))


# ---------------------------------------------------------------------------
# Strings

def _unescape_bare(text):
    if "`" not in text:
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "`" and i + 1 < n:
            d = text[i + 1]
            out.append(ESCAPES.get(d, d))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _expand(s, body_start, body_end, here):
    """Parts of an expandable body text[body_start:body_end] (offsets into the clean text)."""
    parts = []
    buf = []
    expandable = False
    i = body_start
    text = s
    while i < body_end:
        m = EXPAND_PIECE.match(text, i, body_end)
        g = m.lastgroup
        if g == "text":
            buf.append(m.group("text"))
            i = m.end()
        elif g == "esc":
            d = m.group("esc")
            buf.append(ESCAPES.get(d, d))
            i = m.end()
        elif g == "dq":
            q = m.group("dq")
            if here:
                buf.append(q)
            else:
                buf.append(q[0])          # "" is one literal quote
            i = m.end()
        elif g == "dollar":
            buf.append("$")
            i = m.end()
        elif g == "sub":
            if buf:
                parts.append("".join(buf))
                buf = []
            if here:
                node, i = parse_subexpression_at(text, m.start())
            else:
                node, i = _string_subexpression(text, m.start(), body_end)
            parts.append(node)
            expandable = True
        else:
            if buf:
                parts.append("".join(buf))
                buf = []
            if g == "special":
                parts.append(A.VariableExpressionAst(name=m.group("special"), extent=ext(s, m.start(), m.end())))
            else:
                parts.append(variable_from_match(m))
            expandable = True
            i = m.end()
    if buf:
        parts.append("".join(buf))
    return parts, expandable


# in a "..." string, `" and "" inside $( ) stand for one quote in the code
_QUOTE_PAIR = re.compile(r'[`"\u201c\u201d\u201e]["\u201c\u201d\u201e]')


def _string_subexpression(s, pos, body_end):
    """`$( )` at pos inside a double-quoted (not here-) string.

    5.1 reads such a subexpression as the string's own text first: up to the `)`
    that balances the `$(` (parentheses counted, nothing else), with a backtick-quote and `""`
    each standing for one `"`; then it parses that text as code.  So
    "$(if ($x -ne `"`") { 'y' })" compares $x with an empty string.  When the
    text holds no such pair the code is parsed in place; otherwise it is parsed
    from a copy of the source in which the pairs are collapsed and the freed
    characters moved, as blanks, before the closing `)` (same length, so every
    offset outside the subexpression is unchanged)."""
    if _QUOTE_PAIR.search(s, pos + 2, body_end) is None:
        return parse_subexpression_at(s, pos)
    code = []
    depth = 1
    i = pos + 2
    collapsed = False
    while i < body_end:
        c = s[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                break
        elif c in _ESCAPE_OR_DQ and s[i + 1:i + 2] in _DQ_SET:
            i += 1
            c = s[i]
            collapsed = True
        code.append(c)
        i += 1
    if depth != 0 or not collapsed:
        return parse_subexpression_at(s, pos)
    close = i
    body = "".join(code)
    body += " " * (close - (pos + 2) - len(body))
    try:
        scan = prescan(body)
    except ScanError as e:
        fatal(s, pos + 2 + e.start, e.error_id, e.arg)
    ends = dict(s.string_ends)
    for k, v in scan.string_ends.items():
        ends[pos + 2 + k] = pos + 2 + v
    text = ParseText(s[:pos + 2] + scan.clean + s[close:], s.source, ends, s.subexpression, s.checks)
    return parse_subexpression_at(text, pos)


_ESCAPE_OR_DQ = frozenset("`" + DQUOTES)
_DQ_SET = frozenset(DQUOTES)


def parse_subexpression_at(s, pos):
    """Parse `$( ... )` starting at pos with the grammar; return (node, end)."""
    try:
        end, res = s.subexpression._parse(s, pos)
    except ParseFatalException:
        raise
    except ParseException:
        fatal(s, pos, "MissingEndParenthesisInSubexpression")
    return res[0], end


def string_token(s, loc, do_actions):
    """Used by the grammar's string token: (end, node) of the literal at loc, or None."""
    end = s.string_ends.get(loc)
    if end is None:
        return None
    if not do_actions:
        return end, None
    c = s[loc]
    if c in SQUOTES:
        body = s[loc + 1:end - 1]
        value = re.sub(r"['\u2018-\u201b]{2}", lambda mm: mm.group(0)[0], body)
        return end, A.StringConstantExpressionAst(value=value, kind="single", extent=ext(s, loc, end))
    if c in DQUOTES:
        parts, expandable = _expand(s, loc + 1, end - 1, False)
        raw = s[loc + 1:end - 1]
        if not expandable:
            return end, A.StringConstantExpressionAst(value="".join(parts), kind="double", extent=ext(s, loc, end))
        return end, A.ExpandableStringExpressionAst(value=raw, parts=parts, kind="double", extent=ext(s, loc, end))
    # here-string
    hm = _HERE_HEAD.match(s, loc)
    body_start = hm.end()
    body_end = end - 3                 # the "\n" before the closing quote+@
    if body_end < body_start:
        body_start = body_end = hm.end() - 1 if hm.end() - 1 < end - 2 else body_start
        content_start = content_end = body_start
    else:
        content_start, content_end = body_start, body_end
    if content_end > content_start and s[content_end - 1] == "\r":
        content_end -= 1
    if content_end < content_start:
        content_end = content_start
    if hm.group(1) in SQUOTES:
        return end, A.StringConstantExpressionAst(value=s[content_start:content_end], kind="single_here",
                                                  extent=ext(s, loc, end))
    parts, expandable = _expand(s, content_start, content_end, True)
    if not expandable:
        return end, A.StringConstantExpressionAst(value="".join(parts), kind="double_here", extent=ext(s, loc, end))
    return end, A.ExpandableStringExpressionAst(value=s[content_start:content_end], parts=parts,
                                                kind="double_here", extent=ext(s, loc, end))


_DOLLAR_IN_BARE = re.compile(r"\$(?:\{|[\w?]|[$^](?![\w]))")


def bareword(s, loc, toks):
    """A generic token in argument mode: a string, or an expandable string if it holds `$name`."""
    text = toks[0]
    end = loc + len(text)
    if "$" in text and _DOLLAR_IN_BARE.search(text):
        parts, expandable = _expand_bare(s, loc, end)
        if expandable:
            return A.ExpandableStringExpressionAst(value=text, parts=parts, kind="bare", extent=ext(s, loc, end))
        return A.StringConstantExpressionAst(value="".join(parts), kind="bare", extent=ext(s, loc, end))
    return A.StringConstantExpressionAst(value=_unescape_bare(text), kind="bare", extent=ext(s, loc, end))



# a piece of a generic token up to a glued quote or `$(`
_WORD_PIECE = re.compile(r"(?:[^\s{}();,|&<>`$'\u2018-\u201e\"]|\$\{[^}]*\}|\$(?!\()|`[\s\S])+")


def generic_word(s, loc, do_actions):
    """A generic token in argument mode, quoted strings and `$( )` glued to it
    included (`a"b c"d` is the one argument `ab cd`, `a$(1)b` is `a1b`).
    Returns (end, node) or None."""
    m = _WORD_PIECE.match(s, loc)
    if m is None:
        return None
    end = m.end()
    c = s[end:end + 1]
    if not c or (c not in _GLUE_FIRST) or (c == "$" and s[end + 1:end + 2] != "("):
        return end, (bareword(s, loc, [m.group()]) if do_actions else None)
    parts, buf = [], []
    expandable = False
    ends = s.string_ends
    i = loc

    def flush():
        if buf:
            parts.append("".join(buf))
            buf.clear()

    def add(ps):
        for p in ps:
            if isinstance(p, str):
                buf.append(p)
            else:
                flush()
                parts.append(p)

    while True:
        c = s[i:i + 1]
        if not c:
            break
        if c in _GLUE_QUOTES and i in ends:
            e = ends[i]
            if c in SQUOTES:
                buf.append(re.sub(r"['\u2018-\u201b]{2}", lambda mm: mm.group(0)[0], s[i + 1:e - 1]))
            else:
                ps, x = _expand(s, i + 1, e - 1, False)
                expandable = expandable or x
                add(ps)
            i = e
        elif c == "$" and s[i + 1:i + 2] == "(":
            node, i = parse_subexpression_at(s, i)
            flush()
            parts.append(node)
            expandable = True
        else:
            m = _WORD_PIECE.match(s, i)
            if m is None:
                break
            ps, x = _expand_bare(s, i, m.end())
            expandable = expandable or x
            add(ps)
            i = m.end()
    flush()
    if not do_actions:
        return i, None
    if not expandable:
        return i, A.StringConstantExpressionAst(value="".join(parts), kind="bare", extent=ext(s, loc, i))
    return i, A.ExpandableStringExpressionAst(value=s[loc:i], parts=parts, kind="bare", extent=ext(s, loc, i))


_GLUE_QUOTES = frozenset(SQUOTES + DQUOTES)
_GLUE_FIRST = frozenset(SQUOTES + DQUOTES + "$")


_BARE_PIECE = re.compile(
    r"(?P<text>[^`$]+)|`(?P<esc>[\s\S])|\$\{(?P<braced>[^}]*)\}"
    r"|\$(?:(?P<scope>[A-Za-z_]\w*):(?=[\w?]))?(?P<name>[\w?]+)|\$(?P<special>[$^])|(?P<dollar>\$)")


def _expand_bare(s, start, end):
    parts, buf = [], []
    expandable = False
    i = start
    while i < end:
        m = _BARE_PIECE.match(s, i, end)
        g = m.lastgroup
        if g == "text":
            buf.append(m.group("text"))
        elif g == "esc":
            d = m.group("esc")
            buf.append(ESCAPES.get(d, d))
        elif g == "dollar":
            buf.append("$")
        else:
            if buf:
                parts.append("".join(buf))
                buf = []
            if g == "special":
                parts.append(A.VariableExpressionAst(name=m.group("special"), extent=ext(s, m.start(), m.end())))
            else:
                parts.append(variable_from_match(m))
            expandable = True
        i = m.end()
    if buf:
        parts.append("".join(buf))
    return parts, expandable


def command_name(s, loc, toks):
    text = toks[0]
    return A.StringConstantExpressionAst(value=_unescape_bare(text), kind="bare", extent=ext(s, loc, loc + len(text)))


# ---------------------------------------------------------------------------
# Expressions

def binary_op(s, loc, toks):
    return binary_op_from_match(toks[0])


def binary_op_from_match(m):
    op = m.group("dop")
    if op is not None:
        return op.lower()
    op = m.group("sop")
    if op in ("\u2013", "\u2014", "\u2015"):
        return "-"
    return op


def unary_op(s, loc, toks):
    m = toks[0]
    op = m.group("dop")
    if op is not None:
        return (op.lower(), m.start(), m.end())
    op = m.group("sop")
    if len(op) == 2 and op[0] in "-\u2013\u2014\u2015":
        op = "--"
    elif op in ("\u2013", "\u2014", "\u2015"):
        op = "-"
    return (op, m.start(), m.end())


def _make_binary(op, left, right):
    e = Extent(left.extent.source, left.extent.start, right.extent.end)
    if op == ",":
        if isinstance(left, A.ArrayLiteralAst) and getattr(left, "_flat", False):
            node = A.ArrayLiteralAst(elements=left.elements + [right], extent=e)
        else:
            node = A.ArrayLiteralAst(elements=[left, right], extent=e)
        node._flat = True
        return node
    return A.BinaryExpressionAst(operator=op, left=left, right=right, extent=e)


def binary_chain(s, loc, toks):
    """operand (op operand)* -> a tree by precedence (all binary operators are left-associative)."""
    if len(toks) == 1:
        return toks[0]
    return build_chain(list(toks))


def build_chain(items):
    """The precedence tree of a flat `operand (op operand)*` list (precedence climbing)."""
    if len(items) == 3:
        return _make_binary(items[1], items[0], items[2])
    return _climb(items, [1], items[0], 0)


def _climb(items, pos, lhs, min_prec):
    # pos: a one-element list (the shared cursor).  A module-level function, not a
    # closure: a recursive closure is a reference cycle left for the cyclic collector.
    n = len(items)
    while pos[0] < n:
        op = items[pos[0]]
        prec = PRECEDENCE[op]
        if prec < min_prec:
            break
        rhs = items[pos[0] + 1]
        pos[0] += 2
        while pos[0] < n and PRECEDENCE[items[pos[0]]] > prec:
            rhs = _climb(items, pos, rhs, PRECEDENCE[items[pos[0]]])
        lhs = _make_binary(op, lhs, rhs)
    return lhs


def unary(s, loc, toks):
    op, start, _ = toks[0]
    operand = toks[1]
    if op == "-" and type(operand) is A.ConstantExpressionAst and isinstance(operand.value, (int, float, Decimal)) \
            and not isinstance(operand.value, bool):
        return A.ConstantExpressionAst(value=-operand.value, type_hint=operand.type_hint,
                                       extent=ext(s, start, operand.extent.end))
    node = A.UnaryExpressionAst(operator=op, operand=operand, extent=ext(s, start, operand.extent.end))
    if (op == "++" or op == "--") and not isinstance(operand, _SIMPLE_TARGET):
        s.checks.append(("incdec", node))
    return node


# operands ++/-- and assignments always accept (anything else is examined after the parse)
_SIMPLE_TARGET = (A.VariableExpressionAst, A.MemberExpressionAst, A.IndexExpressionAst)


def type_literal(s, loc, toks):
    m = toks[0]
    return A.TypeExpressionAst(type_name=_type_name(m.group("type")), extent=ext(s, m.start(), m.end()))


def _type_name(t):
    return re.sub(r"\s+", "", t)


def cast(s, loc, toks):
    t, child = toks[0], toks[1]
    node = A.ConvertExpressionAst(type_name=t.type_name, child=child, type_extent=t.extent,
                                  extent=ext(s, t.extent.start, child.extent.end))
    if isinstance(child, (A.ConvertExpressionAst, A.AttributedExpressionAst)) \
            or t.type_name.lower() in _CHECKED_CASTS:
        s.checks.append(("convert", node))
    return node


# casts the post-parse checks look at even without another cast below them
_CHECKED_CASTS = frozenset(("ref", "psreference", "management.automation.psreference",
                            "system.management.automation.psreference", "ordered"))


def attributed_expression(s, loc, toks):
    """attribute [newlines] operand: an attribute (with parentheses) must apply to an
    expression; without one it is UnexpectedAttribute, reported on the attribute."""
    attr = toks[0]
    if len(toks) < 2:
        fatal(s, attr.extent.start, "UnexpectedAttribute", f"{attr.type_name}|{attr.extent.end}")
    child = toks[1]
    node = A.AttributedExpressionAst(attribute=attr, child=child, extent=ext(s, attr.extent.start, child.extent.end))
    s.checks.append(("attributed", node))
    return node


def postfix_chain(s, loc, toks):
    """primary followed by postfix operations, each a tuple (kind, ...) built by the postfix actions."""
    node = toks[0]
    start = node.extent.start
    for op in toks[1:]:
        kind = op[0]
        if kind == "member":
            _, member, static, args, end = op
            if args is None:
                node = A.MemberExpressionAst(target=node, member=member, static=static, extent=ext(s, start, end))
            else:
                node = A.InvokeMemberExpressionAst(target=node, member=member, static=static, arguments=args,
                                                   extent=ext(s, start, end))
        elif kind == "index":
            node = A.IndexExpressionAst(target=node, index=op[1], extent=ext(s, start, op[2]))
        else:   # post++ / post--
            operand = node
            node = A.UnaryExpressionAst(operator=op[1], operand=operand, extent=ext(s, start, op[2]))
            if not isinstance(operand, _SIMPLE_TARGET):
                s.checks.append(("incdec", node))
    return node


def member_name(s, loc, toks):
    """`.Name` / `::Name` / `.$x` / `.'x'` / `.(expr)` -> (static, member node)."""
    sep = toks[0]
    static = sep.startswith("::")
    member = toks[1]
    if isinstance(member, re.Match):
        member = A.StringConstantExpressionAst(value=member.group("name"), kind="bare",
                                               extent=ext(s, member.start(), member.end()))
    return [(static, member)]


def member_from_match(m):
    """`.Name` / `::Name` without call parentheses (fast path)."""
    member = A.StringConstantExpressionAst(value=m.group("name"), kind="bare", extent=ext(m.string, m.start("name"), m.end()))
    return ("member", member, m.group(0)[0] == ":", None, m.end())


def member_access(s, loc, toks):
    static, member = toks[0]
    if len(toks) > 1:
        args = list(toks[1:-1])
        end = toks[-1]
        return [("member", member, static, args, end)]
    return [("member", member, static, None, member.extent.end)]


def index_access(s, loc, toks):
    return [("index", toks[0], toks[1])]


def postfix_incdec(s, loc, toks):
    op = toks[0]
    return [("post" + ("++" if op == "++" else "--"), "post" + ("++" if op == "++" else "--"), loc + 2)]


def paren_expression(s, loc, toks):
    return A.ParenExpressionAst(pipeline=toks[0], extent=ext(s, loc, toks[1]))


def sub_expression(s, loc, toks):
    return A.SubExpressionAst(body=toks[0], extent=ext(s, loc, toks[1]))


def array_expression(s, loc, toks):
    return A.ArrayExpressionAst(body=toks[0], extent=ext(s, loc, toks[1]))


def hash_key(s, loc, toks):
    m = toks[0]
    return A.StringConstantExpressionAst(value=m.group("key"), kind="bare", extent=ext(s, m.start(), m.end()))


def hash_entry(s, loc, toks):
    return [(toks[0], toks[1])]


def hashtable(s, loc, toks):
    pairs = [t for t in toks[:-1] if isinstance(t, tuple)]
    node = A.HashtableAst(pairs=pairs, extent=ext(s, loc, toks[-1]))
    if len(pairs) > 1:
        s.checks.append(("hashtable", node))
    return node


def script_block_expression(s, loc, toks):
    sb = toks[0]
    return A.ScriptBlockExpressionAst(script_block=sb, extent=sb.extent)


def argument_list(s, loc, toks):
    """arg (, arg)* in argument mode -> the arg, or an ArrayLiteralAst."""
    if len(toks) == 1:
        return toks[0]
    elems = list(toks)
    node = A.ArrayLiteralAst(elements=elems, extent=ext(s, elems[0].extent.start, elems[-1].extent.end))
    _note_splats(s, elems)
    return node


def _note_splats(s, elems):
    for e in elems:
        if type(e) is A.VariableExpressionAst and e.splatted:
            s.checks.append(("splat_in_list", e))


# ---------------------------------------------------------------------------
# Commands and pipelines

def parameter_from_match(m):
    return A.CommandParameterAst(name=m.group("name"), extent=ext(m.string, m.start(), m.end()))


def parameter(s, loc, toks):
    m = toks[0]
    name = m.group("name")
    if m.group("colon"):
        if len(toks) < 2:
            fatal(s, m.end(), "ParameterRequiresArgument", "-" + name)
        arg = toks[1]
        return A.CommandParameterAst(name=name, argument=arg, colon=True, extent=ext(s, m.start(), arg.extent.end))
    return A.CommandParameterAst(name=name, extent=ext(s, m.start(), m.end()))


def redirection(s, loc, toks):
    m = toks[0]
    frm = m.group("from") or "1"
    if m.group("merge"):
        return A.MergingRedirectionAst(from_stream=frm, to_stream=m.group("to"), extent=ext(s, m.start(), m.end()))
    target = toks[1]
    return A.FileRedirectionAst(from_stream=frm, target=target, append=m.group("op") == ">>",
                                extent=ext(s, m.start(), target.extent.end))


class _Comma:
    """A `,` that starts a command element (`a ,b`); pos is its offset."""
    __slots__ = ("pos",)

    def __init__(self, pos):
        self.pos = pos


def comma_argument(s, loc, toks):
    return [_Comma(loc)] + list(toks)


def command(s, loc, toks):
    elements = []
    redirs = []
    inv = None
    items = toks
    first = items[0]
    if isinstance(first, str):
        inv = first
        items = items[1:]
    pending = None
    for t in items:
        if type(t) is _Comma:
            if pending is not None:
                fatal(s, pending.pos + 1, "MissingExpression", ",")
            prev = elements[-1] if len(elements) > 1 else None
            if prev is None or isinstance(prev, A.CommandParameterAst):
                # a comma where an argument should start (`Write-Output ,1`, `gcm -a ,1`)
                fatal(s, t.pos, "MissingArgument")
            pending = t
        elif isinstance(t, A.RedirectionAst):
            if pending is not None:
                fatal(s, pending.pos + 1, "MissingExpression", ",")
            redirs.append(t)
        elif pending is not None:
            if isinstance(t, A.CommandParameterAst):
                fatal(s, pending.pos + 1, "MissingExpression", ",")
            pending = None
            prev = elements[-1]
            if isinstance(prev, A.ArrayLiteralAst) and getattr(prev, "_args", False):
                node = A.ArrayLiteralAst(elements=prev.elements + [t], extent=ext(s, prev.extent.start, t.extent.end))
            else:
                node = A.ArrayLiteralAst(elements=[prev, t], extent=ext(s, prev.extent.start, t.extent.end))
            node._args = True
            _note_splats(s, (prev, t))
            elements[-1] = node
        else:
            elements.append(t)
    if pending is not None:
        fatal(s, pending.pos + 1, "MissingExpression", ",")
    end = max(elements[-1].extent.end, redirs[-1].extent.end if redirs else 0)
    return A.CommandAst(elements=elements, invocation_operator=inv, redirections=redirs or NONE, extent=ext(s, loc, end))


def expression_element(s, loc, toks):
    expr = toks[0]
    if len(toks) == 1:
        return A.CommandExpressionAst(expression=expr, redirections=NONE, extent=expr.extent)
    redirs = list(toks[1:])
    return A.CommandExpressionAst(expression=expr, redirections=redirs,
                                  extent=ext(s, expr.extent.start, redirs[-1].extent.end))


def pipeline(s, loc, toks):
    elems = list(toks)
    if len(elems) == 1:
        return A.PipelineAst(elements=elems, extent=elems[0].extent)
    return A.PipelineAst(elements=elems, extent=ext(s, elems[0].extent.start, elems[-1].extent.end))


_ASSIGNABLE = (A.VariableExpressionAst, A.MemberExpressionAst, A.IndexExpressionAst)


def _check_assignable(s, node):
    if isinstance(node, A.InvokeMemberExpressionAst):
        # a parameterized property: `$sheet.Cells.Item(1, 2) = "x"` (COM / .NET indexers)
        return not node.static
    if isinstance(node, _ASSIGNABLE):
        return not (isinstance(node, A.VariableExpressionAst) and node.splatted)
    if isinstance(node, A.ConvertExpressionAst):
        return _check_assignable(s, node.child)
    if isinstance(node, A.AttributedExpressionAst):
        return _check_assignable(s, node.child)
    if isinstance(node, A.ArrayLiteralAst):
        return all(_check_assignable(s, e) for e in node.elements)
    if isinstance(node, A.ParenExpressionAst):
        p = node.pipeline
        if isinstance(p, A.PipelineAst) and len(p.elements) == 1 and isinstance(p.elements[0], A.CommandExpressionAst):
            return _check_assignable(s, p.elements[0].expression)
    return False


def assign_op(s, loc, toks):
    m = toks[0]
    op = (m.group("op") or "")
    if op in ("\u2013", "\u2014", "\u2015"):
        op = "-"
    return (op + "=", m.start())


def expression_statement(s, loc, toks):
    """expression [redirections] (| command)*  or  expression assign-op statement."""
    first = toks[0]
    if len(toks) >= 2 and isinstance(toks[1], tuple):
        op, oploc = toks[1]
        right = toks[2]
        if not _check_assignable(s, first):
            raise ParseFatalException(s, first.extent.start, "InvalidLeftHandSide|")
        node = A.AssignmentStatementAst(left=first, operator=op, right=right,
                                        extent=ext(s, first.extent.start, right.extent.end))
        if type(first) is not A.VariableExpressionAst:
            s.checks.append(("assign", node))
        return node
    redirs = []
    i = 1
    n = len(toks)
    while i < n and isinstance(toks[i], A.RedirectionAst):
        redirs.append(toks[i])
        i += 1
    if redirs:
        elems = [A.CommandExpressionAst(expression=first, redirections=redirs,
                                        extent=ext(s, first.extent.start, redirs[-1].extent.end))]
    else:
        elems = [A.CommandExpressionAst(expression=first, redirections=NONE, extent=first.extent)]
    for t in toks[i:]:
        if isinstance(t, tuple):         # an assignment operator after a redirection or a pipe
            raise ParseFatalException(s, t[1], "UnexpectedToken|")
        if isinstance(t, A.RedirectionAst):
            raise ParseFatalException(s, t.extent.start, "UnexpectedToken|")
        elems.append(t)
    if len(elems) == 1:
        return A.PipelineAst(elements=elems, extent=elems[0].extent)
    return A.PipelineAst(elements=elems, extent=ext(s, elems[0].extent.start, elems[-1].extent.end))


# ---------------------------------------------------------------------------
# Blocks

def statement_list(s, loc, toks):
    stmts = []
    traps = []
    for t in toks:
        if isinstance(t, A.TrapStatementAst):
            traps.append(t)
        elif isinstance(t, A.Ast):
            stmts.append(t)
    return A.StatementBlockAst(statements=stmts, traps=traps or NONE, extent=ext(s, loc, loc))


def statement_block(s, loc, toks):
    """{ statement_list } -> StatementBlockAst with the braces' extent."""
    body = toks[0]
    return A.StatementBlockAst(statements=body.statements, traps=body.traps, extent=ext(s, loc, toks[1]))


def named_block(s, loc, toks):
    kind = toks[0]
    if len(toks) < 2:           # `begin` with no `{ }` after it: noted, and the parse goes on (as 5.1's)
        at = loc + len(kind)
        s.checks.append(("syntax", (at, at, "MissingNamedStatementBlock", kind)))
        return A.NamedBlockAst(kind=kind, body=A.StatementBlockAst(extent=ext(s, at, at)), extent=ext(s, loc, at))
    body = toks[1]
    return A.NamedBlockAst(kind=kind, body=body, extent=ext(s, loc, body.extent.end))


def script_body(s, toks, start, end, is_filter=False):
    """Assemble a ScriptBlockAst from [using...] [ParamBlockAst] (NamedBlockAst... | StatementBlockAst)."""
    sb = A.ScriptBlockAst(using=NONE, requires=NONE, extent=ext(s, start, end))
    using = []
    for t in toks:
        if isinstance(t, tuple) and t and t[0] == "using":
            using.append(t[1])
        elif isinstance(t, A.ParamBlockAst):
            sb.param_block = t
        elif isinstance(t, A.NamedBlockAst):
            if getattr(sb, t.kind) is not None:
                fatal(s, t.extent.start, "DuplicateScriptCommandClause", t.kind)
            setattr(sb, t.kind, t)
        elif isinstance(t, A.StatementBlockAst):
            kind = "process" if is_filter else "end"
            setattr(sb, kind, A.NamedBlockAst(kind=kind, body=t, unnamed=True, extent=t.extent))
    if using:
        sb.using = using
    if sb.begin is None and sb.process is None and sb.end is None and sb.dynamicparam is None:
        kind = "process" if is_filter else "end"
        setattr(sb, kind, A.NamedBlockAst(kind=kind, body=A.StatementBlockAst(extent=ext(s, start, start)),
                                          unnamed=True, extent=ext(s, start, start)))
    return sb


def script_block(s, loc, toks):
    """{ [param] body } -> ScriptBlockAst (extent includes braces)."""
    return script_body(s, toks[:-1], loc, toks[-1])


def body_block(s, loc, toks):
    """The unnamed body of a script block: statements with the extent they span."""
    body = toks[0]
    return body


# ---------------------------------------------------------------------------
# Parameters and attributes

def attribute_open(s, loc, toks):
    m = toks[0]
    return (m.group("type"), m.start())


def attr_named(s, loc, toks):
    m = toks[0]
    name = m.group("n")
    value = toks[1] if len(toks) > 1 else None
    return [("named", name, value, m.start("n"))]


def attr_bare(s, loc, toks):
    return [("named", toks[0], None, loc)]


def attribute(s, loc, toks):
    name, start = toks[0]
    end = toks[-1]
    positional = []
    named = {}
    seen = None
    for t in toks[1:-1]:
        if isinstance(t, tuple) and t[0] == "named":
            key = t[1].lower()
            if seen is None:
                seen = set()
            if key in seen:         # `[Parameter(Mandatory, mandatory=$false)]`
                s.checks.append(("error", (t[3], t[3] + len(t[1]), "DuplicateNamedArgument", t[1])))
            seen.add(key)
            named[t[1]] = t[2]
        else:
            positional.append(t)
    node = A.AttributeAst(type_name=name, positional=positional, named=named, extent=ext(s, start, end))
    for v in positional:
        if type(v) not in _CONSTANT_ARGS:
            s.checks.append(("attribute", node))
            return node
    for v in named.values():
        if v is not None and type(v) not in _CONSTANT_ARGS:
            s.checks.append(("attribute", node))
            break
    return node


# attribute arguments that need no further look (anything else is examined after the parse)
_CONSTANT_ARGS = frozenset((A.ConstantExpressionAst, A.StringConstantExpressionAst, A.ScriptBlockExpressionAst,
                            A.TypeExpressionAst))


def type_constraint(s, loc, toks):
    m = toks[0]
    return A.TypeConstraintAst(type_name=_type_name(m.group("type")), extent=ext(s, m.start(), m.end()))


def parameter_decl(s, loc, toks):
    attrs = []
    var = None
    default = None
    for t in toks:
        if isinstance(t, (A.AttributeAst, A.TypeConstraintAst)):
            attrs.append(t)
        elif var is None and isinstance(t, A.VariableExpressionAst):
            var = t
        else:
            default = t
    end = default.extent.end if default is not None else var.extent.end
    start = attrs[0].extent.start if attrs else var.extent.start
    if var.splatted:
        s.checks.append(("splat", var))
    return A.ParameterAst(name=var.name, attributes=attrs, default=default, name_extent=var.extent,
                          extent=ext(s, start, end))


def param_block(s, loc, toks):
    attrs = [t for t in toks if isinstance(t, A.AttributeAst)]
    params = [t for t in toks if isinstance(t, A.ParameterAst)]
    end = toks[-1]
    start = attrs[0].extent.start if attrs else loc
    node = A.ParamBlockAst(attributes=attrs, parameters=params, extent=ext(s, start, end))
    if params:
        s.checks.append(("parameters", params))
    return node


def parameter_list(s, loc, toks):
    return [list(t for t in toks if isinstance(t, A.ParameterAst))]


# ---------------------------------------------------------------------------
# Statements

def if_statement(s, loc, toks):
    clauses = []
    else_body = None
    items = list(toks)
    i = 0
    while i < len(items):
        t = items[i]
        if t in ("if", "elseif"):
            clauses.append((items[i + 1], items[i + 2]))
            i += 3
        elif t == "else":
            else_body = items[i + 1]
            i += 2
        else:
            i += 1
    last = else_body if else_body is not None else clauses[-1][1]
    return A.IfStatementAst(clauses=clauses, else_body=else_body, extent=ext(s, loc, last.extent.end))


def while_statement(s, loc, toks):
    cond, body = toks[1], toks[2]
    return A.WhileStatementAst(condition=cond, body=body, extent=ext(s, loc, body.extent.end))


def do_statement(s, loc, toks):
    body, kind, cond, end = toks[1], toks[2], toks[3], toks[4]
    cls = A.DoWhileStatementAst if kind == "while" else A.DoUntilStatementAst
    return cls(body=body, condition=cond, extent=ext(s, loc, end))


def for_statement(s, loc, toks):
    slots = [None, None, None]
    idx = 0
    body = toks[-1]
    for t in toks[1:-1]:
        if t == ";":
            idx += 1
        elif isinstance(t, A.Ast):
            if idx > 2:
                fatal(s, t.extent.start, "UnexpectedToken", t.extent.text)
            slots[idx] = t
    return A.ForStatementAst(initializer=slots[0], condition=slots[1], iterator=slots[2], body=body,
                             extent=ext(s, loc, body.extent.end))


def foreach_statement(s, loc, toks):
    var, iterable, body = toks[1], toks[2], toks[3]
    if var.splatted:
        s.checks.append(("splat", var))
    return A.ForEachStatementAst(variable=var, iterable=iterable, body=body, extent=ext(s, loc, body.extent.end))


def switch_flag(s, loc, toks):
    m = toks[0]
    word = m.group("flag").lower()
    matches = [f for f in SWITCH_FLAGS if f.startswith(word)]
    if word in SWITCH_FLAGS:
        matches = [word]
    if len(matches) != 1:       # noted, and the parse goes on (as 5.1's)
        s.checks.append(("syntax", (m.start(), m.end(), "InvalidSwitchFlag", m.group(0).strip())))
        return ("flag", None)
    return ("flag", matches[0])


def switch_clause(s, loc, toks):
    cond, body = toks[0], toks[1]
    return A.SwitchClauseAst(condition=cond, body=body, extent=ext(s, cond.extent.start, body.extent.end))


def switch_statement(s, loc, toks):
    flags = []
    cond = None
    clauses = []
    default = None
    end = toks[-1]
    for t in toks[1:-1]:
        if isinstance(t, tuple) and t[0] == "flag":
            if t[1] is not None and t[1] not in flags:
                flags.append(t[1])
        elif isinstance(t, A.SwitchClauseAst):
            c = t.condition
            if isinstance(c, A.StringConstantExpressionAst) and c.kind == "bare" and c.value.lower() == "default":
                if default is not None:
                    fatal(s, c.extent.start, "MultipleSwitchDefaultClauses")
                default = t.body
            else:
                clauses.append(t)
        elif isinstance(t, A.Ast) and cond is None:
            cond = t
    if cond is not None and not isinstance(cond, A.StatementAst):
        if "file" not in flags:
            # a value that is neither `( pipeline )` nor a `-file` path
            q = cond.extent.start
            while q > 0 and s[q - 1].isspace():
                q -= 1
            fatal(s, q, "PipelineValueRequired")
        # `-file path`: wrap the path expression as a pipeline
        cond = A.PipelineAst(elements=[A.CommandExpressionAst(expression=cond, extent=cond.extent)],
                             extent=cond.extent)
    return A.SwitchStatementAst(flags=flags, condition=cond, clauses=clauses, default=default, extent=ext(s, loc, end))


def catch_clause(s, loc, toks):
    types = [t.type_name for t in toks[1:-1]]
    body = toks[-1]
    return A.CatchClauseAst(types=types, body=body, type_extents=[t.extent for t in toks[1:-1]] or None,
                            extent=ext(s, loc, body.extent.end))


def try_statement(s, loc, toks):
    body = toks[1]
    catches = []
    fin = None
    end = body.extent.end
    items = list(toks[2:])
    i = 0
    while i < len(items):
        t = items[i]
        if isinstance(t, A.CatchClauseAst):
            catches.append(t)
            end = t.extent.end
            i += 1
        elif t == "finally":
            fin = items[i + 1]
            end = fin.extent.end
            i += 2
        else:
            i += 1
    if not catches and fin is None:
        fatal(s, end, "MissingCatchOrFinally")
    node = A.TryStatementAst(body=body, catches=catches, finally_body=fin, extent=ext(s, loc, end))
    if fin is not None or len(catches) > 1:
        s.checks.append(("try", node))
    return node


def trap_statement(s, loc, toks):
    type_name = None
    body = toks[-1]
    if len(toks) > 2:
        type_name = toks[1].type_name
    return A.TrapStatementAst(type_name=type_name, body=body, extent=ext(s, loc, body.extent.end))


def function_definition(s, loc, toks):
    kw = toks[0]
    name = toks[1]
    params = None
    rest = list(toks[2:])
    if rest and isinstance(rest[0], list):
        params = rest[0]
        rest = rest[1:]
    body = rest[0]
    if kw == "filter" and body.process is not None and body.process.unnamed is False and False:
        pass
    if kw == "filter":
        # a filter's unnamed body is its process block
        if body.end is not None and body.end.unnamed:
            body = A.ScriptBlockAst(param_block=body.param_block, begin=body.begin, dynamicparam=body.dynamicparam,
                                    process=A.NamedBlockAst(kind="process", body=body.end.body, unnamed=True,
                                                            extent=body.end.extent),
                                    end=None, using=body.using, requires=body.requires, extent=body.extent)
    if not params:
        params = None           # `function f() { param($a) ... }`: an empty list is no list
    node = A.FunctionDefinitionAst(name=name, is_filter=(kw == "filter"), parameters=params, body=body,
                                   extent=ext(s, loc, body.extent.end))
    if params is not None:
        s.checks.append(("function", node))
    return node


def function_name(s, loc, toks):
    return toks[0]


def flow_statement(s, loc, toks):
    kw = toks[0]
    arg = toks[1] if len(toks) > 1 else None
    end = arg.extent.end if arg is not None else loc + len(kw)
    e = ext(s, loc, end)
    if kw == "break":
        return A.BreakStatementAst(label=arg, extent=e)
    if kw == "continue":
        return A.ContinueStatementAst(label=arg, extent=e)
    if kw == "return":
        return A.ReturnStatementAst(pipeline=arg, extent=e)
    if kw == "exit":
        return A.ExitStatementAst(pipeline=arg, extent=e)
    return A.ThrowStatementAst(pipeline=arg, extent=e)


def type_definition(s, loc, toks):
    """`class X : Base { ... }` / `enum X { ... }`: toks are the header match and the body end."""
    m, end = toks[0], toks[1]
    body = s[m.end():end - 1]
    return A.TypeDefinitionAst(name=m.group("name"), kind=m.group("kind").lower(), members_text=body,
                               attributes_text=toks[2] if len(toks) > 2 else "", extent=ext(s, loc, end))


def verbatim_argument(s, loc, toks):
    """`--%`: the rest of the line, passed as written."""
    m = toks[0]
    return A.StringConstantExpressionAst(value=m.group("rest").strip(), kind="verbatim", extent=ext(s, loc, m.end()))


def data_abandoned(s, start, end):
    """A data statement 5.1 abandoned after a noted error (`data -SupportedCommand` without a name)."""
    return A.DataStatementAst(variable=None, body=A.StatementBlockAst(extent=ext(s, end, end)),
                              extent=ext(s, start, end))


def data_statement(s, loc, toks):
    name = None
    body = toks[-1]
    for t in toks[1:-1]:
        if isinstance(t, str) and t != "data":
            name = t
    return A.DataStatementAst(variable=name, body=body, extent=ext(s, loc, body.extent.end))


def labeled_statement(s, loc, toks):
    m, stmt = toks[0], toks[1]
    label = m.group("label")
    fields = {k: getattr(stmt, k) for k in stmt._fields}
    fields["label"] = label
    return type(stmt)(**fields, extent=ext(s, loc, stmt.extent.end))


def using_statement(s, loc, toks):
    """`using namespace|module|assembly name`: kept as its text.  The name must be a
    constant (a module may also be a hashtable); an alias (`= x`) or the kinds
    `type`/`command` parse, but 5.1 does not support them."""
    kind, item = toks[1], toks[2]
    alias = toks[3] if len(toks) > 3 else None
    if not (isinstance(item, A.StringConstantExpressionAst)
            or (kind == "module" and isinstance(item, A.HashtableAst) and _module_specification(item))):
        fatal(s, loc, "InvalidValueForUsingItemName", item.extent.text)
    if kind in ("type", "command") and alias is None:
        fatal(s, item.extent.end, "MissingEqualsInUsingAlias")
    end = (alias or item).extent.end
    if alias is not None:
        if not isinstance(alias, A.StringConstantExpressionAst):
            fatal(s, loc, "InvalidValueForUsingItemName", alias.extent.text)
        s.checks.append(("error", (loc, end, "UsingStatementNotSupported", "")))
    return [("using", s[loc:end].strip())]


_MODULE_SPEC_KEYS = frozenset(("modulename", "moduleversion", "requiredversion", "maximumversion", "guid"))


def _module_specification(ht):
    """`using module @{...}`: constant keys of a module specification, ModuleName among them."""
    keys = set()
    for key, _value in ht.pairs:
        if not isinstance(key, A.StringConstantExpressionAst) or key.value.lower() not in _MODULE_SPEC_KEYS:
            return False
        keys.add(key.value.lower())
    return "modulename" in keys


def misplaced_using(s, loc, toks):
    fatal(s, loc, "UsingMustBeAtStartOfScript")


def data_parameter(s, loc, toks):
    """The only parameter of a data section is -SupportedCommand (any prefix of it)."""
    m = toks[0]
    name = m.group("name")
    if not "supportedcommand".startswith(name.lower()):
        fatal(s, m.start(), "InvalidParameterForDataSectionStatement", name)
    return []


def misplaced_keyword(s, loc, toks):
    word = toks[0]
    if word.lower() in ("define", "from", "var"):
        fatal(s, loc, "ReservedKeywordNotAllowed", word)
    fatal(s, loc, "UnexpectedToken", word)


def arg_number(s, loc, toks):
    """A number in argument mode (`Write-Output 42`, `-5`)."""
    m = toks[0]
    value, hint = number_value(m)
    sign = m.group("sign")
    if sign and sign != "+":
        value = -value
    return A.ConstantExpressionAst(value=value, type_hint=hint, extent=ext(s, m.start(), m.end()))
