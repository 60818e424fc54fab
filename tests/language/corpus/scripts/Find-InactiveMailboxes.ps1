<#
.SYNOPSIS
Finds mailboxes nobody logged on to for N days, with the AD account state.
.NOTES
Needs the ActiveDirectory module. Version 2.3.
#>

param
(
	[Int32]$Days = 90,
	[String]$SearchBase = "DC=contoso,DC=com",
	[Switch]$DisableAccounts,
	[Switch]$WhatIf
)

Import-Module ActiveDirectory -ErrorAction Stop
$cutoff = (Get-Date).AddDays(-$Days)
$found = New-Object 'System.Collections.Generic.List[object]'

$all = Get-Mailbox -ResultSize Unlimited -RecipientTypeDetails UserMailbox
$n = 0
foreach ($m in $all)
{
	$n++
	if ($n % 50 -eq 0) { Write-Progress -Activity "Checking" -Status "$n / $($all.Count)" -PercentComplete ($n * 100 / $all.Count) }
	$st = Get-MailboxStatistics $m.Identity -WarningAction SilentlyContinue
	$last = $st.LastLogonTime
	if ($last -eq $null -or $last -lt $cutoff)
	{
		$ad = Get-ADUser -Identity $m.SamAccountName -Properties LastLogonTimestamp, Enabled, whenCreated
		$adLast = if ($ad.LastLogonTimestamp) { [DateTime]::FromFileTime($ad.LastLogonTimestamp) } else { $null }
		$found.Add((New-Object PSObject -Property @{
			Name          = $m.DisplayName
			Sam           = $m.SamAccountName
			MailboxLogon  = $last
			ADLogon       = $adLast
			Enabled       = $ad.Enabled
			Created       = $ad.whenCreated
			SizeMB        = $st.TotalItemSize.Value.ToMB()
		}))
	}
}

$found | Sort-Object MailboxLogon | Format-Table Name, Sam, MailboxLogon, ADLogon, Enabled, SizeMB -AutoSize

if ($DisableAccounts)
{
	foreach ($f in $found | Where-Object { $_.Enabled -and ($_.ADLogon -eq $null -or $_.ADLogon -lt $cutoff) })
	{
		Disable-ADAccount -Identity $f.Sam -WhatIf:$WhatIf
		Set-Mailbox -Identity $f.Sam -HiddenFromAddressListsEnabled $true -WhatIf:$WhatIf
		Write-Host "Disabled $($f.Sam)"
	}
}
