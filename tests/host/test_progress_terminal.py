"""Write-Progress on a real terminal (tmux): the block with its bar is on screen while a slow loop runs,
is redrawn in place as the percentage grows, and is gone when the command ends. Every wait is bounded."""
import os
import uuid
import re
import shlex
import shutil
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TMUX = shutil.which("tmux") or "/usr/bin/tmux"

pytestmark = pytest.mark.skipif(not os.path.exists(TMUX), reason="tmux not installed")

SLOW_LOOP = "1..20 | % { Write-Progress -Activity A -PercentComplete ($_*5); Start-Sleep -Milliseconds 100 }"
BAR = re.compile(r"^ {4}\[(o*) *\]$", re.M)      # capture-pane drops trailing blanks


class Pane:
    def __init__(self, tmp_path, name, command):
        self.sock = f"pshim-progress-{os.getpid()}-{name}-{uuid.uuid4().hex[:8]}"
        cmd = (f"cd {ROOT} && env PSHIM_HOME={tmp_path / 'home'} PYTHONPATH={ROOT} TERM=xterm-256color "
               f"{command}")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "100", "-y", "30", cmd)

    def tmux(self, *args, check=True):
        return subprocess.run([TMUX, "-L", self.sock, *args], capture_output=True, text=True, check=check,
                              timeout=10)

    def screen(self, colors=False):
        return self.tmux("capture-pane", "-p", *(["-e"] if colors else []), "-t", "t", check=False).stdout

    def type_line(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)
        self.tmux("send-keys", "-t", "t", "Enter")

    def wait_for(self, cond, what, timeout=10.0):
        end = time.time() + timeout
        s = ""
        while time.time() < end:
            s = self.screen()
            if cond(s):
                return s
            time.sleep(0.03)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{s}")

    def close(self):
        self.tmux("kill-server", check=False)


def _bar(screen):
    m = BAR.search(screen)
    return None if m is None else m.group(1)


def _shows_block(screen):
    lines = screen.split("\n")
    return " A" in lines and "    Processing" in lines and _bar(screen) is not None


def test_repl_draws_the_bar_during_a_slow_loop_and_removes_it(tmp_path):
    pane = Pane(tmp_path, "repl", f"{sys.executable} -m pshim -NoProfile -NoLogo")
    try:
        pane.wait_for(lambda s: "[PS] " in s, "first prompt")
        pane.type_line("'before'; " + SLOW_LOOP + "; 'after'")
        s = pane.wait_for(lambda s: _shows_block(s) and 0 < len(_bar(s)) < 80, "the progress block")
        first = len(_bar(s))
        lines = s.split("\n")
        assert lines.index("before") < lines.index(" A") < lines.index("    Processing")
        bar_line = next(ln for ln in lines if BAR.match(ln))
        assert len(bar_line) == 99 - 6                          # sized to the window (100 columns)
        colored = pane.screen(colors=True)                      # 5.1's colours: Yellow on DarkCyan
        assert "\x1b[46m" in colored and "\x1b[93m" in colored
        s = pane.wait_for(lambda s: _bar(s) is not None and len(_bar(s)) > first, "the bar growing")
        assert s.split("\n").count(" A") == 1                  # redrawn in place, not repeated
        s = pane.wait_for(lambda s: "after" in s and s.count("[PS] ") >= 2, "the end of the command")
        assert not _shows_block(s) and _bar(s) is None and "Processing" not in s
        shown = [ln for ln in s.split("\n") if ln.strip()]
        assert shown[shown.index("before"):][1:2] == ["after"] and shown[-1].startswith("[PS] ")
    finally:
        pane.close()


def test_command_line_run_in_a_terminal_draws_and_clears(tmp_path):
    line = "'start'; " + SLOW_LOOP.replace("1..20", "1..10") + "; 'stop'"
    inner = f"{sys.executable} -m pshim -NoProfile -Command {shlex.quote(line)}; echo EXIT-$?; sleep 30"
    cmd = "sh -c " + shlex.quote(inner)
    pane = Pane(tmp_path, "cmd", cmd)
    try:
        pane.wait_for(_shows_block, "the progress block")
        s = pane.wait_for(lambda s: "EXIT-0" in s, "pshim to finish")
        assert _bar(s) is None and " A" not in s.split("\n")
        assert [ln for ln in s.split("\n") if ln.strip()] == ["start", "stop", "EXIT-0"]
    finally:
        pane.close()


def test_output_and_errors_written_during_progress_keep_their_place(tmp_path):
    pane = Pane(tmp_path, "out", f"{sys.executable} -m pshim -NoProfile -NoLogo")
    try:
        pane.wait_for(lambda s: "[PS] " in s, "first prompt")
        pane.type_line("1..12 | % { Write-Progress -Activity A -Status \"item $_\" -PercentComplete ($_*8); "
                       "\"line $_\"; if ($_ -eq 4) { Write-Error 'oops' }; Start-Sleep -Milliseconds 80 }")
        s = pane.wait_for(lambda s: "line 6" in s and _bar(s) is not None, "output with the block below it")
        lines = [ln for ln in s.split("\n") if ln.strip()]
        last_output = max(i for i, ln in enumerate(lines) if ln.startswith("line "))
        assert lines[last_output + 1] == " A"                    # the block sits below the newest output
        s = pane.wait_for(lambda s: "line 12" in s and s.count("[PS] ") >= 2, "the end of the command")
        lines = [ln for ln in s.split("\n") if ln.strip()]
        outs = [ln for ln in lines if ln.startswith("line ")]
        assert outs == [f"line {i}" for i in range(1, 13)]       # each once, in order, none overwritten
        first = lines.index("line 1")
        error_at = next(i for i, ln in enumerate(lines) if i > first and "oops" in ln)   # the error record
        assert lines.index("line 4") < error_at < lines.index("line 5")
        assert _bar(s) is None and " A" not in lines and not any("item " in ln for ln in lines[first:])
    finally:
        pane.close()


def test_a_prompt_hides_the_block_until_it_is_answered(tmp_path):
    pane = Pane(tmp_path, "ask", f"{sys.executable} -m pshim -NoProfile -NoLogo")
    try:
        pane.wait_for(lambda s: "[PS] " in s, "first prompt")
        pane.type_line("Write-Progress -Activity A -PercentComplete 50; $n = Read-Host 'Name'; \"hi $n\"; "
                       "Start-Sleep -Milliseconds 1500; 'end'")
        s = pane.wait_for(lambda s: "Name:" in s.split("\n"), "the Read-Host prompt")
        time.sleep(0.3)
        s = pane.screen()
        assert [ln for ln in s.split("\n") if ln.strip()][-1] == "Name:" and _bar(s) is None
        pane.type_line("Bob")
        s = pane.wait_for(lambda s: "hi Bob" in s and _bar(s) is not None, "the block back after the answer")
        lines = s.split("\n")
        assert lines.index("hi Bob") < lines.index(" A") and len(_bar(s)) == 87 // 2
        s = pane.wait_for(lambda s: "end" in s.split("\n") and s.count("[PS] ") >= 2, "the end of the command")
        assert _bar(s) is None
    finally:
        pane.close()
