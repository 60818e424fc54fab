"""Item cmdlets: Get-ChildItem, Get-Item, New-Item, Remove-Item, Copy-Item,
Move-Item, Rename-Item, Invoke-Item, Get-ItemProperty, Set-Item, Clear-Item.

Registry paths (HKLM:, HKCU:, Registry::) get registry.py's error: this system has no registry.
Set-Item and Clear-Item on the FileSystem are 5.1's "provider does not support this operation" error, as
5.1's FileSystem provider has no item value to set or clear.

Engine note: the binder chooses the parameter set once per command, not per
pipeline record as 5.1 does, so -LiteralPath (alias PSPath) is also declared
by property name in the Path set; that is what lets `Get-ChildItem | Remove-Item`
reach the items by their PSPath. When both are bound, LiteralPath wins.
"""
from __future__ import annotations

import errno
import os
import shutil
import stat

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import (IOException, UnauthorizedAccessException, DirectoryNotFoundException, PSArgumentException,
                       PSInvalidOperationException, DriveNotFoundException, InvalidOperationException,
                       PSException, HostException, PSNotSupportedException)
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard
from ...runtime.psobject import PSObject, unwrap
from .registry import registry_error
from .filesystem import (FsCmdlet, glob, ci_existing, is_hidden, sort_key, name_matches, passes_filters,
                         strip_provider, os_error, is_drive_form, PREFIX, parent_display, make_item)

_NS = "Microsoft.PowerShell.Commands."


def _path_params(pipeline_by_value=True, mandatory=True, single=False, path_set="Path", literal_set="LiteralPath"):
    t = "string" if single else "string[]"
    path = Parameter(t, sets=[ParameterSetData(path_set, position=0, mandatory=mandatory,
                                               from_pipeline=pipeline_by_value, from_pipeline_by_name=True)])
    lit = Parameter(t, aliases=("PSPath",), sets=[
        ParameterSetData(literal_set, mandatory=True, from_pipeline_by_name=True),
        ParameterSetData(path_set, from_pipeline_by_name=True)])
    return path, lit


def _selected_items(cmd):
    """The items -Path/-LiteralPath name, expanded and passed through -Filter/-Include/-Exclude."""
    values, literal = cmd.path_values()
    for typed in values:
        rec = registry_error(cmd, cv.to_string(typed))
        if rec is not None:
            cmd.write_error(rec)
            continue
        for r in cmd.expand(cv.to_string(typed), literal, bool(cmd.Force)):
            if passes_filters(os.path.basename(r.os_path), cmd.Filter, cmd.Include, cmd.Exclude):
                yield r


def _is_real_dir(p):
    return os.path.isdir(p) and not os.path.islink(p)


def delete_path(os_path, recurse=False):
    """FileInfo.Delete / DirectoryInfo.Delete([recursive])."""
    try:
        if os.path.isdir(os_path) and not os.path.islink(os_path):
            if recurse:
                shutil.rmtree(os_path)
            else:
                os.rmdir(os_path)
        else:
            os.unlink(os_path)
    except OSError as e:
        if e.errno == errno.ENOTEMPTY:
            raise IOException("The directory is not empty.") from None
        if isinstance(e, PermissionError):
            raise UnauthorizedAccessException(f"Access to the path '{os_path}' is denied.") from None
        raise IOException(e.strerror or str(e)) from None


# ---------------------------------------------------------------------------
# Get-ChildItem

