"""The Should operators: each decides pass or fail and words its failure as Pester 5 does.

An operator is `fn(ctx, actual, negate, because, p) -> (succeeded, message, data)`; `p` holds the
operator's named values (ExpectedValue, RegularExpression, ExpectedMessage, ...). OPERATORS maps each
operator name to (function, takes the whole pipeline input as one array, name of the parameter that
the first positional argument fills)."""
from __future__ import annotations

import os

from ...errors import ArgumentException, PSException, RuntimeException
from ...runtime import conversion as cv
from ...runtime.operators import binary_op
from ...runtime.psobject import Hashtable, unwrap, PSObject
from .values import format_nicely as fmt, format_because, is_array, join_and, type_display, full_type_name

_EQ, _CEQ = binary_op("eq"), binary_op("ceq")
_GT, _GE, _LT, _LE = binary_op("gt"), binary_op("ge"), binary_op("lt"), binary_op("le")
_LIKE, _CLIKE = binary_op("like"), binary_op("clike")
_MATCH, _CMATCH = binary_op("match"), binary_op("cmatch")
_CONTAINS = binary_op("contains")

PASS = (True, None, None)


def _fail(message):
    return (False, message, None)


def _b(p):
    return format_because(p.get("Because"))


# -- Be / BeExactly -------------------------------------------------------------

def _as_items(v):
    if v is None:
        return None
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


def _null_or_empty_items(items):
    return items is None or len(items) == 0 or (len(items) == 1 and items[0] is None)


def arrays_equal(first, second, case_sensitive=False, depth=0):
    if depth > 100:
        raise RuntimeException("Reached the recursion depth limit of 100 when comparing arrays. "
                               "Is one of your arrays cyclic?")
    a, e = _as_items(first), _as_items(second)
    an, en = _null_or_empty_items(a), _null_or_empty_items(e)
    if an or en:
        return an and en
    if len(a) != len(e):
        return False
    eq = _CEQ if case_sensitive else _EQ
    for x, y in zip(a, e):
        if is_array(x) or is_array(y):
            if not arrays_equal(x, y, case_sensitive, depth + 1):
                return False
        elif not cv.to_bool(eq(y, x)):
            return False
    return True


def _unroll(v):
    """`$($v)`: a one-item array becomes its item, an empty one $null."""
    if isinstance(v, (list, tuple)):
        if len(v) == 0:
            return None
        if len(v) == 1:
            return v[0]
    return v


def _escape_controls(s: str) -> str:
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0") \
        .replace("\b", "\\b")


def _excerpt(text: str, diff: int, line_length: int, context: int):
    marker = "..."
    n = len(text)
    minimum = context + len(marker) + 1 + len(marker) + context
    if line_length < minimum or n <= line_length:
        return text, diff
    shift = max(0, diff - (line_length - 1 - context - len(marker)))
    shifted = text[shift:]
    if len(shifted) < n:
        shifted = marker + shifted[len(marker):]
    if len(shifted) > line_length:
        shifted = shifted[:line_length - len(marker)] + marker
    return shifted, diff - shift


def compare_strings_message(expected: str, actual: str, case_sensitive: bool, because, width=120,
                            depth=1) -> str | None:
    n = max(len(expected), len(actual))
    diff = None
    for i in range(n):
        e = expected[i] if i < len(expected) else None
        a = actual[i] if i < len(actual) else None
        if e is None or a is None:
            diff = i
            break
        if case_sensitive and e != a:
            diff = i
            break
        if e.lower() != a.lower():
            diff = i
            break
    if diff is None:
        return None
    lines = [f"Expected strings to be the same,{format_because(because)} but they were different."]
    if len(expected) != len(actual):
        lines += [f"Expected length: {len(expected)}", f"Actual length:   {len(actual)}",
                  f"Strings differ at index {diff}."]
    else:
        lines += [f"String lengths are both {len(expected)}.", f"Strings differ at index {diff}."]
    surround = len("Expected: ''")
    available = width - surround - (depth + 3)
    context = width // 7
    exp_line, _ = _excerpt(_escape_controls(expected), diff, available, context)
    act_line, act_diff = _excerpt(_escape_controls(actual), diff, available, context)
    lines.append(f"Expected: '{exp_line}'")
    lines.append(f"But was:  '{act_line}'")
    lines.append(" " * (surround - 1) + "-" * act_diff + "^")
    return "\n".join(lines)


