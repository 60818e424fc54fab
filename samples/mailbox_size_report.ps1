# Mailbox size report: custom objects, calculated properties, Sort/Group/Measure,
# composite formatting and an auto-sized table.
$mailboxes = @(
    [pscustomobject]@{ DisplayName = 'Ada Lovelace';    Database = 'DB01'; ItemCount = 15234; SizeMB = 2048.5 }
    [pscustomobject]@{ DisplayName = 'Grace Hopper';    Database = 'DB02'; ItemCount = 8731;  SizeMB = 912.25 }
    [pscustomobject]@{ DisplayName = 'Alan Turing';     Database = 'DB01'; ItemCount = 20111; SizeMB = 4301 }
    [pscustomobject]@{ DisplayName = 'Edsger Dijkstra'; Database = 'DB03'; ItemCount = 512;   SizeMB = 35.75 }
    [pscustomobject]@{ DisplayName = 'Barbara Liskov';  Database = 'DB02'; ItemCount = 6400;  SizeMB = 700 }
)

"Mailboxes: $($mailboxes.Count)"
$mailboxes |
    Sort-Object SizeMB -Descending |
    Select-Object DisplayName, Database,
        @{ Name = 'SizeGB'; Expression = { [math]::Round($_.SizeMB / 1024, 2) } },
        @{ n = 'Items'; e = { $_.ItemCount.ToString('N0') } } |
    Format-Table -AutoSize

$mailboxes | Group-Object Database | ForEach-Object {
    $stats = $_.Group | Measure-Object -Property SizeMB -Sum -Average
    '{0}: {1} mailbox(es), {2:N2} MB total, {3:N1} MB average' -f $_.Name, $_.Count, $stats.Sum, $stats.Average
}

$total = ($mailboxes | Measure-Object SizeMB -Sum).Sum
$databases = $mailboxes.Database | Sort-Object -Unique
"Total: {0:N0} MB across {1} databases ({2})" -f $total, $databases.Count, ($databases -join ', ')
$largest = $mailboxes | Sort-Object ItemCount | Select-Object -Last 1
"Most items: $($largest.DisplayName) with $($largest.ItemCount.ToString('N0'))"
