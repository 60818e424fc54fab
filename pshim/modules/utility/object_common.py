"""Shared pieces of the object cmdlets: calculated-property hashtables
(Select-Object/Sort-Object/Group-Object keys), property values, the
ObjectCommandComparer used by Sort/Group/Select -Unique/Compare-Object."""
from __future__ import annotations

import datetime as _dt
import decimal
import functools

from ...errors import PSException, ReturnSignal
from ...runtime import conversion as cv
from ...runtime.members import get_property, property_names
from ...runtime.operators import has_wildcard, wildcard_match
from ...runtime.psobject import PSObject, Hashtable, unwrap
from ...runtime.scriptblock import ScriptBlock
from ...runtime.typenames import type_name

NOTHING = object()


class KeyError_(Exception):
    """A bad calculated-property hashtable (message and error id as 5.1)."""

    def __init__(self, message, error_id):
        super().__init__(message)
        self.message = message
        self.error_id = error_id


# ---------------------------------------------------------------------------
# expressions

def run_script(ctx, sb: ScriptBlock, obj) -> list:
    """Run sb in the caller's scope with $_ = obj (previous $_ restored)."""
    scope = ctx.scope
    prev = scope.vars.get("_")
    prev_value = prev.value if prev is not None else None
    scope.set_local("_", obj, "_")
    out = []
    comp = sb.compiled
    try:
        if comp.begin is not None:
            comp.begin(ctx, out.append)
        if comp.process is not None:
            comp.process(ctx, out.append)
        if comp.end is not None:
            comp.end(ctx, out.append)
    except ReturnSignal:
        pass
    finally:
        if prev is not None:
            scope.set_local("_", prev_value, "_")
        else:
            scope.vars.pop("_", None)
    return out


def script_value(out: list):
    if not out:
        return None
    return out[0] if len(out) == 1 else list(out)


def property_value(obj, name: str, default=NOTHING):
    """A property of obj by name (members only); `default` if it has none."""
    if obj is None:
        return default
    try:
        return get_property(obj, name, default)
    except PSException:
        return None


class Expr:
    """A property name (maybe a wildcard) or a script block."""

    __slots__ = ("name", "script")

    def __init__(self, name=None, script=None):
        self.name = name
        self.script = script

    @property
    def text(self):
        return self.name if self.script is None else self.script.ps_to_string()

    @property
    def is_wildcard(self):
        return self.script is None and has_wildcard(self.name)

    def resolve_names(self, obj) -> list[str]:
        if not self.is_wildcard:
            return [self.name]
        return [n for n in property_names(obj) if wildcard_match(self.name, n)]

    def evaluate(self, ctx, obj):
        """[(resolved name, value, exception)]; a missing plain property gives NOTHING."""
        if self.script is not None:
            try:
                return [(self.text, script_value(run_script(ctx, self.script, obj)), None)]
            except PSException as e:
                return [(self.text, None, e)]
        if self.is_wildcard:
            return [(n, property_value(obj, n, None), None) for n in self.resolve_names(obj)]
        return [(self.name, property_value(obj, self.name), None)]


def _type_text(v) -> str:
    return type_name(v)


def parse_hashtable(h, keys: dict, mandatory=("expression",)) -> dict:
    """Match the keys of a calculated-property hashtable against `keys`
    (canonical lower-case name -> accepted type description); returns
    {canonical: value}. Key names match by unambiguous prefix."""
    entries = {}
    names = list(keys)
    for k, v in h.items():
        ks = cv.to_string(k)
        kl = ks.lower()
        hits = [n for n in names if n == kl] or [n for n in names if n.startswith(kl)] if kl else []
        # name/label are one entry
        canon_hits = []
        for hname in hits:
            c = "name" if hname == "label" and "name" in keys else hname
            if c not in canon_hits:
                canon_hits.append(c)
        if not canon_hits:
            raise KeyError_(f"The {ks} key is not valid.", "DictionaryKeyUnknown")
        if len(canon_hits) > 1:
            raise KeyError_(f"The {ks} key is ambiguous; {canon_hits[0]} and {canon_hits[1]} conflict.",
                            "DictionaryKeyAmbiguous")
        c = canon_hits[0]
        if c in entries:
            raise KeyError_(f"The {ks} key is specified more than once.", "DictionaryKeyDuplicate")
        entries[c] = v
    for m in mandatory:
        if m not in entries:
            raise KeyError_(f"A mandatory entry for {m} is missing.", "DictionaryKeyMandatoryEntry")
    return entries


