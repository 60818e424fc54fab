"""Command processors: one running command in a pipeline.

CommandProcessor holds what every kind of command shares (the emit target,
its streams, common parameters such as -ErrorAction/-OutVariable/-WhatIf,
error attribution). CmdletProcessor drives a Cmdlet class; FunctionProcessor
(function.py) drives functions, filters, script blocks and script files.
"""
from __future__ import annotations

from ..errors import (ErrorRecord, InvocationInfo, CommandNotFoundException, PSException,
                      ParameterBindingException, PipelineStoppedException)
from ..runtime import conversion as cv
from .binder import (bind_arguments, apply_default_parameter_values, resolve_parameter_set, pipeline_plan, bind_pipeline_record,
                     missing_mandatory, binding_error, convert_argument)
from .parameters import COMMON_NAMES, ALL_SETS
from .progress import write_progress as _write_progress

_COMMON_ATTRS = {
    "erroraction": "error_action", "warningaction": "warning_action",
    "informationaction": "information_action",
}


class CommandProcessor:
    emit = None
    progress_source_id = 0      # this command's progress source, numbered on its first record (5.1)
    progress_answer = None      # "yes_all" once $ProgressPreference = Inquire was answered Yes to All

    def __init__(self, ctx, name: str, invocation_name: str, extent, metadata=None):
        self.ctx = ctx
        self.name = name
        self.invocation_name = invocation_name
        self.extent = extent
        self.metadata = metadata
        self.streams = None
        self.had_error = False
        self.error_action = None
        self.warning_action = None
        self.information_action = None
        self.verbose = None
        self.debug = None
        self.whatif = None          # None: from $WhatIfPreference; True/False: -WhatIf[:$x]
        self.confirm = None         # None: from $ConfirmPreference; True/False: -Confirm[:$x]
        self.sp_state = None        # "yes_all" / "no_all" once answered (ShouldProcess)
        self.error_variable = None
        self.out_variable = None
        self.warning_variable = None
        self.information_variable = None
        self._informations = None
        self._errors = None
        self._outs = None
        self._warnings = None
        self.pipeline_variable = None

    # -- common parameters ------------------------------------------------------
    def apply_common(self, bound: dict):
        """Take the common parameters out of `bound` and apply them."""
        for key in list(bound):
            lk = key.lower()
            if lk not in COMMON_NAMES and lk not in ("whatif", "confirm"):
                continue
            v = bound.pop(key)
            if lk in _COMMON_ATTRS:
                setattr(self, _COMMON_ATTRS[lk], cv.to_string(v))
            elif lk == "verbose":
                self.verbose = bool(v)
            elif lk == "debug":
                self.debug = bool(v)
            elif lk == "whatif":
                self.whatif = bool(v)
            elif lk == "confirm":
                self.confirm = bool(v)
            elif lk == "errorvariable":
                self.error_variable = cv.to_string(v)
                self._errors = []
            elif lk == "outvariable":
                self.out_variable = cv.to_string(v)
                self._outs = []
            elif lk == "warningvariable":
                self.warning_variable = cv.to_string(v)
                self._warnings = []
            elif lk == "informationvariable":
                self.information_variable = cv.to_string(v)
                self._informations = []
            elif lk == "pipelinevariable":
                self.pipeline_variable = cv.to_string(v)

    def wrap_emit(self):
        if self._outs is not None:
            inner = self.emit
            outs = self._outs

            def emit(obj):
                outs.append(obj)
                inner(obj)
            self.emit = emit
        if self.pipeline_variable:
            inner2 = self.emit
            name = self.pipeline_variable
            ctx = self.ctx

            def emit_pv(obj):
                ctx.set_variable(name, obj)
                inner2(obj)
            self.emit = emit_pv

    # -- errors and streams -----------------------------------------------------
    def attribute(self, rec: ErrorRecord) -> ErrorRecord:
        if rec.invocation is None:
            rec.invocation = InvocationInfo(self.name, self.extent, self.invocation_name)
        if rec.command_fqid_suffix is None and self.metadata is not None:
            rec.command_fqid_suffix = self.metadata.fqid_suffix
        if rec.activity is None:
            rec.activity = self.name
        return rec

    def write_error(self, rec: ErrorRecord):
        self.attribute(rec)
        self.had_error = True
        if self._errors is not None and (self.error_action or "").lower() != "ignore":
            self._errors.append(rec)
        ctx = self.ctx
        if self.streams is not None and self.streams is not ctx.streams:
            saved = ctx.streams
            ctx.streams = self.streams
            try:
                ctx.write_error(rec, self.error_action)
            finally:
                ctx.streams = saved
        else:
            ctx.write_error(rec, self.error_action)

    def _with_streams(self, fn, *a):
        ctx = self.ctx
        if self.streams is not None and self.streams is not ctx.streams:
            saved = ctx.streams
            ctx.streams = self.streams
            try:
                return fn(*a)
            finally:
                ctx.streams = saved
        return fn(*a)

    def write_warning(self, text):
        if self._warnings is not None:
            self._warnings.append(text)
        self._with_streams(self.ctx.write_warning, text, self.warning_action)

    def write_verbose(self, text):
        action = None if self.verbose is None else ("Continue" if self.verbose else "SilentlyContinue")
        self._with_streams(self.ctx.write_verbose, text, action)

    def write_debug(self, text):
        # -Debug on a command means Inquire in 5.1: show the message, then ask
        action = None if self.debug is None else ("Inquire" if self.debug else "SilentlyContinue")
        self._with_streams(self.ctx.write_debug, text, action, self)

    def write_information(self, obj, from_host=False):
        if self._informations is not None:
            from ..runtime.streams_records import InformationRecord
            self._informations.append(obj if isinstance(obj, InformationRecord) else InformationRecord(obj))
        self._with_streams(self.ctx.write_information, obj, self.information_action, from_host)

    def write_progress(self, record, source_id=None):
        _write_progress(self, record, source_id)

    def bind_record(self, obj):
        """Values of the pipeline parameters for one record (binding passes, then
        delay-bind script blocks); None after writing the error when it cannot bind."""
        plan = self.plan
        delay = getattr(self, "delay_bind", None)
        try:
            sets = ([self.set_name] + self.open_sets) if getattr(self, "open_sets", None) else None
            vals = bind_pipeline_record(self.metadata, plan, obj, self.extent, sets) if (plan[0] or plan[1]) else {}
        except ParameterBindingException as e:
            if not delay:
                self.write_error(e.error_record)
                return None
            vals = {}
        if delay:
            try:
                vals.update(evaluate_delay_bind(self, delay, obj))
            except PSException as e:
                self.write_error(e.error_record)
                return None
        return vals

    # -- lifecycle -------------------------------------------------------------------
    # `begun`: a command's begin runs before its first record even when the command before it
    # writes output from its own begin (ConvertTo-Html | Out-String).
    begun = False

    def begin(self):
        self.begun = True

    def process_record(self, obj):
        pass

    def process_no_input(self):
        pass

    def end(self):
        pass

    def stop(self):
        pass

    def finish(self):
        ctx = self.ctx
        if self.error_variable:
            _set_collect_variable(ctx, self.error_variable, self._errors)
        if self.out_variable:
            _set_collect_variable(ctx, self.out_variable, self._outs)
        if self.warning_variable:
            _set_collect_variable(ctx, self.warning_variable, self._warnings)
        if self.information_variable:
            _set_collect_variable(ctx, self.information_variable, self._informations)


