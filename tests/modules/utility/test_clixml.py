"""CLIXML written and read back."""
import decimal

from pshim.modules.utility.clixml import to_clixml, from_clixml, to_xml_string
from pshim.runtime.members import properties
from pshim.runtime.psobject import PSObject, Hashtable

P = PSObject.from_pairs


def test_custom_object_clixml_text():
    assert to_clixml([P([("a", "x"), ("b", 1)])]) == (
        '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">\n'
        '  <Obj RefId="0">\n'
        '    <TN RefId="0">\n'
        '      <T>System.Management.Automation.PSCustomObject</T>\n'
        '      <T>System.Object</T>\n'
        '    </TN>\n'
        '    <MS>\n'
        '      <S N="a">x</S>\n'
        '      <I32 N="b">1</I32>\n'
        '    </MS>\n'
        '  </Obj>\n'
        '</Objs>')


def test_roundtrip():
    objs = [P([("a", "x<y"), ("n", None), ("l", [1, "two"]), ("h", Hashtable({"k": 1.5})),
               ("d", decimal.Decimal("2.5")), ("t", True)]), "plain", 42]
    back = from_clixml(to_clixml(objs))
    assert back[1:] == ["plain", 42]
    o = back[0]
    assert o.type_names[0] == "Deserialized.System.Management.Automation.PSCustomObject"
    props = dict(properties(o))
    assert props["a"] == "x<y" and props["n"] is None and props["l"] == [1, "two"]
    assert props["h"]["k"] == 1.5 and props["d"] == decimal.Decimal("2.5") and props["t"] is True


def test_second_object_uses_tnref():
    text = to_clixml([P([("a", 1)]), P([("a", 2)])])
    assert '<TNRef RefId="0" />' in text


def test_convert_to_xml_string():
    assert to_xml_string([P([("a", 1), ("b", None)])]) == (
        '<?xml version="1.0" encoding="utf-8"?>\n<Objects>\n'
        '  <Object Type="System.Management.Automation.PSCustomObject">\n'
        '    <Property Name="a" Type="System.Int32">1</Property>\n'
        '    <Property Name="b" />\n  </Object>\n</Objects>')


def test_convertto_xml_depth_and_no_type_information():
    from pshim.testing import run
    r = run("$o = [pscustomobject]@{a=[pscustomobject]@{b=1}; n=1,2}; "
            "$o | ConvertTo-Xml -As String; $o | ConvertTo-Xml -As String -Depth 2 -NoTypeInformation")
    shallow, deep = r.output
    assert '<Property Name="a" Type="System.Management.Automation.PSCustomObject">@{b=1}</Property>' in shallow
    assert "Type=" not in deep
    assert '<Property Name="a">\n      <Property Name="b">1</Property>\n    </Property>' in deep
    assert '<Property Name="n">\n      <Property>1</Property>\n      <Property>2</Property>' in deep
