"""[xml] on lxml (runtime/xmldoc.py): the XML adapter's dotted navigation, System.Xml's members scripts use,
5.1's console view of documents and elements, its cast errors, Load/Save."""
from __future__ import annotations

from pshim.testing import run

CONFIG = ('<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n'
          '    <add key="Server" value="EX01" />\n    <add key="Port" value="25" />\n  </appSettings>\n'
          '  <!-- tuning -->\n  <startup><supportedRuntime version="v4.0" /></startup>\n</configuration>\n')


def ok(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def texts(r):
    return [e.message() for e in r.errors]


def test_dotted_navigation_attributes_and_arrays(tmp_path):
    (tmp_path / "web.config").write_text(CONFIG)
    out = ok(f"$x = [xml](Get-Content '{tmp_path}/web.config'); $x.configuration.appSettings.add.Count; "
             "$x.configuration.appSettings.add[1].value; $x.configuration.appSettings.add.key -join ','; "
             "$x.configuration.startup.supportedRuntime.version; $x.configuration.'#comment'; "
             "$x.configuration.appSettings.add[0].GetType().FullName; $x.GetType().FullName")
    assert out == [2, "25", "Server,Port", "v4.0", " tuning ", "System.Xml.XmlElement", "System.Xml.XmlDocument"]


def test_text_only_elements_are_strings_and_text_with_attributes_is_an_element():
    out = ok("$x = [xml]'<r><a>1</a><b id=\"7\">t</b><c/></r>'; $x.r.a; $x.r.a.GetType().Name; $x.r.b.id; "
             "$x.r.b.'#text'; $x.r.c; $x.r.c.GetType().Name")
    assert out == ["1", "String", "7", "t", "", "String"]


def test_adapted_properties_shadow_dotnet_members_case_insensitively():
    out = ok("$x = [xml]'<servers><server name=\"EX01\"><Value>v</Value></server></servers>'; "
             "$x.servers.server.Name; $x.servers.server.value; $x.servers.server.LocalName")
    assert out == ["EX01", "v", "server"]


def test_dotnet_members():
    out = ok("$x = [xml]'<r xmlns:p=\"urn:p\"><p:a k=\"1\">x<b>y</b></p:a><!--c--></r>'; $a = $x.r.FirstChild; "
             "$a.Name; $a.LocalName; $a.Prefix; $a.NamespaceURI; $a.InnerText; $a.InnerXml; $a.OuterXml; "
             "$a.GetAttribute('k'); $a.GetAttribute('none'); $a.HasAttribute('k'); $a.ParentNode.Name; "
             "$x.DocumentElement.Name; $x.r.ChildNodes.Count; $x.r.LastChild.NodeType; "
             "$x.r.ChildNodes | ForEach-Object { $_.Name }; $x.DocumentElement.OwnerDocument -eq $x")
    assert out == ["p:a", "a", "p", "urn:p", "xy", "x<b>y</b>", '<p:a k="1" xmlns:p="urn:p">x<b>y</b></p:a>', "1", "", True, "r", "r", 2, "Comment",
                   "p:a", "#comment", True]


def test_outer_xml_is_written_as_dotnet_writes_it():
    out = ok("$x = [xml]'<?xml version=\"1.0\"?><r a=\"1 &amp; 2\"><e></e><f/><g>&lt;x&gt;</g></r>'; $x.OuterXml; "
             "$x.r.InnerXml")
    assert out == ['<?xml version="1.0"?><r a="1 &amp; 2"><e /><f /><g>&lt;x&gt;</g></r>',
                   '<e /><f /><g>&lt;x&gt;</g>']


def test_select_nodes_and_select_single_node():
    out = ok("$x = [xml]'<r><s role=\"Mailbox\">EX01</s><s role=\"Edge\">EX02</s></r>'; "
             "$n = $x.SelectNodes('//s'); $n.Count; $n[1].InnerText; $n.GetType().FullName; "
             "$x.SelectSingleNode('//s[@role=\"Edge\"]').InnerText; $x.SelectSingleNode('//none') -eq $null; "
             "$x.r.SelectNodes('s/@role') | ForEach-Object { $_.Value }; "
             "($x.SelectNodes('//s/text()') | ForEach-Object { $_.Value }) -join '+'")
    assert out == [2, "EX02", "System.Xml.XPathNodeList", "EX02", True, "Mailbox", "Edge", "EX01+EX02"]


def test_namespace_manager():
    out = ok("$x = [xml]'<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T1</title></entry></feed>'; "
             "$ns = New-Object System.Xml.XmlNamespaceManager($x.NameTable); "
             "[void]$ns.AddNamespace('a', 'http://www.w3.org/2005/Atom'); "
             "$x.SelectSingleNode('//a:entry/a:title', $ns).InnerText; $x.SelectNodes('//title').Count; "
             "$x.feed.xmlns; $x.feed.entry.title")
    assert out == ["T1", 0, "http://www.w3.org/2005/Atom", "T1"]


def test_xpath_errors_are_method_invocation_exceptions():
    r = run("$x = [xml]'<r><a/></r>'; $x.SelectNodes('//a['); $x.SelectNodes('//p:a'); "
            "$x.SelectNodes('count(//a)')")
    assert texts(r) == [
        'Exception calling "SelectNodes" with "1" argument(s): "\'//a[\' has an invalid token."',
        'Exception calling "SelectNodes" with "1" argument(s): "Namespace Manager or XsltContext needed. This '
        'query has a prefix, variable, or user-defined function."',
        'Exception calling "SelectNodes" with "1" argument(s): "Expression must evaluate to a node-set."']
    assert [e.FullyQualifiedErrorId for e in r.errors] == ["XPathException"] * 3


def test_building_a_document():
    out = ok("$x = New-Object System.Xml.XmlDocument; $root = $x.CreateElement('servers'); "
             "[void]$x.AppendChild($root); $s = $x.CreateElement('server'); [void]$s.SetAttribute('name', 'EX01'); "
             "[void]$root.AppendChild($s); $t = $x.CreateElement('site'); $t.InnerText = 'HQ'; "
             "[void]$s.AppendChild($t); $x.OuterXml; $x.servers.server.site; "
             "[void]$x.servers.server.RemoveAttribute('name'); $s.OuterXml; [void]$root.RemoveChild($s); $x.OuterXml")
    assert out == ['<servers><server name="EX01"><site>HQ</site></server></servers>', "HQ",
                   "<server><site>HQ</site></server>", "<servers />"]


def test_setting_adapted_properties_and_inner_xml():
    out = ok("$x = [xml]'<r><a>1</a><b k=\"v\"/></r>'; $x.r.a = '2'; $x.r.b.k = 'w'; $x.r.OuterXml; "
             "$x.r.InnerXml = '<c>3</c>'; $x.r.c; $x.r.b -eq $null")
    assert out == ['<r><a>2</a><b k="w" /></r>', "3", True]
    r = run("$x = [xml]'<r><a k=\"1\">t</a></r>'; $x.r.a = 'new'")
    assert texts(r) == ['Exception setting "a": "Cannot set "a" because only strings can be used as values to '
                        'set XmlNode properties."']


def test_document_and_element_views():
    r = run("[xml]'<?xml version=\"1.0\" encoding=\"utf-8\"?><r><a>1</a><a>2</a><b x=\"1\"/></r>' | Out-String; "
            "([xml]'<r><a>1</a><a>2</a><b x=\"1\"/></r>').r | Out-String; "
            "([xml]'<r a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\"/>').r | Out-String")
    assert r.output == [
        '\nxml                            r\n---                            -\nversion="1.0" encoding="utf-8" r\n\n\n',
        "\na      b\n-      -\n{1, 2} b\n\n\n",
        "\n\na : 1\nb : 2\nc : 3\nd : 4\ne : 5\n\n\n\n"]


def test_string_conversion_is_the_local_name():
    assert ok("$x = [xml]'<p:r xmlns:p=\"u\"><a k=\"1\"/></p:r>'; \"$($x.r.a)\"; \"$x\"; $x.DocumentElement.ToString()") \
        == ["a", "#document", "r"]


def test_invalid_xml_cast_errors():
    r = run("[xml]'<a>'; [xml]'<a></b>'; [xml]'hello'; [xml]'<a/><b/>'; [xml]'<a x=1/>'; [xml]''")
    assert texts(r) == [
        'Cannot convert value "<a>" to type "System.Xml.XmlDocument". Error: "Unexpected end of file has '
        'occurred. The following elements are not closed: a. Line 1, position 4."',
        'Cannot convert value "<a></b>" to type "System.Xml.XmlDocument". Error: "The \'a\' start tag on line 1 '
        'position 2 does not match the end tag of \'b\'. Line 1, position 6."',
        'Cannot convert value "hello" to type "System.Xml.XmlDocument". Error: "Data at the root level is '
        'invalid. Line 1, position 1."',
        'Cannot convert value "<a/><b/>" to type "System.Xml.XmlDocument". Error: "There are multiple root '
        'elements. Line 1, position 6."',
        'Cannot convert value "<a x=1/>" to type "System.Xml.XmlDocument". Error: "\'1\' is an unexpected token. '
        'The expected token is \'"\' or \'\'\'. Line 1, position 6."',
        'Cannot convert value "" to type "System.Xml.XmlDocument". Error: "Root element is missing."']
    assert {e.FullyQualifiedErrorId for e in r.errors} == {"InvalidCastToXmlDocument"}


def test_load_xml_error_is_a_method_exception():
    r = run("$d = New-Object xml; $d.LoadXml('<a><b></a>')")
    assert texts(r) == ['Exception calling "LoadXml" with "1" argument(s): "The \'b\' start tag on line 1 position 5 '
                        'does not match the end tag of \'a\'. Line 1, position 9."']


def test_save_indents_and_writes_utf8_without_bom(tmp_path):
    (tmp_path / "in.config").write_text(CONFIG)
    ok(f"$x = New-Object xml; $x.Load('{tmp_path}/in.config'); $x.configuration.appSettings.add[1].value = '587'; "
       f"$x.Save('{tmp_path}/out.config')")
    data = (tmp_path / "out.config").read_bytes()
    assert data == (b'<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n'
                    b'    <add key="Server" value="EX01" />\n    <add key="Port" value="587" />\n'
                    b'  </appSettings>\n  <!-- tuning -->\n  <startup>\n    <supportedRuntime version="v4.0" />\n'
                    b'  </startup>\n</configuration>')


def test_preserve_whitespace_keeps_the_layout(tmp_path):
    (tmp_path / "in.xml").write_text("<r>\n\t<a>1</a>\n</r>")
    ok(f"$x = New-Object xml; $x.PreserveWhitespace = $true; $x.Load('{tmp_path}/in.xml'); "
       f"$x.r.a = '2'; $x.Save('{tmp_path}/out.xml')")
    assert (tmp_path / "out.xml").read_text() == "<r>\n\t<a>2</a>\n</r>"


def test_save_in_the_declared_encoding(tmp_path):
    ok(f"$x = [xml]'<?xml version=\"1.0\" encoding=\"utf-16\"?><r>é</r>'; $x.Save('{tmp_path}/u16.xml')")
    data = (tmp_path / "u16.xml").read_bytes()
    assert data[:2] == b"\xff\xfe" and data.decode("utf-16") == '<?xml version="1.0" encoding="utf-16"?>\n<r>é</r>'


def test_load_missing_file():
    r = run("$x = New-Object xml; $x.Load('/no/such/dir/file.xml')")
    assert texts(r) == ['Exception calling "Load" with "1" argument(s): "Could not find file '
                        '\'/no/such/dir/file.xml\'."']


def test_strict_mode_missing_property_and_type_tests():
    out = ok("$x = [xml]'<r><a/></r>'; $x -is [xml]; $x.r -is [System.Xml.XmlElement]; "
             "$x.r -is [System.Xml.XmlNode]; @($x.r.psobject.TypeNames)[0]")
    assert out == [True, True, True, "System.Xml.XmlElement"]


def test_cast_of_null_of_a_document_and_of_lines():
    out = ok("([xml]$null) -eq $null; $d = [xml]'<a/>'; $d.a = 'x'; ([xml]$d).OuterXml; "
             "([xml]@('<a>', '  <b>1</b>', '</a>')).a.b")
    assert out == [True, "<a>x</a>", "1"]
    r = run("[xml]@('<a>', '<b>')")
    assert [e.message() for e in r.errors] == [
        'Cannot convert value "System.Object[]" to type "System.Xml.XmlDocument". Error: "Unexpected end of file has '
        'occurred. The following elements are not closed: b, a. Line 2, position 4."']


def test_string_indexer_and_attribute_collection():
    out = ok("$x = [xml]'<r><a k=\"1\">t</a></r>'; $x['r']['a'].InnerText; $x['r']['none'] -eq $null; "
             "$at = $x.CreateAttribute('n'); $at.Value = 'v'; [void]$x.r.a.Attributes.Append($at); $x.OuterXml; "
             "$x.r.a.Attributes['k'].Value; $x.r.a.Attributes.Count; $x.r.a.Attributes.Item(1).Name; "
             "[void]$x.r.a.Attributes.RemoveNamedItem('k'); $x.OuterXml; $x.SelectNodes('//a').Item(0).Name")
    assert out == ["t", True, '<r><a k="1" n="v">t</a></r>', "1", 2, "n", '<r><a n="v">t</a></r>', "a"]


def test_internal_entities_are_expanded_and_external_ones_never_read():
    out = ok("$x = [xml]'<!DOCTYPE r [<!ENTITY e \"ee\">]><r>a&e;b</r>'; $x.r")
    assert out == ["aeeb"]
    r = run("[xml]'<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hostname\">]><r>&x;</r>'")
    assert r.output == [] and len(r.errors) == 1
    assert r.errors[0].FullyQualifiedErrorId == "InvalidCastToXmlDocument"
