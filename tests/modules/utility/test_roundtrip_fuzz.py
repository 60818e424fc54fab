"""Fuzz with a property: objects whose properties hold arbitrary text come back equal through
ConvertTo-Csv | ConvertFrom-Csv and through ConvertTo-Json | ConvertFrom-Json (quotes, separators,
line breaks, tabs, backslashes, non-ASCII and control characters included)."""
from hypothesis import example, given, settings, strategies as st, HealthCheck

from pshim.testing import new_session, run

_CHARS = st.sampled_from(list("ab Z09,;\"'`$\\/\t\n{}[]:é€ü") + ["\r\n", "\x01", "\u2018", "\u201c", "  "])
_TEXT = st.lists(_CHARS, max_size=12).map("".join)
_ROWS = st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=6)

_BUILD = "$objs = @($data | ForEach-Object { [pscustomobject]@{ Name = $_[0]; 'Value, with comma' = $_[1] } }); "
_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _round_trip(rows, pipeline):
    s = new_session()
    s.global_scope.set_local("data", [list(r) for r in rows])
    r = run(_BUILD + pipeline + " | ForEach-Object { ,@($_.Name, $_.'Value, with comma') }", session=s)
    assert not r.errors, r.error_text
    return [tuple(x) for x in r.output]


@_SETTINGS
@given(_ROWS)
@example([('a,"b"', "line\r\nbreak"), (" ", "")])
def test_csv_round_trip(rows):
    assert _round_trip(rows, "$objs | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv") == rows


@_SETTINGS
@given(_ROWS)
@example([("", '"'), ('a\\"b', '\\')])        # an escaped quote inside a string once ended it early
def test_json_round_trip(rows):
    assert _round_trip(rows, "($objs | ConvertTo-Json | ConvertFrom-Json) | ForEach-Object { $_ }") == rows
