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

from .extent import Extent, EMPTY_EXTENT

_MISSING = object()
_NODES = []


class _Field:
    __slots__ = ("default", "factory", "repr")

    def __init__(self, default, factory, show):
        self.default, self.factory, self.repr = default, factory, show


def field(default=_MISSING, default_factory=None, repr=True):     # noqa: A002 - dataclasses' spelling
    """A field with a default or a default factory (`list`, `dict`), or hidden from repr."""
    return _Field(default, default_factory, repr)


def node(cls):
    """Declare an AST node class: its fields are its annotations, after its base's, with the
    class attribute as default (or a `field(...)`). Like a dataclass with eq=False, but each
    __init__ is compiled when first needed (`_define_inits`): 59 dataclasses cost ~15 ms of
    start-up, a run that reads its tree from the parse cache compiles none."""
    _NODES.append(cls)
    return cls


class Ast:
    """Every node: `extent` is keyword-only; `_fields` names the other fields in order."""
    _fields = ()
    _hidden = ("extent",)          # fields left out of repr
    _spec = ()                     # [(name, default, factory)]

    def __repr__(self):
        shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields if n not in self._hidden)
        return f"{type(self).__name__}({shown})"


# ---------------------------------------------------------------------------
# Script blocks, functions, parameters

@node
class AttributeAst(Ast):
    """`[Parameter(Mandatory, Position=0)]`, `[CmdletBinding(SupportsShouldProcess)]`,
    `[ValidateSet('a','b')]`. `named` maps the argument name (as written) to an
    expression, or to None when written bare (`Mandatory` means $true)."""
    type_name: str
    positional: list = field(default_factory=list)      # [ExpressionAst]
    named: dict = field(default_factory=dict)           # {name: ExpressionAst | None}


@node
class TypeConstraintAst(Ast):
    """`[int]` written before a parameter or variable (a type, no arguments)."""
    type_name: str


@node
class ParameterAst(Ast):
    name: str                                           # without '$'
    attributes: list = field(default_factory=list)      # [AttributeAst | TypeConstraintAst]
    default: Optional["ExpressionAst"] = None           # default value expression (or statement)
    name_extent: Optional[Extent] = field(default=None, repr=False)    # the `$name` token


@node
class ParamBlockAst(Ast):
    attributes: list = field(default_factory=list)      # [AttributeAst]  e.g. CmdletBinding
    parameters: list = field(default_factory=list)      # [ParameterAst]


@node
class StatementBlockAst(Ast):
    statements: list = field(default_factory=list)      # [StatementAst]
    traps: list = field(default_factory=list)           # [TrapStatementAst]


@node
class NamedBlockAst(Ast):
    kind: str                                           # "begin" | "process" | "end" | "dynamicparam"
    body: StatementBlockAst = None
    unnamed: bool = False                               # body written without an `end {}` label


@node
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

@node
class StatementAst(Ast):
    pass


@node
class PipelineAst(StatementAst):
    """`a | b | c`. Elements are CommandAst or CommandExpressionAst."""
    elements: list = field(default_factory=list)
    background: bool = False


@node
class AssignmentStatementAst(StatementAst):
    """`$x = pipeline`, `$a[0] += 1`, `$o.p = 3`, `[int]$x = 5`, `$a, $b = 1, 2`.
    operator is one of "=", "+=", "-=", "*=", "/=", "%="."""
    left: "ExpressionAst" = None
    operator: str = "="
    right: StatementAst = None                          # usually a PipelineAst


@node
class IfStatementAst(StatementAst):
    clauses: list = field(default_factory=list)         # [(PipelineAst condition, StatementBlockAst)]
    else_body: Optional[StatementBlockAst] = None


@node
class LoopStatementAst(StatementAst):
    label: Optional[str] = None
    body: StatementBlockAst = None


@node
class WhileStatementAst(LoopStatementAst):
    condition: PipelineAst = None


@node
class DoWhileStatementAst(LoopStatementAst):
    condition: PipelineAst = None


@node
class DoUntilStatementAst(LoopStatementAst):
    condition: PipelineAst = None


@node
class ForStatementAst(LoopStatementAst):
    initializer: Optional[StatementAst] = None
    condition: Optional[PipelineAst] = None
    iterator: Optional[StatementAst] = None


@node
class ForEachStatementAst(LoopStatementAst):
    variable: "VariableExpressionAst" = None
    iterable: PipelineAst = None


@node
class SwitchClauseAst(Ast):
    condition: "ExpressionAst" = None                   # constant, expandable string, script block, ...
    body: StatementBlockAst = None


@node
class SwitchStatementAst(LoopStatementAst):
    flags: list = field(default_factory=list)           # lower-case: "regex","wildcard","exact","casesensitive","file"
    condition: Optional[PipelineAst] = None             # for -file: the path expression
    clauses: list = field(default_factory=list)         # [SwitchClauseAst]
    default: Optional[StatementBlockAst] = None


