"""The guided labs (samples/labs/<lab>/) and Test-PshimLab: each lab's checker says "not done" on a fresh lab and
"done" after the lab's solution.ps1, in the exact words the learner sees; the lab's instructions are a help topic;
a lab copied to another folder and edited works without code; a missing, silent or broken checker is a clear error;
the learner's preferences never change a verdict."""
import os
import shutil

import pytest

from pshim.testing import new_session, run

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
LABS = os.path.join(ROOT, "samples", "labs")
TIMEOUT = "$PshimSmtpTimeout = 1; "

# What Test-PshimLab prints, fresh and after solution.ps1: the checker transcripts.
GOALS = {
    "BrokenConnector": [
        "The connector that answers 421 says so in its Comment",
        "The connector that never greets says so in its Comment (no banner)",
        "Every Receive connector is enabled and every endpoint answers with Success",
    ],
    "RelayConnector": [
        "TS-EX01 has a Receive connector named 'Application Relay'",
        "It runs in the Front End Transport service and listens on port 25",
        "It accepts 127.0.22.50 and 127.0.22.51 and no other address",
        "They may relay without signing in (ExchangeServers with ExternalAuthoritative)",
        "It logs every SMTP session (ProtocolLoggingLevel Verbose)",
        "It answers with Success on every endpoint",
        "Default Frontend TS-EX01 still accepts mail from everyone on port 25",
    ],
    "PermanentError": [
        "The nightly check reports no Permanent error",
        "The retired connector is removed (not just disabled)",
        "The partner's connector is enabled",
        "The partner's connector answers with Success",
    ],
}
# goals already reached on a fresh lab (the default connector the relay lab must leave alone)
FRESH_DONE = {"RelayConnector": {6}}


@pytest.fixture
def shell():
    """One non-interactive session for the test: shell(script) -> RunResult (objects captured), or
    shell(script, text=True) for what the console shows."""
    session = new_session(interactive=False)

    def go(script, text=False):
        session.host.out.clear()
        session.host.err.clear()
        return run(script, session=session, capture_output=not text)
    return go


def _transcript(lab, done_indexes):
    goals = GOALS[lab]
    lines = [f"[{'x' if i in done_indexes else ' '}] {g}" for i, g in enumerate(goals)]
    verdict = "done" if len(done_indexes) == len(goals) else "not done"
    lines.append(f"Lab '{lab}' is {verdict}: {len(done_indexes)} of {len(goals)} goals reached.")
    return lines


def _shown(r):
    return [line.rstrip() for line in r.host_text.splitlines() if line.strip()]


@pytest.mark.parametrize("lab", sorted(GOALS))
def test_a_lab_is_not_done_when_fresh_and_done_after_its_solution(shell, lab):
    r = shell(f"Reset-PshimLab -Name {lab} | Out-Null")
    assert not r.errors, r.error_text
    r = shell(TIMEOUT + "Test-PshimLab", text=True)
    assert not r.errors, r.error_text
    assert _shown(r) == _transcript(lab, FRESH_DONE.get(lab, set()))
    assert shell(TIMEOUT + "Test-PshimLab -Quiet").output == [False]

    solution = os.path.join(LABS, lab, "solution.ps1")
    r = shell(f"& '{solution}' | Out-Null")
    assert not r.errors, r.error_text
    r = shell(TIMEOUT + "Test-PshimLab", text=True)
    assert not r.errors, r.error_text
    assert _shown(r) == _transcript(lab, set(range(len(GOALS[lab]))))

    r = shell(TIMEOUT + "$c = Test-PshimLab; $c.Lab; $c.Done; $c.Goals.Count; @($c.Goals | Where-Object Done).Count; "
              "Test-PshimLab -Quiet")
    assert r.output == [lab, True, len(GOALS[lab]), len(GOALS[lab]), True]


def test_the_learners_preferences_do_not_change_the_verdict(shell):
    shell("Reset-PshimLab -Name PermanentError | Out-Null")
    shell(f"& '{os.path.join(LABS, 'PermanentError', 'solution.ps1')}' | Out-Null")
    # -WhatIf everywhere would make Test-SmtpConnectivity test nothing; Stop would end the checker at its
    # first missing connector; neither reaches the checker
    r = shell(TIMEOUT + "$WhatIfPreference = $true; $ErrorActionPreference = 'Stop'; $ConfirmPreference = 'Low'; "
              "Test-PshimLab -Quiet")
    assert r.output == [True], r.error_text
    assert "What if" not in r.host_text
    # the checker's variables stay in its own scope
    r = shell("$WhatIfPreference = $false; $null -eq $results; $null -eq $partner; $WhatIfPreference")
    assert r.output == [True, True, False]


