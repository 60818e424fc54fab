"""Functions, filters, script blocks and script files run through the same
binder and pipeline protocol as cmdlets.

function_metadata() reads a `param()` block ([CmdletBinding()], [Parameter()],
[Alias()], [ValidateSet()], ...) into the CommandMetadata the binder uses.
FunctionProcessor runs begin/process/end in a new scope (or the caller's for
dot-sourcing), with $_, $input, $args, $PSBoundParameters, $PSCmdlet and the
preference variables that common parameters set.
"""
from __future__ import annotations

from ..errors import (ReturnSignal, ExitSignal, PSException, RuntimeException, InvocationInfo, ParseError)
from ..language import ast as A
from ..runtime import conversion as cv
from ..runtime.compile_expr import compile_expr, collect_value
from ..runtime.psobject import Hashtable, DotNetObject, ArrayList
from ..runtime.scopes import Scope, call_scope
from ..runtime.scriptblock import ScriptBlock, FunctionInfo, UNBOUND
from .binder import (bind_arguments, resolve_parameter_set, pipeline_plan, missing_mandatory,
                     convert_argument)
from .parameters import Parameter, ParameterSetData, CommandMetadata, ALL_SETS
from .processor import CommandProcessor


# ---------------------------------------------------------------------------
# metadata from param()

def _const(expr):
    if expr is None:
        return True
    try:
        return compile_expr(expr)(None)
    except Exception:   # attribute arguments that need a running context are ignored
        return None


def _attr_name(a):
    n = a.type_name.lower()
    if n.startswith("system.management.automation."):
        n = n[len("system.management.automation."):]
    if n.endswith("attribute"):
        n = n[:-len("attribute")]
    return n


def _named(attr, key):
    for k, v in attr.named.items():
        if k.lower() == key:
            return _const(v)
    return None


def build_parameter(pa: A.ParameterAst):
    ptype = "object"
    sets = []
    aliases = []
    kw = {}
    validate_script = None
    for attr in pa.attributes:
        if isinstance(attr, A.TypeConstraintAst):
            ptype = attr.type_name
            continue
        n = _attr_name(attr)
        if n == "parameter":
            pos = _named(attr, "position")
            sets.append(ParameterSetData(
                cv.to_string(_named(attr, "parametersetname") or ALL_SETS),
                int(pos) if pos is not None else None,
                cv.to_bool(_named(attr, "mandatory")) if "mandatory" in {k.lower() for k in attr.named} else False,
                cv.to_bool(_named(attr, "valuefrompipeline")) if "valuefrompipeline" in
                {k.lower() for k in attr.named} else False,
                cv.to_bool(_named(attr, "valuefrompipelinebypropertyname")) if "valuefrompipelinebypropertyname"
                in {k.lower() for k in attr.named} else False,
                cv.to_bool(_named(attr, "valuefromremainingarguments")) if "valuefromremainingarguments" in
                {k.lower() for k in attr.named} else False,
                _named(attr, "helpmessage")))
        elif n == "alias":
            for a in attr.positional:
                v = _const(a)
                aliases.extend(v if isinstance(v, list) else [v])
        elif n == "validateset":
            vals = []
            for a in attr.positional:
                v = _const(a)
                vals.extend(v if isinstance(v, list) else [v])
            kw["validate_set"] = [cv.to_string(v) for v in vals]
        elif n == "validaterange" and len(attr.positional) >= 2:
            kw["validate_range"] = (_const(attr.positional[0]), _const(attr.positional[1]))
        elif n == "validatenotnullorempty":
            kw["validate_not_null_or_empty"] = True
        elif n == "validatenotnull":
            kw["validate_not_null"] = True
        elif n == "validatepattern" and attr.positional:
            kw["validate_pattern"] = cv.to_string(_const(attr.positional[0]))
        elif n == "validatecount" and len(attr.positional) >= 2:
            kw["validate_count"] = (_const(attr.positional[0]), _const(attr.positional[1]))
        elif n == "validatescript" and attr.positional:
            validate_script = attr.positional[0]
        elif n == "allownull":
            kw["allow_null"] = True
        elif n == "allowemptystring":
            kw["allow_empty_string"] = True
    p = Parameter(ptype, aliases=aliases, sets=sets or [ParameterSetData()], name=pa.name, **kw)
    p.default_ast = pa.default
    p.validate_script_ast = validate_script
    p.explicit_position = any(s.position is not None for s in sets)
    p.explicit_set = any(s.name != ALL_SETS for s in sets)
    p.has_parameter_attr = bool(sets)
    return p


