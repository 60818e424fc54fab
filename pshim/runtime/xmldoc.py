"""[xml]: System.Xml's XmlDocument and its nodes, on lxml, as Windows PowerShell 5.1 shows them.

Each node object wraps an lxml node (element, comment, processing instruction); the nodes lxml does not
keep as objects are made on demand: an attribute (element + name), a text node (the element's text or a
child's tail), the XML declaration (kept on the document). Two wrappers of one node are equal.

What scripts see (PowerShell's XML adapter, System.Management.Automation's XmlNodeAdapter):
- adapted properties: the attributes, then the child nodes other than whitespace, grouped by local name
  (case-insensitive); one node gives its value (an element with no attributes and only text gives the
  text), several give an array. They shadow the .NET members of the same name (`$n.Name` is the `name`
  attribute when there is one) and are what the console shows (a table up to four, else a list).
- .NET members: Name, LocalName, NamespaceURI, Prefix, NodeType, InnerText, InnerXml, OuterXml, Value,
  ParentNode, ChildNodes, Attributes, FirstChild, ..., DocumentElement; SelectNodes/SelectSingleNode
  (XPath 1.0 through lxml, with an XmlNamespaceManager), GetAttribute/SetAttribute, CreateElement,
  AppendChild, Load/LoadXml/Save.
- ToString() of a node is its local name (types.ps1xml's XmlNode ToString).

Reading and writing the text is xmltext.py's: loading follows the `[xml]` cast and `XmlDocument.Load`
(whitespace-only text is dropped unless PreserveWhitespace is set first; comments and processing
instructions are kept); OuterXml/InnerXml are written as .NET writes them (`<a />`); Save indents with
two spaces when whitespace was not preserved, and writes UTF-8 without a BOM unless the declaration
names another encoding.

Rejected: ElementTree (no XPath beyond a subset, no parent pointers, loses comments and prefixes).
"""
from __future__ import annotations

import re

from lxml import etree

from ..errors import _exc, SystemException, InvalidOperationException, ArgumentException, PSInvalidCastException
from .psobject import DotNetObject, unwrap
from .xmltext import (XmlException, NL, parse_text, parse_bytes, node_xml, _split, _qualified_attr, _is_element,
                      _escape_text, _escape_attr, _declared_ns, _inner_text, _element_name, _children_xml,
                      _lxml_message)

XPathException = _exc("XPathException", "System.Xml.XPath.XPathException", SystemException)


# ---------------------------------------------------------------------------
# node lists

class XmlNodeList(list):
    """SelectNodes / ChildNodes / GetElementsByTagName results: enumerated by the pipeline."""
    ps_type_names = ("System.Xml.XPathNodeList", "System.Xml.XmlNodeList", "System.Object")
    ps_methods = ("Item",)

    def ps_index(self, idx):
        i = _int_index(idx)
        if i is None or not 0 <= i < len(self):
            return None
        return self[i]

    def Item(self, i):
        return self.ps_index(i)

    def ps_to_string(self):
        if len(self) == 1:
            return self[0].ps_to_string()
        return " ".join(n.ps_to_string() for n in self)


class XmlChildNodes(XmlNodeList):
    ps_type_names = ("System.Xml.XmlChildNodes", "System.Xml.XmlNodeList", "System.Object")


class XmlAttributeCollection(XmlNodeList):
    """An element's attributes: indexed by position or name; Append/SetNamedItem add an attribute made
    with CreateAttribute, RemoveNamedItem removes one."""
    ps_type_names = ("System.Xml.XmlAttributeCollection", "System.Xml.XmlNamedNodeMap", "System.Object")
    ps_methods = ("Item", "GetNamedItem", "Append", "SetNamedItem", "RemoveNamedItem", "RemoveAll")

    def __init__(self, items=(), owner=None):
        super().__init__(items)
        self._owner = owner

    def ps_index(self, idx):
        v = unwrap(idx)
        if isinstance(v, str):
            for a in self:
                if a._qname == v:
                    return a
            return None
        return super().ps_index(idx)

    def GetNamedItem(self, name):
        return self.ps_index(_str(name))

    def Append(self, attr):
        attr = unwrap(attr)
        if not isinstance(attr, XmlAttribute) or self._owner is None:
            raise InvalidOperationException("The node to be inserted is not an attribute.")
        name, value = attr._qname, net(attr, "Value")
        self._owner.SetAttribute(name, value)
        bound = self._owner.Attributes.GetNamedItem(name)
        self[:] = list(self._owner.Attributes)
        return bound

    def SetNamedItem(self, attr):
        return self.Append(attr)

    def RemoveNamedItem(self, name):
        found = self.GetNamedItem(name)
        if found is not None and self._owner is not None:
            self._owner.RemoveAttribute(found._qname)
            self[:] = list(self._owner.Attributes)
        return found

    def RemoveAll(self):
        if self._owner is not None:
            for a in list(self):
                if a._ns is _NONE:
                    self._owner.RemoveAttribute(a._qname)
            self[:] = list(self._owner.Attributes)
        return None


def _int_index(idx):
    v = unwrap(idx)
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return int(v)
    try:
        return int(str(v))
    except (TypeError, ValueError):
        return None


# ---------------------------------------------------------------------------
# nodes

_NET_PROPS = frozenset((
    "Name", "LocalName", "NamespaceURI", "Prefix", "NodeType", "ParentNode", "OwnerDocument", "Attributes",
    "ChildNodes", "FirstChild", "LastChild", "NextSibling", "PreviousSibling", "HasChildNodes",
    "HasAttributes", "InnerText", "InnerXml", "OuterXml", "Value", "IsEmpty", "DocumentElement",
    "NameTable", "PreserveWhitespace", "BaseURI", "IsReadOnly", "Item", "Data", "Target",
    "Version", "Encoding", "Standalone", "Specified", "OwnerElement", "SchemaInfo", "XmlDeclaration"))


