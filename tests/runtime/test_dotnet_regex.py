"""The one .NET regular-expression layer (pshim/runtime/dotnet_regex.py): the acceptance
examples of issue 11, .NET's group numbering and syntax, its parse errors, and the same
pattern object behind -match, -replace, -split, switch -regex, [regex], ValidatePattern and
Select-String."""
import pytest

from pshim.runtime import dotnet_regex as D
from pshim.testing import run


def out(script):
    r = run(script)
    assert not r.errors, r.error_text
    return r.output


def one(script):
    o = out(script)
    assert len(o) == 1, o
    return o[0]


def error(script):
    r = run(script)
    assert r.errors, r.output
    return r.errors[0]


# --- issue 11's acceptance examples ---------------------------------------------------

def test_named_group_in_a_replacement():
    assert one("\"a22\" -replace '(\\d)(?<n>\\d)','<${n}>'") == "a<2>"


@pytest.mark.parametrize("repl, expected", [
    ("[$_]", "x[x-y-z]y-z"),          # the whole input
    ("[$`]", "x[x]y-z"),              # the text before the match
    ("[$']", "x[y-z]y-z"),            # the text after the match
    ("[$+]", "x[-]y-z"),              # the last group
    ("[$$]", "x[$]y-z"),              # a dollar
    ("[$&]", "x[-]y-z"),              # the match
    ("[$0]", "x[-]y-z"),
    ("[$1]", "x[-]y-z"),
    ("[$2]", "x[$2]y-z"),             # no group 2: the text as written
    ("[${1}]", "x[-]y-z"),
    ("[${nope}]", "x[${nope}]y-z"),
    ("[$12]", "x[$12]y-z"),
    ("$", "x$y-z"),
])
def test_replacement_substitutions(repl, expected):
    quoted = repl.replace("'", "''")
    assert one(f"$r = [regex]'(-)'; $r.Replace('x-y-z', '{quoted}', 1)") == expected
    assert one(f"'x-y-z' -replace '^(x)-', '$1-' -replace '(-)(?=y)', '{quoted}'") == expected


def test_last_group_is_the_highest_numbered_one():
    # .NET numbers the named group after the unnamed one: $+ is the named group
    assert one("'ab' -replace '(?<n>a)(b)', '$+'") == "a"
    assert one("'ab' -replace 'a', '[$+]'") == "[a]b"


def test_class_subtraction():
    assert one("'abcde' -replace '[a-z-[aeiou]]','_'") == "a___e"
    assert one("'a1b2' -replace '[^a-z-[0-1]]','_'") == "a1b_"
    assert one("'a-b' -replace '[a-[a]]','_'") == "a-b"


def test_nested_class_subtraction():
    # a-f minus (b-e minus c-d) = a, c, d, f
    assert one("'abcdef' -creplace '[a-f-[b-e-[c-d]]]', '_'") == "_b__e_"


def test_unicode_category():
    assert out("'Σ' -cmatch '^\\p{Lu}$'; '×' -cmatch '^\\p{Lu}$'; 'σ' -cmatch '^\\p{Lu}$'") == [True, False, False]
    assert out("'Σ' -match '^\\p{Lu}$'; '×' -match '^\\p{Lu}$'") == [True, False]
    # under IgnoreCase .NET lets Lu, Ll and Lt stand for any cased letter
    assert out("'σ' -match '^\\p{Lu}$'; 'A' -match '^\\p{Ll}$'; '1' -match '^\\p{Lu}$'") == [True, True, False]
    assert out("'×' -cmatch '^\\P{Lu}$'; 'Σ' -cmatch '^[\\P{Lu}]$'") == [True, False]


def test_named_blocks():
    assert out("'α' -match '^\\p{IsGreek}$'; 'a' -match '^\\p{IsGreek}$'; 'é' -match '\\p{IsLatin-1Supplement}'"
               ) == [True, False, True]
    assert out("'─' -match '^\\p{IsBoxDrawing}$'; 'α' -match '^\\p{IsGreekandCoptic}$'") == [True, True]


def test_variable_length_lookbehind():
    assert out("'xab' -match '(?<=a.*)b'; 'xb' -match '(?<=a.*)b'; 'a--b' -replace '(?<=a-+)b', 'B'") == [
        True, False, "a--B"]


def test_every_capture_of_a_repeated_group():
    assert one("([regex]'(\\w)+').Match('abc').Groups[1].Captures.Count") == 3
    assert out("([regex]'(\\w)+').Match('abc').Groups[1].Captures | ForEach-Object { \"$($_.Index)$($_.Value)\" }"
               ) == ["0a", "1b", "2c"]
    assert out("$g = ([regex]'(?<d>\\d)+').Match('x123').Groups['d']; $g.Value; $g.Index; $g.Captures.Count") == [
        "3", 3, 3]


