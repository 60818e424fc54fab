"""Parsed scripts and command lines kept on disk, so a repeated run skips the grammar.

A scheduled `pshim -File check.ps1` parses the same text every time; building the pyparsing
grammar and parsing cost more than the rest of start-up together. With the cache enabled
(`enable(directory)`, done by the command line for pshim's home: `$PSHIM_HOME/cache/parse`),
`parser.parse` looks a text up here before it parses, and stores what it parsed.

An entry is one file named by the BLAKE2b hash of the text, its path and the parser's code (the
Python version, pshim's __version__ when it has one, and the size and time of every module of
this package: the AST's classes and everything that builds them live here, so a new pshim or an
edited grammar never reads an old entry). The file is

    MAGIC | BLAKE2b-256 keyed with this home's key (a MAC) over body | body

where body is a pickle of the ScriptBlockAst. A file is only unpickled when its MAC verifies
with this home's key (`.key`, 32 random bytes, owner-only, made on first use), and then by an
unpickler that builds nothing but the AST's own classes: a corrupt, truncated, foreign (another
user's or machine's) or crafted file is a miss, parsed again and overwritten, never an error.
The text the AST was made from is compared with the text asked for before an entry is used.

Writes go to a temporary file renamed into place (two shells can store the same entry); a
process stores at most STORES_PER_PROCESS entries (a loop over Invoke-Expression does not fill
the disk), and its first store prunes the directory to the MAX_ENTRIES most recently used. A
command line (no path) that mentions a password, a token, a secret, an API key or -AsPlainText
is not stored, as PSReadLine keeps such lines out of its history. Parse errors are not
kept. Any OS error disables nothing but the one lookup or store it happened in.

Keyed BLAKE2b rather than the hmac module: the same guarantee, one import less at start-up.
Rejected: marshal (not safe against crafted data), JSON (three times slower to load than the
parse it saves for small scripts), one SQLite file (its import alone costs what a lookup saves).
"""
from __future__ import annotations

import io
import os
import re
import sys
import threading

try:                        # the C modules behind hashlib and pickle: hashlib loads OpenSSL first
    from _blake2 import blake2b        # (~5 ms) and pickle its Python half (~2 ms), neither needed here
except ImportError:         # pragma: no cover - an interpreter without the C module
    from hashlib import blake2b
try:
    import _pickle as pickle
except ImportError:         # pragma: no cover
    import pickle

MAGIC = b"PSHIMAST1\n"
MAX_ENTRIES = 1000
STORES_PER_PROCESS = 64
MAX_TEXT = 512 * 1024          # longer texts are parsed every time
_SUFFIX = ".ast"
# a command line that may hold a secret is not written down (PSReadLine's rule for its history);
# a script file is on disk already
_SENSITIVE = re.compile(r"password|asplaintext|token|apikey|secret", re.IGNORECASE)
_PROTOCOL = 5

_directory: str | None = None
_key: bytes | None = None
_fingerprint: bytes | None = None
_stores = 0
_pruned = False


def enable(directory: str) -> None:
    """Keep parsed texts in `directory` (made on first store)."""
    global _directory, _key, _stores, _pruned
    _directory = directory
    _key = None
    _stores = 0
    _pruned = False


def disable() -> None:
    global _directory, _key
    _directory = None
    _key = None


def enabled() -> bool:
    return _directory is not None


def _code_fingerprint() -> bytes:
    global _fingerprint
    if _fingerprint is None:
        h = blake2b(digest_size=32)
        here = os.path.dirname(os.path.abspath(__file__))
        version = getattr(sys.modules.get(__package__.rpartition(".")[0]), "__version__", "?")
        h.update(f"{version}|{sys.version}|{_PROTOCOL}".encode())
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                st = os.stat(os.path.join(here, name))
                h.update(f"|{name}:{st.st_size}:{st.st_mtime_ns}".encode())
        _fingerprint = h.digest()
    return _fingerprint


def _entry_path(text: str, path: str | None) -> str:
    h = blake2b(_code_fingerprint(), digest_size=32)
    h.update(b"\0" + (path or "").encode("utf-8", "surrogatepass") + b"\0")
    h.update(text.encode("utf-8", "surrogatepass"))
    return os.path.join(_directory, h.hexdigest() + _SUFFIX)


