"""The session-state providers of 5.1 beside FileSystem: Environment (Env:), Variable (Variable:), Function
(Function:) and Alias (Alias:), and the item/content cmdlets' hand-over to them.

Each provider is one class over a flat namespace of named items (no containers below the drive's root):
`names(cmd, scope)` lists them, `get`/`put`/`delete` read, write and remove one, `item` makes the object
Get-ChildItem shows (a DictionaryEntry for Env:, the PSVariable, FunctionInfo or AliasInfo itself), and
`content` is what Get-Content reads. Variable:, Function: and Alias: paths may carry a scope qualifier
(`variable:global:x`): the item is then looked up and written in that scope only; without one, lookups go
from the caller's scope outwards and writes go to the caller's scope, as 5.1's session state does.

The cmdlets keep their FileSystem code; `handle(cmd, op)` is asked first and answers when every path the
command names is on a session-state drive (a mix of file and session-state paths in one call goes to the
FileSystem code, which refuses the session-state drive). The drives themselves are the global scope's
(runtime/drives.py DriveTable), so Get-PSDrive lists them and New-PSDrive's checks see them.
"""
from __future__ import annotations

import os
import re

from ...errors import (ItemNotFoundException, PSArgumentException, RuntimeException,
                       SessionStateUnauthorizedAccessException)
from ...runtime import conversion as cv
from ...runtime.dotnet_objects import DictionaryEntry
from ...runtime.operators import has_wildcard, wildcard_regex
from ...runtime.psobject import DotNetObject

_CORE = "Microsoft.PowerShell.Core\\"
_PATH_RE = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):[\\/]?(.*)$", re.S)
_SCOPES = ("global", "script", "local", "private")

SessionStateException = type("SessionStateException", (RuntimeException,),
                             {"ps_type": "System.Management.Automation.SessionStateException"})


class ProviderInfo(DotNetObject):
    """What Get-PSProvider returns."""
    ps_type_names = ("System.Management.Automation.ProviderInfo", "System.Object")
    ps_properties = ("ImplementingType", "HelpFile", "Name", "PSSnapIn", "ModuleName", "Module", "Description",
                     "Capabilities", "Home", "Drives")

    def __init__(self, name, capabilities, implementing, drives):
        self.Name = name
        self.Capabilities = capabilities
        self.ImplementingType = implementing
        self.HelpFile = "System.Management.Automation.dll-Help.xml"
        self.PSSnapIn = "Microsoft.PowerShell.Core"
        self.ModuleName = "Microsoft.PowerShell.Core"
        self.Module = None
        self.Description = ""
        self.Home = ""
        self.Drives = drives

    def ps_to_string(self):
        return _CORE + self.Name


class EnvironmentEntry(DictionaryEntry):
    """One environment variable as the Environment provider returns it."""
    ps_extra_properties = ("PSPath", "PSDrive", "PSProvider", "PSIsContainer")

    def __init__(self, key, value, drive=None):
        super().__init__(key, value)
        self.PSPath = _CORE + "Environment::" + key
        self.PSDrive = drive
        self.PSProvider = _CORE + "Environment"
        self.PSIsContainer = False


class SessionPath:
    __slots__ = ("provider", "drive", "name", "scope_name", "typed")

    def __init__(self, provider, drive, name, scope_name, typed):
        self.provider = provider
        self.drive = drive          # PSDriveInfo
        self.name = name            # "" for the drive's root
        self.scope_name = scope_name
        self.typed = typed

    def display(self, name=None):
        return f"{self.drive.Name}:\\{self.name if name is None else name}"


# ---------------------------------------------------------------------------
# providers

class _Provider:
    name = ""
    drive_name = ""
    qualified = True        # a `global:`-style scope qualifier is allowed in its paths

    def scope(self, cmd, scope_name):
        return cmd.ctx._scope_for(scope_name) if scope_name else cmd.ctx.scope

    def exists(self, cmd, name, scope_name):
        return self.get(cmd, name, scope_name) is not None

    def content(self, raw):
        return self.value(raw)


