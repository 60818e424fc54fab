"""What a SecureString holds never reaches a transcript or the console, whatever the script
does with the SecureString itself (shows it, converts it, binds it where it does not fit, serializes it);
issue 12. A plain string bound to a SecureString parameter is refused without quoting it."""
from pshim.testing import run, new_session

SECRET = "S3cret-Answer!"


def test_secure_string_uses_leave_no_trace(tmp_path):
    transcript = tmp_path / "t.txt"
    s = new_session(answers=[SECRET])
    script = f"""Start-Transcript -Path '{transcript}' | Out-Null
$p = Read-Host -AsSecureString 'pw'
Write-Host $p
"$p"; [string]$p; $p.ToString(); $p | Out-String
$p | ConvertTo-Json; $p | ConvertTo-Csv; $p | ConvertTo-Xml -As String
Get-Variable p | Format-List *
function Take-Number {{ param([int]$n) }}
Take-Number -n $p
function Take-Secure {{ param([securestring]$x) }}
Take-Secure -x (New-Object System.Management.Automation.PSCredential('u', $p)).GetNetworkCredential().Password
$c = New-Object System.Management.Automation.PSCredential('u', $p)
$c | Format-List *; $c | ConvertTo-Json
$c | Export-Clixml -Path '{tmp_path / "c.xml"}'
Write-Verbose $p -Verbose
Stop-Transcript | Out-Null
"""
    r = run(script, session=s, capture_output=False)
    text = transcript.read_text(encoding="utf-8")
    assert "Windows PowerShell transcript start" in text and "System.Security.SecureString" in text
    assert "pw: " + "*" * len(SECRET) in r.host_text           # the answer is masked as it is typed
    assert SECRET not in text
    assert SECRET not in r.host_text + r.error_text
    assert SECRET not in (tmp_path / "c.xml").read_text(encoding="utf-8")
    assert any("Cannot process argument transformation on parameter 'x'" in e.message() for e in r.errors)
    for e in r.errors:
        assert SECRET not in e.message() and SECRET not in str(e.CategoryInfo)
