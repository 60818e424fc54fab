"""Comment-based help shown exactly as Windows PowerShell 5.1 shows it (MAML views over the help comment).

The expected texts follow 5.1 transcripts of Get-Help on functions with comment help (plain, -Detailed,
-Full, -Examples, -Parameter): blank lines inside a section carry the section's indentation, positions
count from 1, `[<CommonParameters>]` ends every syntax line, examples are titled
`-------------------------- EXAMPLE n --------------------------` with the prompt written against the code.
"""
from pshim.testing import run

FUNCTION = r'''
function Get-Widget {
    <#
    .SYNOPSIS
    Gets widgets.

    .DESCRIPTION
    Gets the widgets of a store.
    Each widget is an object.

    .PARAMETER Name
    The widget's name.

    .PARAMETER Store
    The store to look in.

    .INPUTS
    System.String

    .OUTPUTS
    System.Management.Automation.PSObject

    .NOTES
    Written for the lab.
    Second line.

    .EXAMPLE
    PS C:\> Get-Widget -Name w1
    Gets the widget w1.

    .EXAMPLE
    Get-Widget

    .LINK
    https://example.org/widgets

    .LINK
    Get-Store
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory, Position = 0, ValueFromPipeline)]
        [string]$Name,
        [int]$Store = 3,
        [switch]$Force
    )
}
'''

NAME_TO_DESCRIPTION = """
NAME
    Get-Widget
    
SYNOPSIS
    Gets widgets.
    
    
SYNTAX
    Get-Widget [-Name] <String> [-Store <Int32>] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]
    
    
DESCRIPTION
    Gets the widgets of a store.
    Each widget is an object.
    

"""

COMMON = """    <CommonParameters>
        This cmdlet supports the common parameters: Verbose, Debug,
        ErrorAction, ErrorVariable, WarningAction, WarningVariable,
        OutBuffer, PipelineVariable, and OutVariable. For more information, see 
        about_CommonParameters (https:/go.microsoft.com/fwlink/?LinkID=113216). 
    
"""

EXAMPLES = r"""    -------------------------- EXAMPLE 1 --------------------------
    
    PS C:\>Get-Widget -Name w1
    
    Gets the widget w1.
    
    
    
    
    -------------------------- EXAMPLE 2 --------------------------
    
    PS C:\>Get-Widget
    
    
    
    
    
    
"""

REMARKS = """REMARKS
    To see the examples, type: "get-help Get-Widget -examples".
    For more information, type: "get-help Get-Widget -detailed".
    For technical information, type: "get-help Get-Widget -full".
    For online help, type: "get-help Get-Widget -online"
"""


def _help(args, script=FUNCTION, width=120):
    r = run(script + "\n" + args, capture_output=True, width=width)
    assert not r.errors, r.error_text
    assert len(r.output) == 1
    return r.output[0]


def test_default_view():
    assert _help("Get-Help Get-Widget") == NAME_TO_DESCRIPTION + """RELATED LINKS
    https://example.org/widgets
    Get-Store 

""" + REMARKS


def test_question_mark_is_the_default_view():
    r = run(FUNCTION + "\nGet-Widget -?", capture_output=False, width=120)
    assert not r.errors, r.error_text
    assert NAME_TO_DESCRIPTION + "RELATED LINKS\n    https://example.org/widgets\n" in r.host_text
    assert 'For technical information, type: "get-help Get-Widget -full".' in r.host_text


def test_detailed_view():
    assert _help("Get-Help Get-Widget -Detailed") == NAME_TO_DESCRIPTION + """PARAMETERS
    -Name <String>
        The widget's name.
        
    -Store <Int32>
        The store to look in.
        
    -Force [<SwitchParameter>]
        
    -WhatIf [<SwitchParameter>]
        
    -Confirm [<SwitchParameter>]
        
""" + COMMON + EXAMPLES + REMARKS


