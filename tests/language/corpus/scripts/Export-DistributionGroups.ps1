<#
    .SYNOPSIS
    Exports every distribution group with its members and owners to CSV.

    .PARAMETER OutputFile
    Path of the CSV file.

    .PARAMETER IncludeDynamic
    Also export dynamic distribution groups (members are computed from the filter).
#>
[CmdletBinding()]
param (
    [string]
    $OutputFile = "$(Split-Path -Parent $MyInvocation.MyCommand.Path)\DistributionGroups.csv",

    [switch]
    $IncludeDynamic
)

$groups = Get-DistributionGroup -ResultSize Unlimited | Sort-Object Name
$output = [System.Collections.Generic.List[PSObject]]::new()
$count = 0
$total = @($groups).Count

ForEach ($group in $groups) {
    $count++
    Write-Progress -Activity "Exporting groups" -Status $group.DisplayName -PercentComplete ($count / $total * 100)

    $members = Get-DistributionGroupMember -Identity $group.Identity -ResultSize Unlimited
    $owners = ($group.ManagedBy | ForEach-Object { $_.Name }) -join ";"

    if (-not $members) {
        $output.Add([PSCustomObject]@{
            Group       = $group.DisplayName
            GroupEmail  = $group.PrimarySmtpAddress.ToString()
            Type        = $group.GroupType
            Owners      = $owners
            Member      = ""
            MemberEmail = ""
            MemberType  = ""
        })
        continue
    }
    foreach ($m in $members) {
        $output.Add([PSCustomObject]@{
            Group       = $group.DisplayName
            GroupEmail  = $group.PrimarySmtpAddress.ToString()
            Type        = $group.GroupType
            Owners      = $owners
            Member      = $m.DisplayName
            MemberEmail = $m.PrimarySmtpAddress
            MemberType  = $m.RecipientType
        })
    }
}

if ($IncludeDynamic) {
    Get-DynamicDistributionGroup -ResultSize Unlimited | ForEach-Object {
        $ddg = $_
        Get-Recipient -RecipientPreviewFilter $ddg.RecipientFilter -OrganizationalUnit $ddg.RecipientContainer -ResultSize Unlimited |
            ForEach-Object {
                $output.Add([PSCustomObject]@{
                    Group = $ddg.DisplayName; GroupEmail = "$($ddg.PrimarySmtpAddress)"; Type = "Dynamic"
                    Owners = "$($ddg.ManagedBy)"; Member = $_.DisplayName; MemberEmail = $_.PrimarySmtpAddress; MemberType = $_.RecipientType
                })
            }
    }
}

$output | Export-Csv -Path $OutputFile -NoTypeInformation -Encoding UTF8
Write-Host "Exported $($output.Count) rows for $total groups to $OutputFile"
