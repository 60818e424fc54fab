"""Assignment targets: `$x = ...`, `$o.p += 1`, `$a[0] = ...`, `[int]$x = ...`,
`$a, $b = 1, 2`, and `++`/`--`."""
from __future__ import annotations

from ..errors import RuntimeException
from ..language import ast as A
from .access import set_member, set_index
from .compile_expr import compile_expr, _member_name
from .operators import binary_op, op_add, op_sub
from . import environment

_COMPOUND = {"+=": "+", "-=": "-", "*=": "*", "/=": "/", "%=": "%"}


def compile_setter(target):
    """fn(ctx, value) storing value into the target."""
    if isinstance(target, A.VariableExpressionAst):
        return _var_setter(target.name, target.scope)
    if isinstance(target, A.ConvertExpressionAst) and isinstance(target.child, A.VariableExpressionAst):
        tname = target.type_name
        var = target.child
        lname = var.name.lower()

        def typed(ctx, value):
            from .types import resolve_type
            t = resolve_type(tname)
            value = t.convert(value)
            scope = ctx._scope_for(var.scope)
            v = scope.vars.get(lname)
            if v is None:
                scope.set_local(var.name, value, lname)
                v = scope.vars[lname]
            else:
                v.type_constraint = None
                v.value = value
            v.type_constraint = t
        return typed
    if isinstance(target, A.AttributedExpressionAst):
        return compile_setter(target.child)
    if isinstance(target, A.MemberExpressionAst) and not isinstance(target, A.InvokeMemberExpressionAst):
        obj = compile_expr(target.target)
        name = _member_name(target.member)
        if target.static:
            tfn = compile_expr(target.target)

            def static_set(ctx, value):
                from . import statics
                if statics.set_static(tfn(ctx).full_name, name(ctx), value):
                    return
                raise RuntimeException("Static properties cannot be set.", error_id="PropertyNotSettable")
            return static_set
        return lambda ctx, value: set_member(obj(ctx), name(ctx), value)
    if isinstance(target, A.InvokeMemberExpressionAst) and not target.static:
        # a parameterized property: `$d.Item('k') = 5`, `$list.Item(0) = 'x'`
        obj = compile_expr(target.target)
        args = [compile_expr(a) for a in target.arguments]

        def item_set(ctx, value):
            o = obj(ctx)
            keys = [a(ctx) for a in args]
            if len(keys) == 1:
                set_index(o, keys[0], value)
                return
            raise RuntimeException("The assignment expression is not valid. The input to an assignment "
                                   "operator must be an object that is able to accept assignments, such as a "
                                   "variable or a property.", error_id="InvalidLeftHandSide",
                                   category="ParserError")
        return item_set
    if isinstance(target, A.IndexExpressionAst):
        obj = compile_expr(target.target)
        idx = compile_expr(target.index)
        return lambda ctx, value: set_index(obj(ctx), idx(ctx), value)
    if isinstance(target, (A.ArrayLiteralAst,)):
        setters = [compile_setter(e) for e in target.elements]

        def multi(ctx, value):
            vals = list(value) if isinstance(value, (list, tuple)) else [value]
            n = len(setters)
            for i, s in enumerate(setters):
                if i < n - 1:
                    s(ctx, vals[i] if i < len(vals) else None)
                else:
                    rest = vals[i:]
                    s(ctx, None if not rest else rest[0] if len(rest) == 1 else rest)
        return multi
    if isinstance(target, A.ParenExpressionAst):
        p = target.pipeline
        if isinstance(p, A.PipelineAst) and len(p.elements) == 1 and \
                isinstance(p.elements[0], A.CommandExpressionAst):
            return compile_setter(p.elements[0].expression)

    def invalid(ctx, value):
        raise RuntimeException("The assignment expression is not valid. The input to an assignment operator "
                               "must be an object that is able to accept assignments, such as a variable or "
                               "a property.", error_id="InvalidLeftHandSide", category="ParserError")
    return invalid


def _var_setter(name, scope):
    lname = name.lower()
    if lname == "psitem" and scope in (None, "local"):
        name, lname = "_", "_"      # $PSItem is $_
    if scope is None and lname == "null":
        return lambda ctx, value: None
    if scope == "env":
        def env(ctx, value):
            from .conversion import to_string
            environment.set_value(name, None if value is None else to_string(value))
        return env
    if scope is None or scope == "local":
        def local(ctx, value):
            vars_ = ctx.scope.vars
            v = vars_.get(lname)
            if v is not None and v.type_constraint is None and v.options == "None":
                v.value = value
            else:
                ctx.scope.set_local(name, value, lname)
        return local
    return lambda ctx, value: ctx._scope_for(scope).set_local(name, value, lname)


def compile_getter(target):
    if isinstance(target, A.ConvertExpressionAst):
        return compile_getter(target.child)
    return compile_expr(target)


def compile_assignment(node: A.AssignmentStatementAst):
    from .compile_stmt import compile_value
    setter = compile_setter(node.left)
    rhs = compile_value(node.right)
    op = node.operator
    if op == "=":
        def assign(ctx):
            v = rhs(ctx)
            setter(ctx, v)
            return v
        return assign
    fn = binary_op(_COMPOUND[op])
    getter = compile_getter(node.left)

    def compound(ctx):
        v = fn(getter(ctx), rhs(ctx), ctx)
        setter(ctx, v)
        return v
    return compound


def compile_increment(operand, op):
    setter = compile_setter(operand)
    getter = compile_getter(operand)
    delta = 1 if "++" in op else -1
    post = op.startswith("post")
    fn = op_add if delta > 0 else op_sub

    def inc(ctx):
        old = getter(ctx)
        new = fn(0 if old is None else old, 1, ctx)
        setter(ctx, new)
        return old if post else new
    return inc