class XmlNode(DotNetObject):
    """Base of every node wrapper. Subclasses say what they wrap."""
    ps_type_names = ("System.Xml.XmlNode", "System.Object")
    ps_methods = ("SelectNodes", "SelectSingleNode", "GetAttribute", "SetAttribute", "RemoveAttribute",
                  "HasAttribute", "AppendChild", "PrependChild", "RemoveChild", "InsertBefore", "InsertAfter",
                  "ReplaceChild", "RemoveAll", "CloneNode", "GetElementsByTagName", "ToString")
    ps_extra_properties = ("Name", "LocalName", "NamespaceURI", "Prefix", "NodeType", "ParentNode", "OwnerDocument",
                           "Attributes", "ChildNodes", "FirstChild", "LastChild", "NextSibling", "PreviousSibling",
                           "HasChildNodes", "InnerText", "InnerXml", "OuterXml", "Value", "BaseURI", "IsReadOnly")
    _node_type = "None"

    def __getattr__(self, name):
        if name.startswith("_") or name.startswith("ps_"):
            raise AttributeError(name)
        found = self._adapted(name)
        if found is _NONE:
            raise AttributeError(name)
        return found

    def __setattr__(self, name, value):
        if name.startswith("_"):
            object.__setattr__(self, name, value)
            return
        if not self.ps_set_member(name, value):
            raise AttributeError(name)

    # identity: two wrappers of one node are the same node
    def _key(self):
        return (type(self).__name__, id(self._x))

    def __eq__(self, other):
        return isinstance(other, XmlNode) and other._key() == self._key()

    def __hash__(self):
        return hash(self._key())

    # -- the adapter ----------------------------------------------------------------------------------
    def _adapter_nodes(self):
        """[(local name, node)] in member order: attributes, then children that are not whitespace."""
        return [(n._local_name(), n) for n in self._attribute_nodes()] + \
               [(n._local_name(), n) for n in self._child_nodes() if n._node_type != "Whitespace"]

    @property
    def ps_properties(self):
        names = []
        seen = set()
        for local, _ in self._adapter_nodes():
            if local.lower() not in seen:
                seen.add(local.lower())
                names.append(local)
        return tuple(names)

    def _adapted(self, name):
        low = name.lower()
        found = [n for local, n in self._adapter_nodes() if local.lower() == low]
        if not found:
            return _NONE
        if len(found) == 1:
            return _node_value(found[0])
        return [_node_value(n) for n in found]

    def ps_set_member(self, name, value) -> bool:
        """`$node.name = value`: an adapted property (attribute or text-only element), else a settable
        .NET property."""
        low = name.lower()
        found = [n for local, n in self._adapter_nodes() if local.lower() == low]
        if found:
            value = unwrap(value)
            if not isinstance(value, str):
                from ..errors import SetValueInvocationException
                raise SetValueInvocationException(
                    f'Exception setting "{found[0]._local_name()}": "Cannot set "{found[0]._local_name()}" because only '
                    'strings can be used as values to set XmlNode properties."',
                    error_id="XmlNodeSetShouldBeAString", category="NotSpecified")
            node = found[0]
            if len(found) > 1 or (node._attribute_nodes() and not isinstance(node, XmlAttribute)) or \
                    any(c._node_type not in ("Text",) for c in node._child_nodes()):
                from ..errors import SetValueInvocationException
                raise SetValueInvocationException(
                    f'Exception setting "{node._local_name()}": "Cannot set "{node._local_name()}" because only '
                    'strings can be used as values to set XmlNode properties."',
                    error_id="XmlNodeSetShouldBeAString", category="NotSpecified")
            node._set_inner_text(value)
            return True
        for proper in self._settable:
            if proper.lower() == low:
                getattr(type(self), proper).fset(self, value)
                return True
        return False

    _settable = ("InnerText", "InnerXml", "Value")

    # -- what subclasses provide -------------------------------------------------------------------
    def _attribute_nodes(self):
        return []

    def _child_nodes(self):
        return []

    def _local_name(self):
        return ""

    def _set_inner_text(self, value):
        raise InvalidOperationException("Cannot set a value on node type '%s'." % self._node_type)

    # -- .NET members --------------------------------------------------------------------------------
    @property
    def LocalName(self):
        return self._local_name()

    @property
    def Name(self):
        return self._local_name()

    @property
    def NamespaceURI(self):
        return ""

    @property
    def Prefix(self):
        return ""

    @property
    def NodeType(self):
        return self._node_type

    @property
    def ParentNode(self):
        return None

    @property
    def OwnerDocument(self):
        return self._doc

    @property
    def Attributes(self):
        return None

    @property
    def ChildNodes(self):
        return XmlChildNodes(self._child_nodes())

    @property
    def HasChildNodes(self):
        return bool(self._child_nodes())

    @property
    def FirstChild(self):
        kids = self._child_nodes()
        return kids[0] if kids else None

    @property
    def LastChild(self):
        kids = self._child_nodes()
        return kids[-1] if kids else None

    @property
    def NextSibling(self):
        return self._sibling(1)

    @property
    def PreviousSibling(self):
        return self._sibling(-1)

    def _sibling(self, step):
        parent = net(self, "ParentNode")
        if parent is None:
            return None
        kids = parent._child_nodes()
        for i, k in enumerate(kids):
            if k == self:
                j = i + step
                return kids[j] if 0 <= j < len(kids) else None
        return None

    @property
    def InnerText(self):
        return "".join(net(c, "InnerText") for c in self._child_nodes()
                       if c._node_type not in ("Comment", "ProcessingInstruction"))

    @InnerText.setter
    def InnerText(self, value):
        self._set_inner_text(_str(value))

    @property
    def InnerXml(self):
        return "".join(net(c, "OuterXml") for c in self._child_nodes())

    @InnerXml.setter
    def InnerXml(self, value):
        raise InvalidOperationException("Cannot set the 'InnerXml' for the current node because it is either "
                                        "read-only or cannot have children.")

    @property
    def OuterXml(self):
        return ""

    @property
    def Value(self):
        return None

    @Value.setter
    def Value(self, value):
        raise InvalidOperationException(f"Cannot set a value on node type '{self._node_type}'.")

    @property
    def BaseURI(self):
        return ""

    @property
    def IsReadOnly(self):
        return False

    # -- methods ---------------------------------------------------------------------------------------
    def SelectNodes(self, xpath, nsmgr=None):
        return XmlNodeList(self._select(xpath, nsmgr))

    def SelectSingleNode(self, xpath, nsmgr=None):
        found = self._select(xpath, nsmgr)
        return found[0] if found else None

    def _xpath_context(self):
        raise XPathException("This node cannot be searched.")

    def _select(self, xpath, nsmgr):
        return select(self, xpath, nsmgr)

    def GetAttribute(self, name, uri=None):
        return ""

    def HasAttribute(self, name, uri=None):
        return False

    def SetAttribute(self, name, value, uri=None):
        raise not_supported("SetAttribute", self)

    def RemoveAttribute(self, name, uri=None):
        raise not_supported("RemoveAttribute", self)

    def AppendChild(self, node):
        raise InvalidOperationException("Cannot insert a node or any ancestor of that node into itself."
                                        if node == self else "The current node cannot contain other nodes.")

    def PrependChild(self, node):
        return self.AppendChild(node)

    def RemoveChild(self, node):
        raise ArgumentException("The node to be removed is not a child of this node.")

    def InsertBefore(self, new, ref):
        raise InvalidOperationException("The current node cannot contain other nodes.")

    def InsertAfter(self, new, ref):
        raise InvalidOperationException("The current node cannot contain other nodes.")

    def ReplaceChild(self, new, old):
        raise InvalidOperationException("The current node cannot contain other nodes.")

    def RemoveAll(self):
        return None

    def CloneNode(self, deep=True):
        return self

    def GetElementsByTagName(self, name):
        return XmlNodeList()

    def ToString(self):
        return self.ps_to_string()

    def ps_to_string(self):
        return self._local_name()


