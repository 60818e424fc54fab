"""`Should`: one command for every assertion (`$x | Should -Be 5`, `Should -Not -BeNullOrEmpty`,
`{ ... } | Should -Throw`, `Should -Invoke Get-Thing -Times 1`), and the Pester 3/4 spelling without
dashes (`$x | Should Be 5`). A failed assertion is a terminating error with FullyQualifiedErrorId
PesterAssertionFailed whose target carries the message, file, line and line text (Pester 5's shape),
so the runner can report `at <line>, <file>:<n>`."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ErrorRecord, InvocationInfo, PSException, ParameterBindingException
from ...runtime import conversion as cv
from ...runtime.psobject import Hashtable
from .should_operators import OPERATORS, ALIASES

_OPERATOR_NAMES = {n.lower(): n for n in list(OPERATORS) + ["Invoke", "InvokeVerifiable"]}
_OPERATOR_NAMES.update({a.lower(): t for a, t in ALIASES.items()})


class AssertionFailed(PSException):
    """The exception of a failed Should (a System.Exception, as Pester throws)."""
    ps_type = "System.Exception"
    script_terminating = True


def assertion_error(message: str, extent) -> AssertionFailed:
    file = extent.path if extent is not None and extent.path else ""
    line = extent.line if extent is not None else 0
    line_text = ""
    if extent is not None and extent.source is not None:
        line_text = extent.source.line_text(extent.line).rstrip("\r\n")
    target = Hashtable({"Message": message, "File": file, "Line": str(line), "LineText": line_text,
                        "Terminating": True})
    exc = AssertionFailed(message, error_id="PesterAssertionFailed", category="InvalidResult", target=target)
    rec = ErrorRecord(exc, "PesterAssertionFailed", "InvalidResult", target, InvocationInfo(None, extent))
    exc.error_record = rec
    return exc


def _switch(name, aliases=()):
    return Parameter("switch", name=name, aliases=aliases)


class ShouldCommand(Cmdlet):
    name = "Should"
    module_name = "Pester"
    synopsis = "Asserts a value: the test fails when the assertion does not hold."

    ActualValue = Parameter("object", value_from_pipeline=True)
    # positional values: the operator's own (ExpectedValue, RegularExpression, ...) or, in the Pester 3/4
    # form, the operator's name itself (`Should Not Be 5`)
    Arg0 = Parameter("object", position=0, dont_show=True)
    Arg1 = Parameter("object", position=1, dont_show=True)
    Arg2 = Parameter("object", position=2, dont_show=True)
    Not = _switch("Not")
    Because = Parameter("object")
    ExpectedValue = Parameter("object")
    ExpectedType = Parameter("object")
    RegularExpression = Parameter("object")
    ExpectedContent = Parameter("object")
    ExpectedMessage = Parameter("string")
    ErrorId = Parameter("string")
    ExceptionType = Parameter("object")
    PassThru = _switch("PassThru")
    LiteralPath = _switch("LiteralPath")
    ParameterName = Parameter("string")
    Type = Parameter("object")
    DefaultValue = Parameter("object")
    Mandatory = _switch("Mandatory")
    HasArgumentCompleter = _switch("HasArgumentCompleter")
    Alias = Parameter("string")
    CommandName = Parameter("string")
    Times = Parameter("int")
    Exactly = _switch("Exactly")
    Scope = Parameter("string")
    ParameterFilter = Parameter("scriptblock")
    ExclusiveFilter = Parameter("scriptblock")
    ModuleName = Parameter("string")
    Be = _switch("Be", ("EQ",))
    BeExactly = _switch("BeExactly", ("CEQ",))
    BeNullOrEmpty = _switch("BeNullOrEmpty")
    BeTrue = _switch("BeTrue")
    BeFalse = _switch("BeFalse")
    BeOfType = _switch("BeOfType", ("HaveType",))
    BeGreaterThan = _switch("BeGreaterThan", ("GT",))
    BeLessThan = _switch("BeLessThan", ("LT",))
    BeGreaterOrEqual = _switch("BeGreaterOrEqual", ("GE",))
    BeLessOrEqual = _switch("BeLessOrEqual", ("LE",))
    Match = _switch("Match")
    MatchExactly = _switch("MatchExactly", ("CMATCH",))
    BeLike = _switch("BeLike")
    BeLikeExactly = _switch("BeLikeExactly")
    Contain = _switch("Contain")
    BeIn = _switch("BeIn")
    HaveCount = _switch("HaveCount")
    HaveParameter = _switch("HaveParameter")
    Throw = _switch("Throw")
    Exist = _switch("Exist")
    FileContentMatch = _switch("FileContentMatch")
    FileContentMatchExactly = _switch("FileContentMatchExactly")
    FileContentMatchMultiline = _switch("FileContentMatchMultiline")
    Invoke = _switch("Invoke")
    InvokeVerifiable = _switch("InvokeVerifiable")

    def begin(self):
        self.inputs = []
        self.had_input = False

    def process(self):
        if self.processor.expects_input:
            self.had_input = True
            self.inputs.append(self.bound.get("ActualValue"))

    def end(self):
        operator, negate, rest = self._operator()
        values = self._values(operator, rest)
        if not self.had_input and "ActualValue" in self.bound:
            self.inputs = [self.bound["ActualValue"]]
            self.had_input = True
        if operator in ("Invoke", "InvokeVerifiable"):
            from .mocks import should_invoke, should_invoke_verifiable
            fn = should_invoke if operator == "Invoke" else should_invoke_verifiable
            ok, message = fn(self.ctx, negate, values)
            if not ok:
                self._failed(message)
            return
        fn, whole_input, _ = OPERATORS[operator]
        from .engine import current_depth
        values["__width"] = self.host.ui_width() or 120
        values["__depth"] = current_depth(self.ctx)
        because = values.get("Because")
        if not self.had_input:
            items = [None]
        elif whole_input:
            items = [list(self.inputs)]
        else:
            items = self.inputs
        for item in items:
            ok, message, data = fn(self.ctx, item, negate, because, values)
            if not ok:
                self._failed(message)
            elif data is not None:
                self.write_object(data)

    def _failed(self, message):
        exc = assertion_error(message, self.processor.extent)
        action = (self.processor.error_action or "").lower()
        if not action:
            from .engine import current_runner
            runner = current_runner(self.ctx)
            action = "continue" if runner is not None and runner.should_continue else "stop"
        if action in ("continue", "silentlycontinue"):
            from .engine import collect_failure
            if collect_failure(self.ctx, exc):
                return
        raise exc

    def _operator(self):
        """The operator, -Not, and the positional arguments left for the operator's values."""
        rest = [self.bound[k] for k in ("Arg0", "Arg1", "Arg2") if k in self.bound]
        negate = bool(self.bound.get("Not"))
        chosen = [n for n in _OPERATOR_NAMES.values() if self.bound.get(n)]
        chosen = list(dict.fromkeys(chosen))
        if len(chosen) > 1:
            raise self._binding("Parameter set cannot be resolved using the specified named parameters.",
                                "AmbiguousParameterSet")
        if chosen:
            return chosen[0], negate, rest
        # the Pester 3/4 form: Should [Not] Be 5
        if rest and isinstance(rest[0], str) and rest[0].lower() == "not":
            negate = True
            rest = rest[1:]
        if rest and isinstance(rest[0], str) and rest[0].lower() in _OPERATOR_NAMES:
            return _OPERATOR_NAMES[rest[0].lower()], negate, rest[1:]
        raise self._binding("Could not find an assertion operator. Use one of Should's operators, for example "
                            "Should -Be.", "ShouldOperatorMissing")

    def _values(self, operator, rest):
        values = {}
        for k, v in self.bound.items():
            if k not in ("ActualValue", "Arg0", "Arg1", "Arg2", "Not") and k not in _OPERATOR_NAMES.values():
                values[k] = v
        if operator == "Invoke":
            slots = ["CommandName", "Times"]
        elif operator in OPERATORS:
            first = OPERATORS[operator][2]
            slots = [first] if first else []
        else:
            slots = []
        for slot in slots:
            if not rest:
                break
            if slot not in values:
                values[slot] = rest.pop(0)
        if rest:
            raise self._binding(f"A positional parameter cannot be found that accepts argument "
                                f"'{cv.to_string(rest[0])}'.", "PositionalParameterNotFound")
        if operator == "Invoke" and "Times" in values:
            values["Times"] = cv.to_int(values["Times"])
        return values

    def _binding(self, message, error_id):
        exc = ParameterBindingException(message, error_id=error_id, category="InvalidArgument")
        rec = ErrorRecord(exc, error_id, "InvalidArgument", None)
        self.processor.attribute(rec)
        exc.error_record = rec
        return exc
