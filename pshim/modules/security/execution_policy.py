"""Get-ExecutionPolicy and Set-ExecutionPolicy: the policy recorded per scope, reported as 5.1 reports it.

pshim records execution policies but does not enforce them: scripts run whatever the policy says (pshim
has no Authenticode signatures and no zone marks to check). Where each scope is kept:

- Process: the environment variable PSExecutionPolicyPreference, as 5.1 keeps it (a child process
  inherits it; `$env:PSExecutionPolicyPreference = 'Bypass'` sets it too).
- CurrentUser and LocalMachine: `execution-policy.json` in pshim's home. 5.1 keeps them in the registry
  (HKCU and HKLM); pshim's home is per user, so "LocalMachine" is this user's machine-wide default here
  and needs no administrator. A fresh home reports LocalMachine as RemoteSigned, the default Windows
  Server (which Exchange runs on) ships with.
- MachinePolicy and UserPolicy: Group Policy, which pshim has not; always Undefined, and setting them is
  5.1's error.

The effective policy is the first scope that is not Undefined in the order MachinePolicy, UserPolicy,
Process, CurrentUser, LocalMachine; Restricted when all are Undefined.
"""
from __future__ import annotations

import json
import os

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...commands.should_process import CHOICES
from ...errors import SystemException, UnauthorizedAccessException, _exc, non_interactive_error, \
    PipelineStoppedException
from ...runtime.drives import pshim_home
from ...runtime.psobject import PSObject, PSMemberInfo
from ...runtime.statics import EnumValue
from ..core.enum_types import EnumParameter

POLICY_TYPE = "Microsoft.PowerShell.ExecutionPolicy"
SCOPE_TYPE = "Microsoft.PowerShell.ExecutionPolicyScope"
POLICY_VALUES = {"Unrestricted": 0, "RemoteSigned": 1, "AllSigned": 2, "Restricted": 3, "Default": 3,
                 "Bypass": 4, "Undefined": 5}
POLICIES = tuple(POLICY_VALUES)
SCOPE_VALUES = {"Process": 0, "CurrentUser": 1, "LocalMachine": 2, "UserPolicy": 3, "MachinePolicy": 4}
SCOPES = tuple(SCOPE_VALUES)
PRECEDENCE = ("MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine")
PROCESS_VARIABLE = "PSExecutionPolicyPreference"
STORE_FILE = "execution-policy.json"
SHIPPED_DEFAULTS = {"LocalMachine": "RemoteSigned"}

SecurityException = _exc("SecurityException", "System.Security.SecurityException", SystemException)

_QUERY = ("The execution policy helps protect you from scripts that you do not trust. Changing the execution policy "
          "might expose\nyou to the security risks described in the about_Execution_Policies help topic at\n"
          "https:/go.microsoft.com/fwlink/?LinkID=135170. Do you want to change the execution policy?")


def policy_value(name: str) -> EnumValue:
    if name == "Default":
        name = "Restricted"
    return EnumValue(POLICY_TYPE, name, POLICY_VALUES[name])


def scope_value(name: str) -> EnumValue:
    return EnumValue(SCOPE_TYPE, name, SCOPE_VALUES[name])


def _canonical(text: str | None) -> str:
    """A stored policy's name, Undefined for nothing or for text that is not a policy."""
    if not text:
        return "Undefined"
    for name in POLICIES:
        if name.lower() == text.strip().lower():
            return "Restricted" if name == "Default" else name
    return "Undefined"


def _store_path() -> str:
    return os.path.join(pshim_home(), STORE_FILE)


def _read_store() -> dict:
    try:
        with open(_store_path(), encoding="utf-8") as f:
            data = json.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_store(data: dict):
    path = _store_path()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)


def scope_policy(scope: str) -> str:
    """The policy recorded at one scope (a name, 'Undefined' when none)."""
    if scope in ("MachinePolicy", "UserPolicy"):
        return "Undefined"
    if scope == "Process":
        return _canonical(os.environ.get(PROCESS_VARIABLE))
    data = _read_store()
    if scope in data:
        return _canonical(data[scope])
    return SHIPPED_DEFAULTS.get(scope, "Undefined")


