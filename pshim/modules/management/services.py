"""Get-Service, Start-Service, Stop-Service, Restart-Service over systemd.

Windows' services are the Service Control Manager's; on Linux the counterpart is systemd, asked through
`systemctl`. A service is a systemd service unit: Name is the unit without ".service", DisplayName its
Description, Status from its active state (active: Running, inactive/failed: Stopped, activating:
StartPending, deactivating: StopPending, reloading: Running), StartType from its unit file state
(enabled: Automatic, disabled/masked: Disabled, others: Manual). Start/Stop/Restart run `systemctl
start|stop|restart` (which may need privileges; systemctl's refusal becomes 5.1's error record).

Where systemd is not the running service manager (a container, a system with another init), every
command writes an error record that says so, in the shape 5.1 gives when it cannot open the Service
Control Manager; nothing is pretended.
"""
from __future__ import annotations

import os
import shutil
import subprocess

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import InvalidOperationException, RuntimeException, _exc
from ...runtime.psobject import DotNetObject
from ...runtime.statics import EnumValue
from ...runtime.wildcard import has_wildcard, wildcard_match

_NS = "Microsoft.PowerShell.Commands."
_MGMT = "Microsoft.PowerShell.Management"
ServiceCommandException = _exc("ServiceCommandException", _NS + "ServiceCommandException", RuntimeException)

STATUS = {"Stopped": 1, "StartPending": 2, "StopPending": 3, "Running": 4, "ContinuePending": 5,
          "PausePending": 6, "Paused": 7}
START_TYPE = {"Boot": 0, "System": 1, "Automatic": 2, "Manual": 3, "Disabled": 4}
_ACTIVE_STATUS = {"active": "Running", "reloading": "Running", "inactive": "Stopped", "failed": "Stopped",
                  "activating": "StartPending", "deactivating": "StopPending", "maintenance": "Stopped"}
_FILE_START = {"enabled": "Automatic", "enabled-runtime": "Automatic", "disabled": "Disabled",
               "masked": "Disabled", "masked-runtime": "Disabled"}
SYSTEMCTL_TIMEOUT = 90


class ServiceManagerUnavailable(Exception):
    pass


def systemd_available() -> bool:
    """systemd is the running service manager (sd_booted: /run/systemd/system exists) and systemctl is here."""
    return shutil.which("systemctl") is not None and os.path.isdir("/run/systemd/system")


def parse_list_units(text: str) -> list[dict]:
    """`systemctl list-units --type=service --all --plain --no-legend --no-pager` lines:
    UNIT LOAD ACTIVE SUB DESCRIPTION..."""
    out = []
    for line in text.splitlines():
        parts = line.lstrip("●* ").split(None, 4)
        if len(parts) < 4 or not parts[0].endswith(".service"):
            continue
        out.append({"unit": parts[0], "load": parts[1], "active": parts[2], "sub": parts[3],
                    "description": parts[4].strip() if len(parts) > 4 else ""})
    return out


def parse_unit_files(text: str) -> dict:
    """`systemctl list-unit-files --type=service --plain --no-legend --no-pager` lines: UNIT STATE [PRESET]."""
    out = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0].endswith(".service"):
            out[parts[0]] = parts[1]
    return out


def _systemctl(*args) -> subprocess.CompletedProcess:
    return subprocess.run(["systemctl", *args], capture_output=True, text=True, timeout=SYSTEMCTL_TIMEOUT)


class ServiceController(DotNetObject):
    ps_type_names = ("System.ServiceProcess.ServiceController", "System.ComponentModel.Component",
                     "System.MarshalByRefObject", "System.Object")
    ps_properties = ("Name", "RequiredServices", "CanPauseAndContinue", "CanShutdown", "CanStop", "DisplayName",
                     "DependentServices", "MachineName", "ServiceName", "ServicesDependedOn", "ServiceHandle",
                     "Status", "ServiceType", "StartType", "Site", "Container")

    def __init__(self, unit: dict, file_state: str | None):
        self.unit = unit["unit"]
        self.Name = self.ServiceName = self.unit[:-len(".service")]
        self.DisplayName = unit["description"] or self.Name
        status = _ACTIVE_STATUS.get(unit["active"], "Stopped")
        self.Status = EnumValue("System.ServiceProcess.ServiceControllerStatus", status, STATUS[status])
        start = _FILE_START.get(file_state or "", "Manual")
        self.StartType = EnumValue("System.ServiceProcess.ServiceStartMode", start, START_TYPE[start])
        self.CanStop = status == "Running"
        self.CanPauseAndContinue = False
        self.CanShutdown = False
        self.RequiredServices = self.ServicesDependedOn = []
        self.DependentServices = []
        self.MachineName = "."
        self.ServiceHandle = None
        self.ServiceType = EnumValue("System.ServiceProcess.ServiceType", "Win32OwnProcess", 16)
        self.Site = None
        self.Container = None

    def ps_to_string(self):
        return "System.ServiceProcess.ServiceController"


