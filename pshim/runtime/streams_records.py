"""Records of the warning, verbose, debug and information streams, as they
appear in the output when merged with `3>&1` etc."""
from __future__ import annotations

from .psobject import DotNetObject


class _InformationalRecord(DotNetObject):
    ps_properties = ("Message", "InvocationInfo", "PipelineIterationInfo")

    def __init__(self, message):
        self.Message = message if isinstance(message, str) else str(message)
        self.InvocationInfo = None
        self.PipelineIterationInfo = []

    def ps_to_string(self):
        return self.Message


class WarningRecord(_InformationalRecord):
    ps_type_names = ("System.Management.Automation.WarningRecord",
                     "System.Management.Automation.InformationalRecord", "System.Object")


class VerboseRecord(_InformationalRecord):
    ps_type_names = ("System.Management.Automation.VerboseRecord",
                     "System.Management.Automation.InformationalRecord", "System.Object")


class DebugRecord(_InformationalRecord):
    ps_type_names = ("System.Management.Automation.DebugRecord",
                     "System.Management.Automation.InformationalRecord", "System.Object")


class InformationRecord(DotNetObject):
    ps_type_names = ("System.Management.Automation.InformationRecord", "System.Object")
    ps_properties = ("MessageData", "Source", "TimeGenerated", "Tags", "User", "Computer",
                     "ProcessId", "NativeThreadId", "ManagedThreadId")

    def __init__(self, data, tags=None, source=""):
        self.MessageData = data
        self.Source = source
        self.TimeGenerated = None
        self.Tags = list(tags or [])
        self.User = ""
        self.Computer = ""
        self.ProcessId = 0
        self.NativeThreadId = 0
        self.ManagedThreadId = 0

    def ps_to_string(self):
        from .conversion import to_string
        return to_string(self.MessageData)
