"""Expressions -> Python closures `fn(ctx) -> value`.

Each AST node is compiled once (per script block) into a closure; evaluating
a script block per pipeline record then costs only the calls of the closures,
never a walk over the tree or a dispatch on node types. This is what lets
`1..N | Where-Object { $_ % 3 }` stream hundreds of thousands of records a
second in pure Python.
"""
from __future__ import annotations

import contextvars
import decimal

from ..errors import RuntimeException, PSException, MethodInvocationException, PSInvalidCastException
from ..language import ast as A
from . import conversion as cv
from .access import get_member, invoke_method, index_value
from .members import _MISSING
from .method_support import NO_OUTPUT
from . import environment
from .strict import undefined_variable, missing_member, missing_index
from .operators import binary_op, unary_op, RangeValue
from .psobject import Hashtable, OrderedDictionary, PSObject, Int64

_AUTOMATIC_CONSTANTS = {"true": True, "false": False, "null": None}

# True while the parts of an expandable string are compiled: strict mode 1.0 lets a variable written
# inside a string be unset (runtime/strict.py). A context variable, so two threads compile apart.
_IN_STRING = contextvars.ContextVar("pshim_compiling_in_string", default=False)


def collect_value(items: list):
    """The value of captured output: nothing -> $null, one -> itself, more -> array."""
    n = len(items)
    if n == 0:
        return None
    if n == 1:
        return items[0]
    return items


def emit_value(value, out):
    """Write a value to an output pipe the way a statement does: arrays are
    enumerated (one level), a void method's NO_OUTPUT is nothing, everything else is one object."""
    if value is NO_OUTPUT:
        return
    if isinstance(value, (list, tuple)):
        if isinstance(value, RangeValue):
            for x in value.iter_lazy():
                out(x)
        else:
            for x in value:
                out(x)
    else:
        out(value)


def compile_expr(node):
    fn = _DISPATCH.get(type(node))
    if fn is None:
        for klass, f in _DISPATCH.items():
            if isinstance(node, klass):
                fn = f
                break
    if fn is None:
        raise RuntimeException(f"Unsupported expression: {type(node).__name__}",
                               error_id="NotSupported")
    return fn(node)


# ---------------------------------------------------------------------------

def _constant(node: A.ConstantExpressionAst):
    v = node.value
    if node.type_hint == "long" and isinstance(v, int):
        v = Int64(v)
    elif node.type_hint == "decimal" and not isinstance(v, decimal.Decimal):
        v = decimal.Decimal(str(v))
    return lambda ctx: v


def _expandable(node: A.ExpandableStringExpressionAst):
    parts = []
    token = _IN_STRING.set(True)
    try:
        for p in node.parts:
            if isinstance(p, str):
                parts.append(p)
            else:
                parts.append(compile_expr(p))
    finally:
        _IN_STRING.reset(token)
    if all(isinstance(p, str) for p in parts):
        s = "".join(parts)
        return lambda ctx: s

    def fn(ctx):
        ofs = None
        buf = []
        for p in parts:
            if isinstance(p, str):
                buf.append(p)
            else:
                v = p(ctx)
                if isinstance(v, (list, tuple)):
                    if ofs is None:
                        o = ctx.get_variable("OFS")
                        ofs = " " if o is None else cv.to_string(o)
                    buf.append(cv.to_string(v, ofs))
                else:
                    buf.append(cv.to_string(v))
        return "".join(buf)
    return fn


