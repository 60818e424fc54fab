"""Fuzz with a property: a generated arithmetic expression (integers and decimals, + - * / %, unary minus,
parentheses or bare precedence) parses, and evaluates to what a reference model of 5.1's arithmetic
computes: the same value and the same kind of number (Int32 stays Int32 while exact; `/` of two integers
is an integer when it divides evenly, else a Double; `%` keeps the dividend's sign; a Double anywhere
makes the result a Double and follows IEEE 754, also when dividing by zero), and division or remainder of
integers by zero is 5.1's error."""
import math
from fractions import Fraction

from hypothesis import assume, given, settings, strategies as st, HealthCheck

from pshim.language import parse
from pshim.testing import new_session, run

INT32 = 2 ** 31


class DivideByZero(Exception):
    pass


def _int(v):
    assert -INT32 <= v < INT32
    return v


def apply(op, a, b):
    """The reference: (value, is_double) pairs, with .NET's rules for Int32 and Double."""
    (x, xd), (y, yd) = a, b
    if xd or yd:
        x, y = float(x), float(y)
        if op == "+":
            return x + y, True
        if op == "-":
            return x - y, True
        if op == "*":
            return x * y, True
        if y == 0:      # Doubles follow IEEE 754: no error, an infinity or NaN
            if op == "%" or x == 0 or math.isnan(x):
                return math.nan, True
            return math.copysign(math.inf, x) * math.copysign(1.0, y), True
        if op == "/":
            return x / y, True
        if math.isinf(x) or math.isnan(x) or math.isnan(y):
            return math.nan, True
        return math.fmod(x, y), True
    if op == "+":
        return x + y, False
    if op == "-":
        return x - y, False
    if op == "*":
        return x * y, False
    if y == 0:
        raise DivideByZero
    if op == "/":
        q = Fraction(x, y)
        return (int(q), False) if q.denominator == 1 else (x / y, True)
    r = abs(x) % abs(y)
    return (-r if x < 0 else r), False


class Node:
    def __init__(self, text, value, kind="atom"):
        self.text = text
        self.value = value      # (number, is_double), DivideByZero, or None (left Int32: not generated)
        self.kind = kind        # "atom" (number, parentheses, unary minus), "add" (+ -) or "mul" (* / %)


leaves = st.one_of(st.integers(0, 40).map(lambda n: Node(str(n), (n, False))),
                   st.sampled_from(["0.5", "1.25", "2.0", "10.75", "3.5"]).map(lambda t: Node(t, (float(t), True))))


def _operand(node, bare):
    return node.text if bare else f"({node.text})"


def _combine(op, left, right, bare):
    """`left op right`; with `bare`, operands go without parentheses wherever precedence and left
    associativity keep the meaning (so the parser's precedence is tested as well)."""
    if left.value is DivideByZero or right.value is DivideByZero:
        value = DivideByZero
    elif left.value is None or right.value is None:
        value = None
    else:
        try:
            value = apply(op, left.value, right.value)
        except DivideByZero:
            value = DivideByZero
    if isinstance(value, tuple) and not value[1] and not -INT32 <= value[0] < INT32:
        value = None        # 5.1 widens an Int32 overflow; not what this test is about
    if op in "+-":
        lt = _operand(left, bare)
        rt = _operand(right, bare and right.kind in ("atom", "mul"))
        kind = "add"
    else:
        lt = _operand(left, bare and left.kind in ("atom", "mul"))
        rt = _operand(right, bare and right.kind == "atom")
        kind = "mul"
    return Node(f"{lt} {op} {rt}", value, kind)


@st.composite
def expressions(draw, depth=0):
    if depth >= 3 or draw(st.integers(0, 3)) == 0:
        node = draw(leaves)
    else:
        op = draw(st.sampled_from(["+", "-", "*", "/", "%"]))
        node = _combine(op, draw(expressions(depth + 1)), draw(expressions(depth + 1)), draw(st.booleans()))
    if draw(st.integers(0, 5)) == 0:
        # unary minus of a parenthesized operand
        v = node.value
        if isinstance(v, tuple):
            v = (-v[0], v[1]) if v[1] or -INT32 <= -v[0] < INT32 else None
        node = Node(f"-({node.text})", v)
    return node


_SESSION = []


def _session():
    if not _SESSION:
        _SESSION.append(new_session())
    return _SESSION[0]


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(expressions())
def test_expressions_evaluate_as_the_reference(node):
    assume(node.value is not None)
    parse(node.text)                        # every generated text is valid PowerShell
    r = run(node.text, session=_session())
    if node.value is DivideByZero:
        assert r.output == []
        assert [e.message() for e in r.errors] == ["Attempted to divide by zero."], node.text
        return
    assert r.errors == [], (node.text, [e.message() for e in r.errors])
    assert len(r.output) == 1, node.text
    got = r.output[0]
    value, is_double = node.value
    assert isinstance(got, float) == is_double, (node.text, got, node.value)
    assert got == value or (math.isnan(got) and math.isnan(value)), (node.text, got, value)


def test_reference_model_matches_known_5_1_results():
    """The model itself against results 5.1 gives (so the fuzz compares against the right thing)."""
    assert apply("/", (7, False), (2, False)) == (3.5, True)
    assert apply("/", (6, False), (2, False)) == (3, False)
    assert apply("%", (-7, False), (3, False)) == (-1, False)
    assert apply("%", (7.5, True), (2, False)) == (1.5, True)
    assert apply("/", (-1.5, True), (0, False)) == (-math.inf, True)
    assert apply("/", (1, False), (-0.0, True)) == (-math.inf, True)
    r = run("7 / 2; 6 / 2; -7 % 3; 7.5 % 2; 2 + 3 * 4 - 10 / 4; -1.5 / 0; -1 / (0 * -0.5)")
    assert r.output == [3.5, 3, -1, 1.5, 11.5, -math.inf, math.inf]
    assert isinstance(r.output[1], int) and isinstance(r.output[4], float)
