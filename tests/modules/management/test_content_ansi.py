"""Files without a BOM that are not UTF-8 read as Windows-1252, as 5.1 reads ANSI text."""
from pshim.testing import run


def test_get_content_ansi_fallback(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("café\nnaïve\n".encode("cp1252"))
    assert run(f"Get-Content '{f}'").output == ["café", "naïve"]
    assert run(f"Get-Content '{f}' -Raw").output == ["café\nnaïve\n"]


def test_utf8_still_utf8(tmp_path):
    f = tmp_path / "u.txt"
    f.write_bytes("café\n".encode("utf-8"))
    assert run(f"Get-Content '{f}'").output == ["café"]
