"""The progress channel: ProgressRecord's checks, Cmdlet.write_progress, $ProgressPreference."""
import pytest

from pshim.commands.cmdlet import Cmdlet
from pshim.commands.discovery import CmdletEntry
from pshim.commands.parameters import Parameter
from pshim.commands.progress import ProgressRecord
from pshim.errors import PSException
from pshim.testing import new_session, run


# ---------------------------------------------------------------------------
# ProgressRecord

def test_record_defaults_and_text():
    r = ProgressRecord(3, "Copying", "3 of 10")
    assert (r.ActivityId, r.ParentActivityId, r.PercentComplete, r.SecondsRemaining) == (3, -1, -1, -1)
    assert r.CurrentOperation is None and r.RecordType == "Processing"
    assert r.ps_to_string() == ("parent = -1 id = 3 act = Copying stat = 3 of 10 cur =  pct = -1 sec = -1 "
                                "type = Processing")
    r.PercentComplete = 100
    r.PercentComplete = -5           # negative: no bar, allowed
    r.SecondsRemaining = -7
    r.RecordType = "completed"
    assert r.RecordType == "Completed" and r.completed


@pytest.mark.parametrize("make, exc_type, message", [
    (lambda: ProgressRecord(-1, "a", "b"), "System.Management.Automation.PSArgumentOutOfRangeException",
     "Cannot process the argument because activityId cannot be a negative value."),
    (lambda: ProgressRecord(0, "", "b"), "System.Management.Automation.PSArgumentException",
     "Cannot process the argument because the value of activity cannot be null or empty."),
    (lambda: ProgressRecord(0, "a", None), "System.Management.Automation.PSArgumentException",
     "Cannot process the argument because the value of statusDescription cannot be null or empty."),
    (lambda: ProgressRecord(4, "a", "b", parent_activity_id=4), "System.Management.Automation.PSArgumentException",
     "ParentActivityId cannot be the same as the ActivityId."),
    (lambda: ProgressRecord(0, "a", "b", percent_complete=101),
     "System.Management.Automation.PSArgumentOutOfRangeException",
     "Cannot set percent because PercentComplete cannot be greater than 100."),
    (lambda: setattr(ProgressRecord(0, "a", "b"), "Activity", ""), "System.Management.Automation.PSArgumentException",
     "Cannot process the argument because the value of value cannot be null or empty."),
    (lambda: setattr(ProgressRecord(0, "a", "b"), "RecordType", "Paused"),
     "System.Management.Automation.PSArgumentException",
     'Cannot process argument because the value of argument "value" is not valid. Change the value of the '
     '"value" argument and run the operation again.'),
])
def test_record_refuses_bad_values_with_51_texts(make, exc_type, message):
    with pytest.raises(PSException) as ei:
        make()
    assert ei.value.ps_type == exc_type
    assert ei.value.message == message


# ---------------------------------------------------------------------------
# Cmdlet.write_progress, as a compiled cmdlet (Test-SmtpConnectivity) uses it

class _StepsCommand(Cmdlet):
    name = "Test-Steps"
    Count = Parameter("int", position=0)

    def process(self):
        n = self.Count or 3
        rec = ProgressRecord(1, "Stepping", "starting")
        for i in range(1, n + 1):
            rec.StatusDescription = f"step {i} of {n}"
            rec.PercentComplete = i * 100 // n
            self.write_progress(rec)
            self.write_object(i)
        rec.RecordType = "Completed"
        self.write_progress(rec)


def _session(**kw):
    s = new_session(**kw)
    entry = CmdletEntry("Test-Steps", "unused:unused", "Test")
    entry._cls = _StepsCommand
    s.commands.cmdlets["test-steps"] = entry
    return s


def test_cmdlet_reports_progress_under_its_own_source():
    s = _session()
    r = run("Test-Steps 3; Test-Steps 2", session=s)
    assert r.output == [1, 2, 3, 1, 2]
    recs = r.host.progress
    assert [(x.StatusDescription, x.PercentComplete, x.RecordType) for _, x in recs[:4]] == [
        ("step 1 of 3", 33, "Processing"), ("step 2 of 3", 66, "Processing"), ("step 3 of 3", 100, "Processing"),
        ("step 3 of 3", 100, "Completed")]
    first, second = recs[0][0], recs[4][0]
    assert first > 0 and second > 0 and first != second       # each command runtime has its own source
    assert {sid for sid, _ in recs[:4]} == {first}
    # the host showed the activity while it ran and took it down on Completed
    assert r.host.progress_display(after=2)[1:3] == [" Stepping ", "    step 2 of 3 "]
    assert r.host.progress_display(after=4) == []


