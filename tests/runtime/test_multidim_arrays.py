"""Multi-dimensional arrays as Windows PowerShell 5.1 has them: `[int[,]]`, `New-Object 'int[,]' 2,3`,
`[int[,]]::new(2,3)`, `$a[1,2]` (one element), `$a[1,2] = 5` (converted to the element type), the rank
members, row-major enumeration, and .NET's limit of 32 dimensions."""
import pytest

from pshim.testing import run


def out(script):
    r = run(script)
    assert not r.errors, r.error_text
    return [str(x) if not isinstance(x, bool) else x for x in r.output]


def err(script):
    r = run(script)
    assert r.errors, r.output
    e = r.errors[0]
    return e.FullyQualifiedErrorId, e.Exception.Message


# -- type names

@pytest.mark.parametrize("literal, full", [
    ("[int[,]]", "System.Int32[,]"),
    ("[string[,,]]", "System.String[,,]"),
    ("[object[,]]", "System.Object[,]"),
    ("[System.Int64[ , ]]", "System.Int64[,]"),
])
def test_type_literal_resolves(literal, full):
    assert out(f"{literal}.ToString()") == [full]


def test_unknown_element_type_is_type_not_found():
    fqid, msg = err("[nosuchtype[,]]")
    assert fqid == "TypeNotFound"
    assert msg == "Unable to find type [nosuchtype[,]]."


def test_rank_32_is_the_limit():
    assert out("([int[" + "," * 31 + "]]).ToString()") == ["System.Int32[" + "," * 31 + "]"]
    fqid, msg = err("[int[" + "," * 32 + "]]")
    assert fqid == "System.TypeLoadException"
    assert msg == ("'System.Int32[" + "," * 32 + "]' from assembly 'mscorlib, Version=4.0.0.0, Culture=neutral, "
                   "PublicKeyToken=b77a5c561934e089' has too many dimensions.")


# -- construction

def test_new_object_and_new_default_elements():
    assert out("$a = New-Object 'int[,]' 2,3; $a.GetType().Name; $a.GetType().FullName; $a.Length") == \
        ["Int32[,]", "System.Int32[,]", "6"]
    assert out("$a = [int[,]]::new(2,3); $a[1,2]; $a.Rank") == ["0", "2"]
    assert out("$s = [string[,]]::new(1,2); $null -eq $s[0,1]") == [True]
    assert out("$o = New-Object 'object[,,]' 1,2,2; $o.Length; $null -eq $o[0,1,1]") == ["4", True]
    assert out("[bool[,]]::new(1,1)[0,0]; [double[,]]::new(1,1)[0,0].GetType().Name") == [False, "Double"]


def test_constructor_argument_count_and_negative_length():
    fqid, msg = err("New-Object 'int[,]' 2")
    assert fqid == "ConstructorInvokedThrowException,Microsoft.PowerShell.Commands.NewObjectCommand"
    assert msg == 'Cannot find an overload for "Int32[,]" and the argument count: "1".'
    fqid, msg = err("[int[,]]::new(2)")
    assert msg == 'Cannot find an overload for "new" and the argument count: "1".'
    fqid, msg = err("[int[,]]::new(-1,2)")
    assert "Arithmetic operation resulted in an overflow." in msg


# -- indexing

def test_index_reads_and_writes_one_element():
    assert out("$a = New-Object 'int[,]' 2,3; $a[1,2] = 5; $a[0,1] = 4; $a[1,2]; $a[0,1]; $a[-1,-1]") == \
        ["5", "4", "5"]


def test_assignment_converts_to_the_element_type():
    assert out("$a = [int[,]]::new(2,2); $a[0,0] = '7'; $a[0,0].GetType().Name; $a[0,0] + 1") == \
        ["Int32", "8"]
    fqid, msg = err("$a = [int[,]]::new(2,2); $a[0,0] = 'abc'")
    assert msg == 'Cannot convert value "abc" to type "System.Int32". Error: "Input string was not in a correct format."'


def test_compound_assignment():
    assert out("$a = [int[,]]::new(2,2); $a[1,0] = 3; $a[1,0] += 4; $a[1,0]") == ["7"]


def test_read_out_of_range_is_null_and_write_is_index_out_of_range():
    assert out("$a = [int[,]]::new(2,2); $null -eq $a[5,5]") == [True]
    r = run("$a = [int[,]]::new(2,2); $a[5,5] = 1")
    e = r.errors[0]
    assert e.FullyQualifiedErrorId == "System.IndexOutOfRangeException"
    assert e.Exception.Message == "Index was outside the bounds of the array."
    assert "OperationStopped" in r.error_text and "IndexOutOfRangeException" in r.error_text


def test_slice_of_index_vectors_drops_those_out_of_range():
    assert out("$a = [int[,]]::new(2,2); $a[0,0] = 1; $a[1,1] = 4; $a[(0,0),(1,1),(7,7)]") == ["1", "4"]


def test_wrong_number_of_indices():
    fqid, _ = err("$a = [int[,]]::new(2,2); $a[0]")
    assert fqid == "NeedMultidimensionalIndex"
    fqid, _ = err("$a = [int[,]]::new(2,2); $a[0,1,1]")
    assert fqid == "NeedMultidimensionalIndex"
    fqid, _ = err("$a = [int[,]]::new(2,2); $a[0] = 1")
    assert fqid == "NeedMultidimensionalIndex"


# -- members

def test_rank_length_bounds():
    assert out("$a = [int[,,]]::new(2,3,4); $a.Rank; $a.Length; $a.Count; $a.GetLength(0); $a.GetLength(2); "
               "$a.GetUpperBound(1); $a.GetLowerBound(2)") == ["3", "24", "24", "2", "4", "2", "0"]
    fqid, msg = err("$a = [int[,]]::new(2,2); $a.GetLength(2)")
    assert msg == 'Exception calling "GetLength" with "1" argument(s): "Index was outside the bounds of the array."'


def test_get_value_set_value_clone():
    assert out("$a = [int[,]]::new(2,2); $a.SetValue('9', 1, 0); $a.GetValue(1,0); $a[1,0].GetType().Name; "
               "$c = $a.Clone(); $c[1,0] = 1; $a[1,0]; $c.GetType().Name") == ["9", "Int32", "9", "Int32[,]"]


def test_is_and_type():
    assert out("$a = [int[,]]::new(1,1); $a -is [int[,]]; $a -is [array]; $a -is [int[]]; $a -is [int[,,]]; "
               "$a -is [object[,]]") == [True, True, False, False, False]
    assert out("[string[,]]::new(1,1) -is [object[,]]") == [True]
    assert out("$t = ([int[,]]::new(1,1)).GetType(); $t.BaseType.FullName; $t.IsArray") == ["System.Array", True]


# -- enumeration

def test_enumeration_is_row_major():
    script = "$a = [int[,]]::new(2,3); $n = 0; foreach ($i in 0..1) { foreach ($j in 0..2) { $a[$i,$j] = $n++ } }; "
    assert out(script + "foreach ($e in $a) { $e }") == ["0", "1", "2", "3", "4", "5"]
    assert out(script + "$a | ForEach-Object { $_ * 10 }") == ["0", "10", "20", "30", "40", "50"]
    assert out(script + '"$a"') == ["0 1 2 3 4 5"]
    assert out(script + "[string]($a | Measure-Object -Sum).Sum; @($a).Count") == ["15", "6"]
