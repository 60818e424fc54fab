"""Export-Clixml / Import-Clixml in the CLIXML format (PowerShell serialization,
Version 1.1.0.1), and ConvertTo-Xml. Written and read with lxml.

Kept: primitives as <S>/<I32>/<I64>/<Db>/<B>/<DT>/<D>/<Nil/>, arrays as <LST>,
dictionaries as <DCT>, objects with <TN>/<TNRef> type names, <ToString>,
<Props> (adapted) and <MS> (note) properties, -Depth (default 2: deeper values
are written as their string). Imported objects carry "Deserialized." type names.
A SecureString is written as <SS> with its protected form (the Security
module's stand-in for DPAPI, never the characters) at any depth, and read back
as a SecureString; a PSCredential comes back as a PSCredential, as in 5.1.
"""
from __future__ import annotations

import datetime as _dt
import decimal
import re

from lxml import etree

from ...commands.cmdlet import Cmdlet, Parameter
from ...errors import (error_record, InvalidOperationException, FileNotFoundException, FormatException,
                       ArgumentException)
from ...runtime.datetimes import parse_datetime, parse_local
from ...runtime.conversion import dotnet_string, format_double, to_string
from ...runtime.psobject import PSObject, Hashtable, PSMemberInfo, Int64, TypedInt, Single, Char, Byte, unwrap
from ...runtime.members import properties
from ...runtime.typenames import type_names_of
from ..security.credentials import PSCredential, PSCREDENTIAL_TYPE
from ..security.protection import CryptographicException, protect, unprotect
from ..security.secure_string import SecureString, plain_text
from . import encodings
from .textfile import TextFileWriter, FileWriteError

NS = "http://schemas.microsoft.com/powershell/2004/04"
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]|_(?=x[0-9A-Fa-f]{4}_)")


def _escape(s: str) -> str:
    return _CTRL.sub(lambda m: "_x%04X_" % ord(m.group(0)), s)


def _unescape(s: str) -> str:
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s)


