"""Get-Verb: 5.1's 98 approved verbs with their groups, in 5.1's order, with wildcards."""
from pshim.testing import run


def test_all_verbs_in_5_1_order():
    r = run("$v = Get-Verb; $v.Count; ($v | select -first 3).Verb -join ','; $v[34].Verb; $v[34].Group; "
            "$v[-1].Verb + '/' + $v[-1].Group; $v[0].psobject.TypeNames[0]; "
            "($v | Group-Object Group | ForEach-Object { \"$($_.Name)=$($_.Count)\" }) -join ' '")
    assert r.output == [98, "Add,Clear,Close", "Backup", "Data", "Use/Other",
                        "Selected.Microsoft.PowerShell.Commands.MemberDefinition",
                        "Common=34 Data=24 Lifecycle=20 Diagnostic=7 Communications=6 Security=6 Other=1"]


def test_wildcards_and_pipeline_input():
    r = run("(Get-Verb -Verb se*).Verb -join ','; (Get-Verb Out).Group; ('Get', 'nope' | Get-Verb).Verb; "
            "@(Get-Verb Sort).Count")
    assert r.output == ["Search,Select,Set,Send", "Data", "Get", 0]


def test_table_view():
    r = run("Get-Verb -Verb Get, Send | Format-Table | Out-String")
    lines = [x.rstrip() for x in r.output[0].splitlines() if x.strip()]
    assert lines == ["Verb Group", "---- -----", "Get  Common", "Send Communications"]
