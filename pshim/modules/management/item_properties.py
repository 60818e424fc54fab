"""Item property cmdlets on the FileSystem provider: Get-ItemPropertyValue, Set-ItemProperty,
New-ItemProperty (Get-ItemProperty is in items.py).

What 5.1's FileSystem provider lets a script set, and what this system can do of it:
- IsReadOnly (files), and the ReadOnly attribute: the owner's write permission (chmod), as pshim reads it.
- LastWriteTime, LastAccessTime and their Utc forms: the file's times (os.utime).
- CreationTime(Utc): this system keeps no settable creation time: an error record says so.
- Attributes: 5.1 accepts only Archive, Hidden, Normal, ReadOnly and System (its own error for the rest).
  Archive and Normal change nothing here; Hidden is a name starting with a dot on this system, so it can
  only be set as the name already says; System does not exist here: both otherwise an error record.
- Any other existing property is read-only (5.1's "is a ReadOnly property" error); an unknown one is an error.
New-ItemProperty needs a provider with dynamic properties (in 5.1 the registry): on the FileSystem it is
5.1's "IDynamicPropertyCmdletProvider interface is not implemented" error. Registry paths (HKLM:, HKCU:,
Registry::) get registry.py's error.
"""
from __future__ import annotations

import datetime as _dt
import os
import stat

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import (PSArgumentException, PSNotSupportedException, SetValueInvocationException, IOException,
                       PSInvalidCastException, PSException)
from ...runtime import conversion as cv
from ...runtime.members import get_property, _MISSING
from ...runtime.psobject import PSObject, unwrap
from ...runtime.types import convert_to
from .filesystem import FsCmdlet, is_hidden, passes_filters
from .registry import registry_error

_NS = "Microsoft.PowerShell.Commands."
_PS_PROPS = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider")

# FileAttributes names and values (System.IO.FileAttributes)
FILE_ATTRIBUTES = {"readonly": ("ReadOnly", 0x1), "hidden": ("Hidden", 0x2), "system": ("System", 0x4),
                   "directory": ("Directory", 0x10), "archive": ("Archive", 0x20), "device": ("Device", 0x40),
                   "normal": ("Normal", 0x80), "temporary": ("Temporary", 0x100), "sparsefile": ("SparseFile", 0x200),
                   "reparsepoint": ("ReparsePoint", 0x400), "compressed": ("Compressed", 0x800),
                   "offline": ("Offline", 0x1000), "notcontentindexed": ("NotContentIndexed", 0x2000),
                   "encrypted": ("Encrypted", 0x4000), "integritystream": ("IntegrityStream", 0x8000),
                   "noscrubdata": ("NoScrubData", 0x20000)}
_SETTABLE_ATTRIBUTES = 0x1 | 0x2 | 0x4 | 0x20 | 0x80
_TIMES = {"lastwritetime": ("LastWriteTime", "m", False), "lastwritetimeutc": ("LastWriteTimeUtc", "m", True),
          "lastaccesstime": ("LastAccessTime", "a", False), "lastaccesstimeutc": ("LastAccessTimeUtc", "a", True)}


class PropertyError(PSException):
    """A property that cannot be set, with its error record's parts."""

    def __init__(self, message, error_id, category, exc_class):
        super().__init__(message)
        self.parts = (message, error_id, category, exc_class)


def path_params(set_suffix=""):
    path = Parameter("string[]", sets=[ParameterSetData("Path" + set_suffix, position=0, mandatory=True,
                                                        from_pipeline_by_name=True)])
    literal = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData("LiteralPath" + set_suffix, mandatory=True, from_pipeline_by_name=True)])
    return path, literal


class _ItemPropertyCmdlet(FsCmdlet):
    """Selecting the items -Path/-LiteralPath name (wildcards, -Filter/-Include/-Exclude; registry paths
    refused)."""
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")

    def items(self):
        values, literal = self.path_values()
        for typed in values:
            typed = cv.to_string(typed)
            rec = registry_error(self, typed)
            if rec is not None:
                self.write_error(rec)
                continue
            for r in self.expand(typed, literal, report_empty_glob=False):
                if passes_filters(os.path.basename(r.os_path), self.Filter, self.Include, self.Exclude):
                    yield r


# ---------------------------------------------------------------------------
# Get-ItemPropertyValue

