"""Get-Help, Get-Command, about_ topics and syntax generated from metadata."""
import pytest

from pshim.commands.cmdlet import Cmdlet
from pshim.commands.parameters import Parameter
from pshim.help.render import syntax_lines
from pshim.testing import run, new_session

_SESSION = new_session()
CMDLETS = sorted(e.name for e in _SESSION.commands.cmdlets.values())


@pytest.mark.parametrize("name", CMDLETS)
def test_every_cmdlet_has_help(name):
    _SESSION.commands.cmdlets[name.lower()].load()
    r = run(f"Get-Help {name} -Full", capture_output=False)
    assert r.error_text == ""
    text = r.host_text
    assert f"NAME\n    {name}" in text
    assert "SYNTAX\n    " + name in text
    assert "PARAMETERS" in text


class _Thing(Cmdlet):
    name = "Get-Thing"
    default_parameter_set = "ByName"
    supports_should_process = True
    Name = Parameter("string[]", position=0, parameter_set="ByName", value_from_pipeline=True)
    Id = Parameter("int", mandatory=True, parameter_set="ById")
    Kind = Parameter("string", validate_set=("A", "B"))
    Force = Parameter("switch")


def test_syntax_from_parameter_sets():
    assert syntax_lines(_Thing.metadata()) == [
        "Get-Thing [[-Name] <string[]>] [-Kind <string> {A | B}] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]",
        "Get-Thing -Id <int> [-Kind <string> {A | B}] [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]",
    ]


def test_help_sections_and_modes():
    r = run("Get-Help Get-Command", capture_output=False)
    t = r.host_text
    for head in ("NAME", "SYNOPSIS", "SYNTAX", "DESCRIPTION", "REMARKS"):
        assert f"\n{head}\n" in t
    assert "PARAMETERS" not in t
    d = run("Get-Help Get-Command -Detailed", capture_output=False).host_text
    assert "    -Verb <string[]>\n        Finds cmdlets" in d
    assert "Example 1: Find commands by noun" in d
    assert "Required?" not in d
    f = run("Get-Help Get-Command -Full", capture_output=False).host_text
    assert "Required?                    false" in f and "INPUTS" in f and "OUTPUTS" in f
    e = run("Get-Help Get-Command -Examples", capture_output=False).host_text
    assert "Example 2" in e and "SYNTAX" not in e
    assert "PS C:\\> Get-Command gcm -Syntax" in e


def test_help_for_alias_and_function():
    t = run("Get-Help gcm", capture_output=False).host_text
    assert "NAME\n    Get-Command" in t
    t = run("function Send-Thing { param([Parameter(Mandatory)][string]$To, [int]$Count) }; "
            "Get-Help Send-Thing", capture_output=False).host_text
    assert "Send-Thing [-To] <string> [[-Count] <int>] [<CommonParameters>]" in t


def test_help_parameter_and_not_found():
    r = run("Get-Help Get-Help -Parameter Nope", capture_output=False)
    assert "No parameter matches criteria Nope." in r.error_text
    r = run("Get-Help Nothing-AtAll", capture_output=False)
    assert r.errors[0].FullyQualifiedErrorId == "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand"


def test_help_list_and_about_topics():
    r = run("Get-Help about_*")
    names = [o.members["name"].value for o in r.output]
    assert "about_pshim" in names and "about_CommonParameters" in names
    t = run("Get-Help about_pshim", capture_output=False).host_text
    assert t.startswith("TOPIC\n    about_pshim\n")
    t = run("Get-Help", capture_output=False).host_text
    assert "about_pshim_help" in t


def test_module_help_topics():
    s = new_session()
    s.commands.help_topics["about_Transport_Lab"] = "TOPIC\n    about_Transport_Lab\n\nSHORT DESCRIPTION\n    Lab notes.\n"
    t = run("Get-Help about_transport_lab", session=s, capture_output=False).host_text
    assert "Lab notes." in t
    r = run("Get-Help about_Transport*", session=s)
    assert r.output[0].members["synopsis"].value == "Lab notes."


