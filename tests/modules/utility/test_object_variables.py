from pshim.testing import run


def out(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def first_error(script):
    r = run(script)
    assert r.errors
    return r.errors[0]


def test_set_get_variable():
    assert out("Set-Variable x 5; $x") == [5]
    assert out("$a1=1;$a2=2; Get-Variable a? | % Name") == ["a1", "a2"]
    assert out("$q=3; Get-Variable q -ValueOnly") == [3]
    assert out("1,2 | Set-Variable p; $p") == [1, 2]
    assert out("function f { Set-Variable g 1 -Scope Global }; f; $g") == [1]
    assert out("sv y 1 -Option ReadOnly; sv y 2 -Force; $y") == [2]


def test_variable_errors():
    e = first_error("Get-Variable nope")
    assert e.message() == "Cannot find a variable with the name 'nope'."
    assert e.FullyQualifiedErrorId == "VariableNotFound,Microsoft.PowerShell.Commands.GetVariableCommand"
    e = first_error("sv y 1 -Option ReadOnly; sv y 2")
    assert e.message() == "Cannot overwrite variable y because it is read-only or constant."
    e = first_error("New-Variable z 1; New-Variable z 2")
    assert e.message() == "A variable with name 'z' already exists."
    assert e.FullyQualifiedErrorId == "VariableAlreadyExists,Microsoft.PowerShell.Commands.NewVariableCommand"


def test_remove_clear_variable():
    assert out("$w=1; Remove-Variable w; $w -eq $null") == [True]
    assert out("$c=1; Clear-Variable c; $c -eq $null") == [True]
    e = first_error("Remove-Variable nope")
    assert e.FullyQualifiedErrorId == "VariableNotFound,Microsoft.PowerShell.Commands.RemoveVariableCommand"
