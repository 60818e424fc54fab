"""Constructors of the System.Xml types scripts create: `New-Object xml`, `[xml]::new()`,
`New-Object System.Xml.XmlNamespaceManager($doc.NameTable)` (the nodes live in xmldoc.py)."""
from __future__ import annotations

from .method_support import nargs
from .statics import static_type

XD = static_type("System.Xml.XmlDocument")


@XD.method("new", "System.Xml.XmlDocument new()", "System.Xml.XmlDocument new(System.Xml.XmlNameTable nt)")
def _xd_new(args, kw):
    from .xmldoc import XmlDocument
    nargs(args, 0, 1)
    return XmlDocument()


NSM = static_type("System.Xml.XmlNamespaceManager")


@NSM.method("new", "System.Xml.XmlNamespaceManager new(System.Xml.XmlNameTable nameTable)")
def _nsm_new(args, kw):
    from .xmldoc import XmlNamespaceManager
    nargs(args, 1)
    return XmlNamespaceManager(args[0])
