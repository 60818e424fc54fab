"""Write-Output, Write-Host, Write-Error, Write-Warning, Write-Verbose,
Write-Debug, Write-Information and Out-Null."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData
from ...errors import (ErrorRecord, InvocationInfo, PSException, WriteErrorException, RuntimeException)
from ...runtime import conversion as cv
from ...runtime.psobject import unwrap, Hashtable
from ..core.fast_input import FastInput
from ..core.enum_types import EnumParameter, CONSOLE_COLORS, ERROR_CATEGORIES


class WriteOutputCommand(Cmdlet):
    name = "Write-Output"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteOutputCommand"
    synopsis = "Sends the specified objects to the next command in the pipeline."

    InputObject = Parameter("psobject[]", position=0, mandatory=True, value_from_pipeline=True,
                            value_from_remaining_arguments=True, allow_null=True)
    NoEnumerate = Parameter("switch")

    def process(self):
        v = self.InputObject
        if "InputObject" not in self.bound:
            return
        if self.NoEnumerate:
            self.processor.emit(v)
            return
        emit = self.processor.emit
        if isinstance(v, (list, tuple)):
            for x in v:
                emit(x)
        else:
            emit(v)


def host_text(o, sep: str) -> str:
    """Write-Host's text of an object: collections are flattened and joined by the separator."""
    o = unwrap(o) if not isinstance(o, str) else o
    if isinstance(o, str):
        return o
    if isinstance(o, (list, tuple)):
        parts = [host_text(x, sep) for x in o]
        return sep.join(parts)
    return cv.dotnet_string(o)


class WriteHostCommand(Cmdlet):
    name = "Write-Host"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteHostCommand"
    synopsis = "Writes customized output to a host."

    Object = Parameter("object", position=0, value_from_pipeline=True, value_from_remaining_arguments=True)
    NoNewline = Parameter("switch")
    Separator = Parameter("object", default=" ")
    ForegroundColor = EnumParameter("System.ConsoleColor", CONSOLE_COLORS)
    BackgroundColor = EnumParameter("System.ConsoleColor", CONSOLE_COLORS)

    def process(self):
        from ...host.console import HostText
        sep = self.Separator
        sep = " " if sep is None else cv.to_string(sep)
        o = self.Object
        text = "" if o is None else host_text(o, sep)
        fg, bg = self.ForegroundColor, self.BackgroundColor
        self.write_information(HostText(text, bool(self.NoNewline), cv.to_string(fg) if fg is not None else None,
                                        cv.to_string(bg) if bg is not None else None), from_host=True)


