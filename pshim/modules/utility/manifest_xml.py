"""Microsoft.PowerShell.Utility: XML (Select-Xml; [xml] itself is the runtime's, runtime/xmldoc.py)."""
MODULE_NAME = "Microsoft.PowerShell.Utility"

CMDLETS = {
    "Select-Xml": "pshim.modules.utility.select_xml:SelectXmlCommand",
}

_NODE_TYPES = ("System.Xml.XmlNode", "System.Xml.XmlElement", "System.Xml.XmlLinkedNode", "System.Xml.XmlAttribute",
               "System.Xml.XmlText", "System.Xml.XmlComment", "System.Xml.XmlDeclaration",
               "System.Xml.XmlCharacterData", "System.Xml.XmlNodeList", "System.Xml.XmlNamespaceManager",
               "System.Xml.XmlNameTable")


def _node_type(full):
    """A type literal for a System.Xml node type: a node converts only to the types it is (checked by its
    type names, so that start-up does not import lxml)."""
    from ...runtime.conversion import cast_error
    from ...runtime.psobject import unwrap
    from ...runtime.types import PSType

    def check(v):
        v = unwrap(v)
        return v is not None and full in getattr(v, "ps_type_names", ())

    def convert(v):
        if v is None or check(v):
            return unwrap(v)
        raise cast_error(v, full)
    return PSType(full, convert, check)


def on_load(table):
    """[System.Xml.XmlElement] & co. as type literals (-is tests; Select-Xml's -Xml is an XmlNode[])."""
    from ...runtime.types import register_type
    for full in _NODE_TYPES:
        register_type(_node_type(full), full[len("System."):])
