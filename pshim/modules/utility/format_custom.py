"""Format-Custom: 5.1's class-like view of objects (its "complex" view), written as format packets that
Out-Default, Out-String and Out-File render.

An object is `class <last part of its first type name>`, `{`, one `name = value` line per property (the
default display set, else all; or -Property's), `}`, each level indented by two spaces. A property whose
value is a collection shows the collection's items between `[` and `]` on their own lines (at most
$FormatEnumerationLimit items, then `...`), followed by an empty line; a property holding an object with
properties is expanded the same way below its `name =` line, down to -Depth levels (default 5); deeper
values, and values of scalar types (strings, numbers, booleans, ...), are written as text. A type with a
custom view of its own is shown by that view, as in 5.1. Objects of scalar types are written as they are.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import error_record, PSArgumentException
from ...formatting.expressions import (parse_property_list, expand_specs, FormatSpecError, PropertySpec, Expression,
                                       MISSING)
from ...formatting.packets import FormatStart, GroupStart, FormatEntry, GroupEnd, FormatEnd, is_packet
from ...formatting.shape import display_property_names
from ...formatting.values import enumerable, is_scalar, cell_text
from ...formatting.views import find_view
from ...runtime.typenames import type_names_of

DEFAULT_DEPTH = 5
_STEP = "  "
_CUSTOM_KEYS = ("Expression",)


class _Writer:
    """Lines of one object's complex view."""

    def __init__(self, ctx, limit: int):
        self.ctx = ctx
        self.limit = limit
        self.lines: list[str] = []

    def line(self, indent: int, text: str):
        self.lines.append((_STEP * indent + text) if text else "")

    # -- the three shapes of a value -------------------------------------------------------------
    def object(self, obj, level: int, depth: int, indent: int, specs=None):
        names = type_names_of(obj)
        display = names[0].split(".")[-1] if names else "PSObject"
        self.line(indent, f"class {display}")
        self.line(indent, "{")
        if specs is None:
            specs = [PropertySpec(Expression(n)) for n in display_property_names(obj)]
        for spec in expand_specs(specs, obj):
            value, err = spec.expr.value(obj, self.ctx)
            if value is MISSING or err is not None:
                value = None if value is MISSING else ""
            self.property(spec.header, value, level, depth, indent + 1)
        self.line(indent, "}")

    def property(self, label, value, level, depth, indent):
        items = enumerable(value) if value is not None else None
        if items is not None:
            self.line(indent, f"{label} = ")
            self.enumeration(items, level + 1, depth, indent + 1)
        elif value is None or level >= depth or is_scalar(value):
            self.line(indent, f"{label} = {cell_text(value, self.limit)}")
        else:
            self.line(indent, f"{label} = ")
            self.object(value, level + 1, depth, indent + 1)

    def enumeration(self, items, level, depth, indent):
        self.line(indent, "[")
        count = 0
        for x in items:
            if x is None:
                continue
            if 0 <= self.limit == count:
                self.line(indent + 1, "...")
                break
            count += 1
            if level >= depth or is_scalar(x):
                self.line(indent + 1, cell_text(x, self.limit))
                continue
            inner = enumerable(x)
            if inner is not None:
                self.enumeration(inner, level + 1, depth, indent + 2)
            else:
                self.object(x, level + 1, depth, indent + 1)
        self.line(indent, "]")
        self.line(0, "")


class FormatCustomCommand(Cmdlet):
    name = "Format-Custom"
    dotnet_type = "Microsoft.PowerShell.Commands.FormatCustomCommand"
    synopsis = "Uses a customized view to format the output."

    Property = Parameter("object[]", position=0)
    Depth = Parameter("int", validate_range=(1, 2147483647))
    InputObject = Parameter("psobject", value_from_pipeline=True)

    def begin(self):
        try:
            self._specs = parse_property_list(self.Property, _CUSTOM_KEYS) if self.Property is not None else None
        except FormatSpecError as e:
            raise self.terminating_error(error_record(e.message, e.error_id, "InvalidArgument", None,
                                                      PSArgumentException))
        limit = self.ctx.get_variable("FormatEnumerationLimit", 4)
        self._limit = limit if isinstance(limit, int) and not isinstance(limit, bool) else 4
        self._depth = int(self.Depth) if self.Depth is not None else DEFAULT_DEPTH
        self._started = False

    def process(self):
        obj = self.InputObject
        if obj is None:
            return
        if is_packet(obj):
            self.write_object(obj)
            return
        if not self._started:
            self.write_object(FormatStart("custom"))
            self.write_object(GroupStart())
            self._started = True
        self.write_object(FormatEntry("custom", self.render(obj)))

    def render(self, obj) -> str:
        view = find_view(obj, "custom") if self._specs is None else None
        if view is not None:
            return view.render(obj)
        w = _Writer(self.ctx, self._limit)
        if is_scalar(obj):
            return cell_text(obj, self._limit)
        items = enumerable(obj)
        if items is not None:
            w.enumeration(items, 0, self._depth, 0)
        else:
            w.object(obj, 0, self._depth, 0, self._specs)
        while w.lines and w.lines[-1] == "":
            w.lines.pop()
        return "\n".join(w.lines)

    def end(self):
        if self._started:
            self.write_object(GroupEnd())
            self.write_object(FormatEnd())
