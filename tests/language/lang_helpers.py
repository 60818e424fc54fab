"""Helpers for the language tests: parse and dump ASTs as compact s-expressions."""
from __future__ import annotations

from pshim.language import ast as A
from pshim.language import parse


def sx(n):
    """A short, readable form of an AST (only what the tests compare)."""
    if isinstance(n, list):
        return [sx(x) for x in n]
    if isinstance(n, tuple):
        return tuple(sx(x) for x in n)
    if n is None or isinstance(n, str):
        return n
    if isinstance(n, A.ScriptBlockAst):
        return sx(n.end.body) if n.end is not None and n.end.unnamed and not n.param_block else n
    if isinstance(n, A.StatementBlockAst):
        return [sx(s) for s in n.statements]
    if isinstance(n, A.PipelineAst):
        if len(n.elements) == 1:
            return sx(n.elements[0])
        return ("|",) + tuple(sx(e) for e in n.elements)
    if isinstance(n, A.CommandExpressionAst):
        if n.redirections:
            return ("redir", sx(n.expression)) + tuple(sx(r) for r in n.redirections)
        return sx(n.expression)
    if isinstance(n, A.CommandAst):
        head = ("cmd",) if n.invocation_operator is None else ("cmd" + n.invocation_operator,)
        return head + tuple(sx(e) for e in n.elements) + tuple(sx(r) for r in n.redirections)
    if isinstance(n, A.CommandParameterAst):
        if n.colon:
            return ("-" + n.name + ":", sx(n.argument))
        return "-" + n.name
    if isinstance(n, A.FileRedirectionAst):
        return (n.from_stream + (">>" if n.append else ">"), sx(n.target))
    if isinstance(n, A.MergingRedirectionAst):
        return n.from_stream + ">&" + n.to_stream
    if isinstance(n, A.AssignmentStatementAst):
        return (n.operator, sx(n.left), sx(n.right))
    if isinstance(n, A.BinaryExpressionAst):
        return (n.operator, sx(n.left), sx(n.right))
    if isinstance(n, A.UnaryExpressionAst):
        return (n.operator, sx(n.operand))
    if isinstance(n, A.ArrayLiteralAst):
        return (",",) + tuple(sx(e) for e in n.elements)
    if isinstance(n, A.StringConstantExpressionAst):
        return f"{n.kind}:{n.value}"
    if isinstance(n, A.ConstantExpressionAst):
        return n.value
    if isinstance(n, A.ExpandableStringExpressionAst):
        return ("expand:" + n.kind,) + tuple(sx(p) for p in n.parts)
    if isinstance(n, A.VariableExpressionAst):
        prefix = "@" if n.splatted else "$"
        return prefix + (n.scope + ":" if n.scope else "") + n.name
    if isinstance(n, A.InvokeMemberExpressionAst):
        return ("::()" if n.static else ".()", sx(n.target), sx(n.member)) + tuple(sx(a) for a in n.arguments)
    if isinstance(n, A.MemberExpressionAst):
        return ("::" if n.static else ".", sx(n.target), sx(n.member))
    if isinstance(n, A.IndexExpressionAst):
        return ("[]", sx(n.target), sx(n.index))
    if isinstance(n, A.TypeExpressionAst):
        return f"[{n.type_name}]"
    if isinstance(n, A.ConvertExpressionAst):
        return ("cast", n.type_name, sx(n.child))
    if isinstance(n, A.ParenExpressionAst):
        return ("()", sx(n.pipeline))
    if isinstance(n, A.SubExpressionAst):
        return ("$()",) + tuple(sx(s) for s in n.body.statements)
    if isinstance(n, A.ArrayExpressionAst):
        return ("@()",) + tuple(sx(s) for s in n.body.statements)
    if isinstance(n, A.HashtableAst):
        return ("@{}",) + tuple((sx(k), sx(v)) for k, v in n.pairs)
    if isinstance(n, A.ScriptBlockExpressionAst):
        return ("{}", sx(n.script_block))
    return n


def body(text):
    """The statements of a parsed script, dumped."""
    return sx(parse(text).end.body)


def one(text):
    """The single statement of a script, dumped."""
    st = body(text)
    assert len(st) == 1, st
    return st[0]


def stmt(text):
    """The single statement node itself (not dumped)."""
    st = parse(text).end.body.statements
    assert len(st) == 1, st
    return st[0]
