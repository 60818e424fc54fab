"""The interactive shell in a real terminal (tmux): completion, multi-line
input, persistent history, Ctrl+C. Each wait is bounded (a few seconds)."""
import os
import uuid
import shutil
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TMUX = shutil.which("tmux") or "/usr/bin/tmux"

pytestmark = pytest.mark.skipif(not os.path.exists(TMUX), reason="tmux not installed")


class Term:
    def __init__(self, home, name):
        # a socket of its own per terminal: a server told to exit may still hold the previous one's name
        self.sock = f"pshim-test-{os.getpid()}-{name}-{uuid.uuid4().hex[:8]}"
        self.home = home
        self.start()

    def tmux(self, *args, check=True):
        return subprocess.run([TMUX, "-L", self.sock, *args], capture_output=True, text=True, check=check,
                              timeout=10)

    def start(self):
        cmd = (f"cd {ROOT} && env PSHIM_HOME={self.home} PYTHONPATH={ROOT} TERM=xterm-256color "
               f"{sys.executable} -m pshim -NoProfile -NoLogo")
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", "140", "-y", "50", cmd)
        self.wait_for(lambda s: "[PS] " in s, "first prompt")

    def screen(self):
        return self.tmux("capture-pane", "-p", "-t", "t", check=False).stdout

    def keys(self, *keys):
        self.tmux("send-keys", "-t", "t", *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", "t", "-l", text)

    def wait_for(self, cond, what, timeout=8.0):
        end = time.time() + timeout
        s = ""
        while time.time() < end:
            s = self.screen()
            if cond(s):
                return s
            time.sleep(0.05)
        raise AssertionError(f"timed out waiting for {what}; screen:\n{s}")

    def prompts(self, s=None):
        return (s or self.screen()).count("[PS] ")

    def run(self, line, expect, timeout=8.0):
        n = self.prompts()
        self.type(line)
        self.keys("Enter")
        return self.wait_for(lambda s: expect in s and self.prompts(s) > n, f"output {expect!r}", timeout)

    def last_line(self):
        lines = [ln for ln in self.screen().split("\n") if ln.strip()]
        return lines[-1] if lines else ""

    def close(self):
        self.tmux("kill-server", check=False)


@pytest.fixture
def term(tmp_path):
    t = Term(tmp_path / "home", "a")
    yield t
    t.close()


def _registered(name):
    from pshim.testing import new_session
    return name.lower() in new_session().commands.cmdlets


def test_tab_completes_command_and_parameter_names(term):
    first = "Get-ChildItem" if _registered("Get-ChildItem") else "Get-Command"
    term.type(first[:7])
    term.keys("Tab")
    term.wait_for(lambda s: first in s, f"{first} completed")
    term.type(" | Select-Ob")
    term.keys("Tab")
    term.wait_for(lambda s: f"{first} | Select-Object" in s, "Select-Object completed")
    term.type(" -ExpandP")
    term.keys("Tab")
    term.wait_for(lambda s: f"{first} | Select-Object -ExpandProperty" in s, "-ExpandProperty completed")
    n = term.prompts()
    term.keys("C-c")
    term.wait_for(lambda s: term.prompts(s) > n, "new prompt after Ctrl+C")
    term.type("Get-Help -ErrorAction ")
    term.keys("Tab")
    term.wait_for(lambda s: "Get-Help -ErrorAction SilentlyContinue" in s, "ValidateSet value")


def test_multiline_foreach_block_runs(term):
    term.type("foreach ($i in 1..3) {")
    term.keys("Enter")
    term.wait_for(lambda s: any(ln.startswith(">>") for ln in s.split("\n")), "continuation prompt")
    term.type("$i * 7")
    term.keys("Enter")
    term.type("}")
    n = term.prompts()
    term.keys("Enter")
    s = term.wait_for(lambda s: "21" in s and term.prompts(s) > n, "loop output")
    lines = [ln.strip() for ln in s.split("\n")]
    assert lines.index("7") < lines.index("14") < lines.index("21")


def test_history_survives_restart(tmp_path):
    home = tmp_path / "home"
    t = Term(home, "h1")
    try:
        t.run("'marker-' + 4711", "marker-4711")
        t.type("exit")
        t.keys("Enter")
        end = time.time() + 5
        while time.time() < end and t.tmux("has-session", "-t", "t", check=False).returncode == 0:
            time.sleep(0.05)
    finally:
        t.close()
    assert "marker-" in (home / "history.txt").read_text()
    t = Term(home, "h2")
    try:
        t.keys("Up")
        t.wait_for(lambda s: "> exit" in s, "last entry (exit) recalled")
        t.keys("Up")
        t.wait_for(lambda s: "'marker-' + 4711" in s, "history entry recalled")
        t.keys("Enter")
        t.wait_for(lambda s: "marker-4711" in s.replace("'marker-' + 4711", ""), "recalled entry ran")
        # Ctrl+R searches the history
        t.keys("C-r")
        t.type("marker")
        t.wait_for(lambda s: "marker" in t.last_line() and ("search" in s.lower() or "`marker" in s), "search")
    finally:
        t.close()


@pytest.mark.parametrize("cmd", ["Start-Sleep 100", "while ($true) { $null = 1 }"])
def test_ctrl_c_interrupts_running_pipeline(term, cmd):
    n = term.prompts()
    term.type(cmd)
    term.keys("Enter")
    time.sleep(0.8)
    assert term.prompts() == n, "the command returned before Ctrl+C"
    t0 = time.time()
    term.keys("C-c")
    term.wait_for(lambda s: term.prompts(s) > n, "prompt after Ctrl+C", timeout=5)
    assert time.time() - t0 < 5
    term.run("'still ' + 'alive'", "still alive")


def test_prompt_function_and_exit_code(tmp_path):
    t = Term(tmp_path / "home", "p")
    try:
        t.type("function prompt { 'MY> ' }")
        t.keys("Enter")
        t.wait_for(lambda s: "MY> " in s, "custom prompt")
        t.type("exit 3")
        t.keys("Enter")
        end = time.time() + 5
        while time.time() < end and t.tmux("has-session", "-t", "t", check=False).returncode == 0:
            time.sleep(0.05)
        assert t.tmux("has-session", "-t", "t", check=False).returncode != 0
    finally:
        t.close()


def test_mandatory_and_confirm_prompts_inside_the_repl(term):
    term.run("function Hello { param([Parameter(Mandatory=$true)][string]$Name) \"hi $Name\" }", "[PS]")
    term.type("Hello")
    term.keys("Enter")
    term.wait_for(lambda s: "Name: " in s or s.rstrip().endswith("Name:"), "mandatory prompt")
    n = term.prompts()
    term.type("bob")
    term.keys("Enter")
    term.wait_for(lambda s: "hi bob" in s and term.prompts(s) > n, "value used")
    term.run("function Zap { [CmdletBinding(SupportsShouldProcess=$true)] param() "
             "if ($PSCmdlet.ShouldProcess('target1')) { 'zapped' } }", "[PS]")
    term.type("Zap -Confirm")
    term.keys("Enter")
    term.wait_for(lambda s: "[Y] Yes" in s, "confirm prompt")
    n = term.prompts()
    term.type("y")
    term.keys("Enter")
    term.wait_for(lambda s: "zapped" in s and term.prompts(s) > n, "confirmed action ran")