class GetItemPropertyValueCommand(_ItemPropertyCmdlet):
    name = "Get-ItemPropertyValue"
    dotnet_type = _NS + "GetItemPropertyValueCommand"
    default_parameter_set = "Path"
    synopsis = "Gets the value for one or more properties of a specified item."

    Path = Parameter("string[]", sets=[ParameterSetData("Path", position=0, from_pipeline_by_name=True)])
    LiteralPath = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData("LiteralPath", mandatory=True, from_pipeline_by_name=True)])
    Name = Parameter("string[]", position=1, mandatory=True, aliases=("PSProperty",))

    def process(self):
        values, _ = self.path_values()
        if not values:
            self.Path = [self.session.location or "."]
        for r in self.items():
            item = self.item(r)
            for n in self.Name:
                n = cv.to_string(n)
                v = get_property(item, n, _MISSING)
                if v is _MISSING:
                    self.write_error(self.error(f"Property {n} does not exist at path {r.display}.",
                                                "System.Management.Automation.PSArgumentException",
                                                "InvalidArgument", n, PSArgumentException))
                    continue
                self.write_object(v)


# ---------------------------------------------------------------------------
# Set-ItemProperty

def parse_attributes(value) -> int:
    """A FileAttributes value from an enum name list ("ReadOnly, Hidden"), a number or an attributes text."""
    v = unwrap(value)
    if isinstance(v, bool):
        raise cv.cast_error(value, "System.IO.FileAttributes")
    if isinstance(v, int):
        return int(v)
    text = cv.to_string(v).strip()
    if text.lstrip("-").isdigit():
        return int(text)
    flags = 0
    for part in text.split(","):
        key = part.strip().lower()
        if key not in FILE_ATTRIBUTES:
            names = ", ".join(n for n, _ in FILE_ATTRIBUTES.values())
            raise PSInvalidCastException(
                f'Cannot convert value "{text}" to type "System.IO.FileAttributes". Error: "Unable to match the '
                f'identifier name {part.strip()} to a valid enumerator name. Specify one of the following enumerator '
                f'names and try again:\n{names}"')
        flags |= FILE_ATTRIBUTES[key][1]
    return flags


def _set_read_only(os_path: str, on: bool):
    mode = os.stat(os_path).st_mode
    if on:
        mode &= ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    else:
        mode |= stat.S_IWUSR
    os.chmod(os_path, stat.S_IMODE(mode))


def _timestamp(value, utc: bool) -> float:
    d = convert_to(value, "datetime")
    if d.tzinfo is not None:
        return d.timestamp()
    if utc:
        return d.replace(tzinfo=_dt.timezone.utc).timestamp()
    return d.timestamp()


def set_file_property(item, display: str, name: str, value):
    """Set one property of a FileInfo/DirectoryInfo on this system; returns the property's 5.1 name.
    Raises PropertyError."""
    os_path = item.os_path
    key = name.lower()
    if key == "isreadonly" and not item.PSIsContainer:
        _set_read_only(os_path, bool(convert_to(value, "bool")))
        return "IsReadOnly"
    if key in _TIMES:
        label, which, utc = _TIMES[key]
        ts = _timestamp(value, utc)
        st = os.stat(os_path)
        times = (ts, st.st_mtime) if which == "a" else (st.st_atime, ts)
        os.utime(os_path, times)
        return label
    if key in ("creationtime", "creationtimeutc"):
        label = "CreationTime" if key == "creationtime" else "CreationTimeUtc"
        raise PropertyError(f"The {label} of '{display}' cannot be set: this system keeps no creation time that "
                            "can be changed.", "NotSupported", "NotImplemented", PSNotSupportedException)
    if key == "attributes":
        _set_attributes(item, display, parse_attributes(value))
        return "Attributes"
    if get_property(item, name, _MISSING) is _MISSING:
        raise PropertyError(f"The property '{name}' does not exist or was not found.", "SetPropertyError",
                            "InvalidArgument", PSArgumentException)
    raise PropertyError(f"'{name}' is a ReadOnly property.", "SetPropertyError", "InvalidOperation",
                        SetValueInvocationException)


def _set_attributes(item, display, flags):
    if flags & ~_SETTABLE_ATTRIBUTES:
        raise PropertyError("The attribute cannot be set because attributes are not supported. Only the following "
                            "attributes can be set: Archive, Hidden, Normal, ReadOnly, or System.",
                            "SetPropertyError", "InvalidArgument", IOException)
    if flags & 0x4:
        raise PropertyError(f"The System attribute of '{display}' cannot be set: this system has no system "
                            "attribute.", "NotSupported", "NotImplemented", PSNotSupportedException)
    hidden = bool(flags & 0x2)
    if hidden != is_hidden(item.Name):
        state = "set" if hidden else "cleared"
        raise PropertyError(f"The Hidden attribute of '{display}' cannot be {state}: on this system an item is "
                            "hidden when its name starts with a dot; rename it instead.", "NotSupported",
                            "NotImplemented", PSNotSupportedException)
    _set_read_only(item.os_path, bool(flags & 0x1))


