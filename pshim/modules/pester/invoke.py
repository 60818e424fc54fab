"""Invoke-Pester: find the test files, discover and run them (engine.py), print what Pester 5 prints
(output.py), return the run with -PassThru."""
from __future__ import annotations

import os

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ExitSignal, ItemNotFoundException
from ...runtime import conversion as cv
from . import engine
from .output import Screen

VERBOSITIES = ("None", "Normal", "Detailed", "Diagnostic")


def _host_writer(cmdlet):
    from ...host.console import HostText

    def write(text):
        cmdlet.write_information(HostText(text), from_host=True)
    return write


def _strings(v):
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [cv.to_string(x) for x in v]
    return [cv.to_string(v)]


class InvokePesterCommand(Cmdlet):
    name = "Invoke-Pester"
    module_name = "Pester"
    synopsis = "Runs Pester tests: discovers the *.Tests.ps1 files of the paths given, runs them, reports."

    Path = Parameter("string[]", position=0, aliases=("Script",))
    ExcludePath = Parameter("string[]")
    TagFilter = Parameter("string[]", aliases=("Tag", "Tags"))
    ExcludeTagFilter = Parameter("string[]", aliases=("ExcludeTag",))
    FullNameFilter = Parameter("string[]")
    CI = Parameter("switch")
    Output = Parameter("string", validate_set=VERBOSITIES)
    PassThru = Parameter("switch")
    Configuration = Parameter("object")
    Container = Parameter("object[]")

    def end(self):
        from .configuration import settings_of
        cfg = settings_of(self.Configuration) if self.Configuration is not None else {}
        from .containers import containers_of
        infos = containers_of(self.Container) if self.Container is not None else cfg.get("Container") or []
        ready = [c.to_container() for c in infos]
        if self.Path is not None:
            paths = _strings(self.Path)
        else:
            paths = cfg.get("Path") or ([] if ready else ["."])
        exclude = _strings(self.ExcludePath) if self.ExcludePath is not None else cfg.get("ExcludePath") or []
        files = []
        for p in paths:
            found = engine.find_test_files(self.ctx, p)
            if not found:
                self.write_error(self.error(f"Cannot find path '{p}' because it does not exist.",
                                            "PathNotFound", "ObjectNotFound", p, ItemNotFoundException))
            files += found
        if exclude:
            from ...runtime.operators import wildcard_match
            files = [f for f in files if not any(wildcard_match(self.ctx.resolve_path(x), f) or
                                                 wildcard_match(x, f) for x in exclude)]
        files = list(dict.fromkeys(files))
        verbosity = cv.to_string(self.Output) if self.Output is not None else cfg.get("Verbosity", "Normal")
        screen = Screen(_host_writer(self), verbosity)
        tags = _strings(self.TagFilter) if self.TagFilter is not None else cfg.get("Tag")
        exclude_tags = _strings(self.ExcludeTagFilter) if self.ExcludeTagFilter is not None \
            else cfg.get("ExcludeTag")
        full = _strings(self.FullNameFilter) if self.FullNameFilter is not None else cfg.get("FullName")
        run = engine.run_all(self.ctx, files, screen, tags, exclude_tags, full,
                             configuration=self.Configuration, containers=ready,
                             should_continue=cv.to_string(cfg.get("ShouldErrorAction", "Stop")).lower() == "continue")
        exit_on_fail = bool(self.CI) or cfg.get("Exit", False)
        if bool(self.CI) or cfg.get("TestResultEnabled", False):
            from .reports import write_report
            write_report(self.ctx, run, cfg.get("TestResultPath") or "testResults.xml",
                         cfg.get("TestResultFormat") or "NUnitXml")
        failed = run.FailedCount + run.FailedBlocksCount + run.FailedContainersCount
        if (self.PassThru or cfg.get("PassThru", False)) and not (exit_on_fail and failed):
            self.write_object(run)
        if exit_on_fail:
            raise ExitSignal(failed)


def run_file_interactively(cmdlet):
    """A Describe met while a test file runs as a plain script: run that whole file through Pester once."""
    ext = cmdlet.processor.extent
    path = ext.path if ext is not None else None
    if not path or not os.path.isabs(path):
        from .blocks import _not_in_run
        raise _not_in_run(cmdlet.name)
    script_scope = cmdlet.ctx.scope.script_scope()
    marker = "__pshim_pester_file_ran"
    var = script_scope.vars.get(marker)
    if var is not None and var.value == path:
        return
    script_scope.set_local(marker, path)
    screen = Screen(_host_writer(cmdlet), "Normal")
    engine.run_all(cmdlet.ctx, [path], screen)
