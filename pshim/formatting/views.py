"""The view registry: how objects of a given .NET type name are displayed.

One registry for the whole shell. Modules register the views of their types:

    from pshim.formatting.views import register_view, TableView, Column
    register_view("Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector",
                  TableView([Column("Identity", width=40), Column("Bindings"), Column("Enabled")]))

`find_view(obj, kind=None)` walks the object's type names in order (most
derived first) and returns the first view registered for one of them (of the
requested kind, when Format-Table/-List/-Wide asks for one).
A column/entry shows a property by name, or computes its value with a
callable `fn(obj)`; `label` defaults to the property name.
"""
from __future__ import annotations

from ..runtime.typenames import type_names_of

LEFT, CENTER, RIGHT = 1, 2, 3
_ALIGN = {"left": LEFT, "center": CENTER, "right": RIGHT, None: 0}


class Column:
    """A table column: `prop` is a property name or a callable(obj) -> value."""

    __slots__ = ("prop", "label", "width", "alignment", "format_string")

    def __init__(self, prop, label=None, width=0, alignment=None, format_string=None):
        self.prop = prop
        self.label = label
        self.width = width or 0
        self.alignment = _ALIGN[alignment.lower() if isinstance(alignment, str) else alignment]
        self.format_string = format_string

    @property
    def header(self):
        if self.label is not None:
            return self.label
        return self.prop if isinstance(self.prop, str) else ""


OMIT = object()    # a list entry whose callable returns OMIT is left out for that object (5.1's
                   # ItemSelectionCondition on a list item)


class Entry:
    """A list entry: label and property (name or callable; a callable may return OMIT)."""

    __slots__ = ("prop", "label", "format_string")

    def __init__(self, prop, label=None, format_string=None):
        self.prop = prop
        self.label = label
        self.format_string = format_string

    @property
    def header(self):
        if self.label is not None:
            return self.label
        return self.prop if isinstance(self.prop, str) else ""


class View:
    kind = ""
    name = ""
    group_by = None        # property name or callable; starts a new group when its value changes
    group_label = None     # label shown as "   <label>: <value>"
    out_of_band = False    # shown on its own (as ErrorRecord is), never joining a table


class TableView(View):
    kind = "table"

    def __init__(self, columns, auto_size=False, hide_header=False, wrap=False, group_by=None,
                 group_label=None, name=""):
        self.columns = list(columns)
        self.auto_size = auto_size
        self.hide_header = hide_header
        self.wrap = wrap
        self.group_by = group_by
        self.group_label = group_label
        self.name = name


class ListView(View):
    kind = "list"

    def __init__(self, entries, group_by=None, group_label=None, name="", out_of_band=False):
        self.entries = list(entries)
        self.group_by = group_by
        self.group_label = group_label
        self.name = name
        self.out_of_band = out_of_band


class WideView(View):
    kind = "wide"

    def __init__(self, prop, columns=0, auto_size=False, group_by=None, group_label=None, name=""):
        self.prop = prop
        self.columns = columns
        self.auto_size = auto_size
        self.group_by = group_by
        self.group_label = group_label
        self.name = name


class CustomView(View):
    """Free-form text: `render(obj) -> str` (lines separated by "\\n")."""
    kind = "custom"

    def __init__(self, render, out_of_band=False, group_by=None, group_label=None, name=""):
        self.render = render
        self.out_of_band = out_of_band
        self.group_by = group_by
        self.group_label = group_label
        self.name = name


_REGISTRY: dict[str, list[View]] = {}


def register_view(type_name: str, view: View):
    """Register a view; the first registered view of a type is its default."""
    _REGISTRY.setdefault(type_name.lower(), []).append(view)
    return view


def unregister_views(type_name: str):
    _REGISTRY.pop(type_name.lower(), None)


def views_for_type(type_name: str) -> list[View]:
    return list(_REGISTRY.get(type_name.lower(), ()))


def find_view(obj, kind: str | None = None, name: str | None = None):
    """The view for obj: first type name (most derived first) that has one."""
    names = type_names_of(obj)
    for tn in names:
        for v in _REGISTRY.get(tn.lower(), ()):
            if kind is not None and v.kind != kind:
                continue
            if name is not None and v.name.lower() != name.lower():
                continue
            return v
        # a deserialized object uses the views of its original type
    for tn in names:
        if tn.startswith("Deserialized."):
            for v in _REGISTRY.get(tn[len("Deserialized."):].lower(), ()):
                if (kind is None or v.kind == kind) and (name is None or v.name.lower() == name.lower()):
                    return v
    return None


def find_out_of_band_view(obj):
    for tn in type_names_of(obj):
        for v in _REGISTRY.get(tn.lower(), ()):
            if v.out_of_band:
                return v
    return None


def type_has_views(type_name: str) -> bool:
    return type_name.lower() in _REGISTRY


def _register_builtins():
    from . import builtin_views
    builtin_views.register_all()


_register_builtins()
