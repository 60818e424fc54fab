"""The checks Windows PowerShell 5.1 makes once a script has parsed.

5.1 parses a whole script, then runs a semantic pass over the tree and reports
what it finds as parse errors, before any statement runs: a parameter declared
twice, `return`/`break`/`continue` leaving a `finally` block, a duplicate
constant key in a hash literal, an attribute that applies to nothing, misuse of
`[ref]`, `++` on something that is not a variable or property, an assignment
target that cannot take the operator, a splatted variable outside a command.

Design: the builder does not walk the tree again for this (a walk costs about a
tenth of the parse).  Each action that builds a node one of these rules looks
at notes it in `s.checks` (the parse's ParseText) as `(kind, node)`; `check()` examines only those
nodes.  An action may run for an alternative the grammar later abandons; such
a node is a re-parse of the same text, so its error is the same error, and
duplicates are dropped.  All errors are reported together, in source order, as
5.1 lists them (each with its own position block).

This module knows the rules, not the grammar: it imports only the AST.
"""
from __future__ import annotations

import re

from ..errors import ParseError, ParseErrorItem
from . import ast as A
from . import tokens as T
from .extent import Extent

_REF = frozenset(("ref", "psreference", "management.automation.psreference",
                  "system.management.automation.psreference"))
_VOID = frozenset(("void", "system.void"))
_ASSIGNABLE = (A.VariableExpressionAst, A.MemberExpressionAst, A.IndexExpressionAst)
_CHAIN = (A.ConvertExpressionAst, A.AttributedExpressionAst)
_PARAM_KEYWORD = re.compile(r"(?i:param)\s*\(")


def check(checks, source):
    """Raise ParseError with every semantic error among the noted nodes."""
    c = _Checker(checks, source)
    for kind, node in checks:
        getattr(c, kind)(node)
    if c.errors:
        seen = set()
        items = []
        for start, end, error_id, arg in sorted(c.errors, key=lambda e: e[0]):
            key = (start, end, error_id)
            if key in seen:
                continue
            seen.add(key)
            items.append(ParseErrorItem(T.message(error_id, arg), error_id, Extent(source, start, end)))
        raise ParseError(items)


