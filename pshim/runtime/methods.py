"""Method calls on pipeline values: `$x.Name(args)` as Windows PowerShell 5.1 does them.

Entry points (what the engine calls):

    invoke_method(obj, name, args, *, invoker=None, convert=None, delegate_invoker=None) -> result
    has_method(obj, name) -> bool
    method_names(obj) -> list[str]
    method_definitions(obj) -> list[(name, definition)]    # for Get-Member

Dispatch, in order (names are case-insensitive everywhere):

1. PSObject members: a ScriptMethod/CodeMethod member is called as
   `member.getter(obj, args)`. A custom object ([pscustomobject]) has only the
   Object methods; a wrapping PSObject continues with its base value.
2. The intrinsic `.Where({...}[, mode[, n]])` and `.ForEach(...)` of every
   value (scalars act as one-element collections). Script blocks are run with
   the engine's `invoker(scriptblock, dollar_underscore) -> list`; `.ForEach([type])`
   uses `convert(value, type_full_name)`. Script blocks passed where .NET wants a
   delegate (List[T].FindAll, Regex.Replace evaluator) are run with
   `delegate_invoker(scriptblock, args) -> list` ($args / param()), falling back
   to `invoker(scriptblock, args[0])`.
3. A per-receiver-type table (string, numbers, DateTime, collections, ...);
   each table maps lower-case name -> (proper name, fn(receiver, args, kw),
   Get-Member overload definitions). The tables live in methods_string.py,
   methods_collections.py and methods_values.py.
4. DotNetObject subclasses: a Python method named like an entry of the
   class's `ps_methods` is called with the arguments.
5. The System.Object methods: GetType, ToString, Equals, GetHashCode.

Errors are those PowerShell shows: an unknown name raises MethodException
"Method invocation failed because [T] does not contain a method named 'x'."
(error id MethodNotFound); a wrong argument count raises MethodException
"Cannot find an overload for ..." ; an exception thrown by the method is
wrapped in MethodInvocationException `Exception calling "M" with "n"
argument(s): "<inner message>"` whose error id is the inner exception's short
type name (method_support.call_wrapped).

Choice documented here: `[pscustomobject]@{a=1}.ToString()` returns "" as in
5.1 (PowerShell/PowerShell#6163) — string conversion ("$o", -f) still gives
"@{a=1}" through conversion.dotnet_string.
"""
from __future__ import annotations


from ..errors import RuntimeException, PSException, MethodException
from .psobject import PSObject, DotNetObject, unwrap
from .method_support import (call_wrapped, not_found, overload_error, wrap_exception, dotnet_equals, nargs,
                             NO_OUTPUT, returns_void)
from .dotnet_objects import RuntimeType, DictionaryEntry, type_of, _string_hash
from . import methods_string, methods_collections, methods_values

__all__ = ["invoke_method", "has_method", "method_names", "method_definitions", "RuntimeType",
           "DictionaryEntry", "type_of"]

_COMMON_DEFS = {
    "equals": ("Equals", ("bool Equals(System.Object obj)",)),
    "gethashcode": ("GetHashCode", ("int GetHashCode()",)),
    "gettype": ("GetType", ("type GetType()",)),
    "tostring": ("ToString", ("string ToString()",)),
}
_INTRINSIC = {"where": "Where", "foreach": "ForEach"}


def _table_for(obj):
    if isinstance(obj, str) and not isinstance(obj, methods_values.Char):
        return methods_string.STRING_METHODS
    table = methods_values.table_for(obj)
    if table is not None:
        return table
    return methods_collections.table_for(obj)


def _receiver_name(obj) -> str:
    from .typenames import type_name
    if isinstance(obj, PSObject):
        return obj.type_names[0] if obj.type_names else "System.Management.Automation.PSCustomObject"
    name = type_name(obj)
    if name.startswith("Python.") and hasattr(obj, "ps_type"):
        return obj.ps_type
    return name


# ---------------------------------------------------------------------------
# Entry points

