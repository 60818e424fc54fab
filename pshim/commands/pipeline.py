"""Pipelines: compiling a PipelineAst and running it as a chain of command
processors that push each record through the whole chain before the next.

Design: push, not pull. Each processor's `emit` is the next processor's
`process_record` (the last one's is the statement's output pipe), so one
record travels the full pipeline before the upstream command produces the
next, memory stays flat, and `Select-Object -First n` ends everything
upstream by raising StopUpstream. Rejected: generator chains (pull) — they
cannot express begin/end ordering across commands or a downstream error
record written while upstream is mid-record, and cost a frame per hop.
"""
from __future__ import annotations

from ..errors import (PSException, StopUpstream, InvocationInfo, RuntimeException)
from ..language import ast as A
from ..runtime import conversion as cv
from ..runtime.compile_expr import compile_expr
from ..runtime.operators import RangeValue
from ..runtime.strict import paren_call_check
from ..runtime.psobject import Hashtable
from .binder import CommandArgument


# ---------------------------------------------------------------------------
# compiling command arguments

def _compile_args(cmd: A.CommandAst):
    """[(kind, fn, extent, name, colon)] producing CommandArguments at run time."""
    specs = []
    for el in cmd.elements[1:]:
        if isinstance(el, A.CommandParameterAst):
            argf = compile_expr(el.argument) if el.argument is not None else None
            specs.append(("named", argf, el.extent, el.name, el.colon))
        elif isinstance(el, A.VariableExpressionAst) and el.splatted:
            specs.append(("splat", compile_expr(A.VariableExpressionAst(name=el.name, scope=el.scope,
                                                                        extent=el.extent)),
                          el.extent, None, False))
        elif isinstance(el, A.StringConstantExpressionAst) and el.kind == "verbatim":
            text = el.value
            specs.append(("pos", (lambda t: lambda ctx: VerbatimArgument(_expand_percent_vars(t)))(text),
                          el.extent, None, False))
        else:
            specs.append(("pos", compile_expr(el), el.extent, None, False))
    return specs


class VerbatimArgument(str):
    """The text after `--%`: passed to a native program as written (split on blanks,
    quotes kept together), with %VAR% environment references expanded."""


def _expand_percent_vars(text: str) -> str:
    import os
    import re
    return re.sub(r"%([A-Za-z_][A-Za-z0-9_]*)%", lambda m: os.environ.get(m.group(1), m.group(0)), text)


def _make_args(ctx, specs):
    out = []
    for kind, fn, extent, name, colon in specs:
        if kind == "pos":
            out.append(CommandArgument(None, fn(ctx), True, extent))
        elif kind == "named":
            if fn is None:
                out.append(CommandArgument(name, None, False, extent, colon))
            else:
                out.append(CommandArgument(name, fn(ctx), True, extent, True))
        else:
            v = fn(ctx)
            if isinstance(v, Hashtable):
                for k, val in v.items():
                    out.append(CommandArgument(cv.to_string(k), val, True, extent, False, True))
            elif isinstance(v, (list, tuple)):
                for val in v:
                    out.append(CommandArgument(None, val, True, extent))
            elif v is not None:
                out.append(CommandArgument(None, v, True, extent))
    return out


def _command_name(cmd: A.CommandAst):
    first = cmd.elements[0]
    if cmd.invocation_operator is None and isinstance(first, A.StringConstantExpressionAst):
        name = first.value
        return (lambda ctx: name), name
    fn = compile_expr(first)
    return fn, None


class CompiledCommand:
    __slots__ = ("name_fn", "static_name", "args", "extent", "invocation_operator", "redirections",
                 "name_extent", "called_like_method")

    def __init__(self, cmd: A.CommandAst):
        self.name_fn, self.static_name = _command_name(cmd)
        self.args = _compile_args(cmd)
        self.extent = cmd.extent
        self.name_extent = cmd.elements[0].extent
        self.invocation_operator = cmd.invocation_operator
        self.redirections = [_compile_redirection(r) for r in cmd.redirections]
        self.called_like_method = _called_like_method(cmd)


