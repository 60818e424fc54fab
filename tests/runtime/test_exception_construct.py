"""Exceptions made by scripts: ::new, New-Object and a cast from text, with .NET's constructors and messages."""
from pshim.testing import run


def test_new_with_a_message_is_thrown_and_caught_by_type():
    r = run("try { throw [System.IO.FileNotFoundException]::new('no file') } "
            "catch [System.IO.IOException] { $_.Exception.GetType().FullName; $_.Exception.Message }")
    assert not r.errors, r.error_text
    assert r.output == ["System.IO.FileNotFoundException", "no file"]


def test_new_object_and_a_cast_from_text_make_the_same_exception():
    r = run("(New-Object ArgumentException 'bad').Message; ([InvalidOperationException]'state').Message; "
            "try { throw [ArgumentException]'cast' } catch [ArgumentException] { $_.FullyQualifiedErrorId }")
    assert not r.errors, r.error_text
    assert r.output == ["bad", "state", "cast"]


def test_constructor_overloads_and_default_messages():
    r = run("[Exception]::new().Message; [ArgumentNullException]::new('path').Message; "
            "[ArgumentException]::new('bad value', 'Name').Message; "
            "[Exception]::new('outer', [TimeoutException]::new()).InnerException.Message")
    assert not r.errors, r.error_text
    assert r.output == ["Exception of type 'System.Exception' was thrown.",
                        "Value cannot be null.\r\nParameter name: path",
                        "bad value\r\nParameter name: Name",
                        "The operation has timed out."]


def test_an_uncaught_thrown_exception_shows_its_message_and_type():
    r = run("throw [InvalidOperationException]::new('shown')")
    assert r.errors[0].message() == "shown"
    assert "CategoryInfo          : OperationStopped: (:) [], InvalidOperationException" in r.error_text
    assert "FullyQualifiedErrorId : shown" in r.error_text


def test_no_constructor_for_these_arguments_is_the_overload_error():
    r = run("[ArgumentException]::new(1, 2, 3, 4)")
    assert r.errors[0].error_id == "MethodCountCouldNotFindBest"


def test_error_details_is_an_object_with_a_message():
    r = run("Write-Error -Exception ([InvalidOperationException]::new('inner text')) -Message 'shown text' -ea 0; "
            "$Error[0].ErrorDetails.Message; \"$($Error[0].ErrorDetails)\"; $null -eq $Error[0].Exception.InnerException; "
            "try { 1/0 } catch { $null -eq $_.ErrorDetails }; ([Exception]'plain').Message")
    assert r.output == ["shown text", "shown text", True, True, "plain"]


def test_new_array_of_a_length():
    # the buffer a stream read needs: New-Object byte[] n and [byte[]]::new(n) are n default elements
    r = run("$b = New-Object byte[] 4096; $b.Count; $b.GetType().FullName; $b[10]; "
            "$s = [string[]]::new(2); $null -eq $s[0]; $s.GetType().Name; [object[]]::new(3).Count")
    assert not r.errors, r.error_text
    assert r.output == [4096, "System.Byte[]", 0, True, "String[]", 3]
    r = run("[int[]]::new(-1)")
    assert r.errors[0].error_id == "OverflowException"


def test_a_property_setter_that_refuses_is_exception_setting():
    r = run("$sb = New-Object System.Text.StringBuilder; $sb.Capacity = 'x'; $sb.Capacity = '40'; $sb.Capacity")
    assert r.output == [40]
    assert r.errors[0].error_id == "ExceptionWhenSetting"
    assert r.errors[0].message() == ('Exception setting "Capacity": "Cannot convert value "x" to type '
                                     '"System.Int32". Error: "Input string was not in a correct format.""')
