"""Format-Table -TableStyle (pshim extension built on tabulate)."""
from pshim.testing import run

ROWS = "@([pscustomobject]@{Server='EX01';Status='Success'},[pscustomobject]@{Server='EX02';Status='Error'})"


def test_markdown_table():
    r = run(ROWS + " | Format-Table -TableStyle Markdown")
    assert r.output == ["| Server   | Status   |",
                        "|----------|----------|",
                        "| EX01     | Success  |",
                        "| EX02     | Error    |"]


def test_calculated_property_and_grid():
    r = run(ROWS + " | Format-Table @{n='Host';e={$_.Server.ToLower()}} -TableStyle Grid")
    assert r.output[0] == "+--------+"
    assert "| ex01   |" in r.output


def test_without_style_output_is_unchanged_5_1():
    r = run(ROWS + " | Format-Table | Out-String")
    assert r.output == ["\nServer Status \n------ ------ \nEX01   Success\nEX02   Error  \n\n\n"]


def test_unknown_style_is_a_binding_error():
    r = run(ROWS + " | Format-Table -TableStyle Fancy")
    assert r.errors and "does not belong to the set" in r.errors[0].message()
