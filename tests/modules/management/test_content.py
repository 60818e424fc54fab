"""Get-Content / Set-Content / Add-Content / Clear-Content end to end."""
from pshim.testing import run


def _run(tmp_path, script, **kw):
    return run(f"cd '{tmp_path}'; " + script, **kw)


def test_get_content_lines_and_missing_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"one\r\ntwo\nthree\n")
    r = _run(tmp_path, "Get-Content a.txt; gc nope.txt")
    assert r.output == ["one", "two", "three"]
    [e] = r.errors
    assert e.message() == f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."
    assert e.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand"
    assert str(e.CategoryInfo) == f"ObjectNotFound: ({tmp_path}/nope.txt:String) [Get-Content], ItemNotFoundException"


def test_get_content_options(tmp_path):
    (tmp_path / "n.txt").write_text("1\n2\n3\n4\n5\n")
    r = _run(tmp_path, "(gc n.txt -TotalCount 2) -join ','; (gc n.txt -Tail 2) -join ','; "
                       "(gc n.txt -Head 1); gc n.txt -ReadCount 2 | % { $_.Count }; "
                       "(gc n.txt -Raw).Length; (gc n.txt -Delimiter '3').Count")
    assert r.output == ["1,2", "4,5", "1", 2, 2, 1, 10, 2]
    assert not r.errors


def test_get_content_bom_and_encoding(tmp_path):
    (tmp_path / "u.txt").write_bytes(b"\xff\xfeh\x00\xe9\x00\n\x00")
    (tmp_path / "b.txt").write_bytes(b"AB")
    r = _run(tmp_path, "gc u.txt; gc b.txt -Encoding Byte")
    assert r.output == ["h\u00e9", 65, 66]


def test_set_and_add_content(tmp_path):
    r = _run(tmp_path, "'a','b' | Set-Content o.txt; Add-Content o.txt c; Set-Content n.txt x -NoNewline; "
                       "Set-Content p.txt 1,2 -PassThru")
    assert (tmp_path / "o.txt").read_bytes() == b"a\nb\nc\n"
    assert (tmp_path / "n.txt").read_bytes() == b"x"
    assert r.output == [1, 2]
    r = _run(tmp_path, "Set-Content u.txt 'h\u00e9' -Encoding Unicode; Add-Content u.txt z")
    assert (tmp_path / "u.txt").read_bytes() == b"\xff\xfeh\x00\xe9\x00\n\x00z\x00\n\x00"


def test_set_content_whatif_and_missing_folder(tmp_path):
    r = _run(tmp_path, "Set-Content w.txt hi -WhatIf; Add-Content w.txt hi -WhatIf; Set-Content nope/x.txt hi")
    assert r.host_text.splitlines() == [
        f'What if: Performing the operation "Set Content" on target "Path: {tmp_path}/w.txt".',
        f'What if: Performing the operation "Add Content" on target "Path: {tmp_path}/w.txt".']
    assert not (tmp_path / "w.txt").exists()
    [e] = r.errors
    assert e.message() == f"Could not find a part of the path '{tmp_path}/nope/x.txt'."
    assert e.FullyQualifiedErrorId == \
        "GetContentWriterDirectoryNotFoundError,Microsoft.PowerShell.Commands.SetContentCommand"
    assert list(tmp_path.iterdir()) == []


def test_clear_content(tmp_path):
    (tmp_path / "c.txt").write_text("data\n")
    r = _run(tmp_path, "Clear-Content c.txt -WhatIf; clc c.txt; (Get-Item c.txt).Length")
    assert r.host_text == f'What if: Performing the operation "Clear Content" on target "Item: {tmp_path}/c.txt".\n'
    assert r.output == [0]


def test_drive_form_paths(tmp_path):
    r = run("Set-Content C:\\d.txt hi; Get-Content C:\\d.txt; gc C:\\missing.txt; gc Q:\\x")
    assert r.output == ["hi"]
    assert r.errors[0].message() == "Cannot find path 'C:\\missing.txt' because it does not exist."
    assert r.errors[1].message() == "Cannot find drive. A drive with the name 'Q' does not exist."
    assert r.errors[1].FullyQualifiedErrorId == "DriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand"


def test_get_content_wait_follows_a_growing_file(tmp_path):
    """-Wait keeps reading lines added to the file (here until Select-Object -First has three), and
    -Tail chooses where it starts; a line written in two pieces comes out once, whole."""
    import threading
    import time
    p = tmp_path / "log.txt"
    p.write_text("one\ntwo\nthree\n")
    got = {}
    t = threading.Thread(target=lambda: got.setdefault("r", run(
        f"Get-Content '{p}' -Tail 1 -Wait | Select-Object -First 3")))
    t.start()
    time.sleep(0.3)
    with open(p, "a") as f:
        f.write("four\nfi")
        f.flush()
        time.sleep(0.3)
        f.write("ve\nsix\n")
    t.join(10)
    assert not t.is_alive()
    assert got["r"].output == ["three", "four", "five"]


def test_get_content_wait_stops_at_total_count(tmp_path):
    import threading
    import time
    p = tmp_path / "log.txt"
    p.write_text("a\n")
    got = {}
    t = threading.Thread(target=lambda: got.setdefault("r", run(f"Get-Content '{p}' -Wait -TotalCount 2")))
    t.start()
    time.sleep(0.3)
    with open(p, "a") as f:
        f.write("b\nc\n")
    t.join(10)
    assert not t.is_alive()
    assert got["r"].output == ["a", "b"]


def test_content_stream_is_not_a_parameter_here(tmp_path):
    """NTFS alternate data streams do not exist on this file system: -Stream is not declared."""
    p = tmp_path / "f.txt"
    p.write_text("x\n")
    r = run(f"Get-Content '{p}' -Stream Zone.Identifier")
    assert "A parameter cannot be found that matches parameter name 'Stream'" in r.error_text
