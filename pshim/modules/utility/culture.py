"""Microsoft.PowerShell.Utility: Get-Culture and Get-UICulture, and the en-US CultureInfo pshim formats
with (its TextInfo, NumberFormatInfo and DateTimeFormatInfo)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...formatting.views import register_view, TableView, Column
from ...runtime.culture import CultureInfo

_NS = "Microsoft.PowerShell.Commands."


register_view("System.Globalization.CultureInfo",
              TableView([Column("LCID", width=16), Column("Name", width=16), Column("DisplayName")]))


class GetCultureCommand(Cmdlet):
    name = "Get-Culture"
    dotnet_type = _NS + "GetCultureCommand"
    synopsis = "Gets the current culture set in the operating system."

    def process(self):
        self.write_object(CultureInfo())


class GetUICultureCommand(GetCultureCommand):
    name = "Get-UICulture"
    dotnet_type = _NS + "GetUICultureCommand"
    synopsis = "Gets the current UI culture settings in the operating system."
