"""The labs' goals as Pester test files (samples/labs/<lab>/<lab>.Tests.ps1): a learner runs Invoke-Pester on
the lab's folder; the goals fail on a fresh lab and pass after the lab's solution.ps1 (for the built-in
Contoso lab, after its faults are repaired)."""
import os

import pytest

from pshim.testing import new_session, run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
LABS = os.path.join(ROOT, "samples", "labs")
INVOKE = "$PshimSmtpTimeout = 1; Invoke-Pester (Split-Path (Get-PshimLab).Definition) -Output {} -PassThru"

# the tests that fail on a fresh lab; every other test of the file passes
FRESH_FAILS = {
    "BrokenConnector": {
        "Lab BrokenConnector.The connector that answers 421 says so in its Comment",
        "Lab BrokenConnector.The connector that never greets says so in its Comment (no banner)",
        "Lab BrokenConnector.Every Receive connector is enabled and every endpoint answers with Success",
    },
    "PermanentError": {
        "Lab PermanentError.The nightly check reports no Permanent error",
        "Lab PermanentError.The retired connector is removed (not just disabled)",
        "Lab PermanentError.The partner's connector.The partner's connector is enabled",
        "Lab PermanentError.The partner's connector.The partner's connector answers with Success",
    },
    "RelayConnector": {
        "Lab RelayConnector.Application Relay." + g for g in (
            "TS-EX01 has a Receive connector named 'Application Relay'",
            "It runs in the Front End Transport service and listens on port 25",
            "It accepts 127.0.22.50 and 127.0.22.51 and no other address",
            "They may relay without signing in (ExchangeServers with ExternalAuthoritative)",
            "It logs every SMTP session (ProtocolLoggingLevel Verbose)",
            "It answers with Success on every endpoint")
    },
    "contoso": {"Transport server Mailbox02.answers with Success on every endpoint"},
}
TOTAL = {"BrokenConnector": 3, "PermanentError": 4, "RelayConnector": 7, "contoso": 4}
RESET = {"contoso": "Reset-PshimLab | Out-Null"}
FIX = {"contoso": "Get-PshimLabFault -Force | ForEach-Object { Set-PshimLabFault $_.Target None }"}


@pytest.fixture
def shell():
    session = new_session(interactive=False)

    def go(script):
        session.host.out.clear()
        session.host.err.clear()
        return run(script, session=session)
    return go


def _result(r):
    assert not r.errors, r.error_text
    runs = [o for o in r.output if getattr(o, "ps_type_names", ("",))[0] == "Pester.Run"]
    assert len(runs) == 1, r.host_text
    return runs[0]


@pytest.mark.parametrize("lab", sorted(FRESH_FAILS))
def test_a_labs_tests_fail_when_fresh_and_pass_after_the_fix(shell, lab):
    assert os.path.isfile(os.path.join(LABS, lab, f"{lab[0].upper() + lab[1:]}.Tests.ps1"))
    r = shell(RESET.get(lab, f"Reset-PshimLab -Name {lab} | Out-Null"))
    assert not r.errors, r.error_text

    res = _result(shell(INVOKE.format("Detailed")))
    assert res.TotalCount == TOTAL[lab]
    assert {t.ExpandedPath for t in res.Failed} == FRESH_FAILS[lab]
    assert res.PassedCount == TOTAL[lab] - len(FRESH_FAILS[lab])
    assert res.Result == "Failed"

    fix = FIX.get(lab) or f"& '{os.path.join(LABS, lab, 'solution.ps1')}' | Out-Null"
    r = shell("$PshimSmtpTimeout = 1; " + fix)
    assert not r.errors, r.error_text
    res = _result(shell(INVOKE.format("Normal")))
    failed = {t.ExpandedPath: [e.Exception.Message for e in t.ErrorRecord] for t in res.Failed}
    assert failed == {}
    assert (res.PassedCount, res.Result) == (TOTAL[lab], "Passed")


def test_a_failing_goal_says_what_is_wrong(shell):
    shell("Reset-PshimLab -Name PermanentError | Out-Null")
    r = shell(INVOKE.format("Detailed"))
    text = r.host_text
    assert "Describing Lab PermanentError" in text
    assert " Context The partner's connector" in text
    assert ("Expected $null or empty, because no connector should refuse mail with a 5xx greeting, "
            "but got @('NW-EX02\\Legacy Scanner Relay').") in text
    assert "Expected $true, because a disabled connector is never tested, and never receives mail, but got $false." \
        in text
    assert "Tests Passed: 0, Failed: 4, Skipped: 0 NotRun: 0" in text


def test_the_contoso_tests_discover_one_block_per_transport_server(shell):
    shell("Reset-PshimLab | Out-Null")
    res = _result(shell(INVOKE.format("None")))
    assert [b.ExpandedName for c in res.Containers for b in c.Blocks] == \
        ["Transport server Mailbox01", "Transport server Mailbox02"]
