#Requires -Version 5.0
using namespace System.Collections.Generic
using namespace System.Text

enum Severity {
    Info = 0
    Warning = 1
    Critical = 2
}

class CheckResult {
    [string] $Server
    [string] $Name
    [Severity] $Severity = [Severity]::Info
    [string] $Message

    CheckResult([string]$server, [string]$name) {
        $this.Server = $server
        $this.Name = $name
    }

    [string] ToString() {
        return "{0} {1}: {2} {3}" -f $this.Server, $this.Name, $this.Severity, $this.Message
    }
}

$results = [List[object]]::new()
foreach ($db in Get-MailboxDatabase -Status) {
    $r = [CheckResult]::new($db.Server.Name, "Database $($db.Name)")
    if (-not $db.Mounted) {
        $r.Severity = [Severity]::Critical
        $r.Message = "dismounted"
    }
    $results.Add($r)
}
$sb = [StringBuilder]::new()
foreach ($r in $results | Sort-Object Severity -Descending) { [void]$sb.AppendLine($r.ToString()) }
$sb.ToString()
