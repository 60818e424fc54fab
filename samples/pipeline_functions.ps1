# Functions that take pipeline input: begin/process/end, ValueFromPipeline,
# ValueFromPipelineByPropertyName with an alias, Write-Verbose with -Verbose, filters and $input.
function Get-QueueHealth {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, ValueFromPipeline)]
        [int]$MessageCount,
        [int]$Threshold = 100
    )
    begin   { Write-Verbose "Threshold is $Threshold"; $checked = 0 }
    process {
        $checked++
        if ($MessageCount -ge $Threshold) { "Queue with $MessageCount messages: ALERT" }
        else { "Queue with $MessageCount messages: ok" }
    }
    end     { Write-Verbose "Checked $checked queue(s)" }
}

10, 250, '99' | Get-QueueHealth
5, 500 | Get-QueueHealth -Threshold 50 -Verbose

function Test-Server {
    param(
        [Parameter(ValueFromPipelineByPropertyName)] [string]$Name,
        [Parameter(ValueFromPipelineByPropertyName)] [Alias('Site')] [string]$AdSite = 'Default'
    )
    process { '{0,-6}|{1,8}|' -f $Name, $AdSite }
}
[pscustomobject]@{ Name = 'EX01'; Site = 'London' }, [pscustomobject]@{ Name = 'EX02'; Site = 'Paris' } | Test-Server
Test-Server -Name EX03

filter Add-Domain { "$_@contoso.com" }
'ada', 'grace' | Add-Domain

function Join-Recipients {
    # No process block: the body is the end block and $input holds everything piped in.
    $all = @($input)
    "$($all.Count) recipients: $($all -join '; ')"
}
'ada', 'grace' | Add-Domain | Join-Recipients

function Show-Order {
    param([string]$Tag)
    begin   { "begin $Tag" }
    process { "process $Tag $_" }
    end     { "end $Tag" }
}
1, 2 | Show-Order -Tag A | Show-Order -Tag B