class _NoneType:
    pass


_NONE = _NoneType()


def _str(v):
    from .conversion import to_string
    v = unwrap(v)
    return "" if v is None else (v if isinstance(v, str) else to_string(v))


def not_supported(what, node):
    return InvalidOperationException("Operation is not valid due to the current state of the object.")


def net(node, name):
    """A .NET member of a node, past the adapter's properties that shadow it."""
    return object.__getattribute__(node, name)


def _node_value(node):
    """What the adapter gives for one node (5.1's GetNodeObject)."""
    if isinstance(node, XmlText):
        return net(node, "InnerText")
    if node._attribute_nodes():
        return node
    kids = node._child_nodes()
    if not kids:
        return net(node, "InnerText")
    if len(kids) == 1 and kids[0]._node_type == "Text":
        return net(node, "InnerText")
    if isinstance(node, XmlAttribute):
        return net(node, "Value")
    return node


def _child_element_index(node, idx):
    v = unwrap(idx)
    if isinstance(v, str):
        for c in node._child_nodes():
            if isinstance(c, XmlElement) and net(c, "Name") == v:
                return c
        return None
    i = _int_index(v)
    return node if i in (0, -1) else None


def wrap(doc, x):
    """The wrapper of an lxml element, comment or processing instruction."""
    if x is None:
        return None
    if x.tag is etree.Comment:
        return XmlComment(doc, x)
    if x.tag is etree.PI:
        return XmlProcessingInstruction(doc, x)
    if not isinstance(x.tag, str):      # an entity reference lxml kept (an undeclared or external entity)
        return XmlEntityReference(doc, x)
    return XmlElement(doc, x)


def _children_of(doc, el):
    """Child nodes of an lxml element, text nodes included."""
    kids = []
    if el.text is not None:
        kids.append(XmlText(doc, el, False))
    for c in el:
        kids.append(wrap(doc, c))
        if c.tail is not None:
            kids.append(XmlText(doc, c, True))
    return kids


class XmlLinkedNode(XmlNode):
    """A node inside an element tree (element, comment, processing instruction)."""

    def __init__(self, doc, x):
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "_x", x)

    @property
    def ParentNode(self):
        p = self._x.getparent()
        if p is not None:
            return wrap(self._doc, p)
        doc = self._doc
        if doc is not None and doc._is_in_document(self._x):
            return doc
        return None

    @property
    def OuterXml(self):
        return node_xml(self._x)


class _Shadowed:
    """Elements and documents: the XML adapter's properties shadow the .NET members of the same name
    (`$n.Name` is the `Name` attribute or child when there is one). Code here reads such members of
    these nodes through net()."""

    def __getattribute__(self, name):
        if name in _NET_PROPS:
            found = object.__getattribute__(self, "_adapted")(name)
            if found is not _NONE:
                return found
        return object.__getattribute__(self, name)


