"""Get-Location, Set-Location, Push-Location, Pop-Location.

The current location is kept as the user addressed it (`C:\\x` or a native
path) in session.location; relative paths resolve against it. The process
working directory is not changed (several sessions may share a process).
`cd -` / `cd +` are 7.x history features: in 5.1 `-` is an ordinary (missing)
path name.
"""
from __future__ import annotations

import os

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import DriveNotFoundException, PSArgumentException
from ...runtime import conversion as cv
from ...runtime.drives import PathInfo
from ...runtime.operators import has_wildcard
from .filesystem import FsCmdlet, strip_provider, glob, ci_existing

_NS = "Microsoft.PowerShell.Commands."


def _stacks(session):
    """The named location stacks (Push-Location -StackName), kept per session."""
    return session.state("management.location_stacks", dict)


def _stack(session, name):
    if not name or name.lower() == "default":
        return session.location_stack
    return _stacks(session).setdefault(name.lower(), [])


class _LocationCommand(FsCmdlet):
    def current(self) -> PathInfo:
        """PathInfo of the current location, shown the way it was addressed."""
        session = self.session
        loc = session.location or os.getcwd()
        try:
            r = self.resolve(loc)
        except DriveNotFoundException:
            return session.location_info()
        drive = session.drives.get(r.drive, self.ctx.scope) if r.drive else None
        return PathInfo(r.display, drive, r.os_path)

    def change_location(self, typed: str, literal: bool) -> bool:
        """Set the location; writes the error and returns False when it cannot."""
        session = self.session
        try:
            r = self.resolve(typed)
        except DriveNotFoundException as e:
            self.write_error(self.drive_error(e))
            return False
        if not literal and has_wildcard(strip_provider(typed)):
            hits = [h for h in glob(r.os_path, True) if os.path.isdir(h)]
            if len(hits) > 1:
                self.write_error(self.error(
                    f"Cannot set the location because path '{typed}' resolved to multiple containers. You can only "
                    "the set the same location to a single container.", "PathResolvedToMultiple",
                    "InvalidArgument", typed, PSArgumentException))
                return False
            if not hits:
                self.write_error(self.not_found(r.display))
                return False
            r = self.make(hits[0], r.drive)
        else:
            found = ci_existing(r.os_path)
            if found is None or not os.path.isdir(found):
                self.write_error(self.not_found(r.display))
                return False
            if found != r.os_path:
                r = self.make(found, r.drive)
        if not os.access(r.os_path, os.X_OK):
            from ...errors import UnauthorizedAccessException
            self.write_error(self.error(f"Access to the path '{r.display}' is denied.", "SetLocationUnauthorizedAccess",
                                        "PermissionDenied", r.display, UnauthorizedAccessException))
            return False
        session.location = r.display
        return True


class GetLocationCommand(_LocationCommand):
    name = "Get-Location"
    dotnet_type = _NS + "GetLocationCommand"
    default_parameter_set = "Location"
    synopsis = "Gets information about the current working location or a location stack."

    PSProvider = Parameter("string[]", parameter_set="Location", value_from_pipeline_by_property_name=True)
    PSDrive = Parameter("string[]", parameter_set="Location", value_from_pipeline_by_property_name=True)
    Stack = Parameter("switch", parameter_set="Stack")
    StackName = Parameter("string[]", parameter_set="Stack", value_from_pipeline_by_property_name=True)

    def process(self):
        if self.parameter_set_name == "Stack":
            names = self.StackName or [None]
            for n in names:
                stack = _stack(self.session, n)
                for p in reversed(stack):
                    self.write_object(PathInfo(p))
            return
        self.write_object(self.current())


class SetLocationCommand(_LocationCommand):
    name = "Set-Location"
    dotnet_type = _NS + "SetLocationCommand"
    default_parameter_set = "Path"
    synopsis = "Sets the current working location to a specified location."

    Path = Parameter("string", sets=[ParameterSetData("Path", position=0, from_pipeline=True,
                                                      from_pipeline_by_name=True)])
    LiteralPath = Parameter("string", aliases=("PSPath",), sets=[
        ParameterSetData("LiteralPath", mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("Path", from_pipeline_by_name=True)])
    PassThru = Parameter("switch")
    StackName = Parameter("string", parameter_set="Stack", value_from_pipeline_by_property_name=True)

    def process(self):
        if self.parameter_set_name == "Stack":
            _stacks(self.session)["__default__"] = self.StackName
            return
        lit = self.LiteralPath
        typed, literal = (lit, True) if lit is not None else (self.Path, False)
        if typed is None:
            # 5.1: Set-Location without a path stays where it is
            if self.PassThru:
                self.write_object(self.current())
            return
        if self.change_location(cv.to_string(typed), literal) and self.PassThru:
            self.write_object(self.current())


class PushLocationCommand(_LocationCommand):
    name = "Push-Location"
    dotnet_type = _NS + "PushLocationCommand"
    default_parameter_set = "Path"
    synopsis = "Adds the current location to the top of a location stack."

    Path = Parameter("string", sets=[ParameterSetData("Path", position=0, from_pipeline=True,
                                                      from_pipeline_by_name=True)])
    LiteralPath = Parameter("string", aliases=("PSPath",), sets=[
        ParameterSetData("LiteralPath", mandatory=True, from_pipeline_by_name=True),
        ParameterSetData("Path", from_pipeline_by_name=True)])
    PassThru = Parameter("switch")
    StackName = Parameter("string", value_from_pipeline_by_property_name=True)

    def process(self):
        _stack(self.session, self.StackName).append(self.current().Path)
        lit = self.LiteralPath
        typed, literal = (lit, True) if lit is not None else (self.Path, False)
        if typed is not None:
            if not self.change_location(cv.to_string(typed), literal):
                return
        if self.PassThru:
            self.write_object(self.current())


class PopLocationCommand(_LocationCommand):
    name = "Pop-Location"
    dotnet_type = _NS + "PopLocationCommand"
    synopsis = "Changes the current location to the location most recently pushed onto the stack."

    PassThru = Parameter("switch")
    StackName = Parameter("string", value_from_pipeline_by_property_name=True)

    def process(self):
        stack = _stack(self.session, self.StackName)
        if not stack:
            if self.StackName and self.StackName.lower() != "default":
                self.write_error(self.error(f"Cannot find location stack '{self.StackName}'. It does not exist or it "
                                            "is not a container.", "Argument", "InvalidArgument", self.StackName,
                                            PSArgumentException))
            return
        target = stack.pop()
        if self.change_location(target, True) and self.PassThru:
            self.write_object(self.current())
