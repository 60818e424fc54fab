"""Parameter binding with Windows PowerShell 5.1's rules and messages.

bind_arguments(): named (exact name or alias, then unique prefix; a declared
parameter beats a common one), parameter-set narrowing, positional binding,
conversion and validation. bind_pipeline_record(): the four pipeline passes
for one input record. Errors are ParameterBindingException records whose
texts and FullyQualifiedErrorIds match 5.1's.
"""
from __future__ import annotations

from ..errors import ParameterBindingException, PSException, ErrorRecord, InvocationInfo
from ..runtime import conversion as cv
from ..runtime.psobject import PSObject, Hashtable, unwrap
from ..runtime.switch import SwitchParameter
from .parameters import ALL_SETS, CommandMetadata, Parameter, COMMON_NAMES


class CommandArgument:
    __slots__ = ("name", "value", "has_value", "extent", "colon", "from_splat")

    def __init__(self, name=None, value=None, has_value=True, extent=None, colon=False, from_splat=False):
        self.name = name            # parameter name as written (no dash) or None for positional
        self.value = value
        self.has_value = has_value
        self.extent = extent
        self.colon = colon
        self.from_splat = from_splat

    def __repr__(self):
        return f"CommandArgument({self.name!r}, {self.value!r}, {self.has_value})"


def binding_error(md: CommandMetadata, message: str, error_id: str, extent=None,
                  category="InvalidArgument", target=None) -> ParameterBindingException:
    exc = ParameterBindingException(message, error_id=error_id, category=category)
    rec = ErrorRecord(exc, error_id, category, target, InvocationInfo(md.name, extent))
    rec.command_fqid_suffix = md.fqid_suffix
    rec.activity = md.name
    exc.error_record = rec
    return exc


def match_parameter(md: CommandMetadata, typed: str, extent=None) -> Parameter | None:
    key = typed.lower()
    p = md.by_name.get(key)
    if p is not None:
        return p
    cands = []
    for p in md.parameters:
        if p.name.lower().startswith(key) or any(a.lower().startswith(key) for a in p.aliases):
            if p not in cands:
                cands.append(p)
    if len(cands) == 1:
        return cands[0]
    if len(cands) > 1:
        own = [c for c in cands if c.name.lower() not in COMMON_NAMES and c.name not in ("WhatIf", "Confirm")]
        if len(own) == 1:
            return own[0]
        names = "".join(f" -{c.name}" for c in cands)
        raise binding_error(md, f"Parameter cannot be processed because the parameter name '{typed}' is "
                                f"ambiguous. Possible matches include:{names}.", "AmbiguousParameter", extent)
    return None


# ---------------------------------------------------------------------------
# conversion and validation of one argument

def convert_argument(md: CommandMetadata, p: Parameter, value, extent=None):
    """Convert an argument to the parameter's type, then validate it."""
    from ..runtime.scriptblock import ScriptBlock
    if p.is_switch or p.is_bool:
        v = unwrap(value)
        if isinstance(v, (list, tuple)) and len(v) == 1:
            v = unwrap(v[0])
        if isinstance(v, (bool, SwitchParameter)) or (isinstance(v, (int, float)) and not isinstance(v, str)):
            b = bool(v.is_present if isinstance(v, SwitchParameter) else v)
            return SwitchParameter(b) if p.is_switch else b
        if v is None and p.is_switch:
            return SwitchParameter(False)
        tname = cv.type_name(v) if hasattr(cv, "type_name") else type(v).__name__
        from ..runtime.typenames import type_name as _tn
        tname = _tn(v)
        target = "System.Management.Automation.SwitchParameter" if p.is_switch else "System.Boolean"
        if md.kind == "Function":
            raise binding_error(
                md, f"Cannot process argument transformation on parameter '{p.name}'. Cannot convert value "
                    f"\"{tname}\" to type \"{target}\". Boolean parameters accept only Boolean values and "
                    "numbers, such as $True, $False, 1 or 0.", "ParameterArgumentTransformationError", extent)
        raise binding_error(md, f"Cannot convert '{tname}' to the type '{target}' required by parameter "
                                f"'{p.name}'. ", "CannotConvertArgument", extent)
    if value is None:
        if p.mandatory_anywhere and not p.allow_null:
            raise binding_error(md, f"Cannot bind argument to parameter '{p.name}' because it is null.",
                                "ParameterArgumentValidationErrorNullNotAllowed", extent, "InvalidData")
        if p.validate_not_null or p.validate_not_null_or_empty:
            raise binding_error(md, f"Cannot validate argument on parameter '{p.name}'. The argument is null. "
                                    "Provide a valid value for the argument, and then try running the "
                                    "command again.", "ParameterArgumentValidationError", extent, "InvalidData")
        return None
    tl = p.type.lower()
    if tl in ("object", "psobject", "system.object", "system.management.automation.psobject"):
        converted = value
    elif tl in ("scriptblock",) and isinstance(unwrap(value), ScriptBlock):
        converted = unwrap(value)
    else:
        try:
            converted = p.type_obj.convert(value)
        except PSException as e:
            inner = e.message
            if md.kind == "Function":
                raise binding_error(md, f"Cannot process argument transformation on parameter '{p.name}'. "
                                        f"{inner}", "ParameterArgumentTransformationError", extent)
            raise binding_error(md, f"Cannot bind parameter '{p.name}'. {inner}",
                                "CannotConvertArgumentNoMessage", extent)
    validate(md, p, converted, extent)
    return converted


