"""`-f` / ToString(format): exact .NET Framework en-US results."""
import datetime as dt
import decimal

import pytest
from hypothesis import given, strategies as st

from pshim.errors import FormatException
from pshim.runtime.dotnet_format import format_composite, format_value
from pshim.runtime.psobject import Int64, Byte, Int16, PSObject, Single


@pytest.mark.parametrize("fmt,args,expected", [
    ("{0:N2}", [1234.567], "1,234.57"),
    ("{0,-6}|", ["ab"], "ab    |"),
    ("{0,6}|", ["ab"], "    ab|"),
    ("{0, 6}|", ["ab"], "    ab|"),
    ("{0,-8:N1}|", [3.14159], "3.1     |"),
    ("{1}-{0}", ["a", "b"], "b-a"),
    ("{{{0}}}", [1], "{1}"),
    ("{{0}}", [1], "{0}"),
    ("{0}", [None], ""),
    ("{0}", [True], "True"),
    ("{0}", [1.5], "1.5"),
    ("{0}", [[1, 2]], "System.Object[]"),
    ("{0}", [PSObject.from_pairs([("a", 1)])], "@{a=1}"),
    ("{0}", [dt.datetime(2021, 3, 4, 15, 6, 7)], "3/4/2021 3:06:07 PM"),
    ("{0:yyyy-MM-dd HH:mm}", [dt.datetime(2021, 3, 4, 15, 6, 7)], "2021-03-04 15:06"),
    ("{0:d}", [dt.datetime(2021, 3, 4)], "3/4/2021"),
    ("{0:x}", ["text"], "text"),
])
def test_composite(fmt, args, expected):
    assert format_composite(fmt, args) == expected


@pytest.mark.parametrize("fmt", ["{0", "{a}", "}", "{0:N2", "{0,}", "{0,x}", "{ 0}", "a{"])
def test_malformed(fmt):
    with pytest.raises(FormatException) as e:
        format_composite(fmt, [1])
    assert e.value.message == "Input string was not in a correct format."


def test_index_out_of_range():
    with pytest.raises(FormatException) as e:
        format_composite("{0} {1}", ["a"])
    assert e.value.message == ("Index (zero based) must be greater than or equal to zero and less than the "
                               "size of the argument list.")


@pytest.mark.parametrize("value,spec,expected", [
    # rounding: half away from zero on the 15-digit representation
    (2.5, "N0", "3"), (3.5, "N0", "4"), (-2.5, "N0", "-3"), (0.25, "N1", "0.3"),
    (2.675, "F2", "2.68"), (1.005, "F2", "1.01"), (-0.001, "F2", "0.00"), (0.125, "F2", "0.13"),
    (1234.567, "N", "1,234.57"), (-1234567.891, "N", "-1,234,567.89"), (1234, "N2", "1,234.00"),
    (1234567, "N0", "1,234,567"), (0, "N2", "0.00"), (0.5, "F0", "1"), (3, "F", "3.00"), (1.5, "F3", "1.500"),
    (0.125, "P", "12.50 %"), (0.5, "P0", "50 %"), (-0.1234, "P1", "-12.3 %"), (1, "P", "100.00 %"),
    (1234.567, "C", "$1,234.57"), (-1234.567, "C", "($1,234.57)"), (5, "C0", "$5"),
    (42, "D5", "00042"), (-42, "D5", "-00042"), (42, "D", "42"), (Int64(2 ** 40), "D", "1099511627776"),
    (255, "X", "FF"), (255, "x4", "00ff"), (-1, "X", "FFFFFFFF"), (Int64(-1), "X", "FFFFFFFFFFFFFFFF"),
    (Byte(255), "X2", "FF"), (Int16(-2), "X", "FFFE"), (2 ** 40, "X", "10000000000"),
    (12345.6789, "E", "1.234568E+004"), (0.000123, "e2", "1.23e-004"), (25, "E0", "3E+001"), (0, "E2", "0.00E+000"),
    (12345.6789, "G3", "1.23E+04"), (12345.6789, "G", "12345.6789"), (1e20, "G", "1E+20"), (0.0001, "G", "0.0001"),
    (0.00001, "G", "1E-05"), (123456, "G2", "1.2E+05"), (0.1, "R", "0.1"), (1 / 3, "R", "0.33333333333333331"),
    (float("nan"), "N2", "NaN"), (float("inf"), "F", "Infinity"), (float("-inf"), "0.0", "-Infinity"),
    (decimal.Decimal("2.345"), "F2", "2.35"), (decimal.Decimal("1234.5"), "N1", "1,234.5"),
    (Single(1.1), "F2", "1.10"),
    # custom formats
    (3.14159, "0.00", "3.14"), (1234567, "#,##0", "1,234,567"), (5, "#,##0", "5"), (5, "0,000", "0,005"),
    (42, "0000", "0042"), (0, "#.##", ""), (0.5, "#.##", ".5"), (1.5, "#.##", "1.5"), (0.1234, "0.0%", "12.3%"),
    (12345, "0.###E+0", "1.235E+4"), (0.00012, "0.0E-00", "1.2E-04"), (12345, "00.00E+0", "12.35E+3"),
    (-3.456, "0.00;(0.00);zero", "(3.46)"), (0, "0.00;(0.00);zero", "zero"), (3.456, "0.00;(0.00)", "3.46"),
    (-0.001, "0.00;(0.00);zero", "zero"), (-5, "0;neg", "neg"), (-5, "#", "-5"),
    (1234567, "#,##0,", "1,235"), (1234567890, "#,,", "1235"), (1234, "##-##", "12-34"),
    (5, "'#'0", "#5"), (5, r"\#0", "#5"), (-0.04, "0.0", "0.0"), (1234.5, "0,0.0", "1,234.5"),
    (123, "0.00 'units'", "123.00 units"), (0.5, "0.#", "0.5"), (7, "00.##", "07"), (9.999, "0.00", "10.00"),
])
def test_format_value_numbers(value, spec, expected):
    assert format_value(value, spec) == expected


