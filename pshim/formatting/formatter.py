"""Objects to format packets: the 5.1 formatter (FormatViewManager and the
table/list/wide/custom view generators).

The first object of a run fixes the view: a registered view for its type, else
a generated table (<= 4 properties, columns of the first object) or list. An
object the view does not apply to, a scalar, or an object with an out-of-band
view (ErrorRecord) is written "out of band": as plain text or a list of its
own, without ending the current table.
"""
from __future__ import annotations

from ..errors import ErrorRecord
from ..runtime.psobject import PSObject
from ..runtime.typenames import type_names_of
from .expressions import (Expression, PropertySpec, MISSING, expand_specs, invoke_scriptblock)
from .packets import FormatStart, GroupStart, FormatEntry, GroupEnd, FormatEnd, ColumnInfo, is_packet
from .shape import display_property_names, PROPERTY_COUNT_FOR_TABLE, MAX_GENERATED_TABLE_COLUMNS, \
    default_display_set
from .values import cell_text, is_scalar, enumerable, format_with, object_text, display_name_property, \
    DEFAULT_ENUMERATION_LIMIT
from .views import find_view, find_out_of_band_view, views_for_type, LEFT, CENTER, RIGHT, OMIT
from ..runtime.members import property_names

_ALIGN = {"left": LEFT, "center": CENTER, "right": RIGHT, None: 0}
GROUP_LABEL_FORMAT = "   {0}: "


class FormatParams:
    """What Format-Table/-List/-Wide were given on the command line."""

    def __init__(self, properties=None, group_by=None, auto_size=None, hide_header=None, wrap=None,
                 view_name=None, force=False, expand=None, columns=None, display_error=False, show_error=False):
        self.properties = properties or None      # [PropertySpec]
        self.group_by = group_by                  # PropertySpec or None
        self.auto_size = auto_size
        self.hide_header = hide_header
        self.wrap = wrap
        self.view_name = view_name
        self.force = force
        self.expand = expand                      # "EnumOnly" | "CoreOnly" | "Both" | None
        self.columns = columns
        self.display_error = display_error
        self.show_error = show_error              # -ShowError: a failing expression becomes an error record


