"""Get-PSDrive, New-PSDrive, Remove-PSDrive (FileSystem drives only: pshim has
no Registry, Certificate, Alias: ... providers).

Drives follow scopes as in 5.1 (runtime/drives.py DriveTable): New-PSDrive makes the drive in the
caller's scope unless -Scope names another (Global, Script, Local, or a number of scopes up), so a drive
a script or function makes without -Scope Global goes away when it returns; Get-PSDrive lists the drives
the caller sees, or with -Scope those made in that scope only; Remove-PSDrive removes the one the caller
sees, or with -Scope the one made in that scope.

The drive view is 5.1's (PowerShellCore.format.ps1xml "drive" table): Name 10,
Used (GB) 13 right, Free (GB) 13 right, Provider 13, Root 35, CurrentLocation
30 right; Used/Free come from the file system holding the drive's folder.
"""
from __future__ import annotations

import os
import re
import shutil

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import (DriveNotFoundException, IOException, ProviderNotFoundException, RuntimeException,
                       PSArgumentException)
from ...runtime import conversion as cv
from ...runtime.drives import PSDriveInfo
from ...runtime.operators import has_wildcard, wildcard_regex
from .filesystem import FsCmdlet, PROVIDER, under, display_path, explicit_drive

_NS = "Microsoft.PowerShell.Commands."

from .providers_session import SessionStateException, provider_infos


def root_text(d) -> str:
    shown = getattr(d, "DisplayRoot", None)
    if shown:
        return shown
    if d.Name.upper() == "C":
        return "C:\\"
    return d.Root


def _gb(v):
    """5.1's "{0:###0.00}": no leading zero below 1 GB."""
    if v is None:
        return ""
    text = f"{v / 1073741824:.2f}"
    return text[1:] if text.startswith("0.") else text


def _used(d):
    if d.Used or d.Free:
        return _gb(d.Used)
    return ""


def _free(d):
    if d.Used or d.Free:
        return _gb(d.Free)
    return ""


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view("System.Management.Automation.PSDriveInfo", TableView([
        Column("Name", width=10),
        Column(_used, label="Used (GB)", width=13, alignment="right"),
        Column(_free, label="Free (GB)", width=13, alignment="right"),
        Column("Provider", width=13),
        Column(root_text, label="Root", width=35),
        Column("CurrentLocation", width=30, alignment="right"),
    ], name="drive"))
    register_view("System.Management.Automation.ProviderInfo", TableView([
        Column("Name", width=20),
        Column("Capabilities", width=45),
        Column("Drives"),
    ], name="provider"))


_register_views()


class _DriveCommand(FsCmdlet):
    def target_scope(self):
        """The scope -Scope names (None when not given); a name or number 5.1 does not know is an error."""
        if self.Scope is None:
            return None
        text = cv.to_string(self.Scope).strip()
        low = text.lower()
        if low in ("global", "local", "script", "private"):
            return self.ctx._scope_for(low)
        if low.isdigit():
            s = self.ctx.scope
            for _ in range(int(low)):
                s = s.parent
                if s is None:
                    break
            if s is not None:
                return s
        raise self.terminating_error(self.error(
            f"The scope number '{text}' exceeds the number of active scopes.\r\nParameter name: Scope\r\n"
            f"Actual value was {text}.", "ArgumentOutOfRange", "InvalidArgument", text, PSArgumentException))

    def refresh(self, d):
        """Fill Used/Free/CurrentLocation as 5.1 shows them (a session-state drive has none)."""
        if d.Provider != "FileSystem":
            return d
        from .filesystem import _ensure_root
        _ensure_root(self.session, d.Name)
        try:
            u = shutil.disk_usage(d.Root)
            d.Used, d.Free = u.total - u.free, u.free
        except OSError:
            d.Used = d.Free = None
        d.CurrentLocation = ""
        try:
            loc = self.resolve(self.session.location or os.getcwd())
            root = os.path.normpath(d.Root)
            if under(loc.os_path, root) and (loc.drive is None or loc.drive.lower() == d.Name.lower()
                                             or d.Name.upper() == "C"):
                rel = os.path.relpath(loc.os_path, root)
                d.CurrentLocation = "" if rel == "." else rel.replace("/", "\\")
        except Exception:   # an unresolvable location has no current location on any drive
            pass
        return d

    def target(self, d) -> str:
        return f"Name: {d.Name} Provider: {PROVIDER} Root: {root_text(d)}"


