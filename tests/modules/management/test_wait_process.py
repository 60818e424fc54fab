"""Wait-Process on processes the tests start (and always kill)."""
import os
import shutil
import subprocess
import sys
import time

import pytest

from pshim.testing import run


@pytest.fixture
def sleeper():
    procs = []

    def start(seconds, name=None, tmp=None):
        exe = sys.executable
        if name:
            exe = os.path.join(tmp, name)
            shutil.copy(shutil.which("sleep"), exe)
            p = subprocess.Popen([exe, str(seconds)], start_new_session=True)
        else:
            p = subprocess.Popen([exe, "-c", f"import time; time.sleep({seconds})"], start_new_session=True)
        procs.append(p)
        return p
    yield start
    for p in procs:
        if p.poll() is None:
            p.kill()
        p.wait(10)


def test_waits_until_the_process_ends(sleeper):
    p = sleeper(3)
    start = time.monotonic()
    r = run(f"Wait-Process -Id {p.pid}; 'done'")
    assert r.errors == [] and r.output == ["done"]
    assert p.poll() is not None and time.monotonic() - start < 15


def test_timeout_writes_5_1_error_and_returns(sleeper):
    p = sleeper(30)
    name = run(f"(Get-Process -Id {p.pid}).ProcessName").output[0]
    start = time.monotonic()
    r = run(f"Get-Process -Id {p.pid} | Wait-Process -Timeout 1; 'next'")
    assert time.monotonic() - start < 15
    assert r.output == ["next"]
    e = r.errors[0]
    assert e.message() == (f'This command stopped operation because process "{name} ({p.pid})" is not stopped in '
                           "the specified time-out.")
    assert e.FullyQualifiedErrorId == "ProcessNotTerminated,Microsoft.PowerShell.Commands.WaitProcessCommand"
    assert str(e.CategoryInfo.Category) == "CloseError"


def test_by_name_and_errors(sleeper, tmp_path):
    p = sleeper(3, "pshimwaitee", str(tmp_path))
    r = run("Wait-Process -Name pshimwaitee; 'gone'; Wait-Process -Name pshim-no-such-process; Wait-Process -Id $PID")
    assert r.output == ["gone"]
    assert p.poll() is not None
    assert [e.message() for e in r.errors] == [
        'Cannot find a process with the name "pshim-no-such-process". Verify the process name and call the cmdlet '
        "again.",
        "This command stopped operation because it cannot wait on itself."]
