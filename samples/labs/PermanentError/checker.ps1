# The goals of lab PermanentError, checked by Test-PshimLab (about_PshimLab: WRITING A LAB).
# Outputs one object per goal: Goal (plain words) and Done ($true when reached).
$results = @(Get-TransportService | Test-SmtpConnectivity -ErrorAction SilentlyContinue)
$retired = Get-ReceiveConnector 'NW-EX02\Legacy Scanner Relay' -ErrorAction SilentlyContinue
$partner = Get-ReceiveConnector 'NW-EX01\Partner Inbound' -ErrorAction SilentlyContinue
$partnerResults = @($results | Where-Object { $_.Server -eq 'NW-EX01' -and $_.ReceiveConnector -eq 'Partner Inbound' })

[pscustomobject]@{
    Goal = 'The nightly check reports no Permanent error'
    Done = $results.Count -gt 0 -and @($results | Where-Object { $_.StatusCode -eq 'Permanent error' }).Count -eq 0
}
[pscustomobject]@{
    Goal = 'The retired connector is removed (not just disabled)'
    Done = $null -eq $retired
}
[pscustomobject]@{
    Goal = "The partner's connector is enabled"
    Done = $null -ne $partner -and $partner.Enabled
}
[pscustomobject]@{
    Goal = "The partner's connector answers with Success"
    Done = $partnerResults.Count -gt 0 -and @($partnerResults | Where-Object { $_.StatusCode -ne 'Success' }).Count -eq 0
}
