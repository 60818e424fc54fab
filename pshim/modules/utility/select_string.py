"""Select-String and its MatchInfo results.

A MatchInfo's text is `path:line:text` when it came from a file and just the
line when it came from the pipeline (its Path/Filename are then
"InputStream"); with -Context the matching line gets a "> " prefix and the
context lines "  ". The console view prints that text with the path relative
to the current location, as 5.1's MatchInfo view does.

Context: PreContext/PostContext hold up to N neighbouring lines (matching
lines included); DisplayPreContext/DisplayPostContext leave out lines already
shown with the previous match, so consecutive matches print as one run.
Piped input with -Context is buffered until the end of input.
"""
from __future__ import annotations

import os
from collections import deque

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import ArgumentException, PSException
from ...formatting.views import register_view, CustomView
from ...runtime import conversion as cv
from ...runtime.dotnet_regex import Regex, Match
from ...runtime.psobject import DotNetObject, unwrap
from ..management.filesystem import FsCmdlet

_FILE = "File"
_OBJECT = "Object"
_LITERAL = "LiteralFile"
_INPUT_STREAM = "InputStream"


class MatchInfoContext(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.MatchInfoContext", "System.Object")
    ps_properties = ("PreContext", "PostContext", "DisplayPreContext", "DisplayPostContext")

    def __init__(self):
        self.PreContext = []
        self.PostContext = []
        self.DisplayPreContext = []
        self.DisplayPostContext = []

    def ps_to_string(self):
        return "Microsoft.PowerShell.Commands.MatchInfoContext"


class MatchInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.MatchInfo", "System.Object")
    ps_properties = ("IgnoreCase", "LineNumber", "Line", "Filename", "Path", "Pattern", "Context", "Matches")
    ps_methods = ("ToString", "RelativePath")

    def __init__(self, line, pattern, ignore_case, matches, path=None, line_number=0, context=None):
        self.IgnoreCase = ignore_case
        self.LineNumber = line_number
        self.Line = line
        self.Pattern = pattern
        self.Context = context
        self.Matches = matches
        self.directory = None      # where Select-String ran: the console shows paths relative to it
        self._path = path

    @property
    def Path(self):
        return self._path if self._path is not None else _INPUT_STREAM

    @property
    def Filename(self):
        if self._path is None:
            return _INPUT_STREAM
        return self._path.replace("\\", "/").rsplit("/", 1)[-1]

    def RelativePath(self, directory):
        if self._path is None:
            return _INPUT_STREAM
        rel = self._path
        directory = cv.to_string(directory) if directory is not None else ""
        if directory and rel.lower().startswith(directory.lower()):
            n = len(directory)
            if n < len(rel):
                if directory[-1] in "\\/":
                    rel = rel[n:]
                elif rel[n] in "\\/":
                    rel = rel[n + 1:]
        return rel

    def _format(self, text, number, shown_path, prefix):
        if self._path is None:
            return prefix + text
        return f"{prefix}{shown_path}:{number}:{text}"

    def ToString(self, directory=None):
        shown = self.RelativePath(directory) if directory is not None else self._path
        ctx = self.Context
        if ctx is None:
            return self._format(self.Line, self.LineNumber, shown, "")
        lines = []
        n = self.LineNumber - len(ctx.DisplayPreContext)
        for t in ctx.DisplayPreContext:
            lines.append(self._format(t, n, shown, "  "))
            n += 1
        lines.append(self._format(self.Line, n, shown, "> "))
        n += 1
        for t in ctx.DisplayPostContext:
            lines.append(self._format(t, n, shown, "  "))
            n += 1
        return "\n".join(lines)

    def ps_to_string(self):
        return self.ToString()


def _render(obj) -> str:
    """A match as the console shows it: its path relative to the location Select-String ran in."""
    return obj.ToString(obj.directory)


register_view("Microsoft.PowerShell.Commands.MatchInfo", CustomView(_render, name="MatchInfo"))


# ---------------------------------------------------------------------------
# context

def _apply_context(entries, pre, post):
    """entries: [(line, MatchInfo or None)] of one input; fill each match's context."""
    lines = [e[0] for e in entries]
    # logical context
    for i, (_, m) in enumerate(entries):
        if m is not None and m.Context is not None:
            m.Context.PreContext = lines[max(0, i - pre):i]
            m.Context.PostContext = lines[i + 1:i + 1 + post]
    # display context
    pre_buf = deque(maxlen=pre) if pre else None
    current = None
    post_buf = []

    def finish():
        nonlocal current, post_buf, pre_buf
        if current is not None and current.Context is not None:
            current.Context.DisplayPreContext = list(pre_buf) if pre_buf is not None else []
            current.Context.DisplayPostContext = list(post_buf)
        current = None
        post_buf = []
        pre_buf = deque(maxlen=pre) if pre else None

    for line, m in entries:
        if m is not None:
            if current is not None:
                finish()
            current = m
            if post == 0:
                finish()
        elif current is not None:
            post_buf.append(line)
            if len(post_buf) >= post:
                finish()
        elif pre_buf is not None:
            pre_buf.append(line)
    if current is not None:
        finish()


# ---------------------------------------------------------------------------

class SelectStringCommand(FsCmdlet):
    name = "Select-String"
    dotnet_type = "Microsoft.PowerShell.Commands.SelectStringCommand"
    module_name = "Microsoft.PowerShell.Utility"
    default_parameter_set = _FILE
    synopsis = "Finds text in strings and files."

    InputObject = Parameter("psobject", allow_null=True, allow_empty_string=True,
                            sets=[ParameterSetData(_OBJECT, mandatory=True, from_pipeline=True)])
    Pattern = Parameter("string[]", position=0, mandatory=True)
    # 5.1 also binds Path/LiteralPath (PSPath) by property name; pshim's binder would then bind a piped
    # FileInfo or MatchInfo to InputObject *and* a path parameter of another set (see the engine notes),
    # so piped files arrive through InputObject, which reads a FileInfo as 5.1 does.
    Path = Parameter("string[]", sets=[ParameterSetData(_FILE, position=1, mandatory=True)])
    LiteralPath = Parameter("string[]", aliases=("PSPath", "LP"),
                            sets=[ParameterSetData(_LITERAL, mandatory=True)])
    SimpleMatch = Parameter("switch")
    CaseSensitive = Parameter("switch")
    Quiet = Parameter("switch")
    List = Parameter("switch")
    Include = Parameter("string[]", validate_not_null_or_empty=True)
    Exclude = Parameter("string[]", validate_not_null_or_empty=True)
    NotMatch = Parameter("switch")
    AllMatches = Parameter("switch")
    Encoding = Parameter("string", validate_set=("unicode", "utf7", "utf8", "utf32", "ascii", "bigendianunicode",
                                                 "default", "oem"))
    Context = Parameter("int[]", validate_not_null_or_empty=True, validate_count=(1, 2),
                        validate_range=(0, 2147483647))

    def begin(self):
        self._patterns = [cv.to_string(p) for p in (self.Pattern or [])]
        self._regexes = None
        if not self.SimpleMatch:
            opts = 0 if self.CaseSensitive else 1
            self._regexes = []
            for p in self._patterns:
                try:
                    self._regexes.append(Regex(p, opts))
                except PSException as e:
                    raise self.terminating_error(self.error(
                        f"The string {p} is not a valid regular expression: {e.message}", "InvalidRegex",
                        "InvalidArgument", None, ArgumentException))
        ctx = list(self.Context or [])
        self._pre = int(ctx[0]) if ctx else 0
        self._post = int(ctx[1]) if len(ctx) > 1 else self._pre
        self._with_context = self._pre > 0 or self._post > 0
        self._record = 0
        self._done = False
        self._stream = []         # buffered (line, MatchInfo|None) of piped input with -Context

    # -- matching -----------------------------------------------------------------
    def _match(self, line: str, path=None, number=0):
        """A MatchInfo when the line is selected, else None."""
        found = False
        matches = []
        index = 0
        if self._regexes is not None:
            for index, rx in enumerate(self._regexes):
                pat = rx.compiled
                if self.AllMatches and not self.NotMatch:
                    ms = [Match(pat, m, line) for m in pat.finditer(line)]
                    if ms:
                        matches, found = ms, True
                else:
                    m = pat.search(line)
                    if m is not None:
                        matches, found = [Match(pat, m, line)], True
                if found:
                    break
        else:
            low = line if self.CaseSensitive else line.lower()
            for index, p in enumerate(self._patterns):
                if (p if self.CaseSensitive else p.lower()) in low:
                    found = True
                    break
        if self.NotMatch:
            found = not found
            index = 0
            matches = []
        if not found:
            return None
        pattern = self._patterns[index] if self._patterns else ""
        ctx = MatchInfoContext() if self._with_context else None
        m = MatchInfo(line, pattern, not self.CaseSensitive, matches, path, number, ctx)
        m.directory = self._directory()
        return m

    def _directory(self):
        """The current location as the user addresses it (`C:\\x`), once per command."""
        d = self.__dict__.get("_shown_location", False)
        if d is False:
            from ...runtime.drives import display_path
            try:
                d = display_path(self.ctx.resolve_path("."))
            except Exception:   # an unresolvable location: matches show their full paths
                d = None
            self._shown_location = d
        return d

    # -- input ----------------------------------------------------------------------
    def process(self):
        if self._done:
            return
        ps = self.parameter_set_name
        if ps in (_FILE, _LITERAL):
            literal = ps == _LITERAL
            values = self.LiteralPath if literal else self.Path
            files = []
            for typed in values or []:
                for r in self.expand(cv.to_string(typed), literal):
                    files.append((r.os_path, r.display))
            self._files(files)
            return
        obj = self.InputObject
        base = unwrap(obj)
        os_path = getattr(base, "_os", None)
        if os_path is not None and "System.IO.FileInfo" in getattr(base, "ps_type_names", ()):
            self._files([(os_path, base.FullName)], check_dirs=False)
            return
        self._record += 1
        if isinstance(base, MatchInfo):
            line = base.Line
            selected = base if self._match(line) is not None else None
        else:
            line = "" if base is None else (base if isinstance(base, str) else cv.to_string(obj))
            selected = self._match(line, None, self._record)
        if self._with_context:
            self._stream.append((line, selected))
            return
        if selected is not None:
            self._emit([selected])
            if self.Quiet:
                self._done = True

    def end(self):
        if self._stream and not self._done:
            _apply_context(self._stream, self._pre, self._post)
            self._emit([m for _, m in self._stream if m is not None])
        self._stream = []

    def _emit(self, found):
        if not found:
            return False
        if self.Quiet and not self.List:
            self.write_object(True)
        elif self.List:
            self.write_object(found[0])
        else:
            for m in found:
                self.write_object(m)
        return True

    def _files(self, files, check_dirs=True):
        any_found = False
        for os_path, display in files:
            if check_dirs and os.path.isdir(os_path):
                continue
            if self._file(os_path, display):
                any_found = True
                if self.Quiet:
                    return
        if self.Quiet and not any_found:
            self.write_object(None if self.List else False)

    def _included(self, name: str) -> bool:
        from ...runtime.operators import wildcard_match
        if self.Include and not any(wildcard_match(cv.to_string(p), name) for p in self.Include):
            return False
        if self.Exclude and any(wildcard_match(cv.to_string(p), name) for p in self.Exclude):
            return False
        return True

    def _file(self, os_path, display) -> bool:
        from ..management.content import _open_text
        if not self._included(display):
            return False
        first_only = bool(self.Quiet or self.List)
        entries = []              # (line, MatchInfo|None), kept only with -Context
        found = []
        stop_at = None            # with -Context and -List/-Quiet: last line of the first match's context
        try:
            with _open_text(os_path, self.Encoding) as fh:
                n = 0
                for raw in fh:
                    n += 1
                    line = raw[:-1] if raw.endswith("\n") else raw
                    m = None if stop_at is not None else self._match(line, display, n)
                    if self._with_context:
                        entries.append((line, m))
                    if m is not None:
                        found.append(m)
                        if first_only:
                            if not self._with_context or self._post == 0:
                                break
                            stop_at = n + self._post
                        elif not self._with_context:
                            self._emit([m])
                    if stop_at is not None and n >= stop_at:
                        break
        except OSError as e:
            self.write_error(self.error(f"The file {display} cannot be read: {e.strerror or e}", "ProcessingFile",
                                        "InvalidArgument", None, ArgumentException))
            return False
        if not found:
            return False
        if self._with_context:
            _apply_context(entries, self._pre, self._post)
        if first_only:
            self._emit(found[:1])
        elif self._with_context:
            self._emit(found)
        return True
