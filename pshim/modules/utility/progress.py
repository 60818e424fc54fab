"""Write-Progress: a script's progress report, sent through the engine's progress channel
(pshim/commands/progress.py) to the host, which draws it on a terminal and nowhere else."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...commands.progress import COMPLETED, PROCESSING, ProgressRecord
from ...errors import PSException

_INT32_MAX = 2 ** 31 - 1


class WriteProgressCommand(Cmdlet):
    name = "Write-Progress"
    dotnet_type = "Microsoft.PowerShell.Commands.WriteProgressCommand"
    synopsis = "Displays a progress bar within a PowerShell command window."

    Activity = Parameter("string", position=0, mandatory=True)
    Status = Parameter("string", position=1, validate_not_null_or_empty=True)
    Id = Parameter("int", position=2, validate_range=(0, _INT32_MAX))
    PercentComplete = Parameter("int", validate_range=(-1, 100))
    SecondsRemaining = Parameter("int")
    CurrentOperation = Parameter("string")
    ParentId = Parameter("int", validate_range=(-1, _INT32_MAX))
    Completed = Parameter("switch")
    SourceId = Parameter("int")

    def process(self):
        bound = self.is_bound
        try:
            record = ProgressRecord(
                self.Id if bound("Id") else 0, self.Activity, self.Status or "Processing",
                parent_activity_id=self.ParentId if bound("ParentId") else -1,
                percent_complete=self.PercentComplete if bound("PercentComplete") else -1,
                seconds_remaining=self.SecondsRemaining if bound("SecondsRemaining") else -1,
                current_operation=self.CurrentOperation,
                record_type=COMPLETED if self.Completed else PROCESSING)
        except PSException as e:       # e.g. -ParentId equal to -Id: 5.1's record refuses it
            raise self.terminating_error(e.error_record)
        self.write_progress(record, self.SourceId if bound("SourceId") else 0)
