<#
.SYNOPSIS
Meetings booked in each room mailbox over the next N days (EWS Managed API).
#>
param([int]$Days = 14, [string]$EwsDll = "C:\Program Files\Microsoft\Exchange\Web Services\2.2\Microsoft.Exchange.WebServices.dll")
Import-Module $EwsDll
$service = New-Object Microsoft.Exchange.WebServices.Data.ExchangeService([Microsoft.Exchange.WebServices.Data.ExchangeVersion]::Exchange2013_SP1)
$service.UseDefaultCredentials = $true
$service.Url = [uri]"https://mail.contoso.com/EWS/Exchange.asmx"
$start = [datetime]::Today
$end = $start.AddDays($Days)
$rooms = Get-Mailbox -RecipientTypeDetails RoomMailbox -ResultSize Unlimited
$report = foreach ($room in $rooms) {
    $service.ImpersonatedUserId = New-Object Microsoft.Exchange.WebServices.Data.ImpersonatedUserId([Microsoft.Exchange.WebServices.Data.ConnectingIdType]::SmtpAddress, $room.PrimarySmtpAddress.ToString())
    $folderId = New-Object Microsoft.Exchange.WebServices.Data.FolderId([Microsoft.Exchange.WebServices.Data.WellKnownFolderName]::Calendar, $room.PrimarySmtpAddress.ToString())
    $view = New-Object Microsoft.Exchange.WebServices.Data.CalendarView($start, $end, 500)
    $items = $service.FindAppointments($folderId, $view)
    $hours = ($items | Measure-Object -Property Duration -Sum).Sum
    [pscustomobject]@{
        Room     = $room.DisplayName
        Meetings = $items.TotalCount
        Hours    = if ($items.TotalCount) { [math]::Round(($items | ForEach-Object { $_.Duration.TotalHours } | Measure-Object -Sum).Sum, 1) } else { 0 }
    }
}
$report | Sort-Object Hours -Descending | Format-Table -AutoSize
