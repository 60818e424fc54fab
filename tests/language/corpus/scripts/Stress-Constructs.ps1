# A mixed bag of constructs seen in admin scripts.
$ExchangeServer = (Get-ItemProperty "HKLM:\SOFTWARE\Microsoft\ExchangeServer\v15\Setup").MsiInstallPath
$setupPath = Get-Item "HKLM:\SOFTWARE\Microsoft\ExchangeServer\v15\Setup" | Select-Object -ExpandProperty Name
$svc = Get-WmiObject -Query "SELECT * FROM Win32_Service WHERE Name LIKE 'MSExchange%'"
$a = $b = 0
$env:PATH += ";C:\Tools"
[string[]]$names = "a", "b"
$neg = [int]-5
$elapsed = ((Get-Date) - $start).TotalSeconds
$items = $list.Where({ $_ -gt 1 })
$list.ForEach({ $_ * 2 })
$i--; --$i; ++$i
$arr = ,@(1, 2)
$x = @(foreach ($q in 1..3) { $q })
[void][System.Reflection.Assembly]::LoadWithPartialName("Microsoft.VisualBasic")
$xml = [xml](Get-Content -Path .\config.xml)
$xml.configuration.appSettings.add | ForEach-Object { "$($_.key)=$($_.value)" }
$nodes = $xml.SelectNodes("//add[@key='Server']")
$OFS = ","
$text = Get-Mailbox | Format-Table -Property * -AutoSize | Out-String -Width 4096
$html = $data | ConvertTo-Html -Fragment -As Table -PreContent "<h2>Mailboxes</h2>" | Out-String
$html = $html -replace "<td>Failed</td>", "<td class=""fail"">Failed</td>"
Get-Mailbox x -ErrorVariable +allErrors -ErrorAction:SilentlyContinue
if ($null -ne $x) { "set" } # trailing comment
else { "unset" }
if ($a) {
    "a"
}# end if
elseif ($b) {
    "b"
} #end elseif
Get-Date -UFormat %s
Get-ChildItem -Path $dir\*.log | Copy-Item -Destination $dst\archive\
Copy-Item $src\* $dst -Recurse
Write-Host $a.Name $a.Name.Length $($a)text $a[0]
Write-Host -Object ("=" * 60)
Write-Host "x" -NoNewline; Write-Host
$sum = "x" +
    "y"
$sum2 = "x" `
    + "y"
if ($a -and
    $b -or
    $c) { "multi-line condition" }
if (
    $a
) { "paren on its own lines" }
$h = @{
    # comment inside a hashtable
    'Name' = 'x' ;
    "Other" = 1;    # trailing comment
    Third = @{ Nested = $true }
}
:outer foreach ($s in $servers) {
    :inner foreach ($d in $s.Databases) {
        if ($d.Name -eq "skip") { continue outer }
        if ($d.Name -eq "stop") { break outer }
    }
}
switch -regex -casesensitive ($line) {
    '^ERR(?<code>\d+)' { "error $($Matches.code)"; break }
    '^WARN' { "warning" }
}
switch -file $logFile { { $_ -match 'fail' } { $fails++ } }
function global:Write-Log { param([string]$m) Add-Content $global:LogPath $m }
function script:Get-Thing() { 1 }
function Get-Foo_Bar2 { }
function Test-It ([string]$Name = "x", [int]$Count) { "$Name $Count" }
$obj.PSObject.Properties | ForEach-Object { "{0} = {1}" -f $_.Name, $_.Value }
$s = [ADSI]"LDAP://CN=Users,DC=contoso,DC=com"
$u = ([adsisearcher]"(samaccountname=$user)").FindOne()
$searcher = New-Object DirectoryServices.DirectorySearcher([ADSI]"")
$searcher.Filter = "(&(objectCategory=User)(mail=*))"
$searcher.PropertiesToLoad.AddRange(@("mail", "displayName")) | Out-Null
$dict = New-Object 'System.Collections.Generic.Dictionary[string,int]'
$gen = [System.Collections.Generic.Dictionary[string,int]]::new()
$r = [ref]$null
[int]::TryParse("42", [ref]$r) | Out-Null
Get-Mailbox | % -Begin { $i = 0 } -Process { $i++ } -End { "count: $i" }
Get-EventLog -LogName Application -After (Get-Date).AddHours(-24) -EntryType Error,Warning -Source MSExchange* | Select -First 10
$big = [int64]::MaxValue; $half = .5; $exp = 1e3; $q = 0.5GB; $hex = 0x1F
Remove-Variable x -ErrorAction SilentlyContinue
exit ($fails -gt 0)