class ViewNotFound(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _value_of(prop, obj, ctx):
    """(value, error) of a view column/entry: property name or callable."""
    if isinstance(prop, str):
        try:
            from ..runtime.members import get_property
            return get_property(obj, prop, None), None
        except Exception as e:   # a throwing getter shows as an empty cell
            return None, e
    try:
        out = invoke_scriptblock(ctx, prop, obj)
    except Exception as e:   # a failing script shows as an empty cell
        return None, e
    if not out:
        return None, None
    return (out[0] if len(out) == 1 else out), None


def _default_alignment(value) -> int:
    if value is None or value is MISSING:
        return LEFT
    if type(value) is str or type_names_of(value)[0] == "System.String":
        return LEFT
    return RIGHT if is_scalar(value) else LEFT


class _Generator:
    def __init__(self, formatter, view=None):
        self.f = formatter
        self.view = view
        self.view_types = None
        if view is not None:
            self.view_types = view

    def is_applicable(self, obj) -> bool:
        if self.view is None:
            return True
        for tn in type_names_of(obj):
            if self.view in views_for_type(tn):
                return True
            if tn.startswith("Deserialized.") and self.view in views_for_type(tn[13:]):
                return True
        return False

    def expr_value(self, expr, obj):
        """(value, error) of a -Property expression; a script that fails is noted for -ShowError."""
        v, err = expr.value(obj, self.f.ctx)
        if err is not None and expr.script is not None:
            self.f.expression_failed(expr, obj)
        return v, err

    def text(self, spec_value, error, format_string=None):
        if error is not None:
            return "#ERR" if self.f.params is not None and self.f.params.display_error else ""
        if spec_value is MISSING or spec_value is None:
            return ""
        if format_string:
            try:
                return format_with(spec_value, format_string)
            except Exception:   # a bad format string shows as an empty cell
                return ""
        return cell_text(spec_value, self.f.enum_limit)


class TableGenerator(_Generator):
    def start(self, obj):
        p = self.f.params
        hide = p.hide_header if p is not None and p.hide_header is not None else \
            (self.view.hide_header if self.view is not None else False)
        auto = p.auto_size if p is not None and p.auto_size is not None else \
            (self.view.auto_size if self.view is not None else False)
        self.multiline = bool(p.wrap) if p is not None and p.wrap is not None else \
            (self.view.wrap if self.view is not None else False)
        cols = []
        if self.view is not None:
            for c in self.view.columns:
                cols.append(ColumnInfo(c.header, c.width, c.alignment))
            self.alignments = [c.alignment for c in self.view.columns]
        else:
            if p is not None and p.properties:
                specs = []
                for s in p.properties:
                    r = s.resolve(obj)
                    if not r and not s.expr.is_wildcard:
                        r = [s]
                    specs.extend(r)
            else:
                names = default_display_set(obj)
                if names:
                    specs = [PropertySpec(Expression(n)) for n in names]
                else:
                    specs = [PropertySpec(Expression(n)) for n in property_names(obj)]
                    specs = specs[:MAX_GENERATED_TABLE_COLUMNS]
            self.specs = specs
            for s in specs:
                if s.alignment is not None:
                    align = _ALIGN[s.alignment]
                else:
                    v, err = s.expr.value(obj, self.f.ctx)
                    align = LEFT if err is not None else _default_alignment(v)
                cols.append(ColumnInfo(s.header, s.width or 0, align))
            self.alignments = [0] * len(specs)
        return FormatStart("table", cols, hide_header=bool(hide), auto_size=bool(auto))

    def payload(self, obj):
        ctx = self.f.ctx
        vals = []
        if self.view is not None:
            for c in self.view.columns:
                v, err = _value_of(c.prop, obj, ctx)
                vals.append(self.text(v, err, c.format_string))
        else:
            for s in self.specs:
                v, err = self.expr_value(s.expr, obj)
                vals.append(self.text(v, err, s.format_string))
        return FormatEntry("row", vals, aux=(self.alignments, self.multiline))


class ListGenerator(_Generator):
    def start(self, obj):
        return FormatStart("list")

    def payload(self, obj):
        return FormatEntry("list", list_entries(self.f, obj, self.view))


def list_entries(f, obj, view=None):
    ctx = f.ctx
    out = []
    gen = _Generator(f)
    if view is not None:
        for e in view.entries:
            v, err = _value_of(e.prop, obj, ctx)
            if v is OMIT:
                continue
            out.append((e.header, gen.text(v, err, e.format_string)))
        return out
    p = f.params
    if p is not None and p.properties:
        specs = expand_specs(p.properties, obj)
        for s in specs:
            v, err = gen.expr_value(s.expr, obj)
            if v is MISSING and s.expr.script is None and not s.from_hashtable:
                continue
            out.append((s.header, gen.text(v, err, s.format_string)))
        return out
    from ..runtime.members import get_property, properties
    names = default_display_set(obj)
    if names:
        for n in names:
            try:
                v = get_property(obj, n, None)
                err = None
            except Exception as e:   # a throwing getter shows as empty
                v, err = None, e
            out.append((n, gen.text(v, err)))
        return out
    for n, v in properties(obj):
        out.append((n, gen.text(v, None)))
    return out


class WideGenerator(_Generator):
    def start(self, obj):
        p = self.f.params
        cols = p.columns if p is not None and p.columns else (self.view.columns if self.view is not None else 0)
        auto = p.auto_size if p is not None and p.auto_size is not None else \
            (self.view.auto_size if self.view is not None else False)
        self.spec = None
        if p is not None and p.properties:
            self.spec = p.properties[0]
        elif self.view is None:
            name = display_name_property(obj)
            if name is not None:
                self.spec = PropertySpec(Expression(name))
        return FormatStart("wide", wide_columns=cols or 0, auto_size=bool(auto))

    def payload(self, obj):
        if self.view is not None:
            v, err = _value_of(self.view.prop, obj, self.f.ctx)
            return FormatEntry("wide", self.text(v, err))
        if self.spec is None:
            return FormatEntry("wide", object_text(obj))
        v, err = self.expr_value(self.spec.expr, obj)
        return FormatEntry("wide", self.text(v, err, self.spec.format_string))


class CustomGenerator(_Generator):
    def start(self, obj):
        return FormatStart("custom")

    def payload(self, obj):
        return FormatEntry("custom", _render_custom(self.view, obj))


def _render_custom(view, obj) -> str:
    try:
        return view.render(obj)
    except Exception:   # a broken custom view falls back to ToString
        return object_text(obj)


_GENERATORS = {"table": TableGenerator, "list": ListGenerator, "wide": WideGenerator,
               "custom": CustomGenerator}


class Formatter:
    """Turns a stream of objects into format packets.

    shape None is Out-Default's choice (view or property count); "table",
    "list", "wide" are Format-Table/-List/-Wide."""

    def __init__(self, shape=None, params: FormatParams | None = None, ctx=None,
                 enum_limit: int | None = None):
        self.shape = shape
        self.params = params
        self.ctx = ctx
        if enum_limit is None:
            enum_limit = DEFAULT_ENUMERATION_LIMIT
            if ctx is not None:
                try:
                    v = ctx.get_variable("FormatEnumerationLimit", None)
                    if isinstance(v, int) and not isinstance(v, bool):
                        enum_limit = int(v)
                except Exception:   # no such variable: the 5.1 default applies
                    pass
        self.enum_limit = enum_limit
        self.gen = None
        self.in_document = False
        self.in_group = False
        self.group_key = MISSING
        self.group_expr = None
        self.group_label = None
        self._oob = shape is None or params is None or not params.force
        self.failed = []          # (expression text, object) of failing expressions, for -ShowError

    def expression_failed(self, expr, obj):
        if self.params is not None and self.params.show_error:
            self.failed.append((expr.label, obj))

    # -- public ---------------------------------------------------------------
    def process(self, obj) -> list:
        out: list = []
        if obj is None:
            return out
        if is_packet(obj):
            out.append(obj)
            return out
        expand = self.params.expand if self.params is not None else None
        if expand != "CoreOnly":
            items = enumerable(obj)
            if items is not None:
                if expand == "Both":
                    self._one(obj, out, force_oob=True)
                for x in items:
                    if x is None:
                        continue
                    self._one(x, out)
                return out
        self._one(obj, out)
        return out

    def end(self) -> list:
        out = []
        if self.in_group:
            out.append(GroupEnd())
            self.in_group = False
        if self.in_document:
            out.append(FormatEnd())
            self.in_document = False
        return out

    # -- internals ------------------------------------------------------------
    def _one(self, obj, out, force_oob=False):
        if is_packet(obj):
            out.append(obj)
            return
        if self._oob or force_oob:
            fed = self.out_of_band(obj, fallback=force_oob)
            if fed is not None:
                out.append(fed)
                return
        if not self.in_document:
            self._init_generator(obj)
            out.append(self.gen.start(obj))
            self.in_document = True
        if self._oob and not self.gen.is_applicable(obj):
            fed = self.out_of_band(obj, fallback=True)
            if fed is not None:
                out.append(fed)
                return
        if not self.in_group:
            self._update_key(obj)
            out.append(self._group_start())
            self.in_group = True
        elif self._update_key(obj):
            out.append(GroupEnd())
            out.append(self._group_start())
        out.append(self.gen.payload(obj))

    def _init_generator(self, obj):
        p = self.params
        view = None
        shape = self.shape
        if shape is None:
            view = find_view(obj)
            if view is not None:
                shape = view.kind
            else:
                n = len(display_property_names(obj))
                shape = "table" if n <= PROPERTY_COUNT_FOR_TABLE else "list"
        elif p is None or not p.properties:
            if p is not None and p.view_name:
                view = find_view(obj, shape, p.view_name)
                if view is None:
                    raise ViewNotFound(
                        f'The view "{p.view_name}" is not valid for the object of type '
                        f'"{type_names_of(obj)[0]}".')
            else:
                view = find_view(obj, shape)
        self.gen = _GENERATORS[shape](self, view)
        # grouping
        if p is not None and p.group_by is not None:
            self.group_expr = p.group_by.expr
            self.group_label = p.group_by.label if p.group_by.label is not None else p.group_by.expr.label
        elif view is not None and view.group_by is not None:
            g = view.group_by
            self.group_expr = Expression(g) if isinstance(g, str) else Expression(script=g)
            self.group_label = view.group_label if view.group_label is not None else self.group_expr.label

    def _update_key(self, obj) -> bool:
        if self.group_expr is None:
            return False
        v, err = self.group_expr.value(obj, self.ctx)
        if v is MISSING or err is not None:
            v = None
        old = self.group_key
        self.group_key = v
        if old is MISSING:
            return True
        return not _same_key(old, v)

    def _group_start(self):
        if self.group_expr is None:
            return GroupStart()
        text = cell_text(self.group_key, self.enum_limit)
        return GroupStart(GROUP_LABEL_FORMAT.format(self.group_label) + text)

    def out_of_band(self, obj, fallback: bool):
        if isinstance(obj, ErrorRecord):
            return FormatEntry("custom", _error_text(obj), out_of_band=True)
        view = find_out_of_band_view(obj)
        if view is not None:
            if view.kind == "custom":
                return FormatEntry("custom", _render_custom(view, obj), out_of_band=True)
            return FormatEntry("list", list_entries(self, obj, view), out_of_band=True)
        if is_scalar(obj) or not property_names(obj):
            return FormatEntry("raw", object_text(obj), out_of_band=True)
        if not fallback:
            return None
        saved = self.params
        self.params = None
        try:
            # a type's own list view if it has one, else all its properties
            entries = list_entries(self, obj, find_view(obj, "list"))
        finally:
            self.params = saved
        return FormatEntry("list", entries, out_of_band=True)


def _error_text(rec) -> str:
    """An ErrorRecord in the output (2>&1) shows in the engine's NormalView."""
    try:
        from .error_view import normal_view
        return normal_view(rec).rstrip("\n")
    except Exception:   # no error view available: its message alone
        return rec.message()


def _same_key(a, b) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    if isinstance(a, PSObject) or isinstance(b, PSObject):
        return cell_text(a) == cell_text(b)
    try:
        return a == b
    except Exception:   # incomparable values are different keys
        return False
