<#
.SYNOPSIS
 Scans mailboxes in parallel runspaces (PowerShell 2-5 compatible pattern).
#>
param([int]$Throttle = 8, [string]$Filter = "*")

$pool = [RunspaceFactory]::CreateRunspacePool(1, $Throttle)
$pool.ApartmentState = "MTA"
$pool.Open()

$worker = {
    param($Identity, $Server)
    $s = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri "http://$Server/PowerShell/" -Authentication Kerberos
    try {
        Invoke-Command -Session $s -ScriptBlock {
            param($id)
            Get-MailboxStatistics -Identity $id | Select-Object DisplayName, ItemCount, TotalItemSize
        } -ArgumentList $Identity
    } finally {
        Remove-PSSession $s
    }
}

$jobs = @()
$server = (Get-ExchangeServer | Where-Object { $_.IsClientAccessServer } | Select-Object -First 1).Fqdn
foreach ($m in (Get-Mailbox -ResultSize Unlimited -Identity $Filter)) {
    $ps = [PowerShell]::Create().AddScript($worker).AddArgument($m.Identity.ToString()).AddArgument($server)
    $ps.RunspacePool = $pool
    $jobs += [pscustomobject]@{ Pipe = $ps; Handle = $ps.BeginInvoke(); Name = $m.DisplayName }
}

$results = while ($jobs | Where-Object { -not $_.Handle.IsCompleted }) {
    $done = ($jobs | Where-Object { $_.Handle.IsCompleted }).Count
    Write-Progress -Activity "Scanning" -Status "$done of $($jobs.Count)" -PercentComplete ($done / [math]::Max(1, $jobs.Count) * 100)
    Start-Sleep -Milliseconds 500
}
$results = foreach ($j in $jobs) {
    $j.Pipe.EndInvoke($j.Handle)
    $j.Pipe.Dispose()
}
$pool.Close(); $pool.Dispose()
$results | Sort-Object { $_.TotalItemSize.Value } -Descending | Format-Table -AutoSize
