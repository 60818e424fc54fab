"""The interactive shell loop. Uses prompt-toolkit (through host/ptk.py) when
available and on a terminal; otherwise a plain line reader. An incomplete
statement (open brace, trailing pipe, open string) continues on a `>> ` line."""
from __future__ import annotations

from ..errors import ExitSignal, IncompleteInput, ParseError


def prompt_text(session) -> str:
    ctx = session.global_ctx
    f = ctx.scope.lookup_function("prompt")
    if f is not None:
        from ..commands.function import invoke_scriptblock
        from ..runtime.conversion import to_string
        try:
            out = invoke_scriptblock(ctx, f.script_block)
            return "".join(to_string(o) for o in out)
        except Exception:   # a broken prompt function falls back to the default prompt
            pass
    return f"[PS] {session.location_info().Path}> "


def run_repl(session, nologo: bool = False) -> int:
    host = session.host
    if not nologo:
        host.write_line("pshim - a PowerShell-compatible shell with Exchange transport cmdlets")
        host.write_line("")
    reader = None
    try:
        from .ptk import PtkReader
        reader = PtkReader(session)
    except Exception:   # no terminal or no prompt-toolkit: plain input()
        reader = None
    while True:
        buf = []
        prompt = prompt_text(session)
        while True:
            try:
                line = reader.read(prompt) if reader is not None else input(prompt)
            except EOFError:
                return 0
            except KeyboardInterrupt:
                buf = []
                host.write_line("")
                break
            buf.append(line)
            text = "\n".join(buf)
            try:
                session.parse(text)
            except IncompleteInput:
                prompt = ">> "
                continue
            except ParseError:
                pass
            break
        if not buf or not "\n".join(buf).strip():
            continue
        try:
            session.run("\n".join(buf))
        except ExitSignal as e:
            return e.code
        except KeyboardInterrupt:
            host.write_line("")
