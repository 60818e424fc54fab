param(
    [Parameter(Mandatory=$True)][string]$PhotoFolder,
    [int]$MaxKB = 100
)
$files = Get-ChildItem -Path $PhotoFolder -Include *.jpg,*.jpeg,*.png -Recurse
$ok = 0; $skipped = @()
ForEach ($f in $files) {
    $alias = [System.IO.Path]::GetFileNameWithoutExtension($f.Name)
    If ($f.Length -gt ($MaxKB * 1KB)) {
        $skipped += "$alias (too large: $([math]::Round($f.Length / 1KB)) KB)"
        Continue
    }
    $mbx = Get-Mailbox -Identity $alias -ErrorAction SilentlyContinue
    If (-not $mbx) { $skipped += "$alias (no mailbox)"; Continue }
    $bytes = [System.IO.File]::ReadAllBytes($f.FullName)
    Set-UserPhoto -Identity $mbx.Identity -PictureData $bytes -Confirm:$false
    $ok++
}
Write-Output "$ok photos uploaded"
If ($skipped) { Write-Output "Skipped:"; $skipped | ForEach-Object { Write-Output "  $_" } }
