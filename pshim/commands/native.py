"""Native programs found on PATH, run as PowerShell runs them: arguments as
text, each stdout line a string object, $LASTEXITCODE set, a non-zero exit
code makes $? false. Pipeline input is written to the program's stdin."""
from __future__ import annotations

import os
import shutil
import subprocess

from ..runtime import conversion as cv
from .discovery import PathCommandEntry
from .processor import CommandProcessor


class NativeEntry(PathCommandEntry):
    ps_type_names = ("System.Management.Automation.ApplicationInfo", "System.Management.Automation.CommandInfo",
                     "System.Object")
    kind = "native"
    CommandType = "Application"

    def ps_to_string(self):
        return self.Name


def find_native(name: str):
    if os.sep in name or "/" in name:
        return None
    path = shutil.which(name)
    return NativeEntry(path) if path else None


def _arg_text(v):
    from .pipeline import VerbatimArgument
    if isinstance(v, VerbatimArgument):
        import shlex
        try:
            return shlex.split(v, posix=True)
        except ValueError:
            return v.split()
    if isinstance(v, (list, tuple)):
        return [cv.to_string(x) for x in v]
    return [cv.to_string(v)]


class NativeProcessor(CommandProcessor):
    def __init__(self, ctx, info, args, cc, expects_input, invocation_name):
        super().__init__(ctx, info.Name, invocation_name, cc.extent if cc else None)
        self.info = info
        argv = [info.path]
        for a in args:
            if a.name is not None:
                argv.append("-" + a.name + (":" if a.colon else ""))
                if a.has_value and a.colon:
                    argv[-1] += cv.to_string(a.value)
            else:
                argv.extend(_arg_text(a.value))
        self.argv = argv
        self.input = [] if expects_input else None

    def process_record(self, obj):
        if not self.begun:
            self.begin()
        self.input.append(cv.to_string(obj))

    def end(self):
        data = None if self.input is None else ("\n".join(self.input) + "\n").encode()
        try:
            cwd = self.ctx.resolve_path(self.ctx.session.location)
            proc = subprocess.run(self.argv, input=data, stdout=subprocess.PIPE,
                                  stdin=None if data is not None else subprocess.DEVNULL,
                                  cwd=cwd if os.path.isdir(cwd) else None)
        except OSError as e:
            from ..errors import error_record
            self.write_error(error_record(str(e), "NativeCommandFailed", "ResourceUnavailable", self.info.Name))
            return
        text = proc.stdout.decode("utf-8", errors="replace")
        for line in text.splitlines():
            self.emit(line)
        self.ctx.session.set_exit_code(proc.returncode)
        if proc.returncode != 0:
            self.had_error = True
