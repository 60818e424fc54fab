"""[uri]: System.Uri's parts and normalisation, its error for text that is not an absolute URI."""
from pshim.testing import run


def test_parts_of_an_absolute_uri():
    r = run("$u = [uri]'HTTPS://Mail.Contoso.com:443/owa/x%20y?a=1#f'; $u.Host; $u.Port; $u.Scheme; "
            "$u.AbsoluteUri; $u.PathAndQuery; $u.Segments -join '|'; $u.IsDefaultPort; \"$u\"; "
            "$u.GetType().FullName; ([uri]'http://127.0.0.1:2525/').IsLoopback; ([uri]'http://127.0.0.1:2525').Authority; "
            "[uri]::EscapeDataString('a b&c'); [uri]::UnescapeDataString('a%20b'); "
            "$u.GetLeftPart('Authority')")
    assert not r.errors, r.error_text
    assert r.output == ["mail.contoso.com", 443, "https", "https://mail.contoso.com/owa/x%20y?a=1#f",
                        "/owa/x%20y?a=1", "/|owa/|x%20y", True, "https://mail.contoso.com/owa/x y?a=1#f",
                        "System.Uri", True, "127.0.0.1:2525", "a%20b%26c", "a b", "https://mail.contoso.com"]


def test_text_that_is_not_an_absolute_uri():
    r = run("[uri]'relay'")
    assert r.errors[0].message() == ('Cannot convert value "relay" to type "System.Uri". Error: "Invalid URI: '
                                     'The format of the URI could not be determined."')
    assert r.errors[0].error_id == "InvalidCastConstructorException"
