"""Invoke-WebRequest / Invoke-RestMethod against an HTTP server this test runs on 127.0.0.1 (a port the kernel
picks), with 5.1's objects, views and error records."""
import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pshim.testing import run

PAGE = ('<html><head><title>T</title></head><body><a href="/next">Next page</a>'
        '<img src="logo.png" alt="logo"><form id="login" method="post" action="/login">'
        '<input name="user" value="bob"></form><p>Mail flow</p></body></html>')


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", ctype="text/plain", extra=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _echo(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        data = {"method": self.command, "path": self.path, "body": base64.b64encode(body).decode(),
                "headers": {k: v for k, v in self.headers.items()}}
        self._send(200, json.dumps(data).encode(), "application/json; charset=utf-8")

    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/page":
            self._send(200, PAGE.encode(), "text/html; charset=utf-8")
        elif p == "/json":
            self._send(200, b'{"name":"Mailbox01","roles":["Mailbox","Frontend"],"build":15}', "application/json")
        elif p == "/array":
            self._send(200, b'[{"id":1},{"id":2},{"id":3}]', "application/json")
        elif p == "/xml":
            self._send(200, b"<servers><server name='Mailbox01'/><server name='Mailbox02'/></servers>",
                       "application/xml")
        elif p == "/rss":
            self._send(200, b"<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title>"
                            b"<item><title>First</title><pubDate>Tue, 08 Nov 2016 23:00:04 +0000</pubDate></item>"
                            b"<item><title>Second</title></item></channel></rss>", "application/rss+xml")
        elif p == "/atom":
            self._send(200, b"<feed xmlns='http://www.w3.org/2005/Atom'><title>F</title><entry><title>Only</title>"
                            b"</entry></feed>", "application/atom+xml")
        elif p == "/login":
            self._send(200, b"ok", "text/plain", [("Set-Cookie", "sid=abc123; Path=/")])
        elif p == "/guess":
            self._send(200, b'{"detected":true}', "text/plain")
        elif p == "/text":
            self._send(200, b"plain words", "text/plain")
        elif p == "/utf8-no-charset":
            self._send(200, "Grüße".encode("utf-8"), "text/plain")
        elif p == "/bytes":
            self._send(200, bytes([137, 80, 78, 71, 1, 2]), "application/octet-stream")
        elif p == "/missing":
            self._send(404, b"no such thing", "text/plain")
        elif p == "/empty-error":
            self._send(500, b"", "text/plain")
        elif p == "/moved":
            self._send(302, b"", None, [("Location", "/text")])
        elif p == "/loop":
            self._send(302, b"", None, [("Location", "/loop")])
        elif p == "/secret":
            expected = "Basic " + base64.b64encode(b"admin:P@ss").decode()
            if self.headers.get("Authorization") == expected:
                self._send(200, b"welcome", "text/plain")
            else:
                self._send(401, b"", "text/plain", [("WWW-Authenticate", 'Basic realm="lab"')])
        elif p == "/slow":
            time.sleep(3)
            self._send(200, b"late", "text/plain")
        else:
            self._echo()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _echo


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def lines(text):
    return [ln.rstrip() for ln in text.split("\n")]


def echo(r):
    return json.loads(r.output[0]) if isinstance(r.output[0], str) else None


def test_web_request_object_and_its_5_1_list_view(server):
    r = run(f"$r = Invoke-WebRequest {server}/page -UseBasicParsing; $r.StatusCode; $r.StatusDescription; "
            "$r.RawContentLength; $r.Headers['content-type']; $r.Links[0].href; $r.Links[0].tagName; "
            "$r.Images[0].alt; $r.InputFields[0].name; $null -eq $r.Forms; $r.GetType().FullName; "
            "$r.RawContent.StartsWith(\"HTTP/1.1 200 OK`r`n\")")
    assert r.errors == []
    assert r.output[:2] + r.output[3:] == [200, "OK", "text/html; charset=utf-8", "/next", "A", "logo", "user", True,
                        "Microsoft.PowerShell.Commands.BasicHtmlWebResponseObject", True]
    assert int(r.output[2]) == len(PAGE)
    r = run(f"Invoke-WebRequest {server}/page -UseBasicParsing", capture_output=False, width=120)
    text = [ln for ln in lines(r.host_text) if ln]
    labels = [ln.split(":")[0].rstrip() for ln in text if not ln.startswith(" ")]
    assert labels == ["StatusCode", "StatusDescription", "Content", "RawContent", "Forms", "Headers", "Images",
                      "InputFields", "Links", "ParsedHtml", "RawContentLength"]
    assert text[0] == "StatusCode        : 200"
    assert "Links             : {@{outerHTML=<a href=\"/next\">Next page</a>; tagName=A; href=/next}}" in text
    assert any(ln.startswith("Headers           : {[Server, ") for ln in text)
    content = next(i for i, ln in enumerate(text) if ln.startswith("Content "))
    raw = next(i for i, ln in enumerate(text) if ln.startswith("RawContent "))
    assert len(PAGE) > 200 and text[raw - 1].endswith("...")


