<#
.SYNOPSIS
Exchange server inventory: version, build, roles, OS, uptime, .NET release.
#>
$builds = @{
    "15.2.1118" = "Exchange 2019 CU12"; "15.2.1258" = "Exchange 2019 CU13"; "15.1.2507" = "Exchange 2016 CU23"
}
function Get-NetRelease([string]$Computer) {
    $reg = [Microsoft.Win32.RegistryKey]::OpenRemoteBaseKey('LocalMachine', $Computer)
    $key = $reg.OpenSubKey('SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full')
    $rel = $key.GetValue('Release')
    switch ($rel) {
        { $_ -ge 528040 } { "4.8"; break }
        { $_ -ge 461808 } { "4.7.2"; break }
        { $_ -ge 460798 } { "4.7"; break }
        default { "older ($rel)" }
    }
}
$inventory = Get-ExchangeServer | Sort-Object Name | ForEach-Object {
    $v = $_.AdminDisplayVersion
    $build = "{0}.{1}.{2}" -f $v.Major, $v.Minor, $v.Build
    $os = Get-CimInstance Win32_OperatingSystem -ComputerName $_.Name -ErrorAction SilentlyContinue
    New-Object -TypeName PSObject -Property ([ordered]@{
        Name     = $_.Name
        Roles    = ($_.ServerRole -split ",\s*") -join "/"
        Build    = $build
        Product  = if ($builds.ContainsKey($build)) { $builds[$build] } else { "unknown" }
        Edition  = $_.Edition
        OS       = $os.Caption
        UptimeD  = if ($os) { [math]::Round(((Get-Date) - $os.LastBootUpTime).TotalDays, 1) } else { $null }
        DotNet   = Get-NetRelease $_.Name
        Site     = ($_.Site -split "/")[-1]
    })
}
$inventory | Format-Table -AutoSize
$inventory | Export-Csv -NoTypeInformation -Path (Join-Path $PSScriptRoot "inventory.csv")