class XmlElement(_Shadowed, XmlLinkedNode):
    _node_type = "Element"
    ps_methods = XmlNode.ps_methods + ("SetAttributeNode", "GetAttributeNode")
    ps_extra_properties = XmlNode.ps_extra_properties + ("HasAttributes", "IsEmpty")

    @property
    def ps_type_names(self):
        base = ("System.Xml.XmlElement", "System.Xml.XmlLinkedNode", "System.Xml.XmlNode", "System.Object")
        uri, local = _split(self._x.tag)
        if uri:
            return (f"System.Xml.XmlElement#{uri}#{local}",) + base
        return base

    def _local_name(self):
        return _split(self._x.tag)[1]

    @property
    def Name(self):
        return _element_name(self._x)

    @property
    def NamespaceURI(self):
        return _split(self._x.tag)[0]

    @property
    def Prefix(self):
        return self._x.prefix or ""

    def _attribute_nodes(self):
        el = self._x
        out = [XmlAttribute(self._doc, el, None, p) for p, _ in _declared_ns(el)]
        out += [XmlAttribute(self._doc, el, k) for k in el.attrib.keys()]
        return out

    def _child_nodes(self):
        return _children_of(self._doc, self._x)

    @property
    def Attributes(self):
        return XmlAttributeCollection(self._attribute_nodes(), self)

    def SetAttributeNode(self, attr):
        return self.Attributes.Append(attr)

    def GetAttributeNode(self, name):
        return self.Attributes.GetNamedItem(name)

    def ps_index(self, idx):
        """`$element['name']`: the first child element of that name (XmlNode's string indexer)."""
        return _child_element_index(self, idx)

    @property
    def HasAttributes(self):
        return bool(self._attribute_nodes())

    @property
    def IsEmpty(self):
        return self._x.text is None and len(self._x) == 0

    @property
    def InnerText(self):
        return _inner_text(self._x)

    @InnerText.setter
    def InnerText(self, value):
        self._set_inner_text(_str(value))

    def _set_inner_text(self, value):
        el = self._x
        for c in list(el):
            el.remove(c)
        el.text = value

    @property
    def InnerXml(self):
        return _children_xml(self._x)

    @InnerXml.setter
    def InnerXml(self, value):
        el = self._x
        nsdecl = " ".join(f'xmlns:{p}="{_escape_attr(u)}"' if p else f'xmlns="{_escape_attr(u)}"'
                          for p, u in el.nsmap.items())
        frag = f"<__pshim_fragment {nsdecl}>{_str(value)}</__pshim_fragment>"
        try:
            holder = etree.fromstring(frag.encode("utf-8"), etree.XMLParser(
                resolve_entities="internal", no_network=True, remove_comments=False, remove_pis=False))
        except etree.XMLSyntaxError as e:
            raise XmlException(_lxml_message(e)) from None
        for c in list(el):
            el.remove(c)
        el.text = holder.text
        for c in list(holder):
            el.append(c)

    def GetAttribute(self, name, uri=None):
        key = self._attr_key(_str(name), uri)
        return self._x.get(key, "") if key is not None else ""

    def HasAttribute(self, name, uri=None):
        key = self._attr_key(_str(name), uri)
        return key is not None and key in self._x.attrib

    def _attr_key(self, name, uri=None):
        if uri is not None:
            return "{%s}%s" % (_str(uri), name) if _str(uri) else name
        if ":" in name:
            p, _, local = name.partition(":")
            if p == "xml":
                return "{http://www.w3.org/XML/1998/namespace}" + local
            u = self._x.nsmap.get(p)
            return "{%s}%s" % (u, local) if u else None
        return name

    def SetAttribute(self, name, value, uri=None):
        name = _str(name)
        if uri is not None and _str(uri):
            key = "{%s}%s" % (_str(uri), name.rpartition(":")[2])
        else:
            key = self._attr_key(name)
            if key is None:
                key = name.rpartition(":")[2]
        try:
            self._x.set(key, _str(value))
        except ValueError as e:
            raise XmlException(str(e)) from None
        return None

    def RemoveAttribute(self, name, uri=None):
        key = self._attr_key(_str(name), uri)
        if key is not None and key in self._x.attrib:
            del self._x.attrib[key]
        return None

    def _lxml_of(self, node, what="node"):
        node = unwrap(node)
        if not isinstance(node, XmlNode):
            from .method_support import NoOverload
            raise NoOverload()
        if isinstance(node, XmlText):
            return node
        if isinstance(node, (XmlDocument, XmlAttribute, XmlDeclaration)):
            raise InvalidOperationException("The specified node cannot be inserted as the valid child of this node, "
                                            "because the specified node is the wrong type.")
        x = node._x
        anc = self._x
        while anc is not None:
            if anc is x:
                raise InvalidOperationException("Cannot insert a node or any ancestor of that node as a child of "
                                                "itself.")
            anc = anc.getparent()
        return node

    def _detach(self, node):
        if isinstance(node, XmlText):
            return
        x = node._x
        p = x.getparent()
        if p is not None:
            _remove_keep_tail(x)

    def AppendChild(self, node):
        node = self._lxml_of(node)
        if isinstance(node, XmlText):
            text = node.Value or ""
            el = self._x
            if len(el):
                el[-1].tail = (el[-1].tail or "") + text
            else:
                el.text = (el.text or "") + text
            return node
        self._detach(node)
        node._x.tail = None
        self._x.append(node._x)
        object.__setattr__(node, "_doc", self._doc)
        return node

    def PrependChild(self, node):
        node = self._lxml_of(node)
        if isinstance(node, XmlText):
            self._x.text = (node.Value or "") + (self._x.text or "")
            return node
        self._detach(node)
        x = node._x
        x.tail = self._x.text
        self._x.text = None
        self._x.insert(0, x)
        return node

    def InsertBefore(self, new, ref):
        if ref is None:
            return self.AppendChild(new)
        return self._insert_at(new, self._index_of(unwrap(ref)))

    def InsertAfter(self, new, ref):
        if ref is None:
            return self.PrependChild(new)
        return self._insert_at(new, self._index_of(unwrap(ref)) + 1)

    def _insert_at(self, new, idx):
        new = self._lxml_of(new)
        if isinstance(new, XmlText):
            raise InvalidOperationException("Inserting a text node at a position is not supported.")
        self._detach(new)
        new._x.tail = None
        self._x.insert(idx, new._x)
        return new

    def _index_of(self, ref):
        if not isinstance(ref, XmlLinkedNode) or ref._x.getparent() is not self._x:
            raise ArgumentException("The reference node is not a child of this node.")
        return list(self._x).index(ref._x)

    def RemoveChild(self, node):
        node = unwrap(node)
        if isinstance(node, XmlText) and node._owner_parent() is self._x:
            node._set_inner_text("")
            return node
        if not isinstance(node, XmlLinkedNode) or node._x.getparent() is not self._x:
            raise ArgumentException("The node to be removed is not a child of this node.")
        _remove_keep_tail(node._x)
        return node

    def ReplaceChild(self, new, old):
        old = unwrap(old)
        new = self._lxml_of(new)
        idx = self._index_of(old)
        self._detach(new)
        new._x.tail = old._x.tail
        old._x.tail = None
        self._x.remove(old._x)
        self._x.insert(idx, new._x)
        return old

    def RemoveAll(self):
        el = self._x
        for c in list(el):
            el.remove(c)
        el.text = None
        el.attrib.clear()
        return None

    def CloneNode(self, deep=True):
        import copy
        from .conversion import to_bool
        if to_bool(deep):
            x = copy.deepcopy(self._x)
        else:
            x = etree.Element(self._x.tag, dict(self._x.attrib), nsmap=self._x.nsmap)
        x.tail = None
        return XmlElement(self._doc, x)

    def GetElementsByTagName(self, name):
        name = _str(name)
        out = []
        for e in self._x.iterdescendants():
            if _is_element(e) and (name == "*" or _element_name(e) == name):
                out.append(XmlElement(self._doc, e))
        return XmlNodeList(out)


