"""Microsoft.PowerShell.Management: services (over systemd) and Wait-Process."""
MODULE_NAME = "Microsoft.PowerShell.Management"

_S = "pshim.modules.management.services:"

CMDLETS = {
    "Get-Service": _S + "GetServiceCommand",
    "Start-Service": _S + "StartServiceCommand",
    "Stop-Service": _S + "StopServiceCommand",
    "Restart-Service": _S + "RestartServiceCommand",
    "Wait-Process": "pshim.modules.management.wait_process:WaitProcessCommand",
}

ALIASES = {
    "gsv": "Get-Service",
    "sasv": "Start-Service",
    "spsv": "Stop-Service",
}


def on_load(table):
    """[System.ServiceProcess.ServiceController] as a type, so that -InputObject takes only services and a
    name given by position binds to -Name, as in 5.1."""
    from ...runtime.types import register_type, PSType
    register_type(PSType("System.ServiceProcess.ServiceController", None, None))