class GetPSDriveCommand(_DriveCommand):
    name = "Get-PSDrive"
    dotnet_type = _NS + "GetPSDriveCommand"
    default_parameter_set = "Name"
    synopsis = "Gets drives in the current session."

    Name = Parameter("string[]", sets=[ParameterSetData("Name", position=0, from_pipeline_by_name=True)])
    LiteralName = Parameter("string[]", sets=[ParameterSetData("LiteralName", position=0, mandatory=True,
                                                               from_pipeline_by_name=True)])
    Scope = Parameter("string", value_from_pipeline_by_property_name=True)
    PSProvider = Parameter("string[]", value_from_pipeline_by_property_name=True)

    def process(self):
        scope = self.target_scope()
        table = self.session.drives
        pool = list(table.made_in(scope).values()) if scope is not None else table.visible(self.ctx.scope)
        drives = sorted(pool, key=lambda d: d.Name.lower())
        if self.PSProvider:
            provs = [cv.to_string(p) for p in self.PSProvider]
            drives = [d for d in drives if any(wildcard_regex(p.split("\\")[-1], True).match(d.Provider)
                                               for p in provs)]
        names = self.LiteralName if self.LiteralName is not None else self.Name
        if not names:
            for d in drives:
                self.write_object(self.refresh(d))
            return
        literal = self.LiteralName is not None
        for n in names:
            n = cv.to_string(n)
            if not literal and has_wildcard(n):
                rx = wildcard_regex(n, True)
                for d in drives:
                    if rx.match(d.Name):
                        self.write_object(self.refresh(d))
                continue
            d = next((x for x in drives if x.Name.lower() == n.lower()), None)
            if d is None:
                self.write_error(self.error(f"Cannot find drive. A drive with the name '{n}' does not exist.",
                                            "GetLocationNoMatchingDrive", "ObjectNotFound", n,
                                            DriveNotFoundException))
                continue
            self.write_object(self.refresh(d))


class GetPSProviderCommand(_DriveCommand):
    name = "Get-PSProvider"
    dotnet_type = _NS + "GetPSProviderCommand"
    synopsis = "Gets information about the specified PowerShell provider."

    PSProvider = Parameter("string[]", position=0, value_from_pipeline_by_property_name=True)

    def process(self):
        infos = provider_infos(self.session, self.ctx.scope)
        if not self.PSProvider:
            for p in infos:
                self.write_object(p)
            return
        for n in self.PSProvider:
            n = cv.to_string(n)
            short = n.split("\\")[-1]
            if has_wildcard(short):
                rx = wildcard_regex(short, True)
                for p in infos:
                    if rx.match(p.Name):
                        self.write_object(p)
                continue
            hit = next((p for p in infos if p.Name.lower() == short.lower()), None)
            if hit is None:
                self.write_error(self.error(f"Cannot find a provider with the name '{n}'.", "ProviderNotFound",
                                            "ObjectNotFound", n, ProviderNotFoundException))
                continue
            self.write_object(hit)


