# Plan new mailboxes from a CSV handed over by HR: Import-Csv, string methods, splatting,
# [ordered] hashtables turned into objects, and Format-List output.
New-Item -ItemType Directory -Path C:\Reports\Onboarding -Force | Out-Null
@'
First,Last,Department
ada,LOVELACE,Research
grace,hopper,Engineering
'@ | Set-Content -Path C:\Reports\Onboarding\hires.csv

function New-MailboxPlan {
    param(
        [string]$First,
        [string]$Last,
        [string]$Department,
        [string]$Domain = 'contoso.com',
        [int]$QuotaGB = 50
    )
    $given = $First.Substring(0, 1).ToUpper() + $First.Substring(1).ToLower()
    $sur = $Last.Substring(0, 1).ToUpper() + $Last.Substring(1).ToLower()
    [pscustomobject][ordered]@{
        DisplayName = "$given $sur"
        Alias       = "$($First[0])$Last".ToLower()
        Address     = '{0}.{1}@{2}' -f $First.ToLower(), $Last.ToLower(), $Domain
        Department  = $Department
        Quota       = '{0} GB' -f $QuotaGB
    }
}

$common = @{ Domain = 'corp.contoso.com'; QuotaGB = 100 }
$plans = Import-Csv -Path C:\Reports\Onboarding\hires.csv | ForEach-Object {
    New-MailboxPlan -First $_.First -Last $_.Last -Department $_.Department @common
}
"Planned $(@($plans).Count) mailboxes"
$plans
$plans | Format-List DisplayName, Address
'Aliases: ' + (($plans | ForEach-Object Alias) -join ', ')