def _remove_keep_tail(x):
    """Remove an lxml node from its parent, keeping the text that followed it."""
    p = x.getparent()
    tail = x.tail
    prev = x.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            p.text = (p.text or "") + tail
    x.tail = None
    p.remove(x)


class XmlComment(XmlLinkedNode):
    _node_type = "Comment"
    ps_type_names = ("System.Xml.XmlComment", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode",
                     "System.Xml.XmlNode", "System.Object")

    def _local_name(self):
        return "#comment"

    @property
    def Value(self):
        return self._x.text or ""

    @Value.setter
    def Value(self, v):
        self._x.text = _str(v)

    @property
    def InnerText(self):
        return self._x.text or ""

    @InnerText.setter
    def InnerText(self, v):
        self._x.text = _str(v)

    def _set_inner_text(self, v):
        self._x.text = v


class XmlEntityReference(XmlLinkedNode):
    _node_type = "EntityReference"
    ps_type_names = ("System.Xml.XmlEntityReference", "System.Xml.XmlLinkedNode", "System.Xml.XmlNode",
                     "System.Object")

    def _local_name(self):
        return self._x.name

    @property
    def InnerText(self):
        return ""


class XmlProcessingInstruction(XmlLinkedNode):
    _node_type = "ProcessingInstruction"
    ps_type_names = ("System.Xml.XmlProcessingInstruction", "System.Xml.XmlLinkedNode", "System.Xml.XmlNode",
                     "System.Object")

    def _local_name(self):
        return self._x.target

    @property
    def Value(self):
        return self._x.text or ""

    @property
    def InnerText(self):
        return self._x.text or ""

    def _set_inner_text(self, v):
        self._x.text = v


class XmlText(XmlNode):
    """The text of an element (tail=False: el.text) or the text after a child (tail=True: el.tail)."""

    def __init__(self, doc, el, tail, standalone=None):
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "_x", el)
        object.__setattr__(self, "_tail", tail)
        object.__setattr__(self, "_standalone", standalone)   # CreateTextNode's text before insertion

    def _key(self):
        return ("XmlText", id(self._x), self._tail) if self._x is not None else ("XmlText", id(self))

    @property
    def _node_type(self):
        v = self.Value or ""
        return "Whitespace" if v and not v.strip(" \t\r\n") else "Text"

    @property
    def ps_type_names(self):
        if self._node_type == "Whitespace":
            return ("System.Xml.XmlWhitespace", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode",
                    "System.Xml.XmlNode", "System.Object")
        return XmlText._TEXT_TYPES

    _TEXT_TYPES = ("System.Xml.XmlText", "System.Xml.XmlCharacterData", "System.Xml.XmlLinkedNode",
                   "System.Xml.XmlNode", "System.Object")

    def _local_name(self):
        return "#whitespace" if self._node_type == "Whitespace" else "#text"

    def _owner_parent(self):
        if self._x is None:
            return None
        return self._x.getparent() if self._tail else self._x

    @property
    def Value(self):
        if self._x is None:
            return self._standalone
        return (self._x.tail if self._tail else self._x.text) or ""

    @Value.setter
    def Value(self, v):
        self._set_inner_text(_str(v))

    def _set_inner_text(self, v):
        if self._x is None:
            object.__setattr__(self, "_standalone", v)
        elif self._tail:
            self._x.tail = v or None
        else:
            self._x.text = v or None

    @property
    def InnerText(self):
        return self.Value

    @InnerText.setter
    def InnerText(self, v):
        self._set_inner_text(_str(v))

    @property
    def OuterXml(self):
        return _escape_text(self.Value or "")

    @property
    def ParentNode(self):
        p = self._owner_parent()
        return wrap(self._doc, p) if p is not None else None


class XmlAttribute(XmlNode):
    """An attribute of an element (key = lxml's {uri}name), or a namespace declaration (ns_prefix set:
    None for xmlns, the prefix for xmlns:p)."""
    _node_type = "Attribute"
    ps_type_names = ("System.Xml.XmlAttribute", "System.Xml.XmlNode", "System.Object")
    ps_extra_properties = XmlNode.ps_extra_properties + ("OwnerElement", "Specified")

    def __init__(self, doc, el, key, ns_prefix=_NONE, value=None):
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "_x", el)
        object.__setattr__(self, "_k", key)
        object.__setattr__(self, "_ns", ns_prefix)
        object.__setattr__(self, "_standalone", value)

    def _key(self):
        return ("XmlAttribute", id(self._x), self._k, self._ns if self._ns is not _NONE else "")

    @property
    def _qname(self):
        if self._ns is not _NONE:
            return f"xmlns:{self._ns}" if self._ns else "xmlns"
        if self._x is None:
            return self._k
        return _qualified_attr(self._x, self._k)

    def _local_name(self):
        if self._ns is not _NONE:
            return self._ns or "xmlns"
        return _split(self._k)[1] if self._x is not None else self._k.rpartition(":")[2]

    @property
    def Name(self):
        return self._qname

    @property
    def Prefix(self):
        if self._ns is not _NONE:
            return "xmlns" if self._ns else ""
        q = self._qname
        return q.partition(":")[0] if ":" in q else ""

    @property
    def NamespaceURI(self):
        if self._ns is not _NONE:
            return "http://www.w3.org/2000/xmlns/"
        return _split(self._k)[0] if self._x is not None else ""

    @property
    def Value(self):
        if self._x is None:
            return self._standalone or ""
        if self._ns is not _NONE:
            return self._x.nsmap.get(self._ns, "")
        return self._x.get(self._k, "")

    @Value.setter
    def Value(self, v):
        self._set_inner_text(_str(v))

    def _set_inner_text(self, v):
        if self._x is None:
            object.__setattr__(self, "_standalone", v)
        elif self._ns is not _NONE:
            raise InvalidOperationException("Cannot change a namespace declaration.")
        else:
            self._x.set(self._k, v)

    @property
    def InnerText(self):
        return self.Value

    @InnerText.setter
    def InnerText(self, v):
        self._set_inner_text(_str(v))

    @property
    def InnerXml(self):
        return _escape_attr(self.Value)

    @property
    def OuterXml(self):
        return f'{self._qname}="{_escape_attr(self.Value)}"'

    def _child_nodes(self):
        return [_ValueText(self)]

    @property
    def OwnerElement(self):
        return XmlElement(self._doc, self._x) if self._x is not None else None

    @property
    def Specified(self):
        return True

    def ps_to_string(self):
        return self._local_name()


