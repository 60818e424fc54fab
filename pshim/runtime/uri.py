"""System.Uri: `[uri]'https://mail.contoso.com/owa'` and its parts (Host, Port, Scheme, AbsolutePath, Query,
Segments...), with .NET's normalisation (lower-case scheme and host, default port dropped, `/` for an empty path)
and its error for text that is not an absolute URI; `[uri]::EscapeDataString` and friends."""
from __future__ import annotations

import ipaddress
import urllib.parse

from ..errors import _exc, FormatException
from .psobject import DotNetObject, unwrap
from .method_support import nargs, a_str
from .statics import static_type

UriFormatException = _exc("UriFormatException", "System.UriFormatException", FormatException)

DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ldap": 389, "ldaps": 636, "smtp": 25, "mailto": 25,
                 "net.tcp": 808, "ws": 80, "wss": 443, "gopher": 70, "nntp": 119, "news": -1, "file": -1}


class Uri(DotNetObject):
    ps_type_names = ("System.Uri", "System.Object")
    ps_properties = ("AbsolutePath", "AbsoluteUri", "LocalPath", "Authority", "HostNameType", "IsDefaultPort",
                     "IsFile", "IsLoopback", "PathAndQuery", "Segments", "IsUnc", "Host", "Port", "Query",
                     "Fragment", "Scheme", "OriginalString", "DnsSafeHost", "IdnHost", "IsAbsoluteUri",
                     "UserEscaped", "UserInfo")
    ps_methods = ("ToString", "GetLeftPart", "Equals", "GetHashCode", "GetType")

    def __init__(self, text: str):
        self.OriginalString = text
        stripped = text.strip()
        parts = urllib.parse.urlsplit(stripped)
        if not parts.scheme or (len(parts.scheme) == 1 and stripped[1:2] == ":"):
            if len(stripped) >= 2 and stripped[1] == ":" and stripped[0].isalpha():     # C:\path: a file URI
                parts = urllib.parse.urlsplit("file:///" + stripped.replace("\\", "/"))
            elif stripped.startswith("\\\\"):                                           # \\server\share: UNC
                parts = urllib.parse.urlsplit("file:" + stripped.replace("\\", "/"))
            else:
                raise UriFormatException("Invalid URI: The format of the URI could not be determined.")
        self.Scheme = parts.scheme.lower()
        try:
            port = parts.port
        except ValueError:
            raise UriFormatException("Invalid URI: Invalid port specified.") from None
        self.Host = (parts.hostname or "").lower()
        if parts.hostname and ":" in parts.hostname:
            self.Host = f"[{self.Host}]"
        if not self.Host and self.Scheme not in ("file", "mailto", "news", "urn"):
            raise UriFormatException("Invalid URI: The hostname could not be parsed.")
        default = DEFAULT_PORTS.get(self.Scheme, -1)
        self.Port = port if port is not None else default
        self.IsDefaultPort = self.Port == default
        self.UserInfo = parts.username + (":" + parts.password if parts.password else "") if parts.username else ""
        path = parts.path or ("/" if self.Host or self.Scheme == "file" else "")
        self.AbsolutePath = urllib.parse.quote(path, safe="/%:@!$&'()*+,;=-._~")
        self.Query = "?" + parts.query if parts.query else ""
        self.Fragment = "#" + parts.fragment if parts.fragment else ""
        self.IsFile = self.Scheme == "file"
        self.IsUnc = self.IsFile and bool(self.Host)
        self.LocalPath = urllib.parse.unquote(self.AbsolutePath) if not self.IsFile else self._local_path()
        self.DnsSafeHost = self.IdnHost = self.Host.strip("[]")
        self.IsAbsoluteUri = True
        self.UserEscaped = False

    def _local_path(self):
        p = urllib.parse.unquote(self.AbsolutePath)
        if self.Host:
            return "\\\\" + self.Host + p.replace("/", "\\")
        if len(p) > 2 and p[0] == "/" and p[2] == ":":
            return p[1:].replace("/", "\\")
        return p

    @property
    def Authority(self):
        return self.Host + ("" if self.IsDefaultPort else f":{self.Port}")

    @property
    def HostNameType(self):
        host = self.Host.strip("[]")
        if not host:
            return "Basic"
        try:
            return "IPv4" if ipaddress.ip_address(host).version == 4 else "IPv6"
        except ValueError:
            return "Dns"

    @property
    def IsLoopback(self):
        host = self.Host.strip("[]")
        if host in ("localhost", "") and self.Scheme != "file":
            return host == "localhost"
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return self.IsFile and not self.Host

    @property
    def PathAndQuery(self):
        return self.AbsolutePath + self.Query

    @property
    def Segments(self):
        path = self.AbsolutePath
        out, start = [], 0
        for i, c in enumerate(path):
            if c == "/":
                out.append(path[start:i + 1])
                start = i + 1
        if start < len(path):
            out.append(path[start:])
        return out

    @property
    def AbsoluteUri(self):
        user = self.UserInfo + "@" if self.UserInfo else ""
        if self.Scheme in ("mailto", "news", "urn"):
            return f"{self.Scheme}:{user}{self.Host}{self.AbsolutePath}{self.Query}{self.Fragment}"
        return f"{self.Scheme}://{user}{self.Authority}{self.AbsolutePath}{self.Query}{self.Fragment}"

    def GetLeftPart(self, part):
        name = str(unwrap(part)).lower()
        user = self.UserInfo + "@" if self.UserInfo else ""
        base = f"{self.Scheme}://"
        if name == "scheme":
            return base
        if name == "authority":
            return base + user + self.Authority
        if name == "path":
            return base + user + self.Authority + self.AbsolutePath
        if name == "query":
            return base + user + self.Authority + self.PathAndQuery
        raise FormatException(f"The value of argument 'part' ({part}) is invalid for Enum type 'UriPartial'.")

    def ps_to_string(self):
        return urllib.parse.unquote(self.AbsoluteUri)

    def ToString(self):
        return self.ps_to_string()

    def __eq__(self, other):
        other = unwrap(other)
        if isinstance(other, Uri):
            return self.AbsoluteUri.split("#")[0] == other.AbsoluteUri.split("#")[0]
        return NotImplemented

    def __hash__(self):
        return hash(self.AbsoluteUri)