def _dt_text(d: _dt.datetime) -> str:
    s = d.strftime("%Y-%m-%dT%H:%M:%S") + ".%07d" % (d.microsecond * 10)
    if d.tzinfo is None:
        off = _dt.datetime.now().astimezone().utcoffset()
    else:
        off = d.utcoffset()
    mins = int(off.total_seconds() // 60)
    sign = "+" if mins >= 0 else "-"
    mins = abs(mins)
    return s + f"{sign}{mins // 60:02d}:{mins % 60:02d}"


class Serializer:
    def __init__(self, depth=2):
        self.depth = depth
        self.ref = 0
        self.tn = {}

    def _el(self, parent, tag, name=None, text=None):
        e = etree.SubElement(parent, tag) if parent is not None else etree.Element(tag)
        if name is not None:
            e.set("N", name)
        if text is not None:
            e.text = text
        return e

    def write(self, parent, obj, name=None, depth=0):
        t = type(obj)
        if obj is None:
            return self._el(parent, "Nil", name)
        if t is bool:
            return self._el(parent, "B", name, "true" if obj else "false")
        if t is str:
            return self._el(parent, "S", name, _escape(obj))
        if isinstance(obj, Char):
            return self._el(parent, "C", name, str(ord(obj)))
        if isinstance(obj, Byte):
            return self._el(parent, "By", name, str(int(obj)))
        if isinstance(obj, TypedInt):
            tag = {"System.Int64": "I64", "System.Int16": "I16", "System.UInt16": "U16",
                   "System.UInt32": "U32", "System.UInt64": "U64", "System.SByte": "SB"}.get(obj.ps_type, "I32")
            return self._el(parent, tag, name, str(int(obj)))
        if t is int:
            return self._el(parent, "I32" if -2 ** 31 <= obj < 2 ** 31 else "I64", name, str(obj))
        if isinstance(obj, Single):
            return self._el(parent, "Sg", name, format_double(float(obj)))
        if isinstance(obj, float):
            return self._el(parent, "Db", name, format_double(obj))
        if isinstance(obj, decimal.Decimal):
            return self._el(parent, "D", name, format(obj, "f"))
        if isinstance(obj, _dt.datetime):
            return self._el(parent, "DT", name, _dt_text(obj))
        if isinstance(obj, SecureString):
            return self._el(parent, "SS", name, protect(plain_text(obj)))
        if isinstance(obj, PSObject) and obj.base is not None and not obj.members:
            return self.write(parent, obj.base, name, depth)
        if depth > self.depth:
            return self._el(parent, "S", name, _escape(to_string(obj)))
        e = self._el(parent, "Obj", name)
        e.set("RefId", str(self.ref))
        self.ref += 1
        self._type_names(e, type_names_of(obj))
        if isinstance(obj, (list, tuple)):
            lst = self._el(e, "LST")
            for x in obj:
                self.write(lst, x, None, depth + 1)
            return e
        if isinstance(obj, (Hashtable, dict)):
            dct = self._el(e, "DCT")
            for k, v in obj.items():
                en = self._el(dct, "En")
                self.write(en, k, "Key", depth + 1)
                self.write(en, v, "Value", depth + 1)
            return e
        if isinstance(obj, PSObject) and obj.base is None:
            ms = self._el(e, "MS")
            for n, v in properties(obj):
                self.write(ms, v, n, depth + 1)
            return e
        self._el(e, "ToString", None, _escape(dotnet_string(obj)))
        props = properties(obj.base if isinstance(obj, PSObject) else obj)
        if props:
            pe = self._el(e, "Props")
            for n, v in props:
                self.write(pe, v, n, depth + 1)
        if isinstance(obj, PSObject) and obj.members:
            ms = self._el(e, "MS")
            for m in obj.members.values():
                if m.member_type.endswith("Property"):
                    self.write(ms, m.get(obj), m.name, depth + 1)
        return e

    def _type_names(self, e, names):
        key = tuple(names)
        if key in self.tn:
            ref = self._el(e, "TNRef")
            ref.set("RefId", str(self.tn[key]))
            return
        rid = len(self.tn)
        self.tn[key] = rid
        tn = self._el(e, "TN")
        tn.set("RefId", str(rid))
        for n in names:
            self._el(tn, "T", None, n)


def to_clixml(objects, depth=2) -> str:
    root = etree.Element("Objs", nsmap={None: NS})
    root.set("Version", "1.1.0.1")
    s = Serializer(depth)
    for o in objects:
        s.write(root, o)
    for el in root.iter():
        if el is not root and isinstance(el.tag, str) and not el.tag.startswith("{"):
            el.tag = "{%s}%s" % (NS, el.tag)
    etree.indent(root, space="  ")
    text = etree.tostring(root, encoding="unicode")
    # .NET's XmlWriter order and spelling: Version before xmlns, "<Nil />"
    text = text.replace(f'<Objs xmlns="{NS}" Version="1.1.0.1">', f'<Objs Version="1.1.0.1" xmlns="{NS}">', 1)
    return re.sub(r'(<[^<>]*?[^ ])/>', r'\1 />', text)


class Deserializer:
    def __init__(self):
        self.tn = {}
        self.objs = {}

    def read(self, el):
        tag = etree.QName(el).localname
        text = el.text or ""
        if tag == "Nil":
            return None
        if tag == "S":
            return _unescape(text)
        if tag == "B":
            return text.strip().lower() == "true"
        if tag in ("I32", "I16", "U16", "SB", "By"):
            return int(text)
        if tag in ("I64", "U32", "U64"):
            return Int64(int(text)) if tag == "I64" else int(text)
        if tag in ("Db", "Sg"):
            return float(text)
        if tag == "D":
            return decimal.Decimal(text)
        if tag == "C":
            return Char(chr(int(text)))
        if tag == "DT":
            return _parse_dt(text)
        if tag == "SS":
            return SecureString(unprotect(text.strip()))
        if tag == "Ref":
            return self.objs.get(el.get("RefId"))
        if tag == "Obj":
            return self._obj(el)
        return _unescape(text)

    def _obj(self, el):
        names = []
        kids = {etree.QName(c).localname: c for c in el}
        if "TN" in kids:
            names = [t.text for t in kids["TN"]]
            self.tn[kids["TN"].get("RefId")] = names
        elif "TNRef" in kids:
            names = self.tn.get(kids["TNRef"].get("RefId"), [])
        for coll in ("LST", "IE", "STK", "QUE"):
            if coll in kids:
                v = [self.read(c) for c in kids[coll]]
                self.objs[el.get("RefId")] = v
                return v
        if "DCT" in kids:
            h = Hashtable()
            for en in kids["DCT"]:
                k = v = None
                for c in en:
                    if c.get("N") == "Key":
                        k = self.read(c)
                    elif c.get("N") == "Value":
                        v = self.read(c)
                h[k] = v
            self.objs[el.get("RefId")] = h
            return h
        if names and names[0] == PSCREDENTIAL_TYPE:
            cred = self._credential(kids)
            if cred is not None:
                self.objs[el.get("RefId")] = cred
                return cred
        obj = PSObject(None, ["Deserialized." + n for n in names])
        for section in ("Props", "MS"):
            if section in kids:
                for c in kids[section]:
                    n = c.get("N")
                    if n is not None:
                        obj.members[n.lower()] = PSMemberInfo(n, self.read(c))
        if not obj.members and "ToString" in kids:
            return _unescape(kids["ToString"].text or "")
        self.objs[el.get("RefId")] = obj
        return obj

    def _credential(self, kids):
        """A PSCredential is rehydrated: UserName <S> and Password <SS>."""
        props = {c.get("N"): c for c in kids.get("Props", ())}
        user, password = props.get("UserName"), props.get("Password")
        if user is None or password is None or etree.QName(password).localname != "SS":
            return None
        return PSCredential(self.read(user), self.read(password))


def _parse_dt(text):
    """<DT> text (round-trip form) by the one date parser: an offset means local time, `Z` stays UTC."""
    try:
        d = parse_datetime(text)
    except ValueError:
        return text
    if d.tzinfo is None or text.rstrip().upper().endswith("Z"):
        return d
    return parse_local(text)


def from_clixml(text: str) -> list:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    root = etree.fromstring(text.encode("utf-8"), parser)
    d = Deserializer()
    return [d.read(c) for c in root if isinstance(c.tag, str)]


class ExportClixmlCommand(Cmdlet):
    name = "Export-Clixml"
    dotnet_type = "Microsoft.PowerShell.Commands.ExportClixmlCommand"
    default_parameter_set = "ByPath"
    supports_should_process = True
    Path = Parameter("string", position=0, mandatory=True, parameter_set="ByPath")
    LiteralPath = Parameter("string", mandatory=True, parameter_set="ByLiteralPath", aliases=("PSPath",))
    Depth = Parameter("int", validate_range=(1, 2147483647))
    InputObject = Parameter("psobject", mandatory=True, value_from_pipeline=True, allow_null=True)
    Force = Parameter("switch")
    NoClobber = Parameter("switch", aliases=("NoOverwrite",))
    Encoding = Parameter("string", validate_set=encodings.CSV_NAMES)

    def begin(self):
        self._objs = []

    def process(self):
        self._objs.append(self.InputObject)

    def end(self):
        typed = self.LiteralPath if self.LiteralPath is not None else self.Path
        path = self.ctx.resolve_path(typed)
        if not self.should_process(path):
            return
        text = to_clixml(self._objs, self.Depth or 2)
        w = TextFileWriter(path, encodings.resolve(self.Encoding), no_clobber=bool(self.NoClobber),
                           force=bool(self.Force))
        try:
            w.open()
            w.write(text + "\n")
            w.close()
        except FileWriteError as e:
            raise self.terminating_error(e.record())


class ImportClixmlCommand(Cmdlet):
    name = "Import-Clixml"
    dotnet_type = "Microsoft.PowerShell.Commands.ImportClixmlCommand"
    default_parameter_set = "ByPath"
    Path = Parameter("string[]", position=0, mandatory=True, parameter_set="ByPath", value_from_pipeline=True)
    LiteralPath = Parameter("string[]", mandatory=True, parameter_set="ByLiteralPath", aliases=("PSPath",))

    def process(self):
        paths = self.LiteralPath if self.LiteralPath is not None else self.Path
        for p in [paths] if isinstance(paths, str) else paths:
            path = self.ctx.resolve_path(p)
            try:
                text = encodings.read_text(path, "utf-8")   # XML: BOM, else UTF-8
            except OSError:
                self.write_error(self.error(f"Could not find file '{path}'.", "FileOpenFailure", "OpenError",
                                            path, FileNotFoundException))
                continue
            try:
                objs = from_clixml(text)
            except etree.XMLSyntaxError as e:
                raise self.terminating_error(error_record(str(e), "System.Xml.XmlException", "NotSpecified",
                                                          None, InvalidOperationException))
            except (CryptographicException, FormatException, ArgumentException) as e:
                # a <SS> protected by another user or pshim home (5.1: DPAPI's error)
                raise self.terminating_error(error_record(e.message, type(e).ps_type, "NotSpecified", None,
                                                          type(e)))
            for o in objs:
                self.write_object(o)


_XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'


def _xml_objects(objects, depth: int, types: bool):
    """ConvertTo-Xml's <Objects> element: each object's properties, and with -Depth above 1 the properties
    of property values too (a collection as one <Property> per item); -NoTypeInformation (types=False)
    leaves out the Type attributes."""
    root = etree.Element("Objects")
    for o in objects:
        _xml_value(etree.SubElement(root, "Object"), o, max(1, depth), types)
    return root


def to_xml_string(objects, depth: int = 1, types: bool = True) -> str:
    """ConvertTo-Xml -As String: the document as .NET's indenting XmlWriter writes it (`<a />`)."""
    from ...runtime.xmldoc import node_xml
    return _XML_DECLARATION + "\n" + node_xml(_xml_objects(objects, depth, types), indent=True)


def to_xml_document(objects, depth: int = 1, types: bool = True):
    """ConvertTo-Xml -As Document (the default): an [xml] document."""
    from ...runtime.xmldoc import XmlDocument
    return XmlDocument(_xml_objects(objects, depth, types), {"version": "1.0", "encoding": "utf-8"})


def to_xml_stream_item(obj, depth: int = 1, types: bool = True) -> str:
    """ConvertTo-Xml -As Stream: one <Object> element, written when the object arrives."""
    from ...runtime.xmldoc import node_xml
    e = etree.Element("Object")
    _xml_value(e, obj, max(1, depth), types)
    return node_xml(e, indent=True)


def _is_scalar(o) -> bool:
    return type(o) in (str, int, float, bool) or isinstance(o, (decimal.Decimal, _dt.datetime))


def _xml_value(e, o, depth=1, types=True):
    if o is None:
        return
    if types:
        e.set("Type", type_names_of(o)[0])
    if _is_scalar(o):
        e.text = dotnet_string(o)
        return
    for n, v in properties(o):
        p = etree.SubElement(e, "Property")
        p.set("Name", n)
        _xml_property(p, v, depth, types)


def _xml_property(p, v, depth, types):
    if v is None:
        return
    if types:
        p.set("Type", type_names_of(v)[0])
    base = unwrap(v) if isinstance(v, PSObject) and v.base is not None else v
    if depth <= 1 or _is_scalar(base):
        p.text = dotnet_string(v)
    elif isinstance(base, (list, tuple)):
        for item in base:
            _xml_property(etree.SubElement(p, "Property"), item, depth - 1, types)
    else:
        for n, x in properties(v):
            child = etree.SubElement(p, "Property")
            child.set("Name", n)
            _xml_property(child, x, depth - 1, types)


class ConvertToXmlCommand(Cmdlet):
    """-As Document (default) writes one [xml] document at the end; String one string at the end;
    Stream the declaration and `<Objects>` first, each object's `<Object>` as it arrives, `</Objects>` last."""
    name = "ConvertTo-Xml"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertToXmlCommand"
    InputObject = Parameter("psobject", position=0, mandatory=True, value_from_pipeline=True, allow_null=True)
    Depth = Parameter("int", validate_range=(1, 2147483647))
    NoTypeInformation = Parameter("switch")
    As = Parameter("string", validate_set=("Stream", "String", "Document"), validate_not_null_or_empty=True)

    def begin(self):
        self._objs = []
        self._as = (self.As or "Document").lower()
        self._depth = int(self.Depth) if self.Depth is not None else 1
        self._types = not self.NoTypeInformation
        if self._as == "stream":
            self.write_object(_XML_DECLARATION)
            self.write_object("<Objects>")

    def process(self):
        if self._as == "stream":
            self.write_object(to_xml_stream_item(self.InputObject, self._depth, self._types))
        else:
            self._objs.append(self.InputObject)

    def end(self):
        if self._as == "stream":
            self.write_object("</Objects>")
        elif self._as == "string":
            self.write_object(to_xml_string(self._objs, self._depth, self._types))
        else:
            self.write_object(to_xml_document(self._objs, self._depth, self._types))
