"""Syntax highlighting and parse-error marks (pshim.host.highlight), without a terminal."""
from pshim.host.highlight import highlight, lines
from pshim.testing import new_session


def test_fragments_cover_the_text_and_have_classes():
    s = new_session()
    text = "Get-ChildItem -Path $home | Where-Object { $_.Length -gt 10 } # big files\n'done'"
    frags = highlight(s, text)
    assert "".join(p for _, p in frags) == text
    classes = {c for c, _ in frags}
    assert {"command", "parameter", "variable", "comment", "string"} <= classes
    assert ("variable", "$home") in frags
    assert ("parameter", "-Path") in frags


def test_parse_error_is_marked_but_incomplete_input_is_not():
    s = new_session()
    assert not [p for c, p in highlight(s, "foreach ($i in 1..3) {") if c == "error"]
    assert not [p for c, p in highlight(s, "Get-Thing |") if c == "error"]
    assert not [p for c, p in highlight(s, "'open string") if c == "error"]
    marked = [p for c, p in highlight(s, "$x = )") if c == "error"]
    assert "".join(marked) == ")"
    marked = [p for c, p in highlight(s, "if ($a) { 1 } }") if c == "error"]
    assert "".join(marked) == "}"


def test_lines_split_for_the_renderer():
    ls = lines(None, "a |\n  b")
    assert len(ls) == 2
    assert "".join(p for _, p in ls[1]) == "  b"
