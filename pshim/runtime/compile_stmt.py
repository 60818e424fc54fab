"""Statements -> closures `fn(ctx, out)`, where `out(obj)` receives each object
the statement writes to the success stream.

Error policy lives in `run_statements`: a statement-terminating error is shown
and the next statement runs; inside a try (ctx.in_try) or for script-
terminating errors (throw, -ErrorAction Stop) it propagates. Traps of the
block are consulted first.
"""
from __future__ import annotations


from ..errors import (PSException, RuntimeException, ErrorRecord, PSErrorRecordException,
                      BreakSignal, ContinueSignal, ReturnSignal, ExitSignal, FlowControl,
                      ActionPreferenceStopException, InvocationInfo, ParseError)
from ..language import ast as A
from . import conversion as cv
from .compile_expr import compile_expr, collect_value, emit_value
from .engine import command_layer
from .operators import RangeValue
from . import loop_enumerator
from .loop_enumerator import LoopEnumerator
from .scopes import PSVariable


# ---------------------------------------------------------------------------
# Python exceptions that escape a cmdlet or method are bugs or environment
# failures; they become RuntimeExceptions so a user sees an error record.

def as_ps_exception(e: BaseException) -> PSException:
    if isinstance(e, PSException):
        return e
    if isinstance(e, RecursionError):
        return RuntimeException("The script failed due to call depth overflow.",
                                error_id="CallDepthOverflow", category="InvalidOperation")
    if isinstance(e, MemoryError):
        return RuntimeException("Insufficient memory to continue the execution of the program.",
                                error_id="OutOfMemory", category="NotSpecified")
    if isinstance(e, OverflowError):
        from ..errors import OverflowException
        return OverflowException("Arithmetic operation resulted in an overflow.", error_id="RuntimeException",
                                 category="NotSpecified", inner=e)
    if isinstance(e, OSError):
        from ..errors import IOException
        msg = e.strerror or str(e)
        if getattr(e, "filename", None):
            msg = f"{msg}: '{e.filename}'"
        return IOException(msg, error_id="System.IO.IOException", category="WriteError", inner=e)
    return RuntimeException(f"{type(e).__name__}: {e}", error_id="InternalError", category="NotSpecified",
                            inner=e)


def is_script_terminating(e: PSException) -> bool:
    return e.was_thrown_from_throw or isinstance(e, (ActionPreferenceStopException, ParseError)) \
        or getattr(e, "script_terminating", False)


def error_record_of(e: PSException) -> ErrorRecord:
    if isinstance(e, ActionPreferenceStopException) and e._error_record is not None:
        return e._error_record
    return e.error_record


# ---------------------------------------------------------------------------

def compile_statement(node):
    fn = _DISPATCH.get(type(node))
    if fn is None:
        raise RuntimeException(f"Unsupported statement: {type(node).__name__}", error_id="NotSupported")
    return fn(node)


def compile_statement_block(block: A.StatementBlockAst | None):
    if block is None:
        return lambda ctx, out: None
    statements = block.statements
    if any(type(s) is A.TypeDefinitionAst for s in statements):
        from .script_classes import hoist_definitions      # 5.1 defines a script's types before it runs
        statements = hoist_definitions(statements)
    stmts = [(compile_statement(s), s) for s in statements]
    traps = [(t.type_name, compile_statement_block(t.body), t) for t in block.traps]
    return make_runner(stmts, traps)


def make_runner(stmts, traps):
    fns = tuple(s for s, _ in stmts)

    if len(fns) == 1 and not traps:
        only = fns[0]

        def one(ctx, out):
            try:
                only(ctx, out)
            except FlowControl:
                raise
            except Exception as e:
                _handle(ctx, out, e, traps, stmts[0][1])
        return one

    def run(ctx, out):
        for i, s in enumerate(fns):
            try:
                s(ctx, out)
            except FlowControl:
                raise
            except Exception as e:
                _handle(ctx, out, e, traps, stmts[i][1])
    return run


def _handle(ctx, out, e, traps, node):
    e = as_ps_exception(e)
    rec = error_record_of(e)
    if rec.invocation is None and node is not None and not isinstance(e, ParseError):
        rec.invocation = InvocationInfo(None, node.extent)
    if traps:
        for type_name, body, tnode in traps:
            if type_name is None or _exception_matches(e, rec, type_name):
                ctx.session.add_error(rec)
                saved = _save_underscore(ctx.scope)
                ctx.scope.set_local("_", rec, "_")
                try:
                    body(ctx, out)
                except ContinueSignal:
                    return
                except BreakSignal:
                    raise e
                finally:
                    _restore_underscore(ctx.scope, saved)
                # the trap ran without continue/break: show the error, go on
                ctx.streams.error(rec)
                ctx.last_status = False
                return
    if ctx.in_try > 0 or is_script_terminating(e):
        raise e
    ctx.report_error(e)


