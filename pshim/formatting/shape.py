"""Table or list? The 5.1 rule for an object without a registered view: the
properties to show are its DefaultDisplayPropertySet when its type declares one
(DotNetObject subclasses: `ps_default_display = ("Name", "Status")`, or
`register_default_display(type_name, names)`), else all its properties;
4 or fewer make a table, 5 or more a list."""
from __future__ import annotations

from ..runtime.members import property_names
from ..runtime.psobject import PSObject
from ..runtime.typenames import type_names_of
from .views import find_view

PROPERTY_COUNT_FOR_TABLE = 4
MAX_GENERATED_TABLE_COLUMNS = 10

_DEFAULT_DISPLAY: dict[str, tuple] = {}


def register_default_display(type_name: str, names):
    _DEFAULT_DISPLAY[type_name.lower()] = tuple(names)


def default_display_set(obj) -> tuple:
    """The DefaultDisplayPropertySet of obj, or () when its type has none."""
    target = obj
    if isinstance(obj, PSObject):
        for tn in obj.type_names:
            s = _DEFAULT_DISPLAY.get(tn.lower())
            if s:
                return s
        if obj.base is None:
            return ()
        target = obj.base
    s = getattr(target, "ps_default_display", None)
    if s:
        return tuple(s)
    if _DEFAULT_DISPLAY:
        for tn in type_names_of(target):
            s = _DEFAULT_DISPLAY.get(tn.lower())
            if s:
                return s
    return ()


def display_property_names(obj) -> list[str]:
    s = default_display_set(obj)
    if s:
        return list(s)
    return property_names(obj)


def shape_for(obj) -> str:
    """'table', 'list', 'wide' or 'custom' for the first object of a run."""
    view = find_view(obj)
    if view is not None:
        return view.kind
    n = len(display_property_names(obj))
    return "table" if n <= PROPERTY_COUNT_FOR_TABLE else "list"
