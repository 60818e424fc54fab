<#
  .SYNOPSIS
  Sets an out-of-office message and forwarding for staff who have left.
  .PARAMETER CsvFile
  CSV with Identity,LeaveDate,ForwardTo,Manager
#>
param([Parameter(Mandatory)]$CsvFile)

$template = @'
<p>Hello,</p>
<p>{0} no longer works for Contoso. Please contact {1} ({2}) instead.</p>
<p>Kind regards,<br/>Contoso IT</p>
'@

Import-Csv $CsvFile | ForEach-Object {
    $leaver = Get-Mailbox $_.Identity
    $manager = Get-Recipient $_.Manager
    $msg = $template -f $leaver.DisplayName, $manager.DisplayName, $manager.PrimarySmtpAddress
    $when = [datetime]::ParseExact($_.LeaveDate, "dd/MM/yyyy", [Globalization.CultureInfo]::InvariantCulture)
    Set-MailboxAutoReplyConfiguration -Identity $leaver.Identity -AutoReplyState Scheduled `
        -StartTime $when -EndTime $when.AddDays(90) -InternalMessage $msg -ExternalMessage $msg -ExternalAudience All
    if ($_.ForwardTo) {
        Set-Mailbox $leaver.Identity -ForwardingAddress $_.ForwardTo -DeliverToMailboxAndForward:$true
    }
    Write-Host ("{0,-30} OOF from {1:d} {2}" -f $leaver.DisplayName, $when, $(if ($_.ForwardTo) { "-> " + $_.ForwardTo }))
}
