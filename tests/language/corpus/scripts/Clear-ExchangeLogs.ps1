<#
.SYNOPSIS
 Removes IIS and Exchange diagnostic logs older than N days.
.DESCRIPTION
 Same idea as the well known cleanup scripts, rewritten: walks the log folders and deletes old *.log, *.blg, *.etl.
#>
Param([int]$Days = 7, [switch]$WhatIf)

Set-Executionpolicy RemoteSigned -Scope Process -Force
$IISLogPath = "C:\inetpub\logs\LogFiles\"
$ExchangeLoggingPath = "$($env:ExchangeInstallPath)Logging\"
$ETLLoggingPath = "$($env:ExchangeInstallPath)Bin\Search\Ceres\Diagnostics\ETLTraces\"
$ETLLoggingPath2 = "$($env:ExchangeInstallPath)Bin\Search\Ceres\Diagnostics\Logs"

Function CleanLogfiles($TargetFolder)
{
    Write-Host -ForegroundColor Yellow -BackgroundColor Black $TargetFolder
    if (Test-Path $TargetFolder) {
        $Now = Get-Date
        $LastWrite = $Now.AddDays(-$Days)
        $Files = Get-ChildItem $TargetFolder -Recurse | Where-Object {$_.Name -like "*.log" -or $_.Name -like "*.blg" -or $_.Name -like "*.etl"} | where {$_.lastWriteTime -le "$lastwrite"} | Select-Object FullName
        $size = 0
        foreach ($File in $Files)
        {
            $FullFileName = $File.FullName
            $size += (Get-Item $FullFileName).Length
            Write-Host "Deleting file $FullFileName" -ForegroundColor "yellow";
            Remove-Item $FullFileName -ErrorAction SilentlyContinue -WhatIf:$WhatIf | out-null
        }
        "Freed {0:N1} MB in {1}" -f ($size/1MB), $TargetFolder
    }
    Else {
        Write-Host "The folder $TargetFolder doesn't exist! Check the folder path!" -ForegroundColor "red"
    }
}
CleanLogfiles($IISLogPath)
CleanLogfiles($ExchangeLoggingPath)
CleanLogfiles($ETLLoggingPath)
CleanLogfiles($ETLLoggingPath2)