class EnvironmentProvider(_Provider):
    name = "Environment"
    drive_name = "Env"
    qualified = False

    @staticmethod
    def _key(name):
        if name in os.environ:
            return name
        low = name.lower()
        return next((k for k in os.environ if k.lower() == low), None)

    def names(self, cmd, scope_name):
        return sorted(os.environ, key=str.lower)

    def get(self, cmd, name, scope_name):
        key = self._key(name)
        return None if key is None else (key, os.environ[key])

    def put(self, cmd, name, value, scope_name, force=False):
        key = self._key(name) or name
        if value is None or (isinstance(value, str) and value == ""):
            os.environ.pop(key, None)
            return None
        os.environ[key] = cv.to_string(value)
        return key, os.environ[key]

    def delete(self, cmd, raw, scope_name, force=False):
        os.environ.pop(raw[0], None)

    def clear(self, cmd, raw, scope_name):
        self.delete(cmd, raw, scope_name)

    def key(self, raw):
        return raw[0]

    def value(self, raw):
        return raw[1]

    def item(self, cmd, raw, drive):
        return EnvironmentEntry(raw[0], raw[1], drive)


class VariableProvider(_Provider):
    name = "Variable"
    drive_name = "Variable"

    def names(self, cmd, scope_name):
        if scope_name:
            return sorted((v.name for v in self.scope(cmd, scope_name).vars.values()
                           if not v.name.startswith("__pshim")), key=str.lower)
        return sorted((v.name for v in cmd.ctx.scope.all_variables().values()), key=str.lower)

    def get(self, cmd, name, scope_name):
        low = name.lower()
        if scope_name:
            return self.scope(cmd, scope_name).vars.get(low)
        return cmd.ctx.scope.lookup(low)

    def put(self, cmd, name, value, scope_name, force=False):
        sc = self.scope(cmd, scope_name)
        old = sc.vars.get(name.lower())
        if old is not None and force and old.options == "ReadOnly":
            old.value = value
            return old
        sc.set_local(old.name if old is not None else name, value)
        return sc.vars.get(name.lower())

    def delete(self, cmd, raw, scope_name, force=False):
        opts = cv.to_string(raw.options)
        if "Constant" in opts or ("ReadOnly" in opts and not force):
            raise SessionStateUnauthorizedAccessException(
                f"Cannot remove variable {raw.name} because it is constant or read-only. If the variable is "
                "read-only, try the operation again specifying the Force option.", error_id="VariableNotRemovable",
                category="WriteError", target=raw.name)
        for sc in ([self.scope(cmd, scope_name)] if scope_name else reversed(cmd.ctx.scope.chain())):
            if sc.vars.get(raw.name.lower()) is raw:
                del sc.vars[raw.name.lower()]
                return

    def clear(self, cmd, raw, scope_name):
        opts = cv.to_string(raw.options)
        if "Constant" in opts or "ReadOnly" in opts:
            raise SessionStateUnauthorizedAccessException(
                f"Cannot overwrite variable {raw.name} because it is read-only or constant.",
                error_id="VariableNotWritable", category="WriteError", target=raw.name)
        raw.value = None

    def key(self, raw):
        return raw.name

    def value(self, raw):
        return raw.value

    def item(self, cmd, raw, drive):
        return raw


class FunctionProvider(_Provider):
    name = "Function"
    drive_name = "Function"

    def _table(self, cmd, scope_name):
        if scope_name:
            return self.scope(cmd, scope_name).functions or {}
        return cmd.ctx.scope.all_functions()

    def names(self, cmd, scope_name):
        return sorted((f.name for f in self._table(cmd, scope_name).values()), key=str.lower)

    def get(self, cmd, name, scope_name):
        if scope_name:
            return (self.scope(cmd, scope_name).functions or {}).get(name.lower())
        return cmd.ctx.scope.lookup_function(name.lower())

    def put(self, cmd, name, value, scope_name, force=False):
        from ...runtime.scriptblock import ScriptBlock, FunctionInfo
        if isinstance(value, FunctionInfo):
            value = value.script_block
        if not isinstance(value, ScriptBlock):
            from ...language import parse
            value = ScriptBlock(parse(cv.to_string(value)))
        old = self.get(cmd, name, scope_name) if scope_name else (cmd.ctx.scope.functions or {}).get(name.lower())
        info = FunctionInfo(old.name if old is not None else name, value, value.is_filter)
        self.scope(cmd, scope_name).define_function(info)
        return info

    def delete(self, cmd, raw, scope_name, force=False):
        for sc in ([self.scope(cmd, scope_name)] if scope_name else reversed(cmd.ctx.scope.chain())):
            if sc.functions and sc.functions.get(raw.name.lower()) is raw:
                del sc.functions[raw.name.lower()]
                return

    def clear(self, cmd, raw, scope_name):
        self.delete(cmd, raw, scope_name)

    def key(self, raw):
        return raw.name

    def value(self, raw):
        return raw.script_block

    def item(self, cmd, raw, drive):
        return raw