def metadata_for(sb: ScriptBlock, name: str, is_script: bool = False) -> CommandMetadata:
    cached = getattr(sb, "_md", None)
    if cached is not None and cached.name == name:
        return cached
    pb = sb.ast.param_block
    params = [build_parameter(pa) for pa in (pb.parameters if pb is not None else [])]
    advanced = False
    default_set = None
    ssp = False
    impact = "Medium"
    positional_binding = True
    if pb is not None:
        for attr in pb.attributes:
            if _attr_name(attr) == "cmdletbinding":
                advanced = True
                v = _named(attr, "supportsshouldprocess")
                ssp = cv.to_bool(v) if v is not None or "supportsshouldprocess" in \
                    {k.lower() for k in attr.named} else False
                ci = _named(attr, "confirmimpact")
                if ci is not None:
                    impact = cv.to_string(ci)
                ds = _named(attr, "defaultparametersetname")
                if ds is not None:
                    default_set = cv.to_string(ds)
                pbv = _named(attr, "positionalbinding")
                if pbv is not None and "positionalbinding" in {k.lower() for k in attr.named}:
                    positional_binding = cv.to_bool(pbv)
    if any(p.has_parameter_attr for p in params):
        advanced = True
    if positional_binding and not any(p.explicit_position or p.explicit_set for p in params):
        pos = 0
        for p in params:
            if p.is_switch:
                continue
            for d in p.sets.values():
                d.position = pos
            pos += 1
    for p in params:
        if p.validate_script_ast is not None:
            p.validate_script = _validate_script_fn(p.validate_script_ast)
    md = CommandMetadata(name, params, default_set, ssp, impact, positional_binding, advanced,
                         fqid_suffix=name, kind="Function")
    sb._md = md
    return md


def _validate_script_fn(expr):
    sbfn = compile_expr(expr)

    class _V:
        def __init__(self):
            self.text = expr.extent.text.strip("{} ") if expr.extent is not None else ""
            self.ctx = None

        def __call__(self, value):
            sb = sbfn(self.ctx)
            out = invoke_scriptblock_dotted(self.ctx, sb, value)
            return cv.to_bool(collect_value(out))
    return _V()


def function_metadata(info: FunctionInfo) -> CommandMetadata:
    return metadata_for(info.script_block, info.name)


# ---------------------------------------------------------------------------

class PSBoundParametersDictionary(Hashtable):
    """$PSBoundParameters: a Dictionary[string, object] in binding order."""
    ps_type_names = ("System.Management.Automation.PSBoundParametersDictionary",
                     "System.Collections.Generic.Dictionary`2[[System.String],[System.Object]]", "System.Object")
    __slots__ = ()


class PSCmdletObject(DotNetObject):
    """$PSCmdlet inside an advanced function."""
    ps_type_names = ("System.Management.Automation.PSScriptCmdlet", "System.Management.Automation.PSCmdlet",
                     "System.Object")
    ps_properties = ("ParameterSetName", "MyInvocation", "CommandRuntime")
    ps_methods = ("ShouldProcess", "ShouldContinue", "WriteError", "WriteObject", "WriteVerbose",
                  "WriteWarning", "WriteDebug", "ThrowTerminatingError", "WriteInformation")

    def __init__(self, processor):
        self._p = processor
        self.ParameterSetName = processor.set_name if processor.set_name != ALL_SETS else "__AllParameterSets"
        self.MyInvocation = None
        self.CommandRuntime = processor.name

    def ShouldProcess(self, *args):
        from .should_process import should_process, should_process_full
        if len(args) == 1:
            return should_process(self._p, cv.to_string(args[0]), None)
        if len(args) == 2:
            return should_process(self._p, cv.to_string(args[0]), cv.to_string(args[1]))
        return should_process_full(self._p, *[cv.to_string(a) for a in args[:3]])

    def ShouldContinue(self, query, caption, *rest):
        from .should_process import should_continue
        return should_continue(self._p, cv.to_string(query), cv.to_string(caption))

    def WriteError(self, rec):
        self._p.write_error(rec)

    def WriteObject(self, obj, enumerate_collection=False):
        if enumerate_collection and isinstance(obj, (list, tuple)):
            for x in obj:
                self._p.emit(x)
        else:
            self._p.emit(obj)

    def WriteVerbose(self, text):
        self._p.write_verbose(cv.to_string(text))

    def WriteWarning(self, text):
        self._p.write_warning(cv.to_string(text))

    def WriteDebug(self, text):
        self._p.write_debug(cv.to_string(text))

    def WriteInformation(self, obj, tags=None):
        self._p.write_information(obj)

    def ThrowTerminatingError(self, rec):
        from ..errors import PSErrorRecordException
        self._p.attribute(rec)
        raise PSErrorRecordException(rec)


