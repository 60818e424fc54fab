"""Get-Process, Stop-Process, Start-Process: processes of this machine as 5.1's Process objects.

Read from /proc (no psutil): Id, ProcessName (the executable's name), Handles (open file descriptors,
0 where /proc does not let us see them), WS (resident set), PM (private data), VM (virtual size), NPM
(always 0: Linux has no non-paged pool), CPU (user + system seconds), SI (the login session, 0 for none),
StartTime, Path. A Process object reads /proc when it is made (Refresh() reads it again), as .NET's
Process caches its snapshot.

Start-Process runs a program with its arguments joined into one command line, as 5.1 does, then split
into argv by the Windows rules (spaces separate, double quotes group). Without -NoNewWindow a program
would get a console window of its own on Windows; pshim has none to give, so the program's standard
streams are then not connected to this console (redirect them to keep its output).
"""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import signal
import subprocess

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import InvalidOperationException, RuntimeException, _exc
from ...runtime.conversion import to_string
from ...runtime.psobject import DotNetObject, Int64
from ...runtime.wildcard import has_wildcard, wildcard_match

_NS = "Microsoft.PowerShell.Commands."
_MGMT = "Microsoft.PowerShell.Management"
ProcessCommandException = _exc("ProcessCommandException", _NS + "ProcessCommandException", RuntimeException)

_CLK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _boot_time():
    try:
        with open("/proc/stat") as f:
            for line in f:
                if line.startswith("btime "):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _read(path, mode="r"):
    try:
        with open(path, mode) as f:
            return f.read()
    except OSError:
        return None


def all_pids():
    try:
        return sorted(int(n) for n in os.listdir("/proc") if n.isdigit())
    except OSError:
        return []


