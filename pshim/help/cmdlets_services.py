"""Help for Get-/Start-/Stop-/Restart-Service and Wait-Process (written for pshim)."""

HELP = {}

_SYSTEMD = """pshim reads services from systemd: a service is a systemd service unit; Name is the unit's name without
".service", DisplayName its description, Status Running, Stopped, StartPending or StopPending from the
unit's active state, StartType Automatic (enabled), Disabled (disabled or masked) or Manual (anything
else). Where systemd is not the running service manager (a container, another init system), each of these
commands stops with an error record saying so ("Cannot open Service Control Manager on computer '.'. ..."
followed by the reason). -ComputerName, -DependentServices and -RequiredServices are not available."""

_CONTROL = """It asks systemctl to {verb} each service (which may need root), after ShouldProcess (-WhatIf, -Confirm:
'Performing the operation "{cmd}" on target "<DisplayName> (<Name>)"'). A refusal is 5.1's error record
"Service '<DisplayName> (<Name>)' cannot be {past} due to the following error: ..." with systemctl's reason.
-PassThru returns the service as it is afterwards."""

_PARAMS = {
    "Name": "Service names (wildcards allowed); the unit name with or without \".service\".",
    "DisplayName": "Display names (the units' descriptions; wildcards allowed).",
    "InputObject": "ServiceController objects, such as Get-Service returns; they can come from the pipeline.",
    "Include": "Only services whose names match one of these patterns.",
    "Exclude": "Leaves out services whose names match one of these patterns.",
    "PassThru": "Returns the service afterwards.",
}

HELP["Get-Service"] = {
    "synopsis": "Gets the services on a local or remote computer.",
    "description": "Get-Service returns ServiceController objects (Status, Name, DisplayName in 5.1's table), "
                   "sorted by name.\n\n" + _SYSTEMD,
    "parameters": {k: _PARAMS[k] for k in ("Name", "DisplayName", "InputObject", "Include", "Exclude")},
    "examples": [
        {"title": "React when a service cannot be read",
         "code": "try { Get-Service -Name pshim-demo -ErrorAction Stop } catch { 'not available' }",
         "output": "not available",
         "remarks": "Either there is no such service, or no service manager pshim can use: both stop here."},
    ],
    "outputs": "System.ServiceProcess.ServiceController",
    "related": ["Start-Service", "Stop-Service", "Restart-Service"],
}

for _cmd, _verb, _past, _force in (("Start-Service", "start", "started", False),
                                   ("Stop-Service", "stop", "stopped", True),
                                   ("Restart-Service", "restart", "stopped", True)):
    _p = dict(_PARAMS)
    if _force:
        _p["Force"] = ("Stops the service even when running services depend on it (systemd stops those too); "
                       "without it such a service is 5.1's ServiceHasDependentServices error.")
    HELP[_cmd] = {
        "synopsis": {"Start-Service": "Starts one or more stopped services.",
                     "Stop-Service": "Stops one or more running services.",
                     "Restart-Service": "Stops and then starts one or more services."}[_cmd],
        "description": _CONTROL.format(verb=_verb, cmd=_cmd, past=_past) + "\n\n" + _SYSTEMD,
        "parameters": _p,
        "related": ["Get-Service"],
    }

HELP["Wait-Process"] = {
    "synopsis": "Waits for the processes to be stopped before accepting more input.",
    "description": """Wait-Process waits until every process it is given has stopped: by -Name (wildcards),
-Id, or Process objects (-InputObject or the pipeline), found as Get-Process finds them (with its errors
for a name or id that matches nothing). With -Timeout it waits at most that many seconds, then writes
'This command stopped operation because process "<name> (<id>)" is not stopped in the specified time-out.'
for each process still running. It cannot wait for pshim's own process. Ctrl+C ends the wait.""",
    "parameters": {
        "Name": "Process names (wildcards allowed).",
        "Id": "Process ids.",
        "InputObject": "Process objects, such as Get-Process or Start-Process -PassThru return.",
        "Timeout": "The longest wait, in seconds (0 to 32767).",
    },
    "examples": [
        {"title": "Start a program and wait for it",
         "code": "$p = Start-Process sleep 1 -PassThru\nWait-Process -Id $p.Id\n$p.HasExited",
         "output": "True"},
    ],
    "inputs": "System.Diagnostics.Process",
    "related": ["Get-Process", "Start-Process", "Stop-Process"],
}
