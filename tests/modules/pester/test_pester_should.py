"""Should's operators and their failure messages, worded as Pester 5 words them (Should outside a
test run throws its failure as a terminating error, which is what these tests catch)."""
import pytest

from pshim.testing import run


def failure(script):
    r = run(f"try {{ {script} ; 'passed' }} catch {{ $_.Exception.Message; $_.FullyQualifiedErrorId }}")
    assert not r.errors, r.error_text
    return r.output


def passes(script):
    assert failure(script) == ["passed"]


@pytest.mark.parametrize("script, message", [
    ("4 | Should -Be 5", "Expected 5, but got 4."),
    ("$false | Should -BeTrue", "Expected $true, but got $false."),
    ("1 | Should -BeFalse", "Expected $false, but got 1."),
    ("1, 2 | Should -HaveCount 3", "Expected a collection with size 3, but got collection with size 2 @(1, 2)."),
    ("@() | Should -HaveCount 1", "Expected a collection with size 1, but got an empty collection."),
    ("1 | Should -HaveCount 0", "Expected an empty collection, but got collection with size 1 @(1)."),
    ("1, 2 | Should -Not -HaveCount 2", "Expected a collection with size different from 2, but got collection "
                                         "with that size @(1, 2)."),
    ("4 | Should -Be 5 -Because 'the sum is five'", "Expected 5, because the sum is five, but got 4."),
    ("5 | Should -Not -Be 5", "Expected 5 to be different from the actual value, but got the same value."),
    ("'a' | Should -BeExactly 'A'", "Expected strings to be the same, but they were different.\n"
                                    "String lengths are both 1.\nStrings differ at index 0.\n"
                                    "Expected: 'A'\nBut was:  'a'\n           ^"),
    ("'Pester is bad.' | Should -Be 'Pester is awesome!'",
     "Expected strings to be the same, but they were different.\nExpected length: 18\nActual length:   14\n"
     "Strings differ at index 10.\nExpected: 'Pester is awesome!'\nBut was:  'Pester is bad.'\n"
     "           ----------^"),
    ("'x' | Should -BeNullOrEmpty", "Expected $null or empty, but got @('x')."),
    ("$null | Should -Not -BeNullOrEmpty", "Expected a value, but got $null or empty."),
    ("'5' | Should -BeOfType [int]", "Expected the value to have type [int] or any of its subtypes, but got '5' "
                                     "with type [string]."),
    ("3 | Should -BeGreaterThan 5", "Expected the actual value to be greater than 5, but got 3."),
    ("7 | Should -BeLessThan 5", "Expected the actual value to be less than 5, but got 7."),
    ("4 | Should -BeGreaterOrEqual 5", "Expected the actual value to be greater than or equal to 5, but got 4."),
    ("6 | Should -BeLessOrEqual 5", "Expected the actual value to be less than or equal to 5, but got 6."),
    ("3 | Should -Not -BeLessThan 5", "Expected the actual value to be greater than or equal to 5, but got 3."),
    ("'abc' | Should -Match 'x'", "Expected regular expression 'x' to match 'abc', but it did not match."),
    ("'abc' | Should -Not -Match 'b'", "Expected regular expression 'b' to not match 'abc', but it did match."),
    ("'abc' | Should -MatchExactly 'B'", "Expected regular expression 'B' to case sensitively match 'abc', but it "
                                         "did not match."),
    ("'abc' | Should -BeLike 'x*'", "Expected like wildcard 'x*' to match 'abc', but it did not match."),
    ("'abc' | Should -BeLikeExactly 'A*'", "Expected case sensitive like wildcard 'A*' to match 'abc', but it "
                                           "did not match."),
    ("1, 2 | Should -Contain 3", "Expected 3 to be found in collection @(1, 2), but it was not found."),
    ("1, 2 | Should -Not -Contain 2", "Expected 2 to not be found in collection @(1, 2), but it was found."),
    ("3 | Should -BeIn 1, 2", "Expected collection @(1, 2) to contain 3, but it was not found."),
    ("'/no/such/file' | Should -Exist", "Expected path '/no/such/file' to exist, but it did not exist."),
    ("{ 1 } | Should -Throw", "Expected an exception to be thrown, but no exception was thrown."),
    ("1..11 | Should -Contain 12", "Expected 12 to be found in collection @(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, ...1 "
                                   "more), but it was not found."),
    ("'' | Should -Be 'a'", "Expected strings to be the same, but they were different.\nExpected length: 1\n"
                            "Actual length:   0\nStrings differ at index 0.\nExpected: 'a'\nBut was:  ''\n"
                            "           ^"),
    ("$null | Should -Be 'a'", "Expected 'a', but got $null."),
])
def test_failure_messages(script, message):
    out = failure(script)
    assert out[0] == message
    assert out[1] == "PesterAssertionFailed"