@node
class FunctionDefinitionAst(StatementAst):
    name: str = ""
    is_filter: bool = False
    parameters: Optional[list] = None                   # [ParameterAst] from `function f($a, $b)` form
    body: ScriptBlockAst = None


@node
class CatchClauseAst(Ast):
    types: list = field(default_factory=list)           # [type name str]; empty = catch all
    body: StatementBlockAst = None
    type_extents: Optional[list] = field(default=None, repr=False)     # where each type is written


@node
class TryStatementAst(StatementAst):
    body: StatementBlockAst = None
    catches: list = field(default_factory=list)         # [CatchClauseAst]
    finally_body: Optional[StatementBlockAst] = None


@node
class TrapStatementAst(StatementAst):
    type_name: Optional[str] = None
    body: StatementBlockAst = None


@node
class BreakStatementAst(StatementAst):
    label: Optional["ExpressionAst"] = None


@node
class ContinueStatementAst(StatementAst):
    label: Optional["ExpressionAst"] = None


@node
class ReturnStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@node
class ExitStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@node
class ThrowStatementAst(StatementAst):
    pipeline: Optional[StatementAst] = None


@node
class DataStatementAst(StatementAst):
    variable: Optional[str] = None
    body: StatementBlockAst = None


@node
class TypeDefinitionAst(StatementAst):
    """`class Name [: Base] { ... }` / `enum Name { ... }` (PowerShell 5 types):
    parsed only as far as the name; the body between the braces is kept as text."""
    name: str = ""
    kind: str = "class"                                 # "class" | "enum"
    members_text: str = ""
    attributes_text: str = ""                           # `[Flags()]` written before the keyword


@node
class BlockStatementAst(StatementAst):
    """A bare `{ ... }`-like statement body keyword we accept but do not run specially."""
    kind: str = ""
    body: StatementBlockAst = None


# ---------------------------------------------------------------------------
# Pipeline elements

@node
class RedirectionAst(Ast):
    from_stream: str = "1"                              # "1".."6" or "*"


@node
class FileRedirectionAst(RedirectionAst):
    """`> file`, `>> file`, `2> $null`."""
    target: "ExpressionAst" = None
    append: bool = False


@node
class MergingRedirectionAst(RedirectionAst):
    """`2>&1`, `*>&1`."""
    to_stream: str = "1"


@node
class CommandParameterAst(Ast):
    """`-Name`, `-Name:value` (argument set, colon=True). A value written after a
    space is a separate element of the CommandAst, bound by the binder."""
    name: str                                           # as written, without the dash
    argument: Optional["ExpressionAst"] = None
    colon: bool = False


@node
class CommandAst(Ast):
    """`Get-Item -Path x`, `& $sb 1 2`, `. ./lib.ps1`. elements[0] is the command
    name (a StringConstantAst bareword, or any expression after & or .), then
    CommandParameterAst and argument expressions in written order."""
    elements: list = field(default_factory=list)
    invocation_operator: Optional[str] = None           # None | "&" | "."
    redirections: list = field(default_factory=list)


@node
class CommandExpressionAst(Ast):
    """An expression used as a pipeline element: `1..10 | ...`, `$x`."""
    expression: "ExpressionAst" = None
    redirections: list = field(default_factory=list)


# ---------------------------------------------------------------------------
# Expressions

@node
class ExpressionAst(Ast):
    pass


@node
class ErrorExpressionAst(ExpressionAst):
    pass


@node
class BinaryExpressionAst(ExpressionAst):
    operator: str = ""
    left: ExpressionAst = None
    right: ExpressionAst = None


@node
class UnaryExpressionAst(ExpressionAst):
    """operator: "-", "+", "!", "not", "bnot", "split", "join", ",", "++", "--"
    (prefix) or "post++", "post--" (postfix)."""
    operator: str = ""
    operand: ExpressionAst = None


@node
class ConvertExpressionAst(ExpressionAst):
    """`[int]$x`, `[pscustomobject]@{}`, `[ordered]@{}`."""
    type_name: str = ""
    child: ExpressionAst = None
    type_extent: Optional[Extent] = field(default=None, repr=False)    # the `[type]` token


@node
class AttributedExpressionAst(ExpressionAst):
    """`[ValidateNotNull()]$x` on the left of an assignment."""
    attribute: AttributeAst = None
    child: ExpressionAst = None


@node
class TypeExpressionAst(ExpressionAst):
    """`[math]` on its own (before `::`, or as a value)."""
    type_name: str = ""


@node
class ConstantExpressionAst(ExpressionAst):
    """A number (int, float, Decimal; `1KB` already multiplied) or other constant.
    `type_hint` keeps the literal's .NET type where Python's type loses it:
    "long" for `1L` or an integer too large for Int32, "decimal" for `1d`."""
    value: Any = None
    type_hint: Optional[str] = None


@node
class StringConstantExpressionAst(ConstantExpressionAst):
    """kind: "bare" (argument-mode word or member name), "single", "double"
    (with nothing to expand), "single_here", "double_here"."""
    kind: str = "bare"


