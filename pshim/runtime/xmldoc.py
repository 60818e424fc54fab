"""[xml]: an XML document whose elements and attributes read as properties,
as PowerShell's XML adapter shows them (`$x.config.server.name`)."""
from __future__ import annotations

from .psobject import DotNetObject


def _local(tag):
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else str(tag)


class XmlElement(DotNetObject):
    ps_type_names = ("System.Xml.XmlElement", "System.Xml.XmlLinkedNode", "System.Xml.XmlNode", "System.Object")

    def __init__(self, el):
        object.__setattr__(self, "_el", el)

    @property
    def ps_properties(self):
        names = list(self._el.attrib.keys())
        for child in self._el:
            n = _local(child.tag)
            if n not in names:
                names.append(n)
        text = self._el.text
        if text and (not names or text.strip()):
            names.append("#text")     # the element's text node, beside its attributes too
        return tuple(names)

    def _lookup(self, name):
        el = self._el
        for k, v in el.attrib.items():
            if k.lower() == name.lower():
                return v
        kids = [c for c in el if _local(c.tag).lower() == name.lower()]
        if not kids:
            if name == "#text":
                return el.text
            raise AttributeError(name)
        vals = [_value(c) for c in kids]
        return vals[0] if len(vals) == 1 else vals

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._lookup(name)

    @property
    def Name(self):
        return _local(self._el.tag)

    @property
    def InnerText(self):
        return "".join(self._el.itertext())

    def ps_to_string(self):
        return _local(self._el.tag)


def _value(el):
    if len(el) == 0 and not el.attrib:
        return el.text or ""
    return XmlElement(el)


class XmlDocument(XmlElement):
    ps_type_names = ("System.Xml.XmlDocument", "System.Xml.XmlNode", "System.Object")

    @classmethod
    def parse(cls, text: str) -> "XmlDocument":
        import xml.etree.ElementTree as ET
        from ..errors import PSInvalidCastException
        try:
            root = ET.fromstring(text.strip())
        except ET.ParseError as e:
            raise PSInvalidCastException(
                f'Cannot convert value "{text[:40]}" to type "System.Xml.XmlDocument". Error: "{e}"',
                error_id="InvalidCastToXmlDocument", category="InvalidArgument")
        wrapper = ET.Element("#document")
        wrapper.append(root)
        return cls(wrapper)

    def ps_to_string(self):
        return "#document"
