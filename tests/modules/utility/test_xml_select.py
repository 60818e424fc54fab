"""Select-Xml (modules/utility/select_xml.py) and ConvertTo-Xml -As/-Depth/-NoTypeInformation, with 5.1's
objects, views, texts and errors."""
from __future__ import annotations

import pytest

from pshim.testing import run

BOOKS = ('<?xml version="1.0" encoding="utf-8"?>\n<Book>\n  <projects>\n    <project name="Book1">\n'
         '      <editions>\n        <edition language="English">En.Book1.com</edition>\n'
         '        <edition language="German">Ge.Book1.Com</edition>\n      </editions>\n    </project>\n'
         '  </projects>\n</Book>\n')
ATOM = '<feed xmlns="http://www.w3.org/2005/Atom"><title>News</title><entry><title>E1</title></entry></feed>'


def ok(script):
    r = run(script)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


@pytest.fixture
def books(tmp_path):
    p = tmp_path / "books.xml"
    p.write_text(BOOKS)
    return p


def test_content_xml_and_pipeline_inputs(books):
    out = ok(f"$s = Get-Content -Raw '{books}'; Select-Xml -Content $s -XPath '//edition' | "
             "ForEach-Object { $_.Node.InnerXml }; $s | Select-Xml -XPath '//edition/@language' | "
             "ForEach-Object { $_.Node.Value }; [xml]$d = $s; Select-Xml -Xml $d -XPath '//project' | "
             "ForEach-Object { $_.Node.name }; $d | Select-Xml -XPath '/Book/projects' | "
             "ForEach-Object { $_.Path }")
    assert out == ["En.Book1.com", "Ge.Book1.Com", "English", "German", "Book1", "InputStream"]


def test_select_xml_info_members_and_text(books):
    out = ok(f"$r = @(Select-Xml -Path '{books}' -XPath '//edition'); $r.Count; $r[0].GetType().FullName; "
             "$r[0].Pattern; $r[0].Path -eq (Resolve-Path -LiteralPath "
             f"'{books}').Path; $r[0].Node.GetType().FullName; \"$($r[1])\"; "
             "(Select-Xml -Content '<a><b> x </b></a>' -XPath '//b').ToString(); "
             "\"$(Select-Xml -Content '<a k=\"v\"/>' -XPath '//@k')\"")
    assert out == [2, "Microsoft.PowerShell.Commands.SelectXmlInfo", "//edition", True, "System.Xml.XmlElement",
                   f"Ge.Book1.Com:{books}", "x", "v"]


def test_default_view_is_a_table_of_node_path_pattern():
    r = run("'<a><b>1</b><c k=\"2\"/></a>' | Select-Xml -XPath '//b|//c/@k' | Out-String")
    assert r.output == ["\nNode Path        Pattern   \n---- ----        -------   \nb    InputStream //b|//c/@k\n"
                        "k    InputStream //b|//c/@k\n\n\n"]


def test_path_wildcards_literal_path_and_piped_files(tmp_path):
    (tmp_path / "a.xml").write_text("<r><n>1</n></r>")
    (tmp_path / "b.xml").write_text("<r><n>2</n></r>")
    (tmp_path / "c[1].xml").write_text("<r><n>3</n></r>")
    out = ok(f"(Select-Xml -Path '{tmp_path}/?.xml' -XPath '//n' | ForEach-Object {{ $_.Node.InnerText }}) -join ','; "
             f"(Select-Xml -LiteralPath '{tmp_path}/c[1].xml' -XPath '//n').Node.InnerText; "
             f"(Get-ChildItem '{tmp_path}' -Filter b.xml | Select-Xml -XPath '//n').Node.InnerText")
    assert out == ["1,2", "3", "2"]


def test_namespace_hashtable():
    out = ok(f"$f = '{ATOM}'; Select-Xml -Content $f -XPath '//a:title' -Namespace @{{a='http://www.w3.org/2005/Atom'}} "
             "| ForEach-Object { $_.Node.InnerText }; @(Select-Xml -Content $f -XPath '//title').Count")
    assert out == ["News", "E1", 0]


def test_missing_path_stops_the_command(tmp_path):
    r = run(f"Select-Xml -Path '{tmp_path}/nope.xml' -XPath '//a'; 'after'")
    assert r.output == ["after"]
    (e,) = r.errors
    assert e.message() == f"Cannot find path '{tmp_path}/nope.xml' because it does not exist."
    assert e.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.SelectXmlCommand"
    assert e.CategoryInfo.Category == "ObjectNotFound"


def test_unreadable_or_malformed_files_are_reported_and_skipped(tmp_path):
    (tmp_path / "bad.xml").write_text("<a><b>1</b>")
    (tmp_path / "good.xml").write_text("<a><b>2</b></a>")
    r = run(f"Select-Xml -Path '{tmp_path}/bad.xml', '{tmp_path}/good.xml' -XPath '//b' | "
            f"ForEach-Object {{ $_.Node.InnerText }}; Select-Xml -LiteralPath '{tmp_path}/none.xml' -XPath '//b'")
    assert r.output == ["2"]
    assert [e.message() for e in r.errors] == [
        f"The file '{tmp_path}/bad.xml' cannot be read: Unexpected end of file has occurred. The following "
        "elements are not closed: a. Line 1, position 12.",
        f"The file '{tmp_path}/none.xml' cannot be read: Could not find file '{tmp_path}/none.xml'."]
    assert {e.FullyQualifiedErrorId for e in r.errors} == {"ProcessingFile,Microsoft.PowerShell.Commands.SelectXmlCommand"}
    assert {e.CategoryInfo.Category for e in r.errors} == {"InvalidArgument"}