_NONE = object()


def _save_underscore(scope):
    v = scope.vars.get("_")
    return _NONE if v is None else v.value


def _restore_underscore(scope, saved):
    if saved is _NONE:
        scope.vars.pop("_", None)
    else:
        scope.set_local("_", saved, "_")


def _exception_matches(e: PSException, rec: ErrorRecord, type_name: str) -> bool:
    from .types import resolve_type
    target = rec.exception if isinstance(e, ActionPreferenceStopException) and rec.exception is not None else e
    t = resolve_type(type_name)
    chain = target.type_chain() if hasattr(target, "type_chain") else []
    if t.full_name in chain or t.full_name == "System.Exception":
        return True
    if isinstance(e, ActionPreferenceStopException) and t.full_name in e.type_chain():
        return True
    return False


# ---------------------------------------------------------------------------
# values of statements

def compile_value(stmt, paren: bool = False):
    """fn(ctx) -> the value a statement produces when used as a value
    (right side of `=`, hashtable value, parenthesised pipeline)."""
    if isinstance(stmt, A.PipelineAst) and len(stmt.elements) == 1:
        el = stmt.elements[0]
        if isinstance(el, A.CommandExpressionAst) and not el.redirections:
            return compile_expr(el.expression)
    if isinstance(stmt, A.AssignmentStatementAst):
        from .compile_assign import compile_assignment
        return compile_assignment(stmt)
    if isinstance(stmt, A.ExpressionAst):
        return compile_expr(stmt)
    run = compile_statement(stmt)

    def value(ctx):
        items = []
        run(ctx, items.append)
        return collect_value(items)
    return value


# ---------------------------------------------------------------------------
# statements

def _pipeline(node: A.PipelineAst):
    if len(node.elements) == 1:
        el = node.elements[0]
        if isinstance(el, A.CommandExpressionAst) and not el.redirections:
            from .compile_expr import compile_items
            items = compile_items(el.expression)
            if items is not None:
                def items_stmt(ctx, out):
                    for x in items(ctx):
                        emit_value(x, out)
                    ctx.last_status = True
                return items_stmt
            expr = compile_expr(el.expression)
            expr = getattr(expr, "statement", expr)     # a method call's statement form (void writes nothing)
            if _is_void_expression(el.expression):
                def void_stmt(ctx, out):
                    expr(ctx)
                    ctx.last_status = True
                return void_stmt

            def expr_stmt(ctx, out):
                v = expr(ctx)
                ctx.last_status = True
                emit_value(v, out)
            return expr_stmt
    return command_layer().compile_pipeline(node)


def _is_void_expression(e) -> bool:
    """`$i++` / `--$i` as a statement write nothing (PowerShell voids them)."""
    if isinstance(e, A.ConvertExpressionAst) and e.type_name.strip().lower() in ("void", "system.void"):
        return True
    return isinstance(e, A.UnaryExpressionAst) and e.operator in ("++", "--", "post++", "post--")


def _assignment(node: A.AssignmentStatementAst):
    from .compile_assign import compile_assignment
    fn = compile_assignment(node)

    def stmt(ctx, out):
        fn(ctx)
    return stmt


def _if(node: A.IfStatementAst):
    clauses = [(compile_value(c), compile_statement_block(b)) for c, b in node.clauses]
    else_body = compile_statement_block(node.else_body) if node.else_body is not None else None
    to_bool = cv.to_bool

    def fn(ctx, out):
        for cond, body in clauses:
            if to_bool(cond(ctx)):
                body(ctx, out)
                return
        if else_body is not None:
            else_body(ctx, out)
    return fn


def _label_matches(sig_label, label):
    return sig_label is None or (label is not None and sig_label.lower() == label.lower())


def _loop_step(body, label):
    """One iteration of a loop body: False when a `break` (for this loop) ends the loop;
    a `continue` for this loop just ends the iteration; other labels propagate."""
    def step(ctx, out):
        try:
            body(ctx, out)
        except BreakSignal as b:
            if _label_matches(b.label, label):
                return False
            raise
        except ContinueSignal as c:
            if not _label_matches(c.label, label):
                raise
        return True
    return step


