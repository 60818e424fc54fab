from pshim.testing import run


def out(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def err(script):
    r = run(script)
    assert r.errors
    return r.errors[0]


def test_select_first_last_skip_index():
    assert out("1..10 | select -First 3") == [1, 2, 3]
    assert out("1..10 | Select-Object -Last 3") == [8, 9, 10]
    assert out("1..10 | select -Skip 7") == [8, 9, 10]
    assert out("1..10 | select -Last 3 -Skip 2") == [6, 7, 8]
    assert out("1..10 | select -First 2 -Skip 3") == [4, 5]
    assert out("1..10 | select -SkipLast 7") == [1, 2, 3]
    assert out("1..10 | select -Index 1,3") == [2, 4]
    assert out("1..5 | select -First 0") == []


def test_select_first_stops_upstream():
    assert out("$i=0; 1..100 | % { $i++; $_ } | select -First 2; $i") == [1, 2, 2]


def test_select_unique_is_case_sensitive():
    assert out("1,1,2,'a','A','a' | select -Unique") == [1, 2, "a", "A"]


def test_select_properties():
    o = out("[pscustomobject]@{a=1;b=2} | select a, @{n='c';e={$_.b*2}}, x")[0]
    assert [m.name for m in o.members.values()] == ["a", "c", "x"]
    assert [m.value for m in o.members.values()] == [1, 4, None]
    assert o.type_names == ["Selected.System.Management.Automation.PSCustomObject",
                            "System.Management.Automation.PSCustomObject", "System.Object"]
    assert out("'abc' | select Length, @{l='U'; e={$_.ToUpper()}} | % { $_.pstypenames[0], $_.U }") == \
        ["Selected.System.String", "ABC"]
    o = out("[pscustomobject]@{a=1;b=2;c=3} | select * -ExcludeProperty b")[0]
    assert list(o.members) == ["a", "c"]
    assert out("[pscustomobject]@{a=1} | select { $_.a + 1 } | % { $_.' $_.a + 1 ' }") == [2]


def test_select_expand():
    assert out("[pscustomobject]@{a=1,2} | select -ExpandProperty a") == [1, 2]
    assert out("[pscustomobject]@{n='x';a='s'} | select -ExpandProperty a -Property n | % { $_ + $_.n }") == ["sx"]
    e = err("[pscustomobject]@{a=1} | select -ExpandProperty b")
    assert e.message() == 'Property "b" cannot be found.'
    assert e.FullyQualifiedErrorId == "ExpandPropertyNotFound,Microsoft.PowerShell.Commands.SelectObjectCommand"


def test_select_calculated_property_errors():
    assert err("1 | select @{x=1}").message() == "The x key is not valid."
    assert err("1 | select @{n='x'}").message() == "A mandatory entry for expression is missing."
    assert err("1 | select @{n='x';e=5}").message() == (
        'The "expression" key has a type, System.Int32, that is not valid; expected types are '
        '{System.String, System.Management.Automation.ScriptBlock}.')
    e = err("[pscustomobject]@{a=1} | select a, a")
    assert e.message() == 'The property cannot be processed because the property "a" already exists.'
    assert e.FullyQualifiedErrorId == \
        "AlreadyExistingUserSpecifiedPropertyNoExpand,Microsoft.PowerShell.Commands.SelectObjectCommand"


def test_sort():
    assert out("3,1,2 | sort") == [1, 2, 3]
    assert out("3,1,2 | Sort-Object -Descending") == [3, 2, 1]
    assert out("'b','a','B' | sort -Unique") == ["a", "b"]
    assert out("'aaa','b','cc' | sort Length") == ["b", "cc", "aaa"]
    assert out("'aaa','b','cc' | sort { $_.Length } -Descending") == ["aaa", "cc", "b"]
    assert out("$null,2,1 | sort") == [None, 1, 2]
    # objects missing the property go last in both directions
    assert out("[pscustomobject]@{n=2},[pscustomobject]@{x=1},[pscustomobject]@{n=1} | sort n | % { $_.n }") == \
        [1, 2, None]
    assert out("[pscustomobject]@{n=2},[pscustomobject]@{x=1},[pscustomobject]@{n=1} | sort n -Desc | % { $_.n }") \
        == [2, 1, None]
    assert out("[pscustomobject]@{a=1;b='x'},[pscustomobject]@{a=1;b='y'},[pscustomobject]@{a=2;b='z'} | "
               "sort @{e='a';Descending=$true}, b | % b") == ["z", "x", "y"]


def test_group():
    assert out("'a','b','A' | group | % { '{0} {1} {2}' -f $_.Count, $_.Name, ($_.Group -join ',') }") == \
        ["2 a a,A", "1 b b"]
    assert out("'b','a','b' | group | % Name") == ["b", "a"]   # first appearance order (5.1)
    assert out("'aa','b','cc' | group Length -NoElement | % { $_.Count }") == [2, 1]
    assert out("$h = 'aa','b','cc' | group Length -AsHashTable; $h[2]") == ["aa", "cc"]
    assert out("$h = 'aa','b','cc' | group Length -AsHashTable -AsString; $h['2']") == ["aa", "cc"]
    assert out("[pscustomobject]@{a=1;b=2},[pscustomobject]@{a=1;b=2} | group a,b | % Name") == ["1, 2"]
    assert out("('a' | group).pstypenames[0]") == ["Microsoft.PowerShell.Commands.GroupInfo"]


def test_measure():
    assert out("1..3 | measure -Sum -Average -Max -Min | % { $_.Count, $_.Sum, $_.Average, $_.Maximum, "
               "$_.Minimum, $_.Property }") == [3, 6.0, 2.0, 3.0, 1.0, None]
    assert out("1..3 | Measure-Object | % Count") == [3]
    assert out("'aa','bbb' | measure Length -Sum | % Sum") == [5.0]
    e = err("'a',1 | measure -Sum")
    assert e.message() == 'Input object "a" is not numeric.'
    e = err("[pscustomobject]@{a=1} | measure b")
    assert e.message() == 'The property "b" cannot be found in the input for any objects.'
    assert out("'hello world','x' | measure -Line -Word -Character | % { $_.Lines, $_.Words, $_.Characters }") \
        == [2, 3, 12]
    assert out("(1 | measure).pstypenames[0]") == ["Microsoft.PowerShell.Commands.GenericMeasureInfo"]