def test_get_command_filters():
    r = run("Get-Command -Verb Get -Noun Help")
    assert [o.Name for o in r.output] == ["Get-Help"]
    r = run("Get-Command -Module Microsoft.PowerShell.Core -Name Get-*")
    assert "Get-Command" in [o.Name for o in r.output]
    r = run("(Get-Command Get-Help).Verb, (Get-Command Get-Help).Parameters.ContainsKey('Name')")
    assert r.output == ["Get", True]
    r = run("Get-Command -Name No-SuchThing", capture_output=False)
    assert "is not recognized" in r.error_text
    assert run("Get-Command -Name No-Such*").output == []
    r = run("Get-Command -CommandType Alias -Name gcm")
    assert r.output[0].Name == "gcm" and r.output[0].DisplayName == "gcm -> Get-Command"
    r = run("Get-Command -ParameterName Syntax")
    assert [o.Name for o in r.output] == ["Get-Command"]


def test_get_command_table_view():
    t = run("Get-Command Get-Help", capture_output=False).host_text
    lines = t.strip("\n").split("\n")
    assert lines[0].startswith("CommandType     Name")
    assert lines[2].startswith("Cmdlet          Get-Help")


def test_get_command_syntax():
    r = run("Get-Command Get-Help -Syntax")
    lines = [ln for ln in r.output[0].split("\n") if ln]
    assert lines[0].startswith("Get-Help [[-Name] <string>]")
    assert len(lines) == 5       # AllUsersView, DetailedView, Examples, Parameters, Online (no ShowWindow here)


def test_get_command_parameter_type():
    r = run("(Get-Command -ParameterType System.Management.Automation.PSCredential).Name -contains 'Invoke-Command'; "
            "(Get-Command -ParameterType pscredential).Name -contains 'Invoke-Command'; "
            "(Get-Command -ParameterType NoSuchType*).Count")
    assert r.output == [True, True, 0]


def test_get_help_component_role_functionality_filter_on_help_fields():
    """pshim's help entries name no component, functionality or role: as in 5.1 for help without them,
    such a filter finds nothing."""
    r = run("Get-Help Get-Date -Component Exchange")
    assert "HelpNotFound" in r.error_text
    r = run("@(Get-Help Get-Da* -Role *).Count; @(Get-Help Get-Da*).Count -ge 1")
    assert r.output[-1] is True


def test_removed_parameters_of_get_help_and_get_command():
    for line, name in (("Get-Help Get-Date -ShowWindow", "ShowWindow"), ("Get-Command -ListImported", "ListImported"),
                       ("Get-Command -ShowCommandInfo", "ShowCommandInfo"),
                       ("Get-Command Get-ChildItem -ArgumentList x", "ArgumentList")):
        r = run(line)
        assert f"A parameter cannot be found that matches parameter name '{name}'" in r.error_text, line


def test_get_command_all_lists_hidden_commands():
    r = run("function Get-Date { 1 }; (Get-Command Get-Date).CommandType; "
            "(Get-Command Get-Date -All).CommandType -join ','; "
            "@(Get-Command Get-Dat* -All | Where-Object Name -eq Get-Date).Count")
    assert r.output == ["Function", "Function,Cmdlet", 2]


def test_get_help_path_is_not_declared():
    r = run("Get-Help Get-Date -Path C:\\")
    assert "A parameter cannot be found that matches parameter name 'Path'" in r.error_text


def test_an_alias_name_is_its_own_and_shows_with_its_target():
    r = run("Get-Alias gci | ForEach-Object Definition; (Get-Alias gci).Name; "
            "Get-Alias gci | Select-Object -ExpandProperty Definition")
    assert r.output == ["Get-ChildItem", "gci", "Get-ChildItem"]
    r = run("Get-Alias gci", capture_output=False)
    assert "Alias           gci -> Get-ChildItem" in r.host_text
