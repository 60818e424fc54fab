# Which remote IPs actually use the relay connectors?  Reads SMTP receive protocol logs.
param(
    [string[]]$Server = (Get-TransportService | Select-Object -ExpandProperty Name),
    [string]$ConnectorName = "Relay",
    [int]$Days = 7
)

$since = (Get-Date).AddDays(-$Days)
$hits = @{}

foreach ($srv in $Server) {
    $ts = Get-FrontendTransportService -Identity $srv
    $path = $ts.ReceiveProtocolLogPath.PathName -replace '^([A-Za-z]):', "\\$srv\`$1$"
    if (-not (Test-Path $path)) {
        Write-Warning "Log folder $path not reachable"
        continue
    }
    $files = Get-ChildItem -Path $path -Filter "RECV*.LOG" | Where-Object { $_.LastWriteTime -ge $since }
    foreach ($f in $files) {
        Get-Content $f.FullName | Where-Object { $_ -notlike "#*" } | ForEach-Object {
            $fields = $_.Split(",")
            if ($fields.Count -lt 5) { return }
            if ($fields[1] -notlike "*\$ConnectorName") { return }
            $remote = ($fields[5] -split ":")[0]
            if ($hits.ContainsKey($remote)) {
                $hits[$remote]++
            } else {
                $hits[$remote] = 1
            }
        }
    }
}

$connector = Get-ReceiveConnector | Where-Object { $_.Name -eq $ConnectorName } | Select-Object -First 1
$allowed = @($connector.RemoteIPRanges | ForEach-Object { $_.Expression })

$result = foreach ($ip in $hits.Keys) {
    New-Object PSObject -Property ([ordered]@{
        RemoteIP    = $ip
        Connections = $hits[$ip]
        HostName    = try { [System.Net.Dns]::GetHostEntry($ip).HostName } catch { "?" }
        Listed      = $allowed -contains $ip
    })
}
$unused = $allowed | Where-Object { -not $hits.ContainsKey($_) -and $_ -notmatch "[-/]" }

$result | Sort-Object Connections -Descending | Format-Table -AutoSize
if ($unused) {
    Write-Host "`nRemote IP entries with no traffic in $Days days:" -ForegroundColor Yellow
    $unused | ForEach-Object { "  $_" }
}