def validate(md, p: Parameter, value, extent=None):
    items = value if isinstance(value, (list, tuple)) else [value]
    if p.mandatory_anywhere and not p.allow_empty_string:
        if isinstance(value, str) and value == "":
            raise binding_error(md, f"Cannot bind argument to parameter '{p.name}' because it is an empty "
                                    "string.", "ParameterArgumentValidationErrorEmptyStringNotAllowed",
                                extent, "InvalidData")
        if isinstance(value, (list, tuple)) and len(value) == 0 and p.type.endswith("[]"):
            raise binding_error(md, f"Cannot bind argument to parameter '{p.name}' because it is an empty "
                                    "array.", "ParameterArgumentValidationErrorEmptyArrayNotAllowed",
                                extent, "InvalidData")
    prefix = f"Cannot validate argument on parameter '{p.name}'. "
    if p.validate_not_null_or_empty:
        if value is None or (isinstance(value, str) and value == "") or \
                (isinstance(value, (list, tuple)) and len(value) == 0):
            raise binding_error(md, prefix + "The argument is null or empty. Provide an argument that is not "
                                             "null or empty, and then try the command again.",
                                "ParameterArgumentValidationError", extent, "InvalidData")
    if p.validate_set:
        allowed = [s.lower() for s in p.validate_set]
        for it in items:
            s = cv.to_string(it)
            if s.lower() not in allowed:
                raise binding_error(md, prefix + f"The argument \"{s}\" does not belong to the set "
                                                 f"\"{','.join(p.validate_set)}\" specified by the ValidateSet "
                                                 "attribute. Supply an argument that is in the set and then try "
                                                 "the command again.", "ParameterArgumentValidationError",
                                    extent, "InvalidData")
    if p.validate_range:
        lo, hi = p.validate_range
        for it in items:
            n = cv.to_number(it)
            if n < lo:
                raise binding_error(md, prefix + f"The {cv.to_string(it)} argument is less than the minimum "
                                                 f"allowed range of {lo}. Supply an argument that is greater "
                                                 f"than or equal to {lo} and then try the command again.",
                                    "ParameterArgumentValidationError", extent, "InvalidData")
            if n > hi:
                raise binding_error(md, prefix + f"The {cv.to_string(it)} argument is greater than the maximum "
                                                 f"allowed range of {hi}. Supply an argument that is less than "
                                                 f"or equal to {hi} and then try the command again.",
                                    "ParameterArgumentValidationError", extent, "InvalidData")
    if p.validate_pattern:
        from ..runtime import dotnet_regex
        rx = dotnet_regex.compile(p.validate_pattern, dotnet_regex.IGNORE_CASE)
        for it in items:
            s = cv.to_string(it)
            if rx.search(s) is None:
                raise binding_error(md, prefix + f"The argument \"{s}\" does not match the \"{p.validate_pattern}\" "
                                                 "pattern. Supply an argument that matches "
                                                 f"\"{p.validate_pattern}\" and try the command again.",
                                    "ParameterArgumentValidationError", extent, "InvalidData")
    if p.validate_count:
        lo, hi = p.validate_count
        n = len(items)
        if n < lo or n > hi:
            raise binding_error(md, prefix + f"The parameter requires at least {lo} value(s) and no more than "
                                             f"{hi} value(s) - {n} value(s) were provided.",
                                "ParameterArgumentValidationError", extent, "InvalidData")
    if p.validate_script is not None:
        for it in items:
            if not p.validate_script(it):
                raise binding_error(md, prefix + "The \"" + p.validate_script.text + "\" validation script for "
                                    f"the argument with value \"{cv.to_string(it)}\" did not return a result of "
                                    "True. Determine why the validation script failed, and then try the "
                                    "command again.", "ParameterArgumentValidationError", extent, "InvalidData")