def _be(case_sensitive):
    def op(ctx, actual, negate, because, p):
        expected = p.get("ExpectedValue")
        ok = arrays_equal(actual, expected, case_sensitive)
        if ok != negate:
            return PASS
        if negate:
            same = "exactly the same value" if case_sensitive else "the same value"
            return _fail(f"Expected {fmt(expected)} to be different from the actual value,{format_because(because)}"
                         f" but got {same}.")
        a, e = _unroll(actual), _unroll(expected)
        if isinstance(a, str) and isinstance(e, str):
            msg = compare_strings_message(e, a, case_sensitive, because, width=p.get("__width", 120),
                                          depth=p.get("__depth", 1))
            if msg is not None:
                return _fail(msg)
        word = "exactly " if case_sensitive else ""
        return _fail(f"Expected {word}{fmt(e)},{format_because(because)} but got {fmt(a)}.")
    return op


# -- null, booleans, types ------------------------------------------------------

def _be_null_or_empty(ctx, actual, negate, because, p):
    items = _as_items(actual)
    if items is None or len(items) == 0:
        ok = True
    elif len(items) == 1:
        v = unwrap(items[0])
        if isinstance(v, (Hashtable, dict)):
            ok = len(v) == 0
        else:
            ok = v is None or cv.to_string(v) == ""
    else:
        ok = False
    if ok != negate:
        return PASS
    if negate:
        return _fail(f"Expected a value,{format_because(because)} but got $null or empty.")
    return _fail(f"Expected $null or empty,{format_because(because)} but got {fmt(items)}.")


def _be_true(ctx, actual, negate, because, p):
    if negate:
        return _be_false(ctx, actual, False, because, p)
    if not cv.to_bool(actual):
        return _fail(f"Expected $true,{format_because(because)} but got {fmt(actual)}.")
    return PASS


def _be_false(ctx, actual, negate, because, p):
    if negate:
        return _be_true(ctx, actual, False, because, p)
    if cv.to_bool(actual):
        return _fail(f"Expected $false,{format_because(because)} but got {fmt(actual)}.")
    return PASS


def parse_type(value):
    from ...runtime.types import PSType, try_resolve_type
    v = unwrap(value)
    if isinstance(v, PSType):
        return v
    name = cv.to_string(v)
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    t = try_resolve_type(name)
    if t is None:
        raise ArgumentException(f"Could not find type [{name}]. Make sure that the assembly that contains that "
                                "type is loaded.", error_id="ArgumentException")
    return t


def _is_of_type(value, t) -> bool:
    from ...runtime.operators import op_is
    return cv.to_bool(op_is(value, t))


def _be_of_type(ctx, actual, negate, because, p):
    t = parse_type(p.get("ExpectedType"))
    ok = actual is not None and _is_of_type(actual, t)
    if ok != negate:
        return PASS
    actual_type = "$null" if actual is None else type_display(full_type_name(actual))
    word = "not have" if negate else "have"
    return _fail(f"Expected the value to {word} type {type_display(t)} or any of its subtypes,"
                 f"{format_because(because)} but got {fmt(actual)} with type {actual_type}.")


# -- comparisons ----------------------------------------------------------------

def _compare(test, text, opposite):
    def op(ctx, actual, negate, because, p):
        if negate:
            return OPERATORS[opposite][0](ctx, actual, False, because, p)
        expected = p.get("ExpectedValue")
        if cv.to_bool(test(actual, expected)):
            return _fail(f"Expected the actual value to be {text} {fmt(expected)},{format_because(because)}"
                         f" but got {fmt(actual)}.")
        return PASS
    return op


# -- text -----------------------------------------------------------------------

def _pattern(fn, positive, negative, key):
    def op(ctx, actual, negate, because, p):
        pattern = p.get(key)
        ok = cv.to_bool(fn(actual, pattern))
        if ok != negate:
            return PASS
        head, tail = (negative, "but it did match") if negate else (positive, "but it did not match")
        return _fail(head.format(e=fmt(pattern), a=fmt(actual)) + f",{format_because(because)} {tail}.")
    return op


# -- collections ----------------------------------------------------------------

def _contain(ctx, actual, negate, because, p):
    expected = p.get("ExpectedValue")
    coll = actual if isinstance(actual, (list, tuple)) else ([] if actual is None else [actual])
    ok = cv.to_bool(_CONTAINS(list(coll), expected))
    if ok != negate:
        return PASS
    if negate:
        return _fail(f"Expected {fmt(expected)} to not be found in collection {fmt(actual)},"
                     f"{format_because(because)} but it was found.")
    return _fail(f"Expected {fmt(expected)} to be found in collection {fmt(actual)},{format_because(because)}"
                 " but it was not found.")


