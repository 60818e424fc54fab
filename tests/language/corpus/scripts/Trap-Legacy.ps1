# PowerShell 1.0-era style: trap statements, filters, $input, and aliases.
trap [System.Management.Automation.CommandNotFoundException] {
    Write-Host "Exchange snap-in missing: $($_.Exception.Message)"
    exit 2
}
trap {
    Write-Host "Unexpected: $_" -ForegroundColor Red
    continue
}

filter Select-Big([int]$LimitMB = 1024) {
    if ($_.TotalItemSize.Value.ToMB() -ge $LimitMB) { $_ }
}

function Format-Size {
    begin { $n = 0 }
    process { $n++; "{0,4} {1,-35} {2,10:N0} MB" -f $n, $_.DisplayName, $_.TotalItemSize.Value.ToMB() }
    end { "--- $n mailbox(es)" }
}

function Measure-Input { $c = 0; foreach ($i in $input) { $c++ }; $c }

gci env:Exchange* | % { "{0} = {1}" -f $_.Name, $_.Value }
$big = Get-MailboxStatistics -Server $env:COMPUTERNAME | Select-Big -LimitMB 2048
$big | sort { $_.TotalItemSize.Value } -desc | Format-Size
"Count via `$input: " + ($big | Measure-Input)
