"""The persistent parse cache (pshim/language/parse_cache.py): a text parsed once is read back
as the same tree; a corrupt, foreign or crafted entry is a miss (parsed again, overwritten),
never an error and never code run."""
import os
import pickle
import subprocess
import sys

import pytest

from pshim.errors import ParseError
from pshim.language import ast as A
from pshim.language import parse, parse_cache, parser
from pshim.language.extent import Extent, SourceText

from corpus_util import examples, scripts

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def cache(tmp_path):
    d = tmp_path / "parse"
    parse_cache.enable(str(d))
    parser.clear_cache()
    yield d
    parse_cache.disable()
    parser.clear_cache()


def entries(d):
    return sorted(p for p in d.iterdir() if p.suffix == ".ast") if d.exists() else []


def same_tree(a, b, seen=None):
    """Structural equality of two trees: node types, every field, every extent."""
    if isinstance(a, A.Ast):
        if type(a) is not type(b) or not same_tree(a.extent, b.extent):
            return False
        return all(same_tree(getattr(a, f), getattr(b, f)) for f in a._fields)
    if isinstance(a, Extent):
        return (isinstance(b, Extent) and (a.start, a.end) == (b.start, b.end)
                and (a.source is None) == (b.source is None)
                and (a.source is None or (a.source.text, a.source.path) == (b.source.text, b.source.path)))
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(same_tree(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return (isinstance(b, dict) and list(a) == list(b)
                and all(same_tree(a[k], b[k]) for k in a))
    return type(a) is type(b) and a == b


def fresh(text, path=None):
    """Parse without either cache."""
    was = parse_cache._directory
    parse_cache.disable()
    parser.clear_cache()
    try:
        return parse(text, path)
    finally:
        if was is not None:
            parse_cache.enable(was)
        parser.clear_cache()


def cached(text, path=None):
    """Parse with the disk cache only (the in-memory one emptied first)."""
    parser.clear_cache()
    return parse(text, path)


def test_a_text_is_stored_and_read_back(cache):
    text = "param($n = 2)\nfunction f([int]$x) { $x * $n }\nf 21 | ForEach-Object { \"$_ ok\" } # c\n"
    first = cached(text)
    assert len(entries(cache)) == 1
    assert (cache / ".key").stat().st_size == 32
    second = cached(text)
    assert second is not first
    assert same_tree(second, first)
    assert same_tree(second, fresh(text))


def test_entries_are_owner_only(cache):
    cached("$null")
    assert oct((cache / ".key").stat().st_mode & 0o777) == "0o600"
    assert oct(entries(cache)[0].stat().st_mode & 0o777) == "0o600"
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_the_path_is_part_of_the_key(cache):
    a = cached("Get-Date", "C:\\a.ps1")
    b = cached("Get-Date", "C:\\b.ps1")
    assert len(entries(cache)) == 2
    assert cached("Get-Date", "C:\\a.ps1").extent.source.path == "C:\\a.ps1"
    assert b.extent.source.path == "C:\\b.ps1" and a.extent.source.path == "C:\\a.ps1"


def test_parse_errors_are_not_stored(cache):
    with pytest.raises(ParseError):
        cached("if (")
    assert entries(cache) == []


@pytest.mark.parametrize("text", ["$p = ConvertTo-SecureString 'x' -AsPlainText -Force", "$Password = 'x'",
                                  "Connect-Thing -ApiKey k", "$env:GITHUB_TOKEN", "$client_secret = 1"])
def test_command_lines_that_may_hold_a_secret_are_not_stored(cache, text):
    cached(text)
    assert entries(cache) == []
    cached(text, "C:\\s.ps1")          # a script file is on disk already
    assert len(entries(cache)) == 1


def test_every_corpus_text_reads_back_as_the_same_tree(cache):
    texts = [t for t in examples()[:300]]
    for p in scripts():
        with open(p, encoding="utf-8-sig") as f:
            texts.append(f.read())
    checked = 0
    for t in texts:
        try:
            want = fresh(t)
        except ParseError:
            continue
        parse_cache._stores = 0
        cached(t)
        got = cached(t)
        assert same_tree(got, want), t[:200]
        checked += 1
    assert checked > 250


def _entry(cache):
    (e,) = entries(cache)
    return e


@pytest.mark.parametrize("damage", [
    lambda data: b"",                                        # empty
    lambda data: data[:len(data) // 2],                      # truncated
    lambda data: os.urandom(len(data)),                      # noise
    lambda data: data[:-1] + bytes([data[-1] ^ 1]),          # one bit of the body
    lambda data: data[:12] + bytes([data[12] ^ 1]) + data[13:],   # one bit of the MAC
    lambda data: b"PSHIMAST0\n" + data[10:],                 # another format
])
def test_a_corrupt_entry_is_a_miss_and_is_replaced(cache, damage):
    text = "Get-ChildItem | Where-Object Length -gt 1KB"
    want = cached(text)
    e = _entry(cache)
    e.write_bytes(damage(e.read_bytes()))
    parse_cache._stores = 0
    got = cached(text)                       # parsed again, no error
    assert same_tree(got, want)
    assert parse_cache.lookup(text, None) is not None      # and stored again, readable


def test_an_entry_signed_with_another_key_is_a_miss(cache, tmp_path):
    text = "Write-Output 1"
    cached(text)
    e = _entry(cache)
    # the same entry made in another home: its own key
    other = tmp_path / "other"
    parse_cache.enable(str(other))
    parser.clear_cache()
    cached(text)
    foreign = _entry(other).read_bytes()
    parse_cache.enable(str(cache))
    e.write_bytes(foreign)
    assert parse_cache.lookup(text, None) is None


def _signed(cache, body):
    key = (cache / ".key").read_bytes()
    return parse_cache.MAGIC + parse_cache._mac(key, body) + body


class _Boom:
    """Unpickling this runs code: a crafted entry must never get that far."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_crafted_entry_runs_nothing_even_with_the_key(cache, tmp_path):
    text = "Write-Output 2"
    cached(text)
    e = _entry(cache)
    marker = tmp_path / "ran"
    e.write_bytes(_signed(cache, pickle.dumps(_Boom(str(marker)), protocol=5)))
    assert parse_cache.lookup(text, None) is None
    assert not marker.exists()
    # a tree holding something that is not part of a tree
    tree = fresh(text)
    tree.end.body.statements[0].extra = _Boom(str(marker))
    e.write_bytes(_signed(cache, pickle.dumps(tree, protocol=5)))
    assert parse_cache.lookup(text, None) is None
    assert not marker.exists()


def test_an_entry_for_another_text_is_a_miss(cache):
    cached("Write-Output a")
    a = _entry(cache)
    body = a.read_bytes()
    cached("Write-Output b")
    (b,) = [p for p in entries(cache) if p != a]
    b.write_bytes(body)                      # a valid, signed tree of another text
    assert parse_cache.lookup("Write-Output b", None) is None
    assert same_tree(cached("Write-Output b"), fresh("Write-Output b"))


def test_a_damaged_key_makes_a_new_one(cache):
    cached("Write-Output k")
    (cache / ".key").write_bytes(b"short")
    assert parse_cache.enabled()
    parse_cache.enable(str(cache))           # a new process: the key is read again
    assert parse_cache.lookup("Write-Output k", None) is None
    parse_cache._stores = 0
    cached("Write-Output k")
    assert (cache / ".key").stat().st_size == 32
    assert parse_cache.lookup("Write-Output k", None) is not None


def test_an_unwritable_cache_only_parses(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    parse_cache.enable(str(blocker / "parse"))
    parser.clear_cache()
    try:
        assert same_tree(parse("Write-Output x"), fresh("Write-Output x"))
    finally:
        parse_cache.disable()
        parser.clear_cache()


def test_stores_per_process_and_pruning(cache, monkeypatch):
    monkeypatch.setattr(parse_cache, "STORES_PER_PROCESS", 5)
    for i in range(8):
        cached(f"Write-Output {i}")
    assert len(entries(cache)) == 5
    monkeypatch.setattr(parse_cache, "MAX_ENTRIES", 3)
    parse_cache.enable(str(cache))           # a new process
    for i in range(8, 10):
        cached(f"Write-Output {i}")
    # pruned once, at the process's first store: the 3 most recent, then the one stored after
    assert len(entries(cache)) == 4
    assert parse_cache.lookup("Write-Output 9", None) is not None
    assert parse_cache.lookup("Write-Output 8", None) is not None
    assert parse_cache.lookup("Write-Output 0", None) is None


def test_a_cached_run_needs_no_grammar(tmp_path):
    """The second run of a command line reads its tree: pyparsing is never imported."""
    env = dict(os.environ, PSHIM_HOME=str(tmp_path / "home"), PYTHONPATH=ROOT)
    code = ("import sys, runpy; sys.argv = ['pshim', '-NoProfile', '-Command', '$x = 6 * 7; \"answer $x\"'];\n"
            "try:\n    runpy.run_module('pshim', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('pyparsing' in sys.modules)")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert first.stdout.split() == ["answer", "42", "True"], first.stderr
    assert second.stdout.split() == ["answer", "42", "False"], second.stderr
    assert len(list((tmp_path / "home" / "cache" / "parse").glob("*.ast"))) == 1


def test_a_cached_script_reports_errors_at_its_lines(tmp_path):
    script = tmp_path / "s.ps1"
    script.write_text("$a = 1\n\nthrow 'bad thing'\n")
    env = dict(os.environ, PSHIM_HOME=str(tmp_path / "home"))
    runs = [subprocess.run([sys.executable, "-m", "pshim", "-NoProfile", "-File", str(script)], env=env,
                           capture_output=True, text=True, timeout=60, cwd=ROOT) for _ in range(2)]
    assert runs[0].stderr == runs[1].stderr
    assert "s.ps1:3 char:1" in runs[1].stderr and "bad thing" in runs[1].stderr


def test_source_text_and_extent_pickle_with_their_slots():
    s = SourceText("ab\ncd", "p")
    e = Extent(s, 3, 5)
    e2 = pickle.loads(pickle.dumps(e, protocol=5))
    assert (e2.text, e2.line, e2.column, e2.path) == ("cd", 2, 1, "p")
