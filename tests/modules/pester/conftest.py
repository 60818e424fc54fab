"""Helpers for the Pester tests: write test files into a folder and run Invoke-Pester on them; a lab
for the Exchange suite (the built-in organisation, made once and copied into each test's home)."""
import os
import textwrap

import pytest

from pshim.testing import run
from tests.modules.exchange.lab_support import build_lab_template, copy_lab


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
    return build_lab_template(tmp_path_factory.mktemp("pester-lab"), 21000 + os.getpid() % 20000)


@pytest.fixture
def pester_lab(_pester_lab):
    return copy_lab(_pester_lab)
