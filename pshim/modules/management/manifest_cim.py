"""CimCmdlets: Get-CimInstance for the classes pshim answers from this machine."""
MODULE_NAME = "CimCmdlets"

CMDLETS = {
    "Get-CimInstance": "pshim.modules.management.cim:GetCimInstanceCommand",
}

ALIASES = {
    "gcim": "Get-CimInstance",
}