def test_a_checker_reads_the_session_timeout(shell):
    """The broken-connector lab has a silent endpoint: the checker waits as long as the learner's
    $PshimSmtpTimeout says, and the probe says so."""
    shell("Reset-PshimLab -Name BrokenConnector | Out-Null")
    r = shell("$PshimSmtpTimeout = 0.5; (Get-TransportService | Test-SmtpConnectivity | "
              "Where-Object ReceiveConnector -eq 'Default Frontend EX01').Details; (Test-PshimLab).Done")
    assert r.output == ["No banner was received within 0.5 seconds.", False]


def test_test_pshimlab_on_a_lab_without_checker_is_a_clear_error(ems):
    r = ems("Test-PshimLab; 'after'")
    assert r.output == ["after"]
    assert len(r.errors) == 1
    e = r.errors[0]
    assert e.FullyQualifiedErrorId == "LabCheckerNotFound,Test-PshimLab"
    assert str(e.CategoryInfo).startswith("ObjectNotFound: (")
    assert "FileNotFoundException" in str(e.CategoryInfo)
    assert e.message().startswith("The lab 'contoso' has no checker: there is no checker.ps1 in '")
    assert "Get-PshimLab -ListAvailable" in e.message()
    assert r.error_text.startswith("Test-PshimLab : The lab 'contoso' has no checker")
    assert ems("Test-PshimLab -Quiet -ErrorAction SilentlyContinue").output == []


def _copy_lab(tmp_path, lab, name):
    folder = tmp_path / name
    shutil.copytree(os.path.join(LABS, lab), folder)
    topic = folder / f"about_Lab_{lab}.help.txt"
    topic.rename(folder / f"about_Lab_{name}.help.txt")
    return folder


def test_an_instructor_writes_a_lab_by_copying_a_folder(shell, tmp_path):
    folder = _copy_lab(tmp_path, "RelayConnector", "MyRelay")
    text = (folder / "about_Lab_MyRelay.help.txt").read_text().replace("about_Lab_RelayConnector",
                                                                      "about_Lab_MyRelay")
    (folder / "about_Lab_MyRelay.help.txt").write_text(text)
    (folder / "checker.ps1").write_text(
        "$c = Get-ReceiveConnector 'TS-EX02\\Scanners' -ErrorAction SilentlyContinue\n"
        "[pscustomobject]@{ Goal = 'TS-EX02 has a Scanners connector'; Done = $null -ne $c }\n"
        "@{ Goal = 'It is enabled'; Done = $c.Enabled }\n")
    r = shell(f"Reset-PshimLab -Path '{folder}' | Out-Null; Get-Help about_Lab_MyRelay")
    assert not r.errors, r.error_text
    assert r.output[0].startswith("TOPIC\n    about_Lab_MyRelay\n")
    r = shell("Test-PshimLab", text=True)
    assert _shown(r) == ["[ ] TS-EX02 has a Scanners connector", "[ ] It is enabled",
                         "Lab 'MyRelay' is not done: 0 of 2 goals reached."]
    r = shell("New-ReceiveConnector Scanners -Server TS-EX02 -Bindings 0.0.0.0:2600 -RemoteIPRanges 127.0.22.70 "
              "| Out-Null; Test-PshimLab", text=True)
    assert _shown(r) == ["[x] TS-EX02 has a Scanners connector", "[x] It is enabled",
                         "Lab 'MyRelay' is done: 2 of 2 goals reached."]


