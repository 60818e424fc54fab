"""The cmdlet base class: declared parameters, a literal begin/process/end
lifecycle, and the services a cmdlet uses (write_object, write_error,
should_process, write_progress, ...).

A new cmdlet is one class in the module file of its noun family, listed in
that module's manifest (pshim/modules/<module>/manifest*.py). Example:

    class GetThingCommand(Cmdlet):
        name = "Get-Thing"
        Name = Parameter("string[]", position=0, value_from_pipeline=True)
        def process(self):
            for n in self.Name or []:
                self.write_object(n)
"""
from __future__ import annotations

from ..errors import ErrorRecord, PSErrorRecordException, error_record, RuntimeException
from .parameters import Parameter, CommandMetadata, ALL_SETS


class Cmdlet:
    name: str = ""
    dotnet_type: str | None = None          # e.g. "Microsoft.PowerShell.Commands.GetChildItemCommand"
    default_parameter_set: str | None = None
    supports_should_process: bool = False
    confirm_impact: str = "Medium"
    module_name: str = "Microsoft.PowerShell.Utility"
    synopsis: str = ""
    output_type: str | None = None
    _metadata = None

    # filled by the engine before begin()
    ctx = None
    processor = None
    bound: dict = None
    parameter_set_name: str = ALL_SETS

    @classmethod
    def metadata(cls) -> CommandMetadata:
        md = cls.__dict__.get("_metadata")
        if md is None:
            params = []
            seen = set()
            for klass in reversed(cls.__mro__):
                for attr, val in vars(klass).items():
                    if isinstance(val, Parameter) and val.name not in seen:
                        seen.add(val.name)
                        params.append(val)
            # keep declaration order with subclass overrides in place
            md = CommandMetadata(cls.name, params, cls.default_parameter_set, cls.supports_should_process,
                                 cls.confirm_impact, fqid_suffix=cls.dotnet_type or cls.name)
            cls._metadata = md
        return md

    # -- lifecycle (override) -------------------------------------------------
    def begin(self):
        pass

    def process(self):
        pass

    def end(self):
        pass

    def stop(self):
        """Called when the pipeline is stopped (Ctrl+C): release resources."""

    def dispose(self):
        """Called once when the pipeline is done with the command, however it ended (normally, stopped
        by a later command such as Select-Object -First, or by an error): release what begin/process took."""

    # -- services ---------------------------------------------------------------
    def write_object(self, obj, enumerate_collection: bool = False):
        if enumerate_collection and isinstance(obj, (list, tuple)):
            emit = self.processor.emit
            for x in obj:
                emit(x)
        else:
            self.processor.emit(obj)

    def write_error(self, record: ErrorRecord):
        self.processor.write_error(record)

    def error(self, message: str, error_id: str, category: str = "NotSpecified", target=None,
              exc_class=RuntimeException) -> ErrorRecord:
        """Build an ErrorRecord attributed to this cmdlet (FQID `id,<command type>`)."""
        rec = error_record(message, error_id, category, target, exc_class)
        return self.processor.attribute(rec)

    def terminating_error(self, record: ErrorRecord) -> PSErrorRecordException:
        self.processor.attribute(record)
        return PSErrorRecordException(record)

    def throw_terminating_error(self, record: ErrorRecord):
        raise self.terminating_error(record)

    def should_process(self, target: str, action: str | None = None) -> bool:
        from .should_process import should_process
        return should_process(self.processor, target, action)

    def should_process_description(self, description: str, warning: str | None = None,
                                   caption: str | None = None) -> bool:
        """ShouldProcess with the command's own text (`What if: <description>`), as Exchange
        cmdlets do with their confirmation messages."""
        from .should_process import should_process_full
        return should_process_full(self.processor, description, warning, caption)

    def should_continue(self, query: str, caption: str) -> bool:
        from .should_process import should_continue
        return should_continue(self.processor, query, caption)

    def write_warning(self, text: str):
        self.processor.write_warning(text)

    def write_verbose(self, text: str):
        self.processor.write_verbose(text)

    def write_debug(self, text: str):
        self.processor.write_debug(text)

    def write_information(self, obj, from_host: bool = False):
        self.processor.write_information(obj, from_host)

    def write_progress(self, record, source_id: int | None = None):
        """Report progress, as 5.1's Cmdlet.WriteProgress does. `record` is a
        pshim.commands.progress.ProgressRecord:

            from pshim.commands.progress import ProgressRecord
            rec = ProgressRecord(1, "Testing SMTP connectivity", f"Server {name} ({i} of {n})",
                                 percent_complete=i * 100 // n)     # or set rec.PercentComplete etc.
            self.write_progress(rec)                                # once per step
            rec.RecordType = "Completed"
            self.write_progress(rec)                                # takes the activity off the display

        $ProgressPreference decides (Continue: shown; SilentlyContinue/Ignore: nothing; Stop: shown, then
        the command stops with 5.1's ActionPreferenceStop error; Inquire: shown, then Yes / Yes to All /
        Halt Command / Suspend). The host draws it (a block on the terminal, never into redirected
        output), and takes it down on Completed or when the top-level command ends. An activity is keyed
        by (source, ActivityId): `source_id` None is this command's own source (Write-Progress uses its
        -SourceId, default 0). Call it from the thread running the command."""
        self.processor.write_progress(record, source_id)

    def is_bound(self, name: str) -> bool:
        return name in self.bound

    @property
    def host(self):
        return self.ctx.host

    @property
    def stopping(self) -> bool:
        return self.ctx.session.stopping