def _set_collect_variable(ctx, name, items):
    from ..runtime.psobject import ArrayList
    if name.startswith("+"):
        name = name[1:]
        cur = ctx.get_variable(name)
        lst = ArrayList(cur if isinstance(cur, list) else ([] if cur is None else [cur]))
        lst.extend(items)
        ctx.set_variable(name, lst)
    else:
        ctx.set_variable(name, ArrayList(items))


# ---------------------------------------------------------------------------

class CmdletProcessor(CommandProcessor):
    def __init__(self, ctx, cls, args, cc, expects_input: bool, invocation_name: str):
        md = cls.metadata()
        super().__init__(ctx, cls.name, invocation_name, cc.extent if cc else None, md)
        res = bind_arguments(md, args, self.extent, expects_input)
        bound = res.bound
        apply_default_parameter_values(ctx, md, bound, self.extent)
        self.apply_common(bound)
        set_name = resolve_parameter_set(md, res, expects_input, self.extent)
        self.expects_input = expects_input
        cmdlet = cls()
        cmdlet.ctx = ctx
        cmdlet.processor = self
        cmdlet.bound = dict(bound)
        cmdlet.parameter_set_name = set_name
        d = cmdlet.__dict__
        for k, v in bound.items():
            d[k] = v
        self.cmdlet = cmdlet
        self.set_name = set_name
        self.delay_bind = take_delay_bind(d, cmdlet.bound)
        # with input coming and several sets still possible, each record decides the set (5.1)
        self.open_sets = [s for s in (res.set_candidates or []) if s != set_name] if expects_input else []
        self.plan = pipeline_plan(md, set_name, bound)
        if self.open_sets:
            self.plan = _union_plan(md, [set_name] + self.open_sets, bound)
        self.has_plan = bool(self.plan[0] or self.plan[1] or self.delay_bind)
        missing = missing_mandatory(md, set_name, bound, expects_input and self.has_plan)
        if missing:
            self._fill_mandatory(missing)
        if not (cc is not None and cc.redirections) and not self.delay_bind and not self.open_sets:
            self._setup_simple_input()

    def _fill_mandatory(self, missing):
        from .mandatory_prompt import prompt_for_mandatory
        values = prompt_for_mandatory(self.ctx, self, missing)
        md = self.metadata
        for p, raw in values.items():
            v = convert_argument(md, p, raw, self.extent)
            self.cmdlet.__dict__[p.name] = v
            self.cmdlet.bound[p.name] = v

    def begin(self):
        self.begun = True
        self.wrap_emit()
        self.cmdlet.begin()

    def _setup_simple_input(self):
        """Most cmdlets take records in one [psobject]/[object] -InputObject: for them the
        four binding passes reduce to storing the record, so skip them per record."""
        by_value, by_name = self.plan
        if by_name or len(by_value) != 1 or by_value[0].type.lower() not in ("psobject", "object"):
            return
        p = by_value[0]
        if p.validate_not_null or p.validate_not_null_or_empty or p.validate_set:
            return
        if type(self).process_record is not CmdletProcessor.process_record or \
                "process_record" in self.__dict__:
            return          # a cmdlet installed its own fast path
        cmdlet = self.cmdlet
        d = cmdlet.__dict__
        bound = cmdlet.bound
        name = p.name
        process = cmdlet.process
        null_ok = p.allow_null or not p.mandatory_anywhere

        def process_record(obj):
            if obj is None and not null_ok or not self.begun:
                return CmdletProcessor.process_record(self, obj)
            d[name] = obj
            bound[name] = obj
            try:
                process()
            finally:
                d.pop(name, None)
                bound.pop(name, None)
        self.process_record = process_record

    def process_record(self, obj):
        if not self.begun:
            self.begin()
        cmdlet = self.cmdlet
        if not self.has_plan:
            self.write_error(binding_error(
                self.metadata, "The input object cannot be bound to any parameters for the command either "
                "because the command does not take pipeline input or the input and its properties do not "
                "match any of the parameters that take pipeline input.", "InputObjectNotBound",
                self.extent, target=obj).error_record)
            return
        vals = self.bind_record(obj)
        if vals is None:
            return
        d = cmdlet.__dict__
        bound = cmdlet.bound
        for k, v in vals.items():
            d[k] = v
            bound[k] = v
        if self.open_sets:
            cmdlet.parameter_set_name = _record_set(self.metadata, [self.set_name] + self.open_sets, bound,
                                                    self.set_name)
        try:
            missing = missing_mandatory(self.metadata, cmdlet.parameter_set_name, bound, False)
            if missing:
                self.write_error(binding_error(
                    self.metadata, "Cannot process command because of one or more missing mandatory "
                    "parameters:" + "".join(" " + p.name for p in missing) + ".", "MissingMandatoryParameter",
                    self.extent).error_record)
                return
            if self.streams is not None and self.streams is not self.ctx.streams:
                self._attributed(self._with_streams, cmdlet.process)
            else:
                self._attributed(cmdlet.process)
        finally:
            for k in vals:
                d.pop(k, None)
                bound.pop(k, None)

    def process_no_input(self):
        if self.delay_bind:
            name = next(iter(self.delay_bind))
            self.write_error(binding_error(
                self.metadata, f"Cannot bind parameter because parameter '{name}' is a delay-bind script block "
                "and there is no pipeline input.", "ScriptBlockArgumentNoInput", self.extent).error_record)
            return
        self._attributed(self._with_streams, self.cmdlet.process)

    def end(self):
        self._attributed(self._with_streams, self.cmdlet.end)

    def _attributed(self, fn, *a):
        """An exception a cmdlet lets out is that command's error, as 5.1 reports it ("Cmd : message", the
        command in CategoryInfo and the FQID), unless it already names where it happened."""
        try:
            return fn(*a)
        except PSException as e:
            rec = e.error_record
            if rec is not None and rec.invocation is None and not isinstance(e, PipelineStoppedException):
                self.attribute(rec)
            raise

    def stop(self):
        try:
            self.cmdlet.stop()
        except Exception:   # stopping must never mask the original error
            pass

    def finish(self):
        try:
            self.cmdlet.dispose()
        finally:
            super().finish()


