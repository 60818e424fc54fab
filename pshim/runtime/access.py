"""Member access, method calls and indexing as the language does them
(`$o.Name`, `$a.Name` member enumeration, `$h.key`, `$a[-1]`, `$s.ToUpper()`)."""
from __future__ import annotations

from ..errors import (RuntimeException, MethodInvocationException, PSException)
from . import conversion as cv
from .members import get_property, set_property, _MISSING
from .psobject import PSObject, Hashtable, Char, unwrap, DotNetObject
from .typenames import type_name


def get_member(obj, name: str, missing=None):
    """`$obj.name`: hashtable key, property, or member enumeration; `missing` ($null) if none.

    The compiled `$obj.name` passes a sentinel as `missing` to learn that the member does not exist
    (strict mode 2.0 forbids that, runtime/strict.py): then the intrinsic Count/Length of $null and of a
    scalar, a member enumeration over nothing, and one where an element lacks the member all answer
    `missing` too, as each is an error in strict mode."""
    if name.lower() == "psobject" and obj is not None:
        from .psobject_view import PSObjectView
        return PSObjectView(obj)
    if isinstance(obj, Hashtable):
        v = obj.get(name, _MISSING)
        if v is not _MISSING:
            return v
        return get_property(obj, name, missing)
    if isinstance(obj, (list, tuple)):
        from .operators import ensure_list
        ensure_list(obj)
        v = get_property(obj, name, _MISSING)
        if v is not _MISSING:
            return v
        # member enumeration: the property of each element, flattened one level
        strict = missing is not None
        if strict and not obj:
            return missing
        out = []
        for item in obj:
            r = get_member(item, name, missing)
            if r is None:
                continue
            if strict and r is missing:
                return missing
            if isinstance(r, (list, tuple)):
                out.extend(r)
            else:
                out.append(r)
        if not out:
            return None
        return out[0] if len(out) == 1 else out
    if obj is None:
        if missing is not None:
            return missing
        # every value has Count/Length since 3.0: $null's are 0
        return 0 if name.lower() in ("count", "length") else None
    v = get_property(obj, name, _MISSING)
    if v is not _MISSING:
        return v
    # PowerShell's intrinsic members on every object
    lname = name.lower()
    if lname in ("count", "length"):
        return 1 if missing is None else missing
    if lname == "psobject":
        from .psobject_view import PSObjectView
        return PSObjectView(obj)
    if lname == "pstypenames":
        from .typenames import type_names_of
        return list(type_names_of(obj))
    # python attributes of DotNetObjects that are not declared properties
    if isinstance(obj, DotNetObject):
        for attr in (name, name[:1].upper() + name[1:]):
            if not attr.startswith("_") and (hasattr(type(obj), attr) or attr in getattr(obj, "__dict__", {})):
                try:
                    val = getattr(obj, attr)
                except Exception:
                    return None
                if not callable(val):
                    return val
    return missing


def set_member(obj, name: str, value):
    if isinstance(obj, Hashtable):
        obj[name] = value
        return
    if isinstance(obj, PSObject) or isinstance(obj, DotNetObject):
        if set_property(obj, name, value):
            return
    if isinstance(obj, (list, tuple)):
        for item in obj:
            set_member(item, name, value)
        return
    if obj is None:
        raise RuntimeException("The property '{0}' cannot be found on this object. Verify that the "
                               "property exists and can be set.".format(name),
                               error_id="PropertyAssignmentException", category="InvalidOperation")
    raise RuntimeException(f"The property '{name}' cannot be found on this object. Verify that the "
                           "property exists and can be set.", error_id="PropertyNotFound",
                           category="InvalidOperation")


