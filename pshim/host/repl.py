"""The interactive shell loop.

On a terminal it reads with prompt-toolkit (host/ptk.py: highlighting, Tab
completion, history, Ctrl+R, multi-line editing); otherwise with a plain line
reader. Either way an incomplete statement (open brace, trailing pipe, open
string) continues on a `>> ` line instead of failing.

Ctrl+C while a pipeline runs sets `session.stopping` and raises
KeyboardInterrupt in the main thread (whatever the pipeline waits on: a sleep,
a file read, a network probe); the loop reports nothing and shows the prompt
again. Ctrl+D on an empty line or `exit` leaves.
"""
from __future__ import annotations

import signal
import sys

from ..errors import ExitSignal, IncompleteInput, ParseError

BANNER = "pshim - a PowerShell-compatible shell with Exchange transport cmdlets"


def prompt_text(session) -> str:
    """The prompt: the `prompt` function's output when one is defined, else `[PS] <location>>`."""
    ctx = session.global_ctx
    f = ctx.scope.lookup_function("prompt")
    if f is not None:
        from ..commands.function import invoke_scriptblock
        from ..runtime.conversion import to_string
        try:
            out = invoke_scriptblock(ctx, f.script_block)
            text = "".join(to_string(o) for o in out)
            if text:
                return text
        except Exception:   # a broken prompt function falls back to PowerShell's fallback prompt
            return "PS> "
    return f"[PS] {session.location_info().Path}> "


class PlainReader:
    """input() with the prompt; used when stdin or stdout is not a terminal."""

    def __init__(self, stdin=None, write=None):
        self.stdin = stdin or sys.stdin
        self.write = write or (lambda s: (sys.stdout.write(s), sys.stdout.flush()))

    def read(self, prompt: str) -> str:
        self.write(prompt)
        line = self.stdin.readline()
        if line == "":
            raise EOFError
        return line.rstrip("\r\n")


def make_reader(session):
    if sys.stdin.isatty() and sys.stdout.isatty():
        try:
            from .ptk import PtkReader
            return PtkReader(session)
        except Exception:   # no usable terminal for prompt-toolkit: plain lines
            pass
    return PlainReader()


def read_statement(session, reader, prompt: str):
    """One complete statement (possibly several lines), or None after Ctrl+C at the prompt.
    Raises EOFError at end of input."""
    buf = []
    while True:
        try:
            line = reader.read(prompt)
        except KeyboardInterrupt:
            return None
        buf.append(line)
        text = "\n".join(buf)
        if text.endswith("`"):
            prompt = ">> "
            continue
        try:
            session.parse(text)
        except IncompleteInput:
            prompt = ">> "
            continue
        except ParseError:
            pass
        except Exception:   # a parser bug is reported when the text runs
            pass
        return text


class _SigInt:
    """While a pipeline runs: Ctrl+C stops it (session.stopping) and interrupts the main thread."""

    def __init__(self, session):
        self.session = session
        self.old = None

    def handler(self, signum, frame):
        self.session.stopping = True
        raise KeyboardInterrupt

    def __enter__(self):
        try:
            self.old = signal.signal(signal.SIGINT, self.handler)
        except ValueError:   # not the main thread (embedded use): leave signals alone
            self.old = None
        return self

    def __exit__(self, *exc):
        if self.old is not None:
            signal.signal(signal.SIGINT, self.old)
        return False


def run_line(session, text: str):
    """Run one REPL entry (it becomes an entry of the session's history, runtime/history.py);
    returns an exit code when the shell should end, else None."""
    host = session.host
    with _SigInt(session):
        try:
            session.run(text, add_to_history=True)
            if session.exit_code is not None:      # $Host.SetShouldExit(n): the shell ends after this line
                return session.exit_code
        except ExitSignal as e:
            return e.code
        except KeyboardInterrupt:
            session.stopping = False
            try:
                host.write_line("")
            except Exception:   # the terminal may be gone
                pass
        finally:
            session.stopping = False
    return None


def run_repl(session, nologo: bool = False, reader=None) -> int:
    host = session.host
    if not nologo:
        host.write_line(BANNER)
        host.write_line("")
    if reader is None:
        reader = make_reader(session)
    while True:
        try:
            prompt = prompt_text(session)
        except KeyboardInterrupt:
            prompt = "PS> "
        try:
            text = read_statement(session, reader, prompt)
        except EOFError:
            return _last_exit(session)
        if text is None or not text.strip():
            continue
        code = run_line(session, text)
        if code is not None:
            return code


def _last_exit(session) -> int:
    v = session.global_scope.vars.get("lastexitcode")
    return v.value if v is not None and isinstance(v.value, int) and not isinstance(v.value, bool) else 0


_CONTINUES = ("else", "elseif", "catch", "finally", "until", "while")


class _LineSource:
    """Lines of standard input with one line of look-ahead."""

    def __init__(self, stdin):
        self.stdin = stdin
        self.pending = None

    def read(self, prompt: str = "") -> str:
        if self.pending is not None:
            line, self.pending = self.pending, None
            return line
        line = self.stdin.readline()
        if line == "":
            raise EOFError
        return line.rstrip("\r\n")

    def peek(self):
        if self.pending is None:
            line = self.stdin.readline()
            if line == "":
                return None
            self.pending = line.rstrip("\r\n")
        return self.pending


def _continues(line: str) -> bool:
    w = line.strip().lower()
    return any(w == k or w.startswith(k + " ") or w.startswith(k + "{") or w.startswith(k + "(")
               for k in _CONTINUES)


def run_stdin(session, stdin=None) -> int:
    """`-Command -` and piped standard input: run each statement as soon as it is
    complete, so a confirmation prompt reads its answer from the following line.
    A statement ending in `}` also takes a following `else`/`catch`/`finally`/... line."""
    src = _LineSource(stdin or sys.stdin)
    ok = True
    while True:
        try:
            text = read_statement(session, src, "")
        except EOFError:
            break
        if text is None:
            continue
        while text.rstrip().endswith("}"):
            nxt = src.peek()
            if nxt is None or not _continues(nxt):
                break
            more = read_statement(session, src, "")
            text = text + "\n" + (more or "")
        if not text.strip():
            continue
        with _SigInt(session):
            try:
                ok = session.run(text)
            except ExitSignal as e:
                return e.code
            except KeyboardInterrupt:
                return 130
        if session.exit_code is not None:          # $Host.SetShouldExit(n): stop after this statement
            return session.exit_code
    return 0 if ok else 1
