"""Microsoft.PowerShell.Utility: Start-Sleep (stops at once when the pipeline is stopped)."""
from __future__ import annotations

import time

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import PipelineStoppedException


class StartSleepCommand(Cmdlet):
    name = "Start-Sleep"
    dotnet_type = "Microsoft.PowerShell.Commands.StartSleepCommand"
    default_parameter_set = "Seconds"
    synopsis = "Suspends the activity in a script or session for the specified period of time."

    Seconds = Parameter("int", position=0, mandatory=True, parameter_set="Seconds",
                        value_from_pipeline=True, value_from_pipeline_by_property_name=True,
                        validate_range=(0, 2147483))
    Milliseconds = Parameter("int", mandatory=True, parameter_set="Milliseconds",
                             value_from_pipeline_by_property_name=True, validate_range=(0, 2147483647))

    def process(self):
        total = (self.Milliseconds / 1000.0) if self.parameter_set_name == "Milliseconds" else float(self.Seconds)
        end = time.monotonic() + total
        session = self.ctx.session
        while True:
            if session.stopping:
                raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
            left = end - time.monotonic()
            if left <= 0:
                break
            time.sleep(min(left, 0.05))