# ---------------------------------------------------------------------------
# delay-bind script blocks and per-record parameter sets

class DelayBind:
    """A script block given to a parameter that takes pipeline input by property
    name (`ls | Rename-Item -NewName { $_.Name + '.bak' }`): run once per record."""
    __slots__ = ("script_block",)

    def __init__(self, sb):
        self.script_block = sb


def take_delay_bind(values: dict, bound: dict) -> dict:
    out = {}
    for k, v in list(values.items()):
        if isinstance(v, DelayBind):
            out[k] = v.script_block
            values.pop(k, None)
            bound.pop(k, None)
    return out


def evaluate_delay_bind(processor, delay: dict, record) -> dict:
    from .function import invoke_scriptblock_dotted
    from ..runtime.compile_expr import collect_value
    md = processor.metadata
    out = {}
    ctx = processor.ctx.child()
    for name, sb in delay.items():
        p = md.by_name[name.lower()]
        value = collect_value(invoke_scriptblock_dotted(ctx, sb, record))
        out[name] = convert_argument(md, p, value, processor.extent)
    return out


def _union_plan(md, sets, bound):
    by_value, by_name = [], []
    for s in sets:
        v, n = pipeline_plan(md, s, bound)
        by_value += [p for p in v if p not in by_value]
        by_name += [p for p in n if p not in by_name]
    return by_value, by_name


