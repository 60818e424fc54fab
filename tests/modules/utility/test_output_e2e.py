"""End to end through the engine: formatting and conversion cmdlets in scripts."""

from pshim.testing import run


def out(script):
    r = run(script)
    assert [e.message() for e in r.errors] == []
    return r.output


def test_format_table_out_string():
    assert out('[pscustomobject]@{a="abc";b=123} | Format-Table | Out-String') == \
        ["\na     b\n-     -\nabc 123\n\n\n"]


def test_out_default_host_text_list():
    r = run('[pscustomobject]@{testName="testValue"} | Format-List', capture_output=False)
    assert r.host_text == "\n\ntestName : testValue\n\n\n\n"


def test_out_string_stream():
    assert out('[pscustomobject]@{a=1} | Out-String -Stream') == ["", "a", "-", "1", "", ""]


def test_csv_roundtrip_through_file(tmp_path):
    p = str(tmp_path / "x.csv").replace("\\", "/")
    r = out(f'[pscustomobject]@{{a="x";b=1}} | Export-Csv -Path "{p}" -NoTypeInformation; '
            f'(Import-Csv "{p}").b')
    assert r[-1] == "1"
    assert open(p, "rb").read() == b'"a","b"\n"x","1"\n'


def test_export_csv_append_mismatch_is_error(tmp_path):
    p = str(tmp_path / "x.csv")
    run(f'[pscustomobject]@{{a=1;b=2}} | Export-Csv "{p}" -NoTypeInformation')
    r = run(f'[pscustomobject]@{{a=3}} | Export-Csv "{p}" -Append')
    assert r.errors and r.errors[0].FullyQualifiedErrorId == \
        "CannotAppendCsvWithMismatchedPropertyNames,Microsoft.PowerShell.Commands.ExportCsvCommand"
    run(f'[pscustomobject]@{{a=3}} | Export-Csv "{p}" -Append -Force')
    assert open(p).read() == '"a","b"\n"1","2"\n"3",\n'


def test_json_and_html():
    assert out('@{a=1} | ConvertTo-Json -Compress') == ['{"a":1}']
    assert out('[pscustomobject]@{a="<b>"} | ConvertTo-Html -Fragment') == [
        "<table>", "<colgroup><col/></colgroup>", "<tr><th>a</th></tr>", "<tr><td>&lt;b&gt;</td></tr>",
        "</table>"]
