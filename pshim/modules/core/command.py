"""Invoke-Command on this computer.

pshim has no PowerShell remoting (no WinRM client, no PSSessions): with -ComputerName or -Session
the command writes one error record per target that says so, in the shape 5.1 gives a connection
that cannot be opened (OpenError, PSRemotingTransportException, `...,PSSessionStateBroken`), and
runs nothing. Without them the script block runs here: in a new scope (or the caller's with
-NoNewScope), with -ArgumentList bound to its param() block and $args, and each pipeline object
(or -InputObject) as its $input.
"""
from __future__ import annotations

from ...commands.binder import CommandArgument
from ...commands.cmdlet import Cmdlet
from ...commands.function import FunctionProcessor
from ...commands.parameters import Parameter, ParameterSetData as PSD
from ...errors import RuntimeException, _exc, error_record

PSRemotingTransportException = _exc(
    "PSRemotingTransportException", "System.Management.Automation.Remoting.PSRemotingTransportException",
    RuntimeException)

REMOTING_UNAVAILABLE = ("[{0}] Connecting to remote server {0} failed with the following error message : "
                        "PowerShell remoting (WinRM) is not available in pshim; Invoke-Command runs script "
                        "blocks on this computer only (leave out -ComputerName and -Session).")


class InvokeCommandCommand(Cmdlet):
    name = "Invoke-Command"
    dotnet_type = "Microsoft.PowerShell.Commands.InvokeCommandCommand"
    module_name = "Microsoft.PowerShell.Core"
    default_parameter_set = "InProcess"
    synopsis = "Runs commands on this computer (remote computers: not available in pshim)."

    ScriptBlock = Parameter("scriptblock", aliases=("Command",), validate_not_null=True, sets=[
        PSD("InProcess", position=0, mandatory=True),
        PSD("ComputerName", position=1, mandatory=True),
        PSD("Session", position=1, mandatory=True)])
    ComputerName = Parameter("string[]", aliases=("Cn",), sets=[PSD("ComputerName", position=0, mandatory=True)])
    Session = Parameter("object[]", sets=[PSD("Session", position=0, mandatory=True)])
    Credential = Parameter("pscredential", parameter_set="ComputerName")
    NoNewScope = Parameter("switch", parameter_set="InProcess")
    InputObject = Parameter("psobject", value_from_pipeline=True)
    ArgumentList = Parameter("object[]", aliases=("Args",))

    def begin(self):
        if self.parameter_set_name in ("ComputerName", "Session"):
            targets = self.ComputerName if self.parameter_set_name == "ComputerName" else self.Session
            from ...runtime.conversion import to_string
            for t in targets or []:
                name = to_string(t)
                rec = error_record(REMOTING_UNAVAILABLE.format(name), "CannotConnect", "OpenError", name,
                                   PSRemotingTransportException)
                rec.command_fqid_suffix = "PSSessionStateBroken"
                rec.reason = "PSRemotingTransportException"
                self.write_error(rec)

    def process(self):
        if self.parameter_set_name != "InProcess":
            return
        if self.is_bound("InputObject"):
            self._invoke([self.InputObject])
        elif not self.processor.expects_input:
            self._invoke(None)

    def _invoke(self, input_objects):
        args = [CommandArgument(None, a) for a in (self.ArgumentList or [])]
        proc = FunctionProcessor(self.ctx, None, self.ScriptBlock, args, None, input_objects is not None,
                                 "", dot_source=bool(self.NoNewScope))
        proc.emit = self.write_object
        proc.streams = None
        proc.begin()
        if input_objects is not None:
            for o in input_objects:
                proc.process_record(o)
        else:
            proc.process_no_input()
        proc.end()
        proc.finish()
