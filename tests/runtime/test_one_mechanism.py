"""One mechanism for each job (issue 13): every caller of a wildcard match, a BOM sniff or a date parse
goes through the same code, so the places that used to disagree now give 5.1's one answer."""
import os

from pshim.host.completion import complete
from pshim.runtime.statics import invoke_static
from pshim.runtime.wildcard import wildcard_match, search_pattern_match
from pshim.testing import new_session, run


def out(src, session=None):
    r = run(src, session) if session is not None else run(src)
    assert not r.errors, r.error_text
    return [str(x) for x in r.output]


# --- wildcards ---------------------------------------------------------------------------------

def test_brackets_have_no_negation():
    # 5.1's WildcardPattern has no `[!..]`/`[^..]` negation: `!` and `^` are members of the set
    names = ["ayb", "a!b", "axb", "a^b"]
    assert [n for n in names if wildcard_match("a[!x]b", n)] == ["a!b", "axb"]
    assert [n for n in names if wildcard_match("a[^x]b", n)] == ["axb", "a^b"]
    assert out("'ayb','a!b','axb','a^b' | Where-Object { $_ -like 'a[!x]b' }") == ["a!b", "axb"]


def test_bracket_escapes_ranges_and_unclosed():
    assert wildcard_match("a[`]x]b", "a]b") and wildcard_match("a[`]x]b", "axb")
    assert wildcard_match("[a-c]at", "Cat") and not wildcard_match("[a-c]at", "dat")
    assert wildcard_match("a[b", "a[b") and not wildcard_match("a[b", "ab")
    # an empty set is literal text, not an internal error
    assert out("'a[]b','ab' | Where-Object { $_ -like 'a[]b' }") == ["a[]b"]


def test_format_list_and_select_object_pick_the_same_properties():
    setup = "$o = [pscustomobject]@{ 'a!b' = 1; axb = 2; ayb = 3 }; "
    fl = out(setup + "$o | Format-List 'a[!x]b' | Out-String -Stream")
    sel = out(setup + "($o | Select-Object 'a[!x]b').PSObject.Properties.Name")
    assert sel == ["a!b", "axb"]
    assert [line.split(":")[0].strip() for line in fl if line.strip()] == sel


def test_get_command_and_help_parameter_patterns_follow_wildcard_rules():
    assert out("Get-Command 'Get-Dat[!x]' | ForEach-Object Name") == []
    assert out("(Get-Command 'Get-Dat[a-e]').Name") == ["Get-Date"]
    r = run("Get-Help Get-Date -Parameter 'Dat[!x]'")
    assert [str(e) for e in r.errors] == ["No parameter matches criteria Dat[!x]."]
    text = "\n".join(out("Get-Help Get-Date -Parameter 'Dat[a-e]' | Out-String"))
    assert "-Date " in text or "-Date\n" in text or "-Date <" in text


def test_completion_uses_the_same_matcher():
    s = new_session()
    assert complete(s, "Get-Dat[a-e]", len("Get-Dat[a-e]"))[1] == ["Get-Date"]
    assert complete(s, "Get-Dat[!x]", len("Get-Dat[!x]"))[1] == []


def test_directory_search_pattern_is_dotnet_not_powershell(tmp_path):
    for n in ("a[1].txt", "a1.txt", "b.log"):
        (tmp_path / n).write_text("x")
    got = sorted(os.path.basename(f) for f in invoke_static("System.IO.Directory", "GetFiles",
                                                           [str(tmp_path), "a[1]*"]))
    assert got == ["a[1].txt"]          # brackets are literal in a .NET search pattern
    assert search_pattern_match("*.*", "noext") and search_pattern_match("A?.TXT", "a1.txt")


def test_import_csv_path_wildcard_expands_through_the_provider(tmp_path):
    for n, v in (("r1.csv", "1"), ("r2.csv", "2"), ("s.csv", "9")):
        (tmp_path / n).write_text("N\n" + v + "\n")
    assert out(f"(Import-Csv '{tmp_path}/r[12].csv').N") == ["1", "2"]


# --- text decoding -----------------------------------------------------------------------------