class GetChildItemCommand(FsCmdlet):
    name = "Get-ChildItem"
    dotnet_type = _NS + "GetChildItemCommand"
    default_parameter_set = "Items"
    synopsis = "Gets the items and child items in one or more specified locations."

    Path, LiteralPath = _path_params(mandatory=False, path_set="Items", literal_set="LiteralItems")
    Filter = Parameter("string", position=1)
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Recurse = Parameter("switch", aliases=("s",))
    Depth = Parameter("uint32")
    Force = Parameter("switch")
    Name = Parameter("switch")
    Directory = Parameter("switch", aliases=("ad", "d"))
    File = Parameter("switch", aliases=("af",))
    Hidden = Parameter("switch", aliases=("ah", "h"))
    ReadOnly = Parameter("switch", aliases=("ar",))
    System = Parameter("switch", aliases=("as",))

    def process(self):
        values, literal = self.path_values()
        if not values:
            values, literal = [self.session.location or "."], True
        self._recurse = bool(self.Recurse) or self.Depth is not None
        self._depth = int(self.Depth) if self.Depth is not None else None
        self._force = bool(self.Force) or bool(self.Hidden)
        for typed in values:
            self._one(cv.to_string(typed), literal)

    def _one(self, typed, literal):
        try:
            r = self.resolve(typed)
        except DriveNotFoundException as e:
            self.write_error(self.drive_error(e))
            return
        include = list(self.Include or [])
        if not literal and has_wildcard(strip_provider(typed)):
            if self._recurse:
                parent, leaf = os.path.split(r.os_path)
                dirs = glob(parent, self._force) if has_wildcard(parent) else (
                    [ci_existing(parent)] if ci_existing(parent) else [])
                for d in dirs:
                    if _is_real_dir(d):
                        self._list(d, r.drive, d, 0, include + [leaf] if not include else include,
                                   extra_leaf=leaf if include else None)
                return
            for h in glob(r.os_path, self._force):
                if _is_real_dir(h):
                    self._list(h, r.drive, h, 0, include)
                else:
                    self._emit_file_or_dir(h, r.drive, None, as_name=False, include=include)
            return
        found = ci_existing(r.os_path)
        if found is None:
            self.write_error(self.not_found(r.display))
            return
        if os.path.isdir(found):
            self._list(found, r.drive, found, 0, include)
        else:
            self._emit_file_or_dir(found, r.drive, None, as_name=False, include=include)

    def _wanted(self, path, name, isdir, include, extra_leaf=None):
        if self.Directory and not isdir:
            return False
        if self.File and isdir:
            return False
        if self.Hidden and not is_hidden(name):
            return False
        if self.ReadOnly and os.access(path, os.W_OK):
            return False
        if self.System:
            return False
        if extra_leaf and not name_matches(name, [extra_leaf]):
            return False
        return passes_filters(name, self.Filter, include, self.Exclude)

    def _emit_file_or_dir(self, path, drive, root, as_name, include):
        name = os.path.basename(path)
        if not self._wanted(path, name, os.path.isdir(path), include):
            return
        if self.Name:
            self.write_object(name)
        else:
            self.write_object(make_item(self.session, path, drive, as_name=as_name))

    def _list(self, folder, drive, root, level, include, extra_leaf=None):
        try:
            names = sorted(os.listdir(folder), key=sort_key)
        except OSError as e:
            disp = self.make(folder, drive).display
            if isinstance(e, PermissionError):
                self.write_error(self.error(f"Access to the path '{disp}' is denied.", "DirUnauthorizedAccessError",
                                            "PermissionDenied", disp, UnauthorizedAccessException))
            else:
                self.write_error(os_error(self, e, disp, "DirIO", "ReadError"))
            return
        dirs, files = [], []
        for n in names:
            if is_hidden(n) and not self._force:
                continue
            p = os.path.join(folder, n)
            (dirs if os.path.isdir(p) else files).append((n, p))
        sep = "\\" if is_drive_form(self.make(root, drive).display) else "/"
        for n, p in dirs + files:
            if not self._wanted(p, n, os.path.isdir(p), include, extra_leaf):
                continue
            if self.Name:
                rel = os.path.relpath(p, root)
                self.write_object(rel.replace("/", sep))
            else:
                self.write_object(make_item(self.session, p, drive, as_name=True))
        if self._recurse and (self._depth is None or level < self._depth):
            for n, p in dirs:
                if os.path.islink(p):
                    continue
                if self.stopping:
                    return
                self._list(p, drive, root, level + 1, include, extra_leaf)


