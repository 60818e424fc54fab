#Requires -RunAsAdministrator
<#
.SYNOPSIS
    Registers a scheduled task that runs the daily mailbox report at 06:00.
#>
param(
    [string]$ScriptPath = (Join-Path $PSScriptRoot "Get-MailboxSizeReport.ps1"),
    [string]$TaskName = "Exchange - Daily mailbox report",
    [pscredential]$RunAs = (Get-Credential -Message "Account that runs the task")
)

$exShell = "`"$env:ExchangeInstallPath\bin\RemoteExchange.ps1`""
$command = ". $exShell; Connect-ExchangeServer -auto; & `"$ScriptPath`" -SendMail"
$arguments = "-NoProfile -NonInteractive -ExecutionPolicy Bypass -Command `"$command`""

$action = New-ScheduledTaskAction -Execute "$PSHOME\powershell.exe" -Argument $arguments -WorkingDirectory (Split-Path $ScriptPath)
$trigger = New-ScheduledTaskTrigger -Daily -At 6am
$settings = New-ScheduledTaskSettingsSet -StartWhenAvailable -ExecutionTimeLimit (New-TimeSpan -Hours 2) -RestartCount 3 -RestartInterval (New-TimeSpan -Minutes 10)

if (Get-ScheduledTask -TaskName $TaskName -ErrorAction SilentlyContinue) {
    Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false
}
Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings `
    -User $RunAs.UserName -Password $RunAs.GetNetworkCredential().Password -RunLevel Highest | Out-Null
Get-ScheduledTask -TaskName $TaskName | Select-Object TaskName, State, @{n = "Next run"; e = { ($_ | Get-ScheduledTaskInfo).NextRunTime }}
