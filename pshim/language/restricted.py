"""Restricted language: what a data file (.psd1: module manifests, Import-PowerShellDataFile, lab
definitions) may contain before pshim evaluates it.

5.1 reads module manifests in restricted language mode: constants, strings, arrays, hash tables,
`if` statements, arithmetic and comparison operators, and a few variables; no commands, script blocks,
property references, method calls, assignments, loops or types beyond simple ones. `check_restricted`
walks an AST and raises RestrictedLanguageError (a ParseError, so callers that report parse errors
report these the same way) at the first element that is not permitted, with 5.1's message and
position. Only then is the AST evaluated, so reading a data file never runs its code.
"""
from __future__ import annotations

from ..errors import ParseError, ParseErrorItem
from . import ast as A

# the variables 5.1 permits in restricted language (and the text of its message listing them)
ALLOWED_VARIABLES = frozenset(("psculture", "psuiculture", "true", "false", "null"))
_VARIABLE_LIST = "$PSCulture, $PSUICulture, $true, $false, and  $null"

# simple types a data file may convert to (pshim's list; 5.1 keeps a similar short list)
_ALLOWED_TYPES = frozenset((
    "string", "system.string", "char", "system.char", "bool", "boolean", "system.boolean", "byte",
    "system.byte", "int", "int32", "system.int32", "long", "int64", "system.int64", "double",
    "system.double", "single", "float", "system.single", "decimal", "system.decimal", "array",
    "system.array", "hashtable", "system.collections.hashtable", "version", "system.version",
    "datetime", "system.datetime", "guid", "system.guid", "object[]", "string[]", "int[]"))

# operators as the parser names them (no dash): arithmetic, comparison, logical, bitwise, unary
_OPERATORS = frozenset((
    "+", "-", "*", "/", "%", "eq", "ne", "gt", "ge", "lt", "le", "ieq", "ine", "igt", "ige", "ilt", "ile",
    "ceq", "cne", "cgt", "cge", "clt", "cle", "and", "or", "xor", "not", "!", ",", "band", "bor", "bxor",
    "bnot"))

_MESSAGES = {
    "ArrayReferenceNotSupportedInDataSection":
        "Array references are not allowed in restricted language mode or a Data section.",
    "AssignmentStatementNotSupportedInDataSection":
        "Assignment statements are not allowed in restricted language mode or a Data section.",
    "RedirectionNotSupportedInDataSection":
        "Redirection is not allowed in restricted language mode or a Data section.",
    "DoWhileStatementNotSupportedInDataSection":
        "The Do and While statements are not allowed in restricted language mode or a Data section.",
    "OperatorNotSupportedInDataSection":
        "The '{0}' operator is not allowed in restricted language mode or a Data section.",
    "TrapStatementNotSupportedInDataSection":
        "The Trap statement is not allowed in restricted language mode or a Data section.",
    "TryStatementNotSupportedInDataSection":
        "The Try statement is not allowed in restricted language mode or a Data section.",
    "FlowControlStatementNotSupportedInDataSection":
        "Flow control statements such as Break, Continue, Return, Exit, and Throw are not allowed in "
        "restricted language mode or a Data section.",
    "ForeachStatementNotSupportedInDataSection":
        "Foreach statements are not allowed in restricted language mode or a Data section.",
    "ForWhileStatementNotSupportedInDataSection":
        "For and While statements are not allowed in restricted language mode or a Data section.",
    "FunctionDeclarationNotSupportedInDataSection":
        "Function declarations are not allowed in restricted language mode or a Data section.",
    "MethodCallNotSupportedInDataSection":
        "Method calls are not allowed in restricted language mode or a Data section.",
    "ParameterDeclarationNotSupportedInDataSection":
        "Parameter declarations are not allowed in restricted language mode or a Data section.",
    "PropertyReferenceNotSupportedInDataSection":
        "Property references are not allowed in restricted language mode or a Data section.",
    "ScriptBlockNotSupportedInDataSection":
        "Script block literals are not allowed in restricted language mode or a Data section.",
    "SwitchStatementNotSupportedInDataSection":
        "The switch statement is not allowed in restricted language mode or a Data section.",
    "VariableReferenceNotSupportedInDataSection":
        "A variable that cannot be referenced in restricted language mode or a Data section is being "
        "referenced. Variables that can be referenced include the following: {0}.",
    "CmdletNotInAllowedListForDataSection":
        "The command '{0}' is not allowed in restricted language mode or a Data section.",
    "DataSectionStatementNotSupportedInDataSection":
        "The data statement is not allowed in restricted language mode or another Data section.",
    "AttributeNotSupportedInDataSection":
        "Attributes are not allowed in restricted language mode or a Data section.",
    "TypeNotAllowedInDataSection": "The type {0} is not allowed in restricted language mode or a Data section.",
}


class RestrictedLanguageError(ParseError):
    """An element a data file may not contain (reported like a parse error)."""


def _fail(node, error_id, arg=""):
    raise RestrictedLanguageError([ParseErrorItem(_MESSAGES[error_id].format(arg), error_id, node.extent)])


def _shown(op: str) -> str:
    """An operator as written: `-f`, `++`."""
    op = op.replace("post", "").replace("pre", "")
    return op if not op[:1].isalpha() else "-" + op


def check_restricted(node) -> None:
    """Raise RestrictedLanguageError unless `node` (and all below it) is permitted in restricted language."""
    _check(node)