def _called_like_method(cmd: A.CommandAst) -> bool:
    """`f(1,2)`: the name, then at once (no blank) a parenthesised comma list and nothing else.
    Strict mode 2.0 makes that an error (runtime/strict.py)."""
    els = cmd.elements
    if len(els) != 2 or not isinstance(els[1], A.ParenExpressionAst):
        return False
    p = els[1].pipeline
    if not (isinstance(p, A.PipelineAst) and len(p.elements) == 1 and
            isinstance(p.elements[0], A.CommandExpressionAst) and not p.elements[0].redirections and
            isinstance(p.elements[0].expression, A.ArrayLiteralAst)):
        return False
    a, b = els[0].extent, els[1].extent
    return a is not None and b is not None and a.end == b.start


def _compile_redirection(r):
    if isinstance(r, A.MergingRedirectionAst):
        return ("merge", r.from_stream, r.to_stream)
    target = r.target
    if isinstance(target, A.VariableExpressionAst) and target.name.lower() == "null" and target.scope is None:
        return ("null", r.from_stream, None)
    return ("file", r.from_stream, (compile_expr(target), r.append))


# ---------------------------------------------------------------------------

def compile_pipeline(node: A.PipelineAst):
    elements = node.elements
    source = None
    source_redirs = []
    start = 0
    if elements and isinstance(elements[0], A.CommandExpressionAst):
        from ..runtime.compile_expr import compile_items
        items = compile_items(elements[0].expression)
        source = compile_expr(elements[0].expression) if items is None else items
        source_redirs = [_compile_redirection(r) for r in elements[0].redirections]
        start = 1
    commands = []
    for el in elements[start:]:
        if isinstance(el, A.CommandExpressionAst):
            def bad(ctx, out, _el=el):
                raise RuntimeException("Expressions are only allowed as the first element of a pipeline.",
                                       error_id="ExpressionsMustBeFirstInPipeline", category="ParserError")
            return bad
        commands.append(CompiledCommand(el))
    has_redirs = bool(source_redirs) or any(c.redirections for c in commands)
    extent = node.extent

    def run(ctx, out):
        run_pipeline(ctx, source, source_redirs, commands, out, has_redirs, extent)
    return run


def run_pipeline(ctx, source, source_redirs, commands, out, has_redirs, extent):
    from .processor import create_processor
    procs = []
    file_sinks = []
    for i, cc in enumerate(commands):
        name = cc.name_fn(ctx)
        if cc.called_like_method:
            paren_call_check(ctx)
        args = _make_args(ctx, cc.args)
        try:
            p = create_processor(ctx, name, args, cc, expects_input=(i > 0 or source is not None),
                                 position=i + 1)
        except PSException as e:
            if _redirect_setup_error(ctx, e, cc.redirections, out):
                ctx.last_status = False
                return
            raise
        procs.append(p)
    # wire the chain
    n = len(procs)
    for i, p in enumerate(procs):
        p.emit = procs[i + 1].process_record if i + 1 < n else out
    base_streams = ctx.streams
    if has_redirs:
        try:
            for cc, p in zip(commands, procs):
                p.streams = base_streams
                if cc.redirections:
                    _apply_redirections(ctx, p, cc.redirections, file_sinks, extent)
            src_emit = procs[0].process_record if procs else out
            if source_redirs:
                holder = _SourceRedir(src_emit)
                _apply_redirections(ctx, holder, source_redirs, file_sinks, extent)
                src_emit = holder.emit
        except BaseException:
            for sink in file_sinks:      # files opened before the failing one keep no temp file behind
                sink.abort()
            raise
    else:
        src_emit = procs[0].process_record if procs else out
    ok = True
    started = []
    try:
        for p in procs:
            if not p.begun:
                p.begin()
            started.append(p)
        stopped_at = None
        try:
            if source is not None:
                v = source(ctx)
                if isinstance(v, RangeValue):
                    for x in v.iter_lazy():
                        src_emit(x)
                elif isinstance(v, (list, tuple)):
                    for x in v:
                        src_emit(x)
                else:
                    src_emit(v)
            elif procs:
                procs[0].process_no_input()
        except StopUpstream as s:
            stopped_at = s.processor
        first_end = 0
        if stopped_at is not None and stopped_at in procs:
            first_end = procs.index(stopped_at)
        for p in procs[first_end:]:
            try:
                p.end()
            except StopUpstream as s:
                # a later command is satisfied: skip the ends before it
                if s.processor in procs:
                    idx = procs.index(s.processor)
                    for q in procs[idx:]:
                        if q is not p:
                            q.end()
                    break
        for p in procs:
            if p.had_error:
                ok = False
    except (PSException, KeyboardInterrupt):
        for p in started:
            p.stop()
        raise
    finally:
        for p in procs:
            p.finish()
        for sink in file_sinks:
            sink.close(ctx, extent)
    ctx.last_status = ok