class AliasProvider(_Provider):
    name = "Alias"
    drive_name = "Alias"

    def _table(self, cmd, scope_name):
        builtin = cmd.ctx.session.commands.aliases
        if scope_name:
            sc = self.scope(cmd, scope_name)
            out = dict(builtin) if sc.parent is None else {}
            out.update(sc.aliases or {})
            return out
        out = dict(builtin)
        for sc in cmd.ctx.scope.chain():
            out.update(sc.aliases or {})
        return out

    def names(self, cmd, scope_name):
        return sorted((a.name for a in self._table(cmd, scope_name).values()), key=str.lower)

    def get(self, cmd, name, scope_name):
        return self._table(cmd, scope_name).get(name.lower())

    def _locked(self, raw, force):
        opts = cv.to_string(raw.options)
        return "Constant" in opts or ("ReadOnly" in opts and not force)

    def put(self, cmd, name, value, scope_name, force=False):
        from ...commands.discovery import AliasEntry
        sc = self.scope(cmd, scope_name)
        old = self.get(cmd, name, scope_name)
        if old is not None and self._locked(old, force):
            raise SessionStateUnauthorizedAccessException(
                f"Alias was not written because alias {old.name} is read-only or constant and cannot be written to.",
                error_id="AliasNotWritable", category="WriteError", target=old.name)
        a = AliasEntry(old.name if old is not None else name, cv.to_string(value))
        if sc.aliases is None:
            sc.aliases = {}
        sc.aliases[name.lower()] = a
        return a

    def delete(self, cmd, raw, scope_name, force=False):
        if self._locked(raw, force):
            raise SessionStateUnauthorizedAccessException(
                f"Alias was not removed because alias {raw.name} is constant or read-only.",
                error_id="AliasNotRemovable", category="WriteError", target=raw.name)
        low = raw.name.lower()
        scopes = [self.scope(cmd, scope_name)] if scope_name else list(reversed(cmd.ctx.scope.chain()))
        for sc in scopes:
            if sc.aliases and sc.aliases.get(low) is raw:
                del sc.aliases[low]
                return
        builtin = cmd.ctx.session.commands.aliases
        if builtin.get(low) is raw and (not scope_name or scopes[0].parent is None):
            del builtin[low]

    def clear(self, cmd, raw, scope_name):
        self.delete(cmd, raw, scope_name)

    def key(self, raw):
        return raw.name

    def value(self, raw):
        return raw.definition

    content = value

    def item(self, cmd, raw, drive):
        return raw


PROVIDERS = {p.name.lower(): p for p in (AliasProvider(), EnvironmentProvider(), FunctionProvider(),
                                         VariableProvider())}

# 5.1's providers in the order Get-PSProvider lists them (Registry has no place on this system)
_ORDER = (("Alias", "ShouldProcess", "AliasProvider"), ("Environment", "ShouldProcess", "EnvironmentProvider"),
          ("FileSystem", "Filter, ShouldProcess, Credentials", "FileSystemProvider"),
          ("Function", "ShouldProcess", "FunctionProvider"), ("Variable", "ShouldProcess", "VariableProvider"))


def provider_infos(session, scope=None) -> list:
    out = []
    drives = sorted(session.drives.visible(scope), key=lambda d: d.Name.lower())
    for name, caps, impl in _ORDER:
        mine = [d for d in drives if d.Provider == name]
        if name == "FileSystem":
            mine.sort(key=lambda d: (d.Name.upper() != "C", d.Name.lower()))
        out.append(ProviderInfo(name, caps, "Microsoft.PowerShell.Commands." + impl, mine))
    return out


# ---------------------------------------------------------------------------
# paths