@pytest.mark.parametrize("checker, fqid, words", [
    ("'just text'\n[pscustomobject]@{ Goal = 'g'; Done = $true }\n",
     "LabCheckerOutputNotAGoal,Test-PshimLab", "output 'just text', which is not a goal"),
    ("$x = 1\n", "LabCheckerNoGoals,Test-PshimLab", "output no goals"),
    ("[pscustomobject]@{ Goal = 'g'; Done = $true }\nthrow 'the checker broke'\n",
     "LabCheckerFailed,Test-PshimLab", "failed (At "),
    ("[pscustomobject]@{ Goal = 'g'; Done = $true \n", "LabCheckerFailed,Test-PshimLab", "failed"),
])
def test_a_checker_that_misbehaves_is_reported(shell, tmp_path, checker, fqid, words):
    folder = _copy_lab(tmp_path, "PermanentError", "Broken")
    (folder / "checker.ps1").write_text(checker)
    shell(f"Reset-PshimLab -Path '{folder / 'organization.psd1'}' | Out-Null")
    r = shell("Test-PshimLab; 'after'")
    assert r.output[-1] == "after"
    assert [e.FullyQualifiedErrorId for e in r.errors] == [fqid]
    assert words in r.errors[0].message()
    assert "'Broken'" in r.errors[0].message()
    if "Goal = 'g'; Done = $true }\n'" in checker or checker.startswith("'just"):
        # the good goal is still reported
        assert len(r.output) == 2 and r.output[0].Goals[0].Goal == "g"


def test_exit_in_a_checker_ends_the_checker_only(shell, tmp_path):
    folder = _copy_lab(tmp_path, "PermanentError", "Exits")
    (folder / "checker.ps1").write_text("[pscustomobject]@{ Goal = 'g'; Done = 1 }\nexit 3\n'never'\n")
    shell(f"Reset-PshimLab -Path '{folder}' | Out-Null")
    r = shell("(Test-PshimLab).Done; 'after'")
    assert r.output == [True, "after"]
    assert not r.errors


@pytest.mark.parametrize("lab", sorted(GOALS))
def test_a_labs_instructions_are_its_help_topic(lab):
    folder = os.path.join(LABS, lab)
    with open(os.path.join(folder, f"about_Lab_{lab}.help.txt"), encoding="utf-8") as f:
        text = f.read()
    r = run(f"Get-Help about_Lab_{lab}", interactive=False)
    assert not r.errors, r.error_text
    assert r.output == [text.strip("\n") + "\n"]
    assert text.startswith(f"TOPIC\n    about_Lab_{lab}\n\nSHORT DESCRIPTION\n    Lab: ")
    # the listing shows the short description as the synopsis
    r = run("Get-Help about_Lab_* | ForEach-Object { '{0}|{1}|{2}' -f $_.Name, $_.Category, $_.Synopsis }",
            interactive=False)
    row = [o.split("|") for o in r.output if o.startswith(f"about_Lab_{lab}|")]
    assert len(row) == 1 and row[0][1] == "HelpFile" and row[0][2].startswith("Lab: ")
    for name in ("organization.psd1", "README.md", "checker.ps1", "solution.ps1"):
        assert os.path.isfile(os.path.join(folder, name)), name


def test_the_labs_are_listed_with_their_descriptions():
    r = run("Get-PshimLab -ListAvailable | Where-Object Name -ne contoso", interactive=False)
    assert not r.errors, r.error_text
    assert [o.Name for o in r.output] == sorted(GOALS)
    for o in r.output:
        with open(os.path.join(LABS, o.Name, "README.md"), encoding="utf-8") as f:
            assert o.Description == f.readline().strip()
        assert o.Description and not o.Description.startswith("#")


def test_the_labs_use_their_own_addresses():
    """Each lab listens on its own 127.0.2x.y addresses: never the built-in lab's 127.0.10.x or ::1."""
    seen = {}
    for lab in GOALS:
        r = run(f"(Import-PowerShellDataFile '{os.path.join(LABS, lab, 'organization.psd1')}').Servers | "
                "ForEach-Object { $_.IPv4; $_.IPv6 }", interactive=False)
        assert not r.errors, r.error_text
        for a in r.output:
            assert a.startswith("127.0.2") and a not in seen, (lab, a, seen.get(a))
            seen[a] = lab


def test_about_pshimlab_describes_the_lab_commands_and_how_to_write_a_lab():
    r = run("Get-Help about_PshimLab", interactive=False)
    assert not r.errors, r.error_text
    text = r.output[0]
    for words in ("Get-PshimLab -ListAvailable", "Reset-PshimLab -Name <lab>", "Start-PshimLab", "Stop-PshimLab",
                  "Set-PshimLabFault", "Test-PshimLab", "THE PORT OFFSET", "10025", "THE LISTENERS",
                  "lab/listeners.json", "WRITING A LAB", "checker.ps1", "Goal", "Done", "silent", "huge"):
        assert words in text, words
    assert all(len(line) <= 80 for line in text.splitlines())
