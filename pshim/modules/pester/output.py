"""What Invoke-Pester prints, as Pester 5 prints it (through Write-Host's stream, so `6>$null` hides it):

    Starting discovery in 1 files.
    Discovery found 3 tests in 12ms.
    Running tests.
    Describing Get-Planet                      (Detailed)
      [+] lists the planets 8ms (4ms|4ms)
      [-] fails 10ms (7ms|3ms)
       Expected 5, but got 4.
       at $x | Should -Be 5, /path/Planet.Tests.ps1:10
       at <ScriptBlock>, /path/Planet.Tests.ps1:10
    Tests completed in 123ms
    Tests Passed: 1, Failed: 1, Skipped: 0 NotRun: 0

Normal shows only failed tests (by their full path, `[-] Get-Planet.fails`) and each passing file;
None shows nothing. Times are measured: the total, then the test's own code | the framework's share.

Diagnostic is Detailed plus Pester's debug messages from the sources Discovery, Skip and Mock, each
line as `<source>: <message>` (`Discovery: Discovering tests in /path/Planet.Tests.ps1`,
`Mock: Setting up default mock for Get-Date.`)."""
from __future__ import annotations

from ...runtime import conversion as cv
from .tree import Block


def human_time(seconds: float) -> str:
    if seconds < 1:
        return f"{int(round(seconds * 1000))}ms"
    return f"{cv.to_string(round(seconds, 2))}s"


def _times(total: float, user: float) -> str:
    return f"{human_time(total)} ({human_time(user)}|{human_time(max(0.0, total - user))})"


def error_lines(exc) -> list[str]:
    """One error as Pester shows it: the message (with the exception's type unless it is an assertion),
    `at <line>, <file>:<n>` for an assertion, then where it happened."""
    from ...runtime.compile_stmt import error_record_of
    rec = error_record_of(exc)
    lines = []
    target = rec.target
    assertion = rec.error_id == "PesterAssertionFailed"
    inner = rec.exception if rec.exception is not None else exc
    text = cv.to_string(rec.message())
    msg_lines = [ln for ln in text.replace("\r\n", "\n").split("\n") if ln]
    if not assertion and msg_lines:
        tname = inner.ps_type.rsplit(".", 1)[-1] if getattr(inner, "ps_type", None) else "Exception"
        msg_lines[0] = f"{tname}: {msg_lines[0]}"
    lines += msg_lines
    if assertion and target is not None:
        lines.append(f"at {cv.to_string(target['LineText']).strip()}, {target['File']}:{target['Line']}")
    inv = rec.invocation
    ext = getattr(inv, "extent", None) if inv is not None else None
    if ext is not None and ext.path:
        lines.append(f"at <ScriptBlock>, {ext.path}:{ext.line}")
    elif ext is not None:
        lines.append(f"at <ScriptBlock>, <No file>:{ext.line}")
    return lines


class Screen:
    def __init__(self, write, verbosity: str):
        self.write = write                  # write(text): one line to the host
        self.verbosity = verbosity.lower()  # none, normal, detailed, diagnostic

    @property
    def detailed(self):
        return self.verbosity in ("detailed", "diagnostic")

    @property
    def quiet(self):
        return self.verbosity == "none"

    @property
    def diagnostic(self):
        return self.verbosity == "diagnostic"

    def debug(self, source: str, message: str):
        """One of Pester's debug messages (Diagnostic only)."""
        if self.diagnostic:
            self.write(f"{source}: {message}")

    def start(self, version):
        if self.detailed:
            self.write(f"Pester v{version}")

    def discovery_start(self, files: int):
        if not self.quiet:
            self.write("")
            self.write(f"Starting discovery in {files} files.")

    def discovery_failed(self, container, exc):
        if self.quiet:
            return
        self.write(f"[-] Discovery in {container.path} failed with:")
        for ln in error_lines(exc):
            self.write(ln)

    def discovery_end(self, found: int, seconds: float, filters: list, selected: int):
        if self.quiet:
            return
        self.write(f"Discovery found {found} tests in {human_time(seconds)}.")
        if self.detailed and filters:
            for name, values in filters:
                self.write(f"Filter '{name}' set to ('" + "', '".join(values) + "').")
            self.write(f"Filters selected {selected} tests to run.")
        self.debug("Discovery", "Test discovery finished.")

    def run_start(self):
        if not self.quiet:
            self.write("Running tests.")

    def container_start(self, container):
        if self.detailed:
            self.write("")
            self.write(f"Running tests from '{container.path}'")

    def block_header(self, block: Block):
        """Describing / Context lines are written just before the block's first test (Pester 5 waits
        so a data-driven block's name is expanded first)."""
        if not self.detailed or block.is_root or block.written:
            return
        if block.parent is not None and not block.parent.is_root and not block.parent.written:
            self.block_header(block.parent)
        level = len(block.path) - 1
        if level == 0 and not block.first:
            self.write("")
        block.written = True
        word = "Describing" if block.kind == "Describe" else "Context"
        self.write(" " * level + f"{word} {block.expanded_name}")

    def test_end(self, test):
        if self.quiet:
            return
        if self.detailed:
            margin = " " * len(test.Path)
            out = test.expanded_name
        else:
            margin = ""
            out = test.ExpandedPath
        error_margin = margin + " "
        times = _times(test.duration, test.user_duration)
        if test.result == "Passed":
            if self.detailed:
                self.write(f"{margin}[+] {out} {times}")
        elif test.result == "Failed":
            self.write(f"{margin}[-] {out} {times}")
            self._errors(test.errors, error_margin)
        elif test.result == "Skipped":
            if self.detailed:
                reason = f" {test.skip_reason}" if test.skip_reason else ""
                self.write(f"{margin}[!] {out}{reason} {times}")

    def _errors(self, errors, margin):
        many = len(errors) > 1
        for i, e in enumerate(errors):
            lines = error_lines(e)
            if many and lines:
                lines[0] = f"[{i}] {lines[0]}"
            for ln in lines:
                self.write(margin + ln)

    def block_failed(self, block):
        if self.quiet:
            return
        margin = " "
        if self.detailed:
            self.block_header(block)
            margin = " " * len(block.path) + " "
        self.write(f"[-] {block.kind} {'.'.join(block.path)} failed")
        self._errors(block.errors, margin)

    def container_failed(self, container):
        if self.quiet:
            return
        self.write(f"[-] {container.path} failed with:")
        self._errors(container.errors, "")

    def container_end(self, container):
        if self.verbosity == "normal" and container.result == "Passed":
            self.write(f"[+] {container.path} {_times(container.duration, container.user_duration)}")

    def summary(self, run):
        if self.quiet:
            return
        self.write(f"Tests completed in {human_time(run.duration)}")
        self.write(f"Tests Passed: {run.PassedCount}, Failed: {run.FailedCount}, Skipped: {run.SkippedCount} "
                   f"NotRun: {run.NotRunCount}")
        failed_blocks = run.failed_blocks()
        if failed_blocks:
            self.write(f"BeforeAll \\ AfterAll failed: {len(failed_blocks)}")
            self.write("\n".join(f"  - {'.'.join(b.path)}" for b in failed_blocks))
        failed_containers = run.failed_containers()
        if failed_containers:
            self.write(f"Container failed: {len(failed_containers)}")
            self.write("\n".join(f"  - {c.path}" for c in failed_containers))
