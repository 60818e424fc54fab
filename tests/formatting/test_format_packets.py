"""Format-Table/-List/-Wide packets rendered by Out-String (pure functions)."""
from pshim.formatting.expressions import parse_property_list
from pshim.formatting.formatter import FormatParams
from pshim.formatting.out_default import format_packets, render_text, render_lines
from pshim.runtime.psobject import PSObject

P = PSObject.from_pairs


def ft(objs, **kw):
    props = kw.pop("properties", None)
    group = kw.pop("group_by", None)
    p = FormatParams(properties=parse_property_list(props) if props else None,
                     group_by=parse_property_list(group)[0] if group else None, **kw)
    return render_text(format_packets(objs, "table", p))


def test_format_table_same_as_default_for_small_objects():
    o = P([("a", "abc"), ("b", 123)])
    assert ft([o]) == "\na     b\n-     -\nabc 123\n\n\n"


def test_format_table_property_subset_and_missing_property_column():
    o = P([("a", 1), ("b", 2), ("c", 3)])
    assert ft([o], properties=["c", "nope"]) == "\nc nope\n- ----\n3     \n\n\n"


def test_format_table_calculated_property_label_width_alignment():
    o = P([("a", "x")])
    text = ft([o], properties=[{"Label": "L", "Expression": "a", "Width": 4, "Alignment": "Right"}])
    assert text == "\n   L\n   -\n   x\n\n\n"


def test_hide_table_headers():
    o = P([("a", 1), ("b", 2)])
    assert ft([o], hide_header=True) == "\n1 2\n\n\n"


def test_format_table_string_input_is_out_of_band():
    assert ft(["abc"]) == "abc\n"


def test_format_table_force_formats_string_as_object():
    assert ft(["abc"], force=True) == "\nLength\n------\n     3\n\n\n"


def test_group_by_writes_group_headers():
    objs = [P([("g", "x"), ("v", 1)]), P([("g", "x"), ("v", 2)]), P([("g", "y"), ("v", 3)])]
    text = ft(objs, properties=["v"], group_by=["g"])
    assert text == ("\n\n   g: x\n\nv\n-\n1\n2\n\n\n   g: y\n\nv\n-\n3\n\n\n")


def test_format_list_star_and_wide():
    o = P([("a", 1), ("bb", "x")])
    p = FormatParams(properties=parse_property_list(["*"]))
    assert render_text(format_packets([o], "list", p)) == "\n\na  : 1\nbb : x\n\n\n\n"
    words = [P([("Name", n)]) for n in ("one", "two", "three")]
    lines = render_lines(format_packets(words, "wide", FormatParams()), width=20)
    # two columns share the width 20: 10 + separator + 9, every cell padded
    assert lines == ["", "", "one" + " " * 7 + " " + "two" + " " * 6, "three" + " " * 15, "", ""]


def test_wide_columns():
    words = [P([("Name", n)]) for n in ("a", "b", "c")]
    lines = render_lines(format_packets(words, "wide", FormatParams(columns=3)), width=11)
    assert lines == ["", "", "a   b   c  ", "", ""]


def test_autosize_uses_all_rows():
    objs = [P([("a", "x"), ("b", 1)]), P([("a", "longer"), ("b", 22)])]
    assert ft(objs, auto_size=True) == "\na       b\n-       -\nx       1\nlonger 22\n\n\n"
