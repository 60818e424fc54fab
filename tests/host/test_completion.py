"""Tab completion (pshim.host.completion), without a terminal."""
import os

from pshim.host.completion import complete
from pshim.testing import new_session, run


def comp(text, session=None):
    s = session or new_session()
    start, cands = complete(s, text, len(text))
    return start, cands


def test_command_names():
    assert comp("Get-Comm") == (0, ["Get-Command"])
    assert comp("1..3 | Where-O") == (7, ["Where-Object"])
    start, cands = comp("Get-Command | ForEach-Ob")
    assert cands == ["ForEach-Object"] and start == 14
    assert "gcm" in comp("gc")[1]
    assert comp("Get-*mand")[1] == ["Get-Command"]


def test_function_and_alias_names():
    s = new_session()
    run("function Invoke-MyThing { param($Name) }; Set-Alias -Name imt -Value Invoke-MyThing", session=s)
    assert comp("Invoke-My", s)[1] == ["Invoke-MyThing"]


def test_parameter_names_with_common_parameters():
    assert comp("Get-Command -Synt") == (12, ["-Syntax"])
    assert comp("Get-Help -ErrorA") == (9, ["-ErrorAction"])
    assert comp("gcm -Nou")[1] == ["-Noun"]
    names = comp("Get-Command -")[1]
    assert names[:3] == ["-Name", "-Verb", "-Noun"] and "-OutVariable" in names


def test_function_parameters():
    s = new_session()
    run("function Send-Report { param([string]$Recipient, [ValidateSet('Daily','Weekly')]$Period) }", session=s)
    assert comp("Send-Report -Rec", s)[1] == ["-Recipient"]
    assert comp("Send-Report -Period ", s)[1] == ["Daily", "Weekly"]
    assert comp("Send-Report -Period w", s)[1] == ["Weekly"]


def test_validate_set_values():
    start, cands = comp("Get-Help -ErrorAction ")
    assert cands == ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend"]
    assert comp("Get-Help x -ErrorAction s")[1] == ["SilentlyContinue", "Stop", "Suspend"]
    assert comp("Get-Command -CommandType Al")[1] == ["Alias", "All"]


def test_variables_and_members():
    s = new_session()
    run("$server = [pscustomobject]@{ Name = 'EX01'; Fqdn = 'ex01.contoso.com' }", session=s)
    assert comp("$ser", s) == (0, ["$server"])
    assert comp("$server.Fq", s) == (0, ["$server.Fqdn"])
    assert "$server.Name" in comp("$server.", s)[1]
    assert comp("Write-Output $server.N", s) == (13, ["$server.Name"])
    assert comp("$Host.UI.Ra", s)[1] == ["$Host.UI.RawUI"]
    os.environ["PSHIM_TEST_VAR"] = "1"
    assert comp("$env:PSHIM_TEST_V", s)[1] == ["$env:PSHIM_TEST_VAR"]


def test_paths(tmp_path):
    s = new_session()
    (tmp_path / "report one.csv").write_text("x")
    (tmp_path / "reports").mkdir()
    run(f"Set-Location '{tmp_path}'", session=s)
    s.location = str(tmp_path)
    start, cands = comp("Get-Help ./rep", s)
    assert cands == ["./reports", "'./report one.csv'"]
    assert comp("./rep", s)[1] == ["./reports", "'./report one.csv'"]


def test_module_completion_hook():
    s = new_session()

    def hook(ctx, command, parameter, word):
        if command == "Get-Help" and parameter == "Name":
            return ["EX01", "EX02", "EDGE01"]
        return None
    s.commands.completers.append(hook)
    assert comp("Get-Help E", s)[1] == ["EX01", "EX02", "EDGE01"]
    assert comp("Get-Help -Name EX", s)[1] == ["EX01", "EX02"]


def test_parameter_completer_attribute():
    from pshim.commands.cmdlet import Cmdlet
    from pshim.commands.parameters import Parameter
    from pshim.commands.discovery import CmdletEntry

    class GetConn(Cmdlet):
        name = "Get-FakeConnector"
        Identity = Parameter("string", position=0,
                             completer=lambda ctx, word: ["Default EX01", "Client EX01"])
    s = new_session()
    e = CmdletEntry("Get-FakeConnector", "x:y", "Test")
    e._cls = GetConn
    s.commands.cmdlets["get-fakeconnector"] = e
    assert comp("Get-FakeConnector ", s)[1] == ["'Default EX01'", "'Client EX01'"]
    assert comp("Get-FakeConnector -Identity 'Cl", s)[1] == ["'Client EX01'"]


def test_never_raises():
    s = new_session()
    for text in ["", " ", "|", "{", "\"abc", "'", "$", "$.", "-", "Get-Nope -", "(1 + ", "@{", "`"]:
        complete(s, text, len(text))
