<#
.SYNOPSIS
    Writes mailbox statistics into an Excel workbook through COM automation.
#>
[CmdletBinding()]Param(
    [Parameter(Mandatory=$true, Position=0)][ValidateNotNullOrEmpty()][string]$Server,
    [string]$Path = "$([Environment]::GetFolderPath('MyDocuments'))\Mailboxes-$Server.xlsx"
)

#region Excel helpers
function Set-HeaderRow($Sheet, [string[]]$Names) {
    for ($c = 1; $c -le $Names.Length; $c++) {
        $Sheet.Cells.Item(1, $c) = $Names[$c - 1]
        $Sheet.Cells.Item(1, $c).Font.Bold = $True
        $Sheet.Cells.Item(1, $c).Interior.ColorIndex = 15
    }
}
#endregion

$sw = [Diagnostics.Stopwatch]::StartNew()
$excel = New-Object -ComObject Excel.Application
$excel.Visible = $false
$excel.DisplayAlerts = $false
$book = $excel.Workbooks.Add()
$sheet = $book.Worksheets.Item(1)
$sheet.Name = "Mailboxes"
Set-HeaderRow $sheet @("Display name", "Items", "Size (MB)", "Last logon", "Database")

$row = 2
$stats = Get-MailboxStatistics -Server $Server | Sort-Object -Property @{Expression = {$_.TotalItemSize.Value.ToMB()}; Descending = $true}
foreach ($s in $stats) {
    $sheet.Cells.Item($row, 1) = $s.DisplayName
    $sheet.Cells.Item($row, 2) = $s.ItemCount
    $sheet.Cells.Item($row, 3) = $s.TotalItemSize.Value.ToMB()
    $sheet.Cells.Item($row, 4) = if ($s.LastLogonTime) { $s.LastLogonTime.ToString("yyyy-MM-dd HH:mm") } else { "never" }
    $sheet.Cells.Item($row, 5) = "$($s.Database)"
    if ($s.TotalItemSize.Value.ToMB() -gt 4096) {
        $sheet.Range("A$($row):E$($row)").Interior.ColorIndex = 6
    }
    $row++
}

$used = $sheet.UsedRange
[void]$used.EntireColumn.AutoFit()
$sheet.Range("C2:C$row").NumberFormat = "#,##0"
$book.SaveAs($Path)
$excel.Quit()
[void][System.Runtime.InteropServices.Marshal]::ReleaseComObject($excel)
[GC]::Collect()
Remove-Variable excel, book, sheet -ErrorAction SilentlyContinue

"{0} mailboxes written to {1} in {2}" -f ($row - 2), $Path, $sw.Elapsed.ToString("mm\:ss")
