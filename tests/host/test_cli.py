"""The pshim command line, run as a real process: flags, stdout/stderr, exit codes."""
import os
import subprocess
import sys


ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def pshim(*args, stdin=None, env=None, cwd=None):
    e = dict(os.environ)
    e.update(env or {})
    e["PYTHONPATH"] = ROOT + os.pathsep + e.get("PYTHONPATH", "")
    p = subprocess.run([sys.executable, "-m", "pshim", *args], input=stdin, capture_output=True, text=True,
                       env=e, cwd=cwd or ROOT, timeout=60)
    return p


def test_help_flag():
    p = pshim("-Help")
    assert p.returncode == 0 and "-NoProfile" in p.stdout and "-Command" in p.stdout


def test_command_output_and_exit_codes():
    p = pshim("-NoProfile", "-Command", "'a' + 'b'; 1..2")
    assert (p.stdout, p.stderr, p.returncode) == ("ab\n1\n2\n", "", 0)
    p = pshim("-NoProfile", "-c", "exit 7")
    assert p.returncode == 7
    p = pshim("-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-Command", "Get-NoSuchThing")
    assert p.returncode == 1
    assert p.stderr.startswith("Get-NoSuchThing : The term 'Get-NoSuchThing' is not recognized")
    assert "    + FullyQualifiedErrorId : CommandNotFoundException" in p.stderr
    p = pshim("-NoProfile", "-Command", "Get-NoSuchThing; 'later'")
    assert p.returncode == 0 and p.stdout == "later\n"


def test_command_from_stdin_statement_by_statement():
    script = "if ($false) { 'a' }\nelse { 'b' }\nforeach ($i in 1..2) {\n  $i * 10\n}\n'x' |\n  ForEach-Object { $_ + 'y' }\nexit 5\n'never'\n"
    p = pshim("-NoProfile", "-Command", "-", stdin=script)
    assert (p.stdout, p.returncode) == ("b\n10\n20\nxy\n", 5)
    p = pshim("-NoProfile", stdin="'piped'\n")
    assert (p.stdout, p.returncode) == ("piped\n", 0)


def test_file_with_param_errors_and_exit():
    p = pshim("-NoProfile", "-File", "samples/batch_param_errors.ps1", "-Server", "EX02", "-Count", "3")
    with open(os.path.join(ROOT, "samples", "batch_param_errors.expected.txt")) as f:
        expected = f.read()
    out_part = expected.split("# --- stdout\n")[1].split("# --- stderr")[0]
    err_lines = expected.split("# --- stderr")[1].split("\n")[1:]
    assert p.returncode == 3
    assert p.stdout == out_part
    first = p.stderr.split("\n")[0]
    assert first.endswith(err_lines[0])
    assert err_lines[1] in p.stderr


def test_file_positional_args_and_terminating_error(tmp_path):
    script = tmp_path / "t.ps1"
    script.write_text("param($A, $B)\n\"$A-$B\"\nthrow 'stop here'\n'not reached'\n")
    p = pshim("-NoProfile", str(script), "one", "two")
    assert p.stdout == "one-two\n"
    assert "stop here" in p.stderr
    assert p.returncode == 1
    p = pshim("-NoProfile", "-File", str(tmp_path / "missing.ps1"))
    assert p.returncode != 0 and "does not exist" in p.stderr


def test_profile_runs_unless_noprofile(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "profile.ps1").write_text("$fromProfile = 'loaded'\nfunction prompt { 'custom> ' }\n")
    env = {"PSHIM_HOME": str(home)}
    p = pshim("-Command", "\"[$fromProfile]\"", env=env)
    assert p.stdout == "[loaded]\n"
    p = pshim("-NoProfile", "-Command", "\"[$fromProfile]\"", env=env)
    assert p.stdout == "[]\n"
    p = pshim("-Command", "$PROFILE", env=env)
    assert p.stdout.strip() == str(home / "profile.ps1")


def test_width_is_120_when_not_a_terminal():
    p = pshim("-NoProfile", "-Command", "$Host.UI.RawUI.BufferSize.Width")
    assert p.stdout == "120\n"


def test_lastexitcode_after_native_command():
    p = pshim("-NoProfile", "-Command", f"& '{sys.executable}' -c 'import sys; sys.exit(4)'; $LASTEXITCODE")
    assert p.stdout.strip().endswith("4")


def test_a_reader_that_goes_away_gets_no_traceback():
    """`pshim ... | head -2`: when the pipe closes, pshim stops without a Python traceback."""
    env = dict(os.environ, PYTHONPATH=ROOT)
    for script in ("1..200000", "1..200000 | Format-Table"):
        p = subprocess.Popen([sys.executable, "-m", "pshim", "-NoProfile", "-Command", script],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        first = p.stdout.read(64)
        p.stdout.close()
        err = p.stderr.read().decode()
        p.wait(timeout=60)
        assert first and "Traceback" not in err, err


def test_set_should_exit_ends_the_run_with_its_code(tmp_path):
    # a scheduled script reports its status with $Host.SetShouldExit: the script still runs to its end
    script = tmp_path / "status.ps1"
    script.write_text('"before"\n$Host.SetShouldExit(3)\n"after"\n')
    p = pshim("-NoProfile", "-File", str(script))
    assert (p.returncode, p.stdout.split()) == (3, ["before", "after"])
    p = pshim("-NoProfile", "-Command", "$Host.SetShouldExit(4); 'x'")
    assert (p.returncode, p.stdout.split()) == (4, ["x"])
    # an interactive host ends after the statement that asked
    p = pshim("-NoProfile", stdin="$Host.SetShouldExit(5)\n'not run'\n")
    assert (p.returncode, p.stdout.split()) == (5, [])
    p = pshim("-NoProfile", "-Command", "'ok'")
    assert p.returncode == 0
