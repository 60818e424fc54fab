# Error handling an admin relies on: -ErrorAction Stop with try/catch/finally,
# $ErrorActionPreference, -ErrorVariable, typed catch blocks, throw, and finally ordering.
try {
    Get-Item -Path C:\Reports\missing.txt -ErrorAction Stop
    'not reached'
}
catch {
    "Caught: $($_.Exception.Message)"
    "Id: $($_.FullyQualifiedErrorId)"
    "Category: $($_.CategoryInfo)"
    "Target: $($_.TargetObject)"
}
finally {
    'cleanup ran'
}

$ErrorActionPreference = 'Stop'
try {
    Write-Error 'queue EX01\3 is stuck'
    'not reached'
}
catch {
    "Stopped: $_"
}
$ErrorActionPreference = 'Continue'

Get-Item -Path C:\nope -ErrorAction SilentlyContinue -ErrorVariable ev
"Captured $($ev.Count) error: $($ev[0].Exception.Message)"

try { [int]'abc' }
catch [System.IO.IOException] { 'wrong handler' }
catch { "Conversion: $($_.Exception.Message)" }

function Invoke-Step([int]$Number) {
    try {
        "step $Number start"
        if ($Number -eq 2) { throw "step $Number failed" }
        "step $Number done"
    }
    finally {
        "step $Number finally"
    }
}
foreach ($i in 1..3) {
    try { Invoke-Step $i }
    catch { "error: $($_.Exception.Message)" }
}

# A non-terminating error: shown on stderr, the script goes on, the exit code stays 0.
Get-Item -Path C:\Reports\nope.txt
"still running: $?"
