from pshim.testing import run


def out(script, **kw):
    r = run(script, **kw)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def test_get_date():
    assert out("Get-Date -Year 2020 -Month 1 -Day 5 -Hour 0 -Minute 0 -Second 0 -Format 'yyyy-MM-dd HH:mm'") == \
        ["2020-01-05 00:00"]
    assert out("Get-Date -Date '2020-03-04' -UFormat '%Y/%m/%d'") == ["2020/03/04"]
    assert out("(Get-Date).GetType().FullName") == ["System.DateTime"]


def test_new_object():
    assert out("$o = New-Object PSObject -Property @{a=1}; $o.a") == [1]
    assert out("(New-Object System.Collections.ArrayList).GetType().FullName") == ["System.Collections.ArrayList"]


def test_invoke_expression_runs_in_caller_scope():
    assert out("iex '1+2'; Invoke-Expression '$z = 5'; $z") == [3, 5]


def test_aliases():
    assert out("Set-Alias zz Write-Output; zz 7") == [7]
    assert out("(Get-Alias where).Definition") == ["Where-Object"]
    r = run("Get-Alias nosuchalias")
    assert r.errors[0].message() == ("This command cannot find a matching alias because an alias with the name "
                                     "'nosuchalias' does not exist.")


def test_sleep_and_read_host():
    assert out("Start-Sleep -Milliseconds 10; 'done'") == ["done"]
    r = run("Read-Host 'Name'", answers=["bob"])
    assert r.output == ["bob"]
    assert r.host_text == "Name: bob\n"


def test_write_cmdlets():
    assert out("Write-Output 1 2 3") == [1, 2, 3]
    assert out("(Write-Output -NoEnumerate 1,2).Count") == [2]
    r = run("Write-Host a b -Separator ','; Write-Host x -NoNewline; Write-Host y")
    assert r.host_text == "a,b\nxy\n"
    r = run("Write-Error 'boom'")
    assert r.errors[0].FullyQualifiedErrorId == "Microsoft.PowerShell.Commands.WriteErrorException"
    r = run("function f { Write-Error boom }; f")
    assert r.errors[0].FullyQualifiedErrorId == "Microsoft.PowerShell.Commands.WriteErrorException,f"
    r = run("Write-Error -Message m -ErrorId MyId -Category InvalidData")
    assert r.errors[0].FullyQualifiedErrorId == "MyId"
    assert r.errors[0].category == "InvalidData"
