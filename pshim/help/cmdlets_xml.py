"""Help for Select-Xml and ConvertTo-Xml (written for pshim)."""

HELP = {}

HELP["Select-Xml"] = {
    "synopsis": "Finds text in an XML string or document.",
    "description": """Select-Xml runs an XPath 1.0 query against XML and returns a SelectXmlInfo object for
each node found: Node (the XmlElement, XmlAttribute or text node), Path (the file, or InputStream for XML
that did not come from a file) and Pattern (the query). Its text is the node's value, or its inner XML,
trimmed, followed by `:<path>` when it came from a file.

The XML comes from -Xml ([xml] documents or nodes, also from the pipeline), -Path or -LiteralPath (files;
also FileInfo objects from the pipeline) or -Content (strings, also from the pipeline; each string is a
whole document, so read files with Get-Content -Raw). XPath is case-sensitive. When the XML uses
namespaces, give each one a prefix with -Namespace and use the prefixes in the query; the default
namespace (xmlns="...") needs a prefix too.

A -Path that does not exist stops the command. A file that cannot be read or is not well formed, and a
-Content string that is not XML, are reported and skipped. A query that is not valid XPath, or uses a
prefix that -Namespace does not define, stops the command.""",
    "parameters": {
        "XPath": "The XPath query.",
        "Xml": "XML nodes or [xml] documents to search. Alias: Node.",
        "Path": "XML files to search (wildcards allowed).",
        "LiteralPath": "XML files to search, taken as typed. Alias: PSPath.",
        "Content": "Strings that each hold an XML document.",
        "Namespace": "A hashtable of prefix = namespace URI for the prefixes used in the query.",
    },
    "examples": [
        {"title": "Find elements in a document",
         "code": "$x = [xml]'<servers><server name=\"EX01\" role=\"Mailbox\"/><server name=\"EX02\" role=\"Edge\"/>"
                 "</servers>'\nSelect-Xml -Xml $x -XPath '//server[@role=\"Edge\"]' | ForEach-Object { $_.Node.name }",
         "output": "EX02"},
        {"title": "The results as the console shows them",
         "code": "'<a><b>one</b><b>two</b></a>' | Select-Xml -XPath '//b'",
         "output": "\nNode Path        Pattern\n---- ----        -------\nb    InputStream //b\n"
                   "b    InputStream //b"},
        {"title": "The text of the results",
         "code": "'<a><b>one</b><b>two</b></a>' | Select-Xml -XPath '//b' | ForEach-Object { \"$_\" }",
         "output": "one\ntwo"},
        {"title": "A document with a default namespace",
         "code": "$feed = '<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>News</title></feed>'\n"
                 "Select-Xml -Content $feed -XPath '//a:title' -Namespace @{a = 'http://www.w3.org/2005/Atom'} |\n"
                 "    ForEach-Object { $_.Node.InnerText }",
         "output": "News"},
    ],
    "inputs": "System.String or System.Xml.XmlNode",
    "outputs": "Microsoft.PowerShell.Commands.SelectXmlInfo",
    "related": ["ConvertTo-Xml", "Select-String"],
}

HELP["ConvertTo-Xml"] = {
    "synopsis": "Creates an XML-based representation of an object.",
    "description": """ConvertTo-Xml writes the input objects as an <Objects> document with an <Object> element
per object and a <Property> element per property (with the value's type in a Type attribute unless
-NoTypeInformation is given). -Depth (default 1) says how many levels of property values are written as
properties of their own; deeper values are written as their text.

-As Document (the default) returns an [xml] document, -As String the document as one string, and -As
Stream the declaration, "<Objects>", each object's <Object> element as it arrives, and "</Objects>" as
separate strings.""",
    "parameters": {
        "InputObject": "The objects to convert (usually from the pipeline).",
        "Depth": "How many levels of contained objects are written as properties (1 and up).",
        "NoTypeInformation": "Leaves out the Type attributes.",
        "As": "Document (an [xml] object), String (one string) or Stream (a string per piece).",
    },
    "examples": [
        {"title": "An object as an XML string",
         "code": "[pscustomobject]@{Name = 'EX01'; Port = 25} | ConvertTo-Xml -As String -NoTypeInformation",
         "output": "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Objects>\n  <Object>\n"
                   "    <Property Name=\"Name\">EX01</Property>\n    <Property Name=\"Port\">25</Property>\n"
                   "  </Object>\n</Objects>"},
        {"title": "The default: an XML document to query",
         "code": "$doc = 1, 'two' | ConvertTo-Xml\n$doc.Objects.Object | ForEach-Object { $_.Type }",
         "output": "System.Int32\nSystem.String"},
    ],
    "inputs": "System.Management.Automation.PSObject",
    "outputs": "System.Xml.XmlDocument, or System.String with -As String or Stream",
    "related": ["Select-Xml", "Export-Clixml"],
}
