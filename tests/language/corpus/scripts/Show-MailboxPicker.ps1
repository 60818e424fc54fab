# Small Windows Forms picker: choose a mailbox, show its statistics.
Add-Type -AssemblyName System.Windows.Forms
Add-Type -AssemblyName System.Drawing
[System.Windows.Forms.Application]::EnableVisualStyles()

$form = New-Object System.Windows.Forms.Form
$form.Text = "Mailbox statistics"
$form.Size = New-Object System.Drawing.Size(480, 360)
$form.StartPosition = [System.Windows.Forms.FormStartPosition]::CenterScreen

$combo = New-Object System.Windows.Forms.ComboBox
$combo.Location = New-Object System.Drawing.Point(10, 10)
$combo.Width = 440
$combo.DropDownStyle = 'DropDownList'
Get-Mailbox -ResultSize 500 | Sort-Object DisplayName | ForEach-Object { [void]$combo.Items.Add($_.DisplayName) }
$form.Controls.Add($combo)

$box = New-Object System.Windows.Forms.TextBox
$box.Multiline = $true; $box.ScrollBars = 'Vertical'; $box.ReadOnly = $true
$box.Location = New-Object System.Drawing.Point(10, 45)
$box.Size = New-Object System.Drawing.Size(440, 220)
$box.Font = New-Object System.Drawing.Font("Consolas", 9)
$form.Controls.Add($box)

$button = New-Object System.Windows.Forms.Button
$button.Text = "&Show"
$button.Location = New-Object System.Drawing.Point(375, 280)
$button.Add_Click({
    if ($combo.SelectedItem) {
        $st = Get-MailboxStatistics -Identity $combo.SelectedItem
        $box.Text = ($st | Format-List DisplayName, ItemCount, TotalItemSize, LastLogonTime, Database | Out-String).Trim()
    }
})
$form.AcceptButton = $button
$form.Controls.Add($button)
[void]$form.ShowDialog()
$form.Dispose()
