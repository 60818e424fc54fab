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
