"""The member adapter: properties of any pipeline value, seen as PowerShell sees them.

`property_names(obj)` / `properties(obj)` give the properties in member order
(what Format-List *, ConvertTo-Csv and Select-Object * enumerate);
`get_property(obj, name)` looks one up case-insensitively. Methods live in
methods.py. Everything that formats, converts or binds by property name goes
through here so that a new Python-side type needs only its declarations.
"""
from __future__ import annotations

import datetime as _dt
import ipaddress

from .psobject import PSObject, Hashtable, DotNetObject, TypedArray

_MISSING = object()
_RAISE = object()


def _dt_props(d: _dt.datetime):
    from .datetimes import datetime_properties
    return datetime_properties(d)


def _ts_props(t: _dt.timedelta):
    from .datetimes import timespan_properties
    return timespan_properties(t)


def _list_props(a):
    n = len(a)
    return [("Length", n), ("LongLength", n), ("Rank", 1), ("SyncRoot", a), ("IsReadOnly", False),
            ("IsFixedSize", True), ("IsSynchronized", False), ("Count", n)]


def _dict_props(d):
    return [("IsReadOnly", False), ("IsFixedSize", False), ("IsSynchronized", False),
            ("Keys", list(d.keys())), ("Values", list(d.values())), ("SyncRoot", "System.Object"),
            ("Count", len(d))]


def _ip_props(a):
    fam = "InterNetwork" if a.version == 4 else "InterNetworkV6"
    props = []
    if a.version == 4:
        props.append(("Address", int.from_bytes(a.packed, "little")))
    props += [("AddressFamily", fam), ("ScopeId", 0) if a.version == 6 else None,
              ("IsIPv6Multicast", a.version == 6 and a.is_multicast),
              ("IsIPv6LinkLocal", a.version == 6 and a.is_link_local),
              ("IsIPv6SiteLocal", a.version == 6 and a.is_site_local),
              ("IsIPv6Teredo", a.version == 6 and a.teredo is not None),
              ("IsIPv4MappedToIPv6", a.version == 6 and a.ipv4_mapped is not None),
              ("IPAddressToString", str(a))]
    return [p for p in props if p is not None]


def properties(obj) -> list[tuple[str, object]]:
    """(name, value) pairs of every property, in member order."""
    if obj is None:
        return []
    if isinstance(obj, PSObject):
        out = [(m.name, _safe_get(m, obj)) for m in obj.members.values()
               if m.member_type.endswith("Property")]
        if obj.base is not None:
            seen = {n.lower() for n, _ in out}
            out += [(n, v) for n, v in properties(obj.base) if n.lower() not in seen]
        return out
    t = type(obj)
    if t is str:
        return [("Length", len(obj))]
    if t is int or t is float or t is bool:
        return []
    if isinstance(obj, DotNetObject):
        return [(n, getattr(obj, n, None)) for n in obj.ps_properties]
    if isinstance(obj, Hashtable) or isinstance(obj, dict):
        return _dict_props(obj)
    if isinstance(obj, (list, tuple)):
        if isinstance(obj, TypedArray) or t in (list, tuple) or getattr(obj, "ps_array", False):
            return _list_props(obj)
        return [("Capacity", len(obj)), ("Count", len(obj)), ("IsFixedSize", False),
                ("IsReadOnly", False), ("IsSynchronized", False), ("SyncRoot", "System.Object")]
    if isinstance(obj, _dt.datetime):
        return _dt_props(obj)
    if isinstance(obj, _dt.timedelta):
        return _ts_props(obj)
    if isinstance(obj, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return _ip_props(obj)
    names = getattr(obj, "ps_properties", None)
    if names is not None:
        return [(n, getattr(obj, n, None)) for n in names]
    return []


def _safe_get(member, owner):
    try:
        return member.get(owner)
    except Exception:   # a failing ScriptProperty shows as $null, as in PowerShell
        return None


def property_names(obj) -> list[str]:
    if isinstance(obj, PSObject) and obj.base is None:
        return [m.name for m in obj.members.values() if m.member_type.endswith("Property")]
    if isinstance(obj, DotNetObject):
        return list(obj.ps_properties)
    return [n for n, _ in properties(obj)]


def get_property(obj, name: str, default=_RAISE):
    """Value of property `name` (case-insensitive), or `default` (raises
    KeyError when no default is given and there is no such property)."""
    if isinstance(obj, PSObject):
        m = obj.members.get(name.lower())
        if m is not None and m.member_type.endswith("Property"):
            return m.get(obj)
        if obj.base is not None:
            return get_property(obj.base, name, default)
        if default is _RAISE:
            raise KeyError(name)
        return default
    if isinstance(obj, DotNetObject):
        lname = name.lower()
        for n in obj.ps_properties:
            if n.lower() == lname:
                return getattr(obj, n, None)
        for n in obj.ps_extra_properties:     # reachable by name, not listed (an adapter's base members)
            if n.lower() == lname:
                return getattr(obj, n, None)
        if default is _RAISE:
            raise KeyError(name)
        return default
    lname = name.lower()
    for n, v in properties(obj):
        if n.lower() == lname:
            return v
    if default is _RAISE:
        raise KeyError(name)
    return default


def has_property(obj, name: str) -> bool:
    return get_property(obj, name, _MISSING) is not _MISSING


def _set_wrapped(obj, name, value):
    """Set a .NET-side property; what its setter refuses is 5.1's `Exception setting "Name": "..."`."""
    from ..errors import PSException, SetValueInvocationException
    try:
        setattr(obj, name, value)
    except SetValueInvocationException:
        raise
    except PSException as exc:
        raise SetValueInvocationException(f'Exception setting "{name}": "{exc.message}"',
                                          error_id="ExceptionWhenSetting", inner=exc) from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise SetValueInvocationException(f'Exception setting "{name}": "{exc}"',
                                          error_id="ExceptionWhenSetting") from None


def set_property(obj, name: str, value) -> bool:
    """Set a settable property; returns False when there is none."""
    if isinstance(obj, PSObject):
        m = obj.members.get(name.lower())
        if m is not None:
            if m.setter is not None:
                m.setter(obj, value)
            elif m.getter is None:
                m.value = value
            else:
                return False
            return True
        if obj.base is not None:
            return set_property(obj.base, name, value)
        return False
    if isinstance(obj, DotNetObject):
        for n in obj.ps_properties:
            if n.lower() == name.lower():
                settable = getattr(obj, "ps_settable", None)
                if settable is not None and n not in settable:
                    return False
                _set_wrapped(obj, n, value)
                return True
        for n in obj.ps_extra_properties:
            if n.lower() == name.lower():
                setter = getattr(obj, "ps_set_member", None)
                return bool(setter(n, value)) if setter is not None else False
    return False
