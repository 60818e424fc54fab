import os

from pshim.testing import run


def out(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def test_get_member_custom_object():
    rows = out("[pscustomobject]@{a=1;b='x';c=$null} | gm | % { '{0}|{1}|{2}' -f $_.Name,$_.MemberType,$_.Definition }")
    assert rows == ["Equals|Method|bool Equals(System.Object obj)", "GetHashCode|Method|int GetHashCode()",
                    "GetType|Method|type GetType()", "ToString|Method|string ToString()",
                    "a|NoteProperty|int a=1", "b|NoteProperty|string b=x", "c|NoteProperty|object c=null"]
    assert out("[pscustomobject]@{a=1} | Get-Member a | % TypeName") == ["System.Management.Automation.PSCustomObject"]


def test_get_member_filters_and_types():
    assert out("'abc' | gm -MemberType Property | % Definition") == ["int Length {get;}"]
    assert out("1,'a',2 | gm -MemberType Property | % TypeName | select -Unique") == ["System.String"]
    r = run("Get-Member")
    assert r.errors[0].message() == "You must specify an object for the Get-Member cmdlet."
    assert r.errors[0].FullyQualifiedErrorId == "NoObjectInGetMember,Microsoft.PowerShell.Commands.GetMemberCommand"


def test_compare_object():
    fmt = " | % { '{0}{1}' -f $_.InputObject, $_.SideIndicator }"
    assert out("Compare-Object 1,2,3 2,3,4" + fmt) == ["4=>", "1<="]
    assert out("compare 1,2,3 2,3,4 -IncludeEqual" + fmt) == ["2==", "3==", "4=>", "1<="]
    assert out("compare 'a' 'A'" + fmt) == []
    assert out("'a','B' | diff -ReferenceObject 'A','b' -CaseSensitive" + fmt) == ["a=>", "B=>", "A<=", "b<="]
    assert out("compare ([pscustomobject]@{n=1}) ([pscustomobject]@{n=2}) -Property n | "
               "% { '{0}{1}' -f $_.n, $_.SideIndicator }") == ["2=>", "1<="]


def test_tee_object(tmp_path):
    assert out("1,2 | tee -Variable v | % { $_ * 10 }; $v") == [10, 20, 1, 2]
    p = tmp_path / "t.txt"
    assert out(f"1,2 | Tee-Object '{p}'") == [1, 2]
    assert os.path.exists(p)