def effective_policy() -> str:
    for scope in PRECEDENCE:
        p = scope_policy(scope)
        if p != "Undefined":
            return p
    return "Restricted"


def set_scope_policy(scope: str, policy: str):
    if scope == "Process":
        if policy == "Undefined":
            os.environ.pop(PROCESS_VARIABLE, None)
        else:
            os.environ[PROCESS_VARIABLE] = policy
        return
    data = _read_store()
    data[scope] = policy
    _write_store(data)


class GetExecutionPolicyCommand(Cmdlet):
    name = "Get-ExecutionPolicy"
    dotnet_type = "Microsoft.PowerShell.Commands.GetExecutionPolicyCommand"
    module_name = "Microsoft.PowerShell.Security"
    synopsis = "Gets the execution policies for the current session."
    output_type = POLICY_TYPE

    Scope = EnumParameter(SCOPE_TYPE, SCOPES, position=0, value_from_pipeline_by_property_name=True)
    List = Parameter("switch")

    def process(self):
        if self.List:
            for scope in PRECEDENCE:
                o = PSObject(None)
                o.members["scope"] = PSMemberInfo("Scope", scope_value(scope))
                o.members["executionpolicy"] = PSMemberInfo("ExecutionPolicy", policy_value(scope_policy(scope)))
                self.write_object(o)
            return
        if self.Scope:
            self.write_object(policy_value(scope_policy(self.Scope)))
            return
        self.write_object(policy_value(effective_policy()))


class SetExecutionPolicyCommand(Cmdlet):
    name = "Set-ExecutionPolicy"
    dotnet_type = "Microsoft.PowerShell.Commands.SetExecutionPolicyCommand"
    module_name = "Microsoft.PowerShell.Security"
    supports_should_process = True
    synopsis = "Sets the PowerShell execution policies."

    ExecutionPolicy = EnumParameter(POLICY_TYPE, POLICIES, position=0, mandatory=True, value_from_pipeline=True,
                                    value_from_pipeline_by_property_name=True)
    Scope = EnumParameter(SCOPE_TYPE, SCOPES, position=1, value_from_pipeline_by_property_name=True,
                          default="LocalMachine")
    Force = Parameter("switch")

    def _confirmed(self) -> bool:
        if self.Force:
            return True
        host = self.host
        if not host.interactive:
            raise non_interactive_error()
        idx = host.prompt_for_choice("Execution Policy Change", _QUERY, CHOICES, 2)
        if CHOICES[idx][0] == "&Suspend":
            raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
        return idx in (0, 1)

    def process(self):
        policy = "Restricted" if self.ExecutionPolicy == "Default" else self.ExecutionPolicy
        scope = self.Scope or "LocalMachine"
        if scope in ("MachinePolicy", "UserPolicy"):
            self.throw_terminating_error(self.error(
                "Cannot set execution policy. Execution policies at the MachinePolicy or UserPolicy scopes must be "
                "set through Group Policy.", "CantSetGroupPolicy", "InvalidOperation", None,
                UnauthorizedAccessException))
        if not self.should_process(policy):
            return
        if not self._confirmed():
            return
        try:
            set_scope_policy(scope, policy)
        except OSError as e:
            self.throw_terminating_error(self.error(
                f"Access to the path '{_store_path()}' is denied: {e.strerror or e}.", "System.UnauthorizedAccessException",
                "PermissionDenied", None, UnauthorizedAccessException))
        effective = effective_policy()
        if policy != "Undefined" and effective != policy:
            self.throw_terminating_error(self.error(
                "Windows PowerShell updated your execution policy successfully, but the setting is overridden by a "
                "policy defined at a more specific scope.  Due to the override, your shell will retain its current "
                f"effective execution policy of {effective}. Type \"Get-ExecutionPolicy -List\" to view your "
                "execution policy settings. For more information please see \"Get-Help Set-ExecutionPolicy\".",
                "ExecutionPolicyOverride", "PermissionDenied", None, SecurityException))
