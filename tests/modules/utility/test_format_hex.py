"""Format-Hex: 5.1's ByteCollection objects and hexadecimal layout."""
from pshim.testing import run

HEADER = "           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F"


def _text(r):
    return [x.rstrip() for x in r.host_text.splitlines()]


def test_string_layout_as_5_1_shows_it():
    r = run("'Hello World' | Format-Hex", capture_output=False)
    assert _text(r)[:4] == ["", HEADER, "", "00000000   48 65 6C 6C 6F 20 57 6F 72 6C 64                 Hello World"]


def test_file_is_read_in_16_byte_objects_with_its_path(tmp_path):
    (tmp_path / "f.bin").write_bytes(b"%PDF-1.5\r\n%\xb5\xb5\xb5\xb5\r\n1 0 obj")
    r = run(f"$x = Format-Hex -Path '{tmp_path}/f.bin'; $x.Count; $x[0].GetType().FullName; $x[1].Offset; "
            "$x[1].Bytes.Count; $x[1].Path -eq $x[0].Path; $x[1].ToString()")
    assert r.output == [2, "Microsoft.PowerShell.Commands.ByteCollection", 16, 8, True,
                        "00000010   0A 31 20 30 20 6F 62 6A                          .1 0 obj        "]
    r = run(f"Format-Hex -LiteralPath '{tmp_path}/f.bin'", capture_output=False)
    assert _text(r)[:7] == ["", f"Path: {tmp_path}/f.bin", "", HEADER, "",
                            "00000000   25 50 44 46 2D 31 2E 35 0D 0A 25 B5 B5 B5 B5 0D  %PDF-1.5..%\xb5\xb5\xb5\xb5.",
                            "00000010   0A 31 20 30 20 6F 62 6A                          .1 0 obj"]


def test_encodings_numbers_and_bytes():
    r = run("(Format-Hex -InputObject 'aé' -Encoding Unicode).ToString(); (Format-Hex -InputObject 'aé').ToString(); "
            "(fhx -InputObject ([byte[]](1, 255))).ToString(); (Format-Hex -InputObject 258).ToString(); "
            "(Format-Hex -InputObject ([long]1)).Bytes.Count; @(1, 2 | Format-Hex).Count")
    assert [x.rstrip() if isinstance(x, str) else x for x in r.output] == [
        "00000000   61 00 E9 00                                      a.\xe9.",
        "00000000   61 3F                                            a?",
        "00000000   01 FF                                            ..",
        "00000000   02 01 00 00                                      ....",
        8, 2]


def test_unsupported_type_and_missing_path_errors(tmp_path):
    r = run("Get-Date | Format-Hex")
    [e] = r.errors
    assert e.message() == ("Cannot convert input of type 'System.DateTime' to hexadecimal. To view the hexadecimal "
                           "formatting of its string representation, pipe it to the Out-String cmdlet before piping "
                           "it to Format-Hex.")
    assert e.FullyQualifiedErrorId == "FormatHexTypeNotSupported,Microsoft.PowerShell.Commands.FormatHex"
    r = run(f"Format-Hex '{tmp_path}/nope.bin'; Format-Hex '{tmp_path}/*.none'; 'done'")
    [e] = r.errors
    assert e.message() == f"Cannot find path '{tmp_path}/nope.bin' because it does not exist."
    assert e.FullyQualifiedErrorId == "FileNotFound,Microsoft.PowerShell.Commands.FormatHex"
    assert r.output == ["done"]


def test_fileinfo_from_the_pipeline(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"hi")
    r = run(f"(Get-Item '{tmp_path}/a.txt' | Format-Hex).Path -eq '{tmp_path}/a.txt'")
    assert r.output == [True]
