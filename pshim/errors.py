"""PowerShell errors as data: exceptions with .NET type names, ErrorRecords,
and the control-flow signals of the language.

Every exception a script can see derives from PSException. Each class names
the .NET type it stands for (`ps_type`) so `catch [System.ArgumentException]`
and `$_.Exception.GetType().FullName` behave as in Windows PowerShell 5.1; the
Python class hierarchy mirrors the .NET one so a catch of a base type matches.
A Python exception of any other kind reaching the user is a bug.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:      # annotations only: errors are the foundation every layer imports, they import none
    from .language.extent import Extent


def _plain_text(v) -> str:
    return str(v)


def _plain_type_name(v) -> str:
    return type(v).__name__


# How a CategoryInfo shows its target (TargetName, TargetType): the runtime's text and short type name
# of a value, registered by runtime/conversion.py when it loads (register_target_text).
_TARGET_TEXT = [_plain_text, _plain_type_name]


def register_target_text(text, type_name) -> None:
    _TARGET_TEXT[:] = [text, type_name]


class PSException(Exception):
    ps_type = "System.Exception"
    ps_properties = ("ErrorRecord", "WasThrownFromThrowStatement", "Message", "Data", "InnerException",
                     "TargetSite", "StackTrace", "HelpLink", "Source", "HResult")

    def __init__(self, message: str = "", *, error_id: str | None = None,
                 category: str | None = None, target=None, inner: BaseException | None = None,
                 error_record: "ErrorRecord | None" = None):
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.target = target
        self.inner = inner
        self._error_record = error_record
        self.was_thrown_from_throw = False

    @property
    def Message(self):
        return self.message

    @property
    def ErrorRecord(self):
        return self.error_record

    @property
    def WasThrownFromThrowStatement(self):
        return self.was_thrown_from_throw

    @property
    def InnerException(self):
        return self.inner if isinstance(self.inner, PSException) else None

    Data = None
    TargetSite = None
    StackTrace = None
    HelpLink = None
    Source = None
    HResult = -2146233087

    def ps_to_string(self):
        return f"{self.ps_type}: {self.message}"

    @property
    def ps_type_names(self):
        return tuple(self.type_chain()) + ("System.Object",)

    @property
    def error_record(self) -> "ErrorRecord":
        if self._error_record is None:
            self._error_record = ErrorRecord(
                self, self.error_id or type(self).__name__, self.category or "NotSpecified", self.target)
        return self._error_record

    @error_record.setter
    def error_record(self, rec):
        self._error_record = rec

    def __str__(self):
        return self.message

    @classmethod
    def type_chain(cls) -> list[str]:
        """.NET full names from this type up to System.Exception."""
        chain = []
        for klass in cls.__mro__:
            name = klass.__dict__.get("ps_type")
            if name and name not in chain:
                chain.append(name)
        return chain


def _exc(name: str, ps_type: str, base=PSException, category="NotSpecified"):
    cls = type(name, (base,), {"ps_type": ps_type, "default_category": category})
    return cls


SystemException = _exc("SystemException", "System.SystemException")
ArgumentException = _exc("ArgumentException", "System.ArgumentException", SystemException, "InvalidArgument")
ArgumentNullException = _exc("ArgumentNullException", "System.ArgumentNullException", ArgumentException)
ArgumentOutOfRangeException = _exc("ArgumentOutOfRangeException", "System.ArgumentOutOfRangeException",
                                   ArgumentException)
InvalidOperationException = _exc("InvalidOperationException", "System.InvalidOperationException",
                                 SystemException, "InvalidOperation")
NotSupportedException = _exc("NotSupportedException", "System.NotSupportedException", SystemException)
NotImplementedException = _exc("NotImplementedException", "System.NotImplementedException", SystemException)
FormatException = _exc("FormatException", "System.FormatException", SystemException)
InvalidCastException = _exc("InvalidCastException", "System.InvalidCastException", SystemException)
ArithmeticException = _exc("ArithmeticException", "System.ArithmeticException", SystemException)
DivideByZeroException = _exc("DivideByZeroException", "System.DivideByZeroException", ArithmeticException)
OverflowException = _exc("OverflowException", "System.OverflowException", ArithmeticException)
IndexOutOfRangeException = _exc("IndexOutOfRangeException", "System.IndexOutOfRangeException", SystemException)
KeyNotFoundException = _exc("KeyNotFoundException", "System.Collections.Generic.KeyNotFoundException",
                            SystemException)
IOException = _exc("IOException", "System.IO.IOException", SystemException)
FileNotFoundException = _exc("FileNotFoundException", "System.IO.FileNotFoundException", IOException)
DirectoryNotFoundException = _exc("DirectoryNotFoundException", "System.IO.DirectoryNotFoundException",
                                  IOException)
UnauthorizedAccessException = _exc("UnauthorizedAccessException", "System.UnauthorizedAccessException",
                                   SystemException, "PermissionDenied")
TimeoutException = _exc("TimeoutException", "System.TimeoutException", SystemException)
SocketException = _exc("SocketException", "System.Net.Sockets.SocketException", SystemException)

RuntimeException = _exc("RuntimeException", "System.Management.Automation.RuntimeException", SystemException)
ParentContainsErrorRecordException = _exc(
    "ParentContainsErrorRecordException", "System.Management.Automation.ParentContainsErrorRecordException",
    SystemException)
PSArgumentException = _exc("PSArgumentException", "System.Management.Automation.PSArgumentException",
                           ArgumentException)
PSInvalidOperationException = _exc("PSInvalidOperationException",
                                   "System.Management.Automation.PSInvalidOperationException",
                                   InvalidOperationException)
PSInvalidCastException = _exc("PSInvalidCastException", "System.Management.Automation.PSInvalidCastException",
                              InvalidCastException)
PSNotSupportedException = _exc("PSNotSupportedException", "System.Management.Automation.PSNotSupportedException",
                               NotSupportedException)
MethodException = _exc("MethodException", "System.Management.Automation.MethodException", RuntimeException)
MethodInvocationException = _exc("MethodInvocationException",
                                 "System.Management.Automation.MethodInvocationException", MethodException)
SetValueInvocationException = _exc("SetValueInvocationException",
                                   "System.Management.Automation.SetValueInvocationException", RuntimeException)
GetValueInvocationException = _exc("GetValueInvocationException",
                                   "System.Management.Automation.GetValueInvocationException", RuntimeException)
PropertyNotFoundException = _exc("PropertyNotFoundException",
                                 "System.Management.Automation.PropertyNotFoundException", RuntimeException)
ArgumentTransformationMetadataException = _exc(
    "ArgumentTransformationMetadataException",
    "System.Management.Automation.ArgumentTransformationMetadataException", RuntimeException)
ValidationMetadataException = _exc("ValidationMetadataException",
                                   "System.Management.Automation.ValidationMetadataException", RuntimeException)
ParameterBindingException = _exc("ParameterBindingException",
                                 "System.Management.Automation.ParameterBindingException", RuntimeException,
                                 "InvalidArgument")
CommandNotFoundException = _exc("CommandNotFoundException",
                                "System.Management.Automation.CommandNotFoundException", RuntimeException,
                                "ObjectNotFound")
ItemNotFoundException = _exc("ItemNotFoundException", "System.Management.Automation.ItemNotFoundException",
                             RuntimeException, "ObjectNotFound")
DriveNotFoundException = _exc("DriveNotFoundException", "System.Management.Automation.DriveNotFoundException",
                              RuntimeException, "ObjectNotFound")
ProviderNotFoundException = _exc("ProviderNotFoundException",
                                 "System.Management.Automation.ProviderNotFoundException", RuntimeException)
ActionPreferenceStopException = _exc("ActionPreferenceStopException",
                                     "System.Management.Automation.ActionPreferenceStopException",
                                     RuntimeException)
PipelineStoppedException = _exc("PipelineStoppedException",
                                "System.Management.Automation.PipelineStoppedException", RuntimeException,
                                "OperationStopped")
MetadataException = _exc("MetadataException", "System.Management.Automation.MetadataException", RuntimeException)
WriteErrorException = _exc("WriteErrorException", "Microsoft.PowerShell.Commands.WriteErrorException",
                           SystemException)
SessionStateUnauthorizedAccessException = _exc(
    "SessionStateUnauthorizedAccessException",
    "System.Management.Automation.SessionStateUnauthorizedAccessException", RuntimeException, "WriteError")
HostException = _exc("HostException", "System.Management.Automation.Host.HostException", RuntimeException)


# ---------------------------------------------------------------------------
# Error records

class InvocationInfo:
    """Where an error happened: the command (name, invocation name) and the source extent."""

    __slots__ = ("command_name", "invocation_name", "extent", "command_kind", "script_name")
    ps_type_names = ("System.Management.Automation.InvocationInfo", "System.Object")
    ps_properties = ("MyCommand", "ScriptLineNumber", "OffsetInLine", "ScriptName", "Line", "PositionMessage",
                     "PSScriptRoot", "PSCommandPath", "InvocationName")

    def __init__(self, command_name: str | None = None, extent: Extent | None = None,
                 invocation_name: str | None = None, command_kind: str = "Cmdlet"):
        self.command_name = command_name
        self.invocation_name = invocation_name if invocation_name is not None else command_name
        self.extent = extent
        self.command_kind = command_kind
        self.script_name = extent.path if extent is not None else None

    @property
    def PositionMessage(self):
        return self.extent.position_message() if self.extent is not None else ""

    @property
    def ScriptLineNumber(self):
        return self.extent.line if self.extent is not None else 0

    @property
    def OffsetInLine(self):
        return self.extent.column if self.extent is not None else 0

    @property
    def Line(self):
        return self.extent.source.line_text(self.extent.line) if self.extent is not None and self.extent.source else ""

    @property
    def ScriptName(self):
        return self.script_name or ""

    @property
    def InvocationName(self):
        return self.invocation_name or ""

    @property
    def PSCommandPath(self):
        return self.script_name or ""

    @property
    def PSScriptRoot(self):
        import os
        return os.path.dirname(self.script_name) if self.script_name else ""

    @property
    def MyCommand(self):
        return self.command_name


class CategoryInfo:
    __slots__ = ("category", "activity", "reason", "target_name", "target_type")
    ps_type_names = ("System.Management.Automation.ErrorCategoryInfo", "System.Object")
    ps_properties = ("Category", "Activity", "Reason", "TargetName", "TargetType")

    def ps_to_string(self):
        return str(self)

    def __init__(self, category="NotSpecified", activity="", reason="", target_name="", target_type=""):
        self.category = category
        self.activity = activity
        self.reason = reason
        self.target_name = target_name
        self.target_type = target_type

    @property
    def Category(self):
        return self.category

    @property
    def Activity(self):
        return self.activity

    @property
    def Reason(self):
        return self.reason

    @property
    def TargetName(self):
        return self.target_name

    @property
    def TargetType(self):
        return self.target_type

    def __str__(self):
        return (f"{self.category}: ({self.target_name}:{self.target_type}) "
                f"[{self.activity}], {self.reason}")


class ErrorDetails:
    """An error record's ErrorDetails: the message that replaces the exception's in the error view (Write-Error
    -Message on an exception, a web server's error body), read by scripts as `$_.ErrorDetails.Message`."""
    __slots__ = ("message", "recommended_action")
    ps_type_names = ("System.Management.Automation.ErrorDetails", "System.Object")
    ps_properties = ("Message", "RecommendedAction")

    def __init__(self, message: str, recommended_action: str = ""):
        self.message = message
        self.recommended_action = recommended_action

    @property
    def Message(self):
        return self.message

    @property
    def RecommendedAction(self):
        return self.recommended_action

    def ps_to_string(self):
        return self.message

    def __str__(self):
        return self.message


class ErrorRecord:
    """A PowerShell ErrorRecord. `target` is any object; `invocation` says where."""

    ps_type = "System.Management.Automation.ErrorRecord"
    ps_type_names = ("System.Management.Automation.ErrorRecord", "System.Object")
    ps_properties = ("Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "ErrorDetails",
                     "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo")
    PipelineIterationInfo = ()

    def ps_to_string(self):
        return self.message()

    def __init__(self, exception: PSException, error_id: str, category: str = "NotSpecified",
                 target=None, invocation: InvocationInfo | None = None, details: str | None = None):
        self.exception = exception
        self.error_id = error_id
        self.category = category
        self.target = target
        self.invocation = invocation
        self.details = details
        self.command_fqid_suffix = None   # ",<command type or name>" appended by the engine
        self.activity = None
        self.reason = None          # CategoryInfo.Reason when it is not the exception's type name
        self.script_stack_trace = ""
        self.pipeline_position_message = None

    # -- PowerShell-visible members -------------------------------------
    @property
    def Exception(self):
        return self.exception

    @property
    def FullyQualifiedErrorId(self):
        if self.command_fqid_suffix:
            return f"{self.error_id},{self.command_fqid_suffix}"
        return self.error_id

    @property
    def TargetObject(self):
        return self.target

    @property
    def InvocationInfo(self):
        return self.invocation

    @property
    def ErrorDetails(self):
        return ErrorDetails(self.details) if self.details else None

    @property
    def ScriptStackTrace(self):
        return self.script_stack_trace

    @property
    def CategoryInfo(self) -> CategoryInfo:
        target = self.target
        if target is None:
            tname, ttype = "", ""
        else:
            to_string, short_type_name = _TARGET_TEXT
            try:
                tname = to_string(target)
            except Exception:   # a target whose text cannot be made is shown empty
                tname = ""
            ttype = short_type_name(target)
        activity = self.activity
        if activity is None:
            activity = (self.invocation.command_name if self.invocation and self.invocation.command_name else "")
        reason = self.reason or (self.exception.ps_type.rsplit(".", 1)[-1] if self.exception is not None else "")
        return CategoryInfo(self.category, activity, reason, tname, ttype)

    def message(self) -> str:
        if self.details:
            return self.details
        return self.exception.message if self.exception is not None else ""

    def __str__(self):
        return self.message()

    def with_invocation(self, invocation: InvocationInfo | None) -> "ErrorRecord":
        if self.invocation is None and invocation is not None:
            self.invocation = invocation
        return self


def error_record(message: str, error_id: str, category: str = "NotSpecified", target=None,
                 exc_class=RuntimeException, invocation: InvocationInfo | None = None) -> ErrorRecord:
    exc = exc_class(message, error_id=error_id, category=category, target=target)
    rec = ErrorRecord(exc, error_id, category, target, invocation)
    exc.error_record = rec
    return rec


class PSErrorRecordException(RuntimeException):
    """A terminating error that carries a prepared ErrorRecord (ThrowTerminatingError)."""

    def __init__(self, record: ErrorRecord):
        super().__init__(record.message(), error_id=record.error_id, category=record.category,
                         target=record.target, error_record=record)
        self.record = record
        # keep the .NET type of the underlying exception visible
        self.ps_type = record.exception.ps_type if record.exception is not None else self.ps_type


# ---------------------------------------------------------------------------
# Parse errors

class ParseErrorItem:
    __slots__ = ("message", "error_id", "extent")

    def __init__(self, message: str, error_id: str, extent: Extent):
        self.message = message
        self.error_id = error_id
        self.extent = extent

    def __str__(self):
        pos = self.extent.position_message() if self.extent is not None else ""
        return f"{pos}\n{self.message}" if pos else self.message


class ParseError(ParentContainsErrorRecordException):
    """Raised by pshim.language.parse. Carries line, column, error id and the
    5.1-style message (position block first, then the parser's text)."""

    ps_type = "System.Management.Automation.ParseException"

    def __init__(self, errors: list[ParseErrorItem]):
        self.errors = errors
        first = errors[0]
        text = "\n\n".join(str(e) for e in errors[:10])
        super().__init__(text, error_id=first.error_id, category="ParserError")
        self.line = first.extent.line if first.extent is not None else 0
        self.column = first.extent.column if first.extent is not None else 0
        self.error_id = first.error_id
        self.parser_message = first.message

    @property
    def error_record(self):
        if self._error_record is None:
            rec = ErrorRecord(self, self.error_id, "ParserError", None, None)
            rec.reason = "ParentContainsErrorRecordException"   # as 5.1 shows parse errors
            self._error_record = rec
        return self._error_record

    @error_record.setter
    def error_record(self, rec):
        self._error_record = rec


class IncompleteInput(ParseError):
    """The input ends inside a construct (open brace, trailing pipe, open string):
    the REPL asks for another line instead of reporting an error."""

    ps_type = "System.Management.Automation.IncompleteParseException"


# ---------------------------------------------------------------------------
# Control flow of the language (not errors; never shown to a user)

class FlowControl(BaseException):
    """Base of break/continue/return/exit signals. BaseException so a stray
    `except Exception` in a cmdlet does not swallow them."""


class BreakSignal(FlowControl):
    def __init__(self, label: str | None = None):
        self.label = label


class ContinueSignal(FlowControl):
    def __init__(self, label: str | None = None):
        self.label = label


class ReturnSignal(FlowControl):
    pass


class ExitSignal(FlowControl):
    def __init__(self, code: int = 0):
        self.code = code


class StopUpstream(FlowControl):
    """Raised by a downstream command (Select-Object -First) to end the
    commands before it in the same pipeline; the pipeline then runs the
    end blocks of the commands from that one on."""

    def __init__(self, processor=None):
        self.processor = processor


NON_INTERACTIVE_TEXT = ("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                        "available.")


def non_interactive_error() -> "PSInvalidOperationException":
    """What a prompt raises in a host that cannot ask (pshim -NonInteractive, no terminal): 5.1's
    PSInvalidOperationException, reported against the command that asked."""
    return PSInvalidOperationException(NON_INTERACTIVE_TEXT, error_id="InvalidOperation", category="InvalidOperation")


# ---------------------------------------------------------------------------
# Constructing exceptions from scripts: [ArgumentException]::new('msg'), New-Object System.Exception 'msg',
# [InvalidOperationException]'msg', with .NET Framework's constructors and default messages.

_DEFAULT_MESSAGES = {
    "System.ArgumentException": "Value does not fall within the expected range.",
    "System.ArgumentNullException": "Value cannot be null.",
    "System.ArgumentOutOfRangeException": "Specified argument was out of the range of valid values.",
    "System.InvalidOperationException": "Operation is not valid due to the current state of the object.",
    "System.NotSupportedException": "Specified method is not supported.",
    "System.NotImplementedException": "The method or operation is not implemented.",
    "System.FormatException": "One of the identified items was in an invalid format.",
    "System.IO.IOException": "I/O error occurred.",
    "System.IO.FileNotFoundException": "Unable to find the specified file.",
    "System.TimeoutException": "The operation has timed out.",
    "System.DivideByZeroException": "Attempted to divide by zero.",
    "System.UnauthorizedAccessException": "Attempted to perform an unauthorized operation.",
}
# these take the parameter's name first: ArgumentNullException('path'), ArgumentNullException('path', 'message')
_PARAM_NAME_FIRST = ("System.ArgumentNullException", "System.ArgumentOutOfRangeException")


def exception_class(full_name: str):
    """The exception class whose .NET name is `full_name` (case-insensitive; `System.` may be left out), or None."""
    low = full_name.strip().lower()
    for obj in globals().values():
        if isinstance(obj, type) and issubclass(obj, PSException) and "ps_type" in obj.__dict__:
            name = obj.__dict__["ps_type"].lower()
            if name == low or name == "system." + low:
                return obj
    return None


def construct_exception(cls, args: list):
    """`cls`'s .NET constructor for `args` (strings, an inner exception); None when no overload takes them."""
    full = cls.__dict__["ps_type"]
    if len(args) > 2:
        return None
    inner = args[1] if len(args) == 2 and isinstance(args[1], BaseException) else None
    texts = [a for a in args if not isinstance(a, BaseException)]
    if any(not isinstance(a, str) for a in texts) or (len(args) == 2 and inner is None and len(texts) != 2):
        return None
    default = _DEFAULT_MESSAGES.get(full, f"Exception of type '{full}' was thrown.")
    if not texts:
        message = default
    elif full in _PARAM_NAME_FIRST and inner is None:
        param, message = texts[0], (texts[1] if len(texts) == 2 else default)
        message = f"{message}\r\nParameter name: {param}"
    elif len(texts) == 2 and issubclass(cls, ArgumentException):
        message = f"{texts[0]}\r\nParameter name: {texts[1]}"
    else:
        message = texts[0]
    return cls(message, inner=inner)