class InvocationInfoObject(DotNetObject):
    ps_type_names = ("System.Management.Automation.InvocationInfo", "System.Object")
    ps_properties = ("MyCommand", "BoundParameters", "UnboundArguments", "ScriptLineNumber", "OffsetInLine",
                     "HistoryId", "ScriptName", "Line", "PositionMessage", "PSScriptRoot", "PSCommandPath",
                     "InvocationName", "PipelineLength", "PipelinePosition", "ExpectingInput", "CommandOrigin")

    def __init__(self, command, bound, unbound, extent, invocation_name, script_path, expecting_input):
        import os
        self.MyCommand = command           # FunctionInfo, ExternalScriptInfo or ScriptBlock
        self.extent = extent               # where the command was invoked (error positions)
        self.BoundParameters = bound
        self.UnboundArguments = unbound
        self.ScriptLineNumber = extent.line if extent is not None else 0
        self.OffsetInLine = extent.column if extent is not None else 0
        self.HistoryId = 1
        self.ScriptName = (extent.path or "") if extent is not None else ""
        self.Line = extent.source.line_text(extent.line) if extent is not None and extent.source else ""
        self.PositionMessage = extent.position_message() if extent is not None else ""
        self.PSScriptRoot = os.path.dirname(script_path) if script_path else ""
        self.PSCommandPath = script_path or ""
        self.InvocationName = invocation_name
        self.PipelineLength = 1
        self.PipelinePosition = 1
        self.ExpectingInput = expecting_input
        self.CommandOrigin = "Runspace"


_PREF_FOR = {"erroraction": "ErrorActionPreference", "warningaction": "WarningPreference",
             "informationaction": "InformationPreference"}


