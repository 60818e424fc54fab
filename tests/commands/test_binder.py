"""Parameter binding with 5.1's rules and messages (functions as the commands)."""
from pshim.testing import run

ADV = """
function Test-It {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position=0)] [string]$Path,
        [int]$Count = 1,
        [switch]$Force,
        [ValidateSet('a','b')] [string]$Mode,
        [Parameter()] [string]$PathType
    )
    "$Path|$Count|$Force|$Mode"
}
"""


def call(line):
    return run(ADV + line, interactive=False)


def test_positional_and_named():
    assert call("Test-It x -Count 3").output == ["x|3|False|"]
    assert call("Test-It -Path:y -Force").output == ["y|1|True|"]


def test_unique_prefix_and_ambiguity():
    assert call("Test-It z -Co 2").output == ["z|2|False|"]
    r = call("Test-It z -P q")
    assert r.errors[0].message() == ("Parameter cannot be processed because the parameter name 'P' is ambiguous. "
                                     "Possible matches include: -Path -PathType -PipelineVariable.")
    assert r.errors[0].FullyQualifiedErrorId == "AmbiguousParameter,Test-It"


def test_unknown_parameter():
    r = call("Test-It x -Bogus 1")
    assert r.errors[0].message() == "A parameter cannot be found that matches parameter name 'Bogus'."
    assert r.errors[0].FullyQualifiedErrorId == "NamedParameterNotFound,Test-It"


def test_missing_argument():
    r = call("Test-It x -Count")
    assert r.errors[0].message() == ("Missing an argument for parameter 'Count'. Specify a parameter of type "
                                     "'System.Int32' and try again.")


def test_conversion_error_in_function():
    r = call("Test-It x -Count abc")
    assert r.errors[0].message().startswith(
        "Cannot process argument transformation on parameter 'Count'. Cannot convert value \"abc\" to type "
        "\"System.Int32\".")


def test_validate_set():
    r = call("Test-It x -Mode c")
    assert r.errors[0].message() == (
        "Cannot validate argument on parameter 'Mode'. The argument \"c\" does not belong to the set \"a,b\" "
        "specified by the ValidateSet attribute. Supply an argument that is in the set and then try the "
        "command again.")


def test_missing_mandatory_non_interactive():
    r = call("Test-It")
    assert r.errors[0].message() == ("Cannot process command because of one or more missing mandatory "
                                     "parameters: Path.")


def test_missing_mandatory_prompts_when_interactive():
    r = run(ADV + "Test-It", answers=["typed"])
    assert r.output == ["typed|1|False|"]
    assert "Supply values for the following parameters:" in r.host_text


def test_positional_not_found():
    r = call("Test-It a b")
    assert r.errors[0].message() == "A positional parameter cannot be found that accepts argument 'b'."


def test_specified_twice():
    r = call("Test-It -Path a -Path b")
    assert "is specified more than once" in r.errors[0].message()


def test_switch_with_false():
    assert call("Test-It x -Force:$false").output == ["x|1|False|"]


def test_splatting():
    assert call("$p = @{Path='s'; Count=4}; Test-It @p").output == ["s|4|False|"]


def test_should_process_whatif_and_confirm():
    script = """
    function Remove-Thing {
        [CmdletBinding(SupportsShouldProcess, ConfirmImpact='High')]
        param([string]$Name)
        if ($PSCmdlet.ShouldProcess($Name, 'Remove thing')) { "removed $Name" }
    }
    """
    r = run(script + "Remove-Thing a -WhatIf")
    assert r.output == []
    assert 'What if: Performing the operation "Remove thing" on target "a".' in r.host_text
    r = run(script + "Remove-Thing a", answers=["n"])
    assert r.output == []
    assert "Are you sure you want to perform this action?" in r.host_text
    assert '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"):' in r.host_text
    r = run(script + "Remove-Thing a", answers=["y"])
    assert r.output == ["removed a"]
    r = run(script + "Remove-Thing a -Confirm:$false")
    assert r.output == ["removed a"]


def test_ps_default_parameter_values(tmp_path):
    r = run("$PSDefaultParameterValues = @{'Get-Date:Year' = 1999}; (Get-Date).Year; "
            "$PSDefaultParameterValues['Disabled'] = $true; (Get-Date).Year -eq 1999")
    assert r.output == [1999, False]
    f = tmp_path / "u.txt"
    run(f"$PSDefaultParameterValues['Out-File:Encoding'] = 'unicode'; 'hi' > '{f}'")
    assert f.read_bytes() == b"\xff\xfeh\x00i\x00\n\x00"