@pytest.mark.parametrize("script, pattern", [
    ("'a' -replace '('", "("),
    ("'a' -ireplace '[a', 'b'", "[a"),
    ("'a' -creplace 'a++', 'b'", "a++"),
    ("switch -regex ('a') { '(' { 1 } }", "("),
])
def test_invalid_pattern_in_replace_and_switch(script, pattern):
    e = error(script)
    assert e.FullyQualifiedErrorId == "InvalidRegularExpression"
    assert str(e.exception.message) == f"The regular expression pattern {pattern} is not valid."
    assert e.category == "InvalidOperation"


@pytest.mark.parametrize("script, message", [
    ("'a' -match '('", "parsing \"(\" - Not enough )'s."),
    ("'a' -notmatch ')'", "parsing \")\" - Too many )'s."),
    ("'a' -cmatch '*.txt'", "parsing \"*.txt\" - Quantifier {x,y} following nothing."),
    ("'a' -split '[a'", "parsing \"[a\" - Unterminated [] set."),
    ("'a' -match 'a++'", "parsing \"a++\" - Nested quantifier +."),
    ("'a' -match 'a{2}*'", "parsing \"a{2}*\" - Nested quantifier *."),
    ("'a' -match '\\q'", "parsing \"\\q\" - Unrecognized escape sequence \\q."),
    ("'a' -match 'a\\'", "parsing \"a\\\" - Illegal \\ at end of pattern."),
    ("'a' -match '[z-a]'", "parsing \"[z-a]\" - [x-y] range in reverse order."),
    ("'a' -match 'a{3,2}'", "parsing \"a{3,2}\" - Illegal {x,y} with x > y."),
    ("'a' -match '(a)\\2'", "parsing \"(a)\\2\" - Reference to undefined group number 2."),
    ("'a' -match '\\k<x>'", "parsing \"\\k<x>\" - Reference to undefined group name x."),
    ("'a' -match '\\p{Greek}'", "parsing \"\\p{Greek}\" - Unknown property 'Greek'."),
    ("'a' -match '\\p{IsNoSuchBlock}'", "parsing \"\\p{IsNoSuchBlock}\" - Unknown property 'IsNoSuchBlock'."),
    ("'a' -match '\\pL'", "parsing \"\\pL\" - Incomplete \\p{X} character escape."),
    ("'a' -match '(?<1a>x)'", "parsing \"(?<1a>x)\" - Invalid group name: Group names must begin with a word "
                              "character."),
    ("'a' -match '(?z)'", "parsing \"(?z)\" - Unrecognized grouping construct."),
    ("'a' -match '(?(1)a)'", "parsing \"(?(1)a)\" - (?(1) ) reference to undefined group."),
    ("'a' -match '(?(a)b|c|d)'", "parsing \"(?(a)b|c|d)\" - Too many | in (?()|)."),
    ("'a' -match '[a-z-[a]b]'", "parsing \"[a-z-[a]b]\" - A subtraction must be the last element in a "
                                "character class."),
    ("'a' -match '\\x4'", "parsing \"\\x4\" - Insufficient hexadecimal digits."),
    ("'a' -match '[\\d-z]'", "parsing \"[\\d-z]\" - Cannot include class \\d in character range."),
])
def test_invalid_pattern_in_match_and_split_is_dotnets_argument_exception(script, message):
    e = error(script)
    assert e.exception.message == message
    assert e.FullyQualifiedErrorId == "System.ArgumentException"
    assert e.category == "OperationStopped"


def test_invalid_pattern_never_an_internal_error():
    for p in ["(", "[", "*", "a**", "(?<", "(?<n", "(?'n", "(?#", "\\", "\\c", "\\c1", "\\k", "\\k<", "(?(", "[a-",
              "x{2,1}", "(?<0>a)", "\\p{", "\\P{L", "[\\p{Lu", "(?<n>a)(?<-n>b)", "(?i", "a|*"]:
        r = run(f"'a' -match '{p}'")
        assert r.errors, p
        assert r.errors[0].FullyQualifiedErrorId != "InternalError", (p, r.error_text)


def test_invalid_pattern_in_regex_cast_and_methods():
    e = error("[regex]'('")
    assert e.FullyQualifiedErrorId == "InvalidCastConstructorException"
    assert e.exception.message == ('Cannot convert value "(" to type "System.Text.RegularExpressions.Regex". '
                                   'Error: "parsing "(" - Not enough )\'s."')
    e = error("[regex]::Match('a', '(')")
    assert e.exception.message == 'Exception calling "Match" with "2" argument(s): "parsing "(" - Not enough )\'s."'
    e = error("'a' | Select-String '('")
    assert e.FullyQualifiedErrorId == "InvalidRegex,Microsoft.PowerShell.Commands.SelectStringCommand"


