"""The session's command history: one store for the REPL, Get-/Add-/Clear-/Invoke-History
and the line editor's Up-arrow recall.

Each entry is a 5.1 HistoryInfo (Id, CommandLine, ExecutionStatus, StartExecutionTime,
EndExecutionTime). Ids grow by one per entry for the life of the session and are never reused
(Clear-History leaves gaps, as 5.1 does); only the newest $MaximumHistoryCount entries are kept.

The interactive shell adds an entry after each line it runs (Session.run(..., add_to_history=True));
scripts, -Command and -File lines are not history, as in 5.1. The prompt-toolkit adapter reads its
Up-arrow list from here too (plus the lines of earlier sessions it keeps in a file), so an entry added
with Add-History or cleared with Clear-History is what Up shows.

Rejected: keeping prompt-toolkit's FileHistory as the session history: it knows only strings (no
status or times) and would make Get-History show earlier sessions, which 5.1 never does.
"""
from __future__ import annotations

import datetime as _dt

from .psobject import DotNetObject

PIPELINE_STATES = ("NotStarted", "Running", "Stopping", "Stopped", "Completed", "Failed", "Disconnected")


class HistoryInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.HistoryInfo", "System.Object")
    ps_properties = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime")
    ps_methods = ("Clone",)

    def __init__(self, id_: int, command_line: str, status: str, start: _dt.datetime, end: _dt.datetime):
        from .psobject import Int64
        self.Id = Int64(id_)
        self.CommandLine = command_line
        self.status = status if status in PIPELINE_STATES else "Completed"
        self.StartExecutionTime = start
        self.EndExecutionTime = end

    @property
    def ExecutionStatus(self):
        from .statics import EnumValue
        return EnumValue("System.Management.Automation.Runspaces.PipelineState", self.status,
                         PIPELINE_STATES.index(self.status))

    def Clone(self):
        return HistoryInfo(int(self.Id), self.CommandLine, self.status, self.StartExecutionTime,
                           self.EndExecutionTime)

    def ps_to_string(self):
        return self.CommandLine

    def __repr__(self):
        return f"HistoryInfo({int(self.Id)}, {self.CommandLine!r}, {self.status})"


class History:
    """The entries of one session, oldest first."""

    def __init__(self, limit=None):
        self.entries: list[HistoryInfo] = []
        self.next_id = 1
        self.limit = limit          # callable() -> int ($MaximumHistoryCount), or None for 4096

    def _max(self) -> int:
        try:
            n = int(self.limit()) if self.limit is not None else 4096
        except (TypeError, ValueError):
            n = 4096
        return max(1, n)

    def add(self, command_line: str, status: str = "Completed", start: _dt.datetime | None = None,
            end: _dt.datetime | None = None) -> HistoryInfo:
        now = _dt.datetime.now()
        entry = HistoryInfo(self.next_id, command_line, status, start or now, end or now)
        self.next_id += 1
        self.entries.append(entry)
        excess = len(self.entries) - self._max()
        if excess > 0:
            del self.entries[:excess]
        return entry

    def get(self, id_: int) -> HistoryInfo | None:
        for e in self.entries:
            if int(e.Id) == id_:
                return e
        return None

    def last(self) -> HistoryInfo | None:
        return self.entries[-1] if self.entries else None

    def newest(self, count: int) -> list[HistoryInfo]:
        """The newest `count` entries, oldest first (Get-History -Count)."""
        return self.entries[-count:] if count > 0 else []

    def remove(self, entries) -> None:
        drop = {id(e) for e in entries}
        self.entries = [e for e in self.entries if id(e) not in drop]

    def clear(self) -> None:
        self.entries = []

    def command_lines(self) -> list[str]:
        """Newest first: what the line editor's Up arrow walks through."""
        return [e.CommandLine for e in reversed(self.entries)]

    def __len__(self):
        return len(self.entries)

    def __iter__(self):
        return iter(list(self.entries))
