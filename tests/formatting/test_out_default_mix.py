"""Out-Default with mixed objects: an object with an out-of-band view (DateTime) after a
table is shown on its own, not as an empty row of the table."""
from pshim.testing import run


def test_datetime_after_table_is_out_of_band():
    r = run("[pscustomobject]@{a=1}; Get-Date -Year 2020 -Month 1 -Day 2 -Hour 3 -Minute 4 -Second 5; 'x'",
            capture_output=False)
    assert r.host_text == "\na\n-\n1\nThursday, January 2, 2020 3:04:05 AM\nx\n\n\n"


def test_datetime_alone_has_its_blank_lines():
    r = run("Get-Date -Year 2020 -Month 1 -Day 2 -Hour 3 -Minute 4 -Second 5", capture_output=False)
    assert r.host_text == "\nThursday, January 2, 2020 3:04:05 AM\n\n\n"