def compile_variable_get(name: str, scope: str | None, extent=None):
    lname = name.lower()
    in_string = _IN_STRING.get()
    if scope is None or scope in ("local", "global", "script", "private"):
        if scope is None and lname in _AUTOMATIC_CONSTANTS:
            c = _AUTOMATIC_CONSTANTS[lname]
            return lambda ctx: c
        if lname == "?":
            return lambda ctx: ctx.last_status
        if scope in ("global", "script"):
            user_path = f"{scope}:{name}"

            def scoped(ctx):
                v = ctx._scope_for(scope).lookup(lname)
                if v is None:
                    return undefined_variable(ctx, user_path, in_string, extent)
                return v.value
            return scoped
        if lname in ("pwd",):
            return lambda ctx: ctx.session.location_info()
        user_path = name if scope is None else f"{scope}:{name}"
        if lname == "psitem":
            lname = "_"         # $PSItem is $_ (5.1 keeps them in one slot)

        def var(ctx):
            s = ctx.scope
            while s is not None:
                v = s.vars.get(lname)
                if v is not None:
                    return v.value
                s = s.parent
            from .context import PREFERENCE_DEFAULTS
            if name in PREFERENCE_DEFAULTS:
                return PREFERENCE_DEFAULTS[name]
            return undefined_variable(ctx, user_path, in_string, extent)
        return var
    if scope == "env":
        return lambda ctx: environment.get(name)
    if scope == "using":
        return compile_variable_get(name, None, extent)
    if scope in ("variable",):
        return compile_variable_get(name, None, extent)
    if scope == "function":
        def fn(ctx):
            f = ctx.scope.lookup_function(lname)
            return f.script_block if f is not None else None
        return fn
    # a drive-qualified variable such as ${C:\path\file.txt} reads the item
    def drive(ctx):
        return ctx.session.engine.read_drive_variable(ctx, scope, name)
    return drive


def _variable(node: A.VariableExpressionAst):
    return compile_variable_get(node.name, node.scope, node.extent)


def _binary(node: A.BinaryExpressionAst):
    op = node.operator.lower()
    left = compile_expr(node.left)
    right = compile_expr(node.right)
    if op == "and":
        return lambda ctx: cv.to_bool(left(ctx)) and cv.to_bool(right(ctx))
    if op == "or":
        return lambda ctx: cv.to_bool(left(ctx)) or cv.to_bool(right(ctx))
    f = binary_op(op)
    if op in ("%",):
        def mod(ctx):
            a = left(ctx)
            b = right(ctx)
            if type(a) is int and type(b) is int and b > 0 and a >= 0:
                return a % b
            return f(a, b, ctx)
        return mod
    if op == "..":
        # ranges stay lazy; anything that indexes or counts them builds them
        return lambda ctx: f(left(ctx), right(ctx), ctx)
    return lambda ctx: f(left(ctx), right(ctx), ctx)


def _unary(node: A.UnaryExpressionAst):
    op = node.operator.lower()
    if op in ("++", "--", "post++", "post--"):
        from .compile_assign import compile_increment
        return compile_increment(node.operand, op)
    operand = compile_expr(node.operand)
    f = unary_op(op)
    return lambda ctx: f(operand(ctx), ctx)


def _convert_expr(node: A.ConvertExpressionAst):
    tname = node.type_name.strip()
    lname = tname.lower()
    child = node.child
    if lname == "ordered" and isinstance(child, A.HashtableAst):
        pairs = _compile_pairs(child)

        def ordered(ctx):
            h = OrderedDictionary()
            for k, v in pairs:
                h[k(ctx)] = v(ctx)
            return h
        return ordered
    if lname in ("pscustomobject", "system.management.automation.pscustomobject") and \
            isinstance(child, A.HashtableAst):
        pairs = _compile_pairs(child)

        def custom(ctx):
            obj = PSObject()
            for k, v in pairs:
                obj.add_note(cv.to_string(k(ctx)), v(ctx))
            return obj
        return custom
    if lname in ("ref", "system.management.automation.psreference") and isinstance(child, A.VariableExpressionAst):
        return _variable_ref(child)
    inner = compile_expr(child)
    if lname == "void":
        def void(ctx):
            inner(ctx)
            return None
        return void
    cache = []

    def convert(ctx):
        if not cache:
            from .types import resolve_type
            cache.append(resolve_type(tname))
        try:
            return cache[0].convert(inner(ctx))
        except PSInvalidCastException as e:
            # a cast in script code fails with a RuntimeException around the cast error (5.1)
            raise RuntimeException(e.message, error_id=e.error_id, category="InvalidArgument", inner=e)
    return convert


def _variable_ref(var: A.VariableExpressionAst):
    """`[ref]$x`: a reference whose .Value reads and writes the variable itself."""
    from .types import PSReference
    lname = var.name.lower()

    class VariableReference(PSReference):
        def __init__(self, scope):
            self._scope = scope

        @property
        def Value(self):
            v = self._scope.lookup(lname)
            return None if v is None else v.value

        @Value.setter
        def Value(self, value):
            s = self._scope
            while s is not None:
                if lname in s.vars:
                    s.set_local(var.name, value, lname)
                    return
                s = s.parent
            self._scope.set_local(var.name, value, lname)

    return lambda ctx: VariableReference(ctx._scope_for(var.scope))


