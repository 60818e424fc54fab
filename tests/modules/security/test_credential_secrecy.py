"""Get-Credential, Read-Host -AsSecureString, SecureString and PSCredential: the secret never reaches
the console, a transcript, history or an error record; the cmdlets belong to the Security module."""
import os

from pshim.testing import run

PASSWORD = "Tr1cky-Pa55"


def _everything(r):
    """All the text a session showed or recorded."""
    parts = [r.host_text, r.error_text, "\n".join(str(h) for h in r.session.history)]
    for e in r.errors:
        parts += [e.message(), str(e.CategoryInfo), repr(e.TargetObject)]
    return "\n".join(parts)


def test_get_credential_does_not_echo(tmp_path):
    r = run("Start-Transcript C:\\t.txt | Out-Null; $c = Get-Credential; Stop-Transcript | Out-Null; "
            "$c.UserName; $c.GetNetworkCredential().Password.Length",
            answers=["CONTOSO\\admin", PASSWORD])
    assert r.errors == []
    assert r.output == ["CONTOSO\\admin", len(PASSWORD)]
    assert PASSWORD not in _everything(r)
    assert f"Password for user CONTOSO\\admin: {'*' * len(PASSWORD)}\n" in r.host_text
    with open(os.path.join(os.environ["PSHIM_HOME"], "drives", "C", "t.txt"), encoding="utf-8") as fh:
        transcript = fh.read()
    assert "Password for user CONTOSO\\admin:" in transcript
    assert PASSWORD not in transcript


def test_get_credential_shown_as_5_1_shows_it():
    r = run("Get-Credential -UserName bob -Message 'Log on'", answers=[PASSWORD], capture_output=False)
    assert r.errors == []
    assert r.host_text.startswith("Windows PowerShell credential request\nLog on\nPassword for user bob: ")
    assert "System.Security.SecureString" in r.host_text
    assert PASSWORD not in r.host_text


def test_get_credential_non_interactive():
    r = run("Get-Credential", interactive=False)
    assert r.errors[0].message() == ("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                                     "available.")


def test_read_host_as_secure_string_is_the_real_class():
    r = run("$s = Read-Host 'PIN' -AsSecureString; $s -is [securestring]; $s.Length; "
            "$e = ConvertFrom-SecureString $s -Key ([byte[]](1..16)); "
            "[pscredential]::new('u', (ConvertTo-SecureString $e -Key ([byte[]](1..16)))).GetNetworkCredential()"
            ".Password",
            answers=[PASSWORD])
    assert r.errors == []
    assert r.output == [True, len(PASSWORD), PASSWORD]
    assert "PIN: " + "*" * len(PASSWORD) in r.host_text
    assert PASSWORD not in _everything(r)


def test_secure_string_shows_nothing_of_its_characters():
    r = run(f"$s = ConvertTo-SecureString '{PASSWORD}' -AsPlainText -Force; "
            "$s._chars; $s._s; $s.chars; \"$s\"; $s | Format-List * | Out-String; $s | ConvertTo-Json; "
            "$s.psobject.Properties | ForEach-Object Name; ($s | Get-Member -MemberType Property).Name")
    text = "\n".join(str(o) for o in r.output)
    assert PASSWORD not in text
    assert "System.Security.SecureString" in text
    assert [o for o in r.output if o is not None][-2:] == ["Length", "Length"]


def test_errors_do_not_quote_the_secret():
    scripts = [
        f"ConvertFrom-SecureString '{PASSWORD}'",                                       # plain text bound
        f"$s = ConvertTo-SecureString 'x' -AsPlainText -Force; ConvertFrom-SecureString $s -SecureKey '{PASSWORD}'",
        f"ConvertTo-SecureString '{PASSWORD}'",                                          # forgot -AsPlainText
        f"ConvertTo-SecureString '{PASSWORD}x'",                                         # odd length
        f"New-Object System.Management.Automation.PSCredential ('u', '{PASSWORD}')",
        f"[pscredential]::new('u', '{PASSWORD}')",
        f"[securestring]'{PASSWORD}'",
        f"$k = ConvertTo-SecureString '{PASSWORD}' -AsPlainText -Force; ConvertTo-SecureString 'abcd' -SecureKey $k",
    ]
    for script in scripts:
        r = run(script)
        assert r.errors, script
        for e in r.errors:
            assert PASSWORD not in e.message(), script
            assert PASSWORD not in str(e.CategoryInfo), script
            assert PASSWORD not in repr(e.TargetObject), script


def test_credential_construction():
    r = run("$p = ConvertTo-SecureString 'pw' -AsPlainText -Force; "
            "$c = New-Object System.Management.Automation.PSCredential ('CONTOSO\\u', $p); "
            "$c.GetNetworkCredential().UserName; $c.GetNetworkCredential().Domain; "
            "$c.GetNetworkCredential().Password; [pscredential]::new('v', $p).UserName; "
            "(New-Object System.Security.SecureString).Length")
    assert r.errors == []
    assert r.output == ["u", "CONTOSO", "pw", "v", 0]


def test_secure_string_methods():
    r = run("$s = New-Object System.Security.SecureString; "
            "'a','b','d' | ForEach-Object { $s.AppendChar($_) } | Out-Null; "
            "$null = $s.InsertAt(2, 'c'); $null = $s.SetAt(0, 'A'); $null = $s.RemoveAt(3); $s.Length; "
            "[pscredential]::new('u', $s).GetNetworkCredential().Password; "
            "$c = $s.Copy(); $null = $s.MakeReadOnly(); $s.IsReadOnly(); $c.IsReadOnly(); "
            "try { $s.AppendChar('x') } catch { $_.Exception.InnerException.Message }; "
            "try { $c.RemoveAt(5) } catch { $_.Exception.InnerException.GetType().FullName }; "
            "$null = $s.Dispose(); try { $s.Length } catch { $_.Exception.Message }")
    assert r.errors == []
    assert r.output == [3, "Abc", True, False, "Instance is read-only.", "System.ArgumentOutOfRangeException",
                        "Cannot access a disposed object.\r\nObject name: 'SecureString'."]


def test_cmdlets_belong_to_the_security_module():
    r = run("'Get-Credential','ConvertTo-SecureString','ConvertFrom-SecureString' | "
            "ForEach-Object { (Get-Command $_).Source }; (Get-Command Export-Clixml).Source")
    assert r.output == ["Microsoft.PowerShell.Security"] * 3 + ["Microsoft.PowerShell.Utility"]


def test_plaintext_piped_to_a_secure_string_parameter_stays_out_of_the_error_record():
    # 5.1 shows the piped value as the record's target object; a secret given by mistake is still a secret
    r = run('"hunter2" | ConvertFrom-SecureString')
    assert r.errors[0].error_id == "InputObjectNotBound"
    assert r.errors[0].target is None
    assert "CategoryInfo          : InvalidArgument: (:) [ConvertFrom-SecureString]" in r.error_text
    # other commands keep 5.1's target object
    r = run('"x" | Get-Date')
    assert "(x:String)" in r.error_text