def test_full_parsing_links_have_inner_text_and_forms(server):
    r = run(f"$r = iwr {server}/page; $r.GetType().Name; $r.Links[0].innerText; $r.Links[0].outerHTML; "
            "$r.Forms[0].Id; $r.Forms[0].Method; $r.Forms[0].Fields['user']; $null -eq $r.ParsedHtml")
    assert r.errors == []
    assert r.output == ["HtmlWebResponseObject", "Next page", '<a href="/next">Next page</a>', "login", "post",
                        "bob", True]


def test_aliases_of_5_1():
    r = run("'iwr','irm','curl','wget' | ForEach-Object { (Get-Alias $_).Definition }; "
            "(Get-Command Invoke-WebRequest).ModuleName")
    assert r.output == ["Invoke-WebRequest", "Invoke-RestMethod", "Invoke-WebRequest", "Invoke-WebRequest",
                        "Microsoft.PowerShell.Utility"]


def test_rest_method_json_xml_text_and_detection(server):
    r = run(f"$o = Invoke-RestMethod {server}/json; $o.name; $o.roles[1]; $o.build; $o.GetType().FullName; "
            f"$a = Invoke-RestMethod {server}/array; $a.Count; $a[2].id; "
            f"(Invoke-RestMethod {server}/array | Measure-Object).Count; "
            f"$x = Invoke-RestMethod {server}/xml; $x.GetType().FullName; $x.servers.server[1].name; "
            f"Invoke-RestMethod {server}/text; (Invoke-RestMethod {server}/guess).detected")
    assert r.errors == []
    assert r.output == ["Mailbox01", "Frontend", 15, "System.Management.Automation.PSCustomObject", 3, 3, 1,
                        "System.Xml.XmlDocument", "Mailbox02", "plain words", True]


def test_feeds_give_their_items_one_by_one(server):
    r = run(f"(Invoke-RestMethod {server}/rss | Measure-Object).Count; "
            f"(Invoke-RestMethod {server}/rss)[0].title; (Invoke-RestMethod {server}/atom).title")
    assert r.errors == []
    assert r.output == [2, "First", "Only"]


def test_session_variable_keeps_cookies_headers_and_agent(server):
    r = run(f"$null = Invoke-WebRequest {server}/login -SessionVariable web -Headers @{{'X-Team'='mail'}} "
            "-UserAgent lab-agent; $web.GetType().FullName; $web.Cookies.Count; "
            f"$e = Invoke-RestMethod {server}/e -WebSession $web; $e.headers.Cookie; $e.headers.'X-Team'; "
            f"$e.headers.'User-Agent'; $web.Cookies.GetCookies('{server}/')[0].Value")
    assert r.errors == []
    assert r.output == ["Microsoft.PowerShell.Commands.WebRequestSession", 1, "sid=abc123", "mail", "lab-agent",
                        "abc123"]


def test_text_without_charset_is_iso_8859_1_as_in_5_1(server):
    r = run(f"(Invoke-WebRequest {server}/utf8-no-charset -UseBasicParsing).Content")
    assert r.output == ["GrÃ¼Ã\x9fe"]


def test_binary_body_is_bytes(server):
    r = run(f"$r = Invoke-WebRequest {server}/bytes; $r.GetType().Name; $r.Content[0]; $r.Content.Length")
    assert r.output == ["WebResponseObject", 137, 6]


def test_methods_headers_body_and_content_type(server):
    r = run(f"Invoke-RestMethod {server}/e -Method Post -Body @{{name='Mail Box'; n=1}} | ConvertTo-Json -Compress")
    data = json.loads(r.output[0])
    assert data["method"] == "POST"
    assert base64.b64decode(data["body"]) == b"name=Mail+Box&n=1"
    assert data["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert data["headers"]["User-Agent"].startswith("Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) "
                                                    "WindowsPowerShell/5.1")
    assert "Accept-Encoding" not in data["headers"]
    r = run(f"Invoke-RestMethod {server}/e -Method Put -Body '{{\"a\":\"é\"}}' -ContentType 'application/json; "
            "charset=utf-8' -Headers @{'X-Token'='abc'} -UserAgent probe | ConvertTo-Json -Compress")
    data = json.loads(r.output[0])
    assert (data["method"], base64.b64decode(data["body"]).decode("utf-8")) == ("PUT", '{"a":"é"}')
    assert (data["headers"]["X-Token"], data["headers"]["User-Agent"]) == ("abc", "probe")
    r = run(f"(Invoke-RestMethod {server}/e -Method Post -Body 'é').body")
    assert base64.b64decode(r.output[0]) == "é".encode("latin-1")      # 5.1's default body encoding
    r = run(f"(Invoke-RestMethod {server}/e -Body @{{q='a b'; top=5}}).path; "
            f"(Invoke-RestMethod {server}/e -Method Delete).method; "
            f"(Invoke-RestMethod {server}/e -Method Patch -Body ([byte[]](1,2,3))).body")
    assert r.output == ["/e?q=a+b&top=5", "DELETE", base64.b64encode(bytes([1, 2, 3])).decode()]