# --- .NET's group numbering -------------------------------------------------------------

def test_unnamed_groups_are_numbered_before_named_ones():
    assert one("([regex]'(?<y>\\d{4})-(\\d\\d)').GetGroupNames() -join ','") == "0,1,y"
    assert one("([regex]'(?<y>\\d{4})-(\\d\\d)').GetGroupNumbers() -join ','") == "0,1,2"
    assert out("$m = [regex]::Match('2024-05', '(?<y>\\d{4})-(\\d\\d)'); $m.Groups[1].Value; $m.Groups[2].Value; "
               "$m.Groups['y'].Value; $m.Groups[2].Name") == ["05", "2024", "2024", "y"]
    assert one("'2024-05' -replace '(?<y>\\d{4})-(\\d\\d)', '$2/$1'") == "2024/05"


def test_explicit_group_numbers():
    assert one("([regex]'(?<5>a)(b)(?<n>c)').GetGroupNumbers() -join ','") == "0,1,2,5"
    assert out("$m = [regex]::Match('abc', '(?<5>a)(b)(?<n>c)'); $m.Groups[5].Value; $m.Groups[1].Value; "
               "$m.Groups['n'].Value; $m.Groups[3].Success") == ["a", "b", "c", False]


def test_matches_hashtable_holds_the_groups_that_matched():
    assert out("$null = 'aa' -match '(?<n>a)(b)?'; $Matches.Count; $Matches.n; $Matches[0]; "
               "$Matches.ContainsKey(1)") == [2, "a", "a", False]
    assert out("$null = 'x12' -match '(\\d)(?<second>\\d)'; $Matches[1]; $Matches['SECOND']; $Matches[2]") == [
        "1", "2", None]


def test_back_references_by_number_and_name():
    assert out("'abab' -match '^(ab)\\1$'; 'abab' -match '^(?<p>ab)\\k<p>$'; \"abab\" -match \"^(?'p'ab)\\k'p'$\"; "
               "'aba' -match '^(ab)\\1$'") == [True, True, True, False]
    # a back reference to a named group by its number
    assert one("'x-y-x' -match '^(?<a>\\w)-(\\w)-\\2$'") is True


def test_conditionals():
    assert out("'ab' -match '^(a)?(?(1)b|c)$'; 'c' -match '^(a)?(?(1)b|c)$'; 'ac' -match '^(a)?(?(1)b|c)$'") == [
        True, True, False]
    assert out("'xy' -match '^(?(x)xy|z)$'; 'z' -match '^(?(x)xy|z)$'") == [True, True]       # an expression
    assert out("'ab' -match '^(?(?=a)ab|cd)$'; 'cd' -match '^(?(?=a)ab|cd)$'") == [True, True]


# --- .NET syntax the engine spells differently ----------------------------------------

def test_inline_options_apply_to_the_end_of_their_group():
    assert out("'aB' -cmatch '^a(?i)b$'; 'AB' -cmatch '^a(?i)b$'") == [True, False]
    # the option covers the alternatives after it too, up to the end of its group
    assert out("'C' -cmatch '^(?:a(?i)b|c)$'; 'xC' -cmatch '^x(?:(?i)b|c)$'; 'Cd' -cmatch '^(?:(?i)c)D$'") == [
        True, True, False]
    assert out("'fOO' -match '(?-i)foo'; 'FOO' -match '(?-i:f)OO'; 'Foo' -cmatch '(?i:f)oo'") == [False, False, True]


def test_ignore_pattern_whitespace():
    assert one("'abc' -replace '(?x) b  # the b', 'B'") == "aBc"
    assert one("'a b' -match '(?x) a [ ] b'") is True           # a space in a class stays
    assert one("'a#b' -match '(?x) a \\# b'") is True


def test_explicit_capture():
    assert one("([regex]::new('(a)(?<n>b)', 'ExplicitCapture')).GetGroupNames() -join ','") == "0,n"
    assert one("'ab' -replace '(?n)(a)(?<x>b)', '${x}'") == "b"


def test_quantifier_braces_that_are_not_quantifiers_are_text():
    assert out("'x{,2}' -match '^x{,2}$'; 'xx' -match '^x{,2}$'; 'a{b}' -match '^a{b}$'") == [True, False, True]


def test_end_anchors():
    assert out("\"a`n\" -match 'a\\Z'; \"a`n\" -match 'a\\z'; 'a' -match 'a\\z'") == [True, False, True]


def test_escapes():
    assert out("[string][char]27 -match '^\\e$'; \"`a\" -match '^\\cG$'; 'A' -match '^\\x41$'; 'A' -match '^\\u0041$'; "
               "'A' -match '^\\101$'") == [True, True, True, True, True]
    assert one("'[x]' -match '^[[]x[]]$'") is True


