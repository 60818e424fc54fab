"""Invoke-WebRequest and Invoke-RestMethod on `requests`, as Windows PowerShell 5.1 does them.

The request (5.1's rules):
- -Uri without a scheme gets http:// in front; only http and https are served.
- -Method Default is GET. -Body: a dictionary is form-encoded (key=value&..., URL-encoded) and, for GET,
  appended to the URI as its query string; bytes are sent as they are; anything else as its text, encoded
  with the charset of -ContentType or else ISO-8859-1 (5.1's default). A text body with GET is refused
  as .NET refuses it ("Cannot send a content-body with this verb-type."). POST without -ContentType sends
  application/x-www-form-urlencoded.
- -Headers are sent as given; -UserAgent (default 5.1's "Mozilla/5.0 (Windows NT; Windows NT 10.0;
  en-US) WindowsPowerShell/5.1...") replaces the user agent. No Accept or Accept-Encoding header is added,
  as .NET adds none.
- -Credential answers a server's 401 challenge (Basic or Digest), as .NET's HttpWebRequest does: the
  password is sent only when the server asks for it.
- -TimeoutSec (0: 100 seconds, .NET's default) bounds connecting and each read.
- -MaximumRedirection (default 5): more redirects than that is .NET's "Too many automatic redirections
  were attempted."; with 0, a redirect response is returned as it is, followed by 5.1's
  MaximumRedirectExceeded error.

The result: Invoke-WebRequest writes a response object (web_response.py); Invoke-RestMethod writes the
body turned into objects: JSON into custom objects (a JSON array as one array, not enumerated, as in 5.1),
XML into an [xml] document, anything else as text (Content-Type decides; without a JSON or XML type, 5.1's
detection: XML if it parses, else JSON if it parses, else text). -OutFile writes the raw body to a file
instead (and -PassThru also writes the result).

Failures are 5.1's terminating WebException error records (FullyQualifiedErrorId
WebCmdletWebResponseException, category InvalidOperation, target the HttpWebRequest): an HTTP error status
is "The remote server returned an error: (404) Not Found." (the response body, when the response has a
Content-Length, is the record's ErrorDetails and so its message); a refused connection "Unable to connect
to the remote server"; an unknown host "The remote name could not be resolved: 'host'"; a timeout "The
operation has timed out."
"""
from __future__ import annotations

import os
import re
import urllib.parse

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import (InvalidOperationException, NotSupportedException, SystemException, _exc, ErrorRecord)
from ...runtime.conversion import to_string
from ...runtime.psobject import Hashtable, PSObject, unwrap, TypedArray
from ..core.enum_types import EnumParameter
from . import web_response as wr



class WebException(InvalidOperationException):
    """System.Net.WebException: Response (the HttpWebResponse of an HTTP error status, else $null) and Status."""
    ps_type = "System.Net.WebException"
    ps_properties = ("Status", "Response") + InvalidOperationException.ps_properties
    Response = None
    Status = "UnknownError"


ProtocolViolationException = _exc("ProtocolViolationException", "System.Net.ProtocolViolationException",
                                  InvalidOperationException)
UriFormatException = _exc("UriFormatException", "System.UriFormatException", SystemException)

METHODS = ("Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch")
USER_AGENT = "Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.19041.1"
DEFAULT_TIMEOUT = 100.0
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


class _Response:
    """What the cmdlets need of one HTTP response."""

    def __init__(self, r):
        self.status = r.status_code
        self.reason = r.reason or wr.STATUS_NAMES.get(r.status_code, "")
        version = getattr(r.raw, "version", 11)
        self.version = {10: "1.0", 11: "1.1", 20: "2.0"}.get(version, "1.1")
        self.raw_headers = list(r.raw.headers.items()) if r.raw is not None else list(r.headers.items())
        self.body = r.content or b""
        self.url = r.url
        self.content_type = r.headers.get("Content-Type")
        self.content_length = r.headers.get("Content-Length")


class _WebError(Exception):
    def __init__(self, message, response=None):
        super().__init__(message)
        self.message = message
        self.response = response