def test_content_that_is_not_xml():
    r = run("'<a>', '<b>1</b>' | Select-Xml -XPath '//b' | ForEach-Object { $_.Node.InnerText }")
    assert r.output == ["1"]
    assert [e.message() for e in r.errors] == [
        'Cannot convert value "<a>" to type "System.Xml.XmlDocument". Error: "Unexpected end of file has occurred. '
        'The following elements are not closed: a. Line 1, position 4."']
    assert r.errors[0].FullyQualifiedErrorId == "InvalidCastToXmlDocument,Microsoft.PowerShell.Commands.SelectXmlCommand"


def test_bad_xpath_and_undefined_prefix_stop_the_command():
    r = run("Select-Xml -Content '<a/>' -XPath '//a['; 'after'; Select-Xml -Content '<a/>' -XPath '//p:a'")
    assert r.output == ["after"]
    assert [e.message() for e in r.errors] == [
        "'//a[' has an invalid token.",
        "Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function."]
    assert {e.FullyQualifiedErrorId for e in r.errors} == {
        "System.Xml.XPath.XPathException,Microsoft.PowerShell.Commands.SelectXmlCommand"}
    r = run("Select-Xml -Content '<a/>' -XPath '//q:a' -Namespace @{p='urn:p'}")
    assert [e.message() for e in r.errors] == ["Namespace prefix 'q' is not defined."]


def test_binding_errors_and_command_info():
    r = run("Select-Xml -XPath '//a' -Xml 'text'")
    assert "Cannot convert" in r.errors[0].message() and "System.Xml.XmlNode" in r.errors[0].message()
    out = ok("(Get-Command Select-Xml).Source; (Get-Command Select-Xml).ParameterSets.Count")
    assert out[0] == "Microsoft.PowerShell.Utility"


# ---------------------------------------------------------------------------
# ConvertTo-Xml

def test_convert_to_xml_document_is_an_xml_object():
    out = ok("$d = [pscustomobject]@{Name='EX01'; Port=25} | ConvertTo-Xml; $d.GetType().FullName; "
             "$d.Objects.Object.Type; $d.Objects.Object.Property | ForEach-Object { $_.Name + '=' + $_.'#text' }; "
             "$d.OuterXml")
    assert out == ["System.Xml.XmlDocument", "System.Management.Automation.PSCustomObject", "Name=EX01", "Port=25",
                   '<?xml version="1.0" encoding="utf-8"?><Objects><Object Type="System.Management.Automation.'
                   'PSCustomObject"><Property Name="Name" Type="System.String">EX01</Property><Property Name="Port" '
                   'Type="System.Int32">25</Property></Object></Objects>']


def test_convert_to_xml_document_view():
    r = run("1 | ConvertTo-Xml | Out-String")
    assert r.output == ['\nxml                            Objects\n---                            -------\n'
                        'version="1.0" encoding="utf-8" Objects\n\n\n']


def test_convert_to_xml_stream_writes_pieces_as_they_come():
    out = ok("1, 'two', $null | ConvertTo-Xml -As Stream")
    assert out == ['<?xml version="1.0" encoding="utf-8"?>', "<Objects>", '<Object Type="System.Int32">1</Object>',
                   '<Object Type="System.String">two</Object>', "<Object />", "</Objects>"]
    out = ok("[pscustomobject]@{a=1} | ConvertTo-Xml -As Stream -NoTypeInformation")
    assert out[2] == '<Object>\n  <Property Name="a">1</Property>\n</Object>'


def test_convert_to_xml_string_depth_and_no_type_information():
    out = ok("$o = [pscustomobject]@{a=[pscustomobject]@{b=1}}; $o | ConvertTo-Xml -As String -NoTypeInformation; "
             "$o | ConvertTo-Xml -As String -Depth 2 -NoTypeInformation")
    assert out == ['<?xml version="1.0" encoding="utf-8"?>\n<Objects>\n  <Object>\n'
                   '    <Property Name="a">@{b=1}</Property>\n  </Object>\n</Objects>',
                   '<?xml version="1.0" encoding="utf-8"?>\n<Objects>\n  <Object>\n    <Property Name="a">\n'
                   '      <Property Name="b">1</Property>\n    </Property>\n  </Object>\n</Objects>']


def test_convert_to_xml_parameter_validation():
    r = run("1 | ConvertTo-Xml -As Text")
    assert "Cannot validate argument on parameter 'As'" in r.errors[0].message()
    r = run("1 | ConvertTo-Xml -Depth 0")
    assert "Cannot validate argument on parameter 'Depth'. The 0 argument is less than the minimum allowed " \
           "range of 1." in r.errors[0].message()


def test_the_document_node_and_a_null_namespace():
    out = ok("$r = Select-Xml -Content '<a><b/></a>' -XPath '/'; $r.Node.GetType().FullName; \"$r\"")
    assert out == ["System.Xml.XmlDocument", "<a><b /></a>"]
    r = run("Select-Xml -Content '<a/>' -XPath '//a' -Namespace @{p=$null} | ForEach-Object { $_.Node.Name }")
    assert r.output == ["a"]
    assert [(e.FullyQualifiedErrorId, e.message()) for e in r.errors] == [
        ("PrefixError,Microsoft.PowerShell.Commands.SelectXmlCommand",
         "This command cannot be run because the prefix value in the Namespace parameter is null. Provide a valid "
         "value for the prefix, and then run the command again.")]