# ---------------------------------------------------------------------------

class BindingResult:
    __slots__ = ("bound", "set_candidates", "unbound_args", "extents")

    def __init__(self):
        self.bound = {}              # Parameter.name -> converted value
        self.set_candidates = None
        self.unbound_args = []       # leftover positional values (simple functions: $args)
        self.extents = {}


def bind_arguments(md: CommandMetadata, args: list[CommandArgument], command_extent=None,
                   expects_pipeline: bool = False, remaining_ok: bool = False) -> BindingResult:
    res = BindingResult()
    bound = res.bound
    positional = []
    i = 0
    n = len(args)
    named_params = []
    while i < n:
        a = args[i]
        if a.name is None:
            positional.append(a)
            i += 1
            continue
        p = match_parameter(md, a.name, a.extent)
        if p is None:
            if not md.is_advanced:
                # simple functions: unknown -names go to $args as text
                res.unbound_args.append("-" + a.name + (":" if a.colon else ""))
                if a.colon and a.has_value:
                    res.unbound_args.append(a.value)
                i += 1
                continue
            raise binding_error(md, f"A parameter cannot be found that matches parameter name '{a.name}'.",
                                "NamedParameterNotFound", a.extent or command_extent)
        if p.name in bound:
            raise binding_error(md, f"Cannot bind parameter because parameter '{p.name}' is specified more "
                                    "than once. To provide multiple values to parameters that can accept "
                                    "multiple values, use the array syntax. For example, \"-parameter "
                                    "value1,value2,value3\".", "ParameterAlreadyBound", a.extent or command_extent)
        if p.is_switch:
            value = a.value if (a.colon and a.has_value) or (a.from_splat and a.has_value) else True
            i += 1
        elif a.has_value and (a.colon or a.from_splat):
            value = a.value
            i += 1
        else:
            nxt = args[i + 1] if i + 1 < n else None
            if nxt is None or nxt.name is not None:
                if p.is_bool:
                    raise binding_error(md, f"Cannot bind argument to parameter '{p.name}' because it is null.",
                                        "ParameterArgumentValidationErrorNullNotAllowed", a.extent, "InvalidData")
                raise binding_error(md, f"Missing an argument for parameter '{p.name}'. Specify a parameter of "
                                        f"type '{p.full_type_name}' and try again.", "MissingArgument",
                                    a.extent or command_extent)
            value = nxt.value
            i += 2
        if _is_delay_bind(p, value):
            if not expects_pipeline:
                raise binding_error(md, f"Cannot bind parameter because parameter '{p.name}' is a delay-bind "
                                        "script block and there is no pipeline input.",
                                    "ScriptBlockArgumentNoInput", a.extent or command_extent)
            from .processor import DelayBind
            bound[p.name] = DelayBind(unwrap(value))
        else:
            bound[p.name] = convert_argument(md, p, value, a.extent or command_extent)
        res.extents[p.name] = a.extent
        named_params.append(p)

    # parameter sets compatible with the named parameters
    cands = list(md.parameter_sets)
    for p in named_params:
        if ALL_SETS in p.sets:
            continue
        cands = [s for s in cands if s in p.sets]
    if not cands:
        raise binding_error(md, "Parameter set cannot be resolved using the specified named parameters.",
                            "AmbiguousParameterSet", command_extent)

    # positional binding
    if positional:
        order = _positional_order(md, cands, bound)
        for a in positional:
            if not order:
                rem = _remaining_param(md, cands)
                if rem is not None:
                    cur = bound.get(rem.name)
                    vals = list(cur) if isinstance(cur, list) else ([] if cur is None else [cur])
                    vals.append(a.value)
                    bound[rem.name] = vals
                    continue
                if not md.is_advanced or remaining_ok:
                    res.unbound_args.append(a.value)
                    continue
                raise binding_error(md, f"A positional parameter cannot be found that accepts argument "
                                        f"'{_arg_text(a.value)}'.", "PositionalParameterNotFound",
                                    command_extent)
            p = _bind_positional(md, order, a, bound, res, command_extent)
            if ALL_SETS not in p.sets:
                cands = [s for s in cands if s in p.sets] or cands
            order = _positional_order(md, cands, bound)
    res.set_candidates = cands
    return res