class FunctionProcessor(CommandProcessor):
    def __init__(self, ctx, info: FunctionInfo | None, sb: ScriptBlock, args, cc, expects_input,
                 invocation_name, dot_source=False, script_path=None):
        import os
        name = info.name if info is not None else (os.path.basename(script_path) if script_path else "")
        md = metadata_for(sb, name or "<ScriptBlock>", is_script=script_path is not None)
        super().__init__(ctx, name, invocation_name, cc.extent if cc else None, md)
        self.sb = sb
        self.compiled = sb.compiled
        self.script_path = script_path
        if script_path is not None and (sb.ast.requires or sb.ast.using):
            # `#requires` and `using module` are met before the script runs (module hooks)
            try:
                for hook in ctx.session.commands.script_preamble_hooks:
                    hook(ctx, sb.ast, script_path)
            except PSException as e:
                rec = e.error_record
                if rec.invocation is None and self.extent is not None and not isinstance(e, ParseError):
                    rec.invocation = InvocationInfo(invocation_name, self.extent, invocation_name)
                raise
        if dot_source:
            fctx = ctx
        else:
            # a function runs in its module's session state; a script block in the one it was written in
            bound = info.module_info if info is not None else sb.module
            if bound is UNBOUND:
                scope = Scope(ctx.scope, is_script=script_path is not None)
            else:
                scope = call_scope(ctx.scope, bound, is_script=script_path is not None)
            fctx = ctx.child(scope)
            if script_path is not None:
                fctx.script_path = script_path
        self.fctx = fctx
        for p in md.own_parameters:
            if p.validate_script is not None:
                p.validate_script.ctx = fctx
        res = bind_arguments(md, args, self.extent, expects_input, remaining_ok=not md.is_advanced)
        bound = res.bound
        if md.is_advanced:
            from .binder import apply_default_parameter_values
            apply_default_parameter_values(ctx, md, bound, self.extent)
        common = {k: v for k, v in bound.items() if k not in {p.name for p in md.own_parameters}}
        self.apply_common(bound)
        self.set_name = resolve_parameter_set(md, res, expects_input, self.extent) if md.is_advanced else ALL_SETS
        self.expects_input = expects_input
        self.bound = bound
        from .processor import take_delay_bind
        self.delay_bind = take_delay_bind(bound, {})
        self.plan = pipeline_plan(md, self.set_name, {**bound, **self.delay_bind}) \
            if md.pipeline_params else ([], [])
        self.open_sets = [s for s in (res.set_candidates or []) if s != self.set_name] \
            if expects_input and md.is_advanced and md.pipeline_params else []
        if self.open_sets:
            from .processor import _union_plan
            self.plan = _union_plan(md, [self.set_name] + self.open_sets, {**bound, **self.delay_bind})
        self.has_plan = bool(self.plan[0] or self.plan[1] or self.delay_bind)
        scope = fctx.scope
        # preference variables set by common parameters live in the function's scope
        for k, v in common.items():
            lk = k.lower()
            if lk in _PREF_FOR:
                scope.set_local(_PREF_FOR[lk], cv.to_string(v))
            elif lk == "verbose":
                scope.set_local("VerbosePreference", "Continue" if v else "SilentlyContinue")
            elif lk == "debug":
                scope.set_local("DebugPreference", "Inquire" if v else "SilentlyContinue")
            elif lk == "whatif":
                scope.set_local("WhatIfPreference", bool(v))
            elif lk == "confirm":
                scope.set_local("ConfirmPreference", "Low" if v else "None")
        missing = missing_mandatory(md, self.set_name, bound, expects_input and self.has_plan)
        if missing:
            from .mandatory_prompt import prompt_for_mandatory
            for p, raw in prompt_for_mandatory(ctx, self, missing).items():
                bound[p.name] = convert_argument(md, p, raw, self.extent)
        bp = PSBoundParametersDictionary()
        for k, v in bound.items():
            bp[k] = v
        self.bound_dict = bp
        for p in md.own_parameters:
            if p.name in bound:
                scope.set_local(p.name, bound[p.name])
            elif p.default_ast is not None:
                scope.set_local(p.name, None)
            else:
                scope.set_local(p.name, p.default_value())
        for p in md.own_parameters:
            if p.name not in bound and p.default_ast is not None:
                try:
                    val = compile_expr(p.default_ast)(fctx) if isinstance(p.default_ast, A.ExpressionAst) else \
                        collect_value(_run_stmt(fctx, p.default_ast))
                except PSException:
                    raise
                if p.type.lower() not in ("object", "psobject"):
                    try:
                        val = p.type_obj.convert(val)
                    except PSException:
                        pass
                scope.set_local(p.name, val)
        if not dot_source:
            scope.set_local("args", list(res.unbound_args))
            scope.set_local("PSBoundParameters", bp)
            if info is not None:
                command = info
            elif script_path is not None:
                from .discovery import ScriptEntry
                command = ScriptEntry(script_path)
            else:
                command = sb
            invocation = InvocationInfoObject(command, bp, list(res.unbound_args), self.extent, invocation_name,
                                              script_path, expects_input)
            scope.set_local("MyInvocation", invocation)
            if md.is_advanced:
                self.pscmdlet = PSCmdletObject(self)
                self.pscmdlet.MyInvocation = invocation      # $PSCmdlet.MyInvocation is $MyInvocation's object
                scope.set_local("PSCmdlet", self.pscmdlet)
            if script_path is not None:
                import os
                scope.set_local("PSScriptRoot", os.path.dirname(script_path))
                scope.set_local("PSCommandPath", script_path)
        self.input_list = []

    def _run(self, block, out):
        stack = self.ctx.session.call_stack      # Get-PSCallStack reads the running frames
        stack.append(self)
        try:
            block(self.fctx, out)
        except ReturnSignal:
            pass
        except ExitSignal as e:
            if self.script_path is None:
                raise
            self.ctx.session.set_exit_code(e.code)
            self.exited = True
        finally:
            stack.pop()

    exited = False

    def _with_streams(self, fn, *a):
        """Run with this command's redirected streams in force for its own body (fctx)
        and for what it reports itself (the caller's ctx)."""
        streams = self.streams
        fctx, ctx = self.fctx, self.ctx
        if streams is None or (streams is fctx.streams and streams is ctx.streams):
            return fn(*a)
        saved_f, saved_c = fctx.streams, ctx.streams
        fctx.streams = ctx.streams = streams
        try:
            return fn(*a)
        finally:
            fctx.streams, ctx.streams = saved_f, saved_c

    def begin(self):
        self.begun = True
        self.wrap_emit()
        if self.compiled.begin is not None:
            self._with_streams(self._run, self.compiled.begin, self.emit)

    def process_record(self, obj):
        # no lazy begin here: a script command's process block can receive the previous command's
        # begin-block output before its own begin block runs (5.1); cmdlets begin lazily instead
        if self.exited:
            return
        comp = self.compiled
        if comp.process is None:
            self.input_list.append(obj)
            return
        scope = self.fctx.scope
        scope.set_local("_", obj, "_")
        scope.set_local("PSItem", obj, "psitem")
        if self.has_plan:
            self._reset_pipeline_bound(scope)
            vals = self.bind_record(obj)
            if vals is None:
                return
            self._pipeline_bound = list(vals)
            for k, v in vals.items():
                scope.set_local(k, v)
                self.bound_dict[k] = v
            if self.open_sets and getattr(self, "pscmdlet", None) is not None:
                from .processor import _record_set
                self.pscmdlet.ParameterSetName = _record_set(
                    self.metadata, [self.set_name] + self.open_sets, self.bound_dict, self.set_name)
        self.input_list.append(obj)
        self._with_streams(self._run, comp.process, self.emit)

    _pipeline_bound = ()

    def _reset_pipeline_bound(self, scope):
        """Parameters bound from the previous record go back to their defaults (5.1)."""
        for name in self._pipeline_bound:
            p = self.metadata.by_name[name.lower()]
            value = p.default_value()
            if p.default_ast is not None:
                value = compile_expr(p.default_ast)(self.fctx) if isinstance(p.default_ast, A.ExpressionAst) \
                    else collect_value(_run_stmt(self.fctx, p.default_ast))
            scope.set_local(p.name, value)
        self._pipeline_bound = ()

    def process_no_input(self):
        comp = self.compiled
        if comp.process is not None:
            scope = self.fctx.scope
            scope.set_local("_", None, "_")
            self._with_streams(self._run, comp.process, self.emit)

    def end(self):
        if self.exited:
            return
        comp = self.compiled
        scope = self.fctx.scope
        scope.set_local("input", ArrayList(self.input_list) if comp.process is None else ArrayList(),
                        "input")
        if comp.end is not None:
            if comp.process is None and self.input_list and self.has_plan:
                # a function without process{} binds the last record to its pipeline parameters
                pass
            self._with_streams(self._run, comp.end, self.emit)


