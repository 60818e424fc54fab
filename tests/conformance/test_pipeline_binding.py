"""Pipeline parameter binding of script functions, end to end (results Windows PowerShell 5.1 gives)."""
import pytest

from pshim.testing import run

TEST_SERVER = """
function Test-Server {
    param([Parameter(ValueFromPipelineByPropertyName)] [string]$Name,
          [Parameter(ValueFromPipelineByPropertyName)] [Alias('Site')] [string]$AdSite = 'Default')
    process { "$Name/$AdSite" }
}
"""


def out(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return [str(o) for o in r.output]


def test_by_property_name_and_alias():
    assert out(TEST_SERVER + "[pscustomobject]@{ Name = 'EX01'; Site = 'London' } | Test-Server") == ["EX01/London"]


def test_pipeline_bound_parameter_is_reset_for_each_object():
    script = TEST_SERVER + ("[pscustomobject]@{ Name = 'EX01'; Site = 'London' }, [pscustomobject]@{ Name = 'EX02' }"
                            " | Test-Server")
    assert out(script) == ["EX01/London", "EX02/Default"]


def test_value_from_pipeline_converts_and_keeps_command_line_values():
    script = """
function Get-Double {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [int]$N, [int]$Factor = 2)
    process { $N * $Factor }
}
'4', 5 | Get-Double -Factor 3
"""
    assert out(script) == ["12", "15"]


def test_begin_process_end_order_across_commands():
    script = """
function Show-Order {
    param([string]$Tag)
    begin   { "begin $Tag" }
    process { "process $Tag $_" }
    end     { "end $Tag" }
}
1, 2 | Show-Order -Tag A | Show-Order -Tag B
"""
    # Begin blocks run first to last; A's begin output reaches B's process block before B's begin
    # block has run (Pipe.Add calls the downstream DoExecute at once).
    assert out(script) == ["process B begin A", "begin B", "process B process A 1", "process B process A 2",
                           "process B end A", "end B"]


def test_splatting_hashtable_and_array():
    script = """
function New-Report { param($Title, $Owner, [switch]$Html) "$Title by $Owner html=$Html" }
$p = @{ Title = 'Queues'; Owner = 'ops'; Html = $true }
New-Report @p
$a = 'Mailboxes', 'admin'
New-Report @a
"""
    assert out(script) == ["Queues by ops html=True", "Mailboxes by admin html=False"]