def parse_path(cmd, typed) -> SessionPath | None:
    """The session-state item a typed path names, or None for any other path."""
    text = cv.to_string(typed)
    forced = None
    if "::" in text:
        head, rest = text.split("::", 1)
        pname = head.split("\\")[-1].lower()
        if pname not in PROVIDERS:
            return None
        forced = PROVIDERS[pname]
        drive = cmd.ctx.session.drives.get(forced.drive_name, cmd.ctx.scope)
        name = rest.lstrip("\\/")
    else:
        m = _PATH_RE.match(text)
        if not m:
            return None
        drive = cmd.ctx.session.drives.get(m.group(1), cmd.ctx.scope)
        if drive is None or drive.Provider.lower() not in PROVIDERS:
            return None
        forced = PROVIDERS[drive.Provider.lower()]
        name = m.group(2)
    scope_name = None
    if forced.qualified and ":" in name:
        q, n = name.split(":", 1)
        if q.lower() in _SCOPES:
            scope_name, name = q.lower(), n.lstrip("\\/")
    return SessionPath(forced, drive, name.rstrip("\\/"), scope_name, text)


def _error(cmd, message, error_id, category, target, exc):
    cmd.write_error(cmd.error(message, error_id, category, target, exc))


def _not_found(cmd, sp, name=None):
    shown = sp.display(name)
    _error(cmd, f"Cannot find path '{shown}' because it does not exist.", "PathNotFound", "ObjectNotFound",
           shown, ItemNotFoundException)


def _matches(cmd, sp, pattern, literal=False):
    """The raw items `pattern` names (wildcards unless literal), sorted by name."""
    prov = sp.provider
    if not pattern:
        pattern = "*"
    if not literal and has_wildcard(pattern):
        rx = wildcard_regex(pattern, True)
        out = []
        for n in prov.names(cmd, sp.scope_name):
            if rx.match(n):
                raw = prov.get(cmd, n, sp.scope_name)
                if raw is not None:
                    out.append(raw)
        return out
    raw = prov.get(cmd, pattern, sp.scope_name)
    return [raw] if raw is not None else []


def _filtered(cmd, sp, raws):
    include = [cv.to_string(x) for x in (getattr(cmd, "Include", None) or [])]
    exclude = [cv.to_string(x) for x in (getattr(cmd, "Exclude", None) or [])]
    filt = getattr(cmd, "Filter", None)
    out = []
    for raw in raws:
        k = sp.provider.key(raw)
        if filt and not wildcard_regex(cv.to_string(filt), True).match(k):
            continue
        if include and not any(wildcard_regex(p, True).match(k) for p in include):
            continue
        if exclude and any(wildcard_regex(p, True).match(k) for p in exclude):
            continue
        out.append(raw)
    return out


def _existing(cmd, sp, literal, report=True):
    """The items a path names; a missing non-wildcard one is reported."""
    raws = _matches(cmd, sp, sp.name, literal)
    if not raws and report and sp.name and (literal or not has_wildcard(sp.name)):
        _not_found(cmd, sp)
    return _filtered(cmd, sp, raws)


def _write_failed(cmd, e, target):
    _error(cmd, e.message, e.error_id or "WriteError", e.category or "WriteError", target, type(e))


# ---------------------------------------------------------------------------
# the operations

def _child_items(cmd, sp, literal):
    raws = _existing(cmd, sp, literal)
    for raw in raws:
        if getattr(cmd, "Name", None):
            cmd.write_object(sp.provider.key(raw))
        else:
            cmd.write_object(sp.provider.item(cmd, raw, sp.drive))


def _get_item(cmd, sp, literal):
    if not sp.name:
        cmd.write_object(sp.drive)
        return
    for raw in _existing(cmd, sp, literal):
        cmd.write_object(sp.provider.item(cmd, raw, sp.drive))


def _test_path(cmd, sp, literal):
    kind = cv.to_string(getattr(cmd, "PathType", None) or "Any").lower()
    if getattr(cmd, "IsValid", None):
        cmd.write_object(True)
        return
    if not sp.name:
        cmd.write_object(kind != "leaf")
        return
    found = bool(_matches(cmd, sp, sp.name, literal))
    cmd.write_object(found and kind != "container")


def _new_item(cmd, sp, literal):
    name = sp.name
    if not name:
        _error(cmd, "Cannot process argument because the value of argument \"name\" is not valid. Change the "
               "value of the \"name\" argument and run the operation again.", "NewItemSessionStateNameRequired",
               "InvalidArgument", sp.typed, PSArgumentException)
        return
    prov = sp.provider
    existing = prov.get(cmd, name, sp.scope_name) if sp.scope_name or prov is PROVIDERS["environment"] else \
        _local_item(cmd, prov, name)
    if existing is not None and not cmd.Force:
        shown = sp.display()
        _error(cmd, f"A {prov.name.lower()} with name '{name}' already exists." if prov.name == "Variable" else
               f"The item at path '{shown}' already exists.",
               "NewItemAlreadyExists" if prov.name != "Variable" else "VariableAlreadyExists",
               "ResourceExists", shown, SessionStateException)
        return
    if not cmd.should_process(f"Item: {name} Value: {cv.to_string(cmd.Value)}", "New Item"):
        return
    _store(cmd, sp, name, cmd.Value, force=bool(cmd.Force), emit=True)