def test_progress_is_not_output_and_not_host_text():
    r = run("Test-Steps 2 | Measure-Object | % Count", session=_session(), capture_output=False)
    assert r.host_text == "2\n"
    assert len(r.host.progress) == 3


# ---------------------------------------------------------------------------
# $ProgressPreference

@pytest.mark.parametrize("pref", ["SilentlyContinue", "Ignore", "0"])
def test_silent_preferences_show_nothing(pref):
    r = run(f"$ProgressPreference = '{pref}'; Write-Progress -Activity A; Test-Steps 2; 'done'", session=_session())
    assert r.output == [1, 2, "done"] and not r.errors
    assert r.host.progress == []


def test_continue_is_the_default_and_a_local_value_wins():
    r = run("Write-Progress -Activity Outer; & { $ProgressPreference = 'SilentlyContinue'; Write-Progress Inner }; "
            "Write-Progress -Activity After", session=_session())
    assert [x.Activity for _, x in r.host.progress] == ["Outer", "After"]


def test_an_invalid_preference_counts_as_continue():
    r = run("& { $ProgressPreference = 'Sometimes'; Write-Progress -Activity A }")
    assert not r.errors and [x.Activity for _, x in r.host.progress] == ["A"]


def test_stop_shows_the_record_then_stops_with_51_error():
    r = run("$ProgressPreference = 'Stop'; Write-Progress -Activity 'Copying files'; 'not reached'")
    assert r.output == []
    assert [x.Activity for _, x in r.host.progress] == ["Copying files"]
    e = r.errors[0]
    assert e.message() == ('The running command stopped because the preference variable "ProgressPreference" or '
                           'common parameter is set to Stop: Copying files')
    assert e.FullyQualifiedErrorId == "ActionPreferenceStop,Microsoft.PowerShell.Commands.WriteProgressCommand"
    assert str(e.CategoryInfo) == "OperationStopped: (:) [Write-Progress], ParentContainsErrorRecordException"
    r = run("$ProgressPreference = 'Stop'; try { Test-Steps 3 } catch { 'caught ' + $_.FullyQualifiedErrorId }",
            session=_session())
    assert r.output == ["caught ActionPreferenceStop,Test-Steps"]
    assert len(r.host.progress) == 1


def test_inquire_asks_after_showing_each_record():
    r = run("$ProgressPreference = 'Inquire'; Test-Steps 2", session=_session(), answers=["y", "y", "y"])
    assert r.output == [1, 2] and len(r.host.progress) == 3
    assert r.host_text.count("Continue with this operation?") == 3
    assert '[Y] Yes  [A] Yes to All  [H] Halt Command  [S] Suspend  [?] Help (default is "Y"): ' in r.host_text


def test_inquire_yes_to_all_lasts_for_the_command():
    r = run("$ProgressPreference = 'Inquire'; Test-Steps 3; Test-Steps 1", session=_session(),
            answers=["a", "a"])
    assert r.output == [1, 2, 3, 1] and len(r.host.progress) == 6
    assert r.host_text.count("Continue with this operation?") == 2     # once per command


def test_inquire_halt_stops_the_command():
    r = run("$ProgressPreference = 'Inquire'; Test-Steps 3", session=_session(), answers=["h"])
    assert r.output == [] and len(r.host.progress) == 1
    assert r.errors[0].message() == "The running command stopped because the user selected the Stop option."
    assert r.errors[0].FullyQualifiedErrorId == "ActionPreferenceStop,Test-Steps"


def test_inquire_without_a_user_is_an_error():
    r = run("$ProgressPreference = 'Inquire'; Write-Progress -Activity A", interactive=False)
    assert "PowerShell is in NonInteractive mode" in r.errors[0].message()
