"""Get-Random, Get-Unique, New-TimeSpan, Get-Host, Get-Culture, Set-StrictMode,
Write-Progress, snap-ins, modules, transcripts, credentials, secure strings."""
import re

from pshim.testing import run, new_session


def out(script, **kw):
    r = run(script, **kw)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def test_get_random():
    assert out("$a = Get-Random -SetSeed 7 -Maximum 1000; $b = Get-Random -SetSeed 7 -Maximum 1000; $a -eq $b") \
        == [True]
    assert out("Get-Random -Minimum 5 -Maximum 6") == [5]
    assert out("(Get-Random).GetType().Name; (Get-Random -Maximum 1.5).GetType().Name") == ["Int32", "Double"]
    assert out("1..10 | Get-Random -Count 3 | Measure-Object | % Count") == [3]
    assert out("Get-Random -InputObject 'a','b' -Count 5 | Sort-Object") == ["a", "b"]
    r = run("Get-Random -Minimum 5 -Maximum 5")
    assert r.errors[0].message() == "The Minimum value (5) cannot be greater than or equal to the Maximum value (5)."
    assert r.errors[0].FullyQualifiedErrorId == "MinGreaterThanOrEqualMax,Microsoft.PowerShell.Commands.GetRandomCommand"


def test_get_unique():
    assert out("'a','a','A','b','b' | Get-Unique") == ["a", "A", "b"]
    assert out("1,1,2 | Get-Unique -AsString") == [1, 2]
    assert out("1,2,'a','b',3 | Get-Unique -OnType") == [1, "a", 3]


def test_new_timespan():
    assert out("(New-TimeSpan -Days 1 -Hours 2).TotalHours") == [26.0]
    assert out("(New-TimeSpan -Start '2020-01-01' -End '2020-01-03').Days") == [2]
    assert out("(New-TimeSpan -Minutes 5).ToString()") == ["00:05:00"]


def test_host_and_culture():
    assert out("(Get-Host).Name") == ["ConsoleHost"]
    assert out("(Get-Culture).Name; (Get-Culture).TextInfo.ListSeparator; (Get-Culture).LCID; "
               "(Get-UICulture).DisplayName") == ["en-US", ",", 1033, "English (United States)"]
    text = run("Get-Culture", capture_output=False).host_text
    assert text.splitlines()[1].rstrip() == "LCID             Name             DisplayName"
    assert text.splitlines()[3].rstrip() == "1033             en-US            English (United States)"


def test_strict_mode_and_progress_are_accepted():
    r = run("Set-StrictMode -Version Latest; Set-StrictMode -Version 2.0; 'ok'")
    assert r.output == ["ok"] and not r.errors
    assert r.session.global_scope.strict == 2          # enforced: tests/runtime/test_strict_mode.py
    assert run("Set-StrictMode -Off").session.global_scope.strict == 0
    r = run("Write-Progress -Activity a -Status b -PercentComplete 50; Write-Progress a -Completed; 'ok'",
            capture_output=False)
    assert r.host_text == "ok\n"


def test_snapins():
    assert out("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010; Get-PSSnapin | % Name") == \
        ["Microsoft.PowerShell.Core", "Microsoft.Exchange.Management.PowerShell.E2010"]
    r = run("Add-PSSnapin Foo.Bar")
    assert r.errors[0].message() == "The Windows PowerShell snap-in 'Foo.Bar' is not installed on this computer."
    assert r.errors[0].FullyQualifiedErrorId == "AddPSSnapInRead,Microsoft.PowerShell.Commands.AddPSSnapinCommand"
    # the usual guard in Exchange scripts
    assert out("if (-not (Get-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn -ErrorAction "
               "SilentlyContinue)) { Add-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn }; "
               "Remove-PSSnapin Microsoft.Exchange.Management.PowerShell.SnapIn; (Get-PSSnapin).Count") == [1]
    r = run("Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin; "
            "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin")
    assert "because it is already added" in r.errors[0].message()


