"""The lab commands (pshim's own, not Exchange's): Get-PshimLab, Start-PshimLab, Stop-PshimLab,
Reset-PshimLab, Set-PshimLabFault, Get-PshimLabFault. See `Get-Help about_PshimLab`."""
from __future__ import annotations

import os

from ....commands.parameters import Parameter
from ....runtime import conversion as cv
from ....runtime.drives import pshim_home
from ....runtime.psobject import DotNetObject
from ..directory.base import DirectoryError
from ..directory.lab import LabDirectory, FAULTS, lab_path
from ..directory.lab_definition import DEFAULT_DEFINITION, DefinitionError, find_definition
from ..directory.select import reset_lab
from ..identity import match_connectors, match_servers, identity_text
from ..lab import service
from ..lab.specs import resolve_port_offset
from .base import ExchangeCmdletBase

LABS_FOLDER = os.path.dirname(os.path.dirname(DEFAULT_DEFINITION))


class PshimLab(DotNetObject):
    ps_type_names = ("Pshim.Lab", "System.Object")
    ps_properties = ("Organization", "Definition", "Database", "ListenersRunning", "ProcessId", "PortOffset",
                     "Endpoints", "Faults")

    def __init__(self, **values):
        for k in self.ps_properties:
            setattr(self, k, values.get(k))


class PshimLabInfo(DotNetObject):
    ps_type_names = ("Pshim.LabInfo", "System.Object")
    ps_properties = ("Name", "Description", "Path")

    def __init__(self, name, description, path):
        self.Name, self.Description, self.Path = name, description, path


class PshimLabFault(DotNetObject):
    ps_type_names = ("Pshim.LabFault", "System.Object")
    ps_properties = ("Target", "Fault", "Delay")

    def __init__(self, target, fault, delay):
        self.Target, self.Fault, self.Delay = target, fault, delay


class _LabCmdlet(ExchangeCmdletBase):

    def lab(self) -> LabDirectory:
        d = self.directory()
        if not isinstance(d, LabDirectory):
            raise self.terminating_error(self.error(
                "The lab commands work on pshim's lab directory, and this shell reads Active Directory "
                f"('{d.source}'). Remove <home>/directory.psd1 and the PSHIM_LDAP_* variables to use the lab.",
                "LabNotInUse", "InvalidOperation"))
        return d

    def service_error(self, e: Exception):
        return self.terminating_error(self.error(str(e), "LabListenersFailed", "ResourceUnavailable"))


class GetPshimLabCommand(_LabCmdlet):
    name = "Get-PshimLab"
    synopsis = "Shows the lab: its organisation, definition, database, and whether its SMTP listeners run."
    ListAvailable = Parameter("switch", help="Lists the labs that come with pshim (samples/labs) instead.")

    def process(self):
        if self.ListAvailable:
            for name in sorted(os.listdir(LABS_FOLDER), key=str.lower) if os.path.isdir(LABS_FOLDER) else []:
                path = os.path.join(LABS_FOLDER, name)
                if os.path.isfile(os.path.join(path, "organization.psd1")):
                    self.write_object(PshimLabInfo(name, _description(path), path))
            return
        self.write_object(lab_object(self.lab()))


def lab_object(d: LabDirectory) -> PshimLab:
    org = d.org_settings()
    state = service.status(pshim_home())
    faults = [f"{t}={f}" for t, (f, _) in sorted(d.faults().items())]
    if org.get("HideFaults") and faults:
        faults = [f"{len(faults)} hidden (Get-PshimLabFault -Force shows them)"]
    return PshimLab(
        Organization=org.get("Organization"), Definition=org.get("Definition"), Database=d.path,
        ListenersRunning=state is not None, ProcessId=state.get("pid") if state else None,
        PortOffset=state.get("port_offset") if state else resolve_port_offset(org.get("PortOffset", "Auto")),
        Endpoints=len(state.get("endpoints", [])) if state else 0,
        Faults=faults)


def lab_folder(name: str) -> str | None:
    """The folder of samples/labs named `name`, matched without regard to case (as on Windows)."""
    if not os.path.isdir(LABS_FOLDER):
        return None
    for entry in os.listdir(LABS_FOLDER):
        path = os.path.join(LABS_FOLDER, entry)
        if entry.lower() == name.lower() and os.path.isdir(path):
            return path
    return None


def _description(folder: str) -> str:
    readme = os.path.join(folder, "README.md")
    if os.path.isfile(readme):
        with open(readme, encoding="utf-8") as f:
            for line in f:
                line = line.strip().lstrip("#").strip()
                if line:
                    return line
    return ""


class StartPshimLabCommand(_LabCmdlet):
    name = "Start-PshimLab"
    synopsis = "Starts the lab's SMTP listeners in the background; they follow the lab directory until stopped."

    def process(self):
        self.lab()
        try:
            service.start(pshim_home())
        except service.LabServiceError as e:
            raise self.service_error(e)
        state = service.status(pshim_home()) or {}
        for endpoint, why in (state.get("errors") or {}).items():
            self.write_warning(f"The lab can't listen on {endpoint}: {why}")
        self.write_object(lab_object(self.lab()))