def all_services() -> list[ServiceController]:
    if not systemd_available():
        raise ServiceManagerUnavailable()
    units = parse_list_units(_systemctl("list-units", "--type=service", "--all", "--plain", "--no-legend",
                                        "--no-pager").stdout)
    files = parse_unit_files(_systemctl("list-unit-files", "--type=service", "--plain", "--no-legend",
                                        "--no-pager").stdout)
    known = {u["unit"] for u in units}
    for unit, state in files.items():      # installed but not loaded: stopped
        if unit not in known and "@" not in unit:
            units.append({"unit": unit, "load": "not-loaded", "active": "inactive", "sub": "dead",
                          "description": ""})
    services = [ServiceController(u, files.get(u["unit"])) for u in units]
    return sorted(services, key=lambda s: s.Name.lower())


class _ServiceCmdlet(Cmdlet):
    module_name = _MGMT

    def manager_error(self):
        return self.error(
            "Cannot open Service Control Manager on computer '.'. This operation might require other privileges. "
            "(pshim reads services from systemd, which is not the running service manager here: systemctl "
            + ("cannot reach it." if shutil.which("systemctl") else "was not found.") + ")",
            "System.InvalidOperationException", "NotSpecified", None, InvalidOperationException)

    def services(self):
        try:
            return all_services()
        except ServiceManagerUnavailable:
            self.throw_terminating_error(self.manager_error())
        except (OSError, subprocess.SubprocessError) as e:
            self.throw_terminating_error(self.error(
                f"Cannot open Service Control Manager on computer '.'. {e}", "System.InvalidOperationException",
                "NotSpecified", None, InvalidOperationException))

    def select(self, names, display_names, include=None, exclude=None, inputs=None):
        if inputs is not None:
            return [s for s in inputs if isinstance(s, ServiceController)]
        everything = self.services()
        found = []
        if display_names:
            for n in display_names:
                hits = [s for s in everything if wildcard_match(n, s.DisplayName)]
                if not hits and not has_wildcard(n):
                    self.write_error(self.error(f"Cannot find any service with display name '{n}'.",
                                                "NoServiceFoundForGivenDisplayName", "ObjectNotFound", n,
                                                ServiceCommandException))
                found.extend(h for h in hits if h not in found)
        elif names:
            for n in names:
                hits = [s for s in everything if wildcard_match(n, s.Name) or wildcard_match(n, s.unit)]
                if not hits and not has_wildcard(n):
                    self.write_error(self.error(f"Cannot find any service with service name '{n}'.",
                                                "NoServiceFoundForGivenName", "ObjectNotFound", n,
                                                ServiceCommandException))
                found.extend(h for h in hits if h not in found)
        else:
            found = everything
        if include:
            found = [s for s in found if any(wildcard_match(p, s.Name) for p in include)]
        if exclude:
            found = [s for s in found if not any(wildcard_match(p, s.Name) for p in exclude)]
        return found


class GetServiceCommand(_ServiceCmdlet):
    name = "Get-Service"
    dotnet_type = _NS + "GetServiceCommand"
    default_parameter_set = "Default"
    synopsis = "Gets the services on a local or remote computer."
    output_type = "System.ServiceProcess.ServiceController"

    Name = Parameter("string[]", position=0, aliases=("ServiceName",), value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, parameter_set="Default")
    DisplayName = Parameter("string[]", mandatory=True, parameter_set="DisplayName")
    InputObject = Parameter("System.ServiceProcess.ServiceController[]", value_from_pipeline=True,
                            parameter_set="InputObject")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")

    def process(self):
        ps = self.parameter_set_name
        found = self.select(self.Name if ps == "Default" else None,
                            self.DisplayName if ps == "DisplayName" else None, self.Include, self.Exclude,
                            self.InputObject if ps == "InputObject" else None)
        for s in found:
            self.write_object(s)