def test_modules():
    assert out("Import-Module Microsoft.PowerShell.Utility; "
               "Import-Module Microsoft.Exchange.Management.PowerShell.E2010 -PassThru | % Name") == \
        ["Microsoft.Exchange.Management.PowerShell.E2010"]
    r = run("Import-Module NoSuchModule")
    assert r.errors[0].message() == ("The specified module 'NoSuchModule' was not loaded because no valid module "
                                     "file was found in any module directory.")
    assert r.errors[0].FullyQualifiedErrorId == \
        "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand"
    s = new_session()
    assert out("Set-Content C:\\m.psm1 'function Hello { \"hi $args\" }'; Import-Module C:\\m.psm1; Hello bob; "
               "(Get-Module m).ExportedCommands.Keys", session=s) == ["hi bob", "Hello"]
    assert out("Remove-Module m; Get-Module m", session=s) == []
    r = run("Remove-Module nosuch")
    assert r.errors[0].FullyQualifiedErrorId == \
        "Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand"
    text = run("Get-Module", capture_output=False).host_text
    assert text.splitlines()[1].startswith("ModuleType Version    Name                                ExportedCommands")


def test_transcript_records_host_text():
    s = new_session()
    r = run("Start-Transcript -Path C:\\t\\log.txt; Write-Host 'hello host'; 'out value'; Write-Error 'bad'; "
            "Stop-Transcript", session=s, capture_output=False)
    assert "Transcript started, output file is C:\\t\\log.txt\n" in r.host_text
    assert r.host_text.endswith("Transcript stopped, output file is C:\\t\\log.txt\n")
    lines = out("Get-Content C:\\t\\log.txt", session=s)
    assert lines[:2] == ["**********************", "Windows PowerShell transcript start"]
    assert re.fullmatch(r"Start time: \d{14}", lines[2])
    assert "PSVersion: 5.1.19041.1" in lines
    body = lines[lines.index("**********************", 1) + 1:]
    assert body[:3] == ["Transcript started, output file is C:\\t\\log.txt", "hello host", "out value"]
    assert body[3] == "Write-Error : bad"
    assert body[-4:-1] == ["**********************", "Windows PowerShell transcript end", body[-2]]
    assert re.fullmatch(r"End time: \d{14}", body[-2])
    r = run("Stop-Transcript")
    assert r.errors[0].message() == "An error occurred stopping transcription: The host is not currently transcribing."


def test_credentials_and_secure_strings():
    assert out("$c = Get-Credential; $c.UserName; \"$($c.Password)\"; $c.GetNetworkCredential().Password; "
               "$c.GetNetworkCredential().Domain", answers=["CONTOSO\\admin", "s3cret"]) == \
        ["CONTOSO\\admin", "System.Security.SecureString", "s3cret", "CONTOSO"]
    r = run("Get-Credential", interactive=False)
    assert r.errors[0].message() == ("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not "
                                     "available.")
    r = run("Get-Credential -UserName bob -Message 'Log on'", answers=["pw"], capture_output=False)
    assert r.host_text.startswith("Windows PowerShell credential request\nLog on\nPassword for user bob: ")
    assert out("$s = ConvertTo-SecureString 'P@ss' -AsPlainText -Force; $s.Length; "
               "$e = $s | ConvertFrom-SecureString; (ConvertTo-SecureString $e).Length") == [4, 4]
    r = run("ConvertTo-SecureString 'x' -AsPlainText")
    assert r.errors[0].FullyQualifiedErrorId == \
        "ImportSecureString_ForceRequired,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand"


def test_transcript_invocation_header(tmp_path):
    from pshim.testing import new_session
    p = tmp_path / "t.txt"
    s = new_session()
    s.run(f"Start-Transcript -Path '{p}' -IncludeInvocationHeader", add_to_history=True)
    s.run("'hello'", add_to_history=True)
    s.run("Stop-Transcript", add_to_history=True)
    lines = p.read_text().split("\n")
    i = lines.index("PS>'hello'")
    assert lines[i - 3] == "**********************" and lines[i - 1] == "**********************"
    assert re.fullmatch(r"Command start time: \d{14}", lines[i - 2])
    assert lines[i + 1] == "hello"
    q = tmp_path / "plain.txt"
    s.run(f"Start-Transcript -Path '{q}'", add_to_history=True)
    s.run("'hello'", add_to_history=True)
    s.run("Stop-Transcript", add_to_history=True)
    assert "Command start time" not in q.read_text()


def test_transcript_read_only_file_needs_force(tmp_path):
    import os
    p = tmp_path / "t.txt"
    p.write_text("old\n")
    os.chmod(p, 0o444)
    r = run(f"Start-Transcript -Path '{p}' -Append")
    assert "Transcription cannot be started due to the error: Access to the path" in r.error_text
    r = run(f"Start-Transcript -Path '{p}' -Append -Force; 'x'; Stop-Transcript")
    assert r.errors == []
    assert p.read_text().startswith("old\n") and os.stat(p).st_mode & 0o200