def _be_in(ctx, actual, negate, because, p):
    expected = p.get("ExpectedValue")
    coll = expected if isinstance(expected, (list, tuple)) else [expected]
    ok = cv.to_bool(_CONTAINS(list(coll), actual))
    if ok != negate:
        return PASS
    if negate:
        return _fail(f"Expected collection {fmt(expected)} to not contain {fmt(actual)},"
                     f"{format_because(because)} but it was found.")
    return _fail(f"Expected collection {fmt(expected)} to contain {fmt(actual)},{format_because(because)}"
                 " but it was not found.")


def _have_count(ctx, actual, negate, because, p):
    expected = cv.to_int(p.get("ExpectedValue"))
    if expected < 0:
        raise ArgumentException("Excpected collection size must be greater than or equal to 0.")
    count = 0 if actual is None else (len(actual) if isinstance(actual, (list, tuple)) else 1)
    ok = count == expected
    if ok != negate:
        return PASS
    b = format_because(because)
    if negate:
        expect = "Expected a non-empty collection" if expected == 0 else \
            f"Expected a collection with size different from {fmt(expected)}"
        but = f"but got collection with that size {fmt(actual)}." if count != 0 else "but got an empty collection."
    else:
        expect = "Expected an empty collection" if expected == 0 else \
            f"Expected a collection with size {fmt(expected)}"
        but = f"but got collection with size {fmt(count)} {fmt(actual)}." if count != 0 else \
            "but got an empty collection."
    return _fail(f"{expect},{b} {but}")


# -- files ----------------------------------------------------------------------

def _exist(ctx, actual, negate, because, p):
    from .calls import call_command
    named = {"LiteralPath": actual} if p.get("LiteralPath") else {"Path": actual}
    try:
        ok = bool(actual is not None and cv.to_bool(_first(call_command(ctx, "Microsoft.PowerShell.Management\\Test-Path",
                                                                          named=named))))
    except PSException:
        ok = False
    if ok != negate:
        return PASS
    if negate:
        return _fail(f"Expected path {fmt(actual)} to not exist,{format_because(because)} but it did exist.")
    return _fail(f"Expected path {fmt(actual)} to exist,{format_because(because)} but it did not exist.")


def _first(items):
    return items[0] if items else None


def _file_lines(ctx, path):
    from .calls import call_command
    return call_command(ctx, "Microsoft.PowerShell.Management\\Get-Content", [path], {"Encoding": "UTF8"})


def _file_content(case_sensitive, multiline):
    def op(ctx, actual, negate, because, p):
        pattern = p.get("ExpectedContent")
        if multiline:
            from .calls import call_command
            text = _first(call_command(ctx, "Microsoft.PowerShell.Management\\Get-Content", [actual],
                                       {"Encoding": "UTF8", "Raw": True})) or ""
            ok = cv.to_bool((_CMATCH if case_sensitive else _MATCH)(text, pattern))
        else:
            lines = _file_lines(ctx, actual)
            ok = len((_CMATCH if case_sensitive else _MATCH)(list(lines), pattern)) > 0
        if ok != negate:
            return PASS
        where = "in file " + (fmt(actual) if case_sensitive or multiline else f"'{cv.to_string(actual)}'")
        how = "to be case sensitively found" if case_sensitive else "to be found"
        if negate:
            how = how.replace("to be", "to not be")
        tail = "but it was found" if negate else "but it was not found"
        return _fail(f"Expected {fmt(pattern)} {how} {where},{format_because(because)} {tail}.")
    return op


# -- Throw ----------------------------------------------------------------------

def _exception_line(rec) -> str:
    inv = getattr(rec, "invocation", None)
    ext = getattr(inv, "extent", None) if inv is not None else None
    if ext is None:
        return ""
    text = ext.position_message()
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if lines and lines[0].startswith("At "):
        lines[0] = "from " + lines[0][3:]
    return "\n    ".join(lines)


