"""ConvertTo-Json / ConvertFrom-Json as 5.1 (JavaScriptSerializer + its pretty printer)."""
import datetime as dt
import decimal

import pytest

from pshim.modules.utility.convert_json import convert_to_json, convert_from_json, JsonError, \
    format_double_r
from pshim.runtime.members import properties
from pshim.runtime.psobject import PSObject, Hashtable

P = PSObject.from_pairs


def test_object_indentation_51_style():
    o = P([("a", 1), ("b", [1, 2]), ("c", P([("d", "x")]))])
    assert convert_to_json([o]) == ('{\n    "a":  1,\n    "b":  [\n              1,\n              2\n'
                                    '          ],\n    "c":  {\n              "d":  "x"\n          }\n}')


def test_pipeline_of_several_objects_is_an_array():
    assert convert_to_json([1, "a"]) == '[\n    1,\n    "a"\n]'
    assert convert_to_json([P([("a", 1)]), P([("a", 2)])], compress=True) == '[{"a":1},{"a":2}]'


def test_scalar_and_compress():
    assert convert_to_json(["abc"]) == '"abc"'
    assert convert_to_json([P([("a", True), ("b", None)])], compress=True) == '{"a":true,"b":null}'


def test_javascriptserializer_escapes():
    assert convert_to_json(["<a href='x'>&\"\\\n\t\x01"]) == \
        '"\\u003ca href=\\u0027x\\u0027\\u003e\\u0026\\"\\\\\\n\\t\\u0001"'


def test_depth_truncates_to_string_text():
    h = Hashtable({"a": Hashtable({"b": Hashtable({"c": [1, 2], "d": Hashtable({"x": 1})})})})
    assert convert_to_json([h], compress=True) == '{"a":{"b":{"c":"1 2","d":"System.Collections.Hashtable"}}}'
    assert convert_to_json([h], depth=1, compress=True) == '{"a":{"b":"System.Collections.Hashtable"}}'


def test_nested_custom_object_beyond_depth_is_its_string():
    o = P([("l1", P([("l2", P([("l3", P([("x", 1)]))]))]))])
    assert convert_to_json([o], compress=True) == '{"l1":{"l2":{"l3":"@{x=1}"}}}'


def test_numbers():
    assert format_double_r(0.1) == "0.1"
    assert format_double_r(1e20) == "1E+20"
    assert format_double_r(1.0) == "1"
    assert format_double_r(1e-5) == "1E-05"
    assert convert_to_json([P([("d", decimal.Decimal("1.50")), ("f", 2.5)])], compress=True) == \
        '{"d":1.50,"f":2.5}'


def test_top_level_datetime_gets_value_and_datetime():
    d = dt.datetime(2019, 1, 4, 14, 40, 51, tzinfo=dt.timezone.utc)
    assert convert_to_json([d], compress=True) == \
        '{"value":"\\/Date(1546612851000)\\/","DateTime":"Friday, January 4, 2019 2:40:51 PM"}'


def test_empty_object_and_array():
    assert convert_to_json([P([])]) == "{\n\n}"
    assert convert_to_json([P([("a", [])])]) == '{\n    "a":  [\n\n          ]\n}'


def test_from_json_types():
    o = convert_from_json('{"a":1.5,"b":[1,2],"c":{"d":null},"big":3000000000,"s":"\\/Date(0)\\/"}')
    props = dict(properties(o))
    assert props["a"] == decimal.Decimal("1.5")
    assert props["b"] == [1, 2]
    assert properties(props["c"]) == [("d", None)]
    assert int(props["big"]) == 3000000000 and type(props["big"]).__name__ == "Int64"
    assert props["s"] == dt.datetime(1970, 1, 1)


def test_from_json_error_message():
    with pytest.raises(JsonError) as e:
        convert_from_json("{'a': nope}")
    assert str(e.value).startswith("Invalid JSON primitive")