class WriteErrorCommand(Cmdlet):
    name = "Write-Error"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteErrorCommand"
    default_parameter_set = "NoException"
    synopsis = "Writes an object to the error stream."

    Exception = Parameter("exception", mandatory=True, parameter_set="WithException")
    Message = Parameter("string", sets=[ParameterSetData("NoException", 0, True, True),
                                        ParameterSetData("WithException")],
                        aliases=("Msg",), allow_null=True, allow_empty_string=True)
    ErrorRecord = Parameter("System.Management.Automation.ErrorRecord", mandatory=True,
                            parameter_set="ErrorRecord")
    Category = EnumParameter("System.Management.Automation.ErrorCategory", ERROR_CATEGORIES,
                             sets=[ParameterSetData("NoException"), ParameterSetData("WithException")])
    ErrorId = Parameter("string", sets=[ParameterSetData("NoException"), ParameterSetData("WithException")])
    TargetObject = Parameter("object", sets=[ParameterSetData("NoException"), ParameterSetData("WithException")])
    RecommendedAction = Parameter("string")
    CategoryActivity = Parameter("string", aliases=("Activity",))
    CategoryReason = Parameter("string", aliases=("Reason",))
    CategoryTargetName = Parameter("string", aliases=("TargetName",))
    CategoryTargetType = Parameter("string", aliases=("TargetType",))

    def _caller(self):
        """The InvocationInfo of the function or script that called Write-Error, or None at the prompt:
        5.1 reports a Write-Error where its caller was invoked, under the caller's name."""
        mi = self.ctx.get_variable("MyInvocation")
        command = getattr(mi, "MyCommand", None) if mi is not None else None
        if command is None:
            return None
        kind = getattr(command, "CommandType", "Function")
        if kind == "ExternalScript":
            path = command.path
            return InvocationInfo(path, getattr(mi, "extent", None), path, "ExternalScript"), command.Name
        name = cv.to_string(command)
        if not name:
            return None
        return InvocationInfo(name, getattr(mi, "extent", None), mi.InvocationName or name, "Function"), name

    def process(self):
        rec = self._build()
        caller = self._caller()
        if caller is not None:
            rec.invocation, rec.command_fqid_suffix = caller
        elif rec.command_fqid_suffix is None:
            rec.command_fqid_suffix = ""
        if rec.activity is None:
            rec.activity = self.CategoryActivity or "Write-Error"
        self.write_error(rec)

    def _build(self) -> ErrorRecord:
        if self.parameter_set_name == "ErrorRecord":
            src = self.ErrorRecord
            if not isinstance(src, ErrorRecord):
                raise self.terminating_error(self.error("Cannot bind parameter 'ErrorRecord'.",
                                                        "CannotConvertArgument", "InvalidArgument"))
            rec = ErrorRecord(src.exception, src.error_id, src.category, src.target, src.invocation, src.details)
            rec.command_fqid_suffix = src.command_fqid_suffix
            rec.activity = src.activity
            self._apply_category(rec)
            return rec
        category = self.Category or "NotSpecified"
        if self.parameter_set_name == "WithException":
            exc = self.Exception
            if not isinstance(exc, BaseException):
                exc = RuntimeException(cv.to_string(exc))
            if not isinstance(exc, PSException):
                exc = RuntimeException(str(exc))
            error_id = self.ErrorId or exc.ps_type
            rec = ErrorRecord(exc, error_id, category, self.TargetObject)
            if self.Message:
                rec.details = self.Message
        else:
            msg = self.Message if self.Message is not None else ""
            exc = WriteErrorException(msg, error_id=self.ErrorId, category=category, target=self.TargetObject)
            error_id = self.ErrorId or "Microsoft.PowerShell.Commands.WriteErrorException"
            rec = ErrorRecord(exc, error_id, category, self.TargetObject)
            exc.error_record = rec
        self._apply_category(rec)
        return rec

    def _apply_category(self, rec):
        if self.CategoryActivity:
            rec.activity = self.CategoryActivity
        reason = self.CategoryReason
        tname = self.CategoryTargetName
        ttype = self.CategoryTargetType
        if reason or tname or ttype:
            rec.category_overrides = (reason, tname, ttype)
        if self.RecommendedAction:
            rec.recommended_action = self.RecommendedAction


class _MessageCmdlet(Cmdlet):
    Message = Parameter("string", position=0, mandatory=True, value_from_pipeline=True, aliases=("Msg",),
                        allow_empty_string=True)


class WriteWarningCommand(_MessageCmdlet):
    name = "Write-Warning"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteWarningCommand"
    synopsis = "Writes a warning message."

    def process(self):
        self.write_warning(self.Message or "")


class WriteVerboseCommand(_MessageCmdlet):
    name = "Write-Verbose"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteVerboseCommand"
    synopsis = "Writes text to the verbose message stream."

    def process(self):
        self.write_verbose(self.Message or "")


class WriteDebugCommand(_MessageCmdlet):
    name = "Write-Debug"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteDebugCommand"
    synopsis = "Writes a debug message to the console."

    def process(self):
        self.write_debug(self.Message or "")


class WriteInformationCommand(Cmdlet):
    name = "Write-Information"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteInformationCommand"
    synopsis = "Specifies how PowerShell handles information stream data for a command."

    MessageData = Parameter("object", position=0, mandatory=True, aliases=("Msg",))
    Tags = Parameter("string[]", position=1)

    def process(self):
        from ...runtime.streams_records import InformationRecord
        tags = [cv.to_string(t) for t in (self.Tags or [])]
        self.write_information(InformationRecord(self.MessageData, tags=tags, source=self.name))


class OutNullCommand(FastInput, Cmdlet):
    name = "Out-Null"
    dotnet_type = "Microsoft.PowerShell.Commands.OutNullCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Hides the output instead of sending it down the pipeline or displaying it."

    InputObject = Parameter("psobject", value_from_pipeline=True)

    def begin(self):
        self.enable_fast_input()

    def process(self):
        pass
