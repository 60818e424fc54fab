import time

from pshim.testing import run


def out(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def err(script):
    r = run(script)
    assert r.errors
    return r.errors[0]


def test_where_scriptblock():
    assert out("1..5 | Where-Object { $_ -gt 2 }") == [3, 4, 5]
    assert out("1..5 | ? { $PSItem -le 2 }") == [1, 2]
    assert out("1..4 | where { $_ % 2 }") == [1, 3]


def test_where_simplified():
    assert out("'a','bb','ccc' | Where-Object Length -gt 1") == ["bb", "ccc"]
    assert out("'a','bb','ccc' | Where-Object -Property Length -EQ -Value 1") == ["a"]
    assert out("'Ab','ab' | ? { $_ } | ? Length -eq 2 | ? { $_ -ceq 'ab' }") == ["ab"]
    assert out("'Ab','ab' | Where-Object { $_ } | % { $_ } | Where-Object Length -CEQ 2") == ["Ab", "ab"]
    assert out("'x1','y2','x3' | ? { $true } | ? Length -eq 2 | ? { $_ -like 'x*' }") == ["x1", "x3"]
    r = out("[pscustomobject]@{N='Ab'},[pscustomobject]@{N='ab'} | Where-Object N -CEQ 'ab'")
    assert len(r) == 1
    assert out("@{a=1},@{a=2} | ? a -eq 2 | % { $_.a }") == [2]
    assert out("[pscustomobject]@{a=1},[pscustomobject]@{a=0} | ? a | % a") == [1]
    assert out("'abc','xyz','a' | ? Length -in 3,4") == ["abc", "xyz"]
    assert out("1,'a' | ? { $_ } | ? Length -is 'int'") == ['a']


def test_where_simplified_errors():
    e = err("1 | Where-Object Length -eq")
    assert e.message() == ("The specified operator requires both the -Property and -Value parameters. "
                           "Provide values for both parameters, and then try the command again.")
    assert e.FullyQualifiedErrorId == "ValueNotSpecifiedForWhereObject,Microsoft.PowerShell.Commands.WhereObjectCommand"
    e = err("1 | Where-Object -Property Length -Value 1")
    assert e.FullyQualifiedErrorId == "OperatorNotSpecified,Microsoft.PowerShell.Commands.WhereObjectCommand"
    assert e.message().endswith("For example, Get-Process | Where-Object -Property Name -eq Idle")


def test_foreach_blocks():
    assert out("1..3 | ForEach-Object { $_ * 2 }") == [2, 4, 6]
    assert out("1..2 | % {'begin'} {'A'} {'B'} {'end'}") == ["begin", "A", "B", "A", "B", "end"]
    assert out("1..2 | % {'begin'} {$_}") == ["begin", 1, 2]
    assert out("1..2 | % {'b'} {$_} {'e'}") == ["b", 1, 2, "e"]
    assert out("1..3 | % -Begin { $s = 0 } -Process { $s += $_ } -End { $s }") == [6]
    assert out("1..2 | % -Begin { 'b' } { $_ } { $_ * 10 }") == ["b", 1, 10, 2, 20]
    assert out("1..3 | % { $x = $_ }; $x") == [3]
    assert out("'ab' | % { return 1; 2 }") == [1]
    assert out("ForEach-Object { 'once' }") == ["once"]


def test_foreach_member():
    assert out("'abc','de' | % Length") == [3, 2]
    assert out("'abc' | ForEach-Object ToUpper") == ["ABC"]
    assert out("'abc' | % Substring 1") == ["bc"]
    assert out("'abc' | ForEach-Object -MemberName Substring -ArgumentList 1, 1") == ["b"]
    assert out("'abc' | % Foo") == []
    e = err("'abc' | % Foo 1")
    assert e.message() == 'Input name "Foo" cannot be resolved to a method.'
    assert e.FullyQualifiedErrorId == "MethodNotFound,Microsoft.PowerShell.Commands.ForEachObjectCommand"


def test_dollar_under_restored_in_nested_pipelines():
    assert out("1..2 | % { $o = $_; 'a','b' | % { $_ } | Out-Null; $_ }") == [1, 2]


def test_throughput():
    t = time.perf_counter()
    r = run("1..30000 | Where-Object { $_ % 3 } | ForEach-Object { $_ * 2 } | Out-Null")
    assert not r.errors
    assert time.perf_counter() - t < 1.5
