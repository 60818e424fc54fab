"""Out-Host -Paging: a window's worth of lines, then 5.1's paging prompt."""
from pshim.testing import new_session, run

PROMPT = "<SPACE> next page; <CR> next line; Q quit"


def test_paging_next_line_next_page_quit():
    s = new_session()
    s.host.answers = ["", " ", "q"]
    s.host.height = 4
    r = run("1..20 | Out-Host -Paging; 'after'", session=s)
    assert r.output == ["after"]
    text = s.host.text
    assert text.count(PROMPT) == 3
    # 3 lines (a window of 4 less the prompt's), Enter: one more, Space: a page of 3, Q: no more
    numbers = [w for w in text.replace(PROMPT, " ").split() if w.isdigit()]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7"]
    assert text.index("3\n") < text.index(PROMPT) < text.index("4\n")


def test_paging_stops_the_commands_before_it():
    s = new_session()
    s.host.answers = ["q"]
    s.host.height = 3
    r = run("$n = 0; 1..1000 | ForEach-Object { $script:n++; $_ } | Out-Host -Paging; $n -lt 1000", session=s)
    assert r.output == [True]


def test_no_window_no_paging():
    s = new_session()
    r = run("1..30 | Out-Host -Paging", session=s)
    assert PROMPT not in s.host.text and s.host.text.split() == [str(i) for i in range(1, 31)]
    assert r.errors == []
