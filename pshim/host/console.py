"""Hosts: where text goes and where answers come from.

ConsoleHost writes output to stdout and the error stream (NormalView) to
stderr, reads prompts from the terminal or, when stdin is not a terminal, from
stdin lines (scripted labs). BufferHost (tests) records everything and answers
prompts from a list. Neither imports prompt-toolkit; the REPL adapter does.

Progress (write_progress) is host chrome, never output: ConsoleHost draws it
only when stdout is a terminal (host/progress.py), so `pshim ... > out.txt`
and pipes hold pipeline output alone; BufferHost records the records.
"""
from __future__ import annotations

import getpass
import os
import shutil
import sys

from ..errors import PipelineStoppedException, non_interactive_error
from .progress import PendingProgress, TerminalProgressPane


def choice_hotkey(label: str) -> str:
    i = label.find("&")
    return label[i + 1].upper() if i >= 0 and i + 1 < len(label) else label[:1].upper()


def choice_text(label: str) -> str:
    return label.replace("&", "")


class HostBase:
    interactive = True
    name = "ConsoleHost"
    transcripts = ()    # the running transcripts' sinks, newest last (Start-Transcript adds one)

    # -- transcripts: every host implementation hands what it writes to transcribe() ----------------
    def add_transcript(self, sink):
        """Start copying what the host writes (output and error text) to sink(text)."""
        self.transcripts = [*self.transcripts, sink]

    def remove_transcript(self, sink):
        self.transcripts = [s for s in self.transcripts if s != sink]

    def transcribe(self, text: str):
        for sink in self.transcripts:
            sink(text)

    def write(self, text: str):
        raise NotImplementedError

    def write_line(self, text: str = ""):
        self.write(text + "\n")

    def write_error_text(self, text: str):
        raise NotImplementedError

    def read_line(self) -> str | None:
        raise NotImplementedError

    def ui_width(self) -> int | None:
        return None

    def ui_height(self) -> int | None:
        """Lines the window shows (Out-Host -Paging pages by it); None when there is no window."""
        return None

    def output_width(self) -> int:
        """Width for formatting console output: buffer width - 1, 120 when none."""
        w = self.ui_width()
        return (w - 1) if w else 120

    def out_default_sink(self, ctx):
        """Where a command line's output goes when nothing else takes it: Out-Default to this host
        (Session.run asks; the runtime never imports the host)."""
        from .out_default_sink import OutDefaultSink
        return OutDefaultSink(ctx)

    def write_error_record(self, rec):
        from ..formatting.error_view import normal_view
        self.write_error_text(normal_view(rec, self.ui_width() or 120) + "\n")

    def write_warning(self, text):
        self.write_line("WARNING: " + text)

    def write_verbose(self, text):
        self.write_line("VERBOSE: " + text)

    def write_debug(self, text):
        self.write_line("DEBUG: " + text)

    def write_information(self, obj):
        from ..runtime.conversion import to_string
        from ..runtime.streams_records import InformationRecord
        data = obj.MessageData if isinstance(obj, InformationRecord) else obj
        if isinstance(data, HostText):
            self.write(data.text + ("" if data.no_newline else "\n"))
        else:
            self.write_line(to_string(data))

    def prompt_for_choice(self, caption, message, choices, default=0) -> int:
        if not self.interactive:
            raise non_interactive_error()
        self.write_line()
        if caption:
            self.write_line(caption)
        if message:
            self.write_line(message)
        prompt = "".join(f"[{choice_hotkey(l)}] {choice_text(l)}  " for l, _ in choices)
        prompt += f'[?] Help (default is "{choice_hotkey(choices[default][0])}"): '
        while True:
            self.write(prompt)
            line = self.read_line()
            if line is None:
                raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
            ans = line.strip()
            if ans == "":
                return default
            if ans == "?":
                for l, help_ in choices:
                    self.write_line(f"{choice_hotkey(l)} - {help_}")
                continue
            for i, (l, _) in enumerate(choices):
                if ans.lower() == choice_text(l).lower():
                    return i
            for i, (l, _) in enumerate(choices):
                if ans.upper() == choice_hotkey(l):
                    return i

    def prompt_line(self, prompt: str) -> str:
        if not self.interactive:
            raise non_interactive_error()
        self.write(prompt)
        line = self.read_line()
        if line is None:
            raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
        return line

    def prompt_secret(self, prompt: str) -> str:
        """A line typed without echo (Get-Credential's password, Read-Host -AsSecureString).
        The answer never goes through write(), so transcripts and recorded output never see it."""
        if not self.interactive:
            raise non_interactive_error()
        self.write(prompt)
        line = self.read_secret_line()
        if line is None:
            raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
        return line

    def read_secret_line(self) -> str | None:
        """One line for prompt_secret; hosts whose read_line echoes override this."""
        return self.read_line()

    # -- progress ---------------------------------------------------------------------------------
    def write_progress(self, source_id: int, record):
        """Show a ProgressRecord (5.1's PSHostUserInterface.WriteProgress); the engine has already
        applied $ProgressPreference. A host without a display ignores it."""

    def reset_progress(self):
        """The top-level command ended: take down any progress display and forget its activities."""