class NewPSDriveCommand(_DriveCommand):
    name = "New-PSDrive"
    dotnet_type = _NS + "NewPSDriveCommand"
    supports_should_process = True
    synopsis = "Creates temporary and persistent drives that are associated with a location in an item data store."

    Name = Parameter("string", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    PSProvider = Parameter("string", position=1, mandatory=True, value_from_pipeline_by_property_name=True)
    Root = Parameter("string", position=2, mandatory=True, value_from_pipeline_by_property_name=True,
                     allow_empty_string=True)
    Description = Parameter("string", value_from_pipeline_by_property_name=True)
    Scope = Parameter("string", value_from_pipeline_by_property_name=True)

    def process(self):
        name = cv.to_string(self.Name)
        prov = cv.to_string(self.PSProvider)
        if prov.split("\\")[-1].lower() != "filesystem":
            self.write_error(self.error(f"Cannot find a provider with the name '{prov}'.", "ProviderNotFound",
                                        "ObjectNotFound", prov, ProviderNotFoundException))
            return
        if not name or re.search(r"[:\\/*?\[\]]", name):
            self.write_error(self.error(
                "The drive name \"" + name + "\" contains characters that are not valid. Remove the invalid "
                "characters, and then try again.", "NewDriveInvalidName", "InvalidArgument", name,
                PSArgumentException))
            return
        scope = self.target_scope() or self.ctx.scope
        if name.lower() in self.session.drives.made_in(scope):
            self.write_error(self.error(f"A drive with the name '{name}' already exists.", "DriveAlreadyExists",
                                        "ResourceExists", name, SessionStateException))
            return
        root_typed = cv.to_string(self.Root)
        try:
            r = self.resolve(root_typed) if root_typed else self.resolve(".")
        except DriveNotFoundException as e:
            self.write_error(self.drive_error(e))
            return
        if not os.path.isdir(r.os_path):
            self.write_error(self.error(
                f'The specified drive root "{r.display}" either does not exist, or it is not a folder.',
                "DriveRootError", "ReadError", name, IOException))
            return
        d = PSDriveInfo(name, r.os_path, description=cv.to_string(self.Description or ""))
        d.DisplayRoot = r.display
        if not self.should_process(self.target(d), "New drive"):
            return
        self.session.drives.add(d, scope)
        self.write_object(self.refresh(d))


class RemovePSDriveCommand(_DriveCommand):
    name = "Remove-PSDrive"
    dotnet_type = _NS + "RemovePSDriveCommand"
    default_parameter_set = "Name"
    supports_should_process = True
    synopsis = "Deletes temporary PowerShell drives and disconnects mapped network drives."

    Name = Parameter("string[]", sets=[ParameterSetData("Name", position=0, mandatory=True,
                                                        from_pipeline_by_name=True)])
    LiteralName = Parameter("string[]", sets=[ParameterSetData("LiteralName", position=0, mandatory=True,
                                                               from_pipeline_by_name=True)])
    PSProvider = Parameter("string[]", value_from_pipeline_by_property_name=True)
    Scope = Parameter("string", value_from_pipeline_by_property_name=True)
    Force = Parameter("switch")

    def process(self):
        names = self.LiteralName if self.LiteralName is not None else self.Name
        literal = self.LiteralName is not None
        drives = self.session.drives
        scope = self.target_scope()
        here = self.ctx.scope
        for n in names or []:
            n = cv.to_string(n)
            pool = list(drives.made_in(scope).values()) if scope is not None else drives.visible(here)
            if not literal and has_wildcard(n):
                rx = wildcard_regex(n, True)
                found = [d for d in pool if rx.match(d.Name)]
            else:
                found = [d for d in pool if d.Name.lower() == n.lower()]
                if not found:
                    self.write_error(self.error(f"Cannot find drive. A drive with the name '{n}' does not exist.",
                                                "DriveNotFound", "ObjectNotFound", n, DriveNotFoundException))
                    continue
            for d in found:
                if explicit_drive(self.session.location or "") and \
                        explicit_drive(self.session.location).lower() == d.Name.lower() and not self.Force:
                    self.write_error(self.error(f"Cannot remove drive '{d.Name}' because it is in use.",
                                                "InvalidOperation", "InvalidOperation", d.Name,
                                                SessionStateException))
                    continue
                if not self.should_process(self.target(d), "Remove Drive"):
                    continue
                drives.remove(d.Name, scope if scope is not None else drives.owner(d.Name, here))


__all__ = ["GetPSDriveCommand", "GetPSProviderCommand", "NewPSDriveCommand", "RemovePSDriveCommand", "display_path"]
