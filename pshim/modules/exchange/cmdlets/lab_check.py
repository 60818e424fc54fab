"""Test-PshimLab: runs the current lab's checker and says, goal by goal, which goals are reached.

The checker contract (about_PshimLab, WRITING A LAB), so that a new lab is a copied folder and no code:
- The lab's folder holds `checker.ps1` beside the `organization.psd1` the lab was reset from
  (`(Get-PshimLab).Definition`).
- Test-PshimLab runs it as a script in the caller's session, in a scope of its own whose preference
  variables are at their defaults ($ErrorActionPreference Continue, $WhatIfPreference $false,
  $ConfirmPreference High, $VerbosePreference and $WarningPreference quiet), so a learner's `$WhatIfPreference =
  $true` cannot change the verdict; other variables, such as $PshimSmtpTimeout, reach it as they reach any
  script. $PSScriptRoot is the lab's folder.
- It reads the lab through the Exchange cmdlets and Test-SmtpConnectivity, and outputs one object per goal,
  in the order the learner should see them, each with a `Goal` (the goal in plain words) and a `Done`
  (true when reached) property: `[pscustomobject]@{ Goal = '...'; Done = <condition> }`.
- Anything else it outputs, and a checker with no goal, is reported as an error of the lab; errors the checker
  writes are shown as they are; a terminating error in it stops the check with an error naming the checker.

Rejected: a fresh session per check (isolated, but the learner's $PshimSmtpTimeout would not reach it, and
a lab with a silent endpoint would wait the default 10 seconds per server); goals as data in the .psd1 (a
fixed vocabulary of checks; a script lets an instructor check anything the cmdlets show).

Output: one Pshim.LabCheck (Lab, Done, Goals) whose view prints `[x] goal` / `[ ] goal` lines and the
verdict; -Quiet outputs only $true or $false, as Test-Connection -Quiet does.
"""
from __future__ import annotations

import os

from ....commands.parameters import Parameter
from ....errors import PSException, FileNotFoundException, ExitSignal
from ....formatting.views import register_view, CustomView
from ....runtime import conversion as cv
from ....runtime.members import get_property, _MISSING
from ....runtime.psobject import DotNetObject, Hashtable, unwrap
from ....runtime.scopes import Scope
from .lab import _LabCmdlet

CHECKER = "checker.ps1"

# the checker's own scope: preference variables at 5.1's defaults, whatever the learner set
_DEFAULT_PREFERENCES = {
    "ErrorActionPreference": "Continue",
    "WarningPreference": "Continue",
    "VerbosePreference": "SilentlyContinue",
    "DebugPreference": "SilentlyContinue",
    "InformationPreference": "SilentlyContinue",
    "WhatIfPreference": False,
    "ConfirmPreference": "High",
}


class PshimLabGoal(DotNetObject):
    ps_type_names = ("Pshim.LabGoal", "System.Object")
    ps_properties = ("Done", "Goal")

    def __init__(self, goal: str, done: bool):
        self.Goal, self.Done = goal, done

    def ps_to_string(self):
        return f"[{'x' if self.Done else ' '}] {self.Goal}"


class PshimLabCheck(DotNetObject):
    ps_type_names = ("Pshim.LabCheck", "System.Object")
    ps_properties = ("Lab", "Done", "Goals")

    def __init__(self, lab: str, goals: list[PshimLabGoal]):
        self.Lab = lab
        self.Goals = goals
        self.Done = bool(goals) and all(g.Done for g in goals)

    def verdict(self) -> str:
        reached = sum(1 for g in self.Goals if g.Done)
        return (f"Lab '{self.Lab}' is {'done' if self.Done else 'not done'}: {reached} of {len(self.Goals)} "
                f"goals reached.")

    def ps_to_string(self):
        return self.verdict()


def _render(check: PshimLabCheck) -> str:
    return "\n".join([g.ps_to_string() for g in check.Goals] + [check.verdict()])


register_view("Pshim.LabCheck", CustomView(_render))


def _field(obj, name):
    obj = unwrap(obj)
    if isinstance(obj, Hashtable):
        return obj.get(name, _MISSING)
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return _MISSING
    return get_property(obj, name, _MISSING)


class TestPshimLabCommand(_LabCmdlet):
    name = "Test-PshimLab"
    synopsis = "Runs the current lab's checker: which goals of the lab are reached, in plain words."
    output_type = "Pshim.LabCheck"
    Quiet = Parameter("switch", help="Outputs only $true (every goal reached) or $false.")

    def process(self):
        d = self.lab()
        definition = d.org_settings().get("Definition") or ""
        folder = os.path.dirname(definition)
        lab = os.path.basename(folder) or definition
        checker = os.path.join(folder, CHECKER)
        if not os.path.isfile(checker):
            raise self.terminating_error(self.error(
                f"The lab '{lab}' has no checker: there is no {CHECKER} in '{folder}'. Reset-PshimLab -Name <lab> "
                "starts a lab that has one (Get-PshimLab -ListAvailable lists them); about_PshimLab says how to "
                "write one.", "LabCheckerNotFound", "ObjectNotFound", checker, FileNotFoundException))
        goals = []
        for obj in self._run_checker(checker, lab):
            goal, done = _field(obj, "Goal"), _field(obj, "Done")
            if goal is _MISSING or done is _MISSING:
                self.write_error(self.error(
                    f"The checker of lab '{lab}' output '{cv.to_string(obj)}', which is not a goal: a goal is an "
                    "object with a Goal and a Done property.", "LabCheckerOutputNotAGoal", "InvalidData", obj))
                continue
            goals.append(PshimLabGoal(cv.to_string(goal), bool(cv.to_bool(done))))
        if not goals:
            raise self.terminating_error(self.error(
                f"The checker of lab '{lab}' ({checker}) output no goals.", "LabCheckerNoGoals", "InvalidData",
                checker))
        check = PshimLabCheck(lab, goals)
        self.write_object(check.Done if self.Quiet else check)

    def _run_checker(self, path: str, lab: str) -> list:
        from ....commands.function import FunctionProcessor, script_file_block
        scope = Scope(self.ctx.scope)
        for name, value in _DEFAULT_PREFERENCES.items():
            scope.set_local(name, value)
        cctx = self.ctx.child(scope)
        out = []
        try:
            sb = script_file_block(cctx, path)
            proc = FunctionProcessor(cctx, None, sb, [], None, False, path, script_path=path)
            proc.emit = out.append
            proc.begin()
            proc.process_no_input()
            proc.end()
            proc.finish()
        except ExitSignal:         # `exit` ends the checker, not the shell
            pass
        except PSException as e:
            rec = e.error_record
            where = ""
            inv = getattr(rec, "invocation", None)
            position = getattr(inv, "PositionMessage", "") if inv is not None else ""
            if position:
                where = f" ({position.splitlines()[0]})"
            raise self.terminating_error(self.error(
                f"The checker of lab '{lab}' failed{where}: {rec.message()}", "LabCheckerFailed",
                "InvalidOperation", path)) from None
        return out
