"""Microsoft.PowerShell.Core: help and command discovery (Get-Help, Get-Command) and Clear-Host."""
MODULE_NAME = "Microsoft.PowerShell.Core"

CMDLETS = {
    "Get-Help": "pshim.modules.core.help_cmdlets:GetHelpCommand",
    "Get-Command": "pshim.modules.core.help_cmdlets:GetCommandCommand",
    "Clear-Host": "pshim.modules.core.help_cmdlets:ClearHostCommand",
}

ALIASES = {
    "help": "Get-Help",
    "man": "Get-Help",
    "gcm": "Get-Command",
    "cls": "Clear-Host",
    "clear": "Clear-Host",
}