def _type_expr(node: A.TypeExpressionAst):
    tname = node.type_name
    cache = []

    def fn(ctx):
        if not cache:
            from .types import resolve_type
            cache.append(resolve_type(tname))
        return cache[0]
    return fn


def _member_name(node):
    if isinstance(node, A.StringConstantExpressionAst):
        v = node.value
        return lambda ctx: v
    inner = compile_expr(node)
    return lambda ctx: cv.to_string(inner(ctx))


def _member(node: A.MemberExpressionAst):
    name = _member_name(node.member)
    if node.static:
        tfn = compile_expr(node.target)

        def static(ctx):
            t = tfn(ctx)
            from . import statics
            return statics.get_static(t.full_name, name(ctx))
        return static
    target = compile_expr(node.target)
    extent = node.extent

    def member(ctx):
        obj = target(ctx)
        n = name(ctx)
        v = get_member(obj, n, _MISSING)
        if v is _MISSING:
            return missing_member(ctx, obj, n, extent)
        return v
    return member


def _invoke_member(node: A.InvokeMemberExpressionAst):
    name = _member_name(node.member)
    args = [compile_expr(a) for a in node.arguments]
    target = compile_expr(node.target)
    if node.static:
        def static(ctx, statement=False):
            t = target(ctx)
            from . import statics
            n = name(ctx)
            try:
                return statics.invoke_static(t.full_name, n, [a(ctx) for a in args], statement=statement,
                                             **_static_callbacks(ctx))
            except PSException as e:
                if n.lower() != "new" or e.error_id != "MethodNotFound":
                    raise
                # a type a module registered with its own constructor (PSType.new), as New-Object uses it
                ctor = getattr(t, "new", None)
                if callable(ctor):
                    return ctor(*[a(ctx) for a in args])
                # a type with no constructor table: its one-argument constructor is its conversion
                # ([version]::new('1.2.3') as [version]'1.2.3'); other argument counts have no overload
                if len(args) <= 1 and getattr(t, "_convert", None) is not None:
                    return t.convert(args[0](ctx) if args else None)
                raise
            except (ValueError, TypeError, IndexError, KeyError, OverflowError, OSError) as e:
                raise MethodInvocationException(
                    f'Exception calling "{n}" with "{len(args)}" argument(s): "{e}"',
                    error_id=type(e).__name__)
        static.statement = lambda ctx: static(ctx, True)
        return static

    def call(ctx, statement=False):
        obj = target(ctx)
        return invoke_method(ctx, obj, name(ctx), [a(ctx) for a in args], statement)
    # the form a statement uses (`$list.Add(1)` alone on its line): a void method writes nothing
    call.statement = lambda ctx: call(ctx, True)
    return call


def _callbacks(ctx):
    """Script-block callbacks .NET-side code needs (delegates, .Where/.ForEach, List[T] items)."""
    from .access import invoke_sb, _convert
    session = ctx.session

    def delegate(sb, args):
        return session.engine.invoke_scriptblock(ctx, sb, list(args))
    return {"invoker": lambda sb, item: invoke_sb(ctx, sb, item), "convert": _convert,
            "delegate_invoker": delegate}


def _static_callbacks(ctx):
    """What static members need of the session: the callbacks above, and the session's path resolver
    ([System.IO.File]::ReadAllText('C:\\x') reads through its drives)."""
    kw = _callbacks(ctx)
    kw["path_resolver"] = ctx.resolve_path
    return kw


def _index(node: A.IndexExpressionAst):
    target = compile_expr(node.target)
    idx = compile_expr(node.index)

    def index(ctx):
        obj = target(ctx)
        i = idx(ctx)
        v = index_value(obj, i, _MISSING)
        if v is _MISSING:
            return missing_index(ctx, obj, i)
        return v
    return index


def _array_literal(node: A.ArrayLiteralAst):
    elems = [compile_expr(e) for e in node.elements]
    return lambda ctx: [e(ctx) for e in elems]


