"""Reading and writing XML text as System.Xml does, on lxml (the nodes are in xmldoc.py).

Reading: whitespace-only text is dropped unless whitespace is preserved (XmlReader's IgnoreWhitespace,
what the [xml] cast and XmlDocument.Load do by default); a document that is not well formed raises
XmlException with .NET's text for the usual mistakes (an element left open, a mismatched end tag, text
or a second element at the root, an unquoted attribute, nothing at all), else lxml's finding in .NET's
`Line n, position m.` form.

Writing: .NET's XmlWriter shapes: `<a />` for an empty element, `"` around attribute values, a
namespace declared where a written node first needs it; indented output (Save, ConvertTo-Xml) puts
each element on its own line with two spaces per level, except inside mixed content.
"""
from __future__ import annotations

import re

from lxml import etree

from ..errors import _exc, SystemException

XmlException = _exc("XmlException", "System.Xml.XmlException", SystemException)

NL = "\n"


# ---------------------------------------------------------------------------
# parsing

_DECL = re.compile(r"^\ufeff?\s*<\?xml\s+([^?]*)\?>", re.S)
_DECL_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _declaration(text: str):
    m = _DECL.match(text)
    if not m:
        return None
    attrs = {k.lower(): (a if a else b) for k, a, b in _DECL_ATTR.findall(m.group(1))}
    return attrs


def _strip_blank(el):
    """Drop whitespace-only text (XmlReader's IgnoreWhitespace), keeping xml:space="preserve" content."""
    space = "{http://www.w3.org/XML/1998/namespace}space"
    stack = [(el, False)]
    while stack:
        e, keep = stack.pop()
        keep = {"preserve": True, "default": False}.get(e.get(space) if isinstance(e.tag, str) else None, keep)
        if isinstance(e.tag, str) and not keep and e.text is not None and not e.text.strip():
            e.text = None
        for c in e:
            if not keep and c.tail is not None and not c.tail.strip():
                c.tail = None
            if isinstance(c.tag, str):
                stack.append((c, keep))


def parse_text(text: str, preserve_ws: bool = False):
    """(root element or None, declaration attrs or None, document-level nodes before/after the root).
    Raises XmlException with .NET's message."""
    decl = _declaration(text)
    data = text.lstrip("\ufeff")
    if decl is not None:
        data = data.lstrip()
    try:
        parser = etree.XMLParser(resolve_entities="internal", no_network=True, remove_comments=False,
                                 remove_pis=False, huge_tree=True, encoding="utf-8")
        root = etree.fromstring(data.encode("utf-8"), parser)
    except etree.XMLSyntaxError as e:
        raise XmlException(_dotnet_parse_message(text, e)) from None
    if not preserve_ws:
        _strip_blank(root)
    return root, decl


def parse_bytes(data: bytes, preserve_ws: bool = False):
    text = None
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities="internal", no_network=True,
                                                      remove_comments=False, remove_pis=False, huge_tree=True))
    except etree.XMLSyntaxError as e:
        from .textdecode import decode
        text = decode(data)
        raise XmlException(_dotnet_parse_message(text, e) if text is not None else _lxml_message(e)) from None
    if not preserve_ws:
        _strip_blank(root)
    head = data[:200]
    for enc in ("utf-8", "utf-16", "utf-32"):
        try:
            decl = _declaration(head.decode(enc, errors="ignore"))
        except LookupError:
            decl = None
        if decl is not None:
            return root, decl
    return root, None


_TOKEN = re.compile(r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>"
                    r"|</\s*([^\s>]*)\s*>|<([^\s/>!?]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>|[^<]+|<", re.S)


def _pos(text, index):
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, col


def _dotnet_parse_message(text: str, exc) -> str:
    """.NET's XmlException text for the common ways a document is not well formed; lxml's finding
    (in .NET's `Line n, position m.` form) otherwise."""
    stack = []          # (name, index of name)
    root_done = False
    seen_root = False
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if m.group(2) is not None:                      # start tag
            if not stack and root_done:
                line, col = _pos(text, m.start() + 1)
                return f"There are multiple root elements. Line {line}, position {col}."
            seen_root = True
            if m.group(3) != "/":
                stack.append((m.group(2), m.start() + 1))
            elif not stack:
                root_done = True
        elif m.group(1) is not None:                    # end tag
            if not stack:
                break
            name, at = stack.pop()
            if name != m.group(1):
                l1, c1 = _pos(text, at)
                l2, c2 = _pos(text, m.start() + 2)
                return (f"The '{name}' start tag on line {l1} position {c1} does not match the end tag of "
                        f"'{m.group(1)}'. Line {l2}, position {c2}.")
            if not stack:
                root_done = True
        elif tok.startswith("<") and tok != "<":
            continue
        elif not stack:
            stripped = tok.lstrip("\ufeff \t\r\n")
            if stripped:
                line, col = _pos(text, m.start() + (len(tok) - len(stripped)))
                return f"Data at the root level is invalid. Line {line}, position {col}."
        elif tok == "<":
            break
    if not seen_root and not text.strip("\ufeff \t\r\n"):
        return "Root element is missing."
    if stack and not _lxml_has_other_error(exc):
        line, col = _pos(text, len(text))
        names = ", ".join(n for n, _ in reversed(stack))
        return (f"Unexpected end of file has occurred. The following elements are not closed: {names}. "
                f"Line {line}, position {col}.")
    if not seen_root:
        return "Root element is missing."
    return _lxml_message(exc, text)


