"""System.IO streams (pshim/runtime/streams.py): MemoryStream, FileStream, StreamReader/StreamWriter and the
[IO.File] openers, with .NET's results and the errors 5.1 shows for them."""
import codecs

from pshim.testing import run


def _msg(r, i=0):
    return r.errors[i].message()


def test_memory_stream_over_bytes_and_reader_lines():
    r = run('$b = [Text.Encoding]::UTF8.GetBytes("h\u00e9llo`r`nworld`nend"); $ms = [IO.MemoryStream]::new($b); '
            '$ms.Length; $rd = New-Object IO.StreamReader($ms); $rd.ReadLine(); $rd.EndOfStream; $rd.ReadToEnd(); '
            '$rd.EndOfStream; $rd.ReadLine() -eq $null; $rd.Close(); $ms.CanRead')
    assert r.errors == []
    assert r.output == [17, "h\u00e9llo", False, "world\nend", True, True, False]


def test_memory_stream_write_read_seek_position_and_to_array():
    r = run('$ms = New-Object System.IO.MemoryStream; $ms.GetType().FullName; $ms -is [IO.Stream]; '
            '$b = [byte[]](1,2,3,4,5); $ms.Write($b, 1, 3); $ms.Length; $ms.Position; '
            '$ms.Seek(0, [IO.SeekOrigin]::Begin); $buf = [byte[]](0,0,0,0); $ms.Read($buf, 1, 3); '
            '$buf -join ","; $ms.ReadByte(); $ms.Position = 1; $ms.ReadByte(); $ms.Seek(-1, "End"); '
            '$ms.WriteByte(9); $ms.ToArray() -join ","; $ms.Close(); $ms.ToArray().Count')
    assert r.errors == []
    assert r.output == ["System.IO.MemoryStream", True, 3, 3, 0, 3, "0,2,3,4", -1, 3, 2, "2,3,9", 3]


def test_memory_stream_view_lists_its_properties():
    r = run("[IO.MemoryStream]::new() | Format-List | Out-String", capture_output=True)
    text = r.output[0]
    for line in ("CanRead    : True", "CanSeek    : True", "Capacity   : 0", "Length     : 0", "Position   : 0",
                 "CanTimeout : False"):
        assert line in text


def test_fixed_memory_stream_is_not_expandable():
    r = run("$ms = [IO.MemoryStream]::new([byte[]](1,2)); $ms.Write([byte[]](7,8,9), 0, 3)")
    assert _msg(r) == ('Exception calling "Write" with "3" argument(s): "Memory stream is not expandable."')
    assert r.errors[0].FullyQualifiedErrorId == "NotSupportedException"
    r = run("$ms = [IO.MemoryStream]::new([byte[]](1,2), $false); $ms.CanWrite; $ms.WriteByte(1)")
    assert r.output == [False]
    assert _msg(r) == 'Exception calling "WriteByte" with "1" argument(s): "Stream does not support writing."'


def test_stream_argument_and_state_errors_as_5_1_wraps_them():
    r = run("$ms = [IO.MemoryStream]::new(); $ms.Read([byte[]](0,0), 1, 5)")
    assert _msg(r) == ('Exception calling "Read" with "3" argument(s): "Offset and length were out of bounds for '
                       'the array or count is greater than the number of elements from index to the end of the '
                       'source collection."')
    r = run("$ms = [IO.MemoryStream]::new(); $ms.Position = -1")
    assert _msg(r) == 'Exception setting "Position": "Non-negative number required.\r\nParameter name: value"'
    assert r.errors[0].FullyQualifiedErrorId == "ExceptionWhenSetting"
    r = run("$ms = [IO.MemoryStream]::new(); $ms.Seek(-1, 'Begin')")
    assert _msg(r) == ('Exception calling "Seek" with "2" argument(s): "An attempt was made to move the position '
                       'before the beginning of the stream."')
    r = run("$ms = [IO.MemoryStream]::new(); $ms.Dispose(); $ms.Length")
    assert _msg(r) == 'Exception getting "Length": "Cannot access a closed Stream."'
    r = run("$ms = [IO.MemoryStream]::new(); $ms.ReadTimeout")
    assert _msg(r) == 'Exception getting "ReadTimeout": "Timeouts are not supported on this stream."'
    r = run("[IO.MemoryStream]::new(1, 2, 3, 4)")
    assert _msg(r) == 'Cannot find an overload for "new" and the argument count: "4".'


