"""Select-String end to end: piped strings, files, context, MatchInfo text."""
from pshim.testing import run, new_session


def out(script, **kw):
    r = run(script, **kw)
    assert not r.errors, [e.message() for e in r.errors]
    return r.output


def test_piped_strings():
    assert out("'abc','xyz','aXb' | Select-String x | % Line") == ["xyz", "aXb"]
    assert out("'abc','xyz','aXb' | Select-String x -CaseSensitive | "
               "% { \"$($_.LineNumber) $($_.Filename) $($_.Path) $($_.Pattern) $_\" }") == \
        ["2 InputStream InputStream x xyz"]
    assert out("'abc','xyz' | Select-String b -NotMatch | % Line") == ["xyz"]
    assert out("'a.c','abc' | Select-String . -SimpleMatch | % Line") == ["a.c"]
    assert out("'abc','q' | sls 'zz','q' | % Pattern") == ["q"]


def test_matches_and_groups():
    assert out("'a1b2c3' | Select-String '\\d' -AllMatches | % { $_.Matches.Value }") == ["1", "2", "3"]
    assert out("'a1b2c3' | Select-String '\\d' | % { $_.Matches.Count }") == [1]
    assert out("'user=bob' | Select-String 'user=(?<n>\\w+)' | % { $_.Matches[0].Groups['n'].Value }") == ["bob"]


def test_quiet_and_list():
    assert out("'abc','xyz' | Select-String b -Quiet") == [True]
    assert out("'abc','xyz' | Select-String q -Quiet") == []


def test_console_text_of_piped_match_is_the_line():
    r = run("'abc','xyz' | Select-String b", capture_output=False)
    assert r.host_text == "\nabc\n\n\n"


def test_context_on_piped_input():
    assert out("1..10 | Select-String 5 -Context 2,1 | "
               "% { $_.Context.PreContext -join ','; $_.Context.PostContext -join ',' }") == ["3,4", "6"]
    r = run("1..10 | Select-String 5,6 -Context 1", capture_output=False)
    assert r.host_text == "\n  4\n> 5\n> 6\n  7\n\n\n"
    # logical context keeps the neighbouring match, display context does not repeat it
    assert out("1..10 | Select-String 5,6 -Context 1 | % { $_.Context.PostContext -join ','; "
               "$_.Context.DisplayPostContext -join ',' }") == ["6", "", "7", "7"]


def _files():
    s = new_session()
    out("$null = New-Item -ItemType Directory C:\\sls; Set-Content C:\\sls\\a.log 'one','two error','three'; "
        "Set-Content C:\\sls\\b.log 'error here'", session=s)
    return s


def test_files_with_wildcards():
    s = _files()
    assert out("Select-String -Path C:\\sls\\*.log -Pattern error | % { $_.ToString() }", session=s) == \
        ["C:\\sls\\a.log:2:two error", "C:\\sls\\b.log:1:error here"]
    assert out("sls error C:\\sls\\b.log | % { $_.Filename; $_.Path; $_.LineNumber }", session=s) == \
        ["b.log", "C:\\sls\\b.log", 1]
    assert out("Select-String -LiteralPath C:\\sls\\a.log -Pattern one | % LineNumber", session=s) == [1]
    assert out("Select-String -Path C:\\sls\\*.log -Pattern nomatch -Quiet", session=s) == [False]
    assert out("Select-String -Path C:\\sls\\*.log -Pattern e -List | % Line", session=s) == \
        ["one", "error here"]


def test_file_view_is_relative_to_location():
    s = _files()
    r = run("Set-Location C:\\sls; Select-String -Path *.log -Pattern error", session=s, capture_output=False)
    assert r.host_text == "\na.log:2:two error\nb.log:1:error here\n\n\n"
    r = run("Select-String -Path C:\\sls\\a.log -Pattern two -Context 1", session=s, capture_output=False)
    assert r.host_text.endswith("\n  a.log:1:one\n> a.log:2:two error\n  a.log:3:three\n\n\n")


def test_piped_files_and_match_infos():
    s = _files()
    assert out("Get-ChildItem C:\\sls\\*.log | Select-String error | % Filename", session=s) == ["a.log", "b.log"]
    assert out("Get-ChildItem C:\\sls\\*.log | Select-String error | Select-String two | % Path", session=s) == \
        ["C:\\sls\\a.log"]
    assert out("Get-Content C:\\sls\\a.log | Select-String two | % { $_.ToString() }", session=s) == ["two error"]


def test_errors():
    r = run("Select-String -Path C:\\nosuch.log -Pattern two")
    assert r.errors[0].message() == "Cannot find path 'C:\\nosuch.log' because it does not exist."
    r = run("'abc' | Select-String '('")
    assert r.errors[0].message().startswith("The string ( is not a valid regular expression: ")
    assert r.errors[0].FullyQualifiedErrorId == "InvalidRegex,Microsoft.PowerShell.Commands.SelectStringCommand"