def _record_set(md, sets, bound, default):
    fits = [s for s in sets if all(s in md.by_name[k.lower()].sets or ALL_SETS in md.by_name[k.lower()].sets
                                   for k in bound if k.lower() in md.by_name)]
    if default in fits or not fits:
        return default
    return fits[0]


def command_not_found(name: str, extent) -> CommandNotFoundException:
    msg = (f"The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable "
           "program. Check the spelling of the name, or if a path was included, verify that the path is "
           "correct and try again.")
    exc = CommandNotFoundException(msg, error_id="CommandNotFoundException", category="ObjectNotFound",
                                   target=name)
    rec = ErrorRecord(exc, "CommandNotFoundException", "ObjectNotFound", name,
                      InvocationInfo(None, extent, name))
    rec.activity = ""
    exc.error_record = rec
    return exc


def create_processor(ctx, name, args, cc, expects_input: bool, position: int = 1):
    ctx.pipeline_position = position
    from .discovery import resolve_command
    from ..runtime.scriptblock import ScriptBlock, FunctionInfo
    from .function import FunctionProcessor
    target = name
    if isinstance(target, str):
        info = resolve_command(ctx, target)
        if info is None:
            raise command_not_found(target, cc.name_extent if cc else None)
        invocation_name = target
    else:
        info = target
        invocation_name = "&" if cc is not None and cc.invocation_operator == "&" else \
            ("." if cc is not None and cc.invocation_operator == "." else "")
    dot = cc is not None and cc.invocation_operator == "."
    kind = getattr(info, "kind", None)
    if any(a.name == "?" and not a.has_value for a in args) and kind != "native":
        # `<command> -?` shows the command's help
        from .binder import CommandArgument
        help_entry = ctx.session.commands.cmdlets.get("get-help")
        if help_entry is not None:
            shown = getattr(info, "name", None) or cv.to_string(target)
            return CmdletProcessor(ctx, help_entry.load(), [CommandArgument(None, shown)], cc, expects_input,
                                   "Get-Help")
    if isinstance(info, ScriptBlock):
        return FunctionProcessor(ctx, None, info, args, cc, expects_input, invocation_name, dot_source=dot)
    run_in = getattr(info, "invocation_target", None) if not isinstance(target, str) else None
    if run_in is not None:
        # `& $module { ... }`: an object that runs the script block after it somewhere else (a module's
        # session state); the object decides where (modules/core/module_info.py)
        found = run_in(ctx, args, dot)
        if found is not None:
            run_ctx, sb, rest = found
            return FunctionProcessor(run_ctx, None, sb, rest, cc, expects_input, invocation_name, dot_source=dot)
    if isinstance(info, FunctionInfo):
        return FunctionProcessor(ctx, info, info.script_block, args, cc, expects_input, invocation_name,
                                 dot_source=dot)
    if kind == "cmdlet":
        return CmdletProcessor(ctx, info.load(), args, cc, expects_input, invocation_name)
    if kind == "script":
        from .function import script_file_block
        sb = script_file_block(ctx, info.path)
        return FunctionProcessor(ctx, None, sb, args, cc, expects_input, invocation_name, dot_source=dot,
                                 script_path=info.path)
    if kind == "native":
        from .native import NativeProcessor
        return NativeProcessor(ctx, info, args, cc, expects_input, invocation_name)
    raise command_not_found(cv.to_string(target), cc.name_extent if cc else None)