def test_writer_over_memory_stream_utf8_without_bom_and_crlf():
    r = run('$ms = [IO.MemoryStream]::new(); $w = [IO.StreamWriter]::new($ms); $w.WriteLine("abc"); '
            '$w.Write(1); $w.Write("{0}-{1}", "x", 2); $w.Flush(); $ms.ToArray() -join ","; '
            '$w.Encoding.WebName; $w.NewLine.Length; $w.Close(); $ms.CanWrite; $w.Write("z")')
    assert r.output == ["97,98,99,13,10,49,120,45,50", "utf-8", 2, False]
    assert _msg(r) == 'Exception calling "Write" with "1" argument(s): "Cannot write to a closed TextWriter."'


def test_reader_detects_byte_order_mark_and_encoding_round_trip():
    r = run('$ms = [IO.MemoryStream]::new(); $w = New-Object IO.StreamWriter($ms, [Text.Encoding]::Unicode); '
            '$w.Write("\u00e9t\u00e9"); $w.Flush(); $ms.ToArray() -join ","; $ms.Position = 0; '
            '$r = [IO.StreamReader]::new($ms); $r.ReadToEnd(); $r.CurrentEncoding.WebName')
    assert r.errors == []
    assert r.output == ["255,254,233,0,116,0,233,0", "\u00e9t\u00e9", "utf-16"]


def test_file_create_write_open_read_and_copy_to(tmp_path):
    r = run(f"Set-Location '{tmp_path}'; $fs = [IO.File]::Create('data.bin'); $fs.GetType().FullName; "
            "$fs.Write([byte[]](1,2,3,4,5), 0, 5); $fs.Length; $fs.Close(); "
            "$in = [IO.File]::OpenRead('data.bin'); $in.CanRead; $in.CanWrite; $ms = [IO.MemoryStream]::new(); "
            "$in.CopyTo($ms); $in.Close(); $ms.ToArray() -join ','; "
            "$out = [IO.File]::OpenWrite('data.bin'); $out.WriteByte(9); $out.Dispose(); "
            "[IO.File]::ReadAllBytes('data.bin') -join ','")
    assert r.errors == []
    assert r.output == ["System.IO.FileStream", 5, True, False, "1,2,3,4,5", "9,2,3,4,5"]
    assert (tmp_path / "data.bin").read_bytes() == bytes([9, 2, 3, 4, 5])


def test_file_stream_constructor_modes_and_access(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"abc")
    r = run(f"Set-Location '{tmp_path}'; $fs = New-Object IO.FileStream('a.txt', 'Append'); $fs.Position; "
            "$fs.CanRead; $fs.WriteByte(100); $fs.Close(); "
            "$fs = [IO.FileStream]::new('a.txt', [IO.FileMode]::Open, [IO.FileAccess]::Read); $fs.Length; "
            "$fs.Close(); $fs.Position")
    assert r.output == [3, False, 4]
    assert (tmp_path / "a.txt").read_bytes() == b"abcd"
    assert _msg(r) == 'Exception getting "Position": "Cannot access a closed file."'
    r = run(f"Set-Location '{tmp_path}'; [IO.FileStream]::new('a.txt', 'CreateNew')")
    assert _msg(r) == "Exception calling \".ctor\" with \"2\" argument(s): \"The file 'a.txt' already exists.\""
    r = run(f"Set-Location '{tmp_path}'; [IO.File]::Open('a.txt', 'Append', 'Read')")
    assert _msg(r) == ('Exception calling "Open" with "3" argument(s): "Combining FileMode: Append with FileAccess: '
                       'Read is invalid."')
    r = run(f"Set-Location '{tmp_path}'; [IO.File]::Open('a.txt', 'Truncate'); (Get-Item a.txt).Length")
    assert r.errors == [] and r.output[-1] == 0


