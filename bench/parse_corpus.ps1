#requires -Version 3.0
<#
.SYNOPSIS
    Transport health report for an Exchange organisation (benchmark corpus for the pshim parser).
.DESCRIPTION
    Collects receive connectors, send connectors and queue figures from every transport
    server, probes SMTP endpoints and writes CSV and HTML reports.
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'Medium')]
param(
    [Parameter(Mandatory = $false, Position = 0)]
    [string[]]$Server = @('EX01', 'EX02'),

    [Parameter()]
    [ValidateRange(1, 65535)]
    [int]$Port = 25,

    [ValidateSet('Csv', 'Html', 'Both')]
    [string]$Format = 'Both',

    [ValidateNotNullOrEmpty()]
    [string]$OutputFolder = "$env:TEMP\TransportReport",

    [switch]$IncludeQueues,
    [switch]$Force
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'
$script:StartTime = Get-Date
$script:Results = New-Object System.Collections.Generic.List[object]
$global:ReportVersion = '1.4.2'

function Write-Log {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [string]$Message,
        [ValidateSet('Info', 'Warning', 'Error')]
        [string]$Level = 'Info'
    )
    process {
        $stamp = (Get-Date).ToString('yyyy-MM-dd HH:mm:ss')
        $line = "{0} [{1}] {2}" -f $stamp, $Level.ToUpper(), $Message
        switch ($Level) {
            'Warning' { Write-Warning $Message }
            'Error'   { Write-Error $Message -ErrorAction Continue }
            default   { Write-Verbose $line }
        }
        Add-Content -Path $script:LogFile -Value $line
    }
}

function Get-ConnectorSummary {
    param(
        [Parameter(Mandatory = $true)]
        [object[]]$Connectors
    )
    $summary = @{}
    foreach ($c in $Connectors) {
        $key = $c.Server.ToString()
        if (-not $summary.ContainsKey($key)) {
            $summary[$key] = [ordered]@{
                Server     = $key
                Enabled    = 0
                Disabled   = 0
                Bindings   = @()
                MaxMessage = 0
            }
        }
        $entry = $summary[$key]
        if ($c.Enabled -eq $true) { $entry.Enabled++ } else { $entry.Disabled++ }
        $entry.Bindings += $c.Bindings | ForEach-Object { $_.ToString() }
        if ($c.MaxMessageSize -gt $entry.MaxMessage) {
            $entry.MaxMessage = $c.MaxMessageSize
        }
    }
    return $summary.Values | ForEach-Object { [pscustomobject]$_ }
}

function Test-SmtpEndpoint {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][string]$ComputerName,
        [int]$Port = 25,
        [int]$TimeoutMs = 3000
    )
    $client = $null
    try {
        $client = New-Object System.Net.Sockets.TcpClient
        $async = $client.BeginConnect($ComputerName, $Port, $null, $null)
        if (-not $async.AsyncWaitHandle.WaitOne($TimeoutMs, $false)) {
            throw [System.TimeoutException]::new("Connection to ${ComputerName}:$Port timed out")
        }
        $client.EndConnect($async)
        $stream = $client.GetStream()
        $reader = New-Object System.IO.StreamReader($stream)
        $banner = $reader.ReadLine()
        [pscustomobject]@{
            ComputerName = $ComputerName
            Port         = $Port
            Banner       = $banner
            Healthy      = ($banner -match '^220\s')
            Checked      = Get-Date
        }
    }
    catch [System.Net.Sockets.SocketException], [System.TimeoutException] {
        Write-Log -Message "Probe of ${ComputerName} failed: $($_.Exception.Message)" -Level Warning
        [pscustomobject]@{ ComputerName = $ComputerName; Port = $Port; Banner = $null; Healthy = $false; Checked = Get-Date }
    }
    catch {
        throw
    }
    finally {
        if ($client) { $client.Close() }
    }
}

filter ConvertTo-SizeText {
    $bytes = [double]$_
    if ($bytes -ge 1GB) { '{0:N2} GB' -f ($bytes / 1GB) }
    elseif ($bytes -ge 1MB) { '{0:N2} MB' -f ($bytes / 1MB) }
    elseif ($bytes -ge 1KB) { '{0:N1} KB' -f ($bytes / 1KB) }
    else { "$bytes B" }
}

if (-not (Test-Path -Path $OutputFolder)) {
    New-Item -ItemType Directory -Path $OutputFolder -Force | Out-Null
}
$script:LogFile = Join-Path $OutputFolder ("report-{0:yyyyMMdd}.log" -f (Get-Date))

Write-Log "Starting transport report for $($Server.Count) server(s)"

$receive = Get-ReceiveConnector | Where-Object { $Server -contains $_.Server.Name } |
    Select-Object Name, Server, Enabled, Bindings, RemoteIPRanges, MaxMessageSize, AuthMechanism

$send = Get-SendConnector | Where-Object Enabled |
    Sort-Object -Property Name |
    Select-Object -Property Name, AddressSpaces, SmartHosts, @{Name = 'Cost'; Expression = { $_.AddressSpaces[0].Cost }}