def _throw(ctx, actual, negate, because, p):
    from ...runtime.scriptblock import ScriptBlock
    from ...runtime.compile_stmt import as_ps_exception, error_record_of
    from .calls import call_command
    sb = unwrap(actual)
    if not isinstance(sb, ScriptBlock):
        raise ArgumentException("Input is missing or not a ScriptBlock. Input to '-Throw' and '-Not -Throw' must "
                                "be enclosed in curly braces.")
    thrown = None
    c = ctx.child(ctx.scope)
    c.in_try = ctx.in_try + 1
    try:
        call_command(c, sb)
    except PSException as e:
        thrown = e
    except Exception as e:      # a Python error of the engine is still an exception of the script
        thrown = as_ps_exception(e)
    rec = error_record_of(thrown) if thrown is not None else None
    message = thrown.message if thrown is not None else ""
    line = _exception_line(rec) if rec is not None else ""
    b = format_because(because)
    if negate:
        if thrown is None:
            return PASS
        return _fail(f"Expected no exception to be thrown,{b} but an exception \"{message}\" was thrown {line}.")
    filters, buts = [], []
    etype = p.get("ExceptionType")
    if etype is not None:
        t = parse_type(etype)
        filters.append(f"type {type_display(t)}")
        if thrown is not None and not _is_of_type(thrown, t):
            buts.append(f"the exception type was {type_display(full_type_name(thrown))}")
    emsg = p.get("ExpectedMessage")
    if emsg is not None and cv.to_string(emsg).strip():
        emsg = cv.to_string(emsg)
        filters.append(f"message like {fmt(_unescape_wildcard(emsg))}")
        if thrown is not None and not cv.to_bool(_LIKE(message, emsg)):
            buts.append(f"the message was {fmt(message)}")
    eid = p.get("ErrorId")
    if eid is not None and cv.to_string(eid).strip():
        eid = cv.to_string(eid)
        filters.append(f"FullyQualifiedErrorId {fmt(eid)}")
        fqid = rec.FullyQualifiedErrorId if rec is not None else ""
        if thrown is not None and not cv.to_bool(_LIKE(fqid, eid)):
            buts.append(f"the FullyQualifiedErrorId was {fmt(fqid)}")
    if thrown is None:
        buts.append("no exception was thrown")
    if buts:
        flt = join_and(filters)
        text = f"Expected an exception{' with ' + flt if flt else ''} to be thrown,{b} but {join_and(buts)}. {line}"
        return _fail(text.strip())
    return (True, None, rec if p.get("PassThru") else None)


def _unescape_wildcard(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i] == "`" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
            continue
        out.append(s[i])
        i += 1
    return "".join(out)


# -- HaveParameter --------------------------------------------------------------

def _have_parameter(ctx, actual, negate, because, p):
    md = command_metadata(unwrap(actual))
    if md is None:
        raise RuntimeException("Input value must be non-null CommandInfo object. You can get one by calling "
                               "Get-Command.")
    name = cv.to_string(p.get("ParameterName"))
    param = None
    for q in md.own_parameters:
        if q.name.lower() == name.lower():
            param = q
    filters = [f"to{' not' if negate else ''} have a parameter {name}"]
    buts = []
    checks = [k for k in ("Mandatory", "Type", "DefaultValue", "HasArgumentCompleter") if k in p]
    if not negate and param is None:
        buts.append("the parameter is missing")
    elif negate and param is None:
        return PASS
    elif negate and not checks and not p.get("Alias"):
        buts.append("the parameter exists")
    else:
        if "Mandatory" in p:
            want = cv.to_bool(p["Mandatory"])
            is_mand = param.mandatory_anywhere
            filters.append(f"which is{' not' if negate or not want else ''} mandatory")
            if negate:
                if want and is_mand:
                    buts.append("it was mandatory")
            elif want and not is_mand:
                buts.append("it wasn't mandatory")
            elif not want and is_mand:
                buts.append("it was mandatory")
        if p.get("Type") is not None:
            t = parse_type(p["Type"])
            actual_name = _param_type_name(param)
            same = actual_name.lower() == t.full_name.lower()
            filters.append(f"{'not ' if negate else ''}of type [{t.full_name}]")
            if not negate and not same:
                buts.append(f"it was of type [{actual_name}]")
            elif negate and same:
                buts.append(f"it was of type [{t.full_name}]")
        if "DefaultValue" in p:
            want = cv.to_string(p["DefaultValue"])
            actual_default = _default_text(param)
            same = actual_default.lower() == want.lower()
            filters.append(f"the default value{' not' if negate else ''} to be {fmt(want)}")
            if not negate and not same:
                buts.append(f"the default value was {fmt(actual_default)}")
            elif negate and same:
                buts.append(f"the default value was {fmt(want)}")
        if "HasArgumentCompleter" in p:
            want = cv.to_bool(p["HasArgumentCompleter"])
            has = getattr(param, "completer", None) is not None
            filters.append(f"with{'out' if negate or not want else ''} ArgumentCompletion")
            if negate:
                if want and has:
                    buts.append("it has ArgumentCompletion")
            elif want and not has:
                buts.append("it has no ArgumentCompletion")
            elif not want and has:
                buts.append("it has ArgumentCompletion")
        if p.get("Alias"):
            alias = cv.to_string(p["Alias"])
            present = alias.lower() in (a.lower() for a in param.aliases)
            filters.append(f"to{' not' if negate else ''} have an alias '{alias}'")
            if not negate and not present:
                buts.append(f"it didn't have an alias '{alias}'")
            elif negate and present:
                buts.append(f"it had an alias '{alias}'")
    if buts:
        flt = filters[0] if len(filters) < 3 else join_and(filters)
        if len(filters) == 2:
            flt = ", ".join(filters)
        cmd_name = getattr(md, "name", "")
        return _fail(f"Expected command {cmd_name} {flt},{format_because(because)} but {join_and(buts)}.")
    return PASS