def _while(node: A.WhileStatementAst):
    cond = compile_value(node.condition) if node.condition is not None else (lambda ctx: True)
    step = _loop_step(compile_statement_block(node.body), node.label)
    to_bool = cv.to_bool

    def fn(ctx, out):
        while to_bool(cond(ctx)):
            if not step(ctx, out):
                return
    return fn


def _do(node, until: bool):
    cond = compile_value(node.condition)
    step = _loop_step(compile_statement_block(node.body), node.label)
    to_bool = cv.to_bool

    def fn(ctx, out):
        while step(ctx, out):
            if to_bool(cond(ctx)) == until:
                return
    return fn


def _for(node: A.ForStatementAst):
    init = compile_statement(node.initializer) if node.initializer is not None else None
    cond = compile_value(node.condition) if node.condition is not None else (lambda ctx: True)
    it = compile_statement(node.iterator) if node.iterator is not None else None
    step = _loop_step(compile_statement_block(node.body), node.label)
    to_bool = cv.to_bool

    def fn(ctx, out):
        if init is not None:
            init(ctx, _discard)
        while to_bool(cond(ctx)):
            if not step(ctx, out):
                return
            if it is not None:
                it(ctx, _discard)
    return fn


def _discard(obj):
    pass


def iterate_value(v):
    """What `foreach` and `switch` iterate over: arrays element-wise, $null not at all."""
    if v is None:
        return ()
    if isinstance(v, RangeValue):
        return v.iter_lazy()
    if isinstance(v, (list, tuple)):
        return v
    return (v,)


def _foreach(node: A.ForEachStatementAst):
    from .compile_assign import _var_setter
    iterable = compile_value(node.iterable)
    setter = _var_setter(node.variable.name, node.variable.scope)
    step = _loop_step(compile_statement_block(node.body), node.label)

    def fn(ctx, out):
        en = LoopEnumerator(iterate_value(iterable(ctx)))      # $foreach: the loop's own enumerator
        scope = ctx.scope
        saved = loop_enumerator.enter(scope, "foreach", en)
        try:
            while en.MoveNext():
                setter(ctx, en._current)
                if not step(ctx, out):
                    return
        finally:
            loop_enumerator.leave(scope, "foreach", saved)
    return fn


def _switch(node: A.SwitchStatementAst):
    flags = {f.lower() for f in node.flags}
    cond = compile_value(node.condition) if node.condition is not None else (lambda ctx: None)
    clauses = []
    for cl in node.clauses:
        c = cl.condition
        is_sb = isinstance(c, A.ScriptBlockExpressionAst)
        if is_sb:
            test = compile_statement_block(c.script_block.end.body if c.script_block.end else None)
        else:
            test = compile_expr(c)
        clauses.append((is_sb, test, compile_statement_block(cl.body)))
    default = compile_statement_block(node.default) if node.default is not None else None
    label = node.label
    ci = "casesensitive" not in flags
    mode = "regex" if "regex" in flags else "wildcard" if "wildcard" in flags else "exact"
    from .operators import _eq_scalar, wildcard_match
    from . import dotnet_regex
    from ..errors import ArgumentException

    def matches(ctx, value, is_sb, test):
        if is_sb:
            res = []
            test(ctx, res.append)
            return cv.to_bool(collect_value(res))
        pattern = test(ctx)
        if mode == "regex":
            try:
                rx = dotnet_regex.pattern_of(pattern, ci, cv.to_string)
            except ArgumentException as exc:
                raise RuntimeException(f"The regular expression pattern {cv.to_string(pattern)} is not valid.",
                                       error_id="InvalidRegularExpression", category="InvalidOperation",
                                       target=cv.to_string(pattern), inner=exc) from None
            m = rx.search(cv.to_string(value))
            if m is not None:
                ctx.set_matches(rx.matches_table(m))
            return m is not None
        if mode == "wildcard":
            return wildcard_match(cv.to_string(pattern), cv.to_string(value), ci)
        if isinstance(value, str) or isinstance(pattern, str):
            a, b = cv.to_string(value), cv.to_string(pattern)
            return a.lower() == b.lower() if ci else a == b
        return _eq_scalar(value, pattern, ci)

    def fn(ctx, out):
        v = cond(ctx)
        if "file" in flags:
            path = ctx.resolve_path(cv.to_string(v))
            from .textdecode import read_file, lines
            items = lines(read_file(path))
        else:
            items = iterate_value(v) if isinstance(v, (list, tuple)) else (v,)
        scope = ctx.scope
        saved = _save_underscore(scope)
        en = LoopEnumerator(items)          # $switch: the switch's own enumerator
        saved_switch = loop_enumerator.enter(scope, "switch", en)
        try:
            while en.MoveNext():
                item = en._current
                scope.set_local("_", item, "_")
                matched = False
                try:
                    for is_sb, test, body in clauses:
                        if matches(ctx, item, is_sb, test):
                            matched = True
                            body(ctx, out)
                    if not matched and default is not None:
                        default(ctx, out)
                except ContinueSignal as c:
                    if not _label_matches(c.label, label):
                        raise
                    continue
                except BreakSignal as b:
                    if _label_matches(b.label, label):
                        return
                    raise
        finally:
            loop_enumerator.leave(scope, "switch", saved_switch)
            _restore_underscore(scope, saved)
    return fn