def _position_of(p):
    ps = [d.position for d in p.sets.values() if d.position is not None]
    return min(ps) if ps else 1 << 30


def _bind_positional(md, order, a, bound, res, command_extent):
    """Bind one positional argument to the first parameter at the lowest
    open position whose type accepts it; parameters of other sets at the same
    position are tried in turn (`Where-Object Name` falls through from
    -FilterScript to -Property)."""
    pos = _position_of(order[0])
    same = [p for p in order if _position_of(p) == pos]
    first_error = None
    for p in same:
        try:
            bound[p.name] = convert_argument(md, p, a.value, a.extent or command_extent)
        except ParameterBindingException as e:
            if first_error is None:
                first_error = e
            continue
        res.extents[p.name] = a.extent
        return p
    raise first_error


def _is_delay_bind(p: Parameter, value) -> bool:
    from ..runtime.scriptblock import ScriptBlock
    if not isinstance(unwrap(value), ScriptBlock):
        return False
    if p.type.lower() in ("scriptblock", "system.management.automation.scriptblock", "object", "psobject",
                          "system.object", "scriptblock[]", "object[]"):
        return False
    return any(d.from_pipeline_by_name for d in p.sets.values())


def _arg_text(v):
    if isinstance(v, (list, tuple)):
        return "System.Object[]"
    return cv.to_string(v)


def _positional_order(md, cands, bound):
    seen = []
    for s in cands:
        for p in md.positional_in(s):
            if p.name not in bound and p not in seen:
                seen.append(p)
    def pos(p):
        ps = [d.position for d in p.sets.values() if d.position is not None]
        return min(ps) if ps else 1 << 30
    seen.sort(key=pos)
    return seen


def _remaining_param(md, cands):
    for p in md.own_parameters:
        for s in cands:
            d = p.in_set(s)
            if d is not None and d.from_remaining:
                return p
    return None


def resolve_parameter_set(md: CommandMetadata, res: BindingResult, expects_pipeline: bool, command_extent=None):
    cands = res.set_candidates or [ALL_SETS]
    if len(cands) == 1:
        return cands[0]
    if md.default_set in cands:
        # the default set wins unless its mandatory parameters cannot be met and another set's can
        if _mandatory_ok(md, md.default_set, res.bound, expects_pipeline):
            return md.default_set
    ok = [s for s in cands if _mandatory_ok(md, s, res.bound, expects_pipeline)]
    if len(ok) == 1:
        return ok[0]
    if md.default_set in cands:
        return md.default_set
    if ok and not res.bound:
        return ok[0]
    # sets that use at least one bound parameter specifically
    specific = [s for s in (ok or cands) if any(s in md.by_name[b.lower()].sets for b in res.bound
                                                if b.lower() in md.by_name)]
    if len(specific) == 1:
        return specific[0]
    if ok:
        return ok[0]
    raise binding_error(md, "Parameter set cannot be resolved using the specified named parameters.",
                        "AmbiguousParameterSet", command_extent)


def _mandatory_ok(md, set_name, bound, expects_pipeline):
    for p in md.own_parameters:
        d = p.sets.get(set_name) or p.sets.get(ALL_SETS)
        if d is None or not d.mandatory or p.name in bound:
            continue
        if expects_pipeline and (d.from_pipeline or d.from_pipeline_by_name):
            continue
        return False
    return True


def missing_mandatory(md: CommandMetadata, set_name: str, bound: dict, expects_pipeline: bool) -> list:
    out = []
    for p in md.own_parameters:
        d = p.sets.get(set_name) or p.sets.get(ALL_SETS)
        if d is None or not d.mandatory or p.name in bound:
            continue
        if expects_pipeline and (d.from_pipeline or d.from_pipeline_by_name):
            continue
        out.append(p)
    return out


# ---------------------------------------------------------------------------
# pipeline binding

def pipeline_plan(md: CommandMetadata, set_name: str, cmdline_bound: dict):
    """Parameters that may take a record in this set, not bound on the command line."""
    by_value, by_name = [], []
    for p in md.own_parameters:
        if p.name in cmdline_bound:
            continue
        d = p.sets.get(set_name) or p.sets.get(ALL_SETS)
        if d is None:
            continue
        if d.from_pipeline:
            by_value.append(p)
        if d.from_pipeline_by_name:
            by_name.append(p)
    return by_value, by_name


def _takes_secret(p: Parameter) -> bool:
    return p.type.lower().rsplit(".", 1)[-1].rstrip("[]") == "securestring"


