"""Microsoft.PowerShell.Utility: Invoke-WebRequest and Invoke-RestMethod (on requests)."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_W = "pshim.modules.utility.web_request:"

CMDLETS = {
    "Invoke-WebRequest": _W + "InvokeWebRequestCommand",
    "Invoke-RestMethod": _W + "InvokeRestMethodCommand",
}

ALIASES = {
    "iwr": "Invoke-WebRequest",
    "irm": "Invoke-RestMethod",
    "curl": "Invoke-WebRequest",
    "wget": "Invoke-WebRequest",
}


def on_load(table):
    """[Microsoft.PowerShell.Commands.WebRequestSession] as a type: -WebSession takes the session objects
    -SessionVariable made (and New-Object-free scripts only pass those)."""
    from ...runtime.types import register_type, PSType
    register_type(PSType("Microsoft.PowerShell.Commands.WebRequestSession", None, None))
