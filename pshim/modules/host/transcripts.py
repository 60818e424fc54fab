"""Microsoft.PowerShell.Host: Start-Transcript and Stop-Transcript. The running transcripts are declared
session state (`host.transcripts`); `transcript_command_line` writes -IncludeInvocationHeader's header for
each line typed at the prompt (the manifest's COMMAND_LINE_HOOKS)."""
from __future__ import annotations

import datetime as _dt
import os
import random as _random
import socket
import stat

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import InvalidOperationException, PSInvalidOperationException as PSInvalidOperation
from ...runtime import conversion as cv
from ...runtime.psobject import Hashtable

_NS = "Microsoft.PowerShell.Commands."


class _Transcript:
    """One running transcript: the host hands it a copy of what it writes (HostBase.add_transcript)
    until Stop-Transcript takes it off."""

    def __init__(self, path, invocation_header=False):
        self.path = path
        self.active = True
        self.invocation_header = invocation_header    # -IncludeInvocationHeader

    def append(self, text):
        if not self.active:
            return
        try:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            pass


def _transcripts(session) -> list:
    return session.state("host.transcripts", list)


def transcript_command_line(session, text):
    """-IncludeInvocationHeader: before each command typed at the prompt, the time it started and the
    command line."""
    running = [t for t in _transcripts(session) if t.active and t.invocation_header]
    if not running:
        return
    now = _dt.datetime.now().strftime("%Y%m%d%H%M%S")
    header = f"**********************\nCommand start time: {now}\n**********************\nPS>{text}\n"
    for t in running:
        t.append(header)


def _install(session, t: _Transcript):
    session.host.add_transcript(t.append)


def _uninstall(session, t: _Transcript):
    t.active = False
    session.host.remove_transcript(t.append)


class StartTranscriptCommand(Cmdlet):
    name = "Start-Transcript"
    dotnet_type = _NS + "StartTranscriptCommand"
    module_name = "Microsoft.PowerShell.Host"
    supports_should_process = True
    default_parameter_set = "ByPath"
    synopsis = "Creates a record of all or part of a PowerShell session to a text file."

    Path = Parameter("string", position=0, parameter_set="ByPath")
    LiteralPath = Parameter("string", parameter_set="ByLiteralPath", aliases=("PSPath",))
    OutputDirectory = Parameter("string", parameter_set="ByOutputDirectory")
    Append = Parameter("switch")
    Force = Parameter("switch")
    NoClobber = Parameter("switch", aliases=("NoOverwrite",))
    IncludeInvocationHeader = Parameter("switch")

    def _default_path(self, folder=None):
        r"""5.1's default: Documents\PowerShell_transcript.<MACHINE>.<8 random>.<yyyyMMddHHmmss>.txt"""
        alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
        rnd = "".join(_random.choice(alphabet) for _ in range(8))
        machine = socket.gethostname().split(".")[0].upper()
        fname = f"PowerShell_transcript.{machine}.{rnd}.{_dt.datetime.now().strftime('%Y%m%d%H%M%S')}.txt"
        if folder is None:
            home = cv.to_string(self.ctx.get_variable("HOME") or os.path.expanduser("~"))
            folder = os.path.join(home, "Documents")
        return os.path.join(folder, fname)

    def process(self):
        from ...runtime.drives import display_path
        session = self.ctx.session
        if self.LiteralPath is not None:
            typed = cv.to_string(self.LiteralPath)
            path = self.ctx.resolve_path(typed)
        elif self.Path is not None:
            typed = cv.to_string(self.Path)
            path = self.ctx.resolve_path(typed)
        elif self.OutputDirectory is not None:
            path = self._default_path(self.ctx.resolve_path(cv.to_string(self.OutputDirectory)))
        else:
            path = self._default_path()
        shown = display_path(path)
        if not self.should_process(shown, "Start-Transcript"):
            return
        if os.path.exists(path) and self.NoClobber and not self.Append:
            raise self.terminating_error(self.error(
                f"The file '{shown}' already exists.", "NoClobber", "ResourceExists", shown, InvalidOperationException))
        try:
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            if os.path.isfile(path) and not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
                # a read-only file (no write bit, whoever runs the shell): -Force makes it writable
                if not self.Force:
                    raise PermissionError(13, f"Access to the path '{shown}' is denied.")
                os.chmod(path, os.stat(path).st_mode | stat.S_IWUSR)
            mode = "a" if self.Append else "w"
            host_info = session.global_scope.lookup("psversiontable")
            with open(path, mode, encoding="utf-8") as fh:
                fh.write(self._start_header(host_info.value if host_info else None))
        except OSError as e:
            raise self.terminating_error(self.error(
                f"Transcription cannot be started due to the error: {e.strerror or e}", "CannotStartTranscription",
                "InvalidOperation", None, InvalidOperationException))
        t = _Transcript(path, bool(self.IncludeInvocationHeader))
        _transcripts(session).append(t)
        _install(session, t)
        self.write_object(f"Transcript started, output file is {shown}")

    def _start_header(self, table):
        import getpass
        now = _dt.datetime.now().strftime("%Y%m%d%H%M%S")
        try:
            user = getpass.getuser()
        except Exception:   # no user name in this environment
            user = "user"
        machine = socket.gethostname().split(".")[0].upper()
        domain = machine
        lines = ["**********************", "Windows PowerShell transcript start", f"Start time: {now}",
                 f"Username: {domain}\\{user}", f"RunAs User: {domain}\\{user}", "Configuration Name: ",
                 f"Machine: {machine} (Microsoft Windows NT 10.0.19041.0)",
                 "Host Application: C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
                 f"Process ID: {os.getpid()}"]
        if isinstance(table, Hashtable):
            for k, v in table.items():
                if isinstance(v, (list, tuple)):
                    v = ", ".join(cv.to_string(x) for x in v)
                lines.append(f"{k}: {cv.to_string(v)}")
        lines.append("**********************")
        return "\n".join(lines) + "\n"


class StopTranscriptCommand(Cmdlet):
    name = "Stop-Transcript"
    dotnet_type = _NS + "StopTranscriptCommand"
    module_name = "Microsoft.PowerShell.Host"
    synopsis = "Stops a transcript."

    def process(self):
        from ...runtime.drives import display_path
        session = self.ctx.session
        stack = _transcripts(session)
        if not stack:
            raise self.terminating_error(self.error(
                "An error occurred stopping transcription: The host is not currently transcribing.",
                "InvalidOperation", "InvalidOperation", None, PSInvalidOperation))
        t = stack.pop()
        now = _dt.datetime.now().strftime("%Y%m%d%H%M%S")
        t.append(f"**********************\nWindows PowerShell transcript end\nEnd time: {now}\n"
                 "**********************\n")
        _uninstall(session, t)
        self.write_object(f"Transcript stopped, output file is {display_path(t.path)}")
