"""What a job's script runs in: a session whose host hands every record to the job instead of a console.

Both kinds of job use it. A background job (Start-Job) runs it in a child process
(`python -m pshim.modules.core.job_worker`), which serializes each record to its parent; a thread job
(Start-ThreadJob) runs it in a thread of this process and keeps the live objects.

Records are tuples `(kind, payload)`: ("out", obj), ("err", ErrorRecord), ("warn", text),
("verbose", text), ("debug", text), ("host", text) for Write-Host and ("info", obj) for Write-Information.
"""
from __future__ import annotations

from ...host.console import HostBase, HostText


class JobHost(HostBase):
    """A host without a console: output, errors and messages go to `emit(kind, payload)`."""

    interactive = False
    name = "ServerRemoteHost"

    def __init__(self, emit):
        self.emit = emit
        self.fix_error = None       # run_job_script: adjusts a record before it leaves the job

    def write(self, text):
        self.emit("host", text)
        if self.transcripts:
            self.transcribe(text)

    def write_error_text(self, text):
        self.emit("host", text)
        if self.transcripts:
            self.transcribe(text)

    def read_line(self):
        return None

    def read_secret_line(self):
        return None

    def write_error_record(self, rec):
        self.emit("err", self.fix_error(rec) if self.fix_error is not None else rec)

    def write_warning(self, text):
        self.emit("warn", text)

    def write_verbose(self, text):
        self.emit("verbose", text)

    def write_debug(self, text):
        self.emit("debug", text)

    def write_information(self, obj):
        from ...runtime.streams_records import InformationRecord
        data = obj.MessageData if isinstance(obj, InformationRecord) else obj
        if isinstance(data, HostText):
            self.emit("host", data.text + ("" if data.no_newline else "\n"))
        else:
            self.emit("info", data)

    def write_progress(self, source_id, record):
        pass

    def reset_progress(self):
        pass


def run_job_script(session, text, arguments, input_objects, emit, using=None):
    """Run the job's script block (its text) in `session` with its arguments ($args / param()), its
    input ($input) and the caller's values of its $using: variables (`using`: name -> value). Output goes to emit("out", obj). Returns None when the script ended normally, or the
    ErrorRecord of the terminating error that ended it (the job is then Failed)."""
    from ...commands.binder import CommandArgument
    from ...commands.function import FunctionProcessor
    from ...errors import PSException, ParseError
    from ...language import parse
    from ...runtime.scriptblock import ScriptBlock
    from ...runtime.conversion import to_string
    ctx = session.global_ctx
    for name, value in (using or {}).items():
        # pshim reads $using:x as the variable x of the scope it runs in: the job's session holds it
        session.global_scope.set_local(name, value)
    try:
        sb = ScriptBlock(parse(text))
    except ParseError as e:
        return e.error_record
    anonymous = to_string(sb)

    def unnamed(rec):
        # the job's script block has no name: a Write-Error in it is not reported under its text
        if rec.command_fqid_suffix == anonymous:
            rec.command_fqid_suffix = ""
        return rec
    host = session.host
    if isinstance(host, JobHost):
        host.fix_error = unnamed
    args = [CommandArgument(None, a) for a in (arguments or [])]
    has_input = input_objects is not None
    proc = FunctionProcessor(ctx, None, sb, args, None, has_input, "", dot_source=False)
    proc.emit = lambda obj: emit("out", obj)
    proc.streams = None
    try:
        proc.begin()
        if has_input:
            for o in input_objects:
                proc.process_record(o)
        else:
            proc.process_no_input()
        proc.end()
        proc.finish()
    except PSException as e:
        rec = unnamed(e.error_record)
        session.add_error(rec)
        return rec
    return None
