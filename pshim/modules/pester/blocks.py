"""Describe, Context, It and the setup/teardown blocks. During discovery they record themselves in the
test tree (engine.py runs them later); BeforeDiscovery runs its code at once, where it stands.

A Describe met outside Invoke-Pester (a test file run as a script, `pshim -File x.Tests.ps1`) runs
the whole file through Invoke-Pester, as Pester 5 does; later Describes of that file then do nothing."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ArgumentException, RuntimeException
from ...runtime import conversion as cv
from . import engine


def _line(cmdlet) -> int:
    ext = cmdlet.processor.extent
    return ext.line if ext is not None else 0


def _not_in_run(name):
    return RuntimeException(f"{name} is only allowed in a Pester test file, run by Invoke-Pester.",
                            error_id="PesterNotInRun", category="InvalidOperation")


def _check_foreach(cmdlet, name):
    if "ForEach" in cmdlet.bound and not cmdlet.AllowNullOrEmptyForEach:
        items = engine.data_items(cmdlet.ForEach)
        if not items:
            raise ArgumentException("Value can not be null or empty array. If this is expected, use "
                                    "-AllowNullOrEmptyForEach", error_id="ArgumentException")


class _BlockCommand(Cmdlet):
    module_name = "Pester"
    kind = "Describe"

    Name = Parameter("string", position=0, mandatory=True)
    Tag = Parameter("string[]", aliases=("Tags",))
    Fixture = Parameter("scriptblock", position=1)
    Skip = Parameter("switch")
    ForEach = Parameter("object")
    AllowNullOrEmptyForEach = Parameter("switch")

    def end(self):
        ctx = self.ctx
        if engine.discovering(ctx):
            _check_foreach(self, self.kind)
            engine.discover_block(ctx, self.kind, cv.to_string(self.Name), self.Fixture, self.Tag or [],
                                  bool(self.Skip), self.bound.get("ForEach"), "ForEach" in self.bound, _line(self))
            return
        if engine.current_runner(ctx) is not None:
            raise RuntimeException(f"{self.kind} cannot be used inside of It, BeforeAll, BeforeEach, AfterEach or "
                                   "AfterAll.", error_id="PesterBlockInRun", category="InvalidOperation")
        from .invoke import run_file_interactively
        run_file_interactively(self)


class DescribeCommand(_BlockCommand):
    name = "Describe"
    kind = "Describe"
    synopsis = "Groups tests: a Describe block of a Pester test file."


class ContextCommand(_BlockCommand):
    name = "Context"
    kind = "Context"
    synopsis = "Groups tests inside a Describe block."


class ItCommand(Cmdlet):
    name = "It"
    module_name = "Pester"
    synopsis = "One test of a Pester test file."

    Name = Parameter("string", position=0, mandatory=True)
    Test = Parameter("scriptblock", position=1)
    ForEach = Parameter("object", aliases=("TestCases",))
    Tag = Parameter("string[]", aliases=("Tags",))
    Skip = Parameter("switch")
    Pending = Parameter("switch")
    AllowNullOrEmptyForEach = Parameter("switch")

    def end(self):
        ctx = self.ctx
        if not engine.discovering(ctx):
            raise _not_in_run("It")
        _check_foreach(self, "It")
        engine.discover_test(ctx, cv.to_string(self.Name), self.Test, self.Tag or [],
                             bool(self.Skip) or bool(self.Pending), self.bound.get("ForEach"),
                             "ForEach" in self.bound, _line(self))


class _SetupCommand(Cmdlet):
    module_name = "Pester"
    which = "before_all"
    Scriptblock = Parameter("scriptblock", position=0, mandatory=True)

    def end(self):
        ctx = self.ctx
        if not engine.discovering(ctx):
            raise _not_in_run(self.name)
        engine.discover_setup(ctx, self.which, self.Scriptblock)


class BeforeAllCommand(_SetupCommand):
    name = "BeforeAll"
    which = "before_all"
    synopsis = "Runs once before the tests of its block (or file)."


class AfterAllCommand(_SetupCommand):
    name = "AfterAll"
    which = "after_all"
    synopsis = "Runs once after the tests of its block (or file)."


class BeforeEachCommand(_SetupCommand):
    name = "BeforeEach"
    which = "before_each"
    synopsis = "Runs before each test of its block, in the test's scope."


class AfterEachCommand(_SetupCommand):
    name = "AfterEach"
    which = "after_each"
    synopsis = "Runs after each test of its block, in the test's scope, whatever the test's result."


class BeforeDiscoveryCommand(Cmdlet):
    name = "BeforeDiscovery"
    module_name = "Pester"
    synopsis = "Runs code during discovery, where it stands (data for -ForEach)."
    ScriptBlock = Parameter("scriptblock", position=0, mandatory=True)

    def end(self):
        from .calls import run_in_scope
        out = run_in_scope(self.ctx, self.ScriptBlock, self.ctx.scope)
        for o in out:
            self.write_object(o)


class SetItResultCommand(Cmdlet):
    name = "Set-ItResult"
    module_name = "Pester"
    synopsis = "Ends the running test as skipped (or inconclusive, or pending: both count as skipped)."
    default_parameter_set = "Skipped"
    Inconclusive = Parameter("switch", parameter_set="Inconclusive", mandatory=True)
    Pending = Parameter("switch", parameter_set="Pending", mandatory=True)
    Skipped = Parameter("switch", parameter_set="Skipped", mandatory=True)
    Because = Parameter("string")

    def end(self):
        if engine.current_runner(self.ctx) is None or engine.current_runner(self.ctx).test is None:
            raise _not_in_run("Set-ItResult")
        reason = cv.to_string(self.Because) if self.Because else None
        word = {"Inconclusive": "inconclusive", "Pending": "pending"}.get(self.parameter_set_name, "skipped")
        message = f"is {word}" + (f", because {reason}" if reason else "")
        raise engine.SkipTest(message, reason)
