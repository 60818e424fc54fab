<#
.SYNOPSIS
    Puts an Exchange 2013/2016/2019 DAG member into maintenance mode, or takes it out.
.EXAMPLE
    .\Start-ExchangeMaintenance.ps1 -Server EX01 -Target EX02.contoso.com
.EXAMPLE
    .\Start-ExchangeMaintenance.ps1 -Server EX01 -Stop
#>
[CmdletBinding(DefaultParameterSetName = "Start")]
param(
    [Parameter(Mandatory = $true, Position = 0)]
    [string]$Server,
    [Parameter(ParameterSetName = "Start", Mandatory = $true)]
    [string]$Target,
    [Parameter(ParameterSetName = "Stop")]
    [switch]$Stop
)

function Wait-QueueDrain {
    param([string]$Name, [int]$TimeoutMinutes = 15)
    $deadline = (Get-Date).AddMinutes($TimeoutMinutes)
    do {
        $count = (Get-Queue -Server $Name | Where-Object { $_.Identity -notlike "*\Poison" -and $_.Identity -notlike "*\Shadow\*" } |
            Measure-Object -Property MessageCount -Sum).Sum
        Write-Host ("  {0} message(s) still queued on {1}" -f $count, $Name)
        if ($count -gt 0) { Start-Sleep -Seconds 20 }
    } while ($count -gt 0 -and (Get-Date) -lt $deadline)
    return ($count -eq 0)
}

$dag = (Get-MailboxServer $Server).DatabaseAvailabilityGroup

switch ($PSCmdlet.ParameterSetName) {
    "Start" {
        Write-Host "Draining transport on $Server" -ForegroundColor Yellow
        Set-ServerComponentState $Server -Component HubTransport -State Draining -Requester Maintenance
        Restart-Service MSExchangeTransport -ErrorAction SilentlyContinue
        Redirect-Message -Server $Server -Target $Target -Confirm:$false
        if (-not (Wait-QueueDrain -Name $Server)) { Write-Warning "Queues did not drain; continuing anyway" }

        if ($dag) {
            Write-Host "Moving active databases off $Server" -ForegroundColor Yellow
            Suspend-ClusterNode -Name $Server | Out-Null
            Set-MailboxServer $Server -DatabaseCopyActivationDisabledAndMoveNow $true
            Set-MailboxServer $Server -DatabaseCopyAutoActivationPolicy Blocked
            $tries = 0
            while ((Get-MailboxDatabaseCopyStatus -Server $Server | Where-Object { $_.Status -eq "Mounted" }) -and $tries -lt 30) {
                Start-Sleep 10; $tries++
            }
        }
        Set-ServerComponentState $Server -Component ServerWideOffline -State Inactive -Requester Maintenance
        Write-Host "$Server is in maintenance mode." -ForegroundColor Green
    }
    "Stop" {
        Set-ServerComponentState $Server -Component ServerWideOffline -State Active -Requester Maintenance
        if ($dag) {
            Resume-ClusterNode -Name $Server | Out-Null
            Set-MailboxServer $Server -DatabaseCopyAutoActivationPolicy Unrestricted
            Set-MailboxServer $Server -DatabaseCopyActivationDisabledAndMoveNow $false
        }
        Set-ServerComponentState $Server -Component HubTransport -State Active -Requester Maintenance
        Restart-Service MSExchangeTransport
        Get-ServerComponentState $Server | Format-Table Component, State -AutoSize
    }
}
