"""CSV text exactly as Windows PowerShell 5.1 writes and reads it."""
import pytest

from pshim.modules.utility.convert_csv import (convert_to_csv, convert_from_csv, CsvParser, CsvHeaderError,
                                               CsvReader)
from pshim.runtime.psobject import PSObject, Hashtable
from pshim.runtime.members import properties

P = PSObject.from_pairs


def test_type_line_header_and_quoted_values():
    objs = [P([("a", 1), ("b", "x")]), P([("a", 2), ("b", 'say "hi"')])]
    assert convert_to_csv(objs) == ['#TYPE System.Management.Automation.PSCustomObject', '"a","b"',
                                    '"1","x"', '"2","say ""hi"""']


def test_no_type_information_and_delimiter():
    assert convert_to_csv([P([("a", 1), ("b", 2)])], ";", True) == ['"a";"b"', '"1";"2"']


def test_null_and_missing_are_empty_without_quotes_extra_ignored():
    objs = [P([("a", 1), ("b", None), ("c", 3)]), P([("a", 4), ("c", 6), ("z", 9)])]
    assert convert_to_csv(objs, no_type_information=True) == ['"a","b","c"', '"1",,"3"', '"4",,"6"']


def test_values_are_dotnet_tostring():
    obj = P([("arr", [1, 2]), ("t", True), ("h", Hashtable({"x": 1})), ("o", P([("b", 1)])), ("d", 1.5)])
    assert convert_to_csv([obj], no_type_information=True)[1] == \
        '"System.Object[]","True","System.Collections.Hashtable","@{b=1}","1.5"'


def test_string_input_gives_length():
    assert convert_to_csv(["abc"]) == ["#TYPE System.String", '"Length"', '"3"']


def test_hashtable_in_51_serializes_the_dictionary_itself():
    assert convert_to_csv([Hashtable({"Name": "x"})]) == [
        "#TYPE System.Collections.Hashtable",
        '"IsReadOnly","IsFixedSize","IsSynchronized","Keys","Values","SyncRoot","Count"',
        '"False","False","False","System.Collections.Hashtable+KeyCollection",'
        '"System.Collections.Hashtable+ValueCollection","System.Object","1"']


def test_selected_type_name_and_csv_prefix_removed():
    o = P([("a", 1)], type_names=["Selected.System.Diagnostics.Process", "System.Object"])
    assert convert_to_csv([o])[0] == "#TYPE Selected.System.Diagnostics.Process"
    o2 = P([("a", 1)], type_names=["CSV:Foo", "System.Object"])
    assert convert_to_csv([o2])[0] == "#TYPE Foo"


def test_null_input_skipped():
    assert convert_to_csv([None, P([("a", 1)])], no_type_information=True) == ['"a"', '"1"']


def test_from_csv_roundtrip_strings_and_type():
    objs = convert_from_csv('#TYPE Foo.Bar\n"a","b"\n"1","x,y"\n"2",\n')
    assert [o.type_names for o in objs] == [["Foo.Bar", "CSV:Foo.Bar"]] * 2
    assert properties(objs[0]) == [("a", "1"), ("b", "x,y")]
    assert properties(objs[1]) == [("a", "2"), ("b", "")]


def test_from_csv_quotes_newlines_and_escapes():
    objs = convert_from_csv('a,b\n"multi\nline","q""uote"\n')
    assert properties(objs[0]) == [("a", "multi\nline"), ("b", 'q"uote')]


def test_from_csv_blanks_around_fields_and_short_rows():
    objs = convert_from_csv('a,b,c\n  x , "y"  ,z\n\n1\n')
    assert properties(objs[0]) == [("a", "x "), ("b", "y"), ("c", "z")]
    assert properties(objs[1]) == [("a", "1"), ("b", None), ("c", None)]


def test_text_after_closing_quote_kept():
    assert CsvReader('"ab"cd,e').record() == ["abcd", "e"]
    assert CsvReader('ab"cd",e').record() == ['ab"cd"', "e"]


def test_missing_headers_become_h_names():
    p = CsvParser(",")
    objs = p.parse("a,,c\n1,2,3\n")
    assert [n for n, _ in properties(objs[0])] == ["a", "H2", "c"]
    assert p.needs_warning


def test_duplicate_header_is_error():
    with pytest.raises(CsvHeaderError) as e:
        convert_from_csv("a,A\n1,2\n")
    assert str(e.value) == 'The member "A" is already present.'


def test_comment_lines_and_fields_header():
    objs = convert_from_csv("#comment\n#Fields: x,y\n1,2\n")
    assert properties(objs[0]) == [("x", "1"), ("y", "2")]


def test_explicit_header_keeps_across_pieces():
    p = CsvParser(",", ["n", "v"])
    a = p.parse("1,2")
    b = p.parse("3,4")
    assert properties(a[0]) == [("n", "1"), ("v", "2")]
    assert properties(b[0]) == [("n", "3"), ("v", "4")]
