"""Out-Default with mixed objects (5.1's out-of-band rules)."""
from pshim.testing import run


def test_generated_table_takes_every_later_object():
    # a table generated from a PSCustomObject (no view) accepts any object: a DateTime after it is an
    # empty row (5.1's well-known "missing output" effect); a string is out-of-band text
    r = run("[pscustomobject]@{a=1}; Get-Date -Year 2020 -Month 1 -Day 2 -Hour 3 -Minute 4 -Second 5; 'x'",
            capture_output=False)
    assert r.host_text == "\na\n-\n1\n \nx\n\n\n"


def test_datetime_alone_has_its_blank_lines():
    r = run("Get-Date -Year 2020 -Month 1 -Day 2 -Hour 3 -Minute 4 -Second 5", capture_output=False)
    assert r.host_text == "\nThursday, January 2, 2020 3:04:05 AM\n\n\n"


def test_out_of_band_views_print_their_text_alone():
    r = run("{1+1}; Write-Warning 'w' 3>&1", capture_output=False)
    assert r.host_text == "1+1\nw\n"


def test_command_info_view_and_out_of_band_list_view():
    r = run("Get-Alias ls; 1,2 | Group-Object", capture_output=False)
    lines = r.host_text.split("\n")
    assert lines[1].rstrip() == "CommandType     Name                                               Version    Source"
    assert lines[3].rstrip() == "Alias           ls -> Get-ChildItem"
    # GroupInfo does not fit the command table: out of band, with GroupInfo's own list view
    assert "Name   : 1\nCount  : 1\nGroup  : {1}\nValues : {1}" in r.host_text


def test_pwd_is_a_variable():
    r = run("(Get-Variable PWD).Value.Path -eq $PWD.Path")
    assert r.output == [True]
