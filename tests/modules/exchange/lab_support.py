"""The built-in lab for tests: built once per test run, copied into each test's own pshim home."""
import os
import shutil

from pshim.testing import run


def build_lab_template(home, port_offset: int):
    """Build the built-in lab in `home` (a pathlib.Path) with the listeners on `port_offset`, so a lab running
    elsewhere on the machine (a developer's Start-PshimLab, another test run) never answers for this one; the
    results still show the configured ports. Returns the database path."""
    from pshim.modules.exchange.directory.lab import LabDirectory
    old = os.environ.get("PSHIM_HOME")
    os.environ["PSHIM_HOME"] = str(home)
    try:
        r = run("Get-ExchangeServer | Out-Null")
        assert not r.errors, r.error_text
        d = LabDirectory(str(home / "lab" / "lab.db"))
        d.set_org_setting("PortOffset", port_offset)
        d.close()
    finally:
        if old is None:
            del os.environ["PSHIM_HOME"]
        else:
            os.environ["PSHIM_HOME"] = old
    return home / "lab" / "lab.db"


def copy_lab(template) -> str:
    """A fresh copy of the lab template in this test's pshim home; returns the database path."""
    dest = os.path.join(os.environ["PSHIM_HOME"], "lab", "lab.db")
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copyfile(template, dest)
    return dest
