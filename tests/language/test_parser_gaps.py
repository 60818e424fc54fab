"""Constructs real admin scripts use that the first parser rejected or split."""
import pytest

from pshim.errors import IncompleteInput, ParseError
from pshim.language import ast as A
from pshim.language import parse

from lang_helpers import sx


def one(text):
    return sx(parse(text))[0]


def test_quoted_string_glued_to_a_word_is_one_argument():
    assert one('Write-Output a"b c"d') == ("cmd", "bare:Write-Output", "bare:ab cd")
    assert one("Write-Output a'b c'd") == ("cmd", "bare:Write-Output", "bare:ab cd")
    assert one('Write-Output --prefix"x y"') == ("cmd", "bare:Write-Output", "bare:--prefixx y")
    assert one('setup.exe /opt="C:\\Program Files\\x" /q') == (
        "cmd", "bare:setup.exe", "bare:/opt=C:\\Program Files\\x", "bare:/q")


def test_glued_expandable_pieces_keep_their_parts():
    assert one('Write-Output a"$x y"z') == ("cmd", "bare:Write-Output", ("expand:bare", "a", "$x", " yz"))
    assert one("Write-Output a$(1)b") == ("cmd", "bare:Write-Output", ("expand:bare", "a", ("$()", 1), "b"))


def test_word_after_a_closing_quote_is_a_new_argument():
    assert one('Write-Output "a"b') == ("cmd", "bare:Write-Output", "double:a", "bare:b")


def test_command_name_may_start_with_a_digit():
    assert one("7z.exe a x.zip") == ("cmd", "bare:7z.exe", "bare:a", "bare:x.zip")
    assert one("5") == 5
    assert one("1..3") == ("..", 1, 3)
    assert one("2gb / 1mb") == ("/", 2 * 1024 ** 3, 1024 ** 2)


def test_digit_command_is_not_allowed_as_a_number_after_a_pipe():
    with pytest.raises(ParseError):
        parse("Get-Process | 5")


def test_hash_after_a_string_or_variable_starts_a_comment():
    assert one('$x = "a"#comment') == ("=", "$x", "double:a")
    assert one("$x#comment") == "$x"
    assert one("$i++#comment") == ("++post", "$i") or one("$i++#comment")
    assert one("Write-Output a#b") == ("cmd", "bare:Write-Output", "bare:a#b")
    assert one("$x = 5# comment") == ("=", "$x", 5)
    assert one("Write-Output a1#b") == ("cmd", "bare:Write-Output", "bare:a1#b")


def test_member_name_may_be_a_subexpression():
    assert one("$obj.$($p.Name)") == (".", "$obj", ("$()", (".", "$p", "bare:Name")))


def test_stop_parsing_takes_the_rest_of_the_line():
    assert one("icacls.exe C:\\x --% /grant Users:(F) | x") == (
        "cmd", "bare:icacls.exe", "bare:C:\\x", "verbatim:/grant Users:(F) | x")


def test_class_and_enum_definitions_are_kept_as_text():
    sb = parse('class Report : Base {\n  [string]$Name = "}"\n  Report() { if (1) { } }\n}\nenum Color { Red; Green }\n1')
    st = sb.end.body.statements
    assert isinstance(st[0], A.TypeDefinitionAst)
    assert (st[0].name, st[0].kind) == ("Report", "class")
    assert '[string]$Name = "}"' in st[0].members_text
    assert (st[1].name, st[1].kind, st[1].members_text.strip()) == ("Color", "enum", "Red; Green")
    assert len(st) == 3


def test_unclosed_class_is_incomplete():
    with pytest.raises(IncompleteInput):
        parse("class A {\n [int]$x")
    for text, error_id in (("class", "MissingNameAfterKeyword"), ("class Foo", "MissingTypeBody"),
                           ("enum E : int", "MissingTypeBody")):
        with pytest.raises(IncompleteInput) as ei:
            parse(text)
        assert ei.value.error_id == error_id


def test_data_section_with_supported_command():
    sb = parse("data msgs -SupportedCommand ConvertFrom-StringData, Foo {\n ConvertFrom-StringData 'a=b'\n}")
    st = sb.end.body.statements[0]
    assert isinstance(st, A.DataStatementAst)
    assert st.variable == "msgs"
    assert len(st.body.statements) == 1


@pytest.mark.parametrize("text", [
    "Set-Mailbox -Identity <Identity> -Name x",
    "Get-Mailbox <MailboxIdParameter>",
    "New-X -Name <String> | Format-List",
])
def test_placeholders_are_rejected(text):
    with pytest.raises(ParseError) as e:
        parse(text)
    assert not isinstance(e.value, IncompleteInput)
