"""Shared helpers of the .NET member surface (methods*.py, statics*.py):
argument conversion with PowerShell's method-binder error texts, the
exception wrapper PowerShell puts around exceptions thrown by .NET methods,
enum arguments, [ref] arguments, and .NET Object.Equals.

Method implementations raise the *inner* .NET exception (ArgumentOutOfRange...,
FormatException, ...) or `NoOverload`; `call_wrapped` turns them into what
PowerShell shows: MethodInvocationException `Exception calling "M" with "n"
argument(s): "<inner>"` (error id = inner type short name) or MethodException
`Cannot find an overload for "M" and the argument count: "n".`.
"""
from __future__ import annotations

import datetime as _dt
import decimal

from ..errors import (PSException, MethodException, MethodInvocationException, ArgumentException,
                      ArgumentNullException, ArgumentOutOfRangeException)
from .psobject import PSObject, Char, unwrap

# .NET Framework exception texts end their parameter line with Environment.NewLine (Windows).
NL = "\r\n"


class NoOverload(Exception):
    """Raised by an implementation when no overload takes these arguments."""


def out_of_range(message: str, param: str) -> ArgumentOutOfRangeException:
    return ArgumentOutOfRangeException(f"{message}{NL}Parameter name: {param}")


def arg_null(param: str) -> ArgumentNullException:
    return ArgumentNullException(f"Value cannot be null.{NL}Parameter name: {param}")


def arg_error(message: str, param: str | None = None) -> ArgumentException:
    if param:
        return ArgumentException(f"{message}{NL}Parameter name: {param}")
    return ArgumentException(message)


def not_found(type_full_name: str, name: str) -> MethodException:
    return MethodException(
        f"Method invocation failed because [{type_full_name}] does not contain a method named '{name}'.",
        error_id="MethodNotFound", category="InvalidOperation")


def overload_error(method: str, count: int) -> MethodException:
    return MethodException(f'Cannot find an overload for "{method}" and the argument count: "{count}".',
                           error_id="MethodCountCouldNotFindBest", category="NotSpecified")


def wrap_exception(method: str, count: int, exc: PSException) -> MethodInvocationException:
    inner_name = exc.ps_type.rsplit(".", 1)[-1]
    return MethodInvocationException(
        f'Exception calling "{method}" with "{count}" argument(s): "{exc.message}"',
        error_id=inner_name, category="NotSpecified", inner=exc)


class _NoOutput:
    """What a call of a void method writes when it is a statement of its own: nothing (5.1's AutomationNull),
    where a method that returns a null reference writes $null. Only the statement form of a call returns it."""
    __slots__ = ()

    def __repr__(self):
        return "NO_OUTPUT"


NO_OUTPUT = _NoOutput()


def returns_void(defs) -> bool:
    """Whether every overload in `defs` ("void Add(T item)", "static void WriteAllText(...)") returns void."""
    if not defs:
        return False
    for d in defs:
        head = d.split("(", 1)[0].split()
        if len(head) < 2 or head[-2].lower() not in ("void", "system.void"):
            return False
    return True


def call_wrapped(method: str, args: list, fn, *fn_args):
    """Run an implementation; translate its exceptions as PowerShell does."""
    try:
        return fn(*fn_args)
    except NoOverload:
        raise overload_error(method, len(args)) from None
    except (MethodException, _ArgConversion):
        raise
    except PSException as exc:
        raise wrap_exception(method, len(args), exc) from None


class _ArgConversion(MethodException):
    pass


def conversion_error(method: str, param: str, value, target: str, inner: str) -> MethodException:
    from .conversion import to_string
    shown = to_string(value)
    return _ArgConversion(
        f'Cannot convert argument "{param}", with value: "{shown}", for "{method}" to type "{target}": '
        f'"{inner}"', error_id="MethodArgumentConversionInvalidCastArgument", category="NotSpecified")


# ---------------------------------------------------------------------------
# Argument conversion (the PowerShell method binder, for the types we need)

def _inner_text(exc) -> str:
    return getattr(exc, "message", None) or str(exc)