class _ValueText(XmlText):
    """The text child of an attribute."""

    def __init__(self, attr):
        XmlText.__init__(self, attr._doc, None, False, None)
        object.__setattr__(self, "_attr", attr)

    @property
    def Value(self):
        return self._attr.Value

    def _set_inner_text(self, v):
        self._attr._set_inner_text(v)

    @property
    def ParentNode(self):
        return self._attr


class XmlDeclaration(XmlNode):
    _node_type = "XmlDeclaration"
    ps_extra_properties = XmlNode.ps_extra_properties + ("Version", "Encoding", "Standalone")
    ps_type_names = ("System.Xml.XmlDeclaration", "System.Xml.XmlLinkedNode", "System.Xml.XmlNode",
                     "System.Object")

    def __init__(self, doc, attrs):
        object.__setattr__(self, "_doc", doc)
        object.__setattr__(self, "_x", attrs)

    def _local_name(self):
        return "xml"

    @property
    def Version(self):
        return self._x.get("version", "1.0")

    @property
    def Encoding(self):
        return self._x.get("encoding", "")

    @property
    def Standalone(self):
        return self._x.get("standalone", "")

    @property
    def Value(self):
        parts = [f'version="{self.Version}"']
        if self.Encoding:
            parts.append(f'encoding="{self.Encoding}"')
        if self.Standalone:
            parts.append(f'standalone="{self.Standalone}"')
        return " ".join(parts)

    @property
    def InnerText(self):
        return self.Value

    @property
    def OuterXml(self):
        return f"<?xml {self.Value}?>"

    @property
    def ParentNode(self):
        return self._doc


# ---------------------------------------------------------------------------
# the document

class XmlNameTable(DotNetObject):
    ps_type_names = ("System.Xml.NameTable", "System.Xml.XmlNameTable", "System.Object")

    def ps_to_string(self):
        return "System.Xml.NameTable"


class XmlNamespaceManager(DotNetObject):
    """Prefix -> URI map for SelectNodes/SelectSingleNode (`xml` and `xmlns` are predeclared)."""
    ps_type_names = ("System.Xml.XmlNamespaceManager", "System.Object")
    ps_properties = ("DefaultNamespace", "NameTable")
    ps_methods = ("AddNamespace", "RemoveNamespace", "LookupNamespace", "LookupPrefix", "HasNamespace",
                  "GetEnumerator")

    def __init__(self, name_table=None):
        self.NameTable = name_table if name_table is not None else XmlNameTable()
        self._map = {}

    @property
    def DefaultNamespace(self):
        return self._map.get("", "")

    def AddNamespace(self, prefix, uri):
        if prefix is None:
            from .method_support import arg_null
            raise arg_null("prefix")
        if uri is None:
            from .method_support import arg_null
            raise arg_null("uri")
        prefix, uri = _str(prefix), _str(uri)
        if prefix in ("xml", "xmlns"):
            raise ArgumentException(f"Prefix \"{prefix}\" is reserved for use by XML.")
        self._map[prefix] = uri
        return None

    def RemoveNamespace(self, prefix, uri):
        if self._map.get(_str(prefix)) == _str(uri):
            del self._map[_str(prefix)]
        return None

    def LookupNamespace(self, prefix):
        prefix = _str(prefix)
        if prefix == "xml":
            return "http://www.w3.org/XML/1998/namespace"
        if prefix == "xmlns":
            return "http://www.w3.org/2000/xmlns/"
        return self._map.get(prefix)

    def LookupPrefix(self, uri):
        for p, u in self._map.items():
            if u == _str(uri):
                return p
        return None

    def HasNamespace(self, prefix):
        return _str(prefix) in self._map

    def GetEnumerator(self):
        return ["", "xmlns", "xml"] + [p for p in self._map if p]

    def namespaces(self):
        return {p: u for p, u in self._map.items() if p}

    def ps_to_string(self):
        return "System.Xml.XmlNamespaceManager"


