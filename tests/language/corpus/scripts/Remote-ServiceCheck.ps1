$servers = Get-ExchangeServer | Where-Object { $_.ServerRole -match 'Mailbox' } | ForEach-Object Name
$threshold = 85
$output = Invoke-Command -ComputerName $servers -ScriptBlock {
    $cpu = (Get-Counter '\Processor(_Total)\% Processor Time' -SampleInterval 2 -MaxSamples 3).CounterSamples |
        Measure-Object -Property CookedValue -Average
    $mem = Get-CimInstance Win32_OperatingSystem
    [pscustomobject]@{
        Server   = $env:COMPUTERNAME
        CPU      = [math]::Round($cpu.Average, 1)
        MemUsed  = [math]::Round((1 - $mem.FreePhysicalMemory / $mem.TotalVisibleMemorySize) * 100, 1)
        Stopped  = (Get-Service MSExchange* | Where-Object { $_.StartType -eq 'Automatic' -and $_.Status -ne 'Running' }).Name -join ','
        Over     = $false
    }
} -ErrorAction SilentlyContinue -ErrorVariable remoteErrors

foreach ($o in $output) {
    if ($o.CPU -gt $using:threshold -or $o.MemUsed -gt $threshold) { $o.Over = $true }
}
$output | Select-Object Server, CPU, MemUsed, Stopped, Over | Sort-Object Server | Format-Table -AutoSize
foreach ($e in $remoteErrors) {
    Write-Warning ("{0}: {1}" -f $e.TargetObject, $e.Exception.Message)
}