@pytest.mark.parametrize("script", [
    "5 | Should -Be 5", "'abc' | Should -Be 'ABC'", "@(1, 2) | Should -Be @(1, 2)", "$null | Should -BeNullOrEmpty",
    "@() | Should -BeNullOrEmpty", "'' | Should -BeNullOrEmpty", "1, 2, 3 | Should -HaveCount 3",
    "'a' | Should -BeOfType [string]", "'a' | Should -BeOfType System.String", "5 | Should -BeOfType [ValueType]",
    "1, 2 | Should -Contain 2", "2 | Should -BeIn 1, 2", "'abc' | Should -Match '^A'", "'abc' | Should -BeLike 'a*'",
    "{ throw 'boom' } | Should -Throw", "{ throw 'boom' } | Should -Throw -ExpectedMessage 'bo*'",
    "{ throw 'boom' } | Should -Throw 'boom'", "{ 1 } | Should -Not -Throw", "$true | Should -BeTrue",
    "0 | Should -BeFalse", "'1' | Should -Be 1", "5 | Should -Not -BeNullOrEmpty", "'x' | Should -EQ 'x'",
    "6 | Should -GT 5", "{ Get-Item /no/such -ErrorAction Stop } | Should -Throw -ErrorId 'PathNotFound*'",
    "'ab' | Should -Not -BeExactly 'AB'",
])
def test_passing_assertions(script):
    passes(script)


@pytest.mark.parametrize("script", [
    "5 | Should Be 5", "5 | Should Not Be 6", "'x' | Should BeExactly 'x'", "{ throw 'a' } | Should Throw",
    "$null | Should BeNullOrEmpty", "1, 2 | Should Contain 1", "'abc' | Should Match 'b'",
])
def test_pester3_syntax(script):
    passes(script)


def test_pester3_syntax_fails_with_the_same_message():
    assert failure("4 | Should Be 5")[0] == "Expected 5, but got 4."


@pytest.mark.parametrize("script, message", [
    ("{ throw 'boom' } | Should -Throw -ExpectedMessage 'bang'",
     "Expected an exception with message like 'bang' to be thrown, but the message was 'boom'. from line:1 char:9"),
    ("{ throw 'boom' } | Should -Throw -ExceptionType ([ArgumentException])",
     "Expected an exception with type [System.ArgumentException] to be thrown, but the exception type was "
     "[System.Management.Automation.RuntimeException]. from line:1 char:9"),
    ("{ throw 'boom' } | Should -Throw -ErrorId 'Other'",
     "Expected an exception with FullyQualifiedErrorId 'Other' to be thrown, but the FullyQualifiedErrorId was "
     "'boom'. from line:1 char:9"),
])
def test_throw_failures_tell_where_the_exception_came_from(script, message):
    out = failure(script)
    first, _, rest = out[0].partition("\n")
    assert first == message
    assert rest.startswith("    + try { { throw 'boom' }")


def test_throw_passthru_returns_the_error_record():
    r = run("$e = { throw 'boom' } | Should -Throw -PassThru; $e.Exception.Message")
    assert r.output == ["boom"]


def test_not_throw_names_the_exception_and_where():
    out = failure("{ throw 'boom' } | Should -Not -Throw")
    assert out[0].startswith('Expected no exception to be thrown, but an exception "boom" was thrown from ')
    assert out[0].endswith(".")


def test_file_content_match(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("first line\nI am a file.\n")
    passes(f"'{f}' | Should -FileContentMatch 'I Am'")
    passes(f"'{f}' | Should -FileContentMatchExactly 'I am'")
    assert failure(f"'{f}' | Should -FileContentMatch 'zzz'")[0] == \
        f"Expected 'zzz' to be found in file '{f}', but it was not found."
    assert failure(f"'{f}' | Should -FileContentMatchExactly 'I AM'")[0] == \
        f"Expected 'I AM' to be case sensitively found in file '{f}', but it was not found."


def test_have_parameter():
    passes("function f { param([Parameter(Mandatory)][string]$Name, [int]$Count = 5) }; "
           "Get-Command f | Should -HaveParameter Name -Mandatory -Type [string]")
    passes("function f { param([string]$Name, [int]$Count = 5) }; "
           "Get-Command f | Should -HaveParameter Count -DefaultValue 5")
    passes("Get-Command Get-ReceiveConnector | Should -HaveParameter Server")
    out = failure("function f { param([string]$Name) }; Get-Command f | Should -HaveParameter Other")
    assert out[0] == "Expected command f to have a parameter Other, but the parameter is missing."
    out = failure("function f { param([string]$Name) }; Get-Command f | Should -HaveParameter Name -Mandatory")
    assert out[0] == "Expected command f to have a parameter Name, which is mandatory, but it wasn't mandatory."


def test_should_without_operator_is_a_binding_error():
    r = run("1 | Should")
    assert r.errors and "assertion operator" in r.errors[0].message()


def test_an_unknown_type_is_an_argument_error():
    out = failure("1 | Should -BeOfType [NoSuchType]")
    assert out[0].startswith("Could not find type [NoSuchType].")