def _array_expr(node: A.ArrayExpressionAst):
    from .compile_stmt import compile_statement_block
    body = compile_statement_block(node.body)

    def fn(ctx):
        out = []
        body(ctx, out.append)
        return out
    return fn


def _sub_expr(node: A.SubExpressionAst):
    from .compile_stmt import compile_statement_block
    body = compile_statement_block(node.body)

    def fn(ctx):
        out = []
        body(ctx, out.append)
        return collect_value(out)
    return fn


def compile_items(node):
    """For `(pipeline)` and `$(...)` written where objects are emitted (a statement, the
    head of a pipeline): fn(ctx) -> the list of objects the inner statements wrote. A
    command that wrote nothing then emits nothing (AutomationNull), not $null.
    None for every other expression."""
    if isinstance(node, A.ParenExpressionAst):
        p = node.pipeline
        if isinstance(p, A.AssignmentStatementAst) or (
                isinstance(p, A.PipelineAst) and len(p.elements) == 1 and
                isinstance(p.elements[0], A.CommandExpressionAst) and not p.elements[0].redirections):
            return None
        from .compile_stmt import compile_statement
        run = compile_statement(p)
    elif isinstance(node, A.SubExpressionAst):
        from .compile_stmt import compile_statement_block
        run = compile_statement_block(node.body)
    else:
        return None

    def items(ctx):
        out = []
        run(ctx, out.append)
        return out
    return items


def _paren(node: A.ParenExpressionAst):
    from .compile_stmt import compile_value
    return compile_value(node.pipeline, paren=True)


def _compile_pairs(node: A.HashtableAst):
    from .compile_stmt import compile_value
    pairs = []
    for k, v in node.pairs:
        if isinstance(k, A.StringConstantExpressionAst):
            kv = k.value
            kf = (lambda kv: lambda ctx: kv)(kv)
        else:
            kf = compile_expr(k)
        pairs.append((kf, compile_value(v)))
    return pairs


def _hashtable(node: A.HashtableAst):
    pairs = _compile_pairs(node)

    def fn(ctx):
        h = Hashtable()
        for k, v in pairs:
            key = k(ctx)
            if key is None:
                raise RuntimeException("A null key is not allowed in a hash literal.",
                                       error_id="InvalidNullKey", category="InvalidOperation")
            if key in h:
                raise RuntimeException(f"Duplicate keys '{cv.to_string(key)}' are not allowed in hash "
                                       "literals.", error_id="DuplicateKeyInHashLiteral",
                                       category="ParserError")
            h[key] = v(ctx)
        return h
    return fn


def _script_block(node: A.ScriptBlockExpressionAst):
    from .scriptblock import ScriptBlock
    from .scopes import session_module
    sb_ast = node.script_block

    def fn(ctx):
        # a literal is bound to the session state it is written in (the global one, or a module's)
        return ScriptBlock(sb_ast, module=session_module(ctx.scope))
    return fn


def _using(node: A.UsingExpressionAst):
    return compile_expr(node.sub)


def _attributed(node: A.AttributedExpressionAst):
    return compile_expr(node.child)


def _error_expr(node):
    def fn(ctx):
        raise RuntimeException("The expression is not valid.", error_id="InvalidExpression")
    return fn


_DISPATCH = {
    A.StringConstantExpressionAst: _constant,
    A.ConstantExpressionAst: _constant,
    A.ExpandableStringExpressionAst: _expandable,
    A.VariableExpressionAst: _variable,
    A.BinaryExpressionAst: _binary,
    A.UnaryExpressionAst: _unary,
    A.ConvertExpressionAst: _convert_expr,
    A.TypeExpressionAst: _type_expr,
    A.InvokeMemberExpressionAst: _invoke_member,
    A.MemberExpressionAst: _member,
    A.IndexExpressionAst: _index,
    A.ArrayLiteralAst: _array_literal,
    A.ArrayExpressionAst: _array_expr,
    A.SubExpressionAst: _sub_expr,
    A.ParenExpressionAst: _paren,
    A.HashtableAst: _hashtable,
    A.ScriptBlockExpressionAst: _script_block,
    A.UsingExpressionAst: _using,
    A.AttributedExpressionAst: _attributed,
    A.ErrorExpressionAst: _error_expr,
}