def _lxml_has_other_error(exc) -> bool:
    msg = str(exc)
    return not ("Premature end of data" in msg or "EndTag" in msg or "chunk is not well balanced" in msg
                or "expected '>'" in msg or "Couldn't find end of Start Tag" in msg)


def _lxml_message(exc, text=None) -> str:
    msg = str(getattr(exc, "msg", None) or exc)
    m = re.search(r",? line (\d+), column (\d+)\s*$", msg)
    if m:
        msg = msg[:m.start()]
        line, col = int(m.group(1)), int(m.group(2))
        if msg.startswith("AttValue:") and text is not None:
            lines = text.split("\n")
            ch = lines[line - 1][col - 1:col] if line <= len(lines) else ""
            return (f"'{ch}' is an unexpected token. The expected token is '\"' or '''. "
                    f"Line {line}, position {col}.")
        return f"{msg.rstrip('. ')}. Line {line}, position {col}."
    return msg


# ---------------------------------------------------------------------------
# names and text

def _split(tag):
    if tag.startswith("{"):
        uri, _, local = tag[1:].partition("}")
        return uri, local
    return "", tag


def _qualified_attr(el, key):
    uri, local = _split(key)
    if not uri:
        return local
    if uri == "http://www.w3.org/XML/1998/namespace":
        return "xml:" + local
    for p, u in (el.nsmap or {}).items():
        if u == uri and p:
            return f"{p}:{local}"
    return local


def _is_element(x):
    return isinstance(x.tag, str)


def _escape_text(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attr(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\n", "&#xA;").replace("\r", "&#xD;").replace("\t", "&#x9;"))


def _declared_ns(el):
    """The namespace declarations this element adds (prefix or None, uri)."""
    parent = el.getparent()
    inherited = parent.nsmap if parent is not None else {}
    return [(p, u) for p, u in el.nsmap.items() if inherited.get(p) != u]


def _inner_text(el) -> str:
    out = []

    def walk(e):
        if e.text and _is_element(e):
            out.append(e.text)
        for c in e:
            if _is_element(c):
                walk(c)
            if c.tail:
                out.append(c.tail)
    walk(el)
    return "".join(out)


# ---------------------------------------------------------------------------
# writing (.NET's XmlWriter shapes)

def _write_node(x, out, indent, level, scope=None):
    """x: an lxml element, comment or processing instruction. `scope`: the prefixes already declared
    (prefix or None -> URI) by what was written around it; a prefix an element uses that is not in scope
    is declared on it, as .NET's writer does for a node written on its own (OuterXml of an inner node)."""
    pad = ("  " * level) if indent else ""
    if x.tag is etree.Comment:
        out.append(f"{pad}<!--{x.text or ''}-->")
        return
    if x.tag is etree.PI:
        body = f"{x.target} {x.text}" if x.text else x.target
        out.append(f"{pad}<?{body}?>")
        return
    if not _is_element(x):      # entity references and the like
        out.append(pad + etree.tostring(x, encoding="unicode", with_tail=False))
        return
    scope = dict(scope or {})
    name = _element_name(x)
    decls = []
    for p, u in _declared_ns(x):
        if scope.get(p) != u:
            decls.append((p, u))
            scope[p] = u
    attrs = []
    needed = []
    uri = _split(x.tag)[0]
    if uri:
        needed.append((x.prefix, uri))
    for k, v in x.attrib.items():
        q = _qualified_attr(x, k)
        attrs.append(f' {q}="{_escape_attr(v)}"')
        au = _split(k)[0]
        if au and ":" in q and not q.startswith("xml:"):
            needed.append((q.partition(":")[0], au))
    for p, u in needed:
        if scope.get(p) != u:
            attrs.append(f' xmlns:{p}="{_escape_attr(u)}"' if p else f' xmlns="{_escape_attr(u)}"')
            scope[p] = u
    head_decls = "".join(f' xmlns:{p}="{_escape_attr(u)}"' if p else f' xmlns="{_escape_attr(u)}"'
                         for p, u in decls)
    head = f"{pad}<{name}{head_decls}{''.join(attrs)}"
    kids = list(x)
    if not kids and x.text is None:
        out.append(head + " />")
        return
    mixed = bool(x.text) or any(c.tail for c in kids)
    if not indent or mixed or not kids:
        parts = [head + ">"]
        if x.text:
            parts.append(_escape_text(x.text))
        for c in kids:
            sub = []
            _write_node(c, sub, False, 0, scope)
            parts.append("".join(sub))
            if c.tail:
                parts.append(_escape_text(c.tail))
        parts.append(f"</{name}>")
        out.append("".join(parts))
        return
    out.append(head + ">")
    for c in kids:
        _write_node(c, out, True, level + 1, scope)
    out.append(f"{pad}</{name}>")


def _element_name(el):
    uri, local = _split(el.tag)
    return f"{el.prefix}:{local}" if el.prefix else local


def node_xml(x, indent=False) -> str:
    out = []
    _write_node(x, out, indent, 0)
    return (NL if indent else "").join(out)


def _children_xml(el) -> str:
    parts = []
    if el.text:
        parts.append(_escape_text(el.text))
    for c in el:
        parts.append(node_xml(c))
        if c.tail:
            parts.append(_escape_text(c.tail))
    return "".join(parts)
