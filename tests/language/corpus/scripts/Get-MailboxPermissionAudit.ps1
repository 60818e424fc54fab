# Full Access / Send As / Send on Behalf audit for shared mailboxes
$ErrorActionPreference = 'Continue'
$out = "$env:USERPROFILE\Desktop\SharedMailboxPermissions_$((Get-Date).ToString('yyyy-MM-dd')).csv"
$exclude = @('NT AUTHORITY\SELF', 'NT AUTHORITY\SYSTEM', 'S-1-5-*', '*\Exchange*', '*\Domain Admins', '*\Enterprise Admins', '*\Organization Management')

function Test-Excluded([string]$Name) {
    foreach ($pattern in $exclude) { if ($Name -like $pattern) { return $true } }
    $false
}

$rows = New-Object System.Collections.ArrayList
$shared = Get-Mailbox -RecipientTypeDetails SharedMailbox -ResultSize Unlimited
foreach ($mbx in $shared) {
    Get-MailboxPermission -Identity $mbx.DistinguishedName |
        Where-Object { -not $_.IsInherited -and $_.AccessRights -contains "FullAccess" -and -not (Test-Excluded $_.User.ToString()) } |
        ForEach-Object { [void]$rows.Add([pscustomobject]@{ Mailbox = $mbx.PrimarySmtpAddress; Right = "FullAccess"; Trustee = $_.User.ToString() }) }

    Get-ADPermission -Identity $mbx.DistinguishedName |
        Where-Object { $_.ExtendedRights -like "*Send-As*" -and -not (Test-Excluded $_.User.ToString()) } |
        ForEach-Object { [void]$rows.Add([pscustomobject]@{ Mailbox = $mbx.PrimarySmtpAddress; Right = "SendAs"; Trustee = $_.User.ToString() }) }

    foreach ($d in $mbx.GrantSendOnBehalfTo) {
        [void]$rows.Add([pscustomobject]@{ Mailbox = $mbx.PrimarySmtpAddress; Right = "SendOnBehalf"; Trustee = $d.ToString() })
    }
}
$rows | Sort-Object Mailbox, Right | Export-Csv -Path $out -NoTypeInformation -Encoding UTF8
"Wrote {0} permission entries for {1} shared mailboxes to {2}" -f $rows.Count, @($shared).Count, $out
