"""A type literal's value is a System.Type: its members, equality with GetType(), and 5.1's display."""
from pshim.testing import run


def test_type_literal_members_and_equality():
    r = run("[int].FullName; [int].Name; [string].IsValueType; [int[]].IsArray; [int[]].GetElementType().Name; "
            "[int] -eq (1).GetType(); (1).GetType() -eq [int]; [int] -is [type]; [int].IsInstanceOfType(5); "
            "[System.IO.Path].FullName")
    assert not r.errors, r.error_text
    assert r.output == ["System.Int32", "Int32", False, True, "Int32", True, True, True, True, "System.IO.Path"]


def test_a_type_shows_as_5_1_shows_it():
    r = run("[int]; (1).GetType()", capture_output=False)
    lines = [line.rstrip() for line in r.host_text.splitlines() if line.strip()]
    assert lines == ["IsPublic IsSerial Name                                     BaseType",
                     "-------- -------- ----                                     --------",
                     "True     True     Int32                                    System.ValueType",
                     "True     True     Int32                                    System.ValueType"]
