"""The sample of an admin's script tested with the Exchange cmdlets mocked (samples/mocked_exchange, run by
samples/exchange_pester_mocks.ps1, whose transcript tests/test_samples.py checks): the tests pass on the script
as written, catch a broken copy of it, and never reach the lab."""
import os
import shutil

from pshim.testing import run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
SAMPLE = os.path.join(ROOT, "samples", "mocked_exchange")


def _run(folder):
    r = run(f"Invoke-Pester '{folder}' -Output None -PassThru")
    assert not r.errors, r.error_text
    return r.output[0]


def test_the_mocked_tests_pass_without_touching_the_lab(tmp_path):
    res = _run(SAMPLE)
    assert (res.PassedCount, res.FailedCount) == (6, 0)
    # nothing reached the lab: its connectors keep their comments
    r = run("@(Get-ReceiveConnector | Where-Object { $_.Comment -like '2024-05-01*' }).Count")
    assert r.output == [0]


def test_the_mocked_tests_catch_a_broken_script(tmp_path):
    folder = tmp_path / "mocked_exchange"
    shutil.copytree(SAMPLE, folder)
    script = folder / "Set-ConnectorFinding.ps1"
    text = script.read_text(encoding="utf-8")
    # the bug: every failing connector is disabled, not only those with a Permanent error
    broken = text.replace("$off = $Disable -and $r.StatusCode -eq 'Permanent error'", "$off = [bool]$Disable")
    assert broken != text
    script.write_text(broken, encoding="utf-8")
    res = _run(folder)
    assert [t.ExpandedName for t in res.Failed] == [
        "with -Disable, disables only the connector that answers with a Permanent error"]
    message = res.Failed[0].ErrorRecord[0].Exception.Message
    assert message == ("Expected Set-ReceiveConnector to be called 1 times exactly, but was called 2 times")