def prepare_uri(text: str) -> str:
    text = text.strip()
    if "://" not in text:
        text = "http://" + text           # 5.1 makes a relative URI absolute with http://
    m = _SCHEME.match(text)
    if m is None or m.group(1).lower() not in ("http", "https"):
        raise NotSupportedException("The URI prefix is not recognized.", error_id="WebCmdletIEDomNotSupportedException")
    parts = urllib.parse.urlsplit(text)
    if not parts.hostname:
        raise UriFormatException("Invalid URI: The hostname could not be parsed.", error_id="UriFormatException")
    return text


def form_encode(d) -> str:
    """A dictionary as 5.1 writes a form: key=value pairs joined by &, each URL-encoded (space as +)."""
    pairs = []
    for k, v in d.items():
        pairs.append(urllib.parse.quote_plus(to_string(k)) + "=" + urllib.parse.quote_plus(to_string(v)))
    return "&".join(pairs)


def _text_encoding(content_type: str | None) -> str:
    cs = wr.charset_of(content_type)
    if cs:
        try:
            "".encode(cs)
            return cs
        except LookupError:
            pass
    return wr.DEFAULT_CHARSET


class WebRequestCmdlet(Cmdlet):
    """What Invoke-WebRequest and Invoke-RestMethod share: the parameters, the request, the errors."""

    Uri = Parameter("string", position=0, mandatory=True)
    Method = EnumParameter("Microsoft.PowerShell.Commands.WebRequestMethod", METHODS)
    UseBasicParsing = Parameter("switch")
    Headers = Parameter("System.Collections.IDictionary")
    Body = Parameter("object", value_from_pipeline=True)
    ContentType = Parameter("string")
    InFile = Parameter("string")
    OutFile = Parameter("string")
    PassThru = Parameter("switch")
    TimeoutSec = Parameter("int", validate_range=(0, 2 ** 31 - 1))
    UserAgent = Parameter("string")
    MaximumRedirection = Parameter("int", validate_range=(0, 2 ** 31 - 1), default=5)
    Credential = Parameter("System.Management.Automation.PSCredential")
    DisableKeepAlive = Parameter("switch")
    WebSession = Parameter("Microsoft.PowerShell.Commands.WebRequestSession", aliases=("WS",))
    SessionVariable = Parameter("string", aliases=("SV",))

    # -- the request -------------------------------------------------------------
    def _fail(self, message, error_id, category, exc_class, target=None, details=None):
        rec = self.error(message, error_id, category, target, exc_class)
        if details:
            rec.details = details
        self.throw_terminating_error(rec)

    def _method(self) -> str:
        m = self.Method or "Default"
        return "GET" if m == "Default" else m.upper()

    def _body(self, method: str, uri: str):
        """(uri, data bytes or None, content type) for the request."""
        content_type = self.ContentType
        headers = self.Headers or {}
        for k, v in (headers.items() if hasattr(headers, "items") else []):
            if to_string(k).lower() == "content-type" and content_type is None:
                content_type = to_string(v)
        if self.InFile:
            if self.Body is not None:
                self._fail("The cmdlet cannot run because the following conflicting parameters are specified: Body "
                           "and InFile. Specify either Body or Infile, then retry.", "BodyConflict",
                           "InvalidArgument", InvalidOperationException)
            path = self.ctx.resolve_path(self.InFile)
            try:
                with open(path, "rb") as f:
                    data = f.read()
            except OSError:
                self._fail(f"Cannot find path '{self.InFile}' because it does not exist.", "PathNotFound",
                           "ObjectNotFound", InvalidOperationException, self.InFile)
            return uri, data, content_type or (FORM_CONTENT_TYPE if method == "POST" else None)
        body = self.Body
        if isinstance(body, PSObject) and body.base is not None:
            body = unwrap(body)
        if body is None:
            return uri, None, content_type or (FORM_CONTENT_TYPE if method == "POST" else None)
        if isinstance(body, (Hashtable, dict)):
            encoded = form_encode(body)
            if method == "GET":
                sep = "&" if urllib.parse.urlsplit(uri).query else "?"
                return uri + sep + encoded if encoded else uri, None, content_type
            return uri, encoded.encode("ascii"), content_type or FORM_CONTENT_TYPE
        if isinstance(body, (bytes, bytearray)) or (isinstance(body, TypedArray) and body.element_type == "System.Byte"):
            data = bytes(body)
        else:
            from ...runtime.xmldoc import XmlDocument
            text = body.OuterXml if isinstance(body, XmlDocument) else to_string(body)
            data = text.encode(_text_encoding(content_type), "replace")
        if method in ("GET", "HEAD"):
            self._fail("Cannot send a content-body with this verb-type.", "System.Net.ProtocolViolationException",
                       "NotSpecified", ProtocolViolationException)
        return uri, data, content_type or (FORM_CONTENT_TYPE if method == "POST" else None)

    def _request_headers(self, content_type):
        web = self.web_session
        agent = self.UserAgent if self.UserAgent is not None else web.UserAgent if web is not None else None
        headers = {"User-Agent": to_string(agent) if agent is not None else USER_AGENT}
        for source in ((web.Headers if web is not None else {}), (self.Headers or {})):
            for k, v in (source.items() if hasattr(source, "items") else []):
                headers[to_string(k)] = to_string(v)
        if content_type is not None:
            headers = {k: v for k, v in headers.items() if k.lower() != "content-type"}
            headers["Content-Type"] = content_type
        headers["Connection"] = "Close" if self.DisableKeepAlive else "Keep-Alive"
        if not any(k.lower() == "accept-encoding" for k in headers):
            from urllib3.util import SKIP_HEADER
            headers["Accept-Encoding"] = SKIP_HEADER       # .NET sends none (so servers do not compress)
        return headers

    def _web_session(self):
        """The session -WebSession names, or a new one -SessionVariable stores in the caller's scope."""
        if self.WebSession is not None:
            if self.SessionVariable:
                self._fail("The cmdlet cannot run because the following conflicting parameters are specified: "
                           "Session and SessionVariable. Specify either Session or SessionVariable, then retry.",
                           "SessionConflict", "InvalidArgument", InvalidOperationException)
            return self.WebSession
        if self.SessionVariable:
            web = wr.WebRequestSession(self.UserAgent if self.UserAgent is not None else USER_AGENT)
            if self.Credential is not None:
                web.Credentials = self.Credential
            if self.is_bound("MaximumRedirection"):
                web.MaximumRedirection = self.MaximumRedirection
            for k, v in ((self.Headers or {}).items() if hasattr(self.Headers or {}, "items") else []):
                if to_string(k).lower() not in ("content-type", "user-agent"):
                    web.Headers[to_string(k)] = to_string(v)
            self.ctx.set_variable(self.SessionVariable.lstrip("$"), web)
            return web
        return None

    def send(self):
        """Send the request; returns a _Response (status < 400, or a redirect with -MaximumRedirection 0)."""
        import requests
        self.web_session = web = self._web_session()
        if web is not None and self.Credential is None and web.Credentials is not None:
            self.Credential = web.Credentials
        if web is not None and not self.is_bound("MaximumRedirection") and int(web.MaximumRedirection or -1) >= 0:
            self.MaximumRedirection = int(web.MaximumRedirection)
        method = self._method()
        try:
            uri = prepare_uri(self.Uri)
        except (NotSupportedException, UriFormatException) as e:
            self._fail(e.message, e.error_id, "InvalidArgument" if isinstance(e, UriFormatException) else
                       "NotSpecified", type(e), self.Uri)
        uri, data, content_type = self._body(method, uri)
        timeout = float(self.TimeoutSec) if self.TimeoutSec else DEFAULT_TIMEOUT
        max_redirects = self.MaximumRedirection if self.MaximumRedirection is not None else 5
        self.request = wr.HttpWebRequest(method, uri, int(timeout * 1000), self.UserAgent or USER_AGENT,
                                         content_type)
        session = requests.Session()
        session.trust_env = False          # no proxy or .netrc from the environment
        session.headers.clear()
        if web is not None:
            session.cookies = web.jar          # cookies the server sets stay in the web session
        if max_redirects > 0:            # with 0 nothing is followed (requests would count the one it skips)
            session.max_redirects = max_redirects
        headers = self._request_headers(content_type)
        self.write_verbose(f"{method} {uri} with {len(data) if data else 0}-byte payload")
        try:
            try:
                r = session.request(method, uri, data=data, headers=headers, timeout=timeout,
                                    allow_redirects=max_redirects > 0)
                if r.status_code == 401 and self.Credential is not None:
                    auth = self._challenge_answer(r)
                    if auth is not None:
                        r = session.request(method, uri, data=data, headers=headers, timeout=timeout,
                                            allow_redirects=max_redirects > 0, auth=auth)
            finally:
                session.close()
        except requests.exceptions.TooManyRedirects:
            self._web_error("Too many automatic redirections were attempted.")
        except requests.exceptions.ConnectTimeout:
            self._web_error("The operation has timed out.")
        except requests.exceptions.ReadTimeout:
            self._web_error("The operation has timed out.")
        except requests.exceptions.ConnectionError as e:
            text = str(e)
            if "Name or service not known" in text or "nodename nor servname" in text or \
                    "Temporary failure in name resolution" in text or "No address associated" in text:
                self._web_error(f"The remote name could not be resolved: '{urllib.parse.urlsplit(uri).hostname}'")
            self._web_error("Unable to connect to the remote server")
        except requests.exceptions.RequestException as e:
            self._web_error(f"The underlying connection was closed: {e}")
        resp = _Response(r)
        self.write_verbose(f"received {len(resp.body)}-byte response of content type {resp.content_type or ''}")
        if resp.status >= 400:
            self._status_error(resp, method)
        return resp

    def _challenge_answer(self, r):
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth
        challenge = (r.headers.get("WWW-Authenticate") or "").lower()
        cred = self.Credential
        net = cred.GetNetworkCredential()
        user = net.UserName if not net.Domain else f"{net.Domain}\\{net.UserName}"
        if challenge.startswith("basic"):
            return HTTPBasicAuth(user, net.Password)
        if challenge.startswith("digest"):
            return HTTPDigestAuth(user, net.Password)
        return None

    def _web_error(self, message, response=None, details=None):
        exc = WebException(message, error_id="WebCmdletWebResponseException", category="InvalidOperation",
                           target=self.request)
        exc.Response = response
        exc.Status = "ProtocolError" if response is not None else "ConnectFailure"
        rec = ErrorRecord(exc, "WebCmdletWebResponseException", "InvalidOperation", self.request, details=details)
        exc.error_record = rec
        self.throw_terminating_error(rec)

    def _status_error(self, resp, method):
        name = resp.reason or wr.STATUS_NAMES.get(resp.status, "")
        message = f"The remote server returned an error: ({resp.status}) {name}."
        details = None
        if resp.content_length and resp.content_length.isdigit() and int(resp.content_length) > 0:
            details = wr.decode_body(resp.body, resp.content_type)
        self._web_error(message, wr.HttpWebResponse(resp, method), details)

    def redirect_limit_error(self, resp):
        if self.MaximumRedirection == 0 and 300 <= resp.status < 400:
            rec = self.error("Operation is not valid due to the current state of the object.", "MaximumRedirectExceeded",
                             "InvalidOperation", self.request, InvalidOperationException)
            rec.details = ("The maximum redirection count has been exceeded. To increase the number of redirections "
                           "allowed, supply a higher value to the -MaximumRedirection parameter.")
            self.write_error(rec)

    def save(self, resp) -> bool:
        """-OutFile: write the raw body; True when the result should still be written (-PassThru)."""
        if not self.OutFile:
            return True
        path = self.ctx.resolve_path(self.OutFile)
        try:
            with open(path, "wb") as f:
                f.write(resp.body)
        except OSError as e:
            self.throw_terminating_error(self.error(
                f"Could not find a part of the path '{path}'." if isinstance(e, FileNotFoundError) else
                f"Access to the path '{path}' is denied.", "System.IO.IOException" if isinstance(e, FileNotFoundError)
                else "System.UnauthorizedAccessException", "NotSpecified", self.OutFile))
        return bool(self.PassThru)

    def response_object(self, resp):
        method = self._method()
        if not wr.is_text(resp.content_type):
            return wr.WebResponseObject(resp, method)
        text = wr.decode_body(resp.body, resp.content_type)
        encoding = wr.charset_of(resp.content_type) or wr.DEFAULT_CHARSET
        cls = wr.BasicHtmlWebResponseObject if self.UseBasicParsing else wr.HtmlWebResponseObject
        return cls(resp, method, text, encoding)


