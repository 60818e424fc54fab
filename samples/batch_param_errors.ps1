# A batch script: param() block, a non-terminating error, output, and exit 3.
param(
    [string]$Server = "EX01",
    [int]$Count = 2
)
"Checking $Server ($Count probes)"
foreach ($i in 1..$Count) {
    "probe $i ok"
}
Write-Error "Server $Server refused probe 3"
"done"
exit 3