def _check_all(nodes):
    for n in nodes:
        if n is not None:
            _check(n)


def _check(node):   # noqa: C901  (one branch per kind of node, as the table in the docstring)
    if isinstance(node, (A.StringConstantExpressionAst, A.ConstantExpressionAst)):
        return
    if isinstance(node, A.HashtableAst):
        for key, value in node.pairs:
            _check(key)
            _check(value)
        return
    if isinstance(node, A.PipelineAst):
        for el in node.elements:
            if isinstance(el, A.CommandAst):
                first = el.elements[0] if el.elements else None
                name = first.value if isinstance(first, A.StringConstantExpressionAst) else \
                    (first.extent.text if first is not None else "")
                _fail(el, "CmdletNotInAllowedListForDataSection", name)
            if getattr(el, "redirections", None):
                _fail(el.redirections[0], "RedirectionNotSupportedInDataSection")
            _check(el.expression)
        return
    if isinstance(node, A.StatementBlockAst):
        if node.traps:
            _fail(node.traps[0], "TrapStatementNotSupportedInDataSection")
        _check_all(node.statements)
        return
    if isinstance(node, A.IfStatementAst):
        for cond, body in node.clauses:
            _check(cond)
            _check(body)
        if node.else_body is not None:
            _check(node.else_body)
        return
    if isinstance(node, A.ExpandableStringExpressionAst):
        _check_all(p for p in node.parts if isinstance(p, A.Ast))
        return
    if isinstance(node, A.VariableExpressionAst):
        if node.scope is not None or node.name.lower() not in ALLOWED_VARIABLES:
            _fail(node, "VariableReferenceNotSupportedInDataSection", _VARIABLE_LIST)
        return
    if isinstance(node, A.UsingExpressionAst):
        _fail(node, "VariableReferenceNotSupportedInDataSection", _VARIABLE_LIST)
    if isinstance(node, A.ArrayLiteralAst):
        _check_all(node.elements)
        return
    if isinstance(node, (A.ArrayExpressionAst, A.SubExpressionAst)):
        _check(node.body)
        return
    if isinstance(node, A.ParenExpressionAst):
        _check(node.pipeline)
        return
    if isinstance(node, A.UnaryExpressionAst):
        if node.operator.lower() not in _OPERATORS:
            _fail(node, "OperatorNotSupportedInDataSection", _shown(node.operator))
        _check(node.operand)
        return
    if isinstance(node, A.BinaryExpressionAst):
        if node.operator.lower() not in _OPERATORS:
            _fail(node, "OperatorNotSupportedInDataSection", _shown(node.operator))
        _check(node.left)
        _check(node.right)
        return
    if isinstance(node, A.ConvertExpressionAst):
        if node.type_name.lower() not in _ALLOWED_TYPES:
            _fail(node, "TypeNotAllowedInDataSection", node.type_name)
        _check(node.child)
        return
    if isinstance(node, A.InvokeMemberExpressionAst):
        _fail(node, "MethodCallNotSupportedInDataSection")
    if isinstance(node, A.MemberExpressionAst):
        _fail(node, "PropertyReferenceNotSupportedInDataSection")
    if isinstance(node, A.IndexExpressionAst):
        _fail(node, "ArrayReferenceNotSupportedInDataSection")
    if isinstance(node, A.ScriptBlockExpressionAst):
        _fail(node, "ScriptBlockNotSupportedInDataSection")
    if isinstance(node, A.AttributedExpressionAst):
        _fail(node, "AttributeNotSupportedInDataSection")
    if isinstance(node, A.TypeExpressionAst):
        _fail(node, "TypeNotAllowedInDataSection", node.type_name)
    if isinstance(node, A.AssignmentStatementAst):
        _fail(node, "AssignmentStatementNotSupportedInDataSection")
    if isinstance(node, A.ForEachStatementAst):
        _fail(node, "ForeachStatementNotSupportedInDataSection")
    if isinstance(node, (A.DoWhileStatementAst, A.DoUntilStatementAst)):
        _fail(node, "DoWhileStatementNotSupportedInDataSection")
    if isinstance(node, (A.ForStatementAst, A.WhileStatementAst)):
        _fail(node, "ForWhileStatementNotSupportedInDataSection")
    if isinstance(node, A.SwitchStatementAst):
        _fail(node, "SwitchStatementNotSupportedInDataSection")
    if isinstance(node, A.TryStatementAst):
        _fail(node, "TryStatementNotSupportedInDataSection")
    if isinstance(node, A.TrapStatementAst):
        _fail(node, "TrapStatementNotSupportedInDataSection")
    if isinstance(node, A.FunctionDefinitionAst):
        _fail(node, "FunctionDeclarationNotSupportedInDataSection")
    if isinstance(node, (A.BreakStatementAst, A.ContinueStatementAst, A.ReturnStatementAst,
                         A.ExitStatementAst, A.ThrowStatementAst)):
        _fail(node, "FlowControlStatementNotSupportedInDataSection")
    if isinstance(node, A.DataStatementAst):
        _fail(node, "DataSectionStatementNotSupportedInDataSection")
    if isinstance(node, A.ParamBlockAst):
        _fail(node, "ParameterDeclarationNotSupportedInDataSection")
    # anything else (a class definition, a block statement, ...) is not data either
    _fail(node, "ScriptBlockNotSupportedInDataSection")
