"""The pshim command line (pwsh-style flags).

    pshim                          interactive shell
    pshim FILE.ps1 [args]          run a script (also: -File FILE.ps1 -Param value)
    pshim -Command '<text>'        run text (-c; `-Command -` reads standard input)
    -NoProfile -NoLogo -NonInteractive -ExecutionPolicy <x> (accepted, ignored) -Help
Exit codes as pwsh: `exit N`; a terminating error ends -File with 1; -Command
returns 1 when the last pipeline failed.
"""
from __future__ import annotations

import os
import sys

USAGE = """Usage: pshim [-NoProfile] [-NoLogo] [-NonInteractive] [-ExecutionPolicy <policy>]
             [-Command <text> | -Command - | -c <text>] [[-File] <file.ps1> [args...]] [-Help]

  -Command, -c      Run the given text (or '-' to read it from standard input).
  -File, -f         Run a script file; following arguments bind to its param() block.
  -NoProfile        Do not run the profile script.
  -NoLogo           Do not print the banner in interactive mode.
  -NonInteractive   Never prompt: a prompt becomes an error.
  -Help, -?         Show this text.
"""


def _flag(arg: str, *names: str) -> bool:
    a = arg.lower().lstrip("-/")
    if not arg.startswith(("-", "/")) or not a:
        return False
    return any(n.lower().startswith(a) and len(a) >= min(len(n), 2) or n.lower() == a for n in names)


def parse_args(argv):
    opts = {"command": None, "file": None, "args": [], "noprofile": False, "nologo": False,
            "noninteractive": False, "help": False}
    i = 0
    while i < len(argv):
        a = argv[i]
        la = a.lower()
        if la in ("-c", "-command", "/c", "-com", "-comm", "-comma", "-comman"):
            opts["command"] = " ".join(argv[i + 1:]) if i + 1 < len(argv) else ""
            break
        if la in ("-f", "-file", "-fi", "-fil"):
            if i + 1 < len(argv):
                opts["file"] = argv[i + 1]
                opts["args"] = argv[i + 2:]
            break
        if la in ("-?", "-h", "-help", "--help", "/?"):
            opts["help"] = True
        elif la in ("-noprofile", "-nop"):
            opts["noprofile"] = True
        elif la in ("-nologo", "-nol"):
            opts["nologo"] = True
        elif la in ("-noninteractive", "-noni", "-nonint"):
            opts["noninteractive"] = True
        elif la in ("-executionpolicy", "-ex", "-ep", "-exec"):
            i += 1
        elif la in ("-noexit", "-sta", "-mta", "-noe"):
            pass
        elif la in ("-outputformat", "-of", "-inputformat", "-if", "-windowstyle", "-w"):
            i += 1
        elif not a.startswith("-"):
            opts["file"] = a
            opts["args"] = argv[i + 1:]
            break
        else:
            opts["command"] = " ".join(argv[i:])
            break
        i += 1
    return opts


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    opts = parse_args(argv)
    if opts["help"]:
        sys.stdout.write(USAGE)
        return 0
    from .host.console import ConsoleHost
    from .runtime.session import Session
    from .runtime.drives import pshim_home
    from .language import parse_cache
    from .errors import ExitSignal
    parse_cache.enable(os.path.join(pshim_home(), "cache", "parse"))    # repeated runs skip the grammar
    interactive_run = opts["command"] is None and opts["file"] is None
    if interactive_run and not sys.stdin.isatty():
        opts["command"] = "-"          # piped standard input: run it statement by statement
        interactive_run = False
    host = ConsoleHost(interactive=not opts["noninteractive"])
    session = Session(host)
    try:
        if not opts["noprofile"]:
            _run_profile(session)
        if opts["file"] is not None:
            return _should_exit(session, run_file(session, opts["file"], opts["args"]))
        if opts["command"] is not None:
            text = opts["command"]
            if text.strip() == "-":
                from .host.repl import run_stdin
                return _should_exit(session, run_stdin(session))
            return _should_exit(session, run_command(session, text))
        from .host.repl import run_repl
        return run_repl(session, nologo=opts["nologo"])
    except ExitSignal as e:
        return e.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader of our output went away (`pshim ... | head`): stop quietly, as a console program does
        _silence_stdout()
        return 141
    finally:
        try:
            sys.stdout.flush()
        except Exception:   # stdout already closed (a pipe reader went away)
            _silence_stdout()


def _silence_stdout():
    """Point stdout at /dev/null so the interpreter's final flush cannot fail with a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _should_exit(session, code: int) -> int:
    """The exit code: $Host.SetShouldExit's when the script or command called it, else the run's own."""
    return session.exit_code if session.exit_code is not None else code


def run_command(session, text: str) -> int:
    """-Command: exit N gives N; otherwise 1 when the last pipeline failed, else 0."""
    from .errors import ExitSignal
    from .host.repl import _SigInt
    with _SigInt(session):
        try:
            ok = session.run(text)
        except ExitSignal as e:
            return e.code
    return 0 if ok else 1


def _run_profile(session):
    path = session.global_scope.vars["profile"].value
    if path and os.path.isfile(path):
        run_file(session, path, [], dot_source=True)


def run_file(session, path: str, args: list[str], dot_source: bool = False) -> int:
    from .errors import ExitSignal, PSException, ParseError
    from .commands.binder import CommandArgument
    from .commands.function import FunctionProcessor, script_file_block
    from .runtime.compile_stmt import as_ps_exception
    ctx = session.global_ctx
    full = ctx.resolve_path(path)
    if not os.path.isfile(full):
        from .commands.processor import command_not_found
        session.host.write_error_text(
            f"The argument '{path}' to the -File parameter does not exist. Provide the path to an existing "
            "'.ps1' file as an argument to the -File parameter.\n")
        return 64
    cargs = []
    for a in args:
        if a.startswith("-") and len(a) > 1 and not a[1].isdigit():
            name, sep, val = a[1:].partition(":")
            if sep:
                cargs.append(CommandArgument(name, val, True, None, True))
            else:
                cargs.append(CommandArgument(name, None, False))
        else:
            cargs.append(CommandArgument(None, a))
    sink = session.out_default_sink(ctx)
    try:
        try:
            sb = script_file_block(ctx, full)
            proc = FunctionProcessor(ctx, None, sb, cargs, None, False, full, dot_source=dot_source,
                                     script_path=full)
            proc.emit = sink.add
            proc.begin()
            proc.process_no_input()
            proc.end()
            proc.finish()
        except ExitSignal as e:
            sink.close()
            return e.code
        except PSException as e:
            sink.flush()
            ctx.report_error(e)
            sink.close()
            return 1
        except Exception as e:   # never a traceback: a PowerShell-style error instead
            sink.flush()
            ctx.report_error(as_ps_exception(e))
            sink.close()
            return 1
        sink.close()
    except KeyboardInterrupt:
        return 130
    finally:
        session.host.reset_progress()
    code = session.global_scope.vars.get("lastexitcode")
    if proc.exited and code is not None and isinstance(code.value, int):
        return code.value
    return 0


if __name__ == "__main__":
    sys.exit(main())
