"""ConvertFrom-StringData as 5.1 reads `name = value` lines (ConvertFromStringDataCommand)."""
from pshim.testing import run


def test_lines_become_a_hashtable_with_trimmed_names_and_values():
    r = run("$h = ConvertFrom-StringData -StringData @'\n"
            "Msg1 = The string parameter is required.\n"
            "# a comment line\n"
            "\n"
            "  Msg2=Credentials are required  \n"
            "Path = a=b\n"
            "'@\n"
            "$h.GetType().FullName; $h.Count; $h.Msg1; $h.MSG2; $h.path")
    assert r.errors == []
    assert r.output == ["System.Collections.Hashtable", 3, "The string parameter is required.",
                        "Credentials are required", "a=b"]


def test_each_pipeline_string_is_its_own_hashtable_and_empty_input_is_empty():
    r = run("$t = 'a=1', 'b=2' | ConvertFrom-StringData; $t.Count; $t[1].b; (ConvertFrom-StringData '').Count")
    assert r.output == [2, "2", 0]


def test_values_are_unescaped_as_regex_unescape_does():
    r = run(r"""$h = ConvertFrom-StringData 'tab = a\tb
nl = x\ny
back = C:\\Temp
hex = \x41\u0042\103
dot = 1\.5'
$h.tab; $h.nl; $h.back; $h.hex; $h.dot""")
    assert r.errors == []
    assert r.output == ["a\tb", "x\ny", "C:\\Temp", "ABC", "1.5"]


def test_a_line_without_name_is_5_1s_terminating_error():
    r = run("ConvertFrom-StringData \"a=1`nnot a pair\"; 'after'")
    [e] = r.errors
    assert e.message() == "Data line 'not a pair' is not in 'name=value' format. "
    assert e.FullyQualifiedErrorId == "InvalidOperation,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"
    assert str(e.CategoryInfo) == "InvalidOperation: (:) [ConvertFrom-StringData], PSInvalidOperationException"
    assert r.output == ["after"]
    r = run("ConvertFrom-StringData '=value'")
    assert r.errors[0].message() == "Data line '=value' is not in 'name=value' format. "


def test_a_duplicate_name_is_5_1s_error_case_insensitively():
    r = run("try { ConvertFrom-StringData \"a=1`nA = 2\" } catch { $_.Exception.Message; $_.Exception.GetType().Name }")
    assert r.output == ["Data item 'A' in line 'A = 2' is already defined. ", "PSInvalidOperationException"]


def test_an_unknown_escape_is_the_regex_parser_error():
    r = run(r"ConvertFrom-StringData 'path = C:\Temp\new'")
    [e] = r.errors
    assert e.message() == 'parsing "C:\\Temp\\new" - Unrecognized escape sequence \\T.'
    assert e.FullyQualifiedErrorId == "System.ArgumentException,Microsoft.PowerShell.Commands.ConvertFromStringDataCommand"
