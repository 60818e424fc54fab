# Compares today's mailbox list with the previous snapshot and reports additions/removals.
$folder = "D:\Snapshots"
$today = Join-Path $folder ("mailboxes_{0:yyyy-MM-dd}.xml" -f (Get-Date))
Get-Mailbox -ResultSize Unlimited | Select-Object Guid, DisplayName, PrimarySmtpAddress, Database, WhenCreated | Export-Clixml $today
$previous = Get-ChildItem $folder -Filter "mailboxes_*.xml" | Where-Object FullName -ne $today | Sort-Object LastWriteTime | Select-Object -Last 1
if ($null -eq $previous) { "First snapshot written: $today"; return }

$old = Import-Clixml $previous.FullName
$new = Import-Clixml $today
$diff = Compare-Object -ReferenceObject $old -DifferenceObject $new -Property Guid -PassThru
$added = $diff | Where-Object SideIndicator -eq "=>"
$removed = $diff | Where-Object SideIndicator -eq "<="
$moved = foreach ($n in $new) {
    $o = $old | Where-Object { $_.Guid -eq $n.Guid }
    if ($o -and "$($o.Database)" -ne "$($n.Database)") {
        [pscustomobject]@{ Name = $n.DisplayName; From = "$($o.Database)"; To = "$($n.Database)" }
    }
}
"Since $($previous.LastWriteTime): +$(@($added).Count) / -$(@($removed).Count) mailboxes, $(@($moved).Count) moved"
if ($added)   { "`nAdded:";   $added | Format-Table DisplayName, PrimarySmtpAddress, WhenCreated -AutoSize }
if ($removed) { "`nRemoved:"; $removed | Format-Table DisplayName, PrimarySmtpAddress -AutoSize }
if ($moved)   { "`nMoved:";   $moved | Format-Table -AutoSize }