class InvokeWebRequestCommand(WebRequestCmdlet):
    name = "Invoke-WebRequest"
    dotnet_type = "Microsoft.PowerShell.Commands.InvokeWebRequestCommand"
    synopsis = "Gets content from a web page on the Internet."
    output_type = "Microsoft.PowerShell.Commands.HtmlWebResponseObject"

    def process(self):
        resp = self.send()
        obj = self.response_object(resp)
        if self.save(resp):
            self.write_object(obj)
        self.redirect_limit_error(resp)


class InvokeRestMethodCommand(WebRequestCmdlet):
    name = "Invoke-RestMethod"
    dotnet_type = "Microsoft.PowerShell.Commands.InvokeRestMethodCommand"
    synopsis = "Sends an HTTP or HTTPS request to a RESTful web service."
    output_type = "System.Object"

    def process(self):
        resp = self.send()
        if self.save(resp):
            result = self._convert(resp)
            items = _feed_items(result)
            if items is not None:
                for item in items:
                    self.write_object(item)
            elif result is not None:
                self.write_object(result)
        self.redirect_limit_error(resp)

    def _convert(self, resp):
        ct = (resp.content_type or "").lower()
        if not resp.body:
            return None
        text = wr.decode_body(resp.body, resp.content_type)
        if "json" in ct:
            return self._json(text, strict=True)
        if "xml" in ct:
            return self._xml(text, strict=True)
        if not wr.is_text(resp.content_type) and resp.content_type:
            return text
        for attempt in (self._xml, self._json):
            value = attempt(text, strict=False)
            if value is not _NOT_PARSED:
                return value
        return text

    def _json(self, text, strict):
        from .convert_json import convert_from_json, JsonError
        try:
            return convert_from_json(text)
        except JsonError as e:
            if not strict:
                return _NOT_PARSED
            self.throw_terminating_error(self.error(str(e), "System.ArgumentException", "NotSpecified", None))

    def _xml(self, text, strict):
        from ...runtime.types import convert_to
        if not strict and not text.lstrip().startswith("<"):
            return _NOT_PARSED
        try:
            return convert_to(text, "xml")
        except Exception as e:       # the [xml] cast's own error: 5.1 reports the XML parser's message
            if not strict:
                return _NOT_PARSED
            self.throw_terminating_error(self.error(getattr(e, "message", str(e)), "System.Xml.XmlException",
                                                    "NotSpecified", None))


_NOT_PARSED = object()


def _feed_items(result):
    """An RSS or Atom document's item / entry elements (5.1 writes those, one by one, instead of the
    document), or None for anything else. Read through the [xml] object's own members."""
    from ...runtime.access import get_member
    from ...runtime.xmldoc import XmlDocument
    if not isinstance(result, XmlDocument):
        return None
    root = get_member(result, "DocumentElement")
    name = (to_string(get_member(root, "LocalName")) if root is not None else "").lower()
    if name == "rss":
        items = get_member(get_member(root, "channel"), "item")
    elif name == "feed":
        items = get_member(root, "entry")
    else:
        return None
    if items is None:
        return []
    return list(items) if isinstance(items, (list, tuple)) else [items]
