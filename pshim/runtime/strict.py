"""Strict mode (Set-StrictMode) as Windows PowerShell 5.1 enforces it.

The strict mode in force is a property of the scope chain (`Scope.strict`, `strict_version()` in
scopes.py). 5.1's rules, by the major version in force:

- 1.0: reading a variable that was never set is an error (VariableIsUndefined), except where the
  reference is written inside an expandable string ("$x", "$($x)");
- 2.0: the same in strings too; reading a member an object does not have (PropertyNotFoundStrict;
  this includes $null's and a scalar's Count/Length, a hashtable key that is absent, and member
  enumeration over nothing); indexing a value that cannot be indexed with anything but 0 or -1
  (CannotIndex); a command called like a method, `f(1,2)` (StrictModeFunctionCallWithParens);
- 3.0 and Latest: an array index past the end, or one that is no number, is an error too.

Cost: nothing on the paths that find what they look for. The compiled closures ask for a sentinel
instead of $null (`get_member`, `index_value` in access.py; the variable lookup in compile_expr.py), and
only when they get it do they come here, walk the scope chain for the strict mode, and either raise
5.1's error or answer what strict mode off answers. (Rejected: looking the strict mode up on every
read — it would cost the pipeline benchmark a scope walk per variable and member.)
"""
from __future__ import annotations

from ..errors import (RuntimeException, PropertyNotFoundException, IndexOutOfRangeException,
                      ArgumentOutOfRangeException, PSException, InvocationInfo)
from . import conversion as cv
from .access import get_member, index_value
from .psobject import PSObject, Hashtable, ArrayList, GenericList, unwrap
from .scopes import strict_version
from .typenames import type_name


def _at(exc, extent):
    """Place the error at the expression that failed (5.1 points at the variable or the member)."""
    if extent is not None:
        exc.error_record.invocation = InvocationInfo(None, extent)
    return exc


def undefined_variable(ctx, user_path: str, in_string: bool, extent=None):
    """A variable that is not set was read: $null, or VariableIsUndefined in strict mode."""
    level = strict_version(ctx.scope)
    if level >= 2 or (level == 1 and not in_string):
        raise _at(RuntimeException(
            f"The variable '${user_path}' cannot be retrieved because it has not been set.",
            error_id="VariableIsUndefined", category="InvalidOperation", target=user_path), extent)
    return None


def missing_member(ctx, obj, name: str, extent=None):
    """`$obj.name` found no such member: strict mode 2.0 raises; otherwise the lenient answer."""
    if strict_version(ctx.scope) >= 2:
        message = f"The property '{name}' cannot be found on this object. Verify that the property exists."
        if isinstance(obj, (list, tuple)) and not obj:
            # member enumeration over an empty collection (5.1 raises this one as a RuntimeException)
            raise _at(RuntimeException(message, error_id="PropertyNotFoundStrict",
                                       category="InvalidOperation"), extent)
        raise _at(PropertyNotFoundException(message, error_id="PropertyNotFoundStrict",
                                            category="NotSpecified"), extent)
    return get_member(obj, name)


def missing_index(ctx, obj, idx):
    """`$obj[idx]` found nothing there: strict mode raises (CannotIndex from 2.0, an index out of range
    or that is no number from 3.0); otherwise the lenient answer."""
    level = strict_version(ctx.scope)
    if level >= 2:
        target = unwrap(obj) if isinstance(obj, PSObject) and obj.base is not None else obj
        if not isinstance(target, (list, tuple, str, Hashtable)):
            raise RuntimeException(f"Unable to index into an object of type {type_name(target)}.",
                                   error_id="CannotIndex", category="InvalidOperation", target=target)
        if level >= 3:
            for i in idx if isinstance(idx, (list, tuple)) else (idx,):
                _check_index(target, i)
    return index_value(obj, idx)


def _check_index(seq, i):
    try:
        n = cv.to_int(i)
    except PSException as e:
        # 5.1 shows the conversion failure wrapped in a RuntimeException
        raise RuntimeException(e.message, error_id=e.error_id, category="InvalidArgument", inner=e)
    length = len(seq)
    if n < 0:
        n += length
    if 0 <= n < length:
        return
    if isinstance(seq, (ArrayList, GenericList)):
        # the list's indexer throws ArgumentOutOfRangeException (5.1 shows a .NET exception this way)
        raise ArgumentOutOfRangeException(
            "Index was out of range. Must be non-negative and less than the size of the collection.\n"
            "Parameter name: index", error_id="System.ArgumentOutOfRangeException", category="OperationStopped")
    # an array's (and String.Chars') IndexOutOfRangeException
    raise IndexOutOfRangeException("Index was outside the bounds of the array.",
                                   error_id="System.IndexOutOfRangeException", category="OperationStopped")


def paren_call_check(ctx):
    """`f(1,2)`: a command called like a method (its name and a parenthesised comma list, no blank
    between them) is an error from strict mode 2.0."""
    if strict_version(ctx.scope) >= 2:
        raise RuntimeException(
            "The function or command was called as if it were a method. Parameters should be separated by "
            "spaces. For information about parameters, see the about_Parameters Help topic.",
            error_id="StrictModeFunctionCallWithParens", category="InvalidOperation")
