# Summarise an SMTP protocol log with switch -regex, named captures and a hashtable of counters.
$log = @'
2024-03-01T10:00:01 SMTPRECEIVE EX01 250 2.0.0 OK queued as 17
2024-03-01T10:00:05 SMTPRECEIVE EX02 451 4.7.0 Temporary server error
2024-03-01T10:01:12 SMTPSEND EX01 550 5.1.1 User unknown
2024-03-01T10:02:00 SMTPSEND EX02 250 2.0.0 OK
# comment line
2024-03-01T10:03:40 SMTPRECEIVE EX01 421 4.4.2 Connection dropped
'@
$counts = @{ Success = 0; Transient = 0; Permanent = 0; Other = 0 }
$perServer = [ordered]@{}
switch -regex ($log -split "`r?`n") {
    '^#' { continue }
    '^\S+ \S+ (?<server>EX\d+) ' { $perServer[$Matches.server] = 1 + $perServer[$Matches.server] }
    ' 2\d\d ' { $counts.Success++; continue }
    ' 4\d\d (?<code>\d\.\d\.\d) ' { $counts.Transient++; "transient $($Matches.code) on $(($_ -split ' ')[2])"; continue }
    ' 5\d\d (?<code>\d\.\d\.\d) ' { $counts.Permanent++; "permanent $($Matches.code)"; continue }
    default { $counts.Other++ }
}
$counts.GetEnumerator() | Sort-Object Name | ForEach-Object { '{0,-10}{1,3}' -f $_.Name, $_.Value }
foreach ($server in $perServer.Keys) { "${server}: $($perServer[$server]) line(s)" }
$failed = $counts.Transient + $counts.Permanent
'Failure rate: {0:P0}' -f ($failed / ($failed + $counts.Success))
$perServer | Format-Table -AutoSize