class HostText:
    """Write-Host output on the information stream (keeps -NoNewline and the colours)."""

    def __init__(self, text, no_newline=False, foreground=None, background=None):
        self.text = text
        self.no_newline = no_newline
        self.foreground = foreground      # a ConsoleColor name, or None: the console's own colour
        self.background = background

    def ps_to_string(self):
        return self.text


class ConsoleHost(HostBase):
    def __init__(self, stdout=None, stderr=None, stdin=None, interactive=True):
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.stdin = stdin or sys.stdin
        self.interactive = interactive
        self._pane = None            # the progress block, made on the first record when stdout is a terminal
        self._no_pane = False

    def write_information(self, obj):
        from ..runtime.streams_records import InformationRecord
        data = obj.MessageData if isinstance(obj, InformationRecord) else obj
        if (isinstance(data, HostText) and (data.foreground or data.background) and data.text
                and _isatty(self.stdout)):
            # Write-Host -ForegroundColor/-BackgroundColor on a terminal: the text in those colours, the
            # line end in the console's own (redirected output and transcripts get the plain text)
            self.stdout.write(console_color_sgr(data.foreground, data.background))
            try:
                self.write(data.text)
            finally:
                self.stdout.write("\x1b[0m")
                self.stdout.flush()
            if not data.no_newline:
                self.write("\n")
            return
        super().write_information(obj)

    def write(self, text):
        if self.transcripts:
            self.transcribe(text)
        pane = self._pane
        if pane is not None and pane.shown:
            pane.hide()
            self.stdout.write(text)
            self.stdout.flush()
            pane.show()
            return
        self.stdout.write(text)
        self.stdout.flush()

    def write_error_text(self, text):
        if self.transcripts:
            self.transcribe(text)
        pane = self._pane
        shown = pane is not None and pane.shown and _isatty(self.stderr)
        if shown:
            pane.hide()
        self.stdout.flush()
        self.stderr.write(text)
        self.stderr.flush()
        if shown:
            pane.show()

    def write_progress(self, source_id, record):
        pane = self._pane
        if pane is None:
            if self._no_pane:
                return
            if not _isatty(self.stdout) or os.environ.get("TERM", "") == "dumb":
                self._no_pane = True     # redirected or no cursor control: progress is never drawn
                return
            pane = self._pane = TerminalProgressPane(self.stdout)
        pane.update(source_id, record)

    def reset_progress(self):
        if self._pane is not None:
            self._pane.reset()

    def _hide_progress(self):
        if self._pane is not None:
            self._pane.hide()        # the answer is typed where the block was

    def _show_progress(self):
        if self._pane is not None:
            self._pane.show()        # and the block comes back below it (5.1 hides it while reading)

    def read_line(self):
        self._hide_progress()
        try:
            line = self.stdin.readline()
        finally:
            self._show_progress()
        if line == "":
            return None
        return line.rstrip("\r\n")

    def read_secret_line(self):
        """On a terminal the characters are not shown (getpass turns echo off); piped input is
        never echoed anyway."""
        isatty = getattr(self.stdin, "isatty", None)
        if isatty is not None and isatty():
            self._hide_progress()
            try:
                return getpass.getpass("", stream=self.stdout)
            except EOFError:
                return None
            finally:
                self._show_progress()
        return self.read_line()

    def ui_width(self):
        if not self.stdout.isatty():
            return None
        return shutil.get_terminal_size((120, 40)).columns

    def ui_height(self):
        if not _isatty(self.stdout):
            return None
        return shutil.get_terminal_size((120, 40)).lines