def test_missing_file_errors_as_5_1_wraps_them(tmp_path):
    r = run(f"Set-Location '{tmp_path}'; [IO.File]::OpenRead('nope.txt')")
    [e] = r.errors
    assert e.message() == ('Exception calling "OpenRead" with "1" argument(s): "Could not find file '
                           "'nope.txt'.\"")
    assert e.FullyQualifiedErrorId == "FileNotFoundException"
    r = run(f"Set-Location '{tmp_path}'; New-Object IO.FileStream('nope.txt', 'Open')")
    assert r.errors[0].message() == ('Exception calling ".ctor" with "2" argument(s): "Could not find file '
                                     "'nope.txt'.\"")
    r = run(f"Set-Location '{tmp_path}'; [IO.StreamReader]::new('no\\such\\x.txt')")
    assert "Could not find a part of the path 'no\\such\\x.txt'." in r.errors[0].message()


def test_stream_reader_and_writer_over_paths_follow_the_location(tmp_path):
    r = run(f"Set-Location '{tmp_path}'; $w = New-Object IO.StreamWriter('out.txt'); $w.WriteLine('one'); "
            "$w.WriteLine('two'); $w.Close(); "
            "$w = [IO.StreamWriter]::new('out.txt', $true, [Text.Encoding]::UTF8); $w.Write('three'); $w.Dispose(); "
            "$r = [IO.StreamReader]::new('out.txt'); while (-not $r.EndOfStream) { 'L:' + $r.ReadLine() }; "
            "$r.Close(); $t = [IO.File]::OpenText('out.txt'); $t.Peek(); $t.Read(); $t.Close()")
    assert r.errors == []
    assert r.output == ["L:one", "L:two", "L:three", ord("o"), ord("o")]
    # appending to a non-empty file writes no byte order mark
    assert (tmp_path / "out.txt").read_bytes() == b"one\r\ntwo\r\nthree"


def test_file_create_text_and_append_text(tmp_path):
    r = run(f"Set-Location '{tmp_path}'; $w = [IO.File]::CreateText('c.txt'); $w.Write('a'); $w.Close(); "
            "$w = [IO.File]::AppendText('c.txt'); $w.WriteLine('b'); $w.Close(); [IO.File]::ReadAllText('c.txt')")
    assert r.errors == []
    assert r.output == ["ab\r\n"]


def test_explicit_utf8_writer_writes_bom_on_a_new_file(tmp_path):
    r = run(f"Set-Location '{tmp_path}'; $w = [IO.StreamWriter]::new('bom.txt', $false, [Text.Encoding]::UTF8); "
            "$w.Write('x'); $w.Close()")
    assert r.errors == []
    assert (tmp_path / "bom.txt").read_bytes() == codecs.BOM_UTF8 + b"x"


def test_reader_on_a_long_stream_reads_across_blocks():
    # the first CR is the last byte of the reader's first 4096-byte block: its LF is in the next block
    r = run("$s = 'x' * 4095 + \"`r`n\" + 'y' * 5000 + \"`r`nz`r\"; $ms = [IO.MemoryStream]::new("
            "[Text.Encoding]::UTF8.GetBytes($s)); $r = [IO.StreamReader]::new($ms); "
            "$r.ReadLine().Length; $r.ReadLine().Length; $r.ReadLine(); $r.EndOfStream; $r.ReadLine() -eq $null")
    assert r.errors == []
    assert r.output == [4095, 5000, "z", True, True]


def test_reader_encodings_ascii_ansi_and_no_detection():
    r = run("$b = [byte[]](0xC3, 0xA9, 0x41); "
            "[IO.StreamReader]::new([IO.MemoryStream]::new($b), [Text.Encoding]::ASCII).ReadToEnd(); "
            "[IO.StreamReader]::new([IO.MemoryStream]::new($b), [Text.Encoding]::Default).ReadToEnd(); "
            "[IO.StreamReader]::new([IO.MemoryStream]::new($b)).ReadToEnd(); "
            "$bom = [byte[]](0xFF, 0xFE, 0x41, 0x00); "
            "[IO.StreamReader]::new([IO.MemoryStream]::new($bom), [Text.Encoding]::ASCII, $false).ReadToEnd().Length")
    assert r.errors == []
    assert r.output == ["??A", "\u00c3\u00a9A", "\u00e9A", 4]


def test_writer_with_utf8_encoding_without_bom(tmp_path):
    r = run(f"Set-Location '{tmp_path}'; $e = New-Object System.Text.UTF8Encoding $false; "
            "$w = [IO.StreamWriter]::new('nb.txt', $false, $e); $w.WriteLine([char]0xE9); $w.Close()")
    assert r.errors == []
    assert (tmp_path / "nb.txt").read_bytes() == b"\xc3\xa9\r\n"