class Process(DotNetObject):
    """System.Diagnostics.Process, from /proc/<pid>."""

    ps_type_names = ("System.Diagnostics.Process", "System.ComponentModel.Component", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = ("Handles", "Name", "NPM", "PM", "SI", "VM", "WS", "Path", "CPU", "Id", "ProcessName",
                     "HandleCount", "SessionId", "StartTime", "HasExited", "ExitCode", "WorkingSet64",
                     "VirtualMemorySize64", "PrivateMemorySize64", "PagedMemorySize64",
                     "NonpagedSystemMemorySize64", "TotalProcessorTime", "UserProcessorTime",
                     "PrivilegedProcessorTime", "MainWindowTitle", "Responding", "CommandLine", "Threads")
    ps_methods = ("Kill", "Refresh", "WaitForExit", "CloseMainWindow")

    def __init__(self, pid, popen=None):
        self.Id = int(pid)
        self.popen = popen          # set for a process Start-Process started (its exit code)
        self.Refresh()

    def Refresh(self):
        pid = self.Id
        stat = _read(f"/proc/{pid}/stat")
        self._exists = stat is not None
        self._status = {}
        if stat is None:
            self._stat = []
            return
        self._comm = stat[stat.index("(") + 1:stat.rindex(")")]
        self._stat = stat[stat.rindex(")") + 2:].split()
        if self._stat and self._stat[0] in ("Z", "X"):     # it has exited (not yet reaped): not listed
            self._exists = False
            return
        for line in (_read(f"/proc/{pid}/status") or "").splitlines():
            k, _, v = line.partition(":")
            self._status[k] = v.strip()
        raw = _read(f"/proc/{pid}/cmdline", "rb") or b""
        self._argv = [a.decode("utf-8", "replace") for a in raw.split(b"\0") if a]
        try:
            self._path = os.readlink(f"/proc/{pid}/exe")
        except OSError:
            self._path = None
        try:
            self._handles = len(os.listdir(f"/proc/{pid}/fd"))
        except OSError:
            self._handles = 0

    @property
    def owner_uid(self):
        try:
            return int(self._status.get("Uid", "").split()[0])
        except (ValueError, IndexError):
            return None

    def _kb(self, key):
        v = self._status.get(key, "0 kB").split()
        try:
            return Int64(int(v[0]) * 1024)
        except (ValueError, IndexError):
            return Int64(0)

    def _ticks(self, i):
        try:
            return int(self._stat[i])
        except (IndexError, ValueError):
            return 0

    # -- visible members ------------------------------------------------------
    @property
    def ProcessName(self):
        name = self._comm if self._exists else ""
        if len(name) >= 15 and self._argv:
            full = os.path.basename(self._argv[0].split(" ")[0])
            if full.startswith(name):
                name = full
        return name

    Name = ProcessName

    @property
    def Handles(self):
        return self._handles if self._exists else 0

    HandleCount = Handles

    @property
    def WS(self):
        return self._kb("VmRSS")

    WorkingSet64 = WS

    @property
    def VM(self):
        return self._kb("VmSize")

    VirtualMemorySize64 = VM

    @property
    def PM(self):
        return self._kb("VmData")

    PagedMemorySize64 = PM
    PrivateMemorySize64 = PM

    @property
    def NPM(self):
        return Int64(0)

    NonpagedSystemMemorySize64 = NPM

    @property
    def SI(self):
        """The login session (/proc/<pid>/sessionid), Windows' nearest: 0 for a process of no login, as
        services are in session 0."""
        text = (_read(f"/proc/{self.Id}/sessionid") or "").strip()
        n = int(text) if text.isdigit() else 0
        return 0 if n >= 2 ** 32 - 1 else n

    SessionId = SI

    def _seconds(self, *fields):
        return sum(self._ticks(i) for i in fields) / _CLK

    @property
    def CPU(self):
        return self._seconds(11, 12) if self._exists else None

    @property
    def TotalProcessorTime(self):
        return _dt.timedelta(seconds=self._seconds(11, 12))

    @property
    def UserProcessorTime(self):
        return _dt.timedelta(seconds=self._seconds(11))

    @property
    def PrivilegedProcessorTime(self):
        return _dt.timedelta(seconds=self._seconds(12))

    @property
    def StartTime(self):
        if not self._exists:
            return None
        return _dt.datetime.fromtimestamp(_boot_time() + self._ticks(19) / _CLK)

    @property
    def Path(self):
        return self._path

    @property
    def CommandLine(self):
        return " ".join(self._argv)

    @property
    def Threads(self):
        try:
            return [int(t) for t in sorted(os.listdir(f"/proc/{self.Id}/task"), key=int)]
        except OSError:
            return []

    @property
    def MainWindowTitle(self):
        return ""

    @property
    def Responding(self):
        return True

    @property
    def HasExited(self):
        if self.popen is not None:
            return self.popen.poll() is not None
        stat = _read(f"/proc/{self.Id}/stat")
        return stat is None or stat[stat.rindex(")") + 2:].split()[0] in ("Z", "X")

    @property
    def ExitCode(self):
        if self.popen is not None:
            rc = self.popen.poll()
            if rc is None:
                raise InvalidOperationException("Process must exit before requested information can be determined.")
            return rc if rc >= 0 else 128 - rc
        raise InvalidOperationException("Process was not started by this object, so requested information cannot "
                                        "be determined.")

    def Kill(self):
        os.kill(self.Id, signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait(5)

    def CloseMainWindow(self):
        return False

    def WaitForExit(self, milliseconds=None):
        if self.popen is not None:
            try:
                self.popen.wait(None if milliseconds is None or milliseconds < 0 else milliseconds / 1000)
                return True
            except subprocess.TimeoutExpired:
                return False
        import time
        end = None if milliseconds is None or milliseconds < 0 else time.monotonic() + milliseconds / 1000
        while not self.HasExited:
            if end is not None and time.monotonic() >= end:
                return False
            time.sleep(0.02)
        return True

    def ps_to_string(self):
        return f"System.Diagnostics.Process ({self.ProcessName})"


def processes():
    out = []
    for pid in all_pids():
        p = Process(pid)
        if p._exists:
            out.append(p)
    return out


def _sorted(procs):
    return sorted(procs, key=lambda p: (p.ProcessName.lower(), p.Id))


def _no_name(cmd, name):
    return cmd.error(f'Cannot find a process with the name "{name}". Verify the process name and call the cmdlet '
                     "again.", "NoProcessFoundForGivenName", "ObjectNotFound", name, ProcessCommandException)


def _no_id(cmd, pid):
    return cmd.error(f"Cannot find a process with the process identifier {pid}.", "NoProcessFoundForGivenId",
                     "ObjectNotFound", pid, ProcessCommandException)


def _by_name(cmd, names):
    everything = processes()
    found = []
    for n in names:
        hits = [p for p in everything if wildcard_match(n, p.ProcessName)]
        if not hits and not has_wildcard(n):
            cmd.write_error(_no_name(cmd, n))
        found.extend(p for p in hits if p not in found)
    return _sorted(found)


def _by_id(cmd, ids):
    found = []
    for i in ids:
        p = Process(int(i))
        if not p._exists:
            cmd.write_error(_no_id(cmd, int(i)))
        else:
            found.append(p)
    return found


class GetProcessCommand(Cmdlet):
    name = "Get-Process"
    dotnet_type = _NS + "GetProcessCommand"
    module_name = _MGMT
    default_parameter_set = "Name"
    synopsis = "Gets the processes that are running on the local computer."
    output_type = "System.Diagnostics.Process"

    Name = Parameter("string[]", position=0, aliases=("ProcessName",), value_from_pipeline_by_property_name=True,
                     parameter_set="Name")
    Id = Parameter("int[]", mandatory=True, aliases=("PID",), value_from_pipeline_by_property_name=True,
                   parameter_set="Id")
    InputObject = Parameter("object[]", mandatory=True, value_from_pipeline=True, parameter_set="InputObject")

    def process(self):
        ps = self.parameter_set_name
        if ps == "Id":
            procs = _by_id(self, self.Id)
        elif ps == "InputObject":
            procs = [Process(p.Id) for p in self.InputObject or [] if isinstance(p, Process)]
        elif self.Name:
            procs = _by_name(self, self.Name)
        else:
            procs = _sorted(processes())
        for p in procs:
            self.write_object(p)


class StopProcessCommand(Cmdlet):
    name = "Stop-Process"
    dotnet_type = _NS + "StopProcessCommand"
    module_name = _MGMT
    default_parameter_set = "Id"
    supports_should_process = True
    synopsis = "Stops one or more running processes."

    Id = Parameter("int[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                   parameter_set="Id")
    Name = Parameter("string[]", mandatory=True, aliases=("ProcessName",), value_from_pipeline_by_property_name=True,
                     parameter_set="Name")
    InputObject = Parameter("object[]", position=0, mandatory=True, value_from_pipeline=True,
                            parameter_set="InputObject")
    PassThru = Parameter("switch")
    Force = Parameter("switch")

    def process(self):
        ps = self.parameter_set_name
        if ps == "Id":
            procs = _by_id(self, self.Id)
        elif ps == "Name":
            procs = _by_name(self, self.Name)
        else:
            procs = [p for p in self.InputObject or [] if isinstance(p, Process)]
        for p in procs:
            if not self.should_process(f"{p.ProcessName} ({p.Id})"):
                continue
            if not self.Force and p.owner_uid is not None and p.owner_uid != os.getuid():
                # another user's process: 5.1 asks first unless -Force
                if not self.should_continue("Are you sure you want to perform the Stop-Process operation on the "
                                            f"following item: {p.ProcessName}({p.Id})?", "Confirm"):
                    continue
            try:
                p.Kill()
            except ProcessLookupError:
                pass            # it ended meanwhile: stopped, as asked
            except PermissionError:
                self.write_error(self.error(
                    f'Cannot stop process "{p.ProcessName} ({p.Id})" because of the following error: Access is '
                    "denied", "CouldNotStopProcess", "CloseError", p, ProcessCommandException))
                continue
            except subprocess.TimeoutExpired:
                pass
            if self.PassThru:
                p.Refresh()
                self.write_object(p)


def split_command_line(line: str) -> list[str]:
    """argv from a Windows command line (CommandLineToArgvW's rules: spaces separate, double quotes group,
    backslashes escape a quote)."""
    args, cur, quoted, have = [], [], False, False
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c == "\\":
            j = i
            while j < n and line[j] == "\\":
                j += 1
            count = j - i
            if j < n and line[j] == '"':
                cur.append("\\" * (count // 2))
                if count % 2:
                    cur.append('"')
                    j += 1
                i = j
            else:
                cur.append("\\" * count)
                i = j
            have = True
            continue
        if c == '"':
            if quoted and i + 1 < n and line[i + 1] == '"':
                cur.append('"')
                i += 2
                continue
            quoted = not quoted
            have = True
        elif c in " \t" and not quoted:
            if have:
                args.append("".join(cur))
                cur, have = [], False
        else:
            cur.append(c)
            have = True
        i += 1
    if have:
        args.append("".join(cur))
    return args


class StartProcessCommand(Cmdlet):
    name = "Start-Process"
    dotnet_type = _NS + "StartProcessCommand"
    module_name = _MGMT
    default_parameter_set = "Default"
    synopsis = "Starts one or more processes on the local computer."
    output_type = "System.Diagnostics.Process"

    FilePath = Parameter("string", position=0, mandatory=True, aliases=("PSPath",))
    ArgumentList = Parameter("string[]", position=1, aliases=("Args",))
    WorkingDirectory = Parameter("string")
    PassThru = Parameter("switch")
    Wait = Parameter("switch")
    NoNewWindow = Parameter("switch", aliases=("nnw",), parameter_set="Default")
    RedirectStandardOutput = Parameter("string", aliases=("RSO",), parameter_set="Default")
    RedirectStandardError = Parameter("string", aliases=("RSE",), parameter_set="Default")
    RedirectStandardInput = Parameter("string", aliases=("RSI",), parameter_set="Default")

    def _fail(self, message, error_id="InvalidOperationException", category="InvalidOperation", target=None):
        raise self.terminating_error(self.error(message, error_id, category, target, InvalidOperationException))

    def _program(self):
        path = self.FilePath
        resolved = self.ctx.resolve_path(path)
        if os.sep in path or "/" in path or "\\" in path or os.path.isfile(resolved):
            if os.path.isfile(resolved) and os.access(resolved, os.X_OK):
                return resolved
            if os.path.isfile(resolved):
                self._fail("This command cannot be run due to the error: Permission denied.")
        found = shutil.which(path)
        if found is None:
            self._fail("This command cannot be run due to the error: The system cannot find the file specified.")
        return found

    def end(self):
        program = self._program()
        args = split_command_line(" ".join(self.ArgumentList)) if self.ArgumentList else []
        cwd = self.ctx.resolve_path(self.WorkingDirectory) if self.WorkingDirectory else self.ctx.session.location
        if not os.path.isdir(cwd):
            self._fail(f"This command cannot be run because the directory \"{self.WorkingDirectory}\" does not exist.",
                       "DirectoryNotFound", "InvalidOperation", self.WorkingDirectory)
        out_path = self.ctx.resolve_path(self.RedirectStandardOutput) if self.RedirectStandardOutput else None
        err_path = self.ctx.resolve_path(self.RedirectStandardError) if self.RedirectStandardError else None
        in_path = self.ctx.resolve_path(self.RedirectStandardInput) if self.RedirectStandardInput else None
        if out_path and err_path and os.path.abspath(out_path) == os.path.abspath(err_path):
            self._fail('This command cannot be run because "RedirectStandardOutput" and "RedirectStandardError" '
                       "are same. Give different inputs and Run your command again.")
        if in_path and not os.path.isfile(in_path):
            self._fail(f'This command cannot be run because the input file "{in_path}" does not exist. Specify '
                       "an existing input file and Run your command again.", "FileNotFoundException",
                       "InvalidOperation", in_path)
        console = subprocess.DEVNULL if not self.NoNewWindow else None
        files = []
        try:
            stdout = open(out_path, "wb") if out_path else console
            if out_path:
                files.append(stdout)
            stderr = open(err_path, "wb") if err_path else console
            if err_path:
                files.append(stderr)
            stdin = open(in_path, "rb") if in_path else (subprocess.DEVNULL if not self.NoNewWindow else None)
            if in_path:
                files.append(stdin)
            popen = subprocess.Popen([program] + args, cwd=cwd, stdin=stdin, stdout=stdout, stderr=stderr,
                                     start_new_session=not self.NoNewWindow)
        except OSError as e:
            self._fail(f"This command cannot be run due to the error: {e.strerror or e}.")
        finally:
            for f in files:
                f.close()
        proc = Process(popen.pid, popen)
        if self.Wait:
            session = self.ctx.session
            while popen.poll() is None:
                if session.stopping:
                    break
                try:
                    popen.wait(0.05)
                except subprocess.TimeoutExpired:
                    pass
        if self.PassThru:
            self.write_object(proc)


def _cpu(p):
    c = p.CPU
    return None if c is None else f"{c:,.2f}"


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view("System.Diagnostics.Process", TableView([
        Column("Handles", width=7, alignment="right"),
        Column(lambda p: round(int(p.NPM) / 1024), label="NPM(K)", width=7, alignment="right"),
        Column(lambda p: round(int(p.PM) / 1024), label="PM(K)", width=8, alignment="right"),
        Column(lambda p: round(int(p.WS) / 1024), label="WS(K)", width=10, alignment="right"),
        Column(_cpu, label="CPU(s)", width=10, alignment="right"),
        Column("Id", width=6, alignment="right"),
        Column("SI", width=3, alignment="right"),
        Column("ProcessName"),
    ]))


_register_views()