def _redirect_setup_error(ctx, e, redirs, out) -> bool:
    """An error creating a command (not found, binding) goes where its
    command's error stream is redirected: `cmd 2>$null`, `cmd 2>&1`."""
    for kind, stream, data in redirs:
        if stream not in ("2", "*"):
            continue
        rec = e.error_record
        ctx.session.add_error(rec)
        if kind == "merge":
            out(rec)
        elif kind == "file":
            fn, append = data
            sink = _FileSink(ctx, cv.to_string(fn(ctx)), append)
            sink.add(rec)
            sink.close(ctx)
        return True
    return False


class _SourceRedir:
    """Redirections on an expression at the head of a pipeline (`$x > file`)."""

    def __init__(self, emit):
        self.emit = emit
        self.streams = None


class _FileSink:
    """One `>`/`>>` target of a pipeline: formatted into the file as objects arrive."""

    def __init__(self, ctx, path_text, append, extent=None):
        self.extent = extent
        self.writer = self._call(ctx.session.commands.redirection_writer, ctx, path_text, append)
        self._call(self.writer.open)

    def _call(self, fn, *args):
        from ..errors import PSErrorRecordException
        try:
            return fn(*args)
        except PSErrorRecordException as e:
            # a redirection is an implicit `| out-file`: its errors say so
            rec = e.error_record
            if rec.invocation is None:
                rec.invocation = InvocationInfo("Out-File", self.extent, "out-file")
            rec.activity = "Out-File"
            raise

    def add(self, obj):
        self._call(self.writer.add, obj)

    def close(self, ctx, extent=None):
        self._call(self.writer.close)

    def abort(self):
        self.writer.out.abort()


def _apply_redirections(ctx, p, redirs, file_sinks, extent=None):
    streams = p.streams if p.streams is not None else ctx.streams
    changes = {}
    out_emit = p.emit
    for kind, stream, data in redirs:
        names = ["1", "2", "3", "4", "5", "6"] if stream == "*" else [stream]
        if kind == "merge":
            for s in names:
                if s == "1":
                    continue
                changes[s] = ("merge", None)
        elif kind == "null":
            for s in names:
                changes[s] = ("null", None)
        else:
            fn, append = data
            sink = _FileSink(ctx, cv.to_string(fn(ctx)), append, extent)
            file_sinks.append(sink)
            for s in names:
                changes[s] = ("file", sink)
    new_emit = out_emit
    c1 = changes.get("1")
    if c1 is not None:
        if c1[0] == "null":
            new_emit = lambda obj: None
        elif c1[0] == "file":
            new_emit = c1[1].add

    def target_for(s, wrap):
        c = changes.get(s)
        if c is None:
            return None
        if c[0] == "null":
            return lambda x: None
        if c[0] == "merge":
            return lambda x: new_emit(wrap(x))
        return lambda x: c[1].add(wrap(x))

    from ..runtime.streams_records import WarningRecord, VerboseRecord, DebugRecord, InformationRecord
    kw = {}
    for s, attr, wrap in (("2", "error", lambda r: r), ("3", "warning", WarningRecord),
                          ("4", "verbose", VerboseRecord), ("5", "debug", DebugRecord),
                          ("6", "information",
                           lambda x: x if isinstance(x, InformationRecord) else InformationRecord(x))):
        t = target_for(s, wrap)
        if t is not None:
            kw[attr] = t
    p.streams = streams.copy(**kw) if kw else streams
    p.emit = new_emit
