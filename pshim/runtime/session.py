"""A session: the global scope with its automatic variables, the command
table, drives and location, $Error, and the host. `Session.run(text)` is how
hosts (CLI, REPL, tests) execute a command line or script."""
from __future__ import annotations

import os

from ..errors import (PSException, ParseError, BreakSignal, ContinueSignal, ReturnSignal, ErrorRecord,
                      DriveNotFoundException)
from . import environment
from .context import ExecutionContext, Streams, PREFERENCE_DEFAULTS
from .drives import DriveTable, PathInfo, pshim_home
from .engine import command_layer
from .history import History
from .psobject import Hashtable, ArrayList, DotNetObject
from .scopes import Scope, PSVariable


def _is_drive_path(p: str) -> bool:
    i = p.find(":")
    return i > 0 and p[:i].isalnum() and (len(p) == i + 1 or p[i + 1] in "\\/")


class LocationVariable(PSVariable):
    """$PWD: always the current location (Get-Variable PWD finds it; it is read-only)."""
    __slots__ = ("_session",)

    def __init__(self, session):
        super().__init__("PWD", None, "ReadOnly", "")
        self._session = session

    @property
    def value(self):
        return self._session.location_info()

    @value.setter
    def value(self, v):
        pass


class HostObject(DotNetObject):
    """$Host"""
    ps_type_names = ("System.Management.Automation.Internal.Host.InternalHost", "System.Object")
    ps_properties = ("Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture",
                     "PrivateData", "DebuggerEnabled", "IsRunspacePushed", "Runspace")
    ps_methods = ("SetShouldExit",)
    ps_method_defs = {"SetShouldExit": ("void SetShouldExit(int exitCode)",)}

    def __init__(self, host, session=None):
        self._session = session
        from .version import Version
        self.Name = "ConsoleHost"
        self.Version = Version(5, 1, 0, 0)
        self.InstanceId = "00000000-0000-0000-0000-000000000000"
        self.UI = HostUI(host)
        self.CurrentCulture = "en-US"
        self.CurrentUICulture = "en-US"
        self.PrivateData = None
        self.DebuggerEnabled = True
        self.IsRunspacePushed = False
        self.Runspace = None

    def SetShouldExit(self, exit_code):
        """The host ends with `exit_code` once the command it is running completes (scheduled scripts use
        it to report a status); the rest of that command still runs."""
        from .conversion import to_int
        if self._session is not None:
            self._session.exit_code = to_int(exit_code)


class HostUI(DotNetObject):
    ps_type_names = ("System.Management.Automation.Internal.Host.InternalHostUserInterface", "System.Object")
    ps_properties = ("RawUI",)

    def __init__(self, host):
        self.RawUI = RawUI(host)


class Size(DotNetObject):
    ps_type_names = ("System.Management.Automation.Host.Size", "System.ValueType", "System.Object")
    ps_properties = ("Width", "Height")

    def __init__(self, w, h):
        self.Width, self.Height = w, h

    def ps_to_string(self):
        return f"{self.Width},{self.Height}"


class RawUI(DotNetObject):
    ps_type_names = ("System.Management.Automation.Internal.Host.InternalHostRawUserInterface", "System.Object")
    ps_properties = ("ForegroundColor", "BackgroundColor", "CursorPosition", "WindowPosition", "CursorSize",
                     "BufferSize", "WindowSize", "MaxWindowSize", "MaxPhysicalWindowSize", "KeyAvailable",
                     "WindowTitle")

    def __init__(self, host):
        self._host = host
        self.ForegroundColor = "Gray"
        self.BackgroundColor = "Black"
        self.CursorPosition = "0,0"
        self.WindowPosition = "0,0"
        self.CursorSize = 25
        self.KeyAvailable = False
        self.WindowTitle = "pshim"

    @property
    def BufferSize(self):
        return Size(self._host.ui_width() or 120, 3000)

    @property
    def WindowSize(self):
        return Size(self._host.ui_width() or 120, 40)

    @property
    def MaxWindowSize(self):
        return self.WindowSize

    @property
    def MaxPhysicalWindowSize(self):
        return self.WindowSize


