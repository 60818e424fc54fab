"""Microsoft.PowerShell.Core: Get-PSSnapin, Add-PSSnapin, Remove-PSSnapin. The loaded snap-ins are
declared session state (`core.pssnapins`); the registered ones are Exchange's."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import PSArgumentException
from ...formatting.views import register_view, ListView, Entry
from ...runtime import conversion as cv
from ...runtime.operators import has_wildcard, wildcard_match
from ...runtime.psobject import DotNetObject

_NS = "Microsoft.PowerShell.Commands."


_EXCHANGE_SNAPINS = {
    "microsoft.exchange.management.powershell.e2010": (
        "Microsoft.Exchange.Management.PowerShell.E2010", "Admin Tools for Exchange Server"),
    "microsoft.exchange.management.powershell.snapin": (
        "Microsoft.Exchange.Management.PowerShell.SnapIn", "Admin Tools for Exchange Server"),
    "microsoft.exchange.management.powershell.admin": (
        "Microsoft.Exchange.Management.PowerShell.Admin", "Admin Tools for Exchange Server"),
    "microsoft.exchange.management.powershell.setup": (
        "Microsoft.Exchange.Management.PowerShell.Setup", "Setup Tasks for Exchange Server"),
    "microsoft.exchange.management.powershell.support": (
        "Microsoft.Exchange.Management.PowerShell.Support", "Support Tasks for Exchange Server"),
}
_CORE_SNAPIN = ("Microsoft.PowerShell.Core",
                "This Windows PowerShell snap-in contains cmdlets used to manage components of Windows "
                "PowerShell.")


class PSSnapInInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.PSSnapInInfo", "System.Object")
    ps_properties = ("Name", "IsDefault", "ApplicationBase", "AssemblyName", "ModuleName", "PSVersion", "Version",
                     "Types", "Formats", "Description", "Vendor", "LogPipelineExecutionDetails")

    def __init__(self, name, description, is_default=False):
        from ...runtime.version import Version
        self.Name = name
        self.IsDefault = is_default
        self.ApplicationBase = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0" if is_default else \
            "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\bin"
        self.AssemblyName = name + ", Version=15.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35"
        self.ModuleName = self.ApplicationBase + "\\" + name + ".dll"
        self.PSVersion = Version(5, 1, 19041, 1) if is_default else Version(1, 0)
        self.Version = Version(3, 0, 0, 0) if is_default else Version(15, 0, 0, 0)
        self.Types = []
        self.Formats = []
        self.Description = description
        self.Vendor = "Microsoft Corporation" if is_default else "Microsoft"
        self.LogPipelineExecutionDetails = False

    def ps_to_string(self):
        return self.Name


register_view("System.Management.Automation.PSSnapInInfo",
              ListView([Entry("Name"), Entry("PSVersion"), Entry("Description")]))


def _loaded_snapins(session) -> list:
    return session.state("core.pssnapins", lambda: [PSSnapInInfo(*_CORE_SNAPIN, is_default=True)])


class GetPSSnapinCommand(Cmdlet):
    name = "Get-PSSnapin"
    dotnet_type = _NS + "GetPSSnapinCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Gets the Windows PowerShell snap-ins on the computer."

    Name = Parameter("string[]", position=0)
    Registered = Parameter("switch")

    def process(self):
        if self.Registered:
            pool = [PSSnapInInfo(n, d) for n, d in _EXCHANGE_SNAPINS.values()]
        else:
            pool = list(_loaded_snapins(self.ctx.session))
        for pat in [cv.to_string(p) for p in (self.Name or ["*"])]:
            hits = [s for s in pool if wildcard_match(pat, s.Name)]
            if not hits and not has_wildcard(pat):
                self.write_error(self.error(
                    f"No Windows PowerShell snap-ins matching the pattern '{pat}' were found. Check the pattern "
                    "and then try the command again.", "NoPSSnapInsFound", "InvalidArgument", pat,
                    PSArgumentException))
            for s in hits:
                self.write_object(s)


class AddPSSnapinCommand(Cmdlet):
    name = "Add-PSSnapin"
    dotnet_type = _NS + "AddPSSnapinCommand"
    module_name = "Microsoft.PowerShell.Core"
    synopsis = "Adds one or more Windows PowerShell snap-ins to the current session."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True)
    PassThru = Parameter("switch")

    def process(self):
        loaded = _loaded_snapins(self.ctx.session)
        for raw in self.Name or []:
            name = cv.to_string(raw)
            if has_wildcard(name):
                hits = [v for k, v in _EXCHANGE_SNAPINS.items() if wildcard_match(name, v[0])]
            else:
                entry = _EXCHANGE_SNAPINS.get(name.lower())
                if entry is None:
                    if name.lower() == _CORE_SNAPIN[0].lower() or name.lower().startswith("microsoft.powershell."):
                        hits = [(_CORE_SNAPIN[0], _CORE_SNAPIN[1])]
                    else:
                        self.write_error(self.error(
                            f"The Windows PowerShell snap-in '{name}' is not installed on this computer.",
                            "AddPSSnapInRead", "InvalidArgument", name, PSArgumentException))
                        continue
                else:
                    hits = [entry]
            for sname, desc in hits:
                existing = next((s for s in loaded if s.Name.lower() == sname.lower()), None)
                if existing is not None:
                    if not has_wildcard(name):
                        self.write_error(self.error(
                            f"Cannot add Windows PowerShell snap-in {sname} because it is already added. Verify "
                            "the name of the snap-in, and then try again.", "AddPSSnapInRead", "InvalidArgument",
                            sname, PSArgumentException))
                    continue
                info = PSSnapInInfo(sname, desc)
                loaded.append(info)
                if self.PassThru:
                    self.write_object(info)


class RemovePSSnapinCommand(Cmdlet):
    name = "Remove-PSSnapin"
    dotnet_type = _NS + "RemovePSSnapinCommand"
    module_name = "Microsoft.PowerShell.Core"
    supports_should_process = True
    synopsis = "Removes Windows PowerShell snap-ins from the current session."

    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline=True,
                     value_from_pipeline_by_property_name=True)
    PassThru = Parameter("switch")

    def process(self):
        loaded = _loaded_snapins(self.ctx.session)
        for raw in self.Name or []:
            name = cv.to_string(raw.Name if isinstance(raw, PSSnapInInfo) else raw)
            hits = [s for s in loaded if wildcard_match(name, s.Name)]
            if not hits:
                self.write_error(self.error(
                    f"No Windows PowerShell snap-ins matching the pattern '{name}' were found. Check the pattern "
                    "and then try the command again.", "NoPSSnapInsFound", "InvalidArgument", name,
                    PSArgumentException))
                continue
            for s in hits:
                if s.IsDefault:
                    self.write_error(self.error(
                        f"Cannot remove the Windows PowerShell snap-in {s.Name} because it is a system snap-in. "
                        "Verify the name of the snap-in that you want to remove, and then try again.",
                        "RemovePSSnapIn", "InvalidArgument", s.Name, PSArgumentException))
                    continue
                if not self.should_process(s.Name, "Remove-PSSnapin"):
                    continue
                loaded.remove(s)
                if self.PassThru:
                    self.write_object(s)