def make_expr(value, key="expression") -> Expr:
    v = unwrap(value)
    if isinstance(v, ScriptBlock):
        return Expr(script=v)
    if isinstance(v, str):
        return Expr(name=v)
    raise KeyError_(f'The "{key}" key has a type, {_type_text(v)}, that is not valid; expected types are '
                    '{System.String, System.Management.Automation.ScriptBlock}.', "DictionaryKeyIllegalValue1")


# ---------------------------------------------------------------------------
# ObjectCommandComparer

_NUMERIC = (int, float, decimal.Decimal)


def _is_num(v):
    return isinstance(v, _NUMERIC) and not isinstance(v, bool)


def compare_values(a, b, case_sensitive: bool = False) -> int:
    """-1/0/1 as ObjectCommandComparer: $null first; try a PowerShell
    comparison (b converted to a's type); else compare the ToString() texts."""
    a = unwrap(a) if isinstance(a, PSObject) and a.base is not None else a
    b = unwrap(b) if isinstance(b, PSObject) and b.base is not None else b
    if a is None:
        return 0 if b is None else -1
    if b is None:
        return 1
    ta, tb = type(a), type(b)
    if ta is str and tb is str:
        return _cmp_text(a, b, case_sensitive)
    if _is_num(a) and _is_num(b):
        return (a > b) - (a < b)
    if ta is bool and tb is bool:
        return (a > b) - (a < b)
    if isinstance(a, _dt.datetime) and isinstance(b, _dt.datetime):
        return (a > b) - (a < b)
    if isinstance(a, _dt.timedelta) and isinstance(b, _dt.timedelta):
        return (a > b) - (a < b)
    if ta is str or _is_num(a) or ta is bool or isinstance(a, (_dt.datetime, _dt.timedelta)):
        try:
            from ...runtime.operators import _convert_like
            if ta is str:
                return _cmp_text(a, cv.dotnet_string(b), case_sensitive)
            r = _convert_like(a, b)
            if r is not None and type(r) is not str:
                return (a > r) - (a < r)
        except (PSException, TypeError, ValueError):
            pass
    own = getattr(a, "ps_compare", None)       # a value that orders itself (a script class's CompareTo)
    if own is not None:
        r = own(b)
        if r is not NotImplemented:
            return (r > 0) - (r < 0)
    return _cmp_text(cv.dotnet_string(a), cv.dotnet_string(b), case_sensitive)


def _culture_key(s: str):
    # en-US culture order approximation: case-insensitive first, lower before upper
    return (s.lower(), s.swapcase())


def _cmp_text(a: str, b: str, case_sensitive: bool) -> int:
    if case_sensitive:
        if a == b:
            return 0
        ka, kb = _culture_key(a), _culture_key(b)
        return (ka > kb) - (ka < kb)
    al, bl = a.lower(), b.lower()
    return (al > bl) - (al < bl)


def values_equal(a, b, case_sensitive: bool = False) -> bool:
    return compare_values(a, b, case_sensitive) == 0


def hash_key(v, case_sensitive: bool = False):
    """A hashable key consistent with values_equal for the common scalar types."""
    v = unwrap(v) if isinstance(v, PSObject) and v.base is not None else v
    if v is None:
        return ("null",)
    if isinstance(v, str):
        return ("s", v if case_sensitive else v.lower())
    if isinstance(v, bool):
        return ("b", v)
    if _is_num(v):
        try:
            f = float(v)
            return ("n", f)
        except (OverflowError, ValueError):
            return ("n", v)
    if isinstance(v, (_dt.datetime, _dt.timedelta)):
        return ("d", v)
    if isinstance(v, (list, tuple)):
        return ("s", cv.dotnet_string(v) if case_sensitive else cv.dotnet_string(v).lower())
    s = cv.dotnet_string(v)
    return ("s", s if case_sensitive else s.lower())


def cmp_key(case_sensitive=False):
    return functools.cmp_to_key(lambda a, b: compare_values(a, b, case_sensitive))
