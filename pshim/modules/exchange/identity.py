"""Identity parameters as Exchange resolves them (ServerIdParameter, ReceiveConnectorIdParameter), and the
error records Exchange writes when an identity matches nothing or more than one object.

A server is found by Name, FQDN, distinguished name, GUID or legacy DN; a Receive connector by Name,
`SERVER\\Name`, GUID or distinguished name. Get-* cmdlets accept wildcards in names. Objects piped in
(a server or connector object, an ADObjectId) resolve by their GUID or distinguished name.
"""
from __future__ import annotations

import re
import zlib

from ...errors import RuntimeException, error_record
from ...runtime.operators import has_wildcard, wildcard_match
from ...runtime.conversion import to_string
from ...runtime.members import get_property
from ...runtime.psobject import PSObject, unwrap
from . import records as R

_GUID = re.compile(r"^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$", re.I)

_EXC_CLASSES: dict[str, type] = {}


def exchange_exception_class(type_name: str) -> type:
    """A RuntimeException subclass standing for an Exchange exception type (so `catch [...]` by name and
    `$_.Exception.GetType().FullName` show Exchange's)."""
    cls = _EXC_CLASSES.get(type_name)
    if cls is None:
        cls = type(type_name.rsplit(".", 1)[-1], (RuntimeException,), {"ps_type": type_name})
        _EXC_CLASSES[type_name] = cls
    return cls


def exchange_error(cmdlet, message: str, exception_type: str, category: str, target=None):
    """An error record as Exchange writes it: a hex id (stable per exception type and category, as Exchange's
    are per throw site), then the task."""
    eid = format(zlib.crc32(f"{exception_type}|{category}".encode()) & 0xFFFFFFF, "X")
    rec = error_record(message, eid, category, target, exchange_exception_class(exception_type))
    return cmdlet.processor.attribute(rec)


NOT_FOUND = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
AMBIGUOUS = "Microsoft.Exchange.Configuration.Tasks.ManagementObjectAmbiguousException"


def _piped_identity(value):
    """An object piped to an Identity parameter that is not an Exchange object (a custom object, a row of
    Import-Csv) binds by its Identity property, as Exchange's parameter binds by property name."""
    if isinstance(value, PSObject):
        ident = get_property(value, "Identity", None)
        if ident is not None:
            return unwrap(ident)
    return value


def identity_text(value) -> str:
    """What an identity value is, as text (for messages and matching)."""
    value = _piped_identity(unwrap(value))
    ident = getattr(value, "Identity", None) if not isinstance(value, str) else None
    if ident is not None:
        return str(ident)
    return to_string(value)


def identity_key(value):
    """('guid', g) | ('dn', dn) | ('text', s) for an identity value."""
    value = _piped_identity(unwrap(value))
    rec = getattr(value, "_record", None)
    if isinstance(rec, (R.ConnectorRecord, R.ServerRecord)):
        return ("guid", rec.guid)
    dn = getattr(value, "DistinguishedName", None)
    if isinstance(dn, str) and dn and not isinstance(value, str):
        return ("dn", dn)
    name = getattr(value, "Name", None)
    if isinstance(name, str) and not isinstance(value, str):
        return ("text", name)
    return ("text", to_string(value).strip())


def _match(pattern: str, text: str) -> bool:
    if has_wildcard(pattern):
        return wildcard_match(pattern, text)
    return pattern.lower() == text.lower()


def match_servers(servers: list[R.ServerRecord], value, wildcards: bool = True) -> list[R.ServerRecord]:
    kind, key = identity_key(value)
    if kind == "guid":
        return [s for s in servers if s.guid.lower() == key.lower()]
    if kind == "dn":
        return [s for s in servers if s.dn.lower() == key.lower()]
    if _GUID.match(key):
        g = key.strip("{}").lower()
        return [s for s in servers if s.guid.lower() == g]
    if "=" in key and "," in key:
        return [s for s in servers if s.dn.lower() == key.lower()]
    if key.lower().startswith("/o="):
        return [s for s in servers if key.lower().endswith("/cn=" + s.name.lower())]
    if not wildcards and has_wildcard(key):
        return [s for s in servers if s.name.lower() == key.lower()]
    return [s for s in servers if _match(key, s.name) or _match(key, s.fqdn)]


def match_connectors(connectors: list[R.ConnectorRecord], value, wildcards: bool = True) -> list[R.ConnectorRecord]:
    kind, key = identity_key(value)
    if kind == "guid":
        return [c for c in connectors if c.guid.lower() == key.lower()]
    if kind == "dn":
        return [c for c in connectors if c.dn.lower() == key.lower()]
    if _GUID.match(key):
        g = key.strip("{}").lower()
        return [c for c in connectors if c.guid.lower() == g]
    if "=" in key and "," in key:
        return [c for c in connectors if c.dn.lower() == key.lower()]
    match = _match if wildcards else (lambda p, t: p.lower() == t.lower())
    if "\\" in key:
        server, _, name = key.partition("\\")
        return [c for c in connectors if match(server, c.server) and match(name, c.name)]
    return [c for c in connectors if match(key, c.name)]


def valid_connector_identity(text: str) -> bool:
    """Exchange splits a connector identity on '\\': one or two non-empty parts."""
    parts = text.split("\\")
    return 1 <= len(parts) <= 2 and all(p.strip() for p in parts)
