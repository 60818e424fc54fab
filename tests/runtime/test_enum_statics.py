"""[Enum]'s static methods over .NET, engine and script enums; a type literal as a method argument."""
from pshim.runtime.conversion import to_string
from pshim.testing import run


def test_get_names_values_and_lookups():
    r = run("enum Color { Red; Green = 5 }; [Enum]::GetNames([System.DayOfWeek]) -join ','; "
            "[Enum]::GetNames([Color]) -join ','; [Enum]::GetValues([Color]) | ForEach-Object { [int]$_ }; "
            "[Enum]::IsDefined([Color], 'Green'); [Enum]::IsDefined([Color], 4); "
            "[Enum]::Parse([Color], 'green', $true); [Enum]::GetName([Color], 5); "
            "[Enum]::GetNames([ConsoleColor]).Count; [ConsoleColor]::DarkYellow; "
            "[Enum]::GetNames([System.Management.Automation.ActionPreference])[1]")
    assert not r.errors, r.error_text
    assert [to_string(x) for x in r.output] == ["Sunday,Monday,Tuesday,Wednesday,Thursday,Friday,Saturday", "Red,Green",
                                          "0", "5", "True", "False", "Green", "Green", "16", "DarkYellow", "Stop"]


def test_not_an_enum_and_not_a_name():
    r = run("[Enum]::GetNames([int])")
    assert "Type provided must be an Enum." in r.errors[0].message()
    r = run("enum Color { Red }; [Enum]::Parse([Color], 'Blue')")
    assert "Requested value 'Blue' was not found." in r.errors[0].message()


def test_a_type_literal_then_a_comma_in_an_argument_list_is_two_arguments():
    # 5.1 disables the comma operator in argument lists: [T], x is a type and a second argument, not a cast
    r = run("[string]::Join(',', [int[]](1, 2)); [math]::Max([int]'3', 2); "
            "function f([int]$a = [int]'4', $b) { $a }; f")
    assert not r.errors, r.error_text
    assert r.output == ["1,2", 3, 4]
