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
