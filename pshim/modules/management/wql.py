"""WQL, as far as Get-CimInstance / Get-WmiObject -Filter and -Query need it.

`parse_query("SELECT a, b FROM Win32_X WHERE ...")` gives (properties or None for *, class name, where
text); `parse_where(text)` gives a predicate over a property getter. The WHERE grammar is WMI's: comparisons
(=, <>, !=, <, >, <=, >=) of a property with a literal (either side), LIKE with %, _, [abc] and [^abc],
IS [NOT] NULL, AND, OR, NOT and parentheses; strings in single or double quotes, numbers, TRUE, FALSE,
NULL. String comparisons ignore case, as WMI's do. Anything else raises WqlError (5.1: "Invalid query").
"""
from __future__ import annotations

import datetime as _dt
import re

_TOKEN = re.compile(r"""\s*(?:(?P<str>'(?:[^']|'')*'|"(?:[^"\\]|\\.)*")|(?P<num>-?\d+(?:\.\d+)?)|
                         (?P<op><>|!=|<=|>=|=|<|>)|(?P<paren>[(),*])|(?P<word>[A-Za-z_][A-Za-z0-9_.]*))""", re.X)


class WqlError(Exception):
    pass


def _tokens(text: str):
    pos, out = 0, []
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise WqlError(text)
        pos = m.end()
        kind = m.lastgroup
        val = m.group(kind)
        if kind == "str":
            q = val[0]
            val = val[1:-1].replace("''", "'") if q == "'" else re.sub(r"\\(.)", r"\1", val[1:-1])
        out.append((kind, val))
    return out


def parse_query(text: str):
    """(property names or None for *, class name, WHERE text or None) of a WQL SELECT."""
    m = re.match(r"^\s*select\s+(?P<props>.+?)\s+from\s+(?P<cls>[A-Za-z_][A-Za-z0-9_]*)\s*(?:where\s+(?P<where>.+))?$",
                 text, re.I | re.S)
    if m is None:
        raise WqlError(text)
    props = m.group("props").strip()
    names = None if props == "*" else [p.strip() for p in props.split(",")]
    if names is not None and not all(re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", n) for n in names):
        raise WqlError(text)
    return names, m.group("cls"), m.group("where")


def _like(pattern: str):
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "%":
            out.append(".*")
        elif c == "_":
            out.append(".")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                raise WqlError(pattern)
            body = pattern[i + 1:j]
            neg = body.startswith("^")
            body = body[1:] if neg else body
            out.append("[" + ("^" if neg else "") + re.escape(body).replace("\\-", "-") + "]")
            i = j
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("^" + "".join(out) + "$", re.I | re.S)


def _norm(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, _dt.datetime):
        return v.strftime("%Y%m%d%H%M%S")
    return None if v is None else str(v).lower()


def _literal(kind, val):
    if kind == "str":
        return val
    if kind == "num":
        return float(val)
    low = val.lower()
    if low == "true":
        return True
    if low == "false":
        return False
    if low == "null":
        return None
    raise WqlError(val)


def _compare(left, op, right):
    a, b = _norm(left), _norm(right)
    if isinstance(b, bool) and not isinstance(a, bool) and a is not None:
        a = bool(a)
    if isinstance(b, float) and isinstance(a, str):
        try:
            a = float(a)
        except ValueError:
            return False
    if isinstance(a, float) and isinstance(b, str):
        try:
            b = float(b)
        except ValueError:
            return False
    if a is None or b is None:
        return False if op not in ("<>", "!=") else (a is None) != (b is None)
    try:
        return {"=": a == b, "<>": a != b, "!=": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]
    except TypeError:
        return False


class _Parser:
    def __init__(self, text):
        self.toks = _tokens(text)
        self.i = 0

    def peek(self, k=0):
        return self.toks[self.i + k] if self.i + k < len(self.toks) else (None, None)

    def word(self, w):
        kind, val = self.peek()
        return kind == "word" and val.lower() == w

    def take(self):
        t = self.peek()
        if t[0] is None:
            raise WqlError("end")
        self.i += 1
        return t

    def parse(self):
        pred = self.or_()
        if self.i != len(self.toks):
            raise WqlError("trailing")
        return pred

    def or_(self):
        left = self.and_()
        while self.word("or"):
            self.i += 1
            right = self.and_()
            left = (lambda a, b: lambda get: a(get) or b(get))(left, right)
        return left

    def and_(self):
        left = self.not_()
        while self.word("and"):
            self.i += 1
            right = self.not_()
            left = (lambda a, b: lambda get: a(get) and b(get))(left, right)
        return left

    def not_(self):
        if self.word("not"):
            self.i += 1
            inner = self.not_()
            return lambda get: not inner(get)
        if self.peek() == ("paren", "("):
            self.i += 1
            inner = self.or_()
            if self.take() != ("paren", ")"):
                raise WqlError(")")
            return inner
        return self.comparison()

    def comparison(self):
        k1, v1 = self.take()
        if k1 == "word" and v1.lower() not in ("true", "false", "null"):
            prop = v1
            if self.word("is"):
                self.i += 1
                negate = self.word("not")
                if negate:
                    self.i += 1
                if not self.word("null"):
                    raise WqlError("is")
                self.i += 1
                return lambda get: (get(prop) is None) != negate
            if self.word("like") or (self.word("not") and self.peek(1)[1] and self.peek(1)[1].lower() == "like"):
                negate = self.word("not")
                self.i += 2 if negate else 1
                k, pattern = self.take()
                if k != "str":
                    raise WqlError("like")
                rx = _like(pattern)
                return lambda get: (get(prop) is not None and bool(rx.match(str(get(prop))))) != negate
            k, op = self.take()
            if k != "op":
                raise WqlError(op)
            k2, v2 = self.take()
            value = _literal(k2, v2)
            return lambda get: _compare(get(prop), op, value)
        value = _literal(k1, v1)
        k, op = self.take()
        if k != "op":
            raise WqlError(op)
        k2, prop = self.take()
        if k2 != "word":
            raise WqlError(prop)
        flipped = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op, op)
        return lambda get: _compare(get(prop), flipped, value)


def parse_where(text: str):
    """A predicate(get) for a WHERE clause; get(name) returns a property's value (KeyError: no such property)."""
    return _Parser(text).parse()


def where_properties(text: str) -> list[str]:
    """The property names a WHERE clause mentions (to check that they exist)."""
    keywords = {"and", "or", "not", "like", "is", "null", "true", "false"}
    return [v for k, v in _tokens(text) if k == "word" and v.lower() not in keywords]
