"""Golden texts of 5.1's default formatting (Out-String of objects), LF line ends."""
import datetime as dt

from pshim.formatting.dictionary_entry import DictionaryEntry
from pshim.formatting.out_default import render_text, render_lines
from pshim.formatting.values import cell_text
from pshim.runtime.psobject import PSObject, Hashtable, DotNetObject

P = PSObject.from_pairs


def test_table_string_then_number_pads_last_column():
    assert render_text([P([("a", "abc"), ("b", 123)])]) == "\na     b\n-     -\nabc 123\n\n\n"


def test_table_number_first_is_right_aligned():
    assert render_text([P([("a", 123), ("b", "abc")])]) == "\n  a b  \n  - -  \n123 abc\n\n\n"


def test_list_of_one_object_has_two_blank_lines_before_and_three_after():
    obj = P([("testName", "testValue"), ("b", 1), ("c", 2), ("d", 3), ("e", 4)])
    assert render_text([obj]) == ("\n\ntestName : testValue\nb        : 1\nc        : 2\n"
                                  "d        : 3\ne        : 4\n\n\n\n")


def test_list_of_two_objects_one_blank_line_between():
    a = P([(k, 1) for k in "abcde"])
    b = P([(k, 2) for k in "abcde"])
    text = render_text([a, b])
    assert text == ("\n\n" + "".join(f"{k} : 1\n" for k in "abcde") + "\n"
                    + "".join(f"{k} : 2\n" for k in "abcde") + "\n\n\n")


def test_scalars_one_per_line_no_blank_lines():
    assert render_text(["x", 1, 2.5, True, None]) == "x\n1\n2.5\nTrue\n"


def test_scalar_inside_table_is_out_of_band():
    assert render_text([P([("a", 1)]), 2, P([("a", 3)])]) == "\na\n-\n1\n2\n3\n\n\n"


def test_later_custom_object_with_other_properties_joins_first_table():
    # the 5.1 "missing columns" behaviour: same type, first object's columns
    assert render_text([P([("a", "x")]), P([("b", "y")])]) == "\na\n-\nx\n \n\n\n"


def test_object_of_other_type_than_registered_view_goes_out_of_band_as_list():
    from pshim.formatting.views import register_view, unregister_views, TableView, Column

    class Thing(DotNetObject):
        ps_type_names = ("Test.Thing", "System.Object")
        ps_properties = ("Name",)

        def __init__(self, n):
            self.Name = n

    register_view("Test.Thing", TableView([Column("Name", width=6)]))
    try:
        text = render_text([Thing("one"), P([("z", 1)]), Thing("two")])
    finally:
        unregister_views("Test.Thing")
    assert text == "\nName  \n----  \none   \n\nz : 1\n\ntwo   \n\n\n"


def test_hashtable_shows_name_value_table_of_width_30():
    lines = render_lines([Hashtable({"a": 1, "bb": "x"})], width=120)
    assert lines[0] == ""
    assert lines[1] == "Name" + " " * 27 + "Value" + " " * 84
    assert lines[2] == "----" + " " * 27 + "-----" + " " * 84
    assert lines[3].rstrip() == "a                              1"
    assert len(lines[3]) == 120
    assert lines[-2:] == ["", ""]


def test_long_value_is_cut_with_three_dots_at_width():
    obj = P([("a", "x" * 200)])
    lines = render_lines([obj], width=20)
    assert lines[1:4] == ["a" + " " * 19, "-" + " " * 19, "x" * 17 + "..."]


def test_right_aligned_value_loses_its_head():
    lines = render_lines([P([("n", 1)]), P([("n", 123456789012345)])], width=10)
    assert lines[1:5] == [" " * 9 + "n", " " * 9 + "-", " " * 9 + "1", "...9012345"]


def test_newline_in_cell_is_cut_with_dots():
    lines = render_lines([P([("a", "line1\nline2"), ("b", 1)])])
    # the width is measured on the whole value (11 cells), as 5.1 does
    assert lines[3] == "line1...    1"


def test_collection_cell_limited_to_four():
    assert cell_text([1, 2, 3, 4, 5]) == "{1, 2, 3, 4...}"
    assert cell_text([1, 2]) == "{1, 2}"
    assert cell_text([]) == "{}"
    assert cell_text(["a", None]) == "{a, $null}"
    assert cell_text([1, 2, 3], limit=-1) == "{1, 2, 3}"
    assert cell_text(Hashtable({"k1": 1, "k2": 2})) == "{k1, k2}"
    assert cell_text([P([("a", 1), ("b", 2)])]) == "{@{a=1; b=2}}"


def test_dictionary_entry_named_by_key():
    assert cell_text([DictionaryEntry("k", 1)]) == "{k}"


def test_datetime_custom_view():
    d = dt.datetime(2019, 1, 4, 14, 40, 51)
    assert render_text([d]) == "\nFriday, January 4, 2019 2:40:51 PM\n\n\n"


def test_empty_list_value_keeps_separator_space():
    obj = P([("Count", 3), ("Average", None), ("Sum", 6), ("Maximum", None), ("Minimum", None),
             ("Property", None)])
    assert render_text([obj]) == ("\n\nCount    : 3\nAverage  : \nSum      : 6\nMaximum  : \n"
                                  "Minimum  : \nProperty : \n\n\n\n")


def test_multiline_list_value_indented():
    obj = P([("a", "x\ny"), ("bb", 1), ("c", 1), ("d", 1), ("e", 1)])
    lines = render_lines([obj])
    assert lines[2:4] == ["a  : x", "     y"]


def test_group_info_view():
    class GroupInfo(DotNetObject):
        ps_type_names = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
        ps_properties = ("Count", "Name", "Group", "Values")

        def __init__(self, name, group):
            self.Count = len(group)
            self.Name = name
            self.Group = group
            self.Values = [name]

    lines = render_lines([GroupInfo("a", ["a", "a"]), GroupInfo("b", ["b"])], width=80)
    assert [x.rstrip() for x in lines] == [
        "", "Count Name                      Group", "----- ----                      -----",
        "    2 a                         {a, a}", "    1 b                         {b}", "", ""]
    assert all(len(x) == 80 for x in lines if x)


def test_ten_column_limit_for_generated_tables_only_with_format_table():
    # default formatting of >4 properties is a list
    obj = P([(f"p{i}", i) for i in range(12)])
    assert render_lines([obj])[:3] == ["", "", "p0  : 0"]
