"""Help for Invoke-WebRequest and Invoke-RestMethod (written for pshim). The examples use only a loopback
port where nothing listens."""

HELP = {}

_REQUEST = """The request follows Windows PowerShell 5.1: a -Uri without a scheme gets http://; -Method Default
is GET; a -Body dictionary is form-encoded (and, with GET, becomes the query string); a text body is
encoded with the charset of -ContentType, else ISO-8859-1; POST without -ContentType is sent as
application/x-www-form-urlencoded; -Headers are sent as given; the user agent is 5.1's unless -UserAgent
says otherwise. -Credential answers the server's Basic or Digest challenge (the password is sent only when
the server asks). -TimeoutSec 0 (the default) waits 100 seconds. -MaximumRedirection (default 5) limits
redirects; with 0 a redirect response is returned with 5.1's MaximumRedirectExceeded error.
-OutFile writes the body to a file and returns nothing unless -PassThru. -InFile sends a file's bytes as
the body; -DisableKeepAlive closes the connection after the response. -SessionVariable <name> stores a
WebRequestSession (Headers, Cookies, UserAgent, Credentials, MaximumRedirection) in that variable, and
-WebSession $<name> sends later requests with it: its headers, user agent and credential, and the cookies
the server has set.

Failures are 5.1's statement-terminating WebException error records (WebCmdletWebResponseException):
"The remote server returned an error: (404) Not Found." for an HTTP error status (the response body, when
there is one, is the record's ErrorDetails, and $_.Exception.Response.StatusCode names the status),
"Unable to connect to the remote server", "The remote name could not be resolved: '<host>'" or "The
operation has timed out.".

pshim uses the Python library requests; proxies and certificates are not taken from the environment,
and -Proxy, -Certificate, -CertificateThumbprint, -UseDefaultCredentials and -TransferEncoding are not
available."""

HELP["Invoke-WebRequest"] = {
    "synopsis": "Gets content from a web page on the Internet.",
    "description": """Invoke-WebRequest sends an HTTP or HTTPS request and returns the response: StatusCode,
StatusDescription, Content (text, or bytes when the body is not text), RawContent (status line, headers and
body), Headers, RawContentLength, and for text bodies the page's Links, Images and InputFields (custom
objects with outerHTML, tagName and the element's attributes). The console shows them as 5.1 does, Content
and RawContent cut to 200 characters. Without -UseBasicParsing the elements also have innerHTML,
innerText and outerText, and Forms lists the page's forms; ParsedHtml (Internet Explorer's document in
Windows PowerShell) is always $null in pshim, which parses pages with lxml. The text of a body is decoded
with the charset the server names, else ISO-8859-1, as in 5.1.

""" + _REQUEST,
    "parameters": {
        "Uri": "The address to request (http or https).",
        "Method": "Default, Get, Head, Post, Put, Delete, Trace, Options, Merge or Patch.",
        "Headers": "A dictionary of request headers.",
        "Body": "The request body: a dictionary (form fields), bytes, or text. It can come from the pipeline.",
        "ContentType": "The Content-Type of the body (its charset encodes a text body).",
        "UseBasicParsing": "Returns a BasicHtmlWebResponseObject (no Forms; elements with outerHTML and tagName).",
        "OutFile": "Writes the response body to this file instead of returning it.",
        "PassThru": "With -OutFile, also returns the result.",
        "InFile": "Sends the bytes of this file as the body.",
        "TimeoutSec": "Seconds to wait for the connection and for each read (0: 100 seconds).",
        "UserAgent": "The User-Agent header to send instead of 5.1's.",
        "MaximumRedirection": "How many redirects to follow (default 5; 0 returns the redirect itself).",
        "Credential": "A user name and password to answer a Basic or Digest authentication challenge.",
        "DisableKeepAlive": "Sends Connection: Close.",
        "SessionVariable": "The name of a variable to keep the web session in (cookies, headers, credential).",
        "WebSession": "A web session made by -SessionVariable, to send this request with.",
    },
    "examples": [
        {"title": "Catch a failed request",
         "code": "try { Invoke-WebRequest http://127.0.0.1:1/ } catch { $_.Exception.Message }",
         "output": "Unable to connect to the remote server",
         "remarks": "Nothing listens on port 1 of this computer."},
    ],
    "inputs": "System.Object (the body)",
    "outputs": "Microsoft.PowerShell.Commands.HtmlWebResponseObject, BasicHtmlWebResponseObject or WebResponseObject",
    "related": ["Invoke-RestMethod", "ConvertFrom-Json"],
}

HELP["Invoke-RestMethod"] = {
    "synopsis": "Sends an HTTP or HTTPS request to a RESTful web service.",
    "description": """Invoke-RestMethod sends a request as Invoke-WebRequest does and returns the body as objects:
JSON as custom objects (a JSON array is written as one array, not item by item, as in Windows PowerShell
5.1: wrap the call in parentheses to enumerate it), XML as an [xml] document (an RSS or Atom feed as its
item or entry elements, one by one), other text as a string. When
the Content-Type names neither JSON nor XML, the text is tried as XML, then as JSON, else returned as it is.

""" + _REQUEST,
    "parameters": HELP["Invoke-WebRequest"]["parameters"],
    "examples": [
        {"title": "The error record of a refused connection",
         "code": "try { Invoke-RestMethod 127.0.0.1:1/api } catch { $_.FullyQualifiedErrorId }",
         "output": "WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand"},
    ],
    "inputs": "System.Object (the body)",
    "outputs": "System.Management.Automation.PSCustomObject, System.Xml.XmlDocument or System.String",
    "related": ["Invoke-WebRequest", "ConvertFrom-Json"],
}
