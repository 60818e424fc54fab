<#
.SYNOPSIS
    Creates users and mailboxes from a CSV (FirstName,LastName,Department,Office,Manager).
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory = $true)]
    [string] $Path,
    [string] $Domain = "contoso.com",
    [string] $OU = "OU=Staff,DC=contoso,DC=com",
    [string] $Database,
    [int] $PasswordLength = 14
)

Add-Type -AssemblyName System.Web

function New-RandomPassword {
    param([int]$Length = 12)
    do {
        $pw = [System.Web.Security.Membership]::GeneratePassword($Length, 3)
    } until ($pw -match '\d' -and $pw -cmatch '[A-Z]' -and $pw -cmatch '[a-z]')
    return $pw
}

function Get-UniqueAlias {
    param([string]$First, [string]$Last)
    $base = ($First.Substring(0,1) + $Last).ToLower() -replace "[^a-z0-9]", ""
    $alias = $base
    $n = 1
    while (Get-Recipient -Identity $alias -ErrorAction SilentlyContinue) {
        $n++
        $alias = "$base$n"
    }
    $alias
}

if (-not $Database) {
    # pick the database with the fewest mailboxes
    $Database = Get-MailboxDatabase | ForEach-Object {
        [pscustomobject]@{ Name = $_.Name; Count = @(Get-Mailbox -Database $_.Name -ResultSize Unlimited).Count }
    } | Sort-Object Count | Select-Object -First 1 -ExpandProperty Name
    Write-Verbose "Using database $Database"
}

$results = @()
$rows = Import-Csv $Path
foreach ($row in $rows) {
    $alias = Get-UniqueAlias -First $row.FirstName -Last $row.LastName
    $upn = "$alias@$Domain"
    $display = "{0} {1}" -f $row.FirstName, $row.LastName
    $plain = New-RandomPassword -Length $PasswordLength
    $secure = ConvertTo-SecureString -String $plain -AsPlainText -Force

    if ($PSCmdlet.ShouldProcess($display, "Create mailbox $upn")) {
        try {
            $mbx = New-Mailbox -Name $display -Alias $alias -UserPrincipalName $upn -SamAccountName $alias `
                -FirstName $row.FirstName -LastName $row.LastName -DisplayName $display `
                -OrganizationalUnit $OU -Database $Database -Password $secure -ResetPasswordOnNextLogon $true
            Set-User -Identity $mbx.Identity -Department $row.Department -Office $row.Office -Manager $row.Manager -ErrorAction Continue
            $results += [pscustomobject]@{ Name = $display; UPN = $upn; Password = $plain; Status = "Created" }
        }
        catch {
            $results += [pscustomobject]@{ Name = $display; UPN = $upn; Password = ""; Status = "Error: " + $_.Exception.Message }
        }
    }
}

$out = [IO.Path]::ChangeExtension($Path, ".results.csv")
$results | Export-Csv $out -NoTypeInformation
$results | Format-Table Name, UPN, Status -AutoSize
