"""Measure-Object (facts §9.6): counts, sums, averages, extremes of numbers and of properties; lines,
words and characters of text. Running totals keep memory flat on long pipelines."""
from __future__ import annotations

import decimal

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, unwrap
from ..core.fast_input import FastInput
from .object_common import NOTHING, property_value


class GenericMeasureInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.GenericMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo",
                     "System.Object")
    ps_properties = ("Count", "Average", "Sum", "Maximum", "Minimum", "Property")

    def __init__(self):
        self.Count = 0
        self.Average = None
        self.Sum = None
        self.Maximum = None
        self.Minimum = None
        self.Property = None

    def ps_to_string(self):
        return "Microsoft.PowerShell.Commands.GenericMeasureInfo"


class TextMeasureInfo(DotNetObject):
    ps_type_names = ("Microsoft.PowerShell.Commands.TextMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo",
                     "System.Object")
    ps_properties = ("Lines", "Words", "Characters", "Property")

    def __init__(self):
        self.Lines = None
        self.Words = None
        self.Characters = None
        self.Property = None

    def ps_to_string(self):
        return "Microsoft.PowerShell.Commands.TextMeasureInfo"


_GEN = "GenericMeasure"
_TEXT = "TextMeasure"


class MeasureObjectCommand(FastInput, Cmdlet):
    name = "Measure-Object"
    dotnet_type = "Microsoft.PowerShell.Commands.MeasureObjectCommand"
    default_parameter_set = _GEN
    synopsis = "Calculates the numeric properties of objects, and the characters, words, and lines in string objects."

    InputObject = Parameter("psobject", value_from_pipeline=True)
    Property = Parameter("string[]", position=0)
    Sum = Parameter("switch", parameter_set=_GEN)
    Average = Parameter("switch", parameter_set=_GEN)
    Maximum = Parameter("switch", parameter_set=_GEN)
    Minimum = Parameter("switch", parameter_set=_GEN)
    Line = Parameter("switch", parameter_set=_TEXT)
    Word = Parameter("switch", parameter_set=_TEXT)
    Character = Parameter("switch", parameter_set=_TEXT)
    IgnoreWhiteSpace = Parameter("switch", parameter_set=_TEXT)

    def begin(self):
        # running totals per measured property: memory stays flat however long the input
        self._props = [cv.to_string(p) for p in (self.Property or [])]
        self._text = self.parameter_set_name == _TEXT
        self._want_num = bool(self.Sum or self.Average or self.Maximum or self.Minimum)
        self._acc = {p: _Acc() for p in (self._props or [None])}
        self.enable_fast_input(self._add)

    def process(self):
        if "InputObject" not in self.bound and not self.processor.expects_input:
            return
        self._add(self.InputObject)

    def _add(self, obj):
        if obj is None:
            return
        for prop, acc in self._acc.items():
            if prop is None:
                v = obj
            else:
                v = _measure_property(obj, prop)
                if v is NOTHING:
                    continue
            acc.found = True
            if self._text:
                acc.add_text(v, self.IgnoreWhiteSpace)
            elif self._want_num:
                if v is None:
                    continue
                n = _to_double(v)
                if n is None:
                    self.write_error(self.error(f'Input object "{cv.to_string(v)}" is not numeric.',
                                                "NonNumericInputObject", "InvalidType", v))
                    continue
                acc.add_number(n)
            elif prop is None or v is not None:
                acc.count += 1

    def end(self):
        for prop, acc in self._acc.items():
            if prop is not None and not acc.found:
                self.write_error(self.error(
                    f'The property "{prop}" cannot be found in the input for any objects.',
                    "GenericMeasurePropertyNotFound", "InvalidArgument", prop))
                continue
            self.processor.emit(self._text_result(acc, prop) if self._text else self._result(acc, prop))

    def _result(self, acc, prop):
        m = GenericMeasureInfo()
        m.Property = prop
        m.Count = acc.count
        if self.Sum:
            m.Sum = float(acc.total)
        if self.Average:
            m.Average = (float(acc.total) / acc.count) if acc.count else None
        if self.Maximum:
            m.Maximum = acc.maximum
        if self.Minimum:
            m.Minimum = acc.minimum
        return m

    def _text_result(self, acc, prop):
        t = TextMeasureInfo()
        t.Property = prop
        if self.Line:
            t.Lines = acc.lines
        if self.Word:
            t.Words = acc.words
        if self.Character:
            t.Characters = acc.chars
        return t


class _Acc:
    __slots__ = ("count", "total", "maximum", "minimum", "found", "lines", "words", "chars")

    def __init__(self):
        self.count = 0
        self.total = 0.0
        self.maximum = None
        self.minimum = None
        self.found = False
        self.lines = self.words = self.chars = 0

    def add_number(self, n):
        self.count += 1
        self.total += n
        if self.maximum is None or n > self.maximum:
            self.maximum = n
        if self.minimum is None or n < self.minimum:
            self.minimum = n

    def add_text(self, v, ignore_white_space):
        s = cv.to_string(v)
        self.lines += len(s.splitlines()) if s else 0
        self.words += len(s.split())
        self.chars += len([c for c in s if not c.isspace()]) if ignore_white_space else len(s)


def _measure_property(obj, name):
    return property_value(obj, name, NOTHING)


def _to_double(v):
    u = unwrap(v)
    t = type(u)
    if t is int or t is float:
        return float(u)
    if isinstance(u, bool):
        return 1.0 if u else 0.0
    if isinstance(u, (int, float, decimal.Decimal)):
        return float(u)
    if isinstance(u, str):
        n = cv.parse_number(u)
        if n is None or u.strip() == "":
            return None
        return float(n)
    return None