def _ps_version_table():
    from .version import Version
    h = Hashtable()
    h["PSVersion"] = Version(5, 1, 19041, 1)
    h["PSEdition"] = "Desktop"
    h["PSCompatibleVersions"] = [Version(1, 0), Version(2, 0), Version(3, 0), Version(4, 0), Version(5, 0),
                                 Version(5, 1, 19041, 1)]
    h["BuildVersion"] = Version(10, 0, 19041, 1)
    h["CLRVersion"] = Version(4, 0, 30319, 42000)
    h["WSManStackVersion"] = Version(3, 0)
    h["PSRemotingProtocolVersion"] = Version(2, 3)
    h["SerializationVersion"] = Version(1, 1, 0, 1)
    return h


class Session:
    # every attribute a session has is declared here: a module keeps its per-session state through
    # state(key, factory), never by adding an attribute (tests/test_session_state.py)
    __slots__ = ("host", "engine", "commands", "drives", "location", "location_stack", "errors", "stopping",
                 "exit_code", "history", "call_stack", "module_state", "global_scope", "global_ctx",
                 "history_in_progress", "__weakref__")

    def __init__(self, host, modules=None, interactive: bool | None = None):
        self.host = host
        # the command layer (runtime/engine.py): the runtime asks it to run pipelines and script blocks
        self.engine = command_layer()
        self.commands = self.engine.command_table(modules)
        self.drives = DriveTable()
        self.location = os.getcwd()
        self.location_stack = []
        self.errors = ArrayList()
        self.stopping = False
        environment.add_windows_defaults()
        self.exit_code = None          # set by $Host.SetShouldExit: the host ends with it after the command
        # the command history (runtime/history.py): the REPL adds each line it runs
        self.history = History(lambda: self.global_ctx.get_variable("MaximumHistoryCount"))
        # frames of the running functions, scripts and script blocks, outermost first (Get-PSCallStack);
        # commands/function.py pushes and pops them
        self.call_stack: list = []
        # the entry being run by the interactive shell: {"status", "line"} (run(add_to_history=True))
        self.history_in_progress = None
        # state that modules keep per session (e.g. the Exchange module's directory connection):
        # declared here, reached through state(), never attributes added from outside
        self.module_state: dict[str, object] = {}
        g = Scope(None, is_script=True)
        self.global_scope = g
        for k, v in PREFERENCE_DEFAULTS.items():
            g.set_local(k, v)
        consts = {"true": True, "false": False, "null": None}
        for k, v in consts.items():
            g.vars[k] = PSVariable(k, v, "Constant")
        home = os.path.expanduser("~")
        init = {
            "Error": self.errors, "HOME": home, "PSHOME": os.path.dirname(os.path.abspath(__file__)),
            "PID": os.getpid(), "Host": HostObject(host, self), "PSVersionTable": _ps_version_table(),
            "ShellId": "Microsoft.PowerShell", "PSCulture": "en-US", "PSUICulture": "en-US",
            "PSEdition": "Desktop", "NestedPromptLevel": 0, "PSScriptRoot": "", "PSCommandPath": "",
            "PROFILE": os.path.join(pshim_home(), "profile.ps1"), "LASTEXITCODE": None,
            "ExecutionContext": None, "MyInvocation": None, "Matches": None, "PSDefaultParameterValues": Hashtable(),
            "input": None, "args": [],
        }
        for k, v in init.items():
            g.set_local(k, v)
        g.vars["pwd"] = LocationVariable(self)
        self.global_ctx = ExecutionContext(self, g, self.default_streams())

    def state(self, key: str, factory):
        """The module state kept under `key` (e.g. "exchange.directory"), made by factory() on first use."""
        v = self.module_state.get(key)
        if v is None:
            v = self.module_state[key] = factory()
        return v

    # -- streams to the host ---------------------------------------------------
    def default_streams(self) -> Streams:
        h = self.host
        return Streams(h.write_error_record, h.write_warning, h.write_verbose, h.write_debug,
                       h.write_information)

    def add_error(self, rec: ErrorRecord):
        errs = self.errors
        if errs and errs[0] is rec:
            return
        errs.insert(0, rec)
        limit = self.global_scope.vars.get("maximumerrorcount")
        n = limit.value if limit is not None and isinstance(limit.value, int) else 256
        del errs[n:]

    def set_exit_code(self, code: int):
        self.global_scope.set_local("LASTEXITCODE", code)

    def location_info(self):
        loc = self.location
        if _is_drive_path(loc):
            # keep the drive form the location was set with (C:\x, X:\sub)
            try:
                provider_path = self.drives.resolve(loc, "/")
            except DriveNotFoundException:
                # a drive made in a function's or script's scope: $PWD keeps the path as it was set
                provider_path = loc
            return PathInfo(loc, provider_path=provider_path)
        return PathInfo(self.drives.to_ps_path(self.drives.resolve(loc, "/")))

    # -- running code -------------------------------------------------------------
    def parse(self, text: str, path: str | None = None):
        from ..language import parse
        return parse(text, path)

    def run(self, text: str, path: str | None = None, out=None, ctx: ExecutionContext | None = None,
            default_output=True, add_to_history=False):
        """Run text at top level. Output goes to `out` (a callable) or to
        Out-Default on the host. Returns True when the last pipeline succeeded.
        Raises ExitSignal for `exit`. With add_to_history (the interactive shell) the line becomes
        a history entry once it has run: Completed, Failed (a terminating error or a parse error)
        or Stopped (Ctrl+C). Invoke-History replaces the text of that entry with the line it ran."""
        ctx = ctx or self.global_ctx
        if not add_to_history:
            return self._run_text(text, path, out, ctx, default_output)
        import datetime as _dt
        record = {"status": "Stopped", "line": text}
        self.history_in_progress = record
        start = _dt.datetime.now()
        for hook in self.commands.command_line_hooks:
            hook(self, text)
        try:
            ok = self._run_text(text, path, out, ctx, default_output, record)
            if record["status"] == "Stopped":
                record["status"] = "Completed"
            return ok
        except BaseException as e:
            from ..errors import ExitSignal
            if isinstance(e, ExitSignal):
                record["status"] = "Completed"
            raise
        finally:
            self.history_in_progress = None
            self.history.add(record["line"], record["status"], start, _dt.datetime.now())

    def _run_text(self, text, path, out, ctx, default_output, record=None):
        try:
            ast = self.parse(text, path)
        except ParseError as e:
            ctx.report_error(e)
            if record is not None:
                record["status"] = "Failed"
            return False
        return self.run_ast(ast, ctx, out, default_output, record)

    def run_ast(self, ast, ctx, out=None, default_output=True, record=None):
        from .compile_stmt import compile_script_block
        comp = compile_script_block(ast)
        sink = None
        if out is None and default_output:
            sink = self.out_default_sink(ctx)
            out = sink.add
        elif out is None:
            out = lambda obj: None
        self.stopping = False
        try:
            if ast.using:       # `using module` typed at the prompt or given to -Command
                for hook in self.commands.script_preamble_hooks:
                    hook(ctx, ast, None)
            for block in (comp.begin, comp.process, comp.end):
                if block is None:
                    continue
                try:
                    block(ctx, out)
                except ReturnSignal:
                    pass
        except (BreakSignal, ContinueSignal):
            pass
        except PSException as e:
            if sink is not None:
                sink.flush()
            ctx.report_error(e)
            ctx.last_status = False
            if record is not None:
                record["status"] = "Failed"
        finally:
            if sink is not None:
                sink.close()
            self.host.reset_progress()      # a command's progress display ends with the command (5.1)
        return ctx.last_status

    def out_default_sink(self, ctx):
        """Where a command line's output goes when nothing takes it: the host's Out-Default."""
        return self.host.out_default_sink(ctx)
