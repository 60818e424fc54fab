"""Add-Member end to end."""
from pshim.testing import run


def out(script, **kw):
    r = run(script, **kw)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


OBJ = "$o = [pscustomobject]@{a=1}; "


def test_note_property_forms():
    assert out(OBJ + "$o | Add-Member -MemberType NoteProperty -Name b -Value 2; $o.b") == [2]
    assert out(OBJ + "$o | Add-Member NoteProperty c 3; $o.c") == [3]
    assert out(OBJ + "$o | Add-Member d 4; $o.d") == [4]
    assert out(OBJ + "Add-Member -InputObject $o -NotePropertyName e -NotePropertyValue $null; "
               "$o.PSObject.Properties.Name") == ["a", "e"]
    assert out(OBJ + "$o | Add-Member -NotePropertyMembers ([ordered]@{f=6;g=7}); "
               "$o.PSObject.Properties.Name -join ','") == ["a,f,g"]


def test_script_property_and_method_see_this():
    assert out(OBJ + "$o | Add-Member ScriptProperty Double { $this.a * 2 }; $o.Double; $o.a = 5; $o.Double") \
        == [2, 10]
    assert out(OBJ + "$o | Add-Member ScriptProperty P { $this.a } { $this.a = $args[0] * 10 }; $o.P = 3; $o.a") \
        == [30]
    assert out(OBJ + "$o | Add-Member ScriptMethod Plus { param($x) $this.a + $x }; $o.Plus(10)") == [11]
    # the script property shows in Select-Object and formatting
    assert out(OBJ + "$o | Add-Member ScriptProperty D { 'd' + $this.a }; ($o | Select-Object D).D") == ["d1"]


def test_alias_property():
    assert out(OBJ + "$o | Add-Member AliasProperty b a; $o.b; $o.b = 7; $o.a") == [1, 7]
    assert out(OBJ + "$o | Add-Member -MemberType AliasProperty -Name s -Value a -SecondValue string; "
               "$o.s.GetType().Name") == ["String"]


def test_existing_member_needs_force():
    r = run(OBJ + "$o | Add-Member NoteProperty a 2; 'after'")
    assert r.errors[0].message() == ('Cannot add a member with the name "a" because a member with that name '
                                     "already exists. To overwrite the member anyway, add the Force parameter to "
                                     "your command.")
    assert r.errors[0].FullyQualifiedErrorId == \
        "MemberAlreadyExists,Microsoft.PowerShell.Commands.AddMemberCommand"
    assert out(OBJ + "$o | Add-Member NoteProperty a 2 -Force; $o.a") == [2]


def test_wrapping_and_passthru():
    assert out("$s = 'abc' | Add-Member NoteProperty x 1 -PassThru; $s.x; $s.Length; $s.ToUpper()") == \
        [1, 3, "ABC"]
    assert out("$o = [pscustomobject]@{a=1} | Add-Member -TypeName My.Type -PassThru; "
               "$o.PSObject.TypeNames[0]") == ["My.Type"]
    # nothing is written without -PassThru
    assert out(OBJ + "$o | Add-Member NoteProperty z 1") == []


def test_dotnet_objects_keep_added_members():
    assert out("$f = Get-Item C:\\; $f | Add-Member NoteProperty Tag 'x'; $f.Tag; "
               "($f | Select-Object Name,Tag).Tag") == ["x", "x"]
    assert out("$f = Get-Item C:\\; $f | Add-Member ScriptMethod Hi { 'hi ' + $args[0] }; $f.Hi('bob')") == \
        ["hi bob"]


def test_bad_member_type():
    r = run(OBJ + "$o | Add-Member -MemberType Method -Name x -Value 1")
    assert r.errors[0].message() == ('Cannot add a member with type "Method". Specify a different type for the '
                                     "MemberTypes parameter.")
    r = run(OBJ + "$o | Add-Member -MemberType AliasProperty -Name x")
    assert r.errors[0].message().startswith('The Value parameter is required for a member of type "AliasProperty".')
