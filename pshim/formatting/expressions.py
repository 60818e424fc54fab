"""Property expressions of formatting and conversion commands: a property name
(wildcards allowed), a script block evaluated with `$_`, or a calculated
property hashtable (`@{Label='x'; Expression={...}; Width=10}`).

`parse_property_list(values, allowed_keys)` turns a -Property argument into
PropertySpec objects; `resolve(obj)` expands wildcards against one object.
Errors in a hashtable are raised as FormatSpecError with 5.1's message texts.
"""
from __future__ import annotations


from ..runtime.members import properties, property_names, get_property
from ..runtime.psobject import Hashtable
from ..runtime.wildcard import has_wildcard, wildcard_filter

_MISSING = object()


class FormatSpecError(Exception):
    def __init__(self, message, error_id):
        super().__init__(message)
        self.message = message
        self.error_id = error_id


def _is_scriptblock(x):
    return type(x).__name__ == "ScriptBlock" and hasattr(x, "ast")


_has_wildcard = has_wildcard


def invoke_scriptblock(ctx, sb, obj):
    """Evaluate a script block with `$_` = obj; returns the output list."""
    if callable(sb) and not _is_scriptblock(sb):
        result = sb(obj)
        return result if isinstance(result, list) else [result]
    from ..runtime.access import invoke_sb
    result = invoke_sb(ctx, sb, obj)
    if result is None:
        return []
    return result if isinstance(result, list) else [result]


class Expression:
    """One property name or script block; `label` is what headers show."""

    __slots__ = ("name", "script", "label")

    def __init__(self, name=None, script=None):
        self.name = name
        self.script = script
        if script is not None:
            self.label = script.ps_to_string() if hasattr(script, "ps_to_string") else str(script)
        else:
            self.label = name

    @property
    def is_wildcard(self):
        return self.script is None and _has_wildcard(self.name)

    def resolve(self, obj) -> list["Expression"]:
        """Concrete expressions for obj (a wildcard becomes the matching names)."""
        if self.script is not None:
            return [self]
        if not self.is_wildcard:
            return [self]
        return [Expression(n) for n in wildcard_filter(self.name, property_names(obj))]

    def value(self, obj, ctx=None):
        """(value, error): error is the exception a script raised, or None.
        A missing property gives (_MISSING, None)."""
        if self.script is not None:
            try:
                out = invoke_scriptblock(ctx, self.script, obj)
            except Exception as e:   # shown as an empty cell, as 5.1 does
                return None, e
            if not out:
                return None, None
            return (out[0] if len(out) == 1 else out), None
        try:
            return get_property(obj, self.name, _MISSING), None
        except Exception as e:   # a throwing getter
            return None, e


MISSING = _MISSING


class PropertySpec:
    """An entry of -Property: an Expression plus the calculated-property extras."""

    __slots__ = ("expr", "label", "width", "alignment", "format_string", "from_hashtable")

    def __init__(self, expr: Expression, label=None, width=None, alignment=None, format_string=None,
                 from_hashtable=False):
        self.expr = expr
        self.label = label
        self.width = width
        self.alignment = alignment
        self.format_string = format_string
        self.from_hashtable = from_hashtable

    def resolve(self, obj) -> list["PropertySpec"]:
        if self.from_hashtable or not self.expr.is_wildcard:
            return [self]
        return [PropertySpec(e) for e in self.expr.resolve(obj)]

    @property
    def header(self):
        return self.label if self.label is not None else self.expr.label


_KEY_TYPES = {"expression": "System.String, System.Management.Automation.ScriptBlock",
              "label": "System.String", "name": "System.String", "width": "System.Int32",
              "alignment": "System.String", "formatstring": "System.String"}