# ---------------------------------------------------------------------------
# Get-Item

class GetItemCommand(FsCmdlet):
    name = "Get-Item"
    dotnet_type = _NS + "GetItemCommand"
    default_parameter_set = "Path"
    synopsis = "Gets the item at the specified location."

    Path, LiteralPath = _path_params()
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Force = Parameter("switch")

    def process(self):
        for r in _selected_items(self):
            self.write_object(self.item(r))


# ---------------------------------------------------------------------------
# Get-ItemProperty

class GetItemPropertyCommand(FsCmdlet):
    name = "Get-ItemProperty"
    dotnet_type = _NS + "GetItemPropertyCommand"
    default_parameter_set = "Path"
    synopsis = "Gets the properties of a specified item."

    Path, LiteralPath = _path_params()
    Name = Parameter("string[]", position=1, aliases=("PSProperty",))
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")

    def process(self):
        from ...runtime.members import get_property, _MISSING
        values, literal = self.path_values()
        for typed in values:
            rec = registry_error(self, cv.to_string(typed))
            if rec is not None:
                self.write_error(rec)
                continue
            for r in self.expand(cv.to_string(typed), literal, True):
                if not passes_filters(os.path.basename(r.os_path), self.Filter, self.Include, self.Exclude):
                    continue
                item = self.item(r)
                if not self.Name:
                    self.write_object(item)
                    continue
                obj = PSObject()
                ok = True
                for n in self.Name:
                    v = get_property(item, cv.to_string(n), _MISSING)
                    if v is _MISSING:
                        self.write_error(self.error(f"Property {n} does not exist at path {r.display}.",
                                                    "System.Management.Automation.PSArgumentException",
                                                    "InvalidArgument", n, PSArgumentException))
                        ok = False
                        continue
                    obj.add_note(cv.to_string(n), v)
                if not ok and not obj.members:
                    continue
                for n in ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider"):
                    obj.add_note(n, getattr(item, n))
                self.write_object(obj)


# ---------------------------------------------------------------------------
# New-Item

_ITEM_TYPES = ("file", "directory", "symboliclink", "junction", "hardlink")


