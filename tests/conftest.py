import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


@pytest.fixture(autouse=True)
def _pshim_home(tmp_path, monkeypatch):
    """Every test gets its own pshim home (drives, profile, history)."""
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "pshim-home"))
    yield