def _function_def(node: A.FunctionDefinitionAst):
    from .scriptblock import ScriptBlock, FunctionInfo
    from .scopes import session_module
    body = node.body
    if node.parameters and body.param_block is None:
        body.param_block = A.ParamBlockAst(parameters=node.parameters, extent=body.extent)
    name = node.name

    def fn(ctx, out):
        module = session_module(ctx.scope)      # a function runs in the session state it was defined in
        sb = ScriptBlock(body, is_filter=node.is_filter, module=module)
        info = FunctionInfo(name, sb, node.is_filter, module)
        scope_name = None
        n = name
        if ":" in name:
            scope_name, n = name.split(":", 1)
            scope_name = scope_name.lower()
            info.name = n
        target = ctx._scope_for(scope_name) if scope_name in ("global", "script", "local") else ctx.scope
        target.define_function(info)
    return fn


def _label_value(expr):
    if expr is None:
        return lambda ctx: None
    if isinstance(expr, A.StringConstantExpressionAst):
        v = expr.value
        return lambda ctx: v
    f = compile_expr(expr)
    return lambda ctx: cv.to_string(f(ctx))


def _break(node: A.BreakStatementAst):
    lab = _label_value(node.label)

    def fn(ctx, out):
        raise BreakSignal(lab(ctx))
    return fn


def _continue(node: A.ContinueStatementAst):
    lab = _label_value(node.label)

    def fn(ctx, out):
        raise ContinueSignal(lab(ctx))
    return fn


def _return(node: A.ReturnStatementAst):
    run = compile_statement(node.pipeline) if node.pipeline is not None else None

    def fn(ctx, out):
        if run is not None:
            run(ctx, out)
        raise ReturnSignal()
    return fn


def _exit(node: A.ExitStatementAst):
    val = compile_value(node.pipeline) if node.pipeline is not None else None

    def fn(ctx, out):
        code = 0
        if val is not None:
            v = val(ctx)
            try:
                code = cv.to_int(v)
            except PSException:
                code = 0
        raise ExitSignal(code)
    return fn


def _throw(node: A.ThrowStatementAst):
    val = compile_value(node.pipeline) if node.pipeline is not None else None
    extent = node.extent

    def fn(ctx, out):
        v = val(ctx) if val is not None else None
        if isinstance(v, ErrorRecord):
            exc = PSErrorRecordException(v)
        elif isinstance(v, PSException):
            exc = v
            if exc._error_record is None:
                rec = ErrorRecord(exc, exc.message, "OperationStopped", None,
                                  InvocationInfo(None, extent))
                exc._error_record = rec
        elif v is None and val is None and _handled_exception(ctx) is not None:
            # `throw` alone in a catch block rethrows what is being handled
            raise _handled_exception(ctx)
        elif v is None:
            exc = RuntimeException("ScriptHalted", error_id="ScriptHalted", category="OperationStopped")
            exc._error_record = ErrorRecord(exc, "ScriptHalted", "OperationStopped", None,
                                            InvocationInfo(None, extent))
        else:
            msg = cv.to_string(v)
            exc = RuntimeException(msg, error_id=msg, category="OperationStopped", target=v)
            exc._error_record = ErrorRecord(exc, msg, "OperationStopped", v, InvocationInfo(None, extent))
        exc.was_thrown_from_throw = True
        raise exc
    return fn


def _handled_exception(ctx):
    v = ctx.scope.lookup("__pshim_catch")
    return None if v is None else v.value