def command_metadata(cmd):
    """The parameters of a command object (Get-Command's output, a cmdlet or function entry)."""
    from ...runtime.scriptblock import FunctionInfo
    if isinstance(cmd, FunctionInfo):
        return cmd.metadata
    load = getattr(cmd, "load", None)
    if load is not None and getattr(cmd, "kind", None) == "cmdlet":
        return load().metadata()
    return None


def _param_type_name(param) -> str:
    try:
        return param.type_obj.full_name
    except PSException:
        return param.type


def _default_text(param) -> str:
    ast = getattr(param, "default_ast", None)
    if ast is None or ast.extent is None:
        return ""
    text = ast.extent.text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


OPERATORS = {
    "Be": (_be(False), True, "ExpectedValue"),
    "BeExactly": (_be(True), True, "ExpectedValue"),
    "BeNullOrEmpty": (_be_null_or_empty, True, None),
    "BeTrue": (_be_true, False, None),
    "BeFalse": (_be_false, False, None),
    "BeOfType": (_be_of_type, False, "ExpectedType"),
    "BeGreaterThan": (_compare(_LE, "greater than", "BeLessOrEqual"), False, "ExpectedValue"),
    "BeLessOrEqual": (_compare(_GT, "less than or equal to", "BeGreaterThan"), False, "ExpectedValue"),
    "BeLessThan": (_compare(_GE, "less than", "BeGreaterOrEqual"), False, "ExpectedValue"),
    "BeGreaterOrEqual": (_compare(_LT, "greater than or equal to", "BeLessThan"), False, "ExpectedValue"),
    "Match": (_pattern(_MATCH, "Expected regular expression {e} to match {a}",
                       "Expected regular expression {e} to not match {a}", "RegularExpression"),
              False, "RegularExpression"),
    "MatchExactly": (_pattern(_CMATCH, "Expected regular expression {e} to case sensitively match {a}",
                              "Expected regular expression {e} to not case sensitively match {a}",
                              "RegularExpression"), False, "RegularExpression"),
    "BeLike": (_pattern(_LIKE, "Expected like wildcard {e} to match {a}",
                        "Expected like wildcard {e} to not match {a}", "ExpectedValue"), False, "ExpectedValue"),
    "BeLikeExactly": (_pattern(_CLIKE, "Expected case sensitive like wildcard {e} to match {a}",
                               "Expected case sensitive like wildcard {e} to not match {a}", "ExpectedValue"),
                      False, "ExpectedValue"),
    "Contain": (_contain, True, "ExpectedValue"),
    "BeIn": (_be_in, False, "ExpectedValue"),
    "HaveCount": (_have_count, True, "ExpectedValue"),
    "Exist": (_exist, False, None),
    "FileContentMatch": (_file_content(False, False), False, "ExpectedContent"),
    "FileContentMatchExactly": (_file_content(True, False), False, "ExpectedContent"),
    "FileContentMatchMultiline": (_file_content(False, True), False, "ExpectedContent"),
    "Throw": (_throw, False, "ExpectedMessage"),
    "HaveParameter": (_have_parameter, False, "ParameterName"),
}

# Pester's operator aliases
ALIASES = {"EQ": "Be", "CEQ": "BeExactly", "GT": "BeGreaterThan", "LE": "BeLessOrEqual", "LT": "BeLessThan",
           "GE": "BeGreaterOrEqual", "HaveType": "BeOfType", "CMATCH": "MatchExactly"}