def test_text_body_with_get_is_refused_as_dotnet_does(server):
    r = run(f"Invoke-WebRequest {server}/e -Body 'x'")
    assert r.errors[0].message() == "Cannot send a content-body with this verb-type."


def test_out_file_and_pass_thru(server, tmp_path):
    r = run(f"Set-Location '{tmp_path}'; Invoke-WebRequest {server}/bytes -OutFile logo.bin; "
            f"$o = Invoke-RestMethod {server}/json -OutFile data.json -PassThru; $o.name")
    assert r.errors == []
    assert r.output == ["Mailbox01"]
    assert (tmp_path / "logo.bin").read_bytes() == bytes([137, 80, 78, 71, 1, 2])
    assert json.loads((tmp_path / "data.json").read_text())["build"] == 15


def test_http_error_is_5_1_web_exception(server):
    r = run(f"try {{ Invoke-WebRequest {server}/missing }} catch {{ $_.Exception.Message; $_.ErrorDetails.Message; "
            "$_.FullyQualifiedErrorId; $_.CategoryInfo.ToString(); $_.Exception.GetType().FullName; "
            "[string]$_.Exception.Response.StatusCode; $_.Exception.Response.StatusCode.value__ }")
    assert r.output == ["The remote server returned an error: (404) Not Found.", "no such thing",
                        "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand",
                        "InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], "
                        "WebException", "System.Net.WebException", "NotFound", 404]
    r = run(f"Invoke-RestMethod {server}/empty-error; 'the error is statement-terminating'", capture_output=False)
    assert r.error_text.startswith("Invoke-RestMethod : The remote server returned an error: (500) Internal "
                                   "Server Error.")
    assert "the error is statement-terminating" in r.host_text


def test_connection_refused_and_unknown_name():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    r = run(f"Invoke-WebRequest http://127.0.0.1:{port}/")
    e = r.errors[0]
    assert e.message() == "Unable to connect to the remote server"
    assert e.FullyQualifiedErrorId == "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand"
    r = run("Invoke-WebRequest ftp://127.0.0.1/x")
    assert r.errors[0].message() == "The URI prefix is not recognized."


def test_redirects(server):
    r = run(f"(Invoke-WebRequest {server}/moved).Content")
    assert r.output == ["plain words"]
    r = run(f"$r = Invoke-WebRequest {server}/moved -MaximumRedirection 0 -ErrorAction SilentlyContinue "
            "-ErrorVariable ev; $r.StatusCode; $r.Headers.Location; $ev[0].FullyQualifiedErrorId; $ev[0].ToString()")
    assert r.output == [302, "/text", "MaximumRedirectExceeded,Microsoft.PowerShell.Commands.InvokeWebRequestCommand",
                        "The maximum redirection count has been exceeded. To increase the number of redirections "
                        "allowed, supply a higher value to the -MaximumRedirection parameter."]
    r = run(f"Invoke-WebRequest {server}/loop -MaximumRedirection 2")
    assert r.errors[0].message() == "Too many automatic redirections were attempted."


def test_credential_answers_the_basic_challenge(server):
    r = run(f"$c = New-Object PSCredential 'admin', (ConvertTo-SecureString 'P@ss' -AsPlainText -Force); "
            f"Invoke-RestMethod {server}/secret -Credential $c; "
            f"try {{ Invoke-RestMethod {server}/secret }} catch {{ $_.Exception.Message }}")
    assert r.output == ["welcome", "The remote server returned an error: (401) Unauthorized."]


def test_timeout(server):
    r = run(f"Invoke-WebRequest {server}/slow -TimeoutSec 1")
    assert r.errors[0].message() == "The operation has timed out."


def test_head_and_disable_keep_alive_and_in_file(server, tmp_path):
    (tmp_path / "body.txt").write_bytes(b"from a file")
    r = run(f"Set-Location '{tmp_path}'; $r = Invoke-RestMethod {server}/e -Method Post -InFile body.txt "
            "-DisableKeepAlive; $r.headers.Connection; [Text.Encoding]::ASCII.GetString([Convert]::FromBase64String($r.body))")
    assert r.output == ["Close", "from a file"]
    r = run(f"(Invoke-WebRequest {server}/e -Method Head).StatusCode")
    assert r.output == [200]