def to_uri(value):
    """The [uri] conversion: a Uri stays itself; text is parsed (an error as .NET's constructor gives)."""
    from .conversion import to_string, cast_error
    v = unwrap(value)
    if v is None or isinstance(v, Uri):
        return v
    text = to_string(v)
    try:
        return Uri(text)
    except UriFormatException as e:
        err = cast_error(value, "System.Uri", e.message)
        err.error_id = "InvalidCastConstructorException"       # .NET's constructor refused the text
        raise err from None


U = static_type("System.Uri", "uri")
U.const(SchemeDelimiter="://", UriSchemeHttp="http", UriSchemeHttps="https", UriSchemeFile="file",
        UriSchemeMailto="mailto", UriSchemeFtp="ftp")


@U.method("EscapeDataString", "static string EscapeDataString(string stringToEscape)")
def _escape_data(args, kw):
    nargs(args, 1)
    return urllib.parse.quote(a_str(args, 0) or "", safe="-._~")


@U.method("UnescapeDataString", "static string UnescapeDataString(string stringToUnescape)")
def _unescape_data(args, kw):
    nargs(args, 1)
    return urllib.parse.unquote(a_str(args, 0) or "")


@U.method("EscapeUriString", "static string EscapeUriString(string stringToEscape)")
def _escape_uri(args, kw):
    nargs(args, 1)
    return urllib.parse.quote(a_str(args, 0) or "", safe="/:?#[]@!$&'()*+,;=-._~%")


@U.method("IsWellFormedUriString", "static bool IsWellFormedUriString(string uriString, System.UriKind uriKind)")
def _well_formed(args, kw):
    nargs(args, 2)
    text = a_str(args, 0) or ""
    kind = str(unwrap(args[1])).lower()
    try:
        Uri(text)
        absolute = True
    except UriFormatException:
        absolute = False
    if " " in text:
        return False
    if kind == "absolute":
        return absolute
    if kind == "relative":
        return not absolute
    return True