class NewItemCommand(FsCmdlet):
    name = "New-Item"
    dotnet_type = _NS + "NewItemCommand"
    default_parameter_set = "pathSet"
    supports_should_process = True
    synopsis = "Creates a new item."

    Path = Parameter("string[]", sets=[
        ParameterSetData("pathSet", position=0, mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("nameSet", position=0, from_pipeline_by_name=True)])
    Name = Parameter("string", allow_null=True, allow_empty_string=True, sets=[
        ParameterSetData("nameSet", mandatory=True, from_pipeline_by_name=True)])
    ItemType = Parameter("string", aliases=("Type",), value_from_pipeline_by_property_name=True)
    Value = Parameter("object", value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                      aliases=("Target",))
    Force = Parameter("switch")

    def process(self):
        paths = [cv.to_string(p) for p in (self.Path or [])] or [self.session.location or "."]
        for typed in paths:
            if self.Name:
                sep = "\\" if is_drive_form(typed) or "\\" in typed else "/"
                typed = typed.rstrip("\\/") + sep + self.Name
            try:
                r = self.resolve(typed)
            except DriveNotFoundException as e:
                self.write_error(self.drive_error(e))
                continue
            kind = (cv.to_string(self.ItemType) if self.ItemType else "file").lower()
            if kind == "container":
                kind = "directory"
            if kind not in _ITEM_TYPES:
                self.write_error(self.error(
                    'The type is not a known type for the file system. Only "file","directory","symboliclink",'
                    '"junction","HardLink" can be specified.', "Argument", "InvalidArgument", kind,
                    PSArgumentException))
                continue
            if kind == "directory":
                self._directory(r)
            elif kind == "file":
                self._file(r)
            else:
                self._link(r, kind)

    def _directory(self, r):
        if os.path.exists(r.os_path):
            if os.path.isdir(r.os_path) and self.Force:
                self.write_object(self.item(r))
                return
            self.write_error(self.error(f"An item with the specified name {r.display} already exists.",
                                        "DirectoryExist", "ResourceExists", r.display, IOException))
            return
        if not self.should_process(f"Destination: {r.display}", "Create Directory"):
            return
        try:
            os.makedirs(r.os_path)
        except OSError as e:
            self.write_error(self._io(e, r.display))
            return
        self.write_object(self.item(r))

    def _io(self, e, display):
        if isinstance(e, (PermissionError, IsADirectoryError)):
            return self.error(f"Access to the path '{display}' is denied.", "NewItemUnauthorizedAccessError",
                              "PermissionDenied", display, UnauthorizedAccessException)
        if isinstance(e, (FileNotFoundError, NotADirectoryError)):
            return self.error(f"Could not find a part of the path '{display}'.", "NewItemIOError", "WriteError",
                              display, DirectoryNotFoundException)
        if isinstance(e, FileExistsError):
            return self.error(f"The file '{display}' already exists.", "NewItemIOError", "WriteError", display,
                              IOException)
        return os_error(self, e, display, "NewItem")

    def _file(self, r):
        if not self.should_process(f"Destination: {r.display}", "Create File"):
            return
        path = r.os_path
        value = unwrap(self.Value)
        text = "" if value is None else cv.to_string(value)
        data = text.encode("utf-8")
        try:
            if os.path.isdir(path):
                raise IsADirectoryError()
            if self.Force:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                if os.path.exists(path) and not os.access(path, os.W_OK):
                    os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
                from ..utility.encodings import resolve as resolve_encoding
                from ..utility.textfile import TextFileWriter, FileWriteError
                w = TextFileWriter(path, resolve_encoding("utf8"))
                try:
                    w.open()
                    w.write(text)
                    w.close()
                except FileWriteError:
                    w.abort()
                    raise PermissionError()
            else:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
                try:
                    os.write(fd, data)
                finally:
                    os.close(fd)
        except OSError as e:
            self.write_error(self._io(e, r.display))
            return
        self.write_object(self.item(r))

    def _link(self, r, kind):
        action = "Create Symbolic Link" if kind != "hardlink" else "Create Hard Link"
        if not self.should_process(f"Destination: {r.display}", action):
            return
        target_text = cv.to_string(unwrap(self.Value)) if self.Value is not None else ""
        if not target_text:
            self.write_error(self.error("Value cannot be null.\r\nParameter name: value".replace("\r", ""),
                                        "ArgumentNull", "InvalidArgument", None, PSArgumentException))
            return
        try:
            target = self.resolve(target_text)
        except DriveNotFoundException as e:
            self.write_error(self.drive_error(e))
            return
        try:
            if os.path.lexists(r.os_path):
                if not self.Force:
                    raise FileExistsError()
                os.unlink(r.os_path)
            if kind == "hardlink":
                os.link(target.os_path, r.os_path)
            else:
                os.symlink(target.os_path, r.os_path)
        except OSError as e:
            self.write_error(self._io(e, r.display))
            return
        self.write_object(self.item(r))


# ---------------------------------------------------------------------------
# Remove-Item

class RemoveItemCommand(FsCmdlet):
    name = "Remove-Item"
    dotnet_type = _NS + "RemoveItemCommand"
    default_parameter_set = "Path"
    supports_should_process = True
    synopsis = "Deletes the specified items."

    Path, LiteralPath = _path_params()
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Recurse = Parameter("switch")
    Force = Parameter("switch")

    def process(self):
        for r in _selected_items(self):
            self._remove(r)

    def _remove(self, r):
        path = r.os_path
        if _is_real_dir(path):
            if not self.Recurse:
                try:
                    has_children = bool(os.listdir(path))
                except OSError:
                    has_children = False
                if has_children:
                    q = (f"The item at {r.display} has children and the Recurse parameter was not specified. If you "
                         "continue, all children will be removed with the item. Are you sure you want to continue?")
                    try:
                        if not self.should_continue(q, "Confirm"):
                            return
                    except HostException as e:
                        self.write_error(self.error(e.message, "HostFunctionNotImplemented", "InvalidOperation",
                                                    r.display, HostException))
                        return
            if not self.should_process(r.display, "Remove Directory"):
                return
            self._remove_tree(path, r.drive)
        else:
            if not self.should_process(r.display, "Remove File"):
                return
            self._remove_file(path, r.display)

    def _remove_file(self, path, display) -> bool:
        if not os.path.islink(path) and not os.access(path, os.W_OK):
            if not self.Force:
                self.write_error(self.error(
                    f"Cannot remove item {display}: You do not have sufficient access rights to perform this "
                    "operation.", "RemoveFileSystemItemUnAuthorizedAccess", "PermissionDenied", display,
                    UnauthorizedAccessException))
                return False
        try:
            os.unlink(path)
            return True
        except OSError as e:
            self._remove_error(e, display)
            return False

    def _remove_error(self, e, display):
        if isinstance(e, PermissionError):
            self.write_error(self.error(f"Cannot remove item {display}: Access to the path '{display}' is denied.",
                                        "RemoveFileSystemItemUnAuthorizedAccess", "PermissionDenied", display,
                                        UnauthorizedAccessException))
        else:
            inner = os_error(self, e, display, "RemoveFileSystemItem").message()
            self.write_error(self.error(f"Cannot remove item {display}: {inner}", "RemoveFileSystemItemIOError",
                                        "WriteError", display, IOException))

    def _remove_tree(self, path, drive) -> bool:
        ok = True
        try:
            names = os.listdir(path)
        except OSError:
            names = []
        for n in names:
            p = os.path.join(path, n)
            if _is_real_dir(p):
                ok = self._remove_tree(p, drive) and ok
            else:
                ok = self._remove_file(p, self.make(p, drive).display) and ok
        display = self.make(path, drive).display
        try:
            os.rmdir(path)
            return ok
        except OSError as e:
            if e.errno == errno.ENOTEMPTY:
                self.write_error(self.error(f"Directory {display} cannot be removed because it is not empty.",
                                            "DirectoryNotEmpty", "WriteError", display, IOException))
            else:
                self._remove_error(e, display)
            return False


# ---------------------------------------------------------------------------
# Copy-Item / Move-Item

class _TransferCommand(FsCmdlet):
    default_parameter_set = "Path"
    supports_should_process = True
    Path, LiteralPath = _path_params()
    Destination = Parameter("string", position=1, value_from_pipeline_by_property_name=True)
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Force = Parameter("switch")
    PassThru = Parameter("switch")
    verb = ""

    def process(self):
        values, literal = self.path_values()
        dest_text = cv.to_string(self.Destination) if self.Destination is not None else (self.session.location or ".")
        try:
            dest = self.resolve(dest_text)
        except DriveNotFoundException as e:
            self.write_error(self.drive_error(e))
            return
        for typed in values:
            for r in self.expand(cv.to_string(typed), literal, bool(self.Force)):
                if not passes_filters(os.path.basename(r.os_path), self.Filter, self.Include, self.Exclude):
                    continue
                target = dest.os_path
                if os.path.isdir(target) and os.path.realpath(target) != os.path.realpath(r.os_path):
                    target = os.path.join(target, os.path.basename(r.os_path))
                self.transfer(r, self.make(target, dest.drive))

    def _exists_error(self, t, prefix):
        self.write_error(self.error("Cannot create a file when that file already exists.", prefix + "IOError",
                                    "WriteError", t.display, IOException))

    def _io_error(self, e, display, prefix):
        if isinstance(e, (FileNotFoundError, NotADirectoryError)):
            self.write_error(self.error(f"Could not find a part of the path '{display}'.", prefix + "IOError",
                                        "WriteError", display, DirectoryNotFoundException))
        else:
            self.write_error(os_error(self, e, display, prefix))


class CopyItemCommand(_TransferCommand):
    name = "Copy-Item"
    dotnet_type = _NS + "CopyItemCommand"
    synopsis = "Copies an item from one location to another."
    Container = Parameter("switch", default=True)
    Recurse = Parameter("switch")

    def transfer(self, src, t):
        if os.path.exists(t.os_path) and os.path.samefile(src.os_path, t.os_path):
            self.write_error(self.error(f"Cannot overwrite the item {src.display} with itself.", "CopyError",
                                        "WriteError", src.display, IOException))
            return
        if _is_real_dir(src.os_path):
            real_src = os.path.realpath(src.os_path)
            if os.path.realpath(t.os_path).startswith(real_src.rstrip("/") + "/"):
                self.write_error(self.error(f"Cannot overwrite the item {src.display} with itself.", "CopyError",
                                            "WriteError", src.display, IOException))
                return
            self._copy_dir(src, t)
        else:
            self._copy_file(src, t)

    def _copy_file(self, src, t):
        if not self.should_process(f"Item: {src.display} Destination: {t.display}", "Copy File"):
            return
        if os.path.isdir(t.os_path):
            self.write_error(self.error(f"The target file \"{t.display}\" is a directory, not a file.",
                                        "CopyFileInfoItemIOError", "WriteError", t.display, IOException))
            return
        if os.path.exists(t.os_path) and not os.access(t.os_path, os.W_OK):
            if not self.Force:
                self.write_error(self.error(f"Access to the path '{t.display}' is denied.",
                                            "CopyFileInfoItemUnauthorizedAccessError", "PermissionDenied",
                                            t.display, UnauthorizedAccessException))
                return
            try:
                os.chmod(t.os_path, os.stat(t.os_path).st_mode | stat.S_IWUSR)
            except OSError:
                pass
        try:
            tmp = t.os_path + ".pshim-copy"
            shutil.copy2(src.os_path, tmp)
            os.replace(tmp, t.os_path)
        except OSError as e:
            try:
                os.unlink(t.os_path + ".pshim-copy")
            except OSError:
                pass
            self._io_error(e, t.display, "CopyFileInfoItem")
            return
        if self.PassThru:
            self.write_object(self.item(t))

    def _copy_dir(self, src, t):
        if not self.should_process(f"Item: {src.display} Destination: {t.display}", "Copy Directory"):
            return
        try:
            if os.path.exists(t.os_path) and not os.path.isdir(t.os_path):
                raise FileExistsError()
            os.makedirs(t.os_path, exist_ok=True)
        except FileExistsError:
            self.write_error(self.error(f"An item with the specified name {t.display} already exists.",
                                        "DirectoryExist", "ResourceExists", t.display, IOException))
            return
        except OSError as e:
            self._io_error(e, t.display, "CopyDirectoryInfoItem")
            return
        if self.PassThru:
            self.write_object(self.item(t))
        if not self.Recurse:
            return
        try:
            names = sorted(os.listdir(src.os_path), key=sort_key)
        except OSError as e:
            self._io_error(e, src.display, "CopyDirectoryInfoItem")
            return
        self._copy_children(src, t, names)

    def _copy_children(self, src, t, names):
        for n in names:
            s = self.make(os.path.join(src.os_path, n), src.drive)
            if not self.Container and _is_real_dir(s.os_path):
                # -Container:$false: the files of every sub-folder go straight into the destination;
                # the folder structure is not kept
                try:
                    sub = sorted(os.listdir(s.os_path), key=sort_key)
                except OSError as e:
                    self._io_error(e, s.display, "CopyDirectoryInfoItem")
                    continue
                self._copy_children(s, t, sub)
                continue
            d = self.make(os.path.join(t.os_path, n), t.drive)
            if _is_real_dir(s.os_path):
                self._copy_dir(s, d)
            else:
                self._copy_file(s, d)


class MoveItemCommand(_TransferCommand):
    name = "Move-Item"
    dotnet_type = _NS + "MoveItemCommand"
    synopsis = "Moves an item from one location to another."

    def transfer(self, src, t):
        isdir = _is_real_dir(src.os_path)
        action = "Move Directory" if isdir else "Move File"
        prefix = "MoveDirectoryItem" if isdir else "MoveFileInfoItem"
        same = os.path.exists(t.os_path) and os.path.samefile(src.os_path, t.os_path)
        if os.path.lexists(t.os_path) and not same:
            if not self.Force or isdir or os.path.isdir(t.os_path):
                self._exists_error(t, prefix)
                return
        if not self.should_process(f"Item: {src.display} Destination: {t.display}", action):
            return
        try:
            if same:
                os.rename(src.os_path, t.os_path)
            elif isdir:
                shutil.move(src.os_path, t.os_path)
            else:
                try:
                    os.replace(src.os_path, t.os_path)
                except OSError as e:
                    if e.errno != errno.EXDEV:
                        raise
                    shutil.copy2(src.os_path, t.os_path)
                    os.unlink(src.os_path)
        except OSError as e:
            self._io_error(e, t.display, prefix)
            return
        except shutil.Error as e:
            self.write_error(self.error(str(e), prefix + "IOError", "WriteError", t.display, IOException))
            return
        if self.PassThru:
            self.write_object(self.item(t))


# ---------------------------------------------------------------------------
# Rename-Item

class RenameItemCommand(FsCmdlet):
    name = "Rename-Item"
    dotnet_type = _NS + "RenameItemCommand"
    default_parameter_set = "ByPath"
    supports_should_process = True
    synopsis = "Renames an item in a PowerShell provider namespace."

    Path, LiteralPath = _path_params(pipeline_by_value=True, single=True, path_set="ByPath",
                                     literal_set="ByLiteralPath")
    # "object": a script block stays a script block and is evaluated per item
    # (delay-bind; the binder has no delay-bind of its own)
    NewName = Parameter("object", position=1, mandatory=True, value_from_pipeline_by_property_name=True)
    Force = Parameter("switch")
    PassThru = Parameter("switch")

    def process(self):
        from ...runtime.scriptblock import ScriptBlock
        values, literal = self.path_values()
        for typed in values:
            typed = cv.to_string(typed)
            try:
                r = self.resolve(typed)
            except DriveNotFoundException as e:
                self.write_error(self.drive_error(e))
                continue
            hits = [r] if os.path.lexists(r.os_path) else []
            if not hits and not literal and has_wildcard(typed):
                # a wildcard finds hidden items only with -Force, as paths resolve in 5.1
                hits = [self.make(h, r.drive) for h in glob(r.os_path, bool(self.Force))]
            if not hits:
                found = ci_existing(r.os_path)
                hits = [self.make(found, r.drive)] if found else []
            if len(hits) != 1:
                self.write_error(self.error(f"Cannot rename because item at '{typed}' does not exist.",
                                            "InvalidOperation", "InvalidOperation", None,
                                            PSInvalidOperationException))
                continue
            src = hits[0]
            new = unwrap(self.NewName)
            if isinstance(new, ScriptBlock):
                from ...commands.function import invoke_scriptblock_dotted
                out = invoke_scriptblock_dotted(self.ctx, new, self.item(src))
                new = out[0] if len(out) == 1 else (out or "")
            new = cv.to_string(unwrap(new))
            self._rename(src, new)

    def _rename(self, src, new):
        parent = os.path.dirname(src.os_path)
        if "/" in new or "\\" in new:
            try:
                target = self.resolve(new).os_path
            except PSException:
                target = None
            if target is None or os.path.dirname(target) != parent:
                self.write_error(self.error("Cannot rename the specified target, because it represents a path or "
                                            "device name.", "Argument", "InvalidArgument", new, PSArgumentException))
                return
        else:
            target = os.path.join(parent, new)
        t = self.make(target, src.drive)
        if os.path.lexists(target) and os.path.normcase(target) != os.path.normcase(src.os_path) and \
                not (os.path.exists(target) and os.path.samefile(target, src.os_path)):
            self.write_error(self.error("Cannot create a file when that file already exists.", "RenameItemIOError",
                                        "WriteError", src.display, IOException))
            return
        if not self.should_process(f"Item: {src.display} Destination: {t.display}", "Rename Item"):
            return
        try:
            os.rename(src.os_path, target)
        except OSError as e:
            self.write_error(os_error(self, e, src.display, "RenameItem"))
            return
        if self.PassThru:
            self.write_object(self.item(t))


# ---------------------------------------------------------------------------
# Set-Item / Clear-Item

class _ItemValueCommand(FsCmdlet):
    """An item's value: the FileSystem provider has none (5.1's provider NotSupported error per item)."""
    default_parameter_set = "Path"
    supports_should_process = True

    Path, LiteralPath = _path_params()
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    Force = Parameter("switch")

    def process(self):
        for r in _selected_items(self):
            self.provider_value_error()

    def provider_value_error(self):
        """What the FileSystem provider answers when asked to set or clear an item's value."""
        self.write_error(self.error("Provider operation stopped because the provider does not support this "
                                    "operation.", "NotSupported", "NotImplemented", None, PSNotSupportedException))


class SetItemCommand(_ItemValueCommand):
    name = "Set-Item"
    dotnet_type = _NS + "SetItemCommand"
    synopsis = "Changes the value of an item to the value specified in the command."

    Value = Parameter("object", position=1, value_from_pipeline=True)
    PassThru = Parameter("switch")

    def process(self):
        for r in _selected_items(self):
            item = self.set_item_value(r, self.Value)
            if item is not None and self.PassThru:
                self.write_object(item)

    def set_item_value(self, r, value):
        """The provider's SetItem: the item as set, or None after an error record. The FileSystem provider
        (the only one here with items; registry paths were answered by _selected_items) has no item value,
        whatever the value, so 5.1 and pshim refuse each item and -PassThru has nothing to pass."""
        self.provider_value_error()
        return None


class ClearItemCommand(_ItemValueCommand):
    name = "Clear-Item"
    dotnet_type = _NS + "ClearItemCommand"
    synopsis = "Clears the contents of an item, but does not delete the item."


# ---------------------------------------------------------------------------
# Invoke-Item

class InvokeItemCommand(FsCmdlet):
    name = "Invoke-Item"
    dotnet_type = _NS + "InvokeItemCommand"
    default_parameter_set = "Path"
    supports_should_process = True
    synopsis = "Performs the default action on the specified item."

    Path, LiteralPath = _path_params()

    def process(self):
        values, literal = self.path_values()
        for typed in values:
            for r in self.expand(cv.to_string(typed), literal):
                if not self.should_process(f"Item: {r.display}", "Invoke Item"):
                    continue
                self.write_error(self.error(
                    f"Cannot open '{r.display}': no application is associated with this file in pshim "
                    "(there is no Windows shell to start it).", "InvokeItemFailed", "InvalidOperation",
                    r.display, InvalidOperationException))


__all__ = ["GetChildItemCommand", "GetItemCommand", "NewItemCommand", "RemoveItemCommand", "CopyItemCommand",
           "MoveItemCommand", "RenameItemCommand", "InvokeItemCommand", "GetItemPropertyCommand", "SetItemCommand",
           "ClearItemCommand",
           "delete_path", "PREFIX", "parent_display"]
