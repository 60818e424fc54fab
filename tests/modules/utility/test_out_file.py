"""Out-File / redirection writer: formatted text, encodings, atomic replace, errors as records."""
import os

import pytest

from pshim.errors import PSErrorRecordException
from pshim.modules.utility.out_file import write_redirection, FileOutput
from pshim.modules.utility.textfile import FileWriteError
from pshim.runtime.psobject import PSObject

P = PSObject.from_pairs


class Ctx:
    host = None

    def resolve_path(self, p):
        return p

    def get_variable(self, name, default=None):
        return default


def test_redirection_writes_formatted_text_utf8_without_bom(tmp_path):
    f = tmp_path / "o.txt"
    write_redirection(Ctx(), ["abc", P([("a", "x"), ("b", 1)])], str(f))
    assert f.read_bytes() == b"abc\n\na b\n- -\nx 1\n\n\n"
    write_redirection(Ctx(), ["more"], str(f), append=True)
    assert f.read_bytes().endswith(b"\n\n\nmore\n")


def test_encodings(tmp_path):
    f = tmp_path / "u.txt"
    out = FileOutput(Ctx(), str(f), encoding="unicode").open()
    out.add("h\u00e9")
    out.close()
    assert f.read_bytes() == b"\xff\xfeh\x00\xe9\x00\n\x00"
    f2 = tmp_path / "a.txt"
    out = FileOutput(Ctx(), str(f2), encoding="ascii").open()
    out.add("h\u00e9")
    out.close()
    assert f2.read_bytes() == b"h?\n"
    f3 = tmp_path / "b.txt"
    out = FileOutput(Ctx(), str(f3), encoding="utf8BOM").open()
    out.add("x")
    out.close()
    assert f3.read_bytes() == b"\xef\xbb\xbfx\n"


def test_no_newline(tmp_path):
    f = tmp_path / "n.txt"
    out = FileOutput(Ctx(), str(f), no_newline=True).open()
    for s in ("a", "b"):
        out.add(s)
    out.close()
    assert f.read_bytes() == b"ab"


def test_missing_folder_is_error_record_and_no_file(tmp_path):
    target = tmp_path / "nope" / "x.txt"
    with pytest.raises(PSErrorRecordException) as e:
        write_redirection(Ctx(), ["a"], str(target))
    rec = e.value.record
    assert rec.message() == f"Could not find a part of the path '{target}'."
    assert rec.FullyQualifiedErrorId == "FileOpenFailure,Microsoft.PowerShell.Commands.OutFileCommand"
    assert not target.exists()


def test_no_clobber(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("keep")
    with pytest.raises(FileWriteError) as e:
        FileOutput(Ctx(), str(f), no_clobber=True).open()
    assert e.value.message == f"The file '{f}' already exists."
    assert f.read_text() == "keep"


def test_replace_is_atomic_on_failure(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("old")

    class Boom:
        pass

    out = FileOutput(Ctx(), str(f)).open()
    out.add("new")
    out.abort()
    assert f.read_text() == "old"
    assert [p for p in os.listdir(tmp_path) if p.endswith(".tmp")] == []
