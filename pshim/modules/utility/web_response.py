"""The objects Invoke-WebRequest returns, and how a response body becomes text, as 5.1 does it.

- WebResponseObject (a body that is not text: Content is the bytes), BasicHtmlWebResponseObject
  (-UseBasicParsing) and HtmlWebResponseObject (without it). 5.1 parses the page with Internet
  Explorer's DOM for the last one; pshim parses both with lxml: Links, Images, InputFields (and Forms
  without -UseBasicParsing) are custom objects with outerHTML, tagName and the element's attributes,
  plus innerHTML, innerText and outerText without -UseBasicParsing. ParsedHtml (the IE document) is
  $null: there is no IE DOM here.
- Headers is a case-insensitive dictionary of header name to value (repeated headers joined by ", ").
- The text of a body: the charset of Content-Type, else (HTML) a <meta charset>, else ISO-8859-1, which
  is 5.1's default and why UTF-8 pages without a charset show mojibake there too.
"""
from __future__ import annotations

import re

from ...runtime.psobject import DotNetObject, Hashtable, PSObject, PSMemberInfo, Int64, TypedArray, Byte
from ...runtime.statics import EnumValue

_NS = "Microsoft.PowerShell.Commands."
DEFAULT_CHARSET = "iso-8859-1"
_TEXT_TYPES = ("text/", "json", "xml", "javascript", "ecmascript", "x-www-form-urlencoded")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.I)

# System.Net.HttpStatusCode names of the common codes (the enum's value names)
STATUS_NAMES = {
    100: "Continue", 101: "SwitchingProtocols", 200: "OK", 201: "Created", 202: "Accepted",
    203: "NonAuthoritativeInformation", 204: "NoContent", 205: "ResetContent", 206: "PartialContent",
    300: "Ambiguous", 301: "Moved", 302: "Redirect", 303: "RedirectMethod", 304: "NotModified", 305: "UseProxy",
    307: "RedirectKeepVerb", 400: "BadRequest", 401: "Unauthorized", 402: "PaymentRequired", 403: "Forbidden",
    404: "NotFound", 405: "MethodNotAllowed", 406: "NotAcceptable", 407: "ProxyAuthenticationRequired",
    408: "RequestTimeout", 409: "Conflict", 410: "Gone", 411: "LengthRequired", 412: "PreconditionFailed",
    413: "RequestEntityTooLarge", 414: "RequestUriTooLong", 415: "UnsupportedMediaType",
    416: "RequestedRangeNotSatisfiable", 417: "ExpectationFailed", 426: "UpgradeRequired",
    500: "InternalServerError", 501: "NotImplemented", 502: "BadGateway", 503: "ServiceUnavailable",
    504: "GatewayTimeout", 505: "HttpVersionNotSupported",
}


def status_code_value(code: int):
    """A System.Net.HttpStatusCode value (its name shows; value__ is the number); an unnamed code is the number."""
    name = STATUS_NAMES.get(code)
    return EnumValue("System.Net.HttpStatusCode", name, code) if name else code


def custom_object(pairs) -> PSObject:
    o = PSObject(None)
    for k, v in pairs:
        o.members[k.lower()] = PSMemberInfo(k, v)
    return o


def response_headers(raw) -> Hashtable:
    """Header name -> value, case-insensitive, in the server's order (repeated headers joined by ', ')."""
    h = Hashtable()
    for k, v in raw:
        h[k] = f"{h[k]}, {v}" if k in h else v
    return h


def charset_of(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*\"?([^;\"\s]+)", content_type or "", re.I)
    return m.group(1) if m else None


def is_text(content_type: str | None) -> bool:
    ct = (content_type or "").lower()
    return any(t in ct for t in _TEXT_TYPES) or charset_of(ct) is not None


def decode_body(body: bytes, content_type: str | None) -> str:
    charset = charset_of(content_type)
    if charset is None and "html" in (content_type or "").lower():
        m = _META_CHARSET.search(body[:4096])
        if m:
            charset = m.group(1).decode("ascii", "replace")
    for name in (charset, DEFAULT_CHARSET):
        if not name:
            continue
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return body.decode(DEFAULT_CHARSET, "replace")


