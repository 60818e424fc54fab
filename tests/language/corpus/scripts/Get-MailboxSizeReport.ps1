#requires -version 2
<#
.SYNOPSIS
    Mailbox size report for one or more databases, sent as an HTML e-mail.
.DESCRIPTION
    Collects statistics for each mailbox, sorts them by size and builds an
    HTML table with a colour for mailboxes over their warning quota.
.PARAMETER Database
    Databases to report on. All databases when omitted.
.PARAMETER Top
    How many mailboxes to list.
.EXAMPLE
    .\Get-MailboxSizeReport.ps1 -Database DB01 -Top 25 -SendMail
.NOTES
    Written for the pshim parser corpus.
#>
[CmdletBinding()]
param(
    [Parameter(Position=0)]
    [string[]]$Database,
    [int]$Top = 50,
    [switch]$SendMail,
    [string]$SmtpServer = "smtp.contoso.com",
    [string]$From = "exchange-reports@contoso.com",
    [string[]]$To = @("messaging-team@contoso.com")
)

if (-not (Get-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010 -ErrorAction SilentlyContinue)) {
    Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010 -ErrorAction Stop
}

$ErrorActionPreference = "Stop"
$now = Get-Date
$reportFile = Join-Path $env:TEMP ("MailboxSize_{0:yyyyMMdd_HHmm}.html" -f $now)

if (-not $Database) {
    $Database = Get-MailboxDatabase | Select-Object -ExpandProperty Name
}

$rows = @()
$i = 0
foreach ($db in $Database) {
    $i++
    Write-Progress -Activity "Reading mailbox statistics" -Status "Database $db ($i of $($Database.Count))" -PercentComplete (($i / $Database.Count) * 100)
    $stats = Get-MailboxStatistics -Database $db | Where-Object { $_.DisconnectDate -eq $null }
    foreach ($s in $stats) {
        $sizeMB = [math]::Round($s.TotalItemSize.Value.ToBytes() / 1MB, 2)
        $deletedMB = [math]::Round($s.TotalDeletedItemSize.Value.ToBytes() / 1MB, 2)
        $rows += New-Object PSObject -Property @{
            DisplayName = $s.DisplayName
            Database    = $db
            ItemCount   = $s.ItemCount
            SizeMB      = $sizeMB
            DeletedMB   = $deletedMB
            LastLogon   = $s.LastLogonTime
            Status      = $s.StorageLimitStatus
        }
    }
}
Write-Progress -Activity "Reading mailbox statistics" -Completed

$rows = $rows | Sort-Object SizeMB -Descending | Select-Object -First $Top

$style = @"
<style>
body { font-family: Segoe UI, Arial; font-size: 10pt; }
table { border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 3px 6px; }
th { background-color: #4472C4; color: white; }
tr.warn td { background-color: #FFEB9C; }
</style>
"@

$html = "<html><head>$style</head><body>"
$html += "<h2>Mailbox size report - $($now.ToString('dddd d MMMM yyyy HH:mm'))</h2>"
$html += "<table><tr><th>Name</th><th>Database</th><th>Items</th><th>Size (MB)</th><th>Deleted (MB)</th><th>Last logon</th></tr>"
foreach ($r in $rows) {
    $class = ""
    if ($r.Status -ne "BelowLimit" -and $r.Status -ne $null) { $class = " class=""warn""" }
    $html += "<tr$class><td>$($r.DisplayName)</td><td>$($r.Database)</td><td>{0:N0}</td><td>{1:N2}</td><td>{2:N2}</td><td>{3}</td></tr>" -f $r.ItemCount, $r.SizeMB, $r.DeletedMB, $r.LastLogon
}
$total = ($rows | Measure-Object -Property SizeMB -Sum).Sum
$html += "</table><p>Total of listed mailboxes: {0:N2} GB</p></body></html>" -f ($total / 1024)
$html | Out-File -FilePath $reportFile -Encoding UTF8

if ($SendMail) {
    try {
        Send-MailMessage -SmtpServer $SmtpServer -From $From -To $To -Subject "Mailbox size report $($now.ToShortDateString())" -BodyAsHtml -Body ($html | Out-String) -ErrorAction Stop
        Write-Verbose "Report sent to $($To -join ', ')"
    }
    catch {
        Write-Warning "Could not send the report: $($_.Exception.Message)"
        exit 1
    }
}
else {
    Write-Output $reportFile
}