def test_full_view():
    assert _help("Get-Help Get-Widget -Full") == NAME_TO_DESCRIPTION + """PARAMETERS
    -Name <String>
        The widget's name.
        
        Required?                    true
        Position?                    1
        Default value                
        Accept pipeline input?       true (ByValue)
        Accept wildcard characters?  false
        
    -Store <Int32>
        The store to look in.
        
        Required?                    false
        Position?                    named
        Default value                3
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
    -Force [<SwitchParameter>]
        
        Required?                    false
        Position?                    named
        Default value                False
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
    -WhatIf [<SwitchParameter>]
        
        Required?                    false
        Position?                    named
        Default value                
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
    -Confirm [<SwitchParameter>]
        
        Required?                    false
        Position?                    named
        Default value                
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
""" + COMMON + """INPUTS
    System.String
    
    
OUTPUTS
    System.Management.Automation.PSObject
    
    
NOTES
    
    
        Written for the lab.
        Second line.
    
""" + EXAMPLES + """    
RELATED LINKS
    https://example.org/widgets
    Get-Store 
"""


def test_examples_view():
    assert _help("Get-Help Get-Widget -Examples") == """
NAME
    Get-Widget
    
SYNOPSIS
    Gets widgets.
    
""" + EXAMPLES


def test_parameter_view():
    assert _help("Get-Help Get-Widget -Parameter Store") == """
-Store <Int32>
    The store to look in.
    
    Required?                    false
    Position?                    named
    Default value                3
    Accept pipeline input?       false
    Accept wildcard characters?  false
    

"""
    r = run(FUNCTION + "\nGet-Help Get-Widget -Parameter Nothing*", capture_output=True)
    assert [e.FullyQualifiedErrorId for e in r.errors] == ["NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand"]


def test_simple_function_positions_defaults_and_empty_sections():
    script = r'''
function Add-Extension {
    param ([string]$Name, [string]$Extension = "txt", $Count = (Get-Date).Year)
    <#
    .SYNOPSIS
    Adds a file name extension to a supplied name.
    #>
}
'''
    full = _help("Get-Help Add-Extension -Full", script)
    assert full == """
NAME
    Add-Extension
    
SYNOPSIS
    Adds a file name extension to a supplied name.
    
    
SYNTAX
    Add-Extension [[-Name] <String>] [[-Extension] <String>] [[-Count] <Object>] [<CommonParameters>]
    
    
DESCRIPTION
    

PARAMETERS
    -Name <String>
        
        Required?                    false
        Position?                    1
        Default value                
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
    -Extension <String>
        
        Required?                    false
        Position?                    2
        Default value                txt
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
    -Count <Object>
        
        Required?                    false
        Position?                    3
        Default value                (Get-Date).Year
        Accept pipeline input?       false
        Accept wildcard characters?  false
        
""" + COMMON + """INPUTS
    
OUTPUTS
    
    
RELATED LINKS
"""
    default = _help("Get-Help Add-Extension", script)
    assert default.endswith("""RELATED LINKS

REMARKS
    To see the examples, type: "get-help Add-Extension -examples".
    For more information, type: "get-help Add-Extension -detailed".
    For technical information, type: "get-help Add-Extension -full".
""")


def test_parameter_sets_wildcards_and_pipeline_by_property_name():
    script = r'''
function Find-Item {
    <#
    .SYNOPSIS
    Finds items.
    #>
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName', Position = 0)]
        [SupportsWildcards()]
        [string[]]$Name,
        [Parameter(ParameterSetName = 'ById', Mandatory, ValueFromPipelineByPropertyName, ValueFromPipeline)]
        [int]$Id
    )
}
'''
    full = _help("Get-Help Find-Item -Full", script)
    assert """SYNTAX
    Find-Item [[-Name] <String[]>] [<CommonParameters>]
    
    Find-Item -Id <Int32> [<CommonParameters>]
    
    
""" in full
    assert """    -Name <String[]>
        
        Required?                    false
        Position?                    1
        Default value                
        Accept pipeline input?       false
        Accept wildcard characters?  true
""" in full
    assert "        Accept pipeline input?       true (ByValue, ByPropertyName)\n" in full


def test_script_help_names_the_script_by_its_path(tmp_path):
    script = tmp_path / "Update-Month.ps1"
    script.write_text("<#\n.SYNOPSIS\nPerforms monthly data updates.\n#>\n\nparam([string]$InputPath)\n",
                      encoding="utf-8")
    r = run(f"Get-Help '{script}'", capture_output=True, width=400)
    assert not r.errors, r.error_text
    text = r.output[0]
    assert text.startswith(f"\nNAME\n    {script}\n    \nSYNOPSIS\n    Performs monthly data updates.\n")
    assert f"SYNTAX\n    {script} [[-InputPath] <String>] [<CommonParameters>]\n" in text
    assert f'    For technical information, type: "get-help {script} -full".\n' in text