class KeyValuePair(DotNetObject):
    """How 5.1 shows one entry of the Headers dictionary inside a formatted value: [name, value]."""
    ps_type_names = ("System.Collections.Generic.KeyValuePair`2[[System.String],[System.String]]", "System.ValueType",
                     "System.Object")
    ps_properties = ("Key", "Value")

    def __init__(self, key, value):
        self.Key = key
        self.Value = value

    def ps_to_string(self):
        return f"[{self.Key}, {self.Value}]"


class HttpWebResponse(DotNetObject):
    """System.Net.HttpWebResponse: BaseResponse of a result, Response of a WebException."""
    ps_type_names = ("System.Net.HttpWebResponse", "System.Net.WebResponse", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = ("IsMutuallyAuthenticated", "Cookies", "Headers", "SupportsHeaders", "ContentLength",
                     "ContentEncoding", "ContentType", "CharacterSet", "Server", "LastModified", "StatusCode",
                     "StatusDescription", "ProtocolVersion", "ResponseUri", "Method", "IsFromCache")

    def __init__(self, resp, method: str):
        headers = response_headers(resp.raw_headers)
        self.IsMutuallyAuthenticated = False
        self.Cookies = []
        self.Headers = headers
        self.SupportsHeaders = True
        self.ContentLength = Int64(int(headers.get("Content-Length") or -1)) \
            if str(headers.get("Content-Length") or "-1").lstrip("-").isdigit() else Int64(-1)
        self.ContentEncoding = headers.get("Content-Encoding") or ""
        self.ContentType = headers.get("Content-Type") or ""
        self.CharacterSet = charset_of(self.ContentType) or (DEFAULT_CHARSET.upper().replace("ISO-", "ISO-")
                                                             if self.ContentType.startswith("text/") else "")
        self.Server = headers.get("Server") or ""
        self.LastModified = None
        self.StatusCode = status_code_value(resp.status)
        self.StatusDescription = resp.reason
        self.ProtocolVersion = resp.version
        self.ResponseUri = resp.url
        self.Method = method
        self.IsFromCache = False

    def ps_to_string(self):
        return "System.Net.HttpWebResponse"


class HttpWebRequest(DotNetObject):
    """The request an error record names as its target (5.1: System.Net.HttpWebRequest)."""
    ps_type_names = ("System.Net.HttpWebRequest", "System.Net.WebRequest", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = ("Method", "RequestUri", "Address", "Timeout", "UserAgent", "ContentType")

    def __init__(self, method, uri, timeout_ms, user_agent, content_type):
        self.Method = method
        self.RequestUri = uri
        self.Address = uri
        self.Timeout = timeout_ms
        self.UserAgent = user_agent
        self.ContentType = content_type

    def ps_to_string(self):
        return "System.Net.HttpWebRequest"


class Cookie(DotNetObject):
    ps_type_names = ("System.Net.Cookie", "System.Object")
    ps_properties = ("Comment", "CommentUri", "HttpOnly", "Discard", "Domain", "Expired", "Expires", "Name", "Path",
                     "Port", "Secure", "TimeStamp", "Value", "Version")

    def __init__(self, c):
        import datetime as _dt
        self.Comment = ""
        self.CommentUri = None
        self.HttpOnly = bool(c.has_nonstandard_attr("HttpOnly"))
        self.Discard = bool(c.discard)
        self.Domain = c.domain
        self.Expires = _dt.datetime.fromtimestamp(c.expires) if c.expires else _dt.datetime(1, 1, 1)
        self.Expired = bool(c.expires) and c.is_expired()
        self.Name = c.name
        self.Path = c.path
        self.Port = ""
        self.Secure = bool(c.secure)
        self.TimeStamp = _dt.datetime.now()
        self.Value = c.value
        self.Version = c.version or 0

    def ps_to_string(self):
        return f"{self.Name}={self.Value}"


class CookieContainer(DotNetObject):
    """System.Net.CookieContainer over a requests cookie jar (the session's cookies)."""
    ps_type_names = ("System.Net.CookieContainer", "System.Object")
    ps_properties = ("Capacity", "Count", "MaxCookieSize", "PerDomainCapacity")
    ps_methods = ("GetCookies", "GetCookieHeader")

    def __init__(self, jar):
        self.jar = jar
        self.Capacity = 300
        self.MaxCookieSize = 4096
        self.PerDomainCapacity = 20

    @property
    def Count(self):
        return len(self.jar)

    def _for(self, uri):
        import urllib.parse
        parts = urllib.parse.urlsplit(str(uri))
        host = (parts.hostname or "").lower()
        path = parts.path or "/"
        out = []
        for c in self.jar:
            domain = c.domain.lstrip(".").lower()
            if (host == domain or host.endswith("." + domain)) and path.startswith(c.path or "/"):
                out.append(Cookie(c))
        return out

    def GetCookies(self, uri):
        return self._for(uri)

    def GetCookieHeader(self, uri):
        return "; ".join(f"{c.Name}={c.Value}" for c in self._for(uri))


class WebRequestSession(DotNetObject):
    """Microsoft.PowerShell.Commands.WebRequestSession: what -SessionVariable keeps and -WebSession reuses."""
    ps_type_names = (_NS + "WebRequestSession", "System.Object")
    ps_properties = ("Headers", "Cookies", "UseDefaultCredentials", "Credentials", "Certificates", "UserAgent",
                     "Proxy", "MaximumRedirection")
    ps_settable = ("UserAgent", "Credentials", "MaximumRedirection", "UseDefaultCredentials")

    def __init__(self, user_agent):
        import requests.cookies
        self.jar = requests.cookies.RequestsCookieJar()
        self.Headers = Hashtable()
        self.Cookies = CookieContainer(self.jar)
        self.UseDefaultCredentials = False
        self.Credentials = None
        self.Certificates = None
        self.UserAgent = user_agent
        self.Proxy = None
        self.MaximumRedirection = -1


class WebResponseObject(DotNetObject):
    ps_type_names = (_NS + "WebResponseObject", "System.Object")
    ps_properties = ("Content", "StatusCode", "StatusDescription", "RawContentStream", "RawContentLength",
                     "RawContent", "BaseResponse", "Headers")

    def __init__(self, resp, method: str):
        self.BaseResponse = HttpWebResponse(resp, method)
        self.Headers = self.BaseResponse.Headers
        self.StatusCode = resp.status
        self.StatusDescription = resp.reason
        self.RawContentLength = Int64(len(resp.body))
        self.RawContentStream = resp.body
        self.Content = TypedArray([Byte(b) for b in resp.body], "System.Byte")
        head = [f"HTTP/{resp.version} {resp.status} {resp.reason}"] + [f"{k}: {v}" for k, v in self.Headers.items()]
        self.RawContent = "\r\n".join(head) + "\r\n\r\n" + self._content_text()

    def _content_text(self):
        return decode_body(bytes(self.Content), None) if isinstance(self.Content, list) else self.Content

    def ps_to_string(self):
        return self._content_text()


def _attributes(el):
    return [(k, v) for k, v in el.attrib.items()]


def _element_object(el, basic: bool):
    from lxml import html as lhtml
    outer = lhtml.tostring(el, encoding="unicode", with_tail=False)
    tag = el.tag.upper() if isinstance(el.tag, str) else ""
    if basic:
        pairs = [("outerHTML", outer), ("tagName", tag)]
    else:
        inner = (el.text or "") + "".join(lhtml.tostring(c, encoding="unicode") for c in el)
        text = el.text_content()
        pairs = [("innerHTML", inner), ("innerText", text), ("outerHTML", outer), ("outerText", text),
                 ("tagName", tag)]
    seen = {k.lower() for k, _ in pairs}
    pairs += [(k, v) for k, v in _attributes(el) if k.lower() not in seen]
    return custom_object(pairs)


def parse_html(text: str):
    """The lxml document of a page, or None when it does not parse as HTML."""
    if not text or not text.strip():
        return None
    try:
        from lxml import html as lhtml
        from lxml import etree
        return lhtml.document_fromstring(text.encode("utf-8"), parser=lhtml.HTMLParser(encoding="utf-8"))
    except (ValueError, etree.ParserError):
        return None


class BasicHtmlWebResponseObject(WebResponseObject):
    ps_type_names = (_NS + "BasicHtmlWebResponseObject", _NS + "WebResponseObject", "System.Object")
    ps_properties = ("Content", "Encoding", "Forms", "InputFields", "Links", "Images", "ParsedHtml",
                     "StatusCode", "StatusDescription", "RawContentStream", "RawContentLength", "RawContent",
                     "BaseResponse", "Headers")
    basic = True

    def __init__(self, resp, method: str, text: str, encoding: str):
        super().__init__(resp, method)
        self.Content = text
        self.Encoding = encoding
        head = self.RawContent.split("\r\n\r\n", 1)[0]
        self.RawContent = head + "\r\n\r\n" + text
        doc = parse_html(text) if "html" in (self.BaseResponse.ContentType or "text/html").lower() else None
        self._doc = doc
        self.ParsedHtml = None
        self.Links = self._elements("a")
        self.Images = self._elements("img")
        self.InputFields = self._elements("input")
        self.Forms = None if self.basic else self._forms()

    def _elements(self, tag):
        if self._doc is None:
            return []
        return [_element_object(el, self.basic) for el in self._doc.iter(tag)]

    def _forms(self):
        if self._doc is None:
            return []
        out = []
        for f in self._doc.iter("form"):
            fields = Hashtable()
            for inp in f.iter("input", "select", "textarea"):
                name = inp.get("name") or inp.get("id")
                if name:
                    fields[name] = inp.get("value") or ""
            out.append(FormObject(f.get("id") or "", (f.get("method") or "get").lower(), f.get("action") or "",
                                  fields))
        return out


class HtmlWebResponseObject(BasicHtmlWebResponseObject):
    ps_type_names = (_NS + "HtmlWebResponseObject", _NS + "WebResponseObject", "System.Object")
    ps_properties = ("ParsedHtml", "Forms", "InputFields", "Links", "Images", "Scripts", "AllElements",
                     "StatusCode", "StatusDescription", "Content", "RawContentStream", "RawContentLength",
                     "RawContent", "BaseResponse", "Headers")
    basic = False

    def __init__(self, resp, method: str, text: str, encoding: str):
        super().__init__(resp, method, text, encoding)
        self.Scripts = self._elements("script")
        self.AllElements = [] if self._doc is None else \
            [_element_object(el, False) for el in self._doc.iter() if isinstance(el.tag, str)]


class FormObject(DotNetObject):
    ps_type_names = (_NS + "FormObject", "System.Object")
    ps_properties = ("Id", "Method", "Action", "Fields")

    def __init__(self, id_, method, action, fields):
        self.Id = id_
        self.Method = method
        self.Action = action
        self.Fields = fields


def _truncated(value):
    """The list view's text of Content and RawContent: at most 200 characters, then '...'."""
    if isinstance(value, str) and len(value) > 200:
        return value[:200] + "..."
    return value


def _headers_entries(r):
    return [KeyValuePair(k, v) for k, v in r.Headers.items()]


def _register_views():
    from ...formatting.views import register_view, ListView, Entry
    common_head = [Entry("StatusCode"), Entry("StatusDescription"),
                   Entry(lambda r: _truncated(r.Content), "Content"),
                   Entry(lambda r: _truncated(r.RawContent), "RawContent")]
    html_entries = common_head + [Entry("Forms"), Entry(_headers_entries, "Headers"), Entry("Images"),
                                  Entry("InputFields"), Entry("Links"), Entry("ParsedHtml"),
                                  Entry("RawContentLength")]
    register_view(_NS + "HtmlWebResponseObject", ListView(html_entries))
    register_view(_NS + "BasicHtmlWebResponseObject", ListView(html_entries))
    register_view(_NS + "WebResponseObject", ListView(
        common_head + [Entry(_headers_entries, "Headers"), Entry("RawContentLength")]))


_register_views()