def invoke_method(obj, name: str, args, *, invoker=None, convert=None, delegate_invoker=None, statement=False):
    """Call method `name` on `obj` with `args` (a list of PowerShell values). `statement`: the call is a
    statement of its own, so a void method answers NO_OUTPUT (it writes nothing)."""
    args = list(args) if args is not None else []
    lname = name.lower()
    if obj is None:
        raise RuntimeException("You cannot call a method on a null-valued expression.",
                               error_id="InvokeMethodOnNull", category="InvalidOperation")
    target = obj
    if isinstance(obj, PSObject):
        member = obj.members.get(lname)
        if member is not None and member.member_type in ("ScriptMethod", "CodeMethod"):
            return _call_member(member, obj, args)
        if obj.base is None:
            if lname in _INTRINSIC:
                return _intrinsic(obj, lname, args, invoker, convert)
            return _custom_object_method(obj, name, lname, args)
        target = unwrap(obj)
    if lname in _INTRINSIC:
        return _intrinsic(target, lname, args, invoker, convert)
    dispatch = getattr(target, "ps_dispatch_method", None)
    if dispatch is not None:        # a value that resolves its own methods (script classes): (handled, result)
        handled, r = dispatch(name, args, statement)
        if handled:
            return r
    kw = {"invoker": invoker, "convert": convert, "delegate_invoker": delegate_invoker}
    table = _table_for(target)
    if table is not None:
        entry = table.get(lname)
        if entry is not None:
            proper, fn, defs = entry
            r = call_wrapped(proper, args, fn, target, args, kw)
            if r is None and statement and returns_void(defs):
                return NO_OUTPUT
            return r
    fn, proper = _python_method(target, lname)
    if fn is not None:
        r = _call_python(proper, fn, args, kw)
        if r is None and statement and returns_void(getattr(target, "ps_method_defs", {}).get(proper)):
            return NO_OUTPUT
        return r
    if lname in _COMMON_DEFS:
        proper = _COMMON_DEFS[lname][0]
        return call_wrapped(proper, args, _common, target, lname, args)
    if isinstance(target, (list, tuple)) and target:
        return _enumerate_method(target, name, args, kw, statement)
    raise not_found(_receiver_name(obj), name)


def _enumerate_method(items, name, args, kw, statement):
    """Method enumeration (since 3.0): a collection without the method calls it on each element, as
    `@('Ab','Cd').ToLower()`; the results are collected as member enumeration collects properties (a single
    result is a scalar, $null results are dropped, an element without the method is the error)."""
    out = []
    for item in items:
        if item is None:
            continue
        r = invoke_method(item, name, args, **kw)
        if r is None:
            continue
        if isinstance(r, list):
            out.extend(r)
        else:
            out.append(r)
    if not out:
        return NO_OUTPUT if statement else None
    return out[0] if len(out) == 1 else out


def has_method(obj, name: str) -> bool:
    lname = name.lower()
    if obj is None:
        return False
    if lname in _INTRINSIC or lname in _COMMON_DEFS:
        return True
    if isinstance(obj, PSObject):
        member = obj.members.get(lname)
        if member is not None and member.member_type in ("ScriptMethod", "CodeMethod"):
            return True
        if obj.base is None:
            return False
        obj = unwrap(obj)
    table = _table_for(obj)
    if table is not None and lname in table:
        return True
    defs = getattr(obj, "ps_method_definitions", None)
    if defs is not None and any(n.lower() == lname for n, _d in defs()):
        return True
    return _python_method(obj, lname)[0] is not None


def method_names(obj) -> list[str]:
    return [n for n, _ in method_definitions(obj)]


def method_definitions(obj) -> list[tuple[str, str]]:
    """(name, "overload, overload") pairs, as Get-Member's Definition column shows them."""
    out: dict[str, tuple[str, str]] = {}
    if isinstance(obj, PSObject):
        for m in obj.members.values():
            if m.member_type in ("ScriptMethod", "CodeMethod"):
                out[m.name.lower()] = (m.name, f"System.Object {m.name}();")
        if obj.base is None:
            for lname, (proper, defs) in _COMMON_DEFS.items():
                out.setdefault(lname, (proper, ", ".join(defs)))
            return list(out.values())
        obj = unwrap(obj)
    if obj is None:
        return []
    table = _table_for(obj)
    if table is not None:
        for lname, (proper, _fn, defs) in table.items():
            out.setdefault(lname, (proper, ", ".join(defs)))
    own = getattr(obj, "ps_method_definitions", None)
    if own is not None:             # (name, definition) pairs a value lists itself (script classes)
        for proper, definition in own():
            out.setdefault(proper.lower(), (proper, definition))
    if isinstance(obj, DotNetObject) or hasattr(obj, "ps_methods"):
        for proper in getattr(obj, "ps_methods", ()):
            fn = getattr(obj, proper, None)
            if callable(fn):
                defs = getattr(obj, "ps_method_defs", {}).get(proper)
                out.setdefault(proper.lower(), (proper, ", ".join(defs) if defs else
                                                _python_definition(obj, proper, fn)))
    for lname, (proper, defs) in _COMMON_DEFS.items():
        out.setdefault(lname, (proper, ", ".join(defs)))
    return list(out.values())