def test_what_5_1_does_not_take_as_help():
    # a section keyword with text on its own line, or a directive 5.1 does not know: not help at all
    for comment in ("<#\n.SYNOPSIS Gets widgets.\n#>", "<#\n.SYNOPSIS\nGets widgets.\n.NET types too\n#>"):
        script = f"function Get-Gadget {{\n{comment}\nparam($Name)\n}}\n"
        r = run(script + "Get-Help Get-Gadget", capture_output=True)
        assert not r.errors, r.error_text
        assert "Gets widgets." not in r.output[0], comment
        assert "-------------------------- EXAMPLE" not in r.output[0]


def test_line_comments_lose_every_leading_hash_and_keep_line_breaks():
    script = "function Get-Gadget {\n    ## .SYNOPSIS\n    ##   First line.\n    ##     indented more\n" \
             "    ## .EXAMPLE\n    ##   PS> Get-Gadget\n    param()\n}\n"
    text = _help("Get-Help Get-Gadget -Examples", script)
    assert "SYNOPSIS\n    First line.\n      indented more\n    \n" in text
    assert "    PS>Get-Gadget\n" in text


def test_long_lines_wrap_at_the_console_width_keeping_the_indentation():
    script = "function Get-Gadget {\n<#\n.DESCRIPTION\n" + " ".join(["word"] * 30) + "\n#>\nparam()\n}\n"
    text = _help("Get-Help Get-Gadget", script, width=60)
    lines = text.split("\n")
    i = lines.index("DESCRIPTION")
    assert lines[i + 1] == "    " + " ".join(["word"] * 11) + " "
    assert lines[i + 2].startswith("    word") and all(len(ln) <= 59 for ln in lines)


def test_forward_help_target_shows_the_target_help():
    script = r'''
function Get-Files {
    <#
    .ForwardHelpTargetName Microsoft.PowerShell.Management\Get-ChildItem
    .ForwardHelpCategory Cmdlet
    #>
    param($Path)
}
function Get-Loop1 {
    <#
    .FORWARDHELPTARGETNAME Get-Loop2
    #>
    param()
}
function Get-Loop2 {
    <#
    .FORWARDHELPTARGETNAME Get-Loop1
    #>
    param()
}
'''
    forwarded = _help("Get-Help Get-Files", script)
    assert forwarded == _help("Get-Help Get-ChildItem", script)
    assert forwarded.startswith("\nNAME\n    Get-ChildItem\n")
    r = run(script + "Get-Help Get-Loop1", capture_output=True)      # forwards that loop still end
    assert not r.errors and len(r.output) == 1


def test_search_results_show_the_comment_synopsis():
    script = "function Get-Syn {\n<#\n.SYNOPSIS\nDoes syn\nthings.\n#>\nparam()\n}\nfunction Get-Syx {\n<#\n.SYNOPSIS\nX.\n#>\n}\n"
    r = run(script + "Get-Help Get-Sy* | ForEach-Object { '{0}|{1}|{2}' -f $_.Name, $_.Category, $_.Synopsis }")
    assert not r.errors, r.error_text
    assert r.output == ["Get-Syn|Function|Does syn things.", "Get-Syx|Function|X."]


def test_parameter_comments_where_5_1_collects_them():
    script = r'''
function Add-Extension {
    param
    (
        [string]
        # Specifies the file name.
        $Name,

        # Above, one blank line away

        [string]$Extension = "txt",
        # Above the last one
        [int]$Count
        # After the last one
    )
    <#
    .SYNOPSIS
    Adds a file name extension to a supplied name.
    .PARAMETER count
    Wins over the comments.
    #>
}
function No-Help {
    param(
        # a parameter comment alone is not help
        $A
    )
}
'''
    text = _help("Get-Help Add-Extension -Detailed", script)
    assert """PARAMETERS
    -Name <String>
        Specifies the file name.
        
    -Extension <String>
        Above, one blank line away
        
    -Count <Int32>
        Wins over the comments.
        
""" in text
    assert "a parameter comment alone" not in _help("Get-Help No-Help -Full", script)


def test_help_after_a_note_at_the_start_of_the_body():
    script = "function Get-Gadget {\n    # just a note\n\n    <#\n    .SYNOPSIS\n    Found after a note.\n    #>\n" \
             "    param()\n}\n"
    assert "SYNOPSIS\n    Found after a note.\n" in _help("Get-Help Get-Gadget", script)
