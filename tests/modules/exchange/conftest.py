"""Fixtures for the Exchange module: a lab directory in each test's own pshim home.

The built-in lab database is built once per session (from samples/labs/contoso) and copied into each
test's home, so every test starts from the same fresh organisation without paying for its creation.
"""
import os
import shutil

import pytest

from pshim.testing import run, new_session


@pytest.fixture(scope="session")
def _lab_template(tmp_path_factory):
    home = tmp_path_factory.mktemp("lab-template")
    old = os.environ.get("PSHIM_HOME")
    os.environ["PSHIM_HOME"] = str(home)
    try:
        r = run("Get-ExchangeServer | Out-Null")
        assert not r.errors, r.error_text
    finally:
        if old is None:
            del os.environ["PSHIM_HOME"]
        else:
            os.environ["PSHIM_HOME"] = old
    return home / "lab" / "lab.db"


@pytest.fixture
def lab(_lab_template):
    """A fresh copy of the built-in lab in this test's pshim home; returns the database path."""
    home = os.environ["PSHIM_HOME"]
    dest = os.path.join(home, "lab", "lab.db")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copyfile(_lab_template, dest)
    return dest


@pytest.fixture
def ems(lab):
    """A session on the lab: ems("Get-ReceiveConnector") -> RunResult; the session persists within a test."""
    session = new_session(interactive=False)

    def go(script, answers=None, capture_output=True):
        session.host.out.clear()          # host_text / error_text of this run only
        session.host.err.clear()
        if answers is not None:
            session.host.interactive = True
        return run(script, session=session, answers=answers, capture_output=capture_output)
    go.session = session
    return go