class _ControlCmdlet(_ServiceCmdlet):
    supports_should_process = True
    default_parameter_set = "InputObject"
    verb = ""
    past = ""

    InputObject = Parameter("System.ServiceProcess.ServiceController[]", position=0, mandatory=True,
                            value_from_pipeline=True, parameter_set="InputObject")
    Name = Parameter("string[]", position=0, mandatory=True, aliases=("ServiceName",), value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True, parameter_set="Default")
    DisplayName = Parameter("string[]", mandatory=True, parameter_set="DisplayName")
    PassThru = Parameter("switch")
    Include = Parameter("string[]")
    Exclude = Parameter("string[]")

    def process(self):
        ps = self.parameter_set_name
        found = self.select(self.Name if ps == "Default" else None,
                            self.DisplayName if ps == "DisplayName" else None, self.Include, self.Exclude,
                            self.InputObject if ps == "InputObject" else None)
        for s in found:
            if not self.should_process(f"{s.DisplayName} ({s.Name})"):
                continue
            if not systemd_available():
                self.write_error(self.manager_error())
                continue
            if not self.may_stop(s):
                continue
            r = _systemctl(self.verb, s.unit)
            if r.returncode != 0:
                reason = (r.stderr or r.stdout).strip().splitlines()
                self.write_error(self.error(
                    f"Service '{s.DisplayName} ({s.Name})' cannot be {self.past} due to the following error: "
                    f"{self.failure} {s.Name} on computer '.'." + (f" ({reason[-1]})" if reason else ""),
                    self.error_id, self.category, s, ServiceCommandException))
                continue
            if self.PassThru:
                fresh = [x for x in all_services() if x.unit == s.unit]
                self.write_object(fresh[0] if fresh else s)


    def may_stop(self, s) -> bool:
        return True


def running_dependents(unit: str) -> list[str]:
    """The running services that need `unit` (systemd's reverse Requires/BindsTo/Wants)."""
    r = _systemctl("list-dependencies", "--reverse", "--plain", "--no-legend", "--no-pager", unit)
    deps = [ln.strip() for ln in r.stdout.splitlines()[1:] if ln.strip().endswith(".service")]
    if not deps:
        return []
    active = _systemctl("is-active", *deps).stdout.split()
    return [d for d, state in zip(deps, active) if state == "active"]


class _StopCmdlet(_ControlCmdlet):
    Force = Parameter("switch")

    def may_stop(self, s) -> bool:
        """5.1 stops a service that running services depend on only with -Force (systemd then stops them too)."""
        if self.Force or s.Status.name != "Running":
            return True
        if running_dependents(s.unit):
            self.write_error(self.error(
                f"Cannot stop service '{s.DisplayName} ({s.Name})' because it has dependent services. It can only "
                "be stopped if the Force flag is set.", "ServiceHasDependentServices", "InvalidOperation", s,
                ServiceCommandException))
            return False
        return True


class StartServiceCommand(_ControlCmdlet):
    name = "Start-Service"
    dotnet_type = _NS + "StartServiceCommand"
    synopsis = "Starts one or more stopped services."
    verb, past, failure = "start", "started", "Cannot start service"
    error_id, category = "CouldNotStartService", "OpenError"


class StopServiceCommand(_StopCmdlet):
    name = "Stop-Service"
    dotnet_type = _NS + "StopServiceCommand"
    synopsis = "Stops one or more running services."
    verb, past, failure = "stop", "stopped", "Cannot stop service"
    error_id, category = "CouldNotStopService", "CloseError"


class RestartServiceCommand(_StopCmdlet):
    name = "Restart-Service"
    dotnet_type = _NS + "RestartServiceCommand"
    synopsis = "Stops and then starts one or more services."
    verb, past, failure = "restart", "stopped", "Cannot restart service"
    error_id, category = "CouldNotStopService", "CloseError"


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view("System.ServiceProcess.ServiceController", TableView([
        Column("Status", width=8), Column("Name", width=18), Column("DisplayName", width=38)]))


_register_views()
