# pshim's stand-in for Exchange's RemoteExchange.ps1, for scripts that dot-source it before their work:
#   . $env:ExchangeInstallPath\bin\RemoteExchange.ps1; Connect-ExchangeServer -Auto
# The Exchange cmdlets are always loaded in pshim; this sets what the Exchange shell's script sets.
$global:exinstall = $env:ExchangeInstallPath
$global:exbin = Join-Path $exinstall 'bin'
$global:exscripts = Join-Path $exinstall 'Scripts'
$global:FormatEnumerationLimit = 16
