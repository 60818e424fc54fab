Param(
    [String]$Root = "\",
    [Int]$Depth = 3,
    [String]$Csv = ".\PublicFolders.csv"
)
$folders = Get-PublicFolder -Identity $Root -Recurse -ResultSize Unlimited |
    Where-Object { ($_.ParentPath -split '\\').Count -le $Depth + 1 }
$stats = @{}
Get-PublicFolderStatistics -ResultSize Unlimited | ForEach-Object { $stats[$_.EntryId] = $_ }
$rows = ForEach ($f in $folders) {
    $s = $stats[$f.EntryId]
    $perm = Get-PublicFolderClientPermission -Identity $f.Identity |
        Where-Object { $_.User.DisplayName -notin 'Default', 'Anonymous' } |
        ForEach-Object { "$($_.User.DisplayName):$($_.AccessRights -join '+')" }
    [PSCustomObject]@{
        Path        = if ($f.ParentPath -eq '\') { "\$($f.Name)" } else { "$($f.ParentPath)\$($f.Name)" }
        MailEnabled = $f.MailEnabled
        Items       = if ($s) { $s.ItemCount } else { 0 }
        SizeMB      = if ($s) { [Math]::Round($s.TotalItemSize.Value.ToBytes() / 1MB, 1) } else { 0 }
        LastUpdated = $s.LastModificationTime
        Permissions = $perm -join '; '
    }
}
$rows | Export-Csv -Path $Csv -NoTypeInformation -Encoding UTF8
"{0} folders, {1:N1} MB" -f @($rows).Count, ($rows | Measure-Object SizeMB -Sum).Sum
