#Requires -Version 3.0
#Requires -Modules ActiveDirectory
<#
.SYNOPSIS
Creates move requests for a list of users and watches them until they finish.
#>
param(
    [Parameter(Mandatory)][string]$UserList,
    [Parameter(Mandatory)][string]$TargetDatabase,
    [string]$BatchName = "Batch_" + (Get-Date -Format "yyyyMMdd_HHmm"),
    [int]$BadItemLimit = 50,
    [int]$PollSeconds = 60,
    [switch]$SuspendWhenReady
)

$ErrorActionPreference = "Stop"
$users = Get-Content -Path $UserList | Where-Object { $_ -and $_ -notmatch '^\s*#' } | ForEach-Object { $_.Trim() }
Write-Host "$($users.Count) users read from $UserList" -ForegroundColor Yellow

$created = @()
foreach ($u in $users) {
    try {
        $existing = Get-MoveRequest -Identity $u -ErrorAction SilentlyContinue
        if ($existing) {
            Write-Warning "$u already has a move request ($($existing.Status)), skipped"
            continue
        }
        $req = New-MoveRequest -Identity $u -TargetDatabase $TargetDatabase -BatchName $BatchName `
            -BadItemLimit $BadItemLimit -AcceptLargeDataLoss -SuspendWhenReadyToComplete:$SuspendWhenReady -WarningAction SilentlyContinue
        $created += $req
        "{0,-40} queued" -f $u
    } catch {
        Write-Host ("{0,-40} FAILED: {1}" -f $u, $_.Exception.Message) -ForegroundColor Red
    }
}

if ($created.Count -eq 0) { Write-Host "Nothing to do."; return }

$done = $false
while (-not $done) {
    Start-Sleep -Seconds $PollSeconds
    $stats = Get-MoveRequest -BatchName $BatchName | Get-MoveRequestStatistics
    Clear-Host
    $stats | Sort-Object PercentComplete -Descending |
        Format-Table DisplayName, StatusDetail, @{Label = "Done %"; Expression = { $_.PercentComplete }; Align = "Right"},
                     @{L = "Size"; E = { $_.TotalMailboxSize.ToString().Split("(")[0] }}, BytesTransferred -AutoSize
    $pending = @($stats | Where-Object { $_.Status -notin @("Completed", "CompletedWithWarning", "Failed", "AutoSuspended") })
    $failedReqs = @($stats | Where-Object Status -eq "Failed")
    foreach ($f in $failedReqs) {
        Write-Warning "$($f.DisplayName): $($f.Message)"
    }
    $done = ($pending.Count -eq 0)
}

$summary = $stats | Group-Object Status | Select-Object Name, Count
$summary | Format-Table -AutoSize
$stats | Select-Object DisplayName, Status, TotalMailboxSize, TotalArchiveSize, OverallDuration |
    Export-Csv ".\$BatchName.csv" -NoTypeInformation