class _Checker:
    def __init__(self, checks, source):
        self.checks = checks
        self.source = source
        self.errors = []            # (start, end, error id, message argument)
        self._in_lefts = None       # ids of every node inside an assignment target (built on demand)

    def report(self, extent, error_id, arg=""):
        self.errors.append((extent.start, extent.end, error_id, arg))

    # -- parameters ------------------------------------------------------
    def parameters(self, params):
        seen = set()
        for p in params:
            key = p.name.lower()
            if key in seen:
                self.report(p.name_extent or p.extent, "DuplicateFormalParameter", p.name)
            else:
                seen.add(key)
            void_reported = False
            for attr in p.attributes:
                if type(attr) is not A.TypeConstraintAst:
                    continue
                name = attr.type_name.lower()
                if name in _VOID and not void_reported:
                    void_reported = True
                    self.report(attr.extent, "VoidTypeConstraintNotAllowed")
                elif name == "ordered":
                    self.report(attr.extent, "OrderedAttributeOnlyOnHashLiteralNode", attr.type_name)

    def function(self, node):
        """`function f($a) { param($b) }`: one parameter list only."""
        block = node.body.param_block
        if block is not None:
            start = block.extent.start
            if block.attributes:        # 5.1 places the error at the `param` keyword
                m = _PARAM_KEYWORD.search(self.source.text, block.attributes[-1].extent.end)
                if m is not None:
                    start = m.start()
            self.errors.append((start, block.extent.end, "OnlyOneParameterListAllowed", ""))
        else:
            self.parameters(node.parameters)

    # -- try / catch / finally -------------------------------------------
    def try_(self, node):
        catches = node.catches
        if len(catches) > 1:
            self._caught_twice(catches)
        for i in range(len(catches) - 1):
            if not catches[i].types:
                # a catch-all followed by another catch: reported just before that catch
                at = max(catches[i + 1].extent.start - 1, 0)
                self.errors.append((at, at, "EmptyCatchNotLast", ""))
        if node.finally_body is not None:
            self._flow_in_finally(node.finally_body, ())

    def _caught_twice(self, catches):
        """A catch type that an earlier catch clause already handles: the same type, or a type
        derived from it (known from pshim's exception types; other types compare by name)."""
        chains = None
        earlier = []                # full names (lower case) of the types of the clauses before
        for c in catches:
            exts = c.type_extents or [None] * len(c.types)
            names = []
            for name, where in zip(c.types, exts):
                if chains is None:
                    chains = _exception_chains()
                full, chain = _resolve_exception(name, chains)
                if where is not None and any(e in chain for e in earlier):
                    self.report(where, "ExceptionTypeAlreadyCaught", full or name)
                names.append((full or _type_key(name)).lower())
            earlier.extend(names)

    # -- attribute arguments ------------------------------------------------
    def attribute(self, node):
        for v in list(node.positional) + [v for v in node.named.values() if v is not None]:
            if not _is_constant(v):
                self.report(v.extent, "ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock")

    def _flow_in_finally(self, n, loops):
        """break/continue/return that would leave the finally block (script blocks, function
        bodies and traps are their own scopes; a loop inside the block catches an unlabelled
        break/continue, or one whose label it carries)."""
        if isinstance(n, A.Ast):
            if isinstance(n, (A.ScriptBlockAst, A.ScriptBlockExpressionAst, A.FunctionDefinitionAst,
                              A.TrapStatementAst)):
                return
            if isinstance(n, (A.BreakStatementAst, A.ContinueStatementAst)):
                label = _flow_label(n.label)
                if label is None or not any(label == "" or label == (lab or "").lower() for lab in loops):
                    self.report(n.extent, "ControlLeavingFinally")
            elif isinstance(n, A.ReturnStatementAst):
                self.report(n.extent, "ControlLeavingFinally")
            if isinstance(n, A.LoopStatementAst) and not isinstance(n, A.SwitchStatementAst):
                loops = loops + (n.label,)
            for name in n._fields:
                v = getattr(n, name)
                if isinstance(v, (A.Ast, list, tuple, dict)):
                    self._flow_in_finally(v, loops)
        elif isinstance(n, (list, tuple)):
            for x in n:
                self._flow_in_finally(x, loops)
        elif isinstance(n, dict):
            for x in n.values():
                self._flow_in_finally(x, loops)

    # -- assignment targets ------------------------------------------------
    def assign(self, node):
        self._target(node.left, node.operator == "=",
                     lambda bad: self.report(bad.extent, "InvalidLeftHandSide"))

    def incdec(self, node):
        op = node.operator[-2:]
        self._target(node.operand, False,
                     lambda bad: self.report(bad.extent, "OperatorRequiresVariableOrProperty", op))

    def _target(self, e, simple, bad):
        """5.1's rule for what can be assigned (simple: a plain `=`)."""
        if isinstance(e, A.ArrayLiteralAst):
            if simple:
                for x in e.elements:
                    self._target(x, True, bad)
            else:
                bad(e)
        elif isinstance(e, A.ParenExpressionAst):
            pure = _pure_expression(e.pipeline)
            if pure is None:
                bad(e.pipeline)
            else:
                self._target(pure, simple, bad)
        elif isinstance(e, _CHAIN):
            converts = 0
            ref = None
            while isinstance(e, _CHAIN):
                if type(e) is A.ConvertExpressionAst:
                    converts += 1
                    name = e.type_name.lower()
                    if name in _REF:
                        ref = e
                    elif name in _VOID:
                        self.report(e.type_extent or e.extent, "VoidTypeConstraintNotAllowed")
                e = e.child
            if ref is not None and converts > 1:
                self.report(ref.type_extent or ref.extent, "ReferenceNeedsToBeByItselfInTypeConstraint")
            else:
                self._target(e, simple, bad)
        elif not isinstance(e, _ASSIGNABLE):
            bad(e)

    # -- expressions -------------------------------------------------------
    def hashtable(self, node):
        seen = set()
        for key, _value in node.pairs:
            if isinstance(key, A.ConstantExpressionAst):
                text = _dotnet_string(key.value)
                low = text.lower()
                if low in seen:
                    self.report(key.extent, "DuplicateKeyInHashLiteral", text)
                else:
                    seen.add(low)

    def attributed(self, node):
        """An attribute (not a type) must end up applying to a variable."""
        a = node
        while a is not None:
            if isinstance(a.child, A.VariableExpressionAst):
                return
            a = a.child if isinstance(a.child, _CHAIN) else None
        self.report(node.attribute.extent, "UnexpectedAttribute", node.attribute.type_name)

    def convert(self, node):
        name = node.type_name.lower()
        if name == "ordered" and not isinstance(node.child, A.HashtableAst):
            self.report(node.extent, "OrderedAttributeOnlyOnHashLiteralNode", node.type_name)
        if name in _REF:
            c = node.child
            while isinstance(c, _CHAIN):
                if type(c) is A.ConvertExpressionAst and c.type_name.lower() in _REF:
                    self.report(c.type_extent or c.extent, "ReferenceNeedsToBeByItselfInTypeSequence")
                c = c.child
            return
        c = node.child
        if type(c) is A.ConvertExpressionAst and c.type_name.lower() in _REF and not _ref_below(c) \
                and id(c) not in self.in_assignment_targets():
            self.report(c.type_extent or c.extent, "ReferenceNeedsToBeLastTypeInTypeConversion")

    def in_assignment_targets(self):
        if self._in_lefts is None:
            ids = set()
            for kind, node in self.checks:
                if kind == "assign":
                    ids.update(id(x) for x in A.walk(node.left))
            self._in_lefts = ids
        return self._in_lefts

    # -- splatting, precomputed --------------------------------------------------
    def splat(self, var):
        self.report(var.extent, "SplattingNotPermitted", var.name)

    def splat_in_list(self, var):
        self.report(var.extent, "SplattingNotPermittedInArgumentList", var.name)

    def error(self, err):
        """An error the builder found but 5.1 reports after the parse: (start, end, id, arg)."""
        self.errors.append(err)

    # a syntax error the parse went on after (grammar.Note): reported with the others
    syntax = error


