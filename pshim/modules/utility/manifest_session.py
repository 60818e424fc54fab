"""Microsoft.PowerShell.Utility: dates and time spans, sleeping, aliases, New-Object, Invoke-Expression,
data files, the host (Get-Host, Read-Host), culture and random numbers, with their 5.1 default aliases."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Get-Date": _U + "date:GetDateCommand",
    "New-TimeSpan": _U + "date:NewTimeSpanCommand",
    "Start-Sleep": _U + "sleep:StartSleepCommand",
    "New-Object": _U + "new_object:NewObjectCommand",
    "Get-Alias": _U + "alias:GetAliasCommand",
    "Set-Alias": _U + "alias:SetAliasCommand",
    "New-Alias": _U + "alias:NewAliasCommand",
    "Invoke-Expression": _U + "invoke_expression:InvokeExpressionCommand",
    "Import-PowerShellDataFile": _U + "data_file:ImportPowerShellDataFileCommand",
    "Get-Host": _U + "host:GetHostCommand",
    "Read-Host": _U + "host:ReadHostCommand",
    "Get-Culture": _U + "culture:GetCultureCommand",
    "Get-UICulture": _U + "culture:GetUICultureCommand",
    "Get-Random": _U + "random:GetRandomCommand",
}

ALIASES = {
    "gal": "Get-Alias",
    "sal": "Set-Alias",
    "nal": "New-Alias",
    "iex": "Invoke-Expression",
    "sleep": "Start-Sleep",
    "gh": "Get-Host",
}
