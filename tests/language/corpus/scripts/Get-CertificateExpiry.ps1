<#
.SYNOPSIS
  Lists Exchange certificates that expire soon, on every server, and optionally mails the list.
#>
Param(
  [int]$WarningDays = 60,
  [switch]$Mail,
  [string]$To = 'admin@contoso.com'
)
$servers = Get-ExchangeServer | ? { $_.ServerRole -ne 'Edge' } | select -ExpandProperty Name
$list = foreach ($s in $servers) {
  Get-ExchangeCertificate -Server $s | ? { -not $_.IsSelfSigned -or $_.Services -match 'SMTP' } | % {
    [pscustomobject]@{
      Server     = $s
      Subject    = $_.Subject
      Thumbprint = $_.Thumbprint
      Services   = $_.Services
      NotAfter   = $_.NotAfter
      DaysLeft   = [int](New-TimeSpan -Start (Get-Date) -End $_.NotAfter).TotalDays
    }
  }
}
$soon = $list | ? { $_.DaysLeft -le $WarningDays } | sort DaysLeft
if (!$soon) { 'No certificate expires in the next {0} days.' -f $WarningDays; return }
$soon | ft -AutoSize
if ($Mail) {
  $body = $soon | ConvertTo-Html -Fragment -Property Server,Subject,Thumbprint,Services,NotAfter,DaysLeft | Out-String
  $body = $body -replace '<td>(\d)</td>', '<td style="color:red">$1</td>'
  Send-MailMessage -To $To -From "certs@contoso.com" -Subject "$(@($soon).Count) certificate(s) expiring" -Body "<h3>Certificates</h3>$body" -BodyAsHtml -SmtpServer (Get-TransportService | select -First 1).Name
}
