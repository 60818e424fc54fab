# Apply quotas from a CSV file: Identity,Warning,Send,SendReceive
[CmdletBinding(SupportsShouldProcess=$true, ConfirmImpact='Medium')]
Param(
    [Parameter(Mandatory=$true,ValueFromPipelineByPropertyName=$true)]
    [ValidateScript({Test-Path $_ -PathType Leaf})]
    [string]$CsvPath,
    [string]$LogFile = ".\QuotaChanges_$(Get-Date -Format yyyyMMdd).log"
)

Begin {
    function Write-Log([string]$Message, [string]$Level = "INFO") {
        $line = "[{0}] {1,-5} {2}" -f (Get-Date -Format "yyyy-MM-dd HH:mm:ss"), $Level, $Message
        Add-Content -Path $LogFile -Value $line
        if ($Level -eq "ERROR") { Write-Host $line -ForegroundColor Red } else { Write-Verbose $line }
    }
    $ok = 0; $failed = 0
}

Process {
    $entries = Import-Csv -Path $CsvPath
    foreach ($e in $entries) {
        if ([string]::IsNullOrEmpty($e.Identity)) { continue }
        try {
            $mbx = Get-Mailbox -Identity $e.Identity -ErrorAction Stop
            $params = @{
                Identity                 = $mbx.Identity
                UseDatabaseQuotaDefaults = $false
                IssueWarningQuota        = $e.Warning
                ProhibitSendQuota        = $e.Send
                ProhibitSendReceiveQuota = $e.SendReceive
                ErrorAction              = 'Stop'
            }
            if ($PSCmdlet.ShouldProcess($mbx.DisplayName, "Set quota to $($e.Send)")) {
                Set-Mailbox @params
                Write-Log "Set $($mbx.DisplayName): $($e.Warning)/$($e.Send)/$($e.SendReceive)"
                $ok++
            }
        }
        catch [System.Management.Automation.RemoteException] {
            Write-Log "Remote error for $($e.Identity): $_" "ERROR"
            $failed++
        }
        catch {
            Write-Log "Failed for $($e.Identity): $($_.Exception.Message)" "ERROR"
            $failed++
        }
    }
}

End {
    Write-Log "Completed: $ok changed, $failed failed"
    [pscustomobject]@{ Changed = $ok; Failed = $failed; Log = (Resolve-Path $LogFile).Path }
}