def test_format_specifier_errors():
    with pytest.raises(FormatException) as e:
        format_value(1.5, "D")
    assert e.value.message == "Format specifier was invalid."
    with pytest.raises(FormatException):
        format_value(1.5, "X")
    with pytest.raises(FormatException):
        format_value(5, "Q")


def test_non_formattable_values_ignore_the_spec():
    assert format_value("abc", "N2") == "abc"
    assert format_value(True, "N2") == "True"
    assert format_value(None, "N2") == ""


@pytest.mark.parametrize("ts,spec,expected", [
    (dt.timedelta(hours=1, minutes=2, seconds=3), None, "01:02:03"),
    (dt.timedelta(hours=1, minutes=2, seconds=3), r"hh\:mm\:ss", "01:02:03"),
    (dt.timedelta(days=1, hours=1, minutes=2, seconds=3.5), "c", "1.01:02:03.5000000"),
    (dt.timedelta(days=1, hours=1, minutes=2, seconds=3.5), "g", "1:1:02:03.5"),
    (dt.timedelta(hours=1, minutes=2, seconds=3), "G", "0:01:02:03.0000000"),
    (-dt.timedelta(minutes=90), "c", "-01:30:00"),
    (dt.timedelta(days=3, hours=4), r"d\.hh", "3.04"),
    (dt.timedelta(minutes=5, seconds=7), "mm':'ss", "05:07"),
    (dt.timedelta(seconds=1.25), r"s\.ff", "1.25"),
])
def test_timespan(ts, spec, expected):
    assert format_value(ts, spec) == expected


def test_timespan_bad_custom():
    with pytest.raises(FormatException):
        format_value(dt.timedelta(hours=1), "hh:mm")


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.integers(min_value=0, max_value=6))
def test_fixed_matches_decimal_rounding_of_15_digits(x, p):
    text = format_value(x, f"F{p}")
    exact = decimal.Decimal("%.15g" % x).quantize(decimal.Decimal(1).scaleb(-p), rounding=decimal.ROUND_HALF_UP)
    if exact == 0:
        exact = abs(exact)
    assert text == f"{exact:.{p}f}"


@given(st.integers(min_value=-10 ** 12, max_value=10 ** 12))
def test_n0_of_integers_groups_digits(n):
    assert format_value(n, "N0") == f"{n:,}"
    assert format_value(n, "#,##0") == f"{n:,}"
    assert format_value(n, "D") == str(n)