class StopPshimLabCommand(_LabCmdlet):
    name = "Stop-PshimLab"
    synopsis = "Stops the lab's background SMTP listeners."

    def process(self):
        if not service.stop(pshim_home()):
            self.write_warning("The lab's listeners are not running.")


class ResetPshimLabCommand(_LabCmdlet):
    name = "Reset-PshimLab"
    supports_should_process = True
    confirm_impact = "Medium"
    default_parameter_set = "Name"
    synopsis = "Replaces the lab with a fresh one: the built-in lab, a lab of samples/labs by name, or a definition."
    Name = Parameter("string", position=0, parameter_set="Name", help="A lab of samples/labs (Get-PshimLab -ListAvailable).")
    Path = Parameter("string", mandatory=True, parameter_set="Path", help="A lab folder or organisation definition (.psd1).")
    Force = Parameter("switch", help="Replaces a lab database that is damaged or not pshim's.")

    def process(self):
        if self.parameter_set_name == "Path":
            definition = self.ctx.resolve_path(cv.to_string(self.Path))
        elif self.Name is not None:
            definition = lab_folder(cv.to_string(self.Name))
            if definition is None:
                raise self.terminating_error(self.error(
                    f"There is no lab named '{self.Name}'. Get-PshimLab -ListAvailable lists the labs.",
                    "LabNotFound", "ObjectNotFound", cv.to_string(self.Name)))
        else:
            definition = DEFAULT_DEFINITION
        try:
            definition = find_definition(definition)
        except DefinitionError as e:
            raise self.terminating_error(self.error(str(e), "LabDefinitionNotFound", "ObjectNotFound", definition))
        home = pshim_home()
        if not self.should_process(lab_path(home), f"Reset the lab from {definition}"):
            return
        running = service.status(home) is not None
        try:
            reset_lab(self.ctx, definition, bool(self.Force))
        except DirectoryError as e:
            raise self.terminating_error(self.error(str(e), "LabResetFailed", e.category, definition))
        if running:       # the service follows the new file by itself; say so
            self.write_verbose("The lab's listeners now serve the new lab.")
        self.write_object(lab_object(self.lab()))


class SetPshimLabFaultCommand(_LabCmdlet):
    name = "Set-PshimLabFault"
    supports_should_process = True
    synopsis = "Injects a fault into a lab connector or server for an exercise (or clears it with -Fault None)."
    Identity = Parameter("object", position=0, mandatory=True, value_from_pipeline=True,
                         help="A connector (SERVER\\Name, Name) or a server (all its connectors).")
    Fault = Parameter("string", position=1, mandatory=True, validate_set=("None",) + FAULTS,
                      help="None, down, transient, permanent, silent, slow, garbage, reset or huge.")
    Delay = Parameter("double", help="For slow: seconds before the banner (default 15).")

    def process(self):
        d = self.lab()
        target = self._target(d)
        fault = cv.to_string(self.Fault).lower()
        delay = float(self.Delay) if self.Delay is not None else (15.0 if fault == "slow" else 0.0)
        if delay < 0:
            raise self.terminating_error(self.error("The delay must be 0 seconds or more.", "InvalidDelay",
                                                    "InvalidArgument", delay))
        if not self.should_process(target, f"Set lab fault '{fault}'"):
            return
        try:
            d.set_fault(target, None if fault == "none" else fault, delay)
        except DirectoryError as e:
            raise self.terminating_error(self.error(str(e), "LabWriteFailed", e.category, target))

    def _target(self, d) -> str:
        value = self.Identity
        conns = match_connectors(d.connectors(), value, wildcards=False)
        if len(conns) == 1:
            return conns[0].identity
        servers = match_servers(d.servers(), value, wildcards=False)
        if len(servers) == 1 and not conns:
            return servers[0].name
        text = identity_text(value)
        why = "matches more than one connector" if len(conns) > 1 else "is not a connector or server of the lab"
        raise self.terminating_error(self.error(f"'{text}' {why}.", "LabTargetNotFound", "ObjectNotFound", text))


class GetPshimLabFaultCommand(_LabCmdlet):
    name = "Get-PshimLabFault"
    synopsis = "Lists the faults injected into the lab."
    Force = Parameter("switch", help="Shows the faults of a lab whose definition hides them (HideFaults).")

    def process(self):
        d = self.lab()
        if d.org_settings().get("HideFaults") and not self.Force:
            raise self.terminating_error(self.error(
                "This lab hides its faults: finding them is the exercise. Get-PshimLabFault -Force shows them.",
                "LabFaultsHidden", "PermissionDenied"))
        for target, (fault, delay) in sorted(d.faults().items()):
            self.write_object(PshimLabFault(target, fault, delay))
