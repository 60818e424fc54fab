"""Which directory a command reads: the one place that chooses a backend.

Active Directory over LDAP when it is configured (`<home>/directory.psd1` with Backend = 'LDAP', or the
PSHIM_LDAP_* environment variables; ldap_config.py), else the lab (SQLite under pshim's home, made from the
built-in definition on first use). `-DomainController` picks a domain controller of that directory;
Set-ADServerSettings -PreferredServer sets the session's default one, as in Exchange.
Connections are kept per session and domain controller (Session.state), so a pipeline of cmdlets shares one.
"""
from __future__ import annotations

import os

from ....runtime.drives import pshim_home
from .base import Directory
from .lab import LabDirectory, lab_path, create_lab

STATE_KEY = "exchange.directory"


class DirectoryState:
    """The session's directory connections and AD server settings."""

    def __init__(self):
        self.connections: dict[tuple, Directory] = {}
        self.preferred_server: str | None = None      # Set-ADServerSettings -PreferredServer
        self.view_entire_forest = False               # Set-ADServerSettings -ViewEntireForest
        self.connected_server: str | None = None      # Connect-ExchangeServer

    def close(self):
        for d in self.connections.values():
            d.close()
        self.connections.clear()


def directory_state(ctx) -> DirectoryState:
    return ctx.session.state(STATE_KEY, DirectoryState)


CONFIG_FILE = "directory.psd1"


def ldap_config(ctx, home: str):
    """The LDAP configuration, or None when the lab is the directory (no configuration file, no
    PSHIM_LDAP_SERVER)."""
    if not (os.path.exists(os.path.join(home, CONFIG_FILE)) or os.environ.get("PSHIM_LDAP_SERVER")):
        return None
    from .ldap_config import load_ldap_config
    return load_ldap_config(home, os.environ, ctx)


def open_directory(ctx, domain_controller: str | None = None) -> Directory:
    """The directory for one command (raises DirectoryError subclasses with Exchange's texts)."""
    state = directory_state(ctx)
    dc = domain_controller or state.preferred_server
    home = pshim_home()
    config = ldap_config(ctx, home)
    key = ("ldap" if config is not None else "lab", home, (dc or "").lower())
    d = state.connections.get(key)
    if d is not None:
        return d
    if config is not None:
        from .ldap import LdapDirectory
        d = LdapDirectory(config, dc)
    else:
        d = LabDirectory(ensure_lab(ctx, home), dc)
    state.connections[key] = d
    return d


def ensure_lab(ctx, home: str) -> str:
    """The lab database's path, made from the built-in definition when there is none yet."""
    path = lab_path(home)
    if not os.path.exists(path):
        build_lab(ctx, path, None)
    return path


def build_lab(ctx, path: str, definition: str | None, replace: bool = False) -> None:
    from .lab_definition import DEFAULT_DEFINITION, find_definition, load_definition
    defn = find_definition(definition or DEFAULT_DEFINITION)
    org, servers, connectors, faults = load_definition(ctx, defn)
    create_lab(path, org, servers, connectors, faults, replace=replace)


def reset_lab(ctx, definition: str | None, force: bool) -> str:
    """Replace the lab with a new one from `definition` (the built-in one by default). A file that is not a
    readable lab is replaced only with force."""
    home = pshim_home()
    path = lab_path(home)
    if os.path.exists(path) and not force:
        LabDirectory(path).close()       # raises DirectoryDamaged for a foreign or damaged file
    state = directory_state(ctx)
    state.close()
    build_lab(ctx, path, definition, replace=True)
    return path
