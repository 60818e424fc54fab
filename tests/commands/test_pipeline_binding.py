"""Pipeline binding: the four passes, delay-bind script blocks, per-record parameter sets,
-PipelineVariable."""
from pshim.testing import run

RN = """
function Rn { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)][string]$NewName)
  process { $NewName } }
"""


def test_by_property_name():
    assert run(RN + "[pscustomobject]@{NewName='x'} | Rn").output == ["x"]


def test_by_property_name_through_alias():
    script = """function Al { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)][Alias('Identity')]
                [string]$Name) process { $Name } }
                [pscustomobject]@{Identity='ex01'} | Al"""
    assert run(script).output == ["ex01"]


def test_by_value_exact_before_conversion():
    script = """function T { [CmdletBinding()] param(
                  [Parameter(ValueFromPipeline)][int]$Num,
                  [Parameter(ValueFromPipelineByPropertyName)][string]$Length)
                process { "n=$Num l=$Length" } }
                5 | T"""
    assert run(script).output == ["n=5 l="]


def test_record_not_bindable_is_a_non_terminating_error():
    r = run("function T { [CmdletBinding()] param([Parameter(ValueFromPipelineByPropertyName)]$Zzz) "
            "process { 'ran' } }; 1, 2 | T; 'after'")
    assert r.output == ["after"]
    assert r.errors[0].message().startswith("The input object cannot be bound to any parameters for the command")
    assert r.errors[0].FullyQualifiedErrorId == "InputObjectNotBound,T"


def test_delay_bind_script_block():
    assert run(RN + "[pscustomobject]@{Name='a'}, [pscustomobject]@{Name='b'} | "
                    "Rn -NewName { $_.Name + '.bak' }").output == ["a.bak", "b.bak"]


def test_delay_bind_without_input_is_an_error():
    r = run(RN + "Rn -NewName { 1 }")
    assert r.errors[0].message() == ("Cannot bind parameter because parameter 'NewName' is a delay-bind script "
                                     "block and there is no pipeline input.")


def test_parameter_set_chosen_per_record():
    script = """
    function Pick {
        [CmdletBinding(DefaultParameterSetName='ByName')]
        param([Parameter(ParameterSetName='ByName', ValueFromPipelineByPropertyName)][string]$Name,
              [Parameter(ParameterSetName='ById', ValueFromPipelineByPropertyName)][int]$Id)
        process { $PSCmdlet.ParameterSetName }
    }
    [pscustomobject]@{Name='a'} | Pick
    """
    assert run(script).output == ["ByName"]


def test_pipeline_variable():
    assert run("1,2 | Write-Output -PipelineVariable pv | ForEach-Object { \"$pv-$_\" }").output == \
        ["1-1", "2-2"]


def test_cmdlet_begins_before_its_first_record():
    # ConvertTo-Html writes from its begin; Out-String must have begun when that arrives
    r = run("[pscustomobject]@{a=1} | ConvertTo-Html -Fragment | Out-String")
    assert r.errors == []
    assert r.output[0].startswith("<table>")


def test_a_bound_parameter_narrows_the_sets_for_the_same_record():
    script = """
    function Find {
        [CmdletBinding(DefaultParameterSetName='File')]
        param([Parameter(ParameterSetName='File', ValueFromPipelineByPropertyName)][string]$Path,
              [Parameter(ParameterSetName='Object', ValueFromPipeline)][psobject]$InputObject)
        process { "$($PSCmdlet.ParameterSetName) path=$Path" }
    }
    [pscustomobject]@{Path='x.log'} | Find
    """
    assert run(script).output == ["Object path="]