def a_int(args, i, method, param, target="System.Int32"):
    from .conversion import to_int
    v = unwrap(args[i])
    if isinstance(v, Char):
        return ord(v)
    try:
        n = to_int(v, target)
    except PSException as exc:
        raise conversion_error(method, param, v, target, _inner_text(exc)) from None
    lo, hi = (-2 ** 31, 2 ** 31 - 1) if target == "System.Int32" else (-2 ** 63, 2 ** 63 - 1)
    if not lo <= n <= hi:
        raise conversion_error(method, param, v, target,
                               f'Cannot convert value "{v}" to type "{target}". Error: "Value was '
                               f'either too large or too small for an {target.split(".")[-1]}."')
    return n


def a_double(args, i, method, param):
    from .conversion import to_double
    v = unwrap(args[i])
    if isinstance(v, decimal.Decimal):
        return float(v)
    try:
        return to_double(v)
    except PSException as exc:
        raise conversion_error(method, param, v, "System.Double", _inner_text(exc)) from None


def a_str(args, i, method=None, param=None):
    """String parameter: $null stays null (the .NET method sees null)."""
    from .conversion import to_string
    v = unwrap(args[i])
    if v is None:
        return None
    if isinstance(v, str):
        return str(v)
    return to_string(v)


def a_char(args, i, method, param):
    v = unwrap(args[i])
    if isinstance(v, str) and len(v) == 1:
        return str(v)
    if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 0xFFFF:
        return chr(v)
    if isinstance(v, str):
        inner = f'Cannot convert value "{v}" to type "System.Char". Error: "String must be exactly one character long."'
    else:
        inner = f'Cannot convert value "{v}" to type "System.Char".'
    raise conversion_error(method, param, v, "System.Char", inner)


def a_chars(args, i, method, param):
    """char[] parameter: a string converts to its characters; arrays element-wise."""
    v = unwrap(args[i])
    if v is None:
        return None
    if isinstance(v, str):
        return list(v)
    if isinstance(v, (list, tuple)):
        out = []
        for j, item in enumerate(v):
            out.append(a_char(list(v), j, method, param))
        return out
    return [a_char(args, i, method, param)]


def a_bool(args, i):
    from .conversion import to_bool
    return to_bool(unwrap(args[i]))


def is_string_list(v) -> bool:
    return isinstance(v, (list, tuple)) and not isinstance(v, str)


# ---------------------------------------------------------------------------
# Enums arrive as names ('RemoveEmptyEntries'), numbers, or enum-like objects

def enum_value(arg, names: dict, type_name: str, method: str, param: str) -> int:
    """Convert an enum argument to its integer value. `names` maps lower-case
    names to values; flags may be combined as 'A, B' or a list."""
    v = unwrap(arg)
    if v is None:
        return 0
    if isinstance(v, bool):
        raise conversion_error(method, param, v, type_name, f'Cannot convert value "{v}" to type "{type_name}".')
    if isinstance(v, int):
        return int(v)
    for attr in ("value__", "int_value", "value"):
        iv = getattr(v, attr, None)
        if isinstance(iv, int) and not isinstance(iv, bool):
            return iv
    if isinstance(v, (list, tuple)):
        total = 0
        for item in v:
            total |= enum_value(item, names, type_name, method, param)
        return total
    text = str(getattr(v, "name", v))
    total = 0
    for part in text.split(","):
        key = part.strip().lower()
        if key.lstrip("-").isdigit():
            total |= int(key)
            continue
        if key not in names:
            allowed = ", ".join(n for n in _display_names(names))
            raise conversion_error(
                method, param, v, type_name,
                f'Cannot convert value "{text}" to type "{type_name}" due to enumeration values that are not '
                f'valid. Specify one of the following enumeration values and try again. The possible '
                f'enumeration values are "{allowed}".')
        total |= names[key]
    return total


def _display_names(names: dict):
    return [getattr(names, "display", {}).get(k, k) for k in names]


class EnumNames(dict):
    """lower-case name -> value, remembering the proper spelling for messages."""

    def __init__(self, *pairs):
        super().__init__((n.lower(), v) for n, v in pairs)
        self.display = {n.lower(): n for n, _ in pairs}


