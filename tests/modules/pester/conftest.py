"""Helpers for the Pester tests: write test files into a folder and run Invoke-Pester on them; a lab
for the Exchange suite (the built-in organisation, made once and copied into each test's home)."""
import os
import shutil
import textwrap

import pytest

from pshim.testing import run


@pytest.fixture
def pester(tmp_path):
    """pester({"a.Tests.ps1": text, ...}, "-Output Detailed") -> RunResult of
    `Invoke-Pester <folder> <args> -PassThru`; result.run is the Pester.Run object."""
    def go(files, args="-Output Detailed", passthru=True, command=None):
        for name, text in files.items():
            p = tmp_path / name
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        script = command or f"Invoke-Pester '{tmp_path}' {args}" + (" -PassThru" if passthru else "")
        r = run(script)
        r.folder = str(tmp_path)
        runs = [o for o in r.output if getattr(o, "ps_type_names", ("",))[0] == "Pester.Run"]
        r.run = runs[0] if runs else None
        return r
    return go


@pytest.fixture(scope="session")
def _pester_lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("pester-lab")
    old = os.environ.get("PSHIM_HOME")
    os.environ["PSHIM_HOME"] = str(home)
    try:
        r = run("Get-ExchangeServer | Out-Null")
        assert not r.errors, r.error_text
        from pshim.modules.exchange.directory.lab import LabDirectory
        d = LabDirectory(str(home / "lab" / "lab.db"))
        d.set_org_setting("PortOffset", 21000 + os.getpid() % 20000)    # this run's own listeners
        d.close()
    finally:
        if old is None:
            del os.environ["PSHIM_HOME"]
        else:
            os.environ["PSHIM_HOME"] = old
    return home / "lab" / "lab.db"


@pytest.fixture
def pester_lab(_pester_lab):
    dest = os.path.join(os.environ["PSHIM_HOME"], "lab", "lab.db")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copyfile(_pester_lab, dest)
    return dest
