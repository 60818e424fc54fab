"""Test-Path, Join-Path, Split-Path, Resolve-Path.

Separators: a drive-qualified (Windows-style) path is joined and split with
`\\`; a native path with `/`. A relative path takes the style of the current
location.
"""
from __future__ import annotations

import os

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import DriveNotFoundException, PSArgumentException
from ...runtime import conversion as cv
from ...runtime.drives import PathInfo
from ...runtime.operators import has_wildcard
from .filesystem import (FsCmdlet, strip_provider, explicit_drive, is_drive_form, glob, ci_existing, is_hidden,
                         name_matches, filter_pattern)

_NS = "Microsoft.PowerShell.Commands."
_INVALID = set('"<>|\0') | {chr(i) for i in range(1, 32)}


def _sep_for(cmdlet, text: str) -> str:
    t = strip_provider(text)
    if is_drive_form(t) or "\\" in t:
        return "\\"
    if "/" in t:
        return "/"
    loc = cmdlet.session.location or ""
    return "\\" if is_drive_form(loc) else "/"


def _path_sets(set_name="Path", literal_set="LiteralPath", by_value=True, mandatory=True):
    path = Parameter("string[]", sets=[ParameterSetData(set_name, position=0, mandatory=mandatory,
                                                        from_pipeline=by_value, from_pipeline_by_name=True)])
    lit = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData(literal_set, mandatory=True, from_pipeline_by_name=True),
        ParameterSetData(set_name, from_pipeline_by_name=True)])
    return path, lit


# ---------------------------------------------------------------------------
# Test-Path

class TestPathCommand(FsCmdlet):
    name = "Test-Path"
    dotnet_type = _NS + "TestPathCommand"
    default_parameter_set = "Path"
    synopsis = "Determines whether all elements of a path exist."

    Path, LiteralPath = _path_sets()
    Filter = Parameter("string")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")
    PathType = Parameter("string", aliases=("Type",), validate_set=("Container", "Leaf", "Any"))
    IsValid = Parameter("switch")
    OlderThan = Parameter("datetime")
    NewerThan = Parameter("datetime")

    def process(self):
        values, literal = self.path_values()
        for typed in values:
            self.write_object(self._test(cv.to_string(typed), literal))

    def _test(self, typed, literal) -> bool:
        if typed == "":
            return False
        text = strip_provider(typed)
        if self.IsValid:
            if any(c in _INVALID for c in text):
                return False
            name = explicit_drive(text)
            if name is not None and self.session.drives.get(name, self.ctx.scope) is None:
                return False
            return True
        try:
            r = self.resolve(typed)
        except DriveNotFoundException:
            return False
        except Exception:   # an unusable path does not exist
            return False
        if not literal and has_wildcard(text):
            hits = glob(r.os_path, True)
        else:
            found = ci_existing(r.os_path)
            hits = [found] if found else []
        return any(self._ok(h) for h in hits)

    def _ok(self, path) -> bool:
        name = os.path.basename(path)
        if self.Filter and not name_matches(name, [filter_pattern(self.Filter)]):
            return False
        if self.Include and not name_matches(name, self.Include):
            return False
        if self.Exclude and name_matches(name, self.Exclude):
            return False
        kind = (self.PathType or "Any").lower()
        isdir = os.path.isdir(path)
        if kind == "container" and not isdir:
            return False
        if kind == "leaf" and isdir:
            return False
        if self.OlderThan is not None or self.NewerThan is not None:
            import datetime as _dt
            try:
                mtime = _dt.datetime.fromtimestamp(os.stat(path).st_mtime)
            except OSError:
                return False
            if self.OlderThan is not None and not mtime < self.OlderThan:
                return False
            if self.NewerThan is not None and not mtime > self.NewerThan:
                return False
        return True


# ---------------------------------------------------------------------------
# Join-Path

class JoinPathCommand(FsCmdlet):
    name = "Join-Path"
    dotnet_type = _NS + "JoinPathCommand"
    synopsis = "Combines a path and a child path into a single path."

    Path = Parameter("string[]", position=0, mandatory=True, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, aliases=("PSPath",))
    ChildPath = Parameter("string", position=1, mandatory=True, value_from_pipeline_by_property_name=True,
                          allow_null=True, allow_empty_string=True)
    Resolve = Parameter("switch")

    def process(self):
        for p in self.Path or []:
            p = cv.to_string(p)
            name = explicit_drive(strip_provider(p))
            if name is not None and self.session.drives.get(name, self.ctx.scope) is None:
                self.write_error(self.error(f"Cannot find drive. A drive with the name '{name}' does not exist.",
                                            "DriveNotFound", "ObjectNotFound", name, DriveNotFoundException))
                continue
            joined = self.join(p, cv.to_string(self.ChildPath) if self.ChildPath is not None else "")
            if not self.Resolve:
                self.write_object(joined)
                continue
            hits = self.expand(joined, False, False, report=True, report_empty_glob=True)
            for r in hits:
                self.write_object(r.display)

    def join(self, parent: str, child: str) -> str:
        sep = _sep_for(self, parent)
        other = "/" if sep == "\\" else "\\"
        child = child.replace(other, sep)
        parent_n = parent.replace(other, sep) if sep == "\\" or is_drive_form(parent) else parent
        if not child:
            return parent_n
        if not parent_n:
            return child
        if parent_n.endswith(sep) and child.startswith(sep):
            return parent_n + child[1:]
        if parent_n.endswith(sep) or child.startswith(sep):
            return parent_n + child
        return parent_n + sep + child