def _match_key(key: str, allowed: tuple) -> str:
    k = key.lower()
    exact = [a for a in allowed if a.lower() == k]
    if exact:
        return exact[0]
    hits = [a for a in allowed if a.lower().startswith(k)]
    if not hits:
        raise FormatSpecError(f"The {key} key is not valid.", "DictionaryKeyUnknown")
    if len(hits) > 1:
        # Label and Name are the same entry; an ambiguity between them is no ambiguity
        if set(h.lower() for h in hits) <= {"label", "name"}:
            return hits[0]
        raise FormatSpecError(f"The {key} key is ambiguous; {hits[0]} and {hits[1]} conflict.",
                              "DictionaryKeyAmbiguous")
    return hits[0]


def _from_hashtable(h, allowed: tuple) -> PropertySpec:
    entries = {}
    for key, val in h.items():
        canonical = _match_key(str(key), allowed).lower()
        if canonical == "name":
            canonical = "label"
        if canonical in entries:
            raise FormatSpecError(f"The {key} key is specified more than once.", "DictionaryKeyDuplicate")
        entries[canonical] = val
    if "expression" not in entries:
        raise FormatSpecError("A mandatory entry for Expression is missing.", "DictionaryKeyMandatoryEntry")
    e = entries["expression"]
    if isinstance(e, str):
        expr = Expression(name=e)
    elif _is_scriptblock(e) or callable(e):
        expr = Expression(script=e)
    else:
        raise FormatSpecError(
            f'The "Expression" key has a type, {type(e).__name__}, that is not valid; expected types are '
            f'{{System.String, System.Management.Automation.ScriptBlock}}.', "DictionaryKeyIllegalValue1")
    label = entries.get("label")
    width = entries.get("width")
    if width is not None:
        try:
            width = int(width)
        except (TypeError, ValueError):
            raise FormatSpecError(f'The "Width" key has a type, {type(width).__name__}, that is not valid; '
                                  f'expected types are {{System.Int32}}.', "DictionaryKeyIllegalValue1")
        if width <= 0:
            raise FormatSpecError(f"The Width key has a value of {width} that is not valid. "
                                  f"Enter a number greater than 0.", "DictionaryKeyIllegalValue2")
    align = entries.get("alignment")
    if align is not None:
        a = str(align).lower()
        match = [x for x in ("left", "center", "right") if x.startswith(a)] if a else []
        if len(match) != 1:
            raise FormatSpecError(f"The Alignment key has a value of {align} that is not valid. "
                                  f"Use left, center, or right.", "DictionaryKeyIllegalValue2")
        align = match[0]
    fmt = entries.get("formatstring")
    return PropertySpec(expr, label=None if label is None else str(label), width=width,
                        alignment=align, format_string=None if fmt is None else str(fmt),
                        from_hashtable=True)


TABLE_KEYS = ("Expression", "Label", "Name", "FormatString", "Width", "Alignment")
LIST_KEYS = ("Expression", "Label", "Name", "FormatString")
WIDE_KEYS = ("Expression", "FormatString")
HTML_KEYS = ("Expression", "Label", "Name", "Width", "Alignment")


def parse_property_list(values, allowed_keys=TABLE_KEYS) -> list[PropertySpec]:
    out = []
    if values is None:
        return out
    if not isinstance(values, (list, tuple)):
        values = [values]
    for v in values:
        if isinstance(v, (Hashtable, dict)):
            out.append(_from_hashtable(v, allowed_keys))
        elif _is_scriptblock(v) or callable(v):
            out.append(PropertySpec(Expression(script=v)))
        else:
            from ..runtime.conversion import to_string
            out.append(PropertySpec(Expression(name=to_string(v))))
    return out


def expand_specs(specs: list[PropertySpec], obj) -> list[PropertySpec]:
    out = []
    seen = set()
    for s in specs:
        for r in s.resolve(obj):
            key = r.header.lower() if isinstance(r.header, str) and not s.from_hashtable else None
            if key is not None and s.expr.is_wildcard:
                if key in seen:
                    continue
                seen.add(key)
            out.append(r)
    return out


def all_property_specs(obj) -> list[PropertySpec]:
    return [PropertySpec(Expression(n)) for n, _ in properties(obj)]