$i = 0
foreach ($srv in $Server) {
    $i++
    Write-Progress -Activity 'Probing transport servers' -Status $srv -PercentComplete (($i / $Server.Count) * 100)
    $probe = Test-SmtpEndpoint -ComputerName $srv -Port $Port
    $script:Results.Add($probe)
    if ($IncludeQueues) {
        $queues = Get-Queue -Server $srv -ErrorAction SilentlyContinue
        $total = ($queues | Measure-Object -Property MessageCount -Sum).Sum
        if ($null -eq $total) { $total = 0 }
        Write-Log "Server $srv has $total queued message(s)"
        $queues | Where-Object { $_.MessageCount -gt 100 -and $_.Status -ne 'Ready' } | ForEach-Object {
            Write-Log -Message ("Queue {0} on {1}: {2} messages, status {3}" -f $_.Identity, $srv, $_.MessageCount, $_.Status) -Level Warning
        }
    }
}

$summary = Get-ConnectorSummary -Connectors $receive
$unhealthy = @($script:Results | Where-Object { -not $_.Healthy })

for ($n = 0; $n -lt $unhealthy.Count; $n++) {
    $u = $unhealthy[$n]
    Write-Log ("[{0}/{1}] {2} did not answer on port {3}" -f ($n + 1), $unhealthy.Count, $u.ComputerName, $u.Port) -Level Error
}

$html = @"
<html>
<head><title>Transport report $(Get-Date -Format 'yyyy-MM-dd')</title></head>
<body>
<h1>Transport report</h1>
<p>Servers: $($Server -join ', ')</p>
<p>Unhealthy endpoints: $($unhealthy.Count)</p>
</body>
</html>
"@

$template = @'
Name: {0}
Bindings: {1}
'@

switch -Wildcard ($Format) {
    'Csv*' {
        $summary | Export-Csv -Path (Join-Path $OutputFolder 'connectors.csv') -NoTypeInformation
        $script:Results | Export-Csv -Path "$OutputFolder\probes.csv" -NoTypeInformation -Encoding UTF8
    }
    'Html' {
        $html | Out-File -FilePath "$OutputFolder\report.html" -Encoding utf8
    }
    'Both' {
        $summary | Export-Csv -Path $OutputFolder\connectors.csv -NoTypeInformation
        $html > "$OutputFolder\report.html"
    }
}

$ranges = $receive | ForEach-Object { $_.RemoteIPRanges } | Sort-Object -Unique
$wide = $ranges | Where-Object { $_ -like '0.0.0.0*' -or $_ -eq '::/0' }
if ($wide.Count -gt 0 -and -not $Force) {
    $choice = Read-Host -Prompt "Open relay ranges found ($($wide -join ',')). Continue? [y/N]"
    if ($choice -notmatch '^(y|yes)$') {
        Write-Log 'Stopped by operator' -Level Warning
        exit 2
    }
}

$counts = @{ Receive = @($receive).Count; Send = @($send).Count; Probes = $script:Results.Count }
$counts.GetEnumerator() | Sort-Object Name | ForEach-Object {
    '{0,-10} {1,5}' -f $_.Key, $_.Value
}

$config = [ordered]@{
    Version  = $global:ReportVersion
    Started  = $script:StartTime
    Finished = Get-Date
    Elapsed  = ((Get-Date) - $script:StartTime).TotalSeconds
}
$config.Keys | ForEach-Object { "{0} = {1}" -f $_, $config[$_] }

New-ReceiveConnector -Name 'Relay 01' -Server EX01 -Bindings 0.0.0.0:25,[::]:25 -RemoteIPRanges 10.0.0.1-10.0.0.50 -TransportRole FrontendTransport -WhatIf:$true
Set-ReceiveConnector -Identity 'EX01\Relay 01' -MaxMessageSize 35MB -PermissionGroups AnonymousUsers -Confirm:$false 2>&1 | Out-Null
Get-TransportService | Select-Object Name, MaxOutboundConnections, MessageExpirationTimeout | Format-Table -AutoSize
Get-Mailbox -ResultSize Unlimited | ? { $_.ProhibitSendQuota -ne 'Unlimited' } | % { $_.PrimarySmtpAddress.ToString() } > "$OutputFolder\quota.txt"

$servers = 'EX01', 'EX02', 'EX03'
$lookup = @{}
$servers | ForEach-Object -Begin { $k = 0 } -Process { $lookup[$_] = $k++ } -End { Write-Verbose "indexed $k" }
[int[]]$ports = 25, 587, 2525
$text = [string]::Join(';', ($ports | ForEach-Object { [string]$_ }))
$ok = [string]::IsNullOrEmpty($text) -or $text.Length -lt 3
$max = [math]::Max($ports[0], $ports[-1])
$first, $rest = $servers
$bits = 0x1F -band 0xF0 -bor 3
$isAdmin = ([Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()).IsInRole([Security.Principal.WindowsBuiltInRole]'Administrator')

:outer foreach ($s in $servers) {
    foreach ($p in $ports) {
        if ($p -eq 2525) { continue outer }
        while ($true) { break }
        do { $p-- } until ($p -lt 20)
        do { $p++ } while ($p -lt 22)
    }
}

trap [System.IO.IOException] {
    Write-Log "I/O problem: $_" -Level Error
    continue
}

Write-Log ("Finished in {0:N1} s" -f ((Get-Date) - $script:StartTime).TotalSeconds)
