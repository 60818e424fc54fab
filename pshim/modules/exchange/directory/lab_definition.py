"""Lab organisation definitions: a .psd1 (read as data with pshim's own parser) turned into records.

Keys: Organization, Domain, Site, LocalServer, DomainControllers, PortOffset ('Auto' or a number),
HideFaults ($true: Get-PshimLab counts the faults without naming them, for "find the fault" exercises),
Servers (Name, Role = Mailbox | Edge, Version = a serialNumber, Edition, IPv4, IPv6, Fqdn),
Connectors (extra connectors: Server, Name, and any Receive connector setting), Faults (Connector or Server,
Fault, Delay). Every server gets the Receive connectors Exchange creates by default.
"""
from __future__ import annotations

import ipaddress
import os

from .. import records as R
from ..values import ExchangeValueError
from .base import DirectoryError
from .lab import FAULTS

#: the built-in lab: samples/labs/contoso/organization.psd1 beside the package
DEFAULT_DEFINITION = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))), "samples", "labs", "contoso", "organization.psd1")

_ADMIN_GROUP = "Exchange Administrative Group (FYDIBOHF23SPDLT)"
# Mailbox: an Exchange 2016/2019 Mailbox server; Edge: an Edge Transport server; ClientAccess: an Exchange
# 2013 Client Access server (no transport role: Test-SmtpConnectivity refuses it)
_ROLES = {"mailbox": R.MAILBOX_2019_ROLES, "edge": R.ROLE_EDGE, "clientaccess": R.ROLE_CAFE | R.ROLE_CLIENT_ACCESS}


class DefinitionError(DirectoryError):
    """A lab definition that can't be used (the message names the file and the problem)."""
    exception_type = "System.IO.InvalidDataException"
    category = "InvalidData"


def _get(h, key, default=None):
    for k, v in h.items():
        if str(k).lower() == key.lower():
            return v
    return default


def _list(v) -> list:
    from ....runtime.psobject import unwrap
    v = unwrap(v)
    if v is None:
        return []
    return [unwrap(x) for x in v] if isinstance(v, (list, tuple)) else [v]


def find_definition(path: str) -> str:
    """A definition file: the path itself, or organization.psd1 in a lab folder."""
    if os.path.isdir(path):
        path = os.path.join(path, "organization.psd1")
    if not os.path.isfile(path):
        raise DefinitionError(f"Cannot find the lab definition '{path}'.")
    return path


def load_definition(ctx, path: str):
    """(org settings, servers, connectors, faults) from a definition file."""
    from ...utility.data_file import read_data_file, DataFileError
    from ....errors import ParseError
    try:
        h = read_data_file(ctx, path)
    except ParseError as e:
        raise DefinitionError(f"The lab definition '{path}' has a syntax error: {e.error_record.message()}") from None
    except DataFileError as e:
        raise DefinitionError(str(e)) from None
    return build(h, path)