class SetItemPropertyCommand(_ItemPropertyCmdlet):
    name = "Set-ItemProperty"
    dotnet_type = _NS + "SetItemPropertyCommand"
    default_parameter_set = "propertyValuePathSet"
    supports_should_process = True
    synopsis = "Creates or changes the value of a property of an item."

    Path = Parameter("string[]", sets=[
        ParameterSetData("propertyValuePathSet", position=0, mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("propertyPSObjectPathSet", position=0, mandatory=True, from_pipeline_by_name=True)])
    LiteralPath = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData("propertyValueLiteralPathSet", mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("propertyPSObjectLiteralPathSet", mandatory=True, from_pipeline_by_name=True)])
    Name = Parameter("string", aliases=("PSProperty",), sets=[
        ParameterSetData("propertyValuePathSet", position=1, mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("propertyValueLiteralPathSet", position=1, mandatory=True, from_pipeline_by_name=True)])
    Value = Parameter("object", allow_null=True, sets=[
        ParameterSetData("propertyValuePathSet", position=2, from_pipeline_by_name=True),
        ParameterSetData("propertyValueLiteralPathSet", position=2, from_pipeline_by_name=True)])
    InputObject = Parameter("psobject", sets=[
        ParameterSetData("propertyPSObjectPathSet", mandatory=True, from_pipeline=True, from_pipeline_by_name=True),
        ParameterSetData("propertyPSObjectLiteralPathSet", mandatory=True, from_pipeline=True,
                         from_pipeline_by_name=True)])
    PassThru = Parameter("switch")

    def _changes(self):
        if self.parameter_set_name.startswith("propertyPSObject"):
            obj = self.InputObject
            from ...runtime.members import properties
            return [(n, v) for n, v in properties(obj)]
        return [(cv.to_string(self.Name), self.Value)]

    def process(self):
        changes = self._changes()
        for r in self.items():
            item = self.item(r)
            result = PSObject()
            for name, value in changes:
                if not self.should_process(f"Item: {r.display} Property: {name}", "Set Property"):
                    continue
                try:
                    label = set_file_property(item, r.display, name, value)
                except PropertyError as e:
                    message, error_id, category, exc_class = e.parts
                    self.write_error(self.error(message, error_id, category, r.display, exc_class))
                    continue
                except PSException as e:
                    self.write_error(self.error(e.message, "SetPropertyError", "InvalidArgument", r.display,
                                                type(e)))
                    continue
                except OSError as e:
                    self.write_error(self._os_error(e, r.display))
                    continue
                item.Refresh()
                result.add_note(label, get_property(item, label, None))
            if self.PassThru and result.members:
                for n in _PS_PROPS:
                    result.add_note(n, getattr(item, n))
                self.write_object(result)

    def _os_error(self, e, display):
        if isinstance(e, PermissionError):
            from ...errors import UnauthorizedAccessException
            return self.error(f"Access to the path '{display}' is denied.", "SetPropertyUnauthorizedAccessError",
                              "PermissionDenied", display, UnauthorizedAccessException)
        return self.error((e.strerror or str(e)).rstrip(".") + ".", "SetPropertyIOError", "WriteError", display,
                          IOException)


# ---------------------------------------------------------------------------
# New-ItemProperty

class NewItemPropertyCommand(_ItemPropertyCmdlet):
    name = "New-ItemProperty"
    dotnet_type = _NS + "NewItemPropertyCommand"
    default_parameter_set = "Path"
    supports_should_process = True
    synopsis = "Creates a new property for an item and sets its value."

    Path, LiteralPath = path_params()
    # the property the provider would create; the FileSystem provider has no dynamic properties, so the
    # error record names it as its target
    Name = Parameter("string", position=1, mandatory=True, aliases=("PSProperty",),
                     value_from_pipeline_by_property_name=True)
    PropertyType = Parameter("string", aliases=("Type",), value_from_pipeline_by_property_name=True)
    Value = Parameter("object", value_from_pipeline_by_property_name=True)
    Force = Parameter("switch")

    def process(self):
        name = cv.to_string(self.Name)
        for r in self.items():
            self.new_property(r, name, self.PropertyType, self.Value, bool(self.Force))

    def new_property(self, r, name, property_type, value, force):
        """The provider's NewProperty. Only a provider with dynamic properties (the registry in 5.1: a value
        of a kind named by -PropertyType, replaced when -Force is given) can create one; the FileSystem
        provider cannot, for any type, value or -Force, and says so naming the property."""
        self.write_error(self.error(
            "Cannot use interface. The IDynamicPropertyCmdletProvider interface is not implemented by this "
            "provider.", "NotSupported", "NotImplemented", name, PSNotSupportedException))
