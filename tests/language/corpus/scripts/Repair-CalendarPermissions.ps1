function Set-CalendarDefaultPermission
{
    <#
    .SYNOPSIS
    Sets the Default user's permission on the calendar folder of each mailbox.
    .DESCRIPTION
    The calendar folder name is localised, so the folder is found by type.
    .PARAMETER Identity
    Mailboxes to change (pipeline input accepted).
    .PARAMETER AccessRights
    Permission for the Default user.
    .EXAMPLE
    Get-Mailbox -OrganizationalUnit Sales | Set-CalendarDefaultPermission -AccessRights Reviewer
    #>
    [CmdletBinding(SupportsShouldProcess = $true)]
    param
    (
        [Parameter(Mandatory = $true, ValueFromPipeline = $true, ValueFromPipelineByPropertyName = $true)]
        [Alias("PrimarySmtpAddress")]
        [string[]]
        $Identity,

        [ValidateSet("None", "AvailabilityOnly", "LimitedDetails", "Reviewer", "Editor")]
        [string]
        $AccessRights = "LimitedDetails"
    )

    begin
    {
        $changed = 0
    }

    process
    {
        foreach ($id in $Identity)
        {
            $folder = Get-MailboxFolderStatistics -Identity $id -FolderScope Calendar |
                Where-Object { $_.FolderType -eq "Calendar" } |
                Select-Object -First 1
            if ($null -eq $folder)
            {
                Write-Warning "No calendar folder for $id"
                continue
            }
            $path = "{0}:\{1}" -f $id, ($folder.FolderPath.TrimStart("/") -replace "/", "\")
            $current = Get-MailboxFolderPermission -Identity $path -User Default -ErrorAction SilentlyContinue
            if ($current -and ($current.AccessRights -join ",") -eq $AccessRights)
            {
                Write-Verbose "$path already $AccessRights"
                continue
            }
            if ($PSCmdlet.ShouldProcess($path, "Default -> $AccessRights"))
            {
                Set-MailboxFolderPermission -Identity $path -User Default -AccessRights $AccessRights
                $changed++
            }
        }
    }

    end
    {
        Write-Verbose "$changed calendar(s) changed"
    }
}

Get-Mailbox -RecipientTypeDetails UserMailbox -ResultSize Unlimited | Set-CalendarDefaultPermission -AccessRights Reviewer -Verbose
