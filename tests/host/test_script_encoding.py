"""Script files are read as 5.1 reads them: BOM first, else UTF-8, else Windows-1252."""
import subprocess
import sys


def run_file(tmp_path, data: bytes):
    f = tmp_path / "s.ps1"
    f.write_bytes(data)
    p = subprocess.run([sys.executable, "-m", "pshim", "-NoProfile", "-File", str(f)], capture_output=True)
    return p.stdout.decode("utf-8")


def test_ansi_script_without_bom(tmp_path):
    assert run_file(tmp_path, "'café “q”'\n".encode("cp1252")) == "café “q”\n"


def test_utf16_script_with_bom(tmp_path):
    assert run_file(tmp_path, b"\xff\xfe" + "'hé'".encode("utf-16-le")) == "hé\n"


def test_utf8_script(tmp_path):
    assert run_file(tmp_path, "'hé'\n".encode("utf-8")) == "hé\n"
