"""A Pester suite of an admin's Exchange script (fixtures/SmtpCheck.Tests.ps1): once against the built-in
lab's real listeners, once with Test-SmtpConnectivity mocked."""
import os

from pshim.testing import run

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")


def test_exchange_suite_on_the_lab(pester_lab):
    suite = os.path.join(FIXTURES, "SmtpCheck.Tests.ps1")
    r = run(f"Invoke-Pester '{suite}' -Output Detailed -PassThru")
    assert not r.errors, r.error_text
    res = r.output[0]
    failed = {t.ExpandedPath: [e.Exception.Message for e in t.ErrorRecord] for t in res.Failed}
    assert res.FailedCount == 0, failed
    assert res.PassedCount == 6
    assert "Describing Get-SmtpProblem with Test-SmtpConnectivity mocked" in r.host_text
    assert "  [+] reports the server whose probe fails " in r.host_text


def test_only_the_mocked_half_needs_no_lab(pester_lab):
    suite = os.path.join(FIXTURES, "SmtpCheck.Tests.ps1")
    r = run(f"Invoke-Pester '{suite}' -TagFilter Mocked -Output None -PassThru")
    res = r.output[0]
    assert (res.PassedCount, res.NotRunCount, res.FailedCount) == (4, 2, 0)


def test_a_failing_expectation_on_the_lab_names_the_status(pester_lab, tmp_path):
    (tmp_path / "lab.Tests.ps1").write_text(
        "BeforeAll { $PshimSmtpTimeout = 1 }\n"
        "Describe 'lab' {\n"
        "  It 'every endpoint answers' {\n"
        "    Get-TransportService | Test-SmtpConnectivity | ForEach-Object { $_.StatusCode | Should -Be 'Success' }\n"
        "  }\n"
        "}\n")
    r = run(f"Invoke-Pester '{tmp_path}' -Output Normal")
    text = r.host_text
    assert "[-] lab.every endpoint answers " in text
    # StatusCode is not a string: Pester prints it as text, unquoted
    assert "Expected 'Success', but got Transient error." in text or \
        "Expected 'Success', but got Unable to connect." in text