@node
class ExpandableStringExpressionAst(ExpressionAst):
    """`"a $b $($c) d"`, or a bareword `$Out\\x.csv` in argument mode.
    parts: str pieces (escapes already processed) and ExpressionAst pieces
    (VariableExpressionAst for `$b`, SubExpressionAst for `$(...)`)."""
    value: str = ""                                     # the raw text between the quotes
    parts: list = field(default_factory=list)
    kind: str = "double"                                # "double" | "double_here" | "bare"


@node
class VariableExpressionAst(ExpressionAst):
    """`$x`, `$global:x`, `$env:PATH`, `${a b}`, `@splat` (splatted=True).
    `name` excludes the scope/drive; `scope` is lower-case or None."""
    name: str = ""
    scope: Optional[str] = None
    splatted: bool = False


@node
class MemberExpressionAst(ExpressionAst):
    """`$o.Name`, `$o.$prop`, `[math]::PI`. member is a StringConstantExpressionAst
    (bare name) or any expression for dynamic names."""
    target: ExpressionAst = None
    member: ExpressionAst = None
    static: bool = False


@node
class InvokeMemberExpressionAst(MemberExpressionAst):
    """`$s.ToUpper()`, `[math]::Round(2.5, 1)`."""
    arguments: list = field(default_factory=list)


@node
class IndexExpressionAst(ExpressionAst):
    """`$a[0]`, `$h['k']`, `$a[1..2]`, `$a[0,2]` (index is one expression)."""
    target: ExpressionAst = None
    index: ExpressionAst = None


@node
class ArrayLiteralAst(ExpressionAst):
    """`1, 2, 3` (the binary comma operator, flattened)."""
    elements: list = field(default_factory=list)


@node
class ArrayExpressionAst(ExpressionAst):
    """`@( statements )`."""
    body: StatementBlockAst = None


@node
class SubExpressionAst(ExpressionAst):
    """`$( statements )`."""
    body: StatementBlockAst = None


@node
class ParenExpressionAst(ExpressionAst):
    """`( pipeline )` — also `($x = 5)` (an assignment statement)."""
    pipeline: StatementAst = None


@node
class HashtableAst(ExpressionAst):
    """`@{ a = 1; 'b c' = 2 }`. pairs: [(key ExpressionAst, value StatementAst)]."""
    pairs: list = field(default_factory=list)


@node
class ScriptBlockExpressionAst(ExpressionAst):
    script_block: ScriptBlockAst = None


@node
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
            for name in n._fields:
                v = getattr(n, name)
                if isinstance(v, (Ast, list, tuple, dict)):
                    stack.append(v)
        elif isinstance(n, (list, tuple)):
            stack.extend(reversed(n))
        elif isinstance(n, dict):
            stack.extend(n.values())


def _define_inits(classes):
    """Note each node class's fields; its __init__(self, <fields>, *, extent=EMPTY_EXTENT) is
    compiled when the first node of the class is made (`_first_init`): a tree read from the
    parse cache is unpickled without calling __init__, so a run that parses nothing compiles none."""
    for cls in classes:
        base = cls.__mro__[1]
        spec = list(getattr(base, "_spec", ()))
        hidden = list(getattr(base, "_hidden", ()))
        for name in cls.__dict__.get("__annotations__", {}):
            value = cls.__dict__.get(name, _MISSING)
            default, factory = value, None
            if isinstance(value, _Field):
                default, factory = value.default, value.factory
                if not value.repr:
                    hidden.append(name)
                if factory is not None:
                    delattr(cls, name)
                else:
                    setattr(cls, name, default)
            spec = [f for f in spec if f[0] != name] + [(name, default, factory)]
        cls._spec = tuple(spec)
        cls._fields = tuple(f[0] for f in spec)
        cls._hidden = tuple(hidden)
        cls.__init__ = _first_init


def _first_init(self, *args, **kwargs):
    cls = type(self)
    init = _compile_init(cls)
    cls.__init__ = init
    init(self, *args, **kwargs)


def _compile_init(cls):
    """__init__ for a node class from its fields (the code a dataclass would generate)."""
    ns = {"_MISSING": _MISSING, "_EMPTY_EXTENT": EMPTY_EXTENT}
    params, body = ["self"], []
    for j, (name, default, factory) in enumerate(cls._spec):
        if factory is not None:
            ns[f"_f{j}"] = factory
            params.append(f"{name}=_MISSING")
            body.append(f"    self.{name} = _f{j}() if {name} is _MISSING else {name}")
        elif default is _MISSING:
            params.append(name)
            body.append(f"    self.{name} = {name}")
        else:
            ns[f"_d{j}"] = default
            params.append(f"{name}=_d{j}")
            body.append(f"    self.{name} = {name}")
    body.append("    self.extent = extent")
    src = f"def __init__({', '.join(params)}, *, extent=_EMPTY_EXTENT):\n" + "\n".join(body)
    exec(src, ns)                       # noqa: S102 - source made above from the class's annotations
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__name__}.__init__"
    return init


_define_inits([Ast] + _NODES)
