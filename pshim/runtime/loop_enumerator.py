"""`$foreach` and `$switch`: the enumerator a foreach loop or a switch statement walks.

Inside `foreach ($x in $items) { ... }` 5.1 sets the automatic variable `$foreach` to
the enumerator of the loop, and inside `switch (...) { ... }` `$switch` to the
enumerator of the switch's input: `$foreach.MoveNext()` advances it (the loop then
goes on after the item it moved to, which `$foreach.Current` returns), `Reset()`
starts it again.  The loop itself takes its items from the same enumerator, so both
see one position.  The variable is set in the scope the statement runs in and
put back to what it was when the statement ends (nested loops each see their own).
"""
from __future__ import annotations

from ..errors import GetValueInvocationException
from .method_support import NO_OUTPUT
from .psobject import DotNetObject

_BEFORE, _IN, _AFTER = 0, 1, 2


class LoopEnumerator(DotNetObject):
    # 5.1 enumerates a loop's input as an object array (a scalar as an array of one)
    ps_type_names = ("System.Array+SZArrayEnumerator", "System.Object")
    ps_properties = ("Current",)
    ps_methods = ("MoveNext", "Reset", "Equals", "GetHashCode", "GetType", "ToString")

    def __init__(self, items):
        self._items = items
        self._it = iter(items)
        self._state = _BEFORE
        self._current = None

    def MoveNext(self):
        if self._state == _AFTER:
            return False
        try:
            self._current = next(self._it)
        except StopIteration:
            self._state = _AFTER
            self._current = None
            return False
        self._state = _IN
        return True

    def Reset(self):
        self._it = iter(self._items)
        self._state = _BEFORE
        self._current = None
        return NO_OUTPUT            # void

    @property
    def Current(self):
        if self._state == _BEFORE:
            raise _current_error("Enumeration has not started. Call MoveNext.")
        if self._state == _AFTER:
            raise _current_error("Enumeration already finished.")
        return self._current

    def ps_to_string(self):
        return self.ps_type_names[0]


def _current_error(message):
    return GetValueInvocationException(f'Exception getting "Current": "{message}"',
                                       error_id="ExceptionWhenGetting", category="NotSpecified")


_UNSET = object()


def enter(scope, name, enumerator):
    """Set the automatic variable `name` (foreach/switch) in scope; returns what to put back."""
    v = scope.vars.get(name)
    saved = _UNSET if v is None else v.value
    scope.set_local(name, enumerator, name)
    return saved


def leave(scope, name, saved):
    if saved is _UNSET:
        scope.vars.pop(name, None)
    else:
        scope.set_local(name, saved, name)