def invoke_method(ctx, obj, name: str, args: list, statement: bool = False):
    """`$obj.name(args)`; `statement`: the call is a statement of its own (a void method then writes nothing)."""
    if obj is None:
        raise RuntimeException("You cannot call a method on a null-valued expression.",
                               error_id="InvokeMethodOnNull", category="InvalidOperation")
    if isinstance(obj, PSObject):
        m = obj.members.get(name.lower())
        if m is not None and m.member_type in ("ScriptMethod", "CodeMethod"):
            return m.getter(obj, args)
    from .scriptblock import ScriptBlock
    if isinstance(obj, ScriptBlock) and name.lower() in ("invoke", "invokereturnasis"):
        return collect_output(ctx.session.engine.invoke_scriptblock(ctx, obj, list(args)))
    from . import methods
    try:
        from .compile_expr import _callbacks
        return methods.invoke_method(obj, name, args, statement=statement, **_callbacks(ctx))
    except PSException:
        raise
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, ZeroDivisionError) as e:
        n = len(args)
        raise MethodInvocationException(
            f'Exception calling "{name}" with "{n}" argument(s): "{e}"',
            error_id=type(e).__name__, category="NotSpecified")


def collect_output(items):
    return None if not items else items[0] if len(items) == 1 else items


def _convert(value, type_name_):
    from .types import convert_to
    return convert_to(value, type_name_)


def invoke_sb(ctx, sb, item):
    return ctx.session.engine.invoke_scriptblock_dotted(ctx, sb, item)


def index_value(obj, idx, missing=None):
    """`$obj[idx]`. An index past the end, one that is no number, and an index other than 0 or -1 into a
    value that cannot be indexed give nothing ($null, or no element of a slice). The compiled `$a[i]`
    passes a sentinel as `missing` to learn of those (strict mode forbids them, runtime/strict.py)."""
    if obj is None:
        raise RuntimeException("Cannot index into a null array.", error_id="NullArray",
                               category="InvalidOperation")
    if isinstance(obj, PSObject) and obj.base is not None:
        obj = unwrap(obj)
    getter = getattr(obj, "ps_index", None)
    if getter is not None:
        return getter(idx)
    if isinstance(obj, Hashtable):
        if isinstance(idx, (list, tuple)):
            return [obj.get(k) for k in idx]
        return obj.get(idx)
    if isinstance(obj, (list, tuple, str)):
        if isinstance(idx, (list, tuple)):
            out = []
            for i in idx:
                v = _index_one(obj, i)
                if v is not _MISSING:
                    out.append(v)
                elif missing is not None:
                    return missing
            return out
        v = _index_one(obj, idx)
        if v is _MISSING:
            return missing
        return v
    if isinstance(obj, PSObject):
        raise RuntimeException(f"Unable to index into an object of type {type_name(obj)}.",
                               error_id="CannotIndex", category="InvalidOperation")
    # scalars index as one-element arrays: $x[0] is $x
    if isinstance(idx, (list, tuple)):
        if missing is not None:
            return missing
        return [obj for i in idx if _int_or_none(i) in (0, -1)]
    if _int_or_none(idx) in (0, -1):
        return obj
    return missing


def _int_or_none(i):
    try:
        return cv.to_int(i)
    except PSException:
        return None


def _index_one(seq, i):
    """seq[i] with i counted from the end when negative; _MISSING when out of range or no number."""
    try:
        n = cv.to_int(i)
    except PSException:
        return _MISSING
    from .operators import ensure_list
    ensure_list(seq)
    if n < 0:
        n += len(seq)
    if 0 <= n < len(seq):
        v = seq[n]
        return Char(v) if isinstance(seq, str) else v
    return _MISSING


def set_index(obj, idx, value):
    setter = getattr(obj, "ps_set_index", None)
    if setter is not None:
        setter(idx, value)
        return
    if isinstance(obj, Hashtable):
        obj[idx] = value
        return
    if isinstance(obj, list):
        n = cv.to_int(idx)
        if n < 0:
            n += len(obj)
        if not 0 <= n < len(obj):
            raise RuntimeException("Index was outside the bounds of the array.",
                                   error_id="IndexOutOfRange", category="InvalidOperation")
        element = getattr(obj, "element_type", "System.Object")
        if element != "System.Object":
            # a typed array or List[T] holds its element type: `$a = [int[]](1,2); $a[0] = '7'` stores 7
            from .types import convert_to
            value = convert_to(value, element)
        obj[n] = value
        return
    if obj is None:
        raise RuntimeException("Cannot index into a null array.", error_id="NullArray",
                               category="InvalidOperation")
    raise RuntimeException(f"Unable to index into an object of type {type_name(obj)}.",
                           error_id="CannotIndex", category="InvalidOperation")