def _exact_type(p: Parameter, value) -> bool:
    """The no-coercion passes: [object] takes anything; [psobject] only a PSObject itself
    (a custom object), so a FileInfo piped to Select-String binds -LiteralPath by its
    PSPath property rather than -InputObject, as in 5.1."""
    tl = p.type.lower()
    if tl in ("object", "object[]", "system.object"):
        return True
    if tl in ("psobject", "psobject[]", "system.management.automation.psobject"):
        return isinstance(value, PSObject)
    try:
        t = p.type_obj
    except PSException:
        return False
    if t.is_instance(value):
        return True
    el = getattr(t, "element", None)
    if el is not None and el.is_instance(value):
        return True
    return False


def _property_value(record, p: Parameter):
    from ..runtime.members import get_property, _MISSING
    for name in (p.name,) + p.aliases:
        if isinstance(record, Hashtable):
            break
        v = get_property(record, name, _MISSING)
        if v is not _MISSING:
            return v
    return _MISSING


def bind_pipeline_record(md: CommandMetadata, plan, record, extent=None, sets=None) -> dict:
    """The four passes of 5.1 for one record; returns {param name: value}.
    `sets`: the parameter sets still possible; once a parameter binds, later passes only
    try parameters of the sets it belongs to. Raises the InputObjectNotBound error when
    nothing takes the record."""
    from ..runtime.members import _MISSING
    by_value, by_name = plan
    out = {}
    valid = set(sets) if sets else None

    def allowed(p):
        if valid is None or ALL_SETS in p.sets:
            return True
        return bool(valid.intersection(p.sets))

    def bind(p, value):
        nonlocal valid
        out[p.name] = convert_argument(md, p, value, extent)
        if valid is not None and ALL_SETS not in p.sets:
            valid = valid.intersection(p.sets)

    # 1. by value, exact type
    for p in by_value:
        if allowed(p) and _exact_type(p, record):
            bind(p, record)
            break
    # 2. by property name, exact type
    for p in by_name:
        if p.name in out or not allowed(p):
            continue
        v = _property_value(record, p)
        if v is not _MISSING and _exact_type(p, v):
            bind(p, v)
    if not out or (by_name and len(out) < len(by_name)):
        # 3. by value with conversion
        if not any(p.name in out for p in by_value):
            for p in by_value:
                if not allowed(p):
                    continue
                try:
                    bind(p, record)
                    break
                except PSException:
                    continue
        # 4. by property name with conversion
        for p in by_name:
            if p.name in out or not allowed(p):
                continue
            v = _property_value(record, p)
            if v is not _MISSING:
                try:
                    bind(p, v)
                except PSException:
                    if len(by_name) == 1 and not by_value:
                        raise
    if not out and (by_value or by_name):
        # A command that takes a secret from the pipeline (a SecureString parameter) keeps what it was given out
        # of the error record (5.1 shows it as the target object): plaintext piped there by mistake is a secret.
        secret = any(_takes_secret(p) for p in (*by_value, *by_name))
        raise binding_error(md, "The input object cannot be bound to any parameters for the command either "
                                "because the command does not take pipeline input or the input and its "
                                "properties do not match any of the parameters that take pipeline input.",
                            "InputObjectNotBound", extent, target=None if secret else record)
    return out


def apply_default_parameter_values(ctx, md: CommandMetadata, bound: dict, extent=None):
    """$PSDefaultParameterValues: 'Command:Parameter' keys (wildcards allowed) give values for
    parameters the command line did not bind; `Disabled = $true` turns the feature off."""
    table = ctx.get_variable("PSDefaultParameterValues")
    if not isinstance(table, Hashtable) or len(table) == 0:
        return
    if cv.to_bool(table.get("Disabled")):
        return
    from ..runtime.operators import wildcard_match
    from ..runtime.scriptblock import ScriptBlock
    for key, value in table.items():
        k = cv.to_string(key)
        if ":" not in k:
            continue
        cmd_pat, _, par_pat = k.partition(":")
        if not wildcard_match(cmd_pat.strip(), md.name):
            continue
        for p in md.parameters:
            if p.name in bound or not wildcard_match(par_pat.strip(), p.name):
                continue
            v = unwrap(value)
            if isinstance(v, ScriptBlock):
                from .function import invoke_scriptblock
                from ..runtime.compile_expr import collect_value
                v = collect_value(invoke_scriptblock(ctx, v, []))
            try:
                bound[p.name] = convert_argument(md, p, v, extent)
            except PSException:
                continue   # a default that does not fit is ignored, as PowerShell does
