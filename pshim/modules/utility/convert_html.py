"""ConvertTo-Html as Windows PowerShell 5.1 writes it: an XHTML 1.0 Strict page
(or a fragment) with one table; each line is a separate output string.
Cell values are HTML-encoded ToString() text; labels, title, head, body, pre-
and post-content are written as given (not encoded), as 5.1 does."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet, Parameter
from ...errors import error_record, PSArgumentException
from ...formatting.expressions import parse_property_list, FormatSpecError, HTML_KEYS, MISSING, PropertySpec, \
    Expression
from ...runtime.conversion import dotnet_string, to_string
from ...runtime.members import property_names

DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
HTML_OPEN = '<html xmlns="http://www.w3.org/1999/xhtml">'
DEFAULT_TITLE = "HTML TABLE"


def html_encode(text: str) -> str:
    """WebUtility.HtmlEncode."""
    out = []
    for c in text:
        if c == "&":
            out.append("&amp;")
        elif c == "<":
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == '"':
            out.append("&quot;")
        elif c == "'":
            out.append("&#39;")
        elif "\u00a0" <= c <= "\u00ff":
            out.append(f"&#{ord(c)};")
        else:
            out.append(c)
    return "".join(out)


def _strings(v):
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [to_string(x) for x in v]
    return [to_string(v)]


class HtmlWriter:
    def __init__(self, specs=None, as_list=False, fragment=False, title=None, head=None, body=None,
                 css_uri=None, pre_content=None, post_content=None, ctx=None):
        self.specs = specs
        self.as_list = as_list
        self.fragment = fragment
        self.title = DEFAULT_TITLE if title is None else title
        self.head = head
        self.body = body
        self.css_uri = css_uri
        self.pre = pre_content
        self.post = post_content
        self.ctx = ctx
        self.columns = None
        self.count = 0

    def begin(self) -> list[str]:
        out = []
        if not self.fragment:
            out += [DOCTYPE, HTML_OPEN, "<head>"]
            if self.head is not None:
                out += _strings(self.head)
            else:
                out.append(f"<title>{self.title}</title>")
            if self.css_uri is not None:
                out.append(f'<link rel="stylesheet" type="text/css" href="{self.css_uri}" />')
            out.append("</head><body>")
            out += _strings(self.body)
        out += _strings(self.pre)
        out.append("<table>")
        return out

    def _resolve(self, obj):
        specs = self.specs or [PropertySpec(Expression("*"))]
        cols = []
        for s in specs:
            if s.from_hashtable or s.expr.script is not None or not s.expr.is_wildcard:
                cols.append(s)
            else:
                cols += [PropertySpec(e) for e in s.expr.resolve(obj)]
        return cols

    def _value(self, spec, obj):
        v, err = spec.expr.value(obj, self.ctx)
        if err is not None or v is MISSING or v is None:
            return ""
        return html_encode(dotnet_string(v))

    def lines(self, obj) -> list[str]:
        if obj is None:
            return []
        out = []
        if self.columns is None:
            self.columns = self._resolve(obj)
            if not self.as_list:
                cols = "".join(_col_tag(s) for s in self.columns)
                out.append(f"<colgroup>{cols}</colgroup>")
                out.append("<tr>" + "".join(f"<th>{s.header}</th>" for s in self.columns) + "</tr>")
        if self.as_list:
            if self.count > 0:
                out.append("<tr><td><hr></td></tr>")
            for s in self.columns:
                out.append(f"<tr><td>{s.header}:</td><td>{self._value(s, obj)}</td></tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{self._value(s, obj)}</td>" for s in self.columns) + "</tr>")
        self.count += 1
        return out

    def end(self) -> list[str]:
        out = ["</table>"]
        out += _strings(self.post)
        if not self.fragment:
            out.append("</body></html>")
        return out


def _col_tag(spec) -> str:
    attrs = ""
    if spec.width is not None:
        attrs += f' width = "{spec.width}"'
    if spec.alignment is not None:
        attrs += f' align = "{spec.alignment}"'
    return f"<col{attrs}/>"


def convert_to_html(objects, **kw) -> list[str]:
    w = HtmlWriter(**kw)
    out = w.begin()
    for o in objects:
        out += w.lines(o)
    return out + w.end()


class ConvertToHtmlCommand(Cmdlet):
    name = "ConvertTo-Html"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertToHtmlCommand"
    default_parameter_set = "Page"
    InputObject = Parameter("psobject", value_from_pipeline=True)
    Property = Parameter("object[]", position=0)
    Body = Parameter("string[]", position=3, parameter_set="Page")
    Head = Parameter("string[]", position=1, parameter_set="Page")
    Title = Parameter("string", position=2, parameter_set="Page")
    As = Parameter("string", validate_set=("Table", "List"))
    CssUri = Parameter("string", parameter_set="Page", aliases=("cu", "uri"))
    Fragment = Parameter("switch", parameter_set="Fragment")
    PostContent = Parameter("string[]")
    PreContent = Parameter("string[]")

    def begin(self):
        try:
            specs = parse_property_list(self.Property, HTML_KEYS) if self.Property is not None else None
        except FormatSpecError as e:
            raise self.terminating_error(error_record(e.message, e.error_id, "InvalidArgument", None,
                                                      PSArgumentException))
        self._w = HtmlWriter(specs, as_list=(self.As or "Table").lower() == "list", fragment=bool(self.Fragment),
                             title=self.Title, head=self.Head, body=self.Body, css_uri=self.CssUri,
                             pre_content=self.PreContent, post_content=self.PostContent, ctx=self.ctx)
        for line in self._w.begin():
            self.write_object(line)

    def process(self):
        for line in self._w.lines(self.InputObject):
            self.write_object(line)

    def end(self):
        for line in self._w.end():
            self.write_object(line)


__all__ = ["ConvertToHtmlCommand", "convert_to_html", "html_encode", "property_names"]
