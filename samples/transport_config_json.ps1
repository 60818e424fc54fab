# Read a transport configuration from JSON, adjust it, and write it back with ConvertTo-Json.
$json = @'
{
  "Organization": "Contoso",
  "MaxMessageSizeMB": 25,
  "Connectors": [
    { "Name": "Internet", "SmartHosts": ["relay1.contoso.com", "relay2.contoso.com"], "Enabled": true },
    { "Name": "Partner",  "SmartHosts": [], "Enabled": false }
  ]
}
'@
$config = $json | ConvertFrom-Json
"Organization: $($config.Organization)"
"Connectors: $(($config.Connectors | ForEach-Object Name) -join ', ')"
foreach ($c in $config.Connectors) {
    '{0,-9} enabled={1,-5} smart hosts={2}' -f $c.Name, $c.Enabled, $c.SmartHosts.Count
}
$config.MaxMessageSizeMB = $config.MaxMessageSizeMB * 2
($config.Connectors | Where-Object Name -eq 'Partner').Enabled = $true

$summary = [pscustomobject]@{
    Organization = $config.Organization
    MaxMessageSizeMB = $config.MaxMessageSizeMB
    Enabled = @($config.Connectors | Where-Object Enabled | ForEach-Object Name)
}
$summary | ConvertTo-Json
$summary | ConvertTo-Json -Compress
New-Item -ItemType Directory -Path C:\Reports -Force | Out-Null
$config | ConvertTo-Json -Depth 4 -Compress | Set-Content -Path C:\Reports\transport.json
(Get-Content -Path C:\Reports\transport.json | ConvertFrom-Json).Connectors[1].Enabled
