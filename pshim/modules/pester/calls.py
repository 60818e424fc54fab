"""Running user code from the module: script blocks dot-sourced into a scope the engine chose (the way
Pester 5 runs setups, tests and teardowns), and other commands called with arguments."""
from __future__ import annotations

from ...commands.binder import CommandArgument
from ...errors import ReturnSignal
from ...runtime.scopes import Scope


def run_in_scope(ctx, sb, scope: Scope, out=None, named=None):
    """Run script block `sb` dot-sourced in `scope`. Terminating errors of any kind propagate (as inside
    a try block), so the caller sees every failure of the user's code. Returns the output objects.
    A block with a param() block gets `named` ({name: value}) bound to its parameters, in that scope."""
    c = ctx.child(scope)
    c.in_try = ctx.in_try + 1
    sink = [] if out is None else None
    emit = sink.append if out is None else out
    if named is not None and sb.ast.param_block is not None:
        from ...commands.function import FunctionProcessor
        cargs = [CommandArgument(k, v, from_splat=True) for k, v in named.items()]
        p = FunctionProcessor(c, None, sb, cargs, None, False, "", dot_source=True)
        p.emit = emit
        try:
            p.begin()
            p.process_no_input()
            p.end()
        finally:
            p.finish()
        return sink
    comp = sb.compiled
    try:
        for block in (comp.begin, comp.process, comp.end):
            if block is not None:
                block(c, emit)
    except ReturnSignal:
        pass
    return sink


def call_command(ctx, command, args=(), named=None, input_objects=None) -> list:
    """Call a command (a name or a command entry) with positional `args` and `named` parameters
    ({name: value}; a switch given True); returns its output."""
    from ...commands.processor import create_processor
    cargs = [CommandArgument(None, a) for a in args]
    for k, v in (named or {}).items():
        cargs.append(CommandArgument(k, v, from_splat=True))
    p = create_processor(ctx, command, cargs, None, input_objects is not None)
    out = []
    p.emit = out.append
    try:
        p.begin()
        if input_objects is not None:
            for o in input_objects:
                p.process_record(o)
        else:
            p.process_no_input()
        p.end()
    finally:
        p.finish()
    return out
