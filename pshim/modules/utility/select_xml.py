"""Select-Xml and its SelectXmlInfo results (Microsoft.PowerShell.Utility), on [xml] (runtime/xmldoc.py).

Input, one parameter set each: -Xml nodes (or [xml] documents from the pipeline), -Path files (wildcards)
or -LiteralPath files (also a piped FileInfo), -Content strings (each one whole document: piped
Get-Content lines are separate documents, as in 5.1; use -Raw). -XPath is XPath 1.0 (lxml);
-Namespace maps the prefixes the XPath uses to namespace URIs.

As in 5.1: a -Path that does not exist stops the command; a file that cannot be read or is not well
formed, and a -Content string that is not XML, are non-terminating errors; an XPath that does not
parse (or uses a prefix -Namespace does not define) stops the command with the XPathException's text.
A SelectXmlInfo's text is the node's value (or inner XML) trimmed, then `:path` when it came from a file.
"""
from __future__ import annotations

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import ArgumentException, InvalidOperationException, PSException
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, Hashtable, unwrap
from ...runtime import xmldoc
from ..management.filesystem import FsCmdlet

_INPUT_STREAM = "InputStream"
_XML, _PATH, _LITERAL, _CONTENT = "Xml", "Path", "LiteralPath", "Content"


class SelectXmlInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.SelectXmlInfo", "System.Object")
    ps_properties = ("Node", "Path", "Pattern")
    ps_methods = ("ToString",)

    def __init__(self, node, path, pattern):
        self.Node = node
        self._path = path or None
        self.Pattern = pattern

    @property
    def Path(self):
        return self._path if self._path else _INPUT_STREAM

    def node_text(self) -> str:
        node = self.Node
        if node is None:
            return ""
        value = xmldoc.net(node, "Value")
        if value is not None:
            return value.strip()
        return xmldoc.net(node, "InnerXml").strip()

    def ToString(self):
        if self._path is None:
            return self.node_text()
        return f"{self.node_text()}:{self._path}"

    def ps_to_string(self):
        return self.ToString()


def _is_file_info(v) -> bool:
    return getattr(v, "_os", None) is not None and "System.IO.FileInfo" in getattr(v, "ps_type_names", ())


class SelectXmlCommand(FsCmdlet):
    name = "Select-Xml"
    dotnet_type = "Microsoft.PowerShell.Commands.SelectXmlCommand"
    module_name = "Microsoft.PowerShell.Utility"
    default_parameter_set = _XML
    synopsis = "Finds text in an XML string or document."

    Path = Parameter("string[]", validate_not_null_or_empty=True,
                     sets=[ParameterSetData(_PATH, position=1, mandatory=True, from_pipeline_by_name=True)])
    LiteralPath = Parameter("string[]", aliases=("PSPath",), validate_not_null_or_empty=True,
                            sets=[ParameterSetData(_LITERAL, mandatory=True, from_pipeline_by_name=True)])
    Xml = Parameter("System.Xml.XmlNode[]", aliases=("Node",), validate_not_null_or_empty=True,
                    sets=[ParameterSetData(_XML, position=1, mandatory=True, from_pipeline=True,
                                           from_pipeline_by_name=True)])
    Content = Parameter("string[]", validate_not_null_or_empty=True,
                        sets=[ParameterSetData(_CONTENT, mandatory=True, from_pipeline=True)])
    XPath = Parameter("string", position=0, mandatory=True, validate_not_null_or_empty=True)
    Namespace = Parameter("hashtable", validate_not_null_or_empty=True)

    def begin(self):
        self._xpath = cv.to_string(self.XPath)

    # -- namespaces ------------------------------------------------------------------------------
    def _namespaces(self):
        table = unwrap(self.Namespace)
        if table is None:
            return None
        manager = xmldoc.XmlNamespaceManager()
        items = table.items() if isinstance(table, (Hashtable, dict)) else []
        for key, value in items:
            if key is None or unwrap(value) is None:
                self.write_error(self.error(
                    "This command cannot be run because the prefix value in the Namespace parameter is null. "
                    "Provide a valid value for the prefix, and then run the command again.", "PrefixError",
                    "InvalidOperation", table, InvalidOperationException))
                continue
            try:
                manager.AddNamespace(cv.to_string(key), cv.to_string(value))
            except PSException as e:
                raise self.terminating_error(self.error(e.message, type(e).ps_type, "NotSpecified", None,
                                                        type(e)))
        return manager

    # -- searching -------------------------------------------------------------------------------------
    def _search(self, node, path):
        manager = self._namespaces()
        try:
            found = xmldoc.select(node, self._xpath, manager)
        except xmldoc.XPathException as e:
            raise self.terminating_error(self.error(e.message, "System.Xml.XPath.XPathException", "NotSpecified",
                                                    None, xmldoc.XPathException))
        for n in found:
            self.write_object(SelectXmlInfo(n, path, self._xpath))

    def _file(self, os_path, display):
        try:
            with open(os_path, "rb") as f:
                data = f.read()
            root, decl = xmldoc.parse_bytes(data, preserve_ws=True)
        except (xmldoc.XmlException, OSError) as e:
            if isinstance(e, FileNotFoundError):
                reason = f"Could not find file '{display}'."
            elif isinstance(e, (IsADirectoryError, PermissionError)):
                reason = f"Access to the path '{display}' is denied."
            elif isinstance(e, OSError):
                reason = e.strerror or str(e)
            else:
                reason = e.message
            self.write_error(self.error(f"The file '{display}' cannot be read: {reason}", "ProcessingFile",
                                        "InvalidArgument", display, ArgumentException))
            return
        self._search(xmldoc.XmlDocument(root, decl, True), display)

    def process(self):
        ps = self.parameter_set_name
        if ps == _XML:
            for node in self.Xml or []:
                node = unwrap(node)
                if node is not None:
                    self._search(node, None)
        elif ps in (_PATH, _LITERAL):
            literal = ps == _LITERAL
            files = []
            for typed in (self.LiteralPath if literal else self.Path) or []:
                text = cv.to_string(typed)
                if literal:
                    r = self.resolve(text)
                    files.append((r.os_path, r.display))
                    continue
                found = self.expand(text, False, report=False)
                if not found and not _has_wildcard(text):
                    r = self.resolve(text)
                    raise self.terminating_error(self.not_found(r.display))
                files.extend((r.os_path, r.display) for r in found)
            for os_path, display in files:
                self._file(os_path, display)
        else:
            for text in self.Content or []:
                base = unwrap(text)
                if _is_file_info(base):                 # a piped FileInfo: its file (5.1 binds it to -LiteralPath)
                    self._file(base._os, base.FullName)
                    continue
                try:
                    doc = xmldoc.XmlDocument.parse(cv.to_string(base))
                except PSException as e:
                    self.write_error(self.error(e.message, e.error_id or "InvalidCastToXmlDocument",
                                                "InvalidArgument", base, type(e)))
                    continue
                self._search(doc, None)


def _has_wildcard(text: str) -> bool:
    from ...runtime.operators import has_wildcard
    return has_wildcard(text)

