"""Cmdlets and default aliases of Microsoft.PowerShell.Core owned by the object pipeline."""
MODULE_NAME = "Microsoft.PowerShell.Core"

CMDLETS = {
    "Where-Object": "pshim.modules.core.objects_foreach:WhereObjectCommand",
    "ForEach-Object": "pshim.modules.core.objects_foreach:ForEachObjectCommand",
    "Out-Null": "pshim.modules.utility.write:OutNullCommand",
}

ALIASES = {
    "?": "Where-Object",
    "where": "Where-Object",
    "%": "ForEach-Object",
    "foreach": "ForEach-Object",
}
