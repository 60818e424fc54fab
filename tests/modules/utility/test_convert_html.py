"""ConvertTo-Html output as 5.1 writes it, and well-formed XHTML."""
from lxml import etree

from pshim.formatting.expressions import parse_property_list
from pshim.modules.utility.convert_html import convert_to_html, html_encode
from pshim.runtime.psobject import PSObject

P = PSObject.from_pairs


def test_page_exact_lines():
    o = P([("Name", "John Doe"), ("Age", 42), ("Friends", ["Jack", "Jill"])])
    assert convert_to_html([o]) == [
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
        '<html xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        "<title>HTML TABLE</title>",
        "</head><body>",
        "<table>",
        "<colgroup><col/><col/><col/></colgroup>",
        "<tr><th>Name</th><th>Age</th><th>Friends</th></tr>",
        "<tr><td>John Doe</td><td>42</td><td>System.Object[]</td></tr>",
        "</table>",
        "</body></html>",
    ]


def test_values_encoded_and_page_parses_as_xhtml():
    o = P([("a", "<script>alert('x') & \"y\"</script>"), ("b", "caf\u00e9")])
    lines = convert_to_html([o, P([("a", None), ("b", 1)])], title="T", css_uri="s.css",
                            pre_content=["<p>pre</p>"], post_content=["<p>post</p>"])
    assert "<tr><td>&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;</td>" \
           "<td>caf&#233;</td></tr>" in lines
    assert "<tr><td></td><td>1</td></tr>" in lines
    assert '<link rel="stylesheet" type="text/css" href="s.css" />' in lines
    parser = etree.XMLParser(load_dtd=False, no_network=True, resolve_entities=False)
    root = etree.fromstring("\n".join(lines).encode(), parser)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert root.xpath("string(//h:title)", namespaces=ns) == "T"
    assert root.xpath("//h:td/text()", namespaces=ns)[0] == "<script>alert('x') & \"y\"</script>"
    assert not root.xpath("//h:script", namespaces=ns)


def test_fragment_list_and_head_replaces_title():
    objs = [P([("a", 1), ("b", 2)]), P([("a", 3), ("b", 4)])]
    assert convert_to_html(objs, fragment=True, as_list=True) == [
        "<table>", "<tr><td>a:</td><td>1</td></tr>", "<tr><td>b:</td><td>2</td></tr>",
        "<tr><td><hr></td></tr>", "<tr><td>a:</td><td>3</td></tr>", "<tr><td>b:</td><td>4</td></tr>",
        "</table>"]
    page = convert_to_html([], head=["<style>x</style>"])
    assert page[3] == "<style>x</style>" and "<title>" not in "".join(page)
    assert page[-3:] == ["<table>", "</table>", "</body></html>"]


def test_property_selection_and_col_attributes():
    specs = parse_property_list(["b", {"Label": "A", "Expression": "a", "Width": 10}], (
        "Expression", "Label", "Name", "Width", "Alignment"))
    lines = convert_to_html([P([("a", 1), ("b", 2)])], specs=specs, fragment=True)
    assert lines[1] == '<colgroup><col/><col width = "10"/></colgroup>'
    assert lines[2] == "<tr><th>b</th><th>A</th></tr>"
    assert lines[3] == "<tr><td>2</td><td>1</td></tr>"


def test_html_encode():
    assert html_encode("a\u00a0b") == "a&#160;b"