class XmlDocument(_Shadowed, XmlNode):
    ps_type_names = ("System.Xml.XmlDocument", "System.Xml.XmlNode", "System.Object")
    ps_methods = XmlNode.ps_methods + ("Load", "LoadXml", "Save", "CreateElement", "CreateAttribute",
                                       "CreateTextNode", "CreateComment", "CreateXmlDeclaration", "ImportNode",
                                       "CreateProcessingInstruction")
    _node_type = "Document"
    _settable = ("InnerText", "InnerXml", "Value", "PreserveWhitespace")
    ps_extra_properties = XmlNode.ps_extra_properties + ("DocumentElement", "NameTable", "PreserveWhitespace",
                                                         "XmlDeclaration")

    def __init__(self, root=None, decl=None, preserve_ws=False):
        object.__setattr__(self, "_x", self)
        object.__setattr__(self, "_doc", self)
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "_decl", decl)
        object.__setattr__(self, "_preserve", preserve_ws)
        object.__setattr__(self, "_nametable", XmlNameTable())

    def _key(self):
        return ("XmlDocument", id(self))

    @classmethod
    def parse(cls, text: str, shown: str | None = None) -> "XmlDocument":
        """The `[xml]` cast of a string: 5.1's conversion error (naming `shown`, else the text) when it is
        not well formed."""
        try:
            root, decl = parse_text(text)
        except XmlException as e:
            shown = text if shown is None else shown
            raise PSInvalidCastException(
                f'Cannot convert value "{shown}" to type "System.Xml.XmlDocument". Error: "{e.message}"',
                error_id="InvalidCastToXmlDocument", category="InvalidArgument", target=text) from None
        return cls(root, decl)

    def _set_tree(self, root, decl):
        object.__setattr__(self, "_root", root)
        object.__setattr__(self, "_decl", decl)

    def _is_in_document(self, x):
        root = self._root
        if root is None:
            return False
        if x is root:
            return True
        return any(s is x for s in root.itersiblings(preceding=True)) or \
            any(s is x for s in root.itersiblings())

    def _local_name(self):
        return "#document"

    def _child_nodes(self):
        kids = []
        if self._decl is not None:
            kids.append(XmlDeclaration(self, self._decl))
        root = self._root
        if root is not None:
            before = list(root.itersiblings(preceding=True))
            before.reverse()
            kids += [wrap(self, x) for x in before]
            kids.append(XmlElement(self, root))
            kids += [wrap(self, x) for x in root.itersiblings()]
        return kids

    # -- .NET members ------------------------------------------------------------------------------
    @property
    def DocumentElement(self):
        return XmlElement(self, self._root) if self._root is not None else None

    @property
    def NameTable(self):
        return self._nametable

    @property
    def PreserveWhitespace(self):
        return self._preserve

    @PreserveWhitespace.setter
    def PreserveWhitespace(self, value):
        from .conversion import to_bool
        object.__setattr__(self, "_preserve", to_bool(value))

    @property
    def OuterXml(self):
        return self.InnerXml

    @property
    def InnerXml(self):
        return "".join(net(n, "OuterXml") for n in self._child_nodes())

    @InnerXml.setter
    def InnerXml(self, value):
        self.LoadXml(value)

    @property
    def InnerText(self):
        return None

    @InnerText.setter
    def InnerText(self, value):
        raise InvalidOperationException("The 'InnerText' of a 'Document' node is read-only and cannot be set.")

    @property
    def XmlDeclaration(self):
        return XmlDeclaration(self, self._decl) if self._decl is not None else None

    # -- loading and saving ------------------------------------------------------------------------
    def LoadXml(self, text):
        root, decl = parse_text(_str(text), self._preserve)
        self._set_tree(root, decl)
        return None

    def Load(self, source):
        src = unwrap(source)
        from .statics_io import resolve_path
        path = resolve_path(_str(src))
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            from ..errors import FileNotFoundException
            raise FileNotFoundException(f"Could not find file '{_display(path)}'.") from None
        except IsADirectoryError:
            from ..errors import UnauthorizedAccessException
            raise UnauthorizedAccessException(f"Access to the path '{_display(path)}' is denied.") from None
        except OSError as e:
            from ..errors import IOException
            raise IOException(e.strerror or str(e)) from None
        root, decl = parse_bytes(data, self._preserve)
        self._set_tree(root, decl)
        return None

    def to_text(self, indent: bool | None = None) -> str:
        """The document as Save writes it (indented unless whitespace is preserved)."""
        if indent is None:
            indent = not self._preserve
        parts = []
        for n in self._child_nodes():
            if isinstance(n, XmlDeclaration):
                parts.append(n.OuterXml)
            else:
                parts.append(node_xml(n._x, indent))
        return (NL if indent else "").join(parts)

    def Save(self, target):
        from .statics_io import resolve_path
        path = resolve_path(_str(unwrap(target)))
        text = self.to_text()
        enc = (self._decl or {}).get("encoding", "") or "utf-8"
        try:
            data = text.encode(enc) if enc.lower().replace("-", "") in ("utf8",) else _encode(text, enc)
        except LookupError:
            data = text.encode("utf-8")
        try:
            with open(path, "wb") as f:
                f.write(data)
        except FileNotFoundError:
            from ..errors import DirectoryNotFoundException
            raise DirectoryNotFoundException(f"Could not find a part of the path '{_display(path)}'.") from None
        except (PermissionError, IsADirectoryError):
            from ..errors import UnauthorizedAccessException
            raise UnauthorizedAccessException(f"Access to the path '{_display(path)}' is denied.") from None
        return None

    # -- building --------------------------------------------------------------------------------
    def CreateElement(self, name, uri=None, third=None):
        name = _str(name)
        prefix = None
        if third is not None:          # CreateElement(prefix, localName, namespaceURI)
            prefix, name, uri = name, _str(uri), _str(third)
        elif ":" in name:
            prefix, _, name = name.partition(":")
        try:
            if uri is not None and _str(uri):
                el = etree.Element("{%s}%s" % (_str(uri), name), nsmap={prefix: _str(uri)})
            else:
                el = etree.Element(name)
        except ValueError:
            raise XmlException(f"The '{name[:1]}' character, hexadecimal value 0x{ord(name[:1] or ' '):X}, "
                               "cannot be included in a name.") from None
        return XmlElement(self, el)

    def CreateAttribute(self, name, uri=None):
        return XmlAttribute(self, None, _str(name), _NONE, "")

    def CreateTextNode(self, text):
        return XmlText(self, None, False, _str(text))

    def CreateComment(self, text):
        return XmlComment(self, etree.Comment(_str(text)))

    def CreateProcessingInstruction(self, target, data):
        return XmlProcessingInstruction(self, etree.PI(_str(target), _str(data)))

    def CreateXmlDeclaration(self, version, encoding, standalone):
        d = {"version": _str(version) or "1.0"}
        if _str(encoding):
            d["encoding"] = _str(encoding)
        if _str(standalone):
            d["standalone"] = _str(standalone)
        return XmlDeclaration(self, d)

    def ImportNode(self, node, deep=True):
        node = unwrap(node)
        if isinstance(node, XmlElement):
            c = node.CloneNode(deep)
            object.__setattr__(c, "_doc", self)
            return c
        return node

    def AppendChild(self, node):
        node = unwrap(node)
        if isinstance(node, XmlDeclaration):
            if self._decl is not None or self._root is not None:
                raise InvalidOperationException("Cannot insert the node in the specified location.")
            object.__setattr__(self, "_decl", dict(node._x))
            return node
        if isinstance(node, XmlElement):
            if self._root is not None:
                raise InvalidOperationException("This document already has a 'DocumentElement' node.")
            if node._x.getparent() is not None:
                _remove_keep_tail(node._x)
            node._x.tail = None
            object.__setattr__(self, "_root", node._x)
            object.__setattr__(node, "_doc", self)
            return node
        if isinstance(node, (XmlComment, XmlProcessingInstruction)):
            if self._root is None:
                raise InvalidOperationException("This document does not have a document element to place a "
                                                "comment beside.")
            self._root.addnext(node._x)
            return node
        raise InvalidOperationException("The specified node cannot be inserted as the valid child of this node, "
                                        "because the specified node is the wrong type.")

    def RemoveChild(self, node):
        node = unwrap(node)
        if isinstance(node, XmlElement) and node._x is self._root:
            object.__setattr__(self, "_root", None)
            return node
        if isinstance(node, XmlDeclaration):
            object.__setattr__(self, "_decl", None)
            return node
        raise ArgumentException("The node to be removed is not a child of this node.")

    def RemoveAll(self):
        self._set_tree(None, None)
        return None

    def CloneNode(self, deep=True):
        import copy
        return XmlDocument(copy.deepcopy(self._root) if self._root is not None else None,
                           dict(self._decl) if self._decl else None, self._preserve)

    def ps_index(self, idx):
        return _child_element_index(self, idx)

    def GetElementsByTagName(self, name):
        if self._root is None:
            return XmlNodeList()
        name = _str(name)
        out = [XmlElement(self, e) for e in self._root.iter() if _is_element(e)
               and (name == "*" or _element_name(e) == name)]
        return XmlNodeList(out)

    def ps_to_string(self):
        return "#document"