STRING_COMPARISON = EnumNames(("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1),
                              ("InvariantCulture", 2), ("InvariantCultureIgnoreCase", 3),
                              ("Ordinal", 4), ("OrdinalIgnoreCase", 5))
SPLIT_OPTIONS = EnumNames(("None", 0), ("RemoveEmptyEntries", 1))


def set_ref(ref, value):
    """Assign through a [ref] argument (an object with a Value/value attribute)."""
    for attr in ("Value", "value"):
        if hasattr(ref, attr):
            try:
                setattr(ref, attr, value)
                return
            except AttributeError:
                continue


# ---------------------------------------------------------------------------
# Object.Equals / default comparer

def dotnet_equals(a, b) -> bool:
    """Object.Equals as .NET boxes see it: same type and same value (strings
    ordinal); other objects by identity unless they define equality."""
    a, b = unwrap(a), unwrap(b)
    if a is None or b is None:
        return a is None and b is None
    from .typenames import type_name
    if isinstance(a, (str, int, float, decimal.Decimal, _dt.datetime, _dt.timedelta)):
        if type_name(a) != type_name(b):
            return False
        return a == b
    if isinstance(a, PSObject):
        return a is b
    if isinstance(a, (list, dict)):
        return a is b
    eq = getattr(a, "ps_equals", None)
    if eq is not None:
        return bool(eq(b))
    try:
        return a is b or bool(a == b)
    except Exception:   # an __eq__ that cannot compare means "not equal"
        return False


def culture_compare(a: str, b: str, ignore_case: bool = False) -> int:
    """String.Compare with en-US culture rules, approximated: case-insensitive
    order first, then lower case before upper case. Returns -1, 0 or 1."""
    ka, kb = a.casefold(), b.casefold()
    if ka != kb:
        return -1 if ka < kb else 1
    if ignore_case or a == b:
        return 0
    for x, y in zip(a, b):
        if x != y:
            return -1 if x.islower() else 1
    return (len(a) > len(b)) - (len(a) < len(b))


def ordinal_compare(a: str, b: str) -> int:
    for x, y in zip(a, b):
        if x != y:
            return ord(x) - ord(y)
    return len(a) - len(b)


def compare_strings(a, b, mode: int) -> int:
    """String.Compare(a, b, StringComparison)."""
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    if mode == 4:
        return ordinal_compare(a, b)
    if mode == 5:
        return ordinal_compare(a.upper(), b.upper())
    return culture_compare(a, b, ignore_case=mode in (1, 3))


def strings_equal(a, b, mode: int) -> bool:
    if a is None or b is None:
        return a is b
    if mode in (1, 3, 5):
        return a.upper() == b.upper() if mode == 5 else a.casefold() == b.casefold()
    return a == b


def default_compare(a, b) -> int:
    """Comparer.Default for Sort(): numbers numerically, strings by culture."""
    from ..errors import InvalidOperationException
    a, b = unwrap(a), unwrap(b)
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    if isinstance(a, str) and isinstance(b, str):
        return culture_compare(a, b)
    num = (int, float, decimal.Decimal)
    if isinstance(a, num) and isinstance(b, num) and type(a) is type(b) or (
            isinstance(a, num) and isinstance(b, num) and not isinstance(a, bool) and not isinstance(b, bool)):
        return (a > b) - (a < b)
    if type(a) is type(b):
        try:
            return (a > b) - (a < b)
        except TypeError:
            pass
    raise InvalidOperationException("Failed to compare two elements in the array.")


# ---------------------------------------------------------------------------
# Method tables

def method(table: dict, name: str, *definitions: str):
    """Register an implementation `fn(receiver, args)` under `name` in `table`
    (lower-case key -> (proper name, fn, Get-Member overload definitions))."""
    def deco(fn):
        table[name.lower()] = (name, fn, definitions)
        return fn
    return deco


def delegate_call(kw):
    """fn(scriptblock, args) -> output list, for a script block converted to a .NET
    delegate (MatchEvaluator, Predicate[T]): the engine's `delegate_invoker(sb, args)`
    when given (arguments become $args / param()), else `invoker(sb, args[0])`
    ($_ = first argument). None when the engine passed neither."""
    d = kw.get("delegate_invoker")
    if d is not None:
        return d
    inv = kw.get("invoker")
    if inv is not None:
        return lambda sb, args: inv(sb, args[0] if args else None)
    return None


def nargs(args, *allowed):
    """Raise NoOverload unless len(args) is one of `allowed`."""
    if len(args) not in allowed:
        raise NoOverload()


# .NET Char.IsWhiteSpace
WHITESPACE = frozenset("\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                       "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
