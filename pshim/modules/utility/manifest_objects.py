"""Object cmdlets of Microsoft.PowerShell.Utility (selection, sorting, grouping,
measuring, unique items, members, variables, writing and progress) and their 5.1 default aliases."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

_U = "pshim.modules.utility."

CMDLETS = {
    "Write-Output": _U + "write:WriteOutputCommand",
    "Write-Host": _U + "write:WriteHostCommand",
    "Write-Error": _U + "write:WriteErrorCommand",
    "Write-Warning": _U + "write:WriteWarningCommand",
    "Write-Verbose": _U + "write:WriteVerboseCommand",
    "Write-Debug": _U + "write:WriteDebugCommand",
    "Write-Information": _U + "write:WriteInformationCommand",
    "Select-Object": _U + "object_select:SelectObjectCommand",
    "Sort-Object": _U + "object_sort:SortObjectCommand",
    "Group-Object": _U + "object_group:GroupObjectCommand",
    "Measure-Object": _U + "object_measure:MeasureObjectCommand",
    "Compare-Object": _U + "object_compare:CompareObjectCommand",
    "Tee-Object": _U + "object_tee:TeeObjectCommand",
    "Get-Member": _U + "object_member:GetMemberCommand",
    "Get-Variable": _U + "variables:GetVariableCommand",
    "Set-Variable": _U + "variables:SetVariableCommand",
    "New-Variable": _U + "variables:NewVariableCommand",
    "Remove-Variable": _U + "variables:RemoveVariableCommand",
    "Clear-Variable": _U + "variables:ClearVariableCommand",
    "Get-Unique": _U + "object_unique:GetUniqueCommand",
    "Add-Member": _U + "members_add:AddMemberCommand",
    "Write-Progress": _U + "progress:WriteProgressCommand",
}

ALIASES = {
    "echo": "Write-Output",
    "write": "Write-Output",
    "select": "Select-Object",
    "sort": "Sort-Object",
    "group": "Group-Object",
    "measure": "Measure-Object",
    "compare": "Compare-Object",
    "diff": "Compare-Object",
    "tee": "Tee-Object",
    "gu": "Get-Unique",
    "gm": "Get-Member",
    "gv": "Get-Variable",
    "sv": "Set-Variable",
    "set": "Set-Variable",
    "nv": "New-Variable",
    "rv": "Remove-Variable",
    "clv": "Clear-Variable",
}
