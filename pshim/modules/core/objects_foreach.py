"""Where-Object and ForEach-Object (facts §9.1, §9.2).

Both run their script blocks in the caller's scope with `$_` set to the
current record. The per-record path avoids allocations: `$_` is set with one
`set_local`, the compiled block writes straight into the next command's
input (ForEach-Object) or into a reused list (Where-Object).
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import ReturnSignal, PSException, RuntimeException, MethodException
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject, Hashtable, unwrap
from ...runtime.scriptblock import ScriptBlock
from ...runtime.types import PSType, resolve_type
from .fast_input import FastInput, dollar_under_setter


# ---------------------------------------------------------------------------
# helpers

_NOTHING = object()   # "no such property" (members._MISSING means "raise" to get_property)

class _LenientScriptBlockType(PSType):
    """[scriptblock] / [scriptblock[]] for a positional parameter that shares
    position 0 with a string parameter of another set (Where-Object
    -FilterScript / -Property, ForEach-Object -Process / -MemberName): a
    value that is not a script block is kept as is, and the cmdlet moves it
    to the string parameter of the other set."""

    def __init__(self, array: bool):
        super().__init__("System.Management.Automation.ScriptBlock" + ("[]" if array else ""))
        self.array = array
        if array:
            self.element = resolve_type("scriptblock")

    def is_instance(self, value):
        if self.array:
            return isinstance(value, (list, tuple)) and all(isinstance(unwrap(v), ScriptBlock) for v in value)
        return isinstance(unwrap(value), ScriptBlock)

    def convert(self, value):
        if self.array:
            if isinstance(value, (list, tuple)):
                return [unwrap(v) if isinstance(unwrap(v), ScriptBlock) else v for v in value]
            v = unwrap(value)
            return [v if isinstance(v, ScriptBlock) else value]
        v = unwrap(value)
        return v if isinstance(v, ScriptBlock) else value


class _LenientParameter(Parameter):
    def __init__(self, *a, array=False, **kw):
        super().__init__(*a, **kw)
        self._type_obj = _LenientScriptBlockType(array)

    @property
    def type_obj(self):
        return self._type_obj


def _run_block(ctx, sb: ScriptBlock, out):
    """Run all named blocks of `sb` (begin, process, end) in ctx."""
    comp = sb.compiled
    try:
        if comp.begin is not None:
            comp.begin(ctx, out)
        if comp.process is not None:
            comp.process(ctx, out)
        if comp.end is not None:
            comp.end(ctx, out)
    except ReturnSignal:
        pass


def _single_block(sb: ScriptBlock):
    """The one compiled block of a plain `{ ... }` literal, else None."""
    comp = sb.compiled
    if comp.begin is None and comp.process is None and comp.end is not None:
        return comp.end
    if comp.begin is None and comp.end is None and comp.process is not None:
        return comp.process
    return None


def _uses_psitem(sb) -> bool:
    return isinstance(sb, ScriptBlock) and "psitem" in (sb.text or "").lower()


class _DollarUnder:
    """Sets $_ (and $PSItem when a block mentions it) in the caller's scope and
    restores the previous values when the command ends."""

    def __init__(self, ctx, psitem: bool):
        self.scope = ctx.scope
        v = self.scope.vars.get("_")
        self.prev = (v.value,) if v is not None else None
        self.psitem = psitem
        if psitem:
            p = self.scope.vars.get("psitem")
            self.prev_item = (p.value,) if p is not None else None

    def restore(self):
        scope = self.scope
        if self.prev is not None:
            scope.set_local("_", self.prev[0], "_")
        else:
            scope.vars.pop("_", None)
        if self.psitem:
            if self.prev_item is not None:
                scope.set_local("PSItem", self.prev_item[0], "psitem")
            else:
                scope.vars.pop("psitem", None)


# ---------------------------------------------------------------------------
# Where-Object

# (switch parameter, parameter set, operator, aliases)
_WHERE_OPERATORS = [
    ("EQ", "EqualSet", "ieq", ("IEQ",)), ("CEQ", "CaseSensitiveEqualSet", "ceq", ()),
    ("NE", "NotEqualSet", "ine", ("INE",)), ("CNE", "CaseSensitiveNotEqualSet", "cne", ()),
    ("GT", "GreaterThanSet", "igt", ("IGT",)), ("CGT", "CaseSensitiveGreaterThanSet", "cgt", ()),
    ("LT", "LessThanSet", "ilt", ("ILT",)), ("CLT", "CaseSensitiveLessThanSet", "clt", ()),
    ("GE", "GreaterOrEqualSet", "ige", ("IGE",)), ("CGE", "CaseSensitiveGreaterOrEqualSet", "cge", ()),
    ("LE", "LessOrEqualSet", "ile", ("ILE",)), ("CLE", "CaseSensitiveLessOrEqualSet", "cle", ()),
    ("Like", "LikeSet", "ilike", ("ILike",)), ("CLike", "CaseSensitiveLikeSet", "clike", ()),
    ("NotLike", "NotLikeSet", "inotlike", ("INotLike",)),
    ("CNotLike", "CaseSensitiveNotLikeSet", "cnotlike", ()),
    ("Match", "MatchSet", "imatch", ("IMatch",)), ("CMatch", "CaseSensitiveMatchSet", "cmatch", ()),
    ("NotMatch", "NotMatchSet", "inotmatch", ("INotMatch",)),
    ("CNotMatch", "CaseSensitiveNotMatchSet", "cnotmatch", ()),
    ("Contains", "ContainsSet", "icontains", ("IContains",)),
    ("CContains", "CaseSensitiveContainsSet", "ccontains", ()),
    ("NotContains", "NotContainsSet", "inotcontains", ("INotContains",)),
    ("CNotContains", "CaseSensitiveNotContainsSet", "cnotcontains", ()),
    ("In", "InSet", "iin", ("IIn",)), ("CIn", "CaseSensitiveInSet", "cin", ()),
    ("NotIn", "NotInSet", "inotin", ("INotIn",)), ("CNotIn", "CaseSensitiveNotInSet", "cnotin", ()),
    ("Is", "IsSet", "is", ()), ("IsNot", "IsNotSet", "isnot", ()),
]
_OP_SETS = [s for _, s, _, _ in _WHERE_OPERATORS]
_SET_OPERATOR = {s: op for _, s, op, _ in _WHERE_OPERATORS}
_SET_SWITCH = {s: sw for sw, s, _, _ in _WHERE_OPERATORS}


def _lookup_property(obj, name: str):
    """Where-Object's property lookup: a dictionary key first, then a member; $null if none."""
    from ...runtime.members import get_property
    base = unwrap(obj) if isinstance(obj, PSObject) and obj.base is not None else obj
    if isinstance(base, Hashtable):
        if name in base:
            return base[name]
    elif isinstance(base, dict):
        if name in base:
            return base[name]
    if obj is None:
        return None
    v = get_property(obj, name, _NOTHING)
    return None if v is _NOTHING else v