def _load_key(create: bool) -> bytes | None:
    """This home's key; made (owner-only) when `create` and there is none or it is not 32 bytes."""
    global _key
    if _key is not None:
        return _key
    key_path = os.path.join(_directory, ".key")
    try:
        with open(key_path, "rb") as fh:
            data = fh.read(64)
        if len(data) == 32:
            _key = data
            return _key
    except OSError:
        pass
    if not create:
        return None
    os.makedirs(_directory, mode=0o700, exist_ok=True)
    data = os.urandom(32)
    tmp = f"{key_path}.{os.getpid()}.{threading.get_ident()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    os.replace(tmp, key_path)
    _key = data
    return _key


def _mac(key: bytes, body: bytes) -> bytes:
    return blake2b(body, key=key, digest_size=32).digest()


def _same(a: bytes, b: bytes) -> bool:
    """Equal, in time that does not depend on where they differ."""
    if len(a) != len(b):
        return False
    diff = 0
    for x, y in zip(a, b):
        diff |= x ^ y
    return diff == 0


# --- reading ---------------------------------------------------------------------------------

class _AstUnpickler(pickle.Unpickler):
    """Builds the AST's classes and nothing else."""

    def find_class(self, module, name):
        if module == "pshim.language.ast":
            from . import ast as A
            cls = getattr(A, name, None)
            if isinstance(cls, type) and issubclass(cls, A.Ast):
                return cls
        elif module == "pshim.language.extent" and name in ("Extent", "SourceText"):
            from . import extent
            return getattr(extent, name)
        elif module == "decimal" and name == "Decimal":
            import decimal
            return decimal.Decimal
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a syntax tree")


def lookup(text: str, path: str | None):
    """The ScriptBlockAst stored for this text and path, or None."""
    if _directory is None or len(text) > MAX_TEXT:
        return None
    try:
        entry = _entry_path(text, path)
        with open(entry, "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    try:
        key = _load_key(create=False)
        if key is None or not data.startswith(MAGIC) or len(data) < len(MAGIC) + 32:
            return None
        mac = data[len(MAGIC):len(MAGIC) + 32]
        body = data[len(MAGIC) + 32:]
        if not _same(mac, _mac(key, body)):
            return None
        from . import ast as A
        tree = _AstUnpickler(io.BytesIO(body)).load()
        source = tree.extent.source if isinstance(tree, A.ScriptBlockAst) else None
        if source is None or source.text != text or source.path != path:
            return None
    except Exception:       # a corrupt entry is a miss, whatever the unpickler made of it
        return None
    try:
        os.utime(entry)     # most recently used
    except OSError:
        pass
    return tree


# --- writing ---------------------------------------------------------------------------------

def store(text: str, path: str | None, tree) -> None:
    """Keep a freshly parsed tree (before anyone has used it)."""
    global _stores
    if _directory is None or len(text) > MAX_TEXT or _stores >= STORES_PER_PROCESS:
        return
    if path is None and _SENSITIVE.search(text):
        return
    _stores += 1
    try:
        body = pickle.dumps(tree, protocol=_PROTOCOL)
    except Exception:       # a tree holding something that does not pickle is simply not kept
        return
    try:
        key = _load_key(create=True)
        entry = _entry_path(text, path)
        data = MAGIC + _mac(key, body) + body
        tmp = f"{entry}.{os.getpid()}.{threading.get_ident()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
        os.replace(tmp, entry)
        _prune_once()
    except OSError:
        return


def _prune_once() -> None:
    """Once per process: keep the MAX_ENTRIES most recently used entries."""
    global _pruned
    if _pruned:
        return
    _pruned = True
    entries = []
    with os.scandir(_directory) as it:
        for e in it:
            if e.name.endswith(_SUFFIX):
                try:
                    entries.append((e.stat().st_mtime_ns, e.path))
                except OSError:
                    pass
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort()
    for _, p in entries[:len(entries) - MAX_ENTRIES]:
        try:
            os.remove(p)
        except OSError:
            pass