_ANSI_COLORS = {"black": 30, "darkred": 31, "darkgreen": 32, "darkyellow": 33, "darkblue": 34, "darkmagenta": 35,
                "darkcyan": 36, "gray": 37, "darkgray": 90, "red": 91, "green": 92, "yellow": 93, "blue": 94,
                "magenta": 95, "cyan": 96, "white": 97}


def console_color_sgr(foreground, background) -> str:
    """The terminal escape that selects a System.ConsoleColor foreground and/or background."""
    codes = []
    if foreground and str(foreground).lower() in _ANSI_COLORS:
        codes.append(str(_ANSI_COLORS[str(foreground).lower()]))
    if background and str(background).lower() in _ANSI_COLORS:
        codes.append(str(_ANSI_COLORS[str(background).lower()] + 10))
    return f"\x1b[{';'.join(codes)}m" if codes else ""


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class BufferHost(HostBase):
    """A host for tests and embedding: records text, answers from `answers`.

    Progress: `progress` lists every (source_id, ProgressRecord copy) the engine sent, in order;
    `progress_display()` gives the lines a console shows now (none once the activities completed
    or the top-level command ended); `progress_display(after=n)` the lines it showed right after
    the n-th record."""

    def __init__(self, answers=None, interactive=True, width=None):
        self.out = []
        self.err = []
        self.answers = list(answers or [])
        self.interactive = interactive
        self.width = width
        self.height = None              # a window height, for Out-Host -Paging (None: no window)
        self.progress = []
        self._progress_resets = []      # len(progress) at each end of a top-level command

    def write_progress(self, source_id, record):
        self.progress.append((source_id, record.copy()))

    def reset_progress(self):
        self._progress_resets.append(len(self.progress))

    def progress_display(self, width=None, height=50, after=None) -> list[str]:
        upto = len(self.progress) if after is None else after
        pending = PendingProgress()
        for i, (source_id, record) in enumerate(self.progress[:upto]):
            if i in self._progress_resets:
                pending.clear()
            pending.update(source_id, record)
        if after is None and upto in self._progress_resets:
            pending.clear()
        return pending.render((width or self.width or 120) - 1, max(5, height // 3))

    def write(self, text):
        self.out.append(text)
        if self.transcripts:
            self.transcribe(text)

    def write_error_text(self, text):
        self.err.append(text)
        if self.transcripts:
            self.transcribe(text)

    def read_line(self):
        if not self.answers:
            return None
        a = self.answers.pop(0)
        self.out.append(a + "\n")
        return a

    def read_secret_line(self):
        """A secret answer shows as one * per character, as 5.1's console masks it."""
        if not self.answers:
            return None
        a = self.answers.pop(0)
        self.out.append("*" * len(a) + "\n")
        return a

    def ui_width(self):
        return self.width

    def ui_height(self):
        return self.height

    @property
    def text(self):
        return "".join(self.out)

    @property
    def error_text(self):
        return "".join(self.err)