def build(h, path: str = "<definition>"):
    org_name = str(_get(h, "Organization", "Contoso"))
    domain = str(_get(h, "Domain", "contoso.com")).lower()
    site = str(_get(h, "Site", "Default-First-Site-Name"))
    root = ",".join(f"DC={p}" for p in domain.split("."))
    servers_dn = (f"CN=Servers,CN={_ADMIN_GROUP},CN=Administrative Groups,CN={org_name},CN=Microsoft Exchange,"
                  f"CN=Services,CN=Configuration,{root}")
    servers, connectors, faults = [], [], []
    names = set()
    for sdef in _list(_get(h, "Servers")):
        name = str(_get(sdef, "Name", "")).strip()
        if not name or name.lower() in names:
            raise DefinitionError(f"The lab definition '{path}' has a server with no name or a repeated name: '{name}'.")
        names.add(name.lower())
        role = str(_get(sdef, "Role", "Mailbox")).lower()
        if role not in _ROLES:
            raise DefinitionError(f"Server '{name}' in '{path}': Role must be Mailbox, Edge or ClientAccess, not "
                                  f"'{role}'.")
        roles = _ROLES[role]
        ipv4 = [str(a) for a in _list(_get(sdef, "IPv4"))]
        ipv6 = [str(a) for a in _list(_get(sdef, "IPv6"))]
        for a in ipv4 + ipv6:
            try:
                ip = ipaddress.ip_address(a)
            except ValueError:
                raise DefinitionError(f"Server '{name}' in '{path}': '{a}' is not an IP address.") from None
            if not ip.is_loopback:
                raise DefinitionError(f"Server '{name}' in '{path}': lab addresses must be loopback addresses "
                                      f"(127.0.0.0/8 or ::1), not '{a}'.")
        fqdn = str(_get(sdef, "Fqdn", f"{name}.{domain}"))
        serial = str(_get(sdef, "Version", "Version 15.2 (Build 31118.7)"))
        try:
            from ..values import ServerVersion
            ServerVersion.from_serial(serial)
        except ExchangeValueError as e:
            raise DefinitionError(f"Server '{name}' in '{path}': {e}") from None
        s = R.ServerRecord(name, fqdn, roles, serial, str(_get(sdef, "Edition", "Standard")), site, ipv4, ipv6,
                           dn=f"CN={name},{servers_dn}")
        servers.append(s)
        for c in R.default_connectors(s):
            c.dn = f"CN={c.name},CN=SMTP Receive Connectors,CN=Protocols,{s.dn}"
            connectors.append(c)
    by_name = {s.name.lower(): s for s in servers}
    for cdef in _list(_get(h, "Connectors")):
        server = by_name.get(str(_get(cdef, "Server", "")).lower())
        cname = str(_get(cdef, "Name", "")).strip()
        if server is None or not cname:
            raise DefinitionError(f"A connector in '{path}' needs a Server of the lab and a Name.")
        settings = R.new_connector_settings(Fqdn=server.fqdn)
        for k, v in cdef.items():
            if str(k).lower() in ("server", "name"):
                continue
            setting = R.SETTINGS_BY_NAME.get(str(k).lower())
            if setting is None:
                raise DefinitionError(f"Connector '{cname}' in '{path}': '{k}' is not a Receive connector setting.")
            try:
                settings[setting.name] = R.parse_setting(setting, v)
            except ExchangeValueError as e:
                raise DefinitionError(f"Connector '{cname}' in '{path}': {e}") from None
        c = R.ConnectorRecord(server.name, cname, settings)
        c.dn = f"CN={cname},CN=SMTP Receive Connectors,CN=Protocols,{server.dn}"
        connectors.append(c)
    known = {c.identity.lower() for c in connectors} | set(by_name)
    for fdef in _list(_get(h, "Faults")):
        target = str(_get(fdef, "Connector", "") or _get(fdef, "Server", ""))
        fault = str(_get(fdef, "Fault", "")).lower()
        if target.lower() not in known:
            raise DefinitionError(f"A fault in '{path}' names '{target}', which is not a server or connector of the lab.")
        if fault not in FAULTS:
            raise DefinitionError(f"A fault in '{path}' is '{fault}'; use one of: {', '.join(FAULTS)}.")
        faults.append((target, fault, float(_get(fdef, "Delay", 0) or 0)))
    local = _get(h, "LocalServer")
    if local is not None and str(local).lower() not in by_name:
        raise DefinitionError(f"LocalServer '{local}' in '{path}' is not a server of the lab.")
    org = {
        "Organization": org_name, "Domain": domain, "Site": site,
        "LocalServer": by_name[str(local).lower()].name if local is not None else None,
        "DomainControllers": [str(d) for d in _list(_get(h, "DomainControllers"))] or [f"DC01.{domain}"],
        "PortOffset": _port_offset(_get(h, "PortOffset", "Auto"), path),
        "HideFaults": bool(_get(h, "HideFaults", False)),
        "Definition": os.path.abspath(path) if os.path.exists(path) else path,
    }
    return org, servers, connectors, faults


def _port_offset(v, path):
    if v is None or str(v).lower() == "auto":
        return "Auto"
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise DefinitionError(f"PortOffset in '{path}' must be Auto or a whole number.") from None
    if not 0 <= n <= 60000:
        raise DefinitionError(f"PortOffset in '{path}' must be between 0 and 60000.")
    return n
