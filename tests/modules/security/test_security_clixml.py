"""Export-Clixml / Import-Clixml of credentials and secure strings: the protected form, never the text."""
import base64
import os

from pshim.testing import run
from securestring_vectors import DPAPI_FROM_WINDOWS

SECRET = "Clixml-Pa55word!"
IMPORT_CMD = "Microsoft.PowerShell.Commands.ImportClixmlCommand"


def _forms(text):
    """Ways the characters could leak into a file."""
    return [text, text.encode("utf-16-le").hex(), text.encode("utf-8").hex(),
            base64.b64encode(text.encode("utf-16-le")).decode(), base64.b64encode(text.encode()).decode()]


def _file(name):
    with open(os.path.join(os.environ["PSHIM_HOME"], "drives", "C", name), encoding="utf-8") as fh:
        return fh.read()


def test_credential_round_trip_writes_no_plaintext(tmp_path):
    r = run(f"$c = [pscredential]::new('CONTOSO\\svc', (ConvertTo-SecureString '{SECRET}' -AsPlainText -Force)); "
            "$c | Export-Clixml C:\\cred.xml; "
            "$d = Import-Clixml C:\\cred.xml; $d.GetType().FullName; $d.UserName; "
            "$d.Password -is [securestring]; $d.GetNetworkCredential().Password")
    assert r.errors == []
    assert r.output == ["System.Management.Automation.PSCredential", "CONTOSO\\svc", True, SECRET]
    text = _file("cred.xml")
    for form in _forms(SECRET):
        assert form not in text
    assert '<S N="UserName">CONTOSO\\svc</S>' in text
    assert '<SS N="Password">' in text
    assert "<T>System.Management.Automation.PSCredential</T>" in text


def test_secure_string_alone_and_deep_in_a_hashtable():
    r = run(f"$s = ConvertTo-SecureString '{SECRET}' -AsPlainText -Force; "
            "$s | Export-Clixml C:\\s.xml; @{ a = @{ b = $s } } | Export-Clixml C:\\h.xml -Depth 1; "
            "$t = Import-Clixml C:\\s.xml; $t -is [securestring]; "
            "[pscredential]::new('u', $t).GetNetworkCredential().Password")
    assert r.errors == []
    assert r.output == [True, SECRET]
    for name in ("s.xml", "h.xml"):
        text = _file(name)
        assert "<SS>" in text or "<SS N=" in text
        for form in _forms(SECRET):
            assert form not in text


def test_import_in_another_home_fails(tmp_path, monkeypatch):
    r = run(f"[pscredential]::new('u', (ConvertTo-SecureString '{SECRET}' -AsPlainText -Force)) | "
            "Export-Clixml C:\\cred.xml")
    assert r.errors == []
    data = _file("cred.xml")
    monkeypatch.setenv("PSHIM_HOME", str(tmp_path / "someone-else"))
    os.makedirs(os.path.join(os.environ["PSHIM_HOME"], "drives", "C"))
    with open(os.path.join(os.environ["PSHIM_HOME"], "drives", "C", "cred.xml"), "w", encoding="utf-8") as fh:
        fh.write(data)
    r = run("$c = Import-Clixml C:\\cred.xml; 'next statement'")
    assert r.output == ["next statement"]
    e = r.errors[0]
    assert e.message() == "Key not valid for use in specified state."
    assert e.FullyQualifiedErrorId == f"System.Security.Cryptography.CryptographicException,{IMPORT_CMD}"
    assert SECRET not in r.error_text


def test_credential_written_by_windows_is_not_readable_here(tmp_path):
    xml = f"""<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">
  <Obj RefId="0">
    <TN RefId="0">
      <T>System.Management.Automation.PSCredential</T>
      <T>System.Object</T>
    </TN>
    <ToString>System.Management.Automation.PSCredential</ToString>
    <Props>
      <S N="UserName">admin</S>
      <SS N="Password">{DPAPI_FROM_WINDOWS}</SS>
    </Props>
  </Obj>
</Objs>"""
    folder = os.path.join(os.environ["PSHIM_HOME"], "drives", "C")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "win.xml"), "w", encoding="utf-8") as fh:
        fh.write(xml)
    r = run("Import-Clixml C:\\win.xml")
    assert r.output == []
    assert r.errors[0].message() == "Key not valid for use in specified state."