_BOMS = {"utf-32-be": b"\x00\x00\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00", "utf-8": b"\xef\xbb\xbf",
         "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}


def _write_bom(path, text, codec):
    path.write_bytes(_BOMS[codec] + text.encode(codec))
    return str(path)


def test_every_reader_honours_every_bom_including_utf32_be(tmp_path):
    for codec in _BOMS:
        f = _write_bom(tmp_path / f"t-{codec}.txt", "Name\r\nMüller\r\n", codec)
        assert out(f"Get-Content '{f}'") == ["Name", "Müller"], codec
        assert out(f"(Get-Content '{f}' -Raw).Trim()") == ["Name\r\nMüller"], codec
        assert out(f"[IO.File]::ReadAllLines('{f}')") == ["Name", "Müller"], codec
        assert out(f"(Import-Csv '{f}').Name") == ["Müller"], codec
        assert out(f"switch -File '{f}' {{ default {{ $_ }} }}") == ["Name", "Müller"], codec
        assert out(f"Select-String -Path '{f}' -Pattern 'ü' | ForEach-Object Line") == ["Müller"], codec
        s = _write_bom(tmp_path / f"s-{codec}.ps1", "'Grüße'", codec)
        assert out(f"& '{s}'") == ["Grüße"], codec


def test_bomless_fallback_per_caller(tmp_path):
    f = tmp_path / "ansi.csv"
    f.write_bytes("Name\r\nMüller\x81\r\n".encode("cp1252", "ignore").replace(b"r\r\n", b"r\x81\r\n"))
    p = str(f)
    # pshim's rule for BOM-less text (scripts, Get-Content, Import-Csv): UTF-8 if valid, else Windows-1252
    # (a byte 1252 leaves undefined reads as the C1 control of the same value, as .NET's code page does)
    assert out(f"(Import-Csv '{p}').Name") == ["Müller\x81"]
    assert out(f"Get-Content '{p}' | Select-Object -Last 1") == ["Müller\x81"]
    assert out(f"(Get-Content '{p}' -Raw).Trim()") == ["Name\r\nMüller\x81"]
    # .NET APIs: no BOM means the encoding asked for, UTF-8 by default, bad bytes become U+FFFD
    assert out(f"[IO.File]::ReadAllLines('{p}')[1]") == ["M\ufffdller\ufffd"]
    assert out(f"[IO.File]::ReadAllLines('{p}', [Text.Encoding]::GetEncoding(1252))[1]") == ["Müller\x81"]
    u = tmp_path / "utf8.csv"
    u.write_bytes("Name\nMüller\n".encode("utf-8"))
    assert out(f"(Import-Csv '{u}').Name") == ["Müller"]


# --- dates -------------------------------------------------------------------------------------

_SAME = {
    "Saturday, February 3, 2024": "2024-02-03 00:00:00.000",
    "2024-01-02 3:04 PM": "2024-01-02 15:04:00.000",
    "1/2/2024 15:04:05.123": "2024-01-02 15:04:05.123",
    "3-Feb-2024": "2024-02-03 00:00:00.000",
    "Sat, 03 Feb 2024 10:00:00": "2024-02-03 10:00:00.000",
    "12/31/2024 11:59:59 PM": "2024-12-31 23:59:59.000",
    "2024-01-02T03:04:05.1234567": "2024-01-02 03:04:05.123",
    "1/2/50": "1950-01-02 00:00:00.000",        # two-digit years: TwoDigitYearMax 2029, not Python's 2068
    "1/2/29": "2029-01-02 00:00:00.000",
}


def test_cast_parse_and_get_date_read_the_same_texts():
    fmt = ".ToString('yyyy-MM-dd HH:mm:ss.fff')"
    for text, want in _SAME.items():
        assert out(f"([datetime]'{text}'){fmt}") == [want], text
        assert out(f"[datetime]::Parse('{text}'){fmt}") == [want], text
        assert out(f"(Get-Date -Date '{text}'){fmt}") == [want], text


def test_cast_and_parse_reject_the_same_texts():
    for text in ("nope", "13/1/2024", "1/2/2024 25:00", "Friday, February 3, 2024"):
        cast = run(f"[datetime]'{text}'")
        parse = run(f"[datetime]::Parse('{text}')")
        assert cast.errors and parse.errors, text
        ok = run(f"$d = [datetime]::MinValue; [datetime]::TryParse('{text}', [ref]$d); $d.Year")
        assert [str(x) for x in ok.output] == ["False", "1"], text
    assert "day of week was incorrect" in run("[datetime]::Parse('Friday, February 3, 2024')").error_text


def test_offsets_become_local_time_for_cast_and_parse():
    a = out("([datetime]'2024-01-02T03:04:05Z').Kind")
    b = out("[datetime]::Parse('2024-01-02T03:04:05Z').Kind")
    assert a == b == ["Local"]
    assert out("([datetime]'2024-01-02T03:04:05Z').ToUniversalTime().ToString('HH:mm:ss')") == ["03:04:05"]


def test_clixml_dates_round_trip_through_the_same_parser(tmp_path):
    f = tmp_path / "d.xml"
    got = out(f"$d = [datetime]'1/2/2024 15:04:05.123'; $d | Export-Clixml '{f}'; "
              f"$r = Import-Clixml '{f}'; $r.ToString('yyyy-MM-dd HH:mm:ss.fff'); $r.Kind; $r -eq $d")
    assert got == ["2024-01-02 15:04:05.123", "Local", "True"]


def test_timespan_cast_reads_text_as_timespan_parse():
    for text, want in (("5", "5.00:00:00"), ("1:2:3:4", "1.02:03:04"), ("-1.02:03:04.5", "-1.02:03:04.5000000"),
                       ("00:01", "00:01:00")):
        assert out(f"([timespan]'{text}').ToString()") == [want], text
        assert out(f"[timespan]::Parse('{text}').ToString()") == [want], text
    for text in ("25:00", "x"):
        assert run(f"[timespan]'{text}'").errors and run(f"[timespan]::Parse('{text}')").errors, text


def test_timespan_default_text_and_c_format_are_one_formatter():
    got = out("$t = [timespan]::new(1, 2, 0, 3, 40); "
              "\"$t\"; $t.ToString(); $t.ToString('c'); '{0}' -f $t; $t.ToString('g')")
    assert got == ["1.02:00:03.0400000"] * 4 + ["1:2:00:03.04"]


def test_format_and_parse_exact_share_the_specifier_tokenizer():
    d = "([datetime]'2/3/2024 3:04:05 PM')"
    assert out(f"{d}.ToString('yyyyy ddddd MMMMM gg')") == ["02024 Saturday February A.D."]
    for f in ("dddd, MMMMM dd yyyy HH:mm:ss.fff", "ddd MMM d yy h:mm:ss tt", "yyyy-MM-dd\\THH:mm:ss"):
        assert out(f"$d = {d}; $t = $d.ToString('{f}'); [datetime]::ParseExact($t, '{f}', $null) -eq $d") == \
            ["True"], f