def _run_stmt(ctx, stmt):
    from ..runtime.compile_stmt import compile_statement
    out = []
    compile_statement(stmt)(ctx, out.append)
    return out


# ---------------------------------------------------------------------------
# script blocks used by cmdlets (Where-Object, ForEach-Object, calculated properties)

def invoke_scriptblock_dotted(ctx, sb: ScriptBlock, dollar_under, args=None) -> list:
    """Run a script block in the caller's scope with $_ set; return its output."""
    comp = sb.compiled
    out = []
    scope = ctx.scope
    scope.set_local("_", dollar_under, "_")
    block = comp.end or comp.process
    if comp.begin is not None:
        comp.begin(ctx, out.append)
    try:
        if comp.process is not None and comp.end is not None:
            comp.process(ctx, out.append)
            comp.end(ctx, out.append)
        elif block is not None:
            block(ctx, out.append)
    except ReturnSignal:
        pass
    return out


def invoke_scriptblock(ctx, sb: ScriptBlock, args: list = (), input_objects=None, dollar_under=None) -> list:
    """`& $sb @args` as a value (ScriptBlock.Invoke, ForEach-Object with parameters...)."""
    from .binder import CommandArgument
    proc = FunctionProcessor(ctx, None, sb, [CommandArgument(None, a) for a in args], None,
                             input_objects is not None, "")
    out = []
    proc.emit = out.append
    proc.streams = None
    if dollar_under is not None:
        proc.fctx.scope.set_local("_", dollar_under, "_")
    proc.begin()
    if input_objects is not None:
        for o in input_objects:
            proc.process_record(o)
    else:
        proc.process_no_input()
    proc.end()
    proc.finish()
    return out


_SCRIPT_CACHE = {}


def decode_script(data: bytes) -> str:
    """Script file bytes -> text as 5.1 reads them: a BOM decides (UTF-8, UTF-16 LE/BE,
    UTF-32); without one, UTF-8 when the bytes are valid UTF-8, else the ANSI code page
    (Windows-1252), which is what 5.1 assumes for BOM-less scripts (runtime/textdecode.py)."""
    from ..runtime.textdecode import decode
    return decode(data)


def script_file_block(ctx, path: str) -> ScriptBlock:
    import os
    from ..language import parse
    try:
        st = os.stat(path)
    except OSError:
        raise RuntimeException(f"The term '{path}' is not recognized as the name of a cmdlet, function, script "
                               "file, or operable program. Check the spelling of the name, or if a path was "
                               "included, verify that the path is correct and try again.",
                               error_id="CommandNotFoundException", category="ObjectNotFound", target=path)
    key = (path, st.st_mtime_ns, st.st_size)
    sb = _SCRIPT_CACHE.get(key)
    if sb is None:
        with open(path, "rb") as fh:
            text = decode_script(fh.read())
        ast = parse(text, path)
        sb = ScriptBlock(ast)
        _SCRIPT_CACHE[key] = sb
    return sb
