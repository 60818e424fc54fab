"""The prompt-toolkit adapter: the only module that imports prompt_toolkit.

    PtkReader(session).read(prompt) -> str     (EOFError on Ctrl+D, KeyboardInterrupt on Ctrl+C)

It adapts pshim's plain-Python services to prompt-toolkit: completion.complete
(Tab / Shift+Tab cycle like PSReadLine's TabCompleteNext, with a menu),
highlight.lines (colours and parse-error marks), a file history in pshim's
home (Up/Down, Ctrl+R reverse search) and an Enter key that accepts only a
complete statement: with an open brace, a trailing pipe or an open string it
inserts a newline and the input continues on a `>> ` line.

Up/Down walk the session's history (runtime/history.py: what Get-History shows, so Add-History and
Clear-History change it), then the lines of earlier sessions kept in history.txt.
"""
from __future__ import annotations

import os

from prompt_toolkit import PromptSession
from prompt_toolkit.completion import Completer, Completion
from prompt_toolkit.formatted_text import ANSI
from prompt_toolkit.history import FileHistory, History
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.lexers import Lexer
from prompt_toolkit.styles import Style

from . import completion as _completion
from . import highlight as _highlight

CONTINUATION = ">> "


def history_path() -> str:
    from ..runtime.drives import pshim_home
    home = pshim_home()
    os.makedirs(home, exist_ok=True)
    return os.path.join(home, "history.txt")


class SessionHistory(History):
    """prompt-toolkit's view of the history: the session's entries (newest first), then the lines of
    earlier sessions from the file. A line accepted at the prompt is written to the file at once; it
    joins the session's entries when the REPL has run it."""

    def __init__(self, session, path: str):
        super().__init__()
        self.session = session
        self._file = FileHistory(path)
        self._past = None

    def load_history_strings(self):
        if self._past is None:
            self._past = list(self._file.load_history_strings())
        return self.session.history.command_lines() + self._past

    async def load(self):
        # asked again for every new prompt: the session's history may have changed in between
        self._loaded_strings = list(self.load_history_strings())
        self._loaded = True
        for item in self._loaded_strings:
            yield item

    def append_string(self, string: str) -> None:
        self.store_string(string)

    def store_string(self, string: str) -> None:
        self._file.store_string(string)


class PshimCompleter(Completer):
    def __init__(self, session):
        self.session = session

    def get_completions(self, document, complete_event):
        text = document.text_before_cursor
        start, cands = _completion.complete(self.session, text, len(text))
        for c in cands:
            display = c
            yield Completion(c, start_position=start - len(text), display=display)


class PshimLexer(Lexer):
    def __init__(self, session):
        self.session = session

    def lex_document(self, document):
        lines = _highlight.lines(self.session, document.text)
        styled = [[(f"class:{cls}" if cls else "", piece) for cls, piece in ln] for ln in lines]

        def get_line(i):
            return styled[i] if i < len(styled) else []
        return get_line


def is_complete(session, text: str) -> bool:
    from ..errors import IncompleteInput
    if not text.strip():
        return True
    if text.endswith("`"):
        return False
    try:
        session.parse(text)
    except IncompleteInput:
        return False
    except Exception:   # a real error is reported when the statement runs
        return True
    return True


def _bindings(session):
    kb = KeyBindings()

    @kb.add("enter")
    def _enter(event):
        buf = event.current_buffer
        if buf.complete_state is not None and buf.complete_state.current_completion is not None:
            buf.apply_completion(buf.complete_state.current_completion)
            buf.complete_state = None
        if buf.document.is_cursor_at_the_end and not is_complete(session, buf.text):
            buf.insert_text("\n")
            return
        buf.validate_and_handle()

    @kb.add("escape", "enter")
    def _newline(event):
        event.current_buffer.insert_text("\n")

    @kb.add("tab")
    def _tab(event):
        buf = event.current_buffer
        if buf.complete_state is not None:
            buf.complete_next()
        else:
            buf.start_completion(select_first=True)

    @kb.add("s-tab")
    def _stab(event):
        buf = event.current_buffer
        if buf.complete_state is not None:
            buf.complete_previous()
        else:
            buf.start_completion(select_last=True)

    @kb.add("escape", eager=False)
    def _escape(event):
        buf = event.current_buffer
        if buf.complete_state is not None:
            buf.cancel_completion()
        else:
            buf.reset()

    @kb.add("c-l")
    def _clear(event):
        event.app.renderer.clear()

    return kb


class PtkReader:
    def __init__(self, session):
        self.session = session
        styles = {f"{k}": v for k, v in _highlight.STYLES.items() if v}
        styles["continuation"] = ""
        self._ptk = PromptSession(
            history=SessionHistory(session, history_path()),
            completer=PshimCompleter(session),
            complete_while_typing=False,
            lexer=PshimLexer(session),
            style=Style.from_dict(styles),
            key_bindings=_bindings(session),
            multiline=True,
            prompt_continuation=lambda width, line_number, is_soft_wrap: CONTINUATION,
            enable_history_search=False,
            include_default_pygments_style=False,
            mouse_support=False,
        )

    def read(self, prompt: str) -> str:
        return self._ptk.prompt(ANSI(prompt))