# ---------------------------------------------------------------------------
# Pieces

def _call_member(member, obj, args):
    fn = member.getter if member.getter is not None else member.value
    try:
        return fn(obj, args)
    except MethodException:
        raise
    except PSException as exc:
        raise wrap_exception(member.name, len(args), exc) from None


def _intrinsic(target, lname, args, invoker, convert):
    if lname == "where":
        return call_wrapped("Where", args, methods_collections.intrinsic_where, target, args, invoker)

    def call(x, name, a):
        return invoke_method(x, name, a, invoker=invoker, convert=convert)
    return call_wrapped("ForEach", args, methods_collections.intrinsic_foreach, target, args, invoker,
                        convert, call)


def _custom_object_method(obj, name, lname, args):
    if lname not in _COMMON_DEFS:
        raise not_found(_receiver_name(obj), name)
    proper = _COMMON_DEFS[lname][0]

    def run():
        if lname == "tostring":
            nargs(args, 0)
            return ""
        if lname == "gettype":
            nargs(args, 0)
            return RuntimeType("System.Management.Automation.PSCustomObject", "System.Object")
        if lname == "equals":
            nargs(args, 1)
            return args[0] is obj
        nargs(args, 0)
        return id(obj) & 0x7FFFFFFF
    return call_wrapped(proper, args, run)


def _common(target, lname, args):
    from .conversion import dotnet_string
    if lname == "gettype":
        nargs(args, 0)
        return _type_of(target)
    if lname == "tostring":
        nargs(args, 0, 1)
        if args:
            from .dotnet_format import format_value
            return format_value(target, args[0]) if isinstance(unwrap(args[0]), str) else dotnet_string(target)
        if isinstance(target, BaseException) and hasattr(target, "ps_type"):
            msg = getattr(target, "message", "") or str(target)
            return f"{target.ps_type}: {msg}" if msg else target.ps_type
        return dotnet_string(target)
    if lname == "equals":
        nargs(args, 1)
        return dotnet_equals(target, args[0])
    nargs(args, 0)
    if isinstance(target, str):
        return _string_hash(target)
    try:
        return hash(target) & 0x7FFFFFFF
    except TypeError:
        return id(target) & 0x7FFFFFFF


def _type_of(value):
    from .typenames import type_name
    name = type_name(value)
    if name.startswith("Python.") and hasattr(value, "ps_type"):
        return RuntimeType(value.ps_type)
    return type_of(value)


def _python_method(obj, lname):
    names = getattr(obj, "ps_methods", None)
    if not names:
        return None, None
    for proper in names:
        if proper.lower() == lname:
            fn = getattr(obj, proper, None)
            if callable(fn):
                return fn, proper
            return None, None
    return None, None


def _call_python(proper, fn, args, kw):
    """Call a DotNetObject's Python method; one that declares a keyword-only
    `ps_kw` parameter also receives the engine callables (invoker, convert, ...)."""
    import inspect          # ~10 ms: not worth paying at start-up for the first method call
    try:
        sig = inspect.signature(fn)
    except ValueError:      # no signature available (builtins): just call it
        return call_wrapped(proper, args, fn, *args)
    try:
        sig.bind(*args)
    except TypeError:
        raise overload_error(proper, len(args)) from None
    if "ps_kw" in sig.parameters:
        return call_wrapped(proper, args, lambda: fn(*args, ps_kw=kw))
    return call_wrapped(proper, args, fn, *args)


def _python_definition(obj, proper, fn) -> str:
    import inspect
    try:
        params = [p for p in inspect.signature(fn).parameters.values()]
    except (TypeError, ValueError):
        return f"System.Object {proper}()"
    parts = []
    for p in params:
        if p.kind == p.KEYWORD_ONLY:
            continue
        if p.kind == p.VAR_POSITIONAL:
            parts.append(f"Params System.Object[] {p.name}")
        else:
            parts.append(f"System.Object {p.name}")
    return f"System.Object {proper}({', '.join(parts)})"