def _try(node: A.TryStatementAst):
    body = compile_statement_block(node.body)
    catches = [([t for t in c.types], compile_statement_block(c.body)) for c in node.catches]
    fin = compile_statement_block(node.finally_body) if node.finally_body is not None else None

    def fn(ctx, out):
        try:
            ctx.in_try += 1
            try:
                body(ctx, out)
            finally:
                ctx.in_try -= 1
        except FlowControl:
            raise
        except Exception as raw:
            e = as_ps_exception(raw)
            rec = error_record_of(e)
            for types, cbody in catches:
                if not types or any(_exception_matches(e, rec, t) for t in types):
                    ctx.session.add_error(rec)
                    scope = ctx.scope
                    saved = _save_underscore(scope)
                    scope.set_local("_", rec, "_")
                    prev = scope.vars.get("__pshim_catch")
                    scope.vars["__pshim_catch"] = PSVariable("__pshim_catch", e, "Private")
                    try:
                        cbody(ctx, out)
                    finally:
                        _restore_underscore(scope, saved)
                        if prev is None:
                            scope.vars.pop("__pshim_catch", None)
                        else:
                            scope.vars["__pshim_catch"] = prev
                    break
            else:
                raise e
        finally:
            if fin is not None:
                fin(ctx, out)
    return fn


def _trap(node):
    return lambda ctx, out: None   # traps are gathered by the enclosing block


def _data(node: A.DataStatementAst):
    body = compile_statement_block(node.body)
    var = node.variable

    def fn(ctx, out):
        if var:
            items = []
            body(ctx, items.append)
            ctx.set_variable(var, collect_value(items))
        else:
            body(ctx, out)
    return fn


def _type_definition(node):
    """`class X { ... }` / `enum X { ... }`: runtime/script_classes.py defines the type when this runs."""
    from .script_classes import type_definition
    return type_definition(node)


def _block_stmt(node: A.BlockStatementAst):
    return compile_statement_block(node.body)


def _expression_statement(node):
    expr = compile_expr(node)
    if _is_void_expression(node):
        return lambda ctx, out: expr(ctx)

    def fn(ctx, out):
        emit_value(expr(ctx), out)
    return fn


_DISPATCH = {
    A.PipelineAst: _pipeline,
    A.AssignmentStatementAst: _assignment,
    A.IfStatementAst: _if,
    A.WhileStatementAst: _while,
    A.DoWhileStatementAst: lambda n: _do(n, until=False),
    A.DoUntilStatementAst: lambda n: _do(n, until=True),
    A.ForStatementAst: _for,
    A.ForEachStatementAst: _foreach,
    A.SwitchStatementAst: _switch,
    A.FunctionDefinitionAst: _function_def,
    A.BreakStatementAst: _break,
    A.ContinueStatementAst: _continue,
    A.ReturnStatementAst: _return,
    A.ExitStatementAst: _exit,
    A.ThrowStatementAst: _throw,
    A.TryStatementAst: _try,
    A.TrapStatementAst: _trap,
    A.DataStatementAst: _data,
    A.BlockStatementAst: _block_stmt,
}
if hasattr(A, "TypeDefinitionAst"):
    _DISPATCH[A.TypeDefinitionAst] = _type_definition
for _cls in (A.BinaryExpressionAst, A.UnaryExpressionAst, A.ConstantExpressionAst,
             A.StringConstantExpressionAst, A.VariableExpressionAst, A.ParenExpressionAst):
    _DISPATCH[_cls] = _expression_statement


# ---------------------------------------------------------------------------
# script blocks

class CompiledScriptBlock:
    __slots__ = ("begin", "process", "end", "param_block", "has_process", "has_begin", "is_simple_body",
                 "cmdlet_binding", "dynamicparam")

    def __init__(self, begin, process, end, param_block, has_process, has_begin, cmdlet_binding):
        self.begin = begin
        self.process = process
        self.end = end
        self.param_block = param_block
        self.has_process = has_process
        self.has_begin = has_begin
        self.cmdlet_binding = cmdlet_binding


def _named(block):
    if block is None:
        return None
    return compile_statement_block(block.body)


def compile_script_block(sb: A.ScriptBlockAst, is_filter: bool = False) -> CompiledScriptBlock:
    begin = _named(sb.begin)
    process = _named(sb.process)
    end = _named(sb.end)
    if is_filter and process is None and sb.end is not None and sb.end.unnamed:
        process, end = end, None
    cmdlet_binding = None
    if sb.param_block is not None:
        for attr in sb.param_block.attributes:
            if attr.type_name.lower() in ("cmdletbinding", "system.management.automation.cmdletbindingattribute"):
                cmdlet_binding = attr
    return CompiledScriptBlock(begin, process, end, sb.param_block, process is not None,
                               begin is not None, cmdlet_binding)
