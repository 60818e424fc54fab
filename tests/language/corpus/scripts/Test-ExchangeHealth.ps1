<#
.SYNOPSIS
Daily health check of Exchange servers, databases, queues and certificates.
#>
param(
    [Parameter(Mandatory=$false, HelpMessage="Servers to check, all by default")]
    [string[]]$Server,
    [ValidateRange(1,1000)]
    [int]$QueueThreshold = 100,
    [string]$ReportPath = "$PSScriptRoot\Reports",
    [switch]$Detailed
)

. "$env:ExchangeInstallPath\bin\RemoteExchange.ps1"
Connect-ExchangeServer -auto -AllowClobber

Set-StrictMode -Version 2
$report = New-Object System.Collections.ArrayList
$failures = 0

function New-Result {
    param($Target, $Check, $Result, $Detail = "")
    $o = New-Object PSObject
    $o | Add-Member -MemberType NoteProperty -Name Target -Value $Target
    $o | Add-Member -MemberType NoteProperty -Name Check -Value $Check
    $o | Add-Member -MemberType NoteProperty -Name Result -Value $Result
    $o | Add-Member -MemberType NoteProperty -Name Detail -Value $Detail
    [void]$script:report.Add($o)
    if ($Result -ne "Pass") { $script:failures++ }
}

if (!$Server) {
    $Server = @(Get-ExchangeServer | Where-Object { $_.AdminDisplayVersion -like "Version 15*" } | ForEach-Object { $_.Name })
}

foreach ($s in $Server) {
    Write-Host "Checking $s..." -ForegroundColor Cyan

    # ping
    if (Test-Connection -ComputerName $s -Count 2 -Quiet) {
        New-Result $s "Ping" "Pass"
    } else {
        New-Result $s "Ping" "Fail" "No reply"
        continue
    }

    # services
    $svc = Test-ServiceHealth -Server $s
    foreach ($role in $svc) {
        if ($role.RequiredServicesRunning) {
            New-Result $s "Services ($($role.Role))" "Pass"
        } else {
            New-Result $s "Services ($($role.Role))" "Fail" ($role.ServicesNotRunning -join ", ")
        }
    }

    # queues
    $queues = Get-Queue -Server $s -ErrorAction SilentlyContinue | Where-Object { $_.MessageCount -gt $QueueThreshold }
    if ($queues) {
        New-Result $s "Queues" "Warn" (($queues | ForEach-Object { "$($_.Identity)=$($_.MessageCount)" }) -join "; ")
    } else {
        New-Result $s "Queues" "Pass"
    }

    # disk space
    $disks = Get-WmiObject -Class Win32_LogicalDisk -ComputerName $s -Filter "DriveType=3"
    foreach ($d in $disks) {
        $free = [math]::Round(($d.FreeSpace / $d.Size) * 100, 1)
        $state = if ($free -lt 10) { "Fail" } elseif ($free -lt 20) { "Warn" } else { "Pass" }
        New-Result $s "Disk $($d.DeviceID)" $state ("{0}% free ({1:N1} GB)" -f $free, ($d.FreeSpace / 1GB))
    }
}

# databases
foreach ($db in Get-MailboxDatabase -Status) {
    if ($db.Mounted) {
        New-Result $db.Name "Mounted" "Pass" $db.Server
    } else {
        New-Result $db.Name "Mounted" "Fail" "Dismounted on $($db.Server)"
    }
    $backup = $db.LastFullBackup
    if ($backup -eq $null -or $backup -lt (Get-Date).AddDays(-2)) {
        New-Result $db.Name "Backup" "Warn" "Last full backup: $backup"
    }
    $copies = Get-MailboxDatabaseCopyStatus -Identity $db.Name -ErrorAction SilentlyContinue
    foreach ($c in $copies) {
        switch ($c.Status) {
            "Mounted" { New-Result $c.Name "Copy" "Pass" }
            "Healthy" {
                if ($c.CopyQueueLength -gt 10 -or $c.ReplayQueueLength -gt 50) {
                    New-Result $c.Name "Copy" "Warn" "CQ=$($c.CopyQueueLength) RQ=$($c.ReplayQueueLength)"
                } else { New-Result $c.Name "Copy" "Pass" }
            }
            default { New-Result $c.Name "Copy" "Fail" $c.Status }
        }
    }
}

# certificates
Get-ExchangeCertificate | Where-Object { $_.Services -ne "None" } | ForEach-Object {
    $days = ($_.NotAfter - (Get-Date)).Days
    if ($days -lt 0) { New-Result $_.Subject "Certificate" "Fail" "Expired $($_.NotAfter)" }
    elseif ($days -lt 30) { New-Result $_.Subject "Certificate" "Warn" "Expires in $days days" }
    else { New-Result $_.Subject "Certificate" "Pass" }
}

if (-not (Test-Path $ReportPath)) { New-Item -ItemType Directory -Path $ReportPath | Out-Null }
$file = Join-Path $ReportPath ("Health-" + (Get-Date -Format "yyyyMMdd") + ".csv")
$report | Export-Csv -Path $file -NoTypeInformation

if ($Detailed) {
    $report | Format-Table -AutoSize
} else {
    $report | Where-Object { $_.Result -ne "Pass" } | Format-Table Target,Check,Result,Detail -AutoSize -Wrap
}
Write-Host ("{0} checks, {1} problems" -f $report.Count, $failures) -ForegroundColor $(if ($failures) { "Red" } else { "Green" })
exit $failures