def _local_item(cmd, prov, name):
    """The item made in the caller's own scope (New-Item's collision check)."""
    sc = cmd.ctx.scope
    low = name.lower()
    if prov.name == "Variable":
        return sc.vars.get(low)
    if prov.name == "Function":
        return (sc.functions or {}).get(low)
    if prov.name == "Alias":
        hit = (sc.aliases or {}).get(low)
        if hit is None and sc.parent is None:
            hit = cmd.ctx.session.commands.aliases.get(low)
        return hit
    return None


def _store(cmd, sp, name, value, force=False, emit=False):
    from ...runtime.psobject import unwrap
    value = unwrap(value)
    try:
        raw = sp.provider.put(cmd, name, value, sp.scope_name, force)
    except RuntimeException as e:
        _write_failed(cmd, e, name)
        return
    except Exception as e:   # a function body that does not parse
        rec = getattr(e, "error_record", None)
        if rec is not None:
            cmd.write_error(rec)
            return
        raise
    if emit and raw is not None:
        cmd.write_object(sp.provider.item(cmd, raw, sp.drive))


def _set_item(cmd, sp, literal):
    value = cmd.__dict__.get("Value")
    if not sp.name:
        _error(cmd, "Cannot process argument because the value of argument \"name\" is not valid. Change the "
               "value of the \"name\" argument and run the operation again.", "SetItemSessionStateNameRequired",
               "InvalidArgument", sp.typed, PSArgumentException)
        return
    names = [sp.provider.key(r) for r in _matches(cmd, sp, sp.name, literal)] \
        if not literal and has_wildcard(sp.name) else [sp.name]
    for n in names:
        if not cmd.should_process(f"Item: {n} Value: {cv.to_string(value)}", "Set Item"):
            continue
        _store(cmd, sp, n, value, force=bool(cmd.Force), emit=bool(cmd.__dict__.get("PassThru")))


def _remove_item(cmd, sp, literal):
    for raw in _existing(cmd, sp, literal):
        k = sp.provider.key(raw)
        if not cmd.should_process(f"Item: {k}", "Remove Item"):
            continue
        try:
            sp.provider.delete(cmd, raw, sp.scope_name, bool(cmd.Force))
        except RuntimeException as e:
            _write_failed(cmd, e, k)


def _clear_item(cmd, sp, literal):
    for raw in _existing(cmd, sp, literal):
        k = sp.provider.key(raw)
        if not cmd.should_process(f"Item: {k}", "Clear Item"):
            continue
        try:
            sp.provider.clear(cmd, raw, sp.scope_name)
        except RuntimeException as e:
            _write_failed(cmd, e, k)


def _rename_item(cmd, sp, literal):
    raws = _matches(cmd, sp, sp.name, True)
    if not raws:
        _not_found(cmd, sp)
        return
    raw = raws[0]
    prov = sp.provider
    old = prov.key(raw)
    new = cv.to_string(cmd.NewName)
    if prov.get(cmd, new, sp.scope_name) is not None and new.lower() != old.lower() and not cmd.Force:
        shown = sp.display(new)
        _error(cmd, f"The item at path '{shown}' already exists.", "RenameItemAlreadyExists", "ResourceExists",
               shown, SessionStateException)
        return
    if not cmd.should_process(f"Item: {old} Destination: {new}", "Rename Item"):
        return
    try:
        value = prov.value(raw)
        prov.delete(cmd, raw, sp.scope_name, bool(cmd.Force))
        made = prov.put(cmd, new, value, sp.scope_name, bool(cmd.Force))
    except RuntimeException as e:
        _write_failed(cmd, e, old)
        return
    if cmd.PassThru and made is not None:
        cmd.write_object(prov.item(cmd, made, sp.drive))


