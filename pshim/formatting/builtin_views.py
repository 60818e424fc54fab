"""Views of built-in types that 5.1 ships in its format.ps1xml files
(only the ones pshim displays; ErrorRecord's view belongs to the engine)."""
from __future__ import annotations

import datetime as _dt

from .views import register_view, TableView, ListView, CustomView, Column, Entry


def _datetime_text(obj) -> str:
    from ..runtime.psobject import PSObject, unwrap
    from ..runtime.datetimes import format_datetime
    d = unwrap(obj)
    hint = None
    if isinstance(obj, PSObject):
        m = obj.members.get("displayhint")
        if m is not None:
            hint = str(m.get(obj))
    if hint == "Date":
        return format_datetime(d, "dddd, MMMM d, yyyy")
    if hint == "Time":
        return format_datetime(d, "h:mm:ss tt")
    return format_datetime(d, "dddd, MMMM d, yyyy h:mm:ss tt")


def _command_name(command):
    """The Name column of a command table: an alias shows as `gci -> Get-ChildItem` (its DisplayName)."""
    shown = getattr(command, "DisplayName", None)
    return shown if isinstance(shown, str) and shown else getattr(command, "Name", "")


def register_all():
    register_view("Microsoft.PowerShell.Commands.GroupInfo", TableView([
        Column("Count", width=5, alignment="right"),
        Column("Name", width=25),
        Column("Group"),
    ]))
    register_view("Microsoft.PowerShell.Commands.GroupInfo", ListView([
        Entry("Name"), Entry("Count"), Entry("Group"), Entry("Values")]))
    register_view("Microsoft.PowerShell.Commands.GroupInfoNoElement", TableView([
        Column("Count", width=5, alignment="right"),
        Column("Name"),
    ]))
    register_view("System.Collections.DictionaryEntry", TableView([
        Column("Name", width=30),
        Column("Value"),
    ]))
    register_view("Microsoft.PowerShell.Commands.MemberDefinition", TableView([
        Column("Name"),
        Column("MemberType"),
        Column("Definition"),
    ], auto_size=True, group_by="TypeName", group_label="TypeName"))
    register_view("System.DateTime", CustomView(_datetime_text))
    # a type ([int], (1).GetType()): 5.1's table, IsSerializable labelled IsSerial
    register_view("System.RuntimeType", TableView([
        Column("IsPublic", width=8, alignment="left"), Column("IsSerializable", label="IsSerial", width=8,
                                                               alignment="left"),
        Column("Name", width=40, alignment="left"), Column("BaseType", alignment="left")]))
    # command and variable objects (Get-Command, Get-Alias, Get-Variable)
    register_view("System.Management.Automation.CommandInfo", TableView([
        Column("CommandType", width=15), Column(_command_name, label="Name", width=50), Column("Version", width=10),
        Column("Source")]))
    register_view("System.Management.Automation.PSVariable", TableView([
        Column("Name", width=30), Column("Value")]))
    # records of the other streams merged into the output (3>&1 ...) and script blocks, exceptions:
    # out-of-band views that show their text, as 5.1's PowerShellCore format data does
    for record in ("System.Management.Automation.WarningRecord", "System.Management.Automation.VerboseRecord",
                   "System.Management.Automation.DebugRecord"):
        register_view(record, CustomView(lambda r: r.Message, out_of_band=True))
    register_view("System.Management.Automation.InformationRecord",
                  CustomView(lambda r: r.ps_to_string(), out_of_band=True))
    register_view("System.Management.Automation.ScriptBlock",
                  CustomView(lambda sb: sb.ps_to_string(), out_of_band=True))
    register_view("System.Exception", CustomView(lambda e: getattr(e, "message", str(e)), out_of_band=True))
    register_view("System.TimeSpan", ListView([Entry(n) for n in (
        "Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks", "TotalDays", "TotalHours",
        "TotalMinutes", "TotalSeconds", "TotalMilliseconds")]))


__all__ = ["register_all", "_dt"]