class WhereObjectCommand(FastInput, Cmdlet):
    name = "Where-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.WhereObjectCommand"
    module_name = "Microsoft.PowerShell.Core"
    default_parameter_set = "EqualSet"
    synopsis = "Selects objects from a collection based on their property values."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    FilterScript = _LenientParameter("scriptblock", position=0, mandatory=True, parameter_set="ScriptBlockSet")
    Property = Parameter("string", sets=[ParameterSetData(s, 0, True) for s in _OP_SETS])
    Value = Parameter("object", sets=[ParameterSetData(s, 1) for s in _OP_SETS])

    def begin(self):
        self._mode = None
        sb = self.FilterScript
        set_name = self.parameter_set_name
        if set_name == "ScriptBlockSet" and not isinstance(sb, ScriptBlock):
            # `Where-Object Name`: a positional string belongs to -Property (EqualSet)
            self.Property = cv.to_string(sb)
            set_name = "EqualSet"
            sb = None
        self._set = set_name
        ctx = self.ctx
        if isinstance(sb, ScriptBlock):
            self._mode = "script"
            self._block = _single_block(sb)
            self._sb = sb
            self._du = _DollarUnder(ctx, _uses_psitem(sb))
            self._out = []
            self.enable_fast_input(self._script_filter())
            return
        self.enable_fast_input()
        self._mode = "simple"
        self._checked = False
        self._value_given = "Value" in self.bound
        op = _SET_OPERATOR.get(set_name, "ieq")
        self._op_given = set_name != "EqualSet" or bool(self.__dict__.get("EQ"))
        from ...runtime.operators import binary_op
        self._opfn = binary_op(op)
        self._op_name = op

    def _script_filter(self):
        """The per-record function of the script block form."""
        ctx = self.ctx
        scope = ctx.scope
        set_du = dollar_under_setter(scope)
        psitem = self._du.psitem
        out = self._out
        append = out.append
        clear = out.clear
        emit = self.processor.emit
        block = self._block
        sb = self._sb
        to_bool = cv.to_bool

        def where(obj):
            set_du(obj)
            if psitem:
                scope.set_local("PSItem", obj, "psitem")
            try:
                if block is not None:
                    block(ctx, append)
                else:
                    _run_block(ctx, sb, append)
            except ReturnSignal:
                pass
            if out:
                if len(out) == 1:
                    v = out[0]
                    keep = v if v.__class__ is bool else to_bool(v)
                else:
                    keep = to_bool(out)
                clear()
                if keep:
                    emit(obj)
        return where

    def _check_simple(self):
        self._checked = True
        if self._op_given and not self._value_given:
            raise self.terminating_error(self.error(
                "The specified operator requires both the -Property and -Value parameters. Provide values for "
                "both parameters, and then try the command again.", "ValueNotSpecifiedForWhereObject",
                "InvalidOperation"))
        if not self._op_given and self._value_given:
            raise self.terminating_error(self.error(
                "An operator is required to compare the two specified values. Include a valid operator in the "
                "command, and then try the command again. For example, Get-Process | Where-Object -Property "
                "Name -eq Idle", "OperatorNotSpecified", "InvalidOperation"))

    def process(self):
        obj = self.InputObject
        if self._mode == "script":
            if obj is None and "InputObject" not in self.bound and not self.processor.expects_input:
                return
            ctx = self.ctx
            scope = ctx.scope
            scope.set_local("_", obj, "_")
            if self._du.psitem:
                scope.set_local("PSItem", obj, "psitem")
            out = self._out
            block = self._block
            try:
                if block is not None:
                    block(ctx, out.append)
                else:
                    _run_block(ctx, self._sb, out.append)
            except ReturnSignal:
                pass
            if out:
                keep = cv.to_bool(out)
                out.clear()
                if keep:
                    self.processor.emit(obj)
            return
        if not self._checked:
            self._check_simple()
        if obj is None and "InputObject" not in self.bound and not self.processor.expects_input:
            return
        val = _lookup_property(obj, self.Property)
        if not self._op_given:
            if cv.to_bool(val):
                self.processor.emit(obj)
            return
        try:
            result = self._opfn(val, self.Value, self.ctx)
        except PSException as e:
            self.write_error(self.error(e.message, e.error_id or "OperatorFailed", e.category or "InvalidOperation",
                                        obj))
            return
        if cv.to_bool(result):
            self.processor.emit(obj)

    def end(self):
        if self._mode == "script":
            self._du.restore()