# ---------------------------------------------------------------------------
# Split-Path

class SplitPathCommand(FsCmdlet):
    name = "Split-Path"
    dotnet_type = _NS + "SplitPathCommand"
    default_parameter_set = "ParentSet"
    synopsis = "Returns the specified part of a path."

    Path = Parameter("string[]", sets=[
        ParameterSetData(s, position=0, mandatory=True, from_pipeline=True, from_pipeline_by_name=True)
        for s in ("ParentSet", "LeafSet", "QualifierSet", "NoQualifierSet", "IsAbsoluteSet")])
    LiteralPath = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData(s, mandatory=True, from_pipeline_by_name=True)
        for s in ("LiteralPathSet",)])
    Parent = Parameter("switch", parameter_set="ParentSet")
    Leaf = Parameter("switch", sets=[ParameterSetData("LeafSet", mandatory=True)])
    Qualifier = Parameter("switch", sets=[ParameterSetData("QualifierSet", mandatory=True)])
    NoQualifier = Parameter("switch", sets=[ParameterSetData("NoQualifierSet", mandatory=True)])
    IsAbsolute = Parameter("switch", sets=[ParameterSetData("IsAbsoluteSet", mandatory=True)])
    Resolve = Parameter("switch")

    def process(self):
        values, literal = self.path_values()
        for p in values:
            p = cv.to_string(p)
            if self.Resolve:
                hits = self.expand(p, literal, False, report=True, report_empty_glob=True)
                texts = [r.display for r in hits]
            else:
                texts = [p]
            for t in texts:
                out = self.split(t)
                if out is not None:
                    self.write_object(out)

    def split(self, path: str):
        text = strip_provider(path)
        drive_form = is_drive_form(text) or "\\" in text
        sep = "\\" if drive_form else "/"
        if self.IsAbsolute:
            return is_drive_form(text) or text.startswith(("/", "\\", "~"))
        if self.Qualifier or self.NoQualifier:
            i = text.find(":")
            has_q = i > 0 and explicit_drive(text[:i + 1]) is not None
            if self.Qualifier:
                if not has_q:
                    self.write_error(self.error(
                        f"Cannot parse path because path '{path}' does not have a qualifier specified.",
                        "ParsePathFailed", "InvalidArgument", path, PSArgumentException))
                    return None
                return text[:i + 1]
            return text[i + 1:] if has_q else text
        if self.Leaf:
            body = text.rstrip("\\/") if len(text.rstrip("\\/")) else text
            if is_drive_form(body) and body.endswith(":"):
                return ""
            for s in ("\\", "/"):
                body = body.replace(s, "\0")
            return body.rsplit("\0", 1)[-1]
        # parent
        if not text:
            return ""
        norm = text.replace("/", "\\") if drive_form else text.replace("\\", "/")
        trimmed = norm.rstrip(sep)
        if not trimmed:
            return ""
        if is_drive_form(text) and trimmed.endswith(":"):
            return ""
        i = trimmed.rfind(sep)
        if i < 0:
            return ""
        head = trimmed[:i]
        if head == "" and sep == "/":
            return "/"
        if head == "" and sep == "\\":
            return "\\"
        if head.endswith(":"):
            return head + "\\"
        return head


# ---------------------------------------------------------------------------
# Resolve-Path

class ResolvePathCommand(FsCmdlet):
    name = "Resolve-Path"
    dotnet_type = _NS + "ResolvePathCommand"
    default_parameter_set = "Path"
    synopsis = "Resolves the wildcard characters in a path, and displays the path contents."

    Path, LiteralPath = _path_sets()
    Relative = Parameter("switch")

    def process(self):
        values, literal = self.path_values()
        for typed in values:
            typed = cv.to_string(typed)
            hits = self.expand(typed, literal, False, report=True, report_empty_glob=True)
            for r in hits:
                if self.Relative:
                    self.write_object(self.relative(r))
                else:
                    drive = self.session.drives.get(r.drive, self.ctx.scope) if r.drive else None
                    self.write_object(PathInfo(r.display, drive, r.os_path))

    def relative(self, r) -> str:
        loc = self.resolve(self.session.location or os.getcwd())
        rel = os.path.relpath(r.os_path, loc.os_path)
        sep = "\\" if is_drive_form(r.display) else "/"
        rel = rel.replace("/", sep)
        if rel == ".":
            return "." + sep
        if rel.startswith(".."):
            return rel
        return "." + sep + rel


__all__ = ["TestPathCommand", "JoinPathCommand", "SplitPathCommand", "ResolvePathCommand", "is_hidden"]