def _get_content(cmd, sp, literal):
    if not sp.name:
        _error(cmd, "Unable to get content because it is a container. To get the contents of a container, use "
               "the Get-ChildItem command.", "GetContainerContentException", "InvalidOperation", sp.typed,
               PSArgumentException)
        return
    for raw in _existing(cmd, sp, literal):
        value = sp.provider.content(raw)
        if isinstance(value, (list, tuple)):
            for v in value:
                cmd.write_object(v)
        else:
            cmd.write_object(value)


def _set_content(cmd, sp, literal):
    values = list(cmd.__dict__.get("_session_content") or [])
    value = values[0] if len(values) == 1 else values
    if not cmd.should_process(f"Path: {sp.display()}", "Set Content"):
        return
    _store(cmd, sp, sp.name, value)
    if cmd.PassThru:
        for v in values:
            cmd.write_object(v)


def _clear_content(cmd, sp, literal):
    for raw in _existing(cmd, sp, literal):
        k = sp.provider.key(raw)
        if not cmd.should_process(f"Item: {k}", "Clear Content"):
            continue
        _store(cmd, sp, k, "")


def _copy_item(cmd, sp, literal):
    dest_text = cv.to_string(cmd.Destination) if cmd.Destination is not None else ""
    dest = parse_path(cmd, dest_text) if ":" in dest_text else None
    if dest is not None and dest.provider is not sp.provider:
        _error(cmd, "Source and destination path did not resolve to the same provider.", "CopyItemSourceAndDestinationNotSameProvider",
               "InvalidArgument", dest_text, PSArgumentException)
        return
    new_name = dest.name if dest is not None else dest_text
    scope_name = dest.scope_name if dest is not None else None
    for raw in _existing(cmd, sp, literal):
        k = sp.provider.key(raw)
        target = new_name or k
        if not cmd.should_process(f"Item: {k} Destination: {target}", "Copy Item"):
            continue
        try:
            made = sp.provider.put(cmd, target, sp.provider.value(raw), scope_name, bool(cmd.Force))
        except RuntimeException as e:
            _write_failed(cmd, e, k)
            continue
        if cmd.PassThru and made is not None:
            cmd.write_object(sp.provider.item(cmd, made, sp.drive))


def _not_supported(cmd, sp, literal):
    from ...errors import PSNotSupportedException
    _error(cmd, "Provider operation stopped because the provider does not support this operation.", "NotSupported",
           "NotImplemented", None, PSNotSupportedException)


_OPS = {"childitem": _child_items, "item": _get_item, "test": _test_path, "new": _new_item, "set": _set_item,
        "remove": _remove_item, "clear": _clear_item, "rename": _rename_item, "content": _get_content,
        "setcontent": _set_content, "addcontent": _set_content, "clearcontent": _clear_content,
        "copy": _copy_item, "move": _not_supported}


# the cmdlets that hand their paths to these providers (FsCmdlet.__init_subclass__ applies it) and the operation
SESSION_OPS = {"Get-ChildItem": "childitem", "Get-Item": "item", "Test-Path": "test", "New-Item": "new",
               "Set-Item": "set", "Remove-Item": "remove", "Clear-Item": "clear", "Rename-Item": "rename",
               "Get-Content": "content", "Set-Content": "setcontent", "Add-Content": "addcontent",
               "Clear-Content": "clearcontent", "Copy-Item": "copy", "Move-Item": "move"}


def session_paths(cmd, values) -> list | None:
    """The SessionPaths of `values` when every one is on a session-state drive, else None."""
    if not values:
        return None
    out = []
    for v in values:
        sp = parse_path(cmd, v)
        if sp is None:
            return None
        out.append(sp)
    return out


def handle(cmd, op, values=None, literal=None) -> bool:
    """Run `op` through the session-state providers when every path of `cmd` is on one of their drives."""
    if values is None:
        values, literal = cmd.path_values()
    if op == "new" and cmd.Name:
        values = [cv.to_string(v).rstrip("\\/") + "\\" + cv.to_string(cmd.Name) for v in values]
    sps = session_paths(cmd, values)
    if sps is None:
        return False
    if op in ("setcontent", "addcontent"):
        acc = cmd.__dict__.setdefault("_session_content", [])
        value = cmd.Value
        acc.extend(value if isinstance(value, (list, tuple)) else [value])
    for sp in sps:
        _OPS[op](cmd, sp, bool(literal))
    return True


__all__ = ["PROVIDERS", "ProviderInfo", "EnvironmentEntry", "provider_infos", "parse_path", "handle",
           "session_paths"]