# `try` is a keyword: the checker method is try_
setattr(_Checker, "try", _Checker.try_)


def _flow_label(expr):
    """The label of break/continue: "" when none, None when not a constant (5.1's GetLabel)."""
    if expr is None:
        return ""
    if isinstance(expr, A.StringConstantExpressionAst):
        return str(expr.value).lower()
    return None


def _pure_expression(stmt):
    """The expression of a pipeline that is just one expression, else None."""
    if isinstance(stmt, A.PipelineAst) and len(stmt.elements) == 1:
        e = stmt.elements[0]
        if isinstance(e, A.CommandExpressionAst) and not e.redirections:
            return e.expression
    return None


def _ref_below(c):
    c = c.child
    while isinstance(c, _CHAIN):
        if type(c) is A.ConvertExpressionAst and c.type_name.lower() in _REF:
            return True
        c = c.child
    return False


def _dotnet_string(value):
    """The .NET ToString() of a literal's value (how 5.1 compares hash literal keys)."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, float):
        if value != value:
            return "NaN"
        if value in (float("inf"), float("-inf")):
            return "Infinity" if value > 0 else "-Infinity"
        return format(value, ".15G")
    return str(value)


def _type_key(name):
    return re.sub(r"\s+", "", name).lower()


def _exception_chains():
    """{.NET full name (lower case): [its full name and its bases' (lower case)]} of the
    exception types pshim knows (pshim.errors and its subclasses)."""
    from ..errors import PSException
    chains = {}
    stack = [PSException]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        name = cls.__dict__.get("ps_type")
        if name and name.lower() not in chains:
            chains[name.lower()] = ([name] + [n.lower() for n in cls.type_chain()])
    return chains


def _resolve_exception(name, chains):
    """(full name, chain) of a written catch type; (None, [its name]) when not known."""
    key = _type_key(name)
    for k in (key, "system." + key):
        hit = chains.get(k)
        if hit is not None:
            return hit[0], hit[1:]
    return None, [key, key[7:] if key.startswith("system.") else "system." + key]


_CONSTANT_VARIABLES = frozenset(("true", "false", "null"))


def _is_constant(e):
    """5.1's rule for an attribute argument: a literal, a script block, a type, $true/$false/$null,
    or operators, casts, arrays and static members built only of those."""
    if isinstance(e, (A.ConstantExpressionAst, A.StringConstantExpressionAst, A.ScriptBlockExpressionAst,
                      A.TypeExpressionAst)):
        return True
    if isinstance(e, A.ExpandableStringExpressionAst):
        return False
    if isinstance(e, A.VariableExpressionAst):
        return not e.splatted and e.scope is None and e.name.lower() in _CONSTANT_VARIABLES
    if isinstance(e, A.UnaryExpressionAst):
        return e.operator not in ("++", "--", "post++", "post--") and _is_constant(e.operand)
    if isinstance(e, A.BinaryExpressionAst):
        return _is_constant(e.left) and _is_constant(e.right)
    if isinstance(e, A.ArrayLiteralAst):
        return all(_is_constant(x) for x in e.elements)
    if isinstance(e, A.ConvertExpressionAst):
        return _is_constant(e.child)
    if isinstance(e, (A.ParenExpressionAst, A.ArrayExpressionAst, A.SubExpressionAst)):
        inner = e.pipeline if isinstance(e, A.ParenExpressionAst) else e.body
        if isinstance(inner, A.StatementBlockAst):
            if len(inner.statements) != 1:
                return not inner.statements and isinstance(e, A.ArrayExpressionAst)
            inner = inner.statements[0]
        pure = _pure_expression(inner)
        return pure is not None and _is_constant(pure)
    if isinstance(e, A.MemberExpressionAst) and not isinstance(e, A.InvokeMemberExpressionAst):
        return e.static and isinstance(e.target, A.TypeExpressionAst) \
            and isinstance(e.member, A.StringConstantExpressionAst)
    return False
