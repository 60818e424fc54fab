"""The syntax tree of pshim's PowerShell language.

Node names follow PowerShell's own AST vocabulary (ScriptBlockAst, PipelineAst,
CommandAst, BinaryExpressionAst, ...) so that anyone who knows PowerShell's
parser API finds their way; the shapes are our own and kept minimal.

This module knows nothing of pyparsing (the grammar builds these nodes) nor of
evaluation (the runtime compiles them). Every node has an `extent` (offsets
into its SourceText) for error positions.

Operators are stored as the lower-case text PowerShell uses without the dash
for dash-operators: "eq", "ceq", "ieq", "like", "and", "f", "join", "split",
"+", "-", "*", "/", "%", "..", ",", "!", "not", "bnot"; see OPERATORS below.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from .extent import Extent, EMPTY_EXTENT


@dataclass(eq=False)
class Ast:
    extent: Extent = field(default=EMPTY_EXTENT, repr=False, kw_only=True)


# ---------------------------------------------------------------------------
# Script blocks, functions, parameters

@dataclass(eq=False)
class AttributeAst(Ast):
    """`[Parameter(Mandatory, Position=0)]`, `[CmdletBinding(SupportsShouldProcess)]`,
    `[ValidateSet('a','b')]`. `named` maps the argument name (as written) to an
    expression, or to None when written bare (`Mandatory` means $true)."""
    type_name: str
    positional: list = field(default_factory=list)      # [ExpressionAst]
    named: dict = field(default_factory=dict)           # {name: ExpressionAst | None}


@dataclass(eq=False)
class TypeConstraintAst(Ast):
    """`[int]` written before a parameter or variable (a type, no arguments)."""
    type_name: str


@dataclass(eq=False)
class ParameterAst(Ast):
    name: str                                           # without '$'
    attributes: list = field(default_factory=list)      # [AttributeAst | TypeConstraintAst]
    default: Optional["ExpressionAst"] = None           # default value expression (or statement)
    name_extent: Optional[Extent] = field(default=None, repr=False)    # the `$name` token


@dataclass(eq=False)
class ParamBlockAst(Ast):
    attributes: list = field(default_factory=list)      # [AttributeAst]  e.g. CmdletBinding
    parameters: list = field(default_factory=list)      # [ParameterAst]


@dataclass(eq=False)
class StatementBlockAst(Ast):
    statements: list = field(default_factory=list)      # [StatementAst]
    traps: list = field(default_factory=list)           # [TrapStatementAst]


@dataclass(eq=False)
class NamedBlockAst(Ast):
    kind: str                                           # "begin" | "process" | "end" | "dynamicparam"
    body: StatementBlockAst = None
    unnamed: bool = False                               # body written without an `end {}` label


@dataclass(eq=False)
class ScriptBlockAst(Ast):
    """A whole script, or the inside of `{ ... }`. A body without named blocks
    is stored as `end` with unnamed=True (filters store it as `process`)."""
    param_block: Optional[ParamBlockAst] = None
    begin: Optional[NamedBlockAst] = None
    process: Optional[NamedBlockAst] = None
    end: Optional[NamedBlockAst] = None
    dynamicparam: Optional[NamedBlockAst] = None
    using: list = field(default_factory=list)           # `using namespace x` lines, kept as text
    requires: list = field(default_factory=list)        # `#requires` lines, kept as text


# ---------------------------------------------------------------------------
# Statements

@dataclass(eq=False)
class StatementAst(Ast):
    pass


@dataclass(eq=False)
class PipelineAst(StatementAst):
    """`a | b | c`. Elements are CommandAst or CommandExpressionAst."""
    elements: list = field(default_factory=list)
    background: bool = False


@dataclass(eq=False)
class AssignmentStatementAst(StatementAst):
    """`$x = pipeline`, `$a[0] += 1`, `$o.p = 3`, `[int]$x = 5`, `$a, $b = 1, 2`.
    operator is one of "=", "+=", "-=", "*=", "/=", "%="."""
    left: "ExpressionAst" = None
    operator: str = "="
    right: StatementAst = None                          # usually a PipelineAst


@dataclass(eq=False)
class IfStatementAst(StatementAst):
    clauses: list = field(default_factory=list)         # [(PipelineAst condition, StatementBlockAst)]
    else_body: Optional[StatementBlockAst] = None


@dataclass(eq=False)
class LoopStatementAst(StatementAst):
    label: Optional[str] = None
    body: StatementBlockAst = None


@dataclass(eq=False)
class WhileStatementAst(LoopStatementAst):
    condition: PipelineAst = None


@dataclass(eq=False)
class DoWhileStatementAst(LoopStatementAst):
    condition: PipelineAst = None


@dataclass(eq=False)
class DoUntilStatementAst(LoopStatementAst):
    condition: PipelineAst = None


@dataclass(eq=False)
class ForStatementAst(LoopStatementAst):
    initializer: Optional[StatementAst] = None
    condition: Optional[PipelineAst] = None
    iterator: Optional[StatementAst] = None


@dataclass(eq=False)
class ForEachStatementAst(LoopStatementAst):
    variable: "VariableExpressionAst" = None
    iterable: PipelineAst = None


@dataclass(eq=False)
class SwitchClauseAst(Ast):
    condition: "ExpressionAst" = None                   # constant, expandable string, script block, ...
    body: StatementBlockAst = None


@dataclass(eq=False)
class SwitchStatementAst(LoopStatementAst):
    flags: list = field(default_factory=list)           # lower-case: "regex","wildcard","exact","casesensitive","file"
    condition: Optional[PipelineAst] = None             # for -file: the path expression
    clauses: list = field(default_factory=list)         # [SwitchClauseAst]
    default: Optional[StatementBlockAst] = None


@dataclass(eq=False)
class FunctionDefinitionAst(StatementAst):
    name: str = ""
    is_filter: bool = False
    parameters: Optional[list] = None                   # [ParameterAst] from `function f($a, $b)` form
    body: ScriptBlockAst = None


@dataclass(eq=False)
class CatchClauseAst(Ast):
    types: list = field(default_factory=list)           # [type name str]; empty = catch all
    body: StatementBlockAst = None


@dataclass(eq=False)
class TryStatementAst(StatementAst):
    body: StatementBlockAst = None
    catches: list = field(default_factory=list)         # [CatchClauseAst]
    finally_body: Optional[StatementBlockAst] = None


@dataclass(eq=False)
class TrapStatementAst(StatementAst):
    type_name: Optional[str] = None
    body: StatementBlockAst = None


@dataclass(eq=False)
class BreakStatementAst(StatementAst):
    label: Optional["ExpressionAst"] = None


@dataclass(eq=False)
class ContinueStatementAst(StatementAst):
    label: Optional["ExpressionAst"] = None


@dataclass(eq=False)
class ReturnStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@dataclass(eq=False)
class ExitStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@dataclass(eq=False)
class ThrowStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@dataclass(eq=False)
class DataStatementAst(StatementAst):
    variable: Optional[str] = None
    body: StatementBlockAst = None


@dataclass(eq=False)
class TypeDefinitionAst(StatementAst):
    """`class Name [: Base] { ... }` / `enum Name { ... }` (PowerShell 5 types):
    parsed only as far as the name; the body between the braces is kept as text."""
    name: str = ""
    kind: str = "class"                                 # "class" | "enum"
    members_text: str = ""


@dataclass(eq=False)
class BlockStatementAst(StatementAst):
    """A bare `{ ... }`-like statement body keyword we accept but do not run specially."""
    kind: str = ""
    body: StatementBlockAst = None


# ---------------------------------------------------------------------------
# Pipeline elements

@dataclass(eq=False)
class RedirectionAst(Ast):
    from_stream: str = "1"                              # "1".."6" or "*"


@dataclass(eq=False)
class FileRedirectionAst(RedirectionAst):
    """`> file`, `>> file`, `2> $null`."""
    target: "ExpressionAst" = None
    append: bool = False


@dataclass(eq=False)
class MergingRedirectionAst(RedirectionAst):
    """`2>&1`, `*>&1`."""
    to_stream: str = "1"


@dataclass(eq=False)
class CommandParameterAst(Ast):
    """`-Name`, `-Name:value` (argument set, colon=True). A value written after a
    space is a separate element of the CommandAst, bound by the binder."""
    name: str                                           # as written, without the dash
    argument: Optional["ExpressionAst"] = None
    colon: bool = False


@dataclass(eq=False)
class CommandAst(Ast):
    """`Get-Item -Path x`, `& $sb 1 2`, `. ./lib.ps1`. elements[0] is the command
    name (a StringConstantAst bareword, or any expression after & or .), then
    CommandParameterAst and argument expressions in written order."""
    elements: list = field(default_factory=list)
    invocation_operator: Optional[str] = None           # None | "&" | "."
    redirections: list = field(default_factory=list)


@dataclass(eq=False)
class CommandExpressionAst(Ast):
    """An expression used as a pipeline element: `1..10 | ...`, `$x`."""
    expression: "ExpressionAst" = None
    redirections: list = field(default_factory=list)


# ---------------------------------------------------------------------------
# Expressions

@dataclass(eq=False)
class ExpressionAst(Ast):
    pass


@dataclass(eq=False)
class ErrorExpressionAst(ExpressionAst):
    pass


@dataclass(eq=False)
class BinaryExpressionAst(ExpressionAst):
    operator: str = ""
    left: ExpressionAst = None
    right: ExpressionAst = None


@dataclass(eq=False)
class UnaryExpressionAst(ExpressionAst):
    """operator: "-", "+", "!", "not", "bnot", "split", "join", ",", "++", "--"
    (prefix) or "post++", "post--" (postfix)."""
    operator: str = ""
    operand: ExpressionAst = None


@dataclass(eq=False)
class ConvertExpressionAst(ExpressionAst):
    """`[int]$x`, `[pscustomobject]@{}`, `[ordered]@{}`."""
    type_name: str = ""
    child: ExpressionAst = None
    type_extent: Optional[Extent] = field(default=None, repr=False)    # the `[type]` token


@dataclass(eq=False)
class AttributedExpressionAst(ExpressionAst):
    """`[ValidateNotNull()]$x` on the left of an assignment."""
    attribute: AttributeAst = None
    child: ExpressionAst = None


@dataclass(eq=False)
class TypeExpressionAst(ExpressionAst):
    """`[math]` on its own (before `::`, or as a value)."""
    type_name: str = ""


@dataclass(eq=False)
class ConstantExpressionAst(ExpressionAst):
    """A number (int, float, Decimal; `1KB` already multiplied) or other constant.
    `type_hint` keeps the literal's .NET type where Python's type loses it:
    "long" for `1L` or an integer too large for Int32, "decimal" for `1d`."""
    value: Any = None
    type_hint: Optional[str] = None


@dataclass(eq=False)
class StringConstantExpressionAst(ConstantExpressionAst):
    """kind: "bare" (argument-mode word or member name), "single", "double"
    (with nothing to expand), "single_here", "double_here"."""
    kind: str = "bare"


@dataclass(eq=False)
class ExpandableStringExpressionAst(ExpressionAst):
    """`"a $b $($c) d"`, or a bareword `$Out\\x.csv` in argument mode.
    parts: str pieces (escapes already processed) and ExpressionAst pieces
    (VariableExpressionAst for `$b`, SubExpressionAst for `$(...)`)."""
    value: str = ""                                     # the raw text between the quotes
    parts: list = field(default_factory=list)
    kind: str = "double"                                # "double" | "double_here" | "bare"


@dataclass(eq=False)
class VariableExpressionAst(ExpressionAst):
    """`$x`, `$global:x`, `$env:PATH`, `${a b}`, `@splat` (splatted=True).
    `name` excludes the scope/drive; `scope` is lower-case or None."""
    name: str = ""
    scope: Optional[str] = None
    splatted: bool = False


@dataclass(eq=False)
class MemberExpressionAst(ExpressionAst):
    """`$o.Name`, `$o.$prop`, `[math]::PI`. member is a StringConstantExpressionAst
    (bare name) or any expression for dynamic names."""
    target: ExpressionAst = None
    member: ExpressionAst = None
    static: bool = False


@dataclass(eq=False)
class InvokeMemberExpressionAst(MemberExpressionAst):
    """`$s.ToUpper()`, `[math]::Round(2.5, 1)`."""
    arguments: list = field(default_factory=list)


@dataclass(eq=False)
class IndexExpressionAst(ExpressionAst):
    """`$a[0]`, `$h['k']`, `$a[1..2]`, `$a[0,2]` (index is one expression)."""
    target: ExpressionAst = None
    index: ExpressionAst = None


@dataclass(eq=False)
class ArrayLiteralAst(ExpressionAst):
    """`1, 2, 3` (the binary comma operator, flattened)."""
    elements: list = field(default_factory=list)


@dataclass(eq=False)
class ArrayExpressionAst(ExpressionAst):
    """`@( statements )`."""
    body: StatementBlockAst = None


@dataclass(eq=False)
class SubExpressionAst(ExpressionAst):
    """`$( statements )`."""
    body: StatementBlockAst = None


@dataclass(eq=False)
class ParenExpressionAst(ExpressionAst):
    """`( pipeline )` — also `($x = 5)` (an assignment statement)."""
    pipeline: StatementAst = None


@dataclass(eq=False)
class HashtableAst(ExpressionAst):
    """`@{ a = 1; 'b c' = 2 }`. pairs: [(key ExpressionAst, value StatementAst)]."""
    pairs: list = field(default_factory=list)


@dataclass(eq=False)
class ScriptBlockExpressionAst(ExpressionAst):
    script_block: ScriptBlockAst = None


@dataclass(eq=False)
class UsingExpressionAst(ExpressionAst):
    sub: ExpressionAst = None


# ---------------------------------------------------------------------------
# Operators (canonical spellings stored in the AST)

COMPARISON_BASE = ("eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch",
                   "contains", "notcontains", "in", "notin", "replace", "split")
COMPARISON = tuple(p + o for o in COMPARISON_BASE for p in ("", "i", "c"))
OTHER_DASH_BINARY = ("is", "isnot", "as", "join", "f", "and", "or", "xor", "band", "bor", "bxor",
                     "shl", "shr")
ARITHMETIC = ("+", "-", "*", "/", "%", "..")


def walk(node):
    """Yield node and every Ast below it (depth first)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, Ast):
            yield n
            for name in n.__dataclass_fields__:
                if name == "extent":
                    continue
                v = getattr(n, name)
                if isinstance(v, (Ast, list, tuple, dict)):
                    stack.append(v)
        elif isinstance(n, (list, tuple)):
            stack.extend(reversed(n))
        elif isinstance(n, dict):
            stack.extend(n.values())
