"""Test helpers: run pshim code and look at what came out.

    r = run("1..3 | ForEach-Object { $_ * 2 }")
    r.output      # [2, 4, 6]   objects of the success stream
    r.errors      # ErrorRecords written (non-terminating and terminating)
    r.host_text   # what the host printed (Write-Host, What if:, prompts, Out-Default text)
    r.error_text  # the error stream as the console shows it (NormalView)
"""
from __future__ import annotations

from .errors import ExitSignal
from .host.console import BufferHost
from .runtime.session import Session


class RunResult:
    def __init__(self, output, errors, host, ok, exit_code, session):
        self.output = output
        self.errors = errors
        self.host = host
        self.ok = ok
        self.exit_code = exit_code
        self.session = session

    @property
    def host_text(self):
        return self.host.text

    @property
    def error_text(self):
        return self.host.error_text

    @property
    def value(self):
        return self.output[0] if len(self.output) == 1 else self.output

    def __repr__(self):
        return f"RunResult(output={self.output!r}, errors={[e.message() for e in self.errors]!r})"


def new_session(answers=None, interactive=True, width=None) -> Session:
    return Session(BufferHost(answers, interactive, width))


def run(script: str, answers=None, interactive=True, session: Session | None = None, path=None,
        capture_output=True, width=None) -> RunResult:
    """Run a script. With capture_output the success stream is returned as
    objects; otherwise it goes through Out-Default into host_text."""
    s = session or new_session(answers, interactive, width)
    if answers is not None and session is not None:
        s.host.answers.extend(answers)
    out = []
    errors = []
    host = s.host
    orig = host.write_error_record

    def capture_error(rec):
        errors.append(rec)
        orig(rec)
    host.write_error_record = capture_error
    s.global_ctx.streams = s.default_streams()
    exit_code = None
    try:
        ok = s.run(script, path=path, out=out.append if capture_output else None)
    except ExitSignal as e:
        ok = e.code == 0
        exit_code = e.code
    finally:
        host.write_error_record = orig
        s.global_ctx.streams = s.default_streams()
    return RunResult(out, errors, host, ok, exit_code, s)
