"""The execution context: what every piece of running code is handed explicitly.

ExecutionContext = one session (commands, host, drives, $Error) + the current
scope + the current stream sinks. There is no global session singleton: the
compiler's closures take `ctx` as their first argument, cmdlets get it as
`self.ctx`, and nested script blocks get a context with a child scope.
"""
from __future__ import annotations

import os

from ..errors import ErrorRecord, ActionPreferenceStopException, PSException
from .psobject import Hashtable
from .scopes import Scope, PSVariable

PREFERENCE_DEFAULTS = {
    "ErrorActionPreference": "Continue", "WarningPreference": "Continue",
    "VerbosePreference": "SilentlyContinue", "DebugPreference": "SilentlyContinue",
    "InformationPreference": "SilentlyContinue", "ProgressPreference": "Continue",
    "ConfirmPreference": "High", "WhatIfPreference": False, "ErrorView": "NormalView",
    "FormatEnumerationLimit": 4, "OFS": " ", "MaximumHistoryCount": 4096,
    "MaximumErrorCount": 256,
}


class Streams:
    """Where the non-output streams of the running command go. Each sink is a
    callable: error(record), warning(text), verbose(text), debug(text),
    information(obj)."""

    __slots__ = ("error", "warning", "verbose", "debug", "information")

    def __init__(self, error, warning, verbose, debug, information):
        self.error = error
        self.warning = warning
        self.verbose = verbose
        self.debug = debug
        self.information = information

    def copy(self, **changes):
        s = Streams(self.error, self.warning, self.verbose, self.debug, self.information)
        for k, v in changes.items():
            setattr(s, k, v)
        return s


class ExecutionContext:
    __slots__ = ("session", "scope", "streams", "in_try", "last_status", "current_command",
                 "script_path", "pipeline_position", "__weakref__")

    def __init__(self, session, scope: Scope, streams: Streams):
        self.session = session
        self.scope = scope
        self.streams = streams
        self.in_try = 0
        self.last_status = True
        self.current_command = None
        self.script_path = None
        self.pipeline_position = 1

    # -- scopes ---------------------------------------------------------------
    def child(self, scope: Scope | None = None) -> "ExecutionContext":
        c = ExecutionContext(self.session, scope or Scope(self.scope), self.streams)
        c.in_try = self.in_try
        c.script_path = self.script_path
        return c

    @property
    def host(self):
        return self.session.host

    # -- variables ------------------------------------------------------------
    def get_variable(self, name: str, default=None):
        v = self.scope.lookup(name.lower())
        if v is None:
            if name in PREFERENCE_DEFAULTS:
                return PREFERENCE_DEFAULTS[name]
            return default
        return v.value

    def get_variable_object(self, name: str) -> PSVariable | None:
        return self.scope.lookup(name.lower())

    def set_variable(self, name: str, value, scope: str | None = None):
        target = self._scope_for(scope)
        target.set_local(name, value)

    def _scope_for(self, scope: str | None) -> Scope:
        if scope is None or scope in ("local", "private"):
            return self.scope
        if scope == "global":
            return self.scope.global_scope()
        if scope == "script":
            return self.scope.script_scope()
        if scope.isdigit():
            s = self.scope
            for _ in range(int(scope)):
                if s.parent is None:
                    break
                s = s.parent
            return s
        return self.scope

    def set_matches(self, table):
        """$Matches after a successful -match or switch -regex: `table` is the (key, value)
        pairs of the groups that matched (dotnet_regex.Pattern.matches_table)."""
        h = Hashtable()
        for key, value in table:
            h[key] = value
        self.scope.set_local("Matches", h, "matches")

    def preference(self, name: str) -> str:
        v = self.get_variable(name)
        return str(v) if v is not None else PREFERENCE_DEFAULTS.get(name, "Continue")

    # -- streams --------------------------------------------------------------
    def write_error(self, record: ErrorRecord, action: str | None = None):
        """A non-terminating error under the preference (or -ErrorAction)."""
        self.last_status = False
        action = (action or self.preference("ErrorActionPreference"))
        a = action.lower()
        if a == "ignore":
            return
        if a == "stop":
            exc = ActionPreferenceStopException(
                "The running command stopped because the preference variable \"ErrorActionPreference\" "
                f"or common parameter is set to Stop: {record.message()}",
                error_id=record.error_id, error_record=record)
            raise exc
        self.session.add_error(record)
        if a == "silentlycontinue":
            return
        if a == "inquire":
            self.session.engine.inquire_error(self, record)
        self.streams.error(record)

    def write_warning(self, text: str, action: str | None = None):
        a = (action or self.preference("WarningPreference")).lower()
        if a in ("silentlycontinue", "ignore"):
            return
        if a == "stop":
            from ..errors import ActionPreferenceStopException as APS
            raise APS("The running command stopped because the preference variable \"WarningPreference\" "
                      f"or common parameter is set to Stop: {text}", error_id="ActionPreferenceStop")
        self.streams.warning(text)

    def write_verbose(self, text: str, action: str | None = None):
        a = (action or self.preference("VerbosePreference")).lower()
        if a in ("continue", "inquire", "stop"):
            self.streams.verbose(text)

    def write_debug(self, text: str, action: str | None = None, processor=None):
        a = (action or self.preference("DebugPreference")).lower()
        if a in ("continue", "inquire", "stop"):
            self.streams.debug(text)
        if a == "inquire" and self.host.interactive:
            # 5.1's -Debug: ask after each debug message (Yes to All stops asking for this command)
            if processor is not None and processor.sp_state == "debug_all":
                return
            self.session.engine.inquire_debug(self, processor)

    def write_information(self, obj, action: str | None = None, from_host: bool = False):
        a = (action or ("Continue" if from_host else self.preference("InformationPreference"))).lower()
        if a in ("continue", "inquire"):
            self.streams.information(obj)

    # -- paths ----------------------------------------------------------------
    def resolve_path(self, path: str) -> str:
        return self.session.drives.resolve(path, self.session.location, self.scope)

    @property
    def location(self):
        return self.session.location

    def report_error(self, exc: BaseException):
        """Show a terminating error that nobody caught (statement level)."""
        if isinstance(exc, PSException):
            rec = exc.error_record
            self.session.add_error(rec)
            self.streams.error(rec)
        self.last_status = False

    def env(self):
        return os.environ