def test_regex_object_keeps_its_options():
    # [regex]'x' is built with no options: case-sensitive even under -match
    assert out("'ABC' -match [regex]'abc'; 'ABC' -match 'abc'; 'ABC' -match [regex]::new('abc', 'IgnoreCase')") == [
        False, True, True]
    assert one("'aBc' -replace [regex]'b', 'X'") == "aBc"


def test_split():
    assert one("'a1b2c3' -split '(\\d)' -join '|'") == "a|1|b|2|c|3|"
    assert one("'a.b.c' -split '.', 0, 'SimpleMatch' -join '|'") == "a|b|c"
    assert one("'a,b,c,d' -split ',', 2 -join '|'") == "a|b,c,d"
    assert one("'AbC' -csplit 'B' -join '|'") == "AbC"
    assert one("'AbC' -split 'b' -join '|'") == "A|C"
    assert one("'a`nb' -split '^b', 0, 'Multiline' -join '|'".replace("'a`nb'", '"a`nb"')) == "a\n|"
    # a group that did not take part adds nothing (.NET leaves it out)
    assert one("'a-b' -split '(-)|(x)' -join '|'") == "a|-|b"
    assert one("[regex]::Split('a1b2', '\\d') -join '|'") == "a|b|"


def test_switch_regex_sets_matches():
    assert one("switch -regex ('Mailbox01') { '^(?<kind>[a-z]+)(?<n>\\d+)$' { \"$($Matches.kind)/$($Matches.n)\" } }"
               ) == "Mailbox/01"


def test_select_string_uses_the_same_groups():
    assert out("'x-12' | Select-String -Pattern '(?<c>\\d)(\\d)' | ForEach-Object { $_.Matches[0].Groups[1].Value; "
               "$_.Matches[0].Groups['c'].Value }") == ["2", "1"]
    assert out("'aXa' | Select-String 'a' -AllMatches | ForEach-Object { $_.Matches.Count }") == [2]


def test_validate_pattern():
    assert out("function f { param([ValidatePattern('^(?<n>[a-z]+)\\d$')] $x) $x }; f ABC1") == ["ABC1"]
    e = error("function f { param([ValidatePattern('^[a-z-[x]]+$')] $x) $x }; f ax")
    assert e.FullyQualifiedErrorId.startswith("ParameterArgumentValidationError")


def test_match_methods():
    assert out("$m = [regex]::Match('a1b22', '\\d+'); $m.Value; $m.NextMatch().Value; "
               "$m.NextMatch().NextMatch().Success") == ["1", "22", False]
    assert one("[regex]::Match('2024-05', '(?<y>\\d+)-(\\d+)').Result('$1/${y}')") == "05/2024"
    assert one("[regex]::Replace('abc', '.', { param($m) $m.Value.ToUpper() })") == "ABC"
    assert one("([regex]'a').Replace('aaaa', 'b', 2)") == "bbaa"
    assert one("([regex]'(?<y>x)(z)').GroupNameFromNumber(2)") == "y"
    assert one("([regex]'(?<y>x)(z)').GroupNumberFromName('y')") == 2
    assert one("[regex]::Matches('a1b2', '\\d').Count") == 2
    assert one("([regex]::new('\\d', 'RightToLeft')).Match('a1b2').Value") == "2"


# --- the layer itself ---------------------------------------------------------------------

def test_one_pattern_object_per_pattern_and_options():
    assert D.compile("a(b)", 1) is D.compile("a(b)", 1)
    assert D.compile("a(b)", 1) is not D.compile("a(b)", 0)
    p = D.compile("(?<y>\\d{4})-(\\d\\d)")
    m = p.search("on 2024-05")
    assert p.matches_table(m) == [(0, "2024-05"), (1, "05"), ("y", "2024")]


@pytest.mark.parametrize("pattern, engine", [
    ("(\\d)(?<n>\\d)", "(?P<g1>\\d)(?P<g2>\\d)"),
    ("[a-z-[aeiou]]", "(?:(?![aeiou])[a-z])"),
    ("a(?i)b|c", "a(?i:b)|(?i:c)"),
    ("(?x) a b # c", "ab"),
    ("a{,2}", "a\\{,2\\}"),
    ("\\z\\Z", "\\Z(?=\\n?\\Z)"),
    ("[[]", "[\\[]"),
    ("(?<n>a)\\k<n>\\1", "(?P<g1>a)(?P=g1)(?P=g1)"),
])
def test_translation(pattern, engine):
    assert D.translate(pattern)[0] == engine


def test_balancing_groups_are_refused_by_name():
    with pytest.raises(D.PatternError, match="balancing groups"):
        D.translate("(?<a>x)(?<b-a>y)")
