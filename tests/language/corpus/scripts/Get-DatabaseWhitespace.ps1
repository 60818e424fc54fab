# Database size vs. available new mailbox space ("whitespace"), with totals.
$dbs = Get-MailboxDatabase -Status | Sort-Object Name
$table = @()
foreach ($db in $dbs) {
    $sizeGB = [math]::Round(($db.DatabaseSize.ToString().Split("(")[1].Split(" ")[0].Replace(",", "") / 1GB), 2)
    $freeGB = [math]::Round(($db.AvailableNewMailboxSpace.ToString().Split("(")[1].Split(" ")[0].Replace(",", "") / 1GB), 2)
    $mbxCount = (Get-Mailbox -Database $db -ResultSize Unlimited -WarningAction SilentlyContinue | Measure-Object).Count
    $table += [pscustomobject]@{
        Database   = $db.Name
        Server     = $db.Server
        Mailboxes  = $mbxCount
        'Size GB'  = $sizeGB
        'Free GB'  = $freeGB
        'Free %'   = if ($sizeGB) { [math]::Round($freeGB / $sizeGB * 100, 1) } else { 0 }
        Circular   = $db.CircularLoggingEnabled
        LastBackup = $db.LastFullBackup
    }
}
$table | Format-Table -AutoSize
$totals = $table | Measure-Object -Property 'Size GB', 'Free GB', Mailboxes -Sum
"Total size: {0:N2} GB, free: {1:N2} GB, mailboxes: {2}" -f $totals[0].Sum, $totals[1].Sum, $totals[2].Sum