for _sw, _set, _op, _aliases in _WHERE_OPERATORS:
    setattr(WhereObjectCommand, _sw, Parameter(
        "switch", sets=[ParameterSetData(_set, None, _sw != "EQ")], aliases=_aliases, name=_sw))


# ---------------------------------------------------------------------------
# ForEach-Object

class ForEachObjectCommand(FastInput, Cmdlet):
    name = "ForEach-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.ForEachObjectCommand"
    module_name = "Microsoft.PowerShell.Core"
    default_parameter_set = "ScriptBlockSet"
    supports_should_process = True
    confirm_impact = "Medium"
    synopsis = "Performs an operation against each item in a collection of input objects."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    Begin = Parameter("scriptblock", parameter_set="ScriptBlockSet")
    Process = _LenientParameter("scriptblock[]", position=0, mandatory=True, parameter_set="ScriptBlockSet",
                                array=True)
    End = Parameter("scriptblock", parameter_set="ScriptBlockSet")
    RemainingScripts = _LenientParameter("scriptblock[]", parameter_set="ScriptBlockSet",
                                         value_from_remaining_arguments=True, array=True)
    MemberName = Parameter("string", position=0, mandatory=True, parameter_set="PropertyAndMethodSet")
    ArgumentList = Parameter("object[]", parameter_set="PropertyAndMethodSet", aliases=("Args",),
                             value_from_remaining_arguments=True)

    def begin(self):
        ctx = self.ctx
        self._member = None
        if self.parameter_set_name == "PropertyAndMethodSet":
            self._member = cv.to_string(self.MemberName)
            self._args = list(self.ArgumentList) if self.ArgumentList is not None else None
            if self._args is not None and len(self._args) == 0:
                self._args = None
            self.enable_fast_input()
            return
        scripts = list(self.Process or [])
        if scripts and len(scripts) == 1 and scripts[0] is None:
            scripts = []
        scripts += list(self.RemainingScripts or [])
        if scripts and not isinstance(scripts[0], ScriptBlock):
            # `% Name` / `% Substring 1`: the positional text is -MemberName
            self._member = cv.to_string(scripts[0])
            rest = scripts[1:]
            self._args = rest if rest else None
            self.enable_fast_input()
            return
        for s in scripts:
            if s is not None and not isinstance(s, ScriptBlock):
                raise self.terminating_error(self.error(
                    f'Cannot bind parameter \'RemainingScripts\'. Cannot convert the "{cv.to_string(s)}" value '
                    'of type "System.String" to type "System.Management.Automation.ScriptBlock".',
                    "CannotConvertArgumentNoMessage", "InvalidArgument"))
        begin_sb = self.Begin
        end_sb = self.End
        n = len(scripts)
        start = 1 if n > 1 else 0
        stop = n - 1 if n > 2 else n
        if begin_sb is not None or "Begin" in self.bound:
            start = 0
        elif start == 1:
            begin_sb = scripts[0]
        if end_sb is not None or "End" in self.bound:
            stop = n
        elif stop < n:
            end_sb = scripts[stop]
        self._procs = [s for s in scripts[start:stop]]
        self._end_sb = end_sb
        all_sbs = [b for b in [begin_sb, end_sb] + self._procs if b is not None]
        self._du = _DollarUnder(ctx, any(_uses_psitem(b) for b in all_sbs))
        self._fast_block = None
        if len(self._procs) == 1 and self._procs[0] is not None:
            self._fast_block = _single_block(self._procs[0])
        if begin_sb is not None:
            scope = ctx.scope
            scope.set_local("_", None, "_")
            _run_block(ctx, begin_sb, self.processor.emit)
        self.enable_fast_input(self._foreach_fn())

    def _foreach_fn(self):
        ctx = self.ctx
        scope = ctx.scope
        set_du = dollar_under_setter(scope)
        psitem = self._du.psitem
        emit = self.processor.emit
        fast = self._fast_block
        procs = self._procs
        if fast is not None and not psitem:
            def foreach(obj):
                set_du(obj)
                try:
                    fast(ctx, emit)
                except ReturnSignal:
                    pass
            return foreach

        def foreach_general(obj):
            set_du(obj)
            if psitem:
                scope.set_local("PSItem", obj, "psitem")
            if fast is not None:
                try:
                    fast(ctx, emit)
                except ReturnSignal:
                    pass
                return
            for sb in procs:
                if sb is not None:
                    _run_block(ctx, sb, emit)
        return foreach_general

    def process(self):
        obj = self.InputObject
        if self._member is not None:
            self._invoke_member(obj)
            return
        ctx = self.ctx
        scope = ctx.scope
        scope.set_local("_", obj, "_")
        if self._du.psitem:
            scope.set_local("PSItem", obj, "psitem")
        emit = self.processor.emit
        fast = self._fast_block
        if fast is not None:
            try:
                fast(ctx, emit)
            except ReturnSignal:
                pass
            return
        for sb in self._procs:
            if sb is not None:
                _run_block(ctx, sb, emit)

    def end(self):
        if self._member is not None:
            return
        if self._end_sb is not None:
            self.ctx.scope.set_local("_", None, "_")
            _run_block(self.ctx, self._end_sb, self.processor.emit)
        self._du.restore()

    # -- -MemberName ---------------------------------------------------------
    def _invoke_member(self, obj):
        from ...runtime.members import property_names, get_property
        _MISSING = _NOTHING
        from ...runtime.operators import has_wildcard, wildcard_match
        name = self._member
        args = self._args
        if obj is None:
            return
        if args is None:
            pname = name
            if has_wildcard(name):
                matches = [p for p in property_names(obj) if wildcard_match(name, p)]
                if len(matches) > 1:
                    self.write_error(self.error(
                        f'The input name "{name}" cannot be resolved to a member.', "AmbiguousPropertyOrMethodName",
                        "InvalidArgument", obj))
                    return
                pname = matches[0] if matches else None
            v = _MISSING
            if pname is not None:
                base = unwrap(obj)
                if isinstance(base, Hashtable) and pname in base:
                    v = base[pname]
                else:
                    v = get_property(obj, pname, _MISSING)
            if v is not _MISSING:
                self._write_enumerated(v)
                return
        try:
            from ...runtime.access import invoke_method
            result = invoke_method(self.ctx, obj, name, list(args or []))
        except MethodException as e:
            if getattr(e, "error_id", None) in ("MethodNotFound",) or "does not contain a method" in e.message:
                if args is None:
                    return
                self.write_error(self.error(f'Input name "{name}" cannot be resolved to a method.',
                                            "MethodNotFound", "InvalidArgument", obj))
                return
            self.write_error(self.error(e.message, e.error_id or "MethodInvocationException", "InvalidOperation",
                                        obj, type(e)))
            return
        except PSException as e:
            self.write_error(self.error(e.message, e.error_id or "MethodInvocationException", "InvalidOperation",
                                        obj, type(e)))
            return
        except (ImportError, AttributeError):
            if args is not None:
                self.write_error(self.error(f'Input name "{name}" cannot be resolved to a method.',
                                            "MethodNotFound", "InvalidArgument", obj))
            return
        if result is not None:
            self._write_enumerated(result)

    def _write_enumerated(self, v):
        emit = self.processor.emit
        if isinstance(v, (list, tuple)):
            for x in v:
                emit(x)
        else:
            emit(v)