def cast_to_xml(value):
    """`[xml]$value` as 5.1's LanguagePrimitives converts: $null stays $null, a document is itself, anything
    else is read as its text (a collection's items joined by newlines, so `[xml](Get-Content f)` reads the
    file's lines); the error names the value as its ToString() shows it (System.Object[] for an array)."""
    from .conversion import to_string, dotnet_string
    v = unwrap(value)
    if v is None:
        return None
    if isinstance(v, XmlDocument):
        return v
    if isinstance(v, (list, tuple)):
        return XmlDocument.parse("\n".join(to_string(x) for x in v), dotnet_string(v))
    return XmlDocument.parse(to_string(v))


def _display(path):
    from .drives import display_path
    return display_path(path)


def _encode(text, enc):
    import codecs
    name = codecs.lookup(enc).name
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return text.encode(name if name in ("utf-16", "utf-32") else name)
    return text.encode(name, errors="replace")


def new_document():
    return XmlDocument()


# ---------------------------------------------------------------------------
# XPath

def _xpath_message(xpath, exc, has_manager):
    msg = str(exc)
    if "Undefined namespace prefix" in msg:
        if not has_manager:
            return "Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function."
        m = re.search(r"([A-Za-z_][\w.-]*):", xpath)
        return f"Namespace prefix '{m.group(1) if m else ''}' is not defined."
    if "Undefined variable" in msg:
        return "Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function."
    if "Unregistered function" in msg:
        m = re.search(r"([A-Za-z_][\w.-]*)\s*\(", xpath)
        return f"'{xpath}' has an invalid token." if not m else \
            "Namespace Manager or XsltContext needed. This query has a prefix, variable, or user-defined function."
    return f"'{xpath}' has an invalid token."


def select(node, xpath, nsmgr=None, namespaces=None):
    """The nodes an XPath 1.0 expression selects from `node`, in document order, as wrappers.
    Raises XPathException with .NET's messages."""
    xpath = _str(xpath)
    nsmgr = unwrap(nsmgr)
    ns = {}
    if isinstance(nsmgr, XmlNamespaceManager):
        ns.update(nsmgr.namespaces())
    if namespaces:
        ns.update(namespaces)
    doc = node._doc
    if isinstance(node, XmlDocument):
        if node._root is None:
            return []
        ctx = node._root.getroottree()
    elif isinstance(node, XmlLinkedNode):
        ctx = node._x
    elif isinstance(node, XmlAttribute) and node._x is not None:
        ctx = node._x
    else:
        return []
    if not xpath.strip():
        raise XPathException("Expression must evaluate to a node-set.")
    bare = xpath.strip()
    if bare == "/" or (bare == ".." and isinstance(node, XmlElement) and node._x is getattr(doc, "_root", None)):
        return [doc]            # the document node, which lxml does not return
    try:
        result = ctx.xpath(xpath, namespaces=ns or None)
    except etree.XPathError as e:
        raise XPathException(_xpath_message(xpath, e, isinstance(nsmgr, XmlNamespaceManager) or bool(namespaces))) \
            from None
    if not isinstance(result, list):
        raise XPathException("Expression must evaluate to a node-set.")
    out = []
    for r in result:
        w = _wrap_result(doc, r)
        if w is not None:
            out.append(w)
    return out


def _wrap_result(doc, r):
    if isinstance(r, etree._ElementTree):
        return doc
    if isinstance(r, str):
        if getattr(r, "is_attribute", False):
            p = r.getparent()
            return XmlAttribute(doc, p, r.attrname)
        if getattr(r, "is_text", False):
            return XmlText(doc, r.getparent(), False)
        if getattr(r, "is_tail", False):
            return XmlText(doc, r.getparent(), True)
        return None
    if isinstance(r, tuple):    # namespace nodes
        return None
    return wrap(doc, r)


# ---------------------------------------------------------------------------
# registration of the .NET types scripts construct

def construct(type_name: str, args):
    """New-Object / ::new for System.Xml.XmlDocument and System.Xml.XmlNamespaceManager."""
    t = type_name.lower()
    if t in ("system.xml.xmldocument", "xml", "xml.xmldocument"):
        return XmlDocument()
    if t in ("system.xml.xmlnamespacemanager", "xml.xmlnamespacemanager"):
        return XmlNamespaceManager(args[0] if args else None)
    raise KeyError(type_name)

