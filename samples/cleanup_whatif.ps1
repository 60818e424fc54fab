# Clean up old report files safely: SupportsShouldProcess functions, -WhatIf, $WhatIfPreference and
# -WhatIf flowing into the cmdlets a function calls.
function Remove-StaleReport {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)] [string]$Path)
    if ($PSCmdlet.ShouldProcess($Path, 'Delete stale report')) {
        Remove-Item -Path $Path
        "Deleted $Path"
    }
}

function Clear-ReportFolder {
    [CmdletBinding(SupportsShouldProcess)]
    param([string]$Folder)
    Get-ChildItem -Path $Folder -Filter *.txt | Sort-Object Name | Remove-Item
}

New-Item -ItemType Directory -Path C:\Reports\Stale -Force | Out-Null
Set-Location C:\Reports\Stale
'old' | Set-Content -Path .\a.txt
'old' | Set-Content -Path .\b.txt
(Get-ChildItem -Path C:\Reports\Stale | Measure-Object).Count

Remove-StaleReport -Path C:\Reports\Stale\a.txt -WhatIf
Test-Path C:\Reports\Stale\a.txt
Remove-StaleReport -Path C:\Reports\Stale\b.txt
Test-Path C:\Reports\Stale\b.txt

Clear-ReportFolder -Folder C:\Reports\Stale -WhatIf
Test-Path C:\Reports\Stale\a.txt

$WhatIfPreference = $true
New-Item -ItemType File -Path C:\Reports\Stale\c.txt
Remove-StaleReport -Path C:\Reports\Stale\a.txt -WhatIf:$false
$WhatIfPreference = $false
Test-Path C:\Reports\Stale\c.txt
Test-Path C:\Reports\Stale\a.txt
