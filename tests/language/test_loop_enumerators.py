"""$foreach and $switch: the enumerators of a foreach loop and a switch statement (as 5.1)."""
from pshim.testing import run


def out(script):
    r = run(script)
    assert r.errors == [], r.error_text
    return [str(x) if not isinstance(x, bool) else x for x in r.output]


def test_foreach_movenext_skips_and_current_is_the_item_moved_to():
    assert out('foreach ($i in 1..5) { if ($i -eq 2) { [void]$foreach.MoveNext(); "skip to $($foreach.Current)" } '
               'else { "$i" } }') == ["1", "skip to 3", "4", "5"]


def test_foreach_current_is_the_loop_item_and_pairs_can_be_read():
    # a common 5.1 idiom: read name/value pairs from one flat list
    assert out('$args2 = "-a", 1, "-b", 2\nforeach ($x in $args2) { if ($x -like "-*") '
               '{ [void]$foreach.MoveNext(); "$x=$($foreach.Current)" } }') == ["-a=1", "-b=2"]


def test_foreach_enumerator_type_and_movenext_at_the_end():
    assert out('foreach ($i in 7) { $foreach.GetType().FullName; $foreach.Current; $foreach.MoveNext() }') == \
        ["System.Array+SZArrayEnumerator", "7", False]


def test_nested_loops_each_see_their_own_enumerator():
    assert out('foreach ($a in 1, 2) { foreach ($b in 7, 8) { "$a$b$($foreach.Current)" }; "o$($foreach.Current)" }') \
        == ["177", "188", "o1", "277", "288", "o2"]


def test_switch_movenext_skips_the_next_input():
    assert out('switch (1, 2, 3) { 1 { [void]$switch.MoveNext(); "next: $($switch.Current)" } default { "d $_" } }') \
        == ["next: 2", "d 3"]


def test_switch_reads_option_value_pairs():
    assert out('switch ("-n", "x", "-v") { "-n" { [void]$switch.MoveNext(); "name=$($switch.Current)" } '
               '"-v" { "verbose" } }') == ["name=x", "verbose"]


def test_strict_mode_does_not_reject_the_loop_variables():
    assert out('Set-StrictMode -Version Latest\nforeach ($i in 1, 2) { $foreach.Current }\n'
               'switch (3) { 3 { $switch.Current } }') == ["1", "2", "3"]


def test_current_outside_the_items_is_an_error():
    r = run('foreach ($i in 1) { $e = $foreach }\n$e.Current\n$e.Reset()\n$e.Current\n$e.MoveNext()\n$e.Current')
    assert [str(x) for x in r.output] == ["True", "1"]
    assert 'Exception getting "Current": "Enumeration already finished."' in r.error_text
    assert 'Exception getting "Current": "Enumeration has not started. Call MoveNext."' in r.error_text
