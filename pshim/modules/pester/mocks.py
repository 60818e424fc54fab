"""Mock, Should -Invoke / Assert-MockCalled, Should -InvokeVerifiable / Assert-VerifiableMock,
InModuleScope.

A mocked command is shadowed the way Pester 5 does it, through pshim's own command resolution: a
bootstrap function is defined in the test file's script scope (or the module's, with -ModuleName),
under a name of its own, and an alias with the command's name points to it; aliases win over
functions and cmdlets, and lookups walk the calling scopes, so every call made while the file's tests
run finds it. The bootstrap has the original command's parameters (pshim's CommandMetadata of the
cmdlet or function, copied), so binding, positions, pipeline input and errors are as before.

A behaviour (-MockWith, -ParameterFilter, -Verifiable) belongs to the block or test that was running
when Mock was called and ends with it. On a call, behaviours are tried from the innermost running
test or block outwards, newest first: the first whose filter passes, else the first without a filter;
no behaviour: the original command runs. Each call is recorded with the blocks and test it happened
in, which is what Should -Invoke's -Scope counts."""
from __future__ import annotations

import copy
import uuid

from ...commands.cmdlet import Cmdlet
from ...commands.discovery import AliasEntry, resolve_command
from ...commands.parameters import Parameter, CommandMetadata, ALL_SETS
from ...errors import CommandNotFoundException, RuntimeException, PSException
from ...runtime import conversion as cv
from ...runtime.compile_stmt import CompiledScriptBlock
from ...runtime.psobject import Hashtable, unwrap
from ...runtime.scopes import Scope
from ...runtime.scriptblock import ScriptBlock, FunctionInfo
from .calls import run_in_scope, call_command
from .engine import current_runner
from .values import format_because


# ---------------------------------------------------------------------------
# the objects

class Hook:
    """One mocked command in one run: its bootstrap function and aliases."""

    def __init__(self, name, module_name, original, metadata, scope, names):
        self.name = name                  # the command's name as resolved (Get-ChildItem for gci)
        self.module_name = module_name    # -ModuleName, or ""
        self.original = original
        self.metadata = metadata
        self.scope = scope                # where the function and aliases live
        self.bootstrap = f"PesterMock_{module_name or 'script'}_{name}_{uuid.uuid4()}"
        self.names = names                # the alias names installed


class Behaviour:
    def __init__(self, hook, mock_with, parameter_filter, verifiable, frame):
        self.hook = hook
        self.mock_with = mock_with
        self.filter = parameter_filter
        self.verifiable = verifiable
        self.executed = False
        self.frame = frame


class Call:
    __slots__ = ("hook", "bound", "args", "frames")

    def __init__(self, hook, bound, args, frames):
        self.hook = hook
        self.bound = bound
        self.args = args
        self.frames = frames


class MockFunctionInfo(FunctionInfo):
    """The bootstrap function: a FunctionInfo whose body is Python (see _bootstrap_block)."""

    def __init__(self, hook, sb):
        super().__init__(hook.name, sb)
        self.hook = hook


def _mock_error(message, error_id="MockError", exc=RuntimeException):
    return exc(message, error_id=error_id, category="InvalidOperation")


def _runner(ctx, what):
    r = current_runner(ctx)
    if r is None or not r.frames:
        raise _mock_error(f"{what} can only be used inside It, BeforeAll, BeforeEach, AfterEach or AfterAll "
                          "while Invoke-Pester runs the tests.", "PesterMockOutsideRun")
    return r


# ---------------------------------------------------------------------------
# creating hooks

def _copy_parameter(p, remove_type, remove_validation):
    q = copy.copy(p)
    q.default_ast = None
    q.validate_script_ast = None
    q.validate_script = None
    q.explicit_position = any(s.position is not None for s in p.sets.values())
    q.explicit_set = any(s != ALL_SETS for s in p.sets)
    q.has_parameter_attr = True
    if p.name.lower() in remove_type:
        q.type = "object"
        q._type_obj = None
    if p.name.lower() in remove_validation:
        q.validate_set = None
        q.validate_range = None
        q.validate_pattern = None
        q.validate_count = None
        q.validate_not_null = False
        q.validate_not_null_or_empty = False
    return q


def _metadata_for(original, name, remove_type, remove_validation):
    from .should_operators import command_metadata
    md = command_metadata(original)
    if md is None:
        return CommandMetadata(name, [], is_advanced=False, fqid_suffix=name, kind="Function")
    params = [_copy_parameter(p, remove_type, remove_validation) for p in md.own_parameters]
    return CommandMetadata(name, params, md.default_set, md.supports_should_process, md.confirm_impact,
                           md.positional_binding, md.is_advanced, fqid_suffix=name, kind="Function")


def _bootstrap_block(hook) -> ScriptBlock:
    from ...language import parse
    sb = ScriptBlock(parse("{}"))

    def process(fctx, out):
        invoke_mock(fctx, hook, out)
    sb._compiled = CompiledScriptBlock(None, process, None, None, True, False, None)
    sb._md = hook.metadata
    return sb


def _module_scope(ctx, module_name):
    """The top scope of a loaded script module, or None (pshim's built-in modules have none)."""
    table = ctx.session.module_state.get("core.modules")
    mod = table.find(module_name) if table is not None and hasattr(table, "find") else None
    return getattr(mod, "scope", None) if mod is not None else None


def get_hook(ctx, runner, name, module_name, remove_type=(), remove_validation=()):
    key = ((module_name or "").lower(), name.lower())
    hook = runner.hooks.get(key)
    runner.screen.debug("Mock", f"Resolving command {name}.")
    if hook is not None:
        runner.screen.debug("Mock", "Mock resolves to an existing hook, will only define mock behavior.")
        if remove_type or remove_validation:
            _refit(hook, remove_type, remove_validation)
        return hook
    mscope = _module_scope(ctx, module_name) if module_name else None
    found = resolve_command(ctx.child(mscope) if mscope is not None else ctx, name)
    if isinstance(found, MockFunctionInfo):
        original = found.hook.original
    else:
        original = found
    if original is None:
        raise CommandNotFoundException(f"Could not find Command {name}", error_id="CommandNotFoundException",
                                       category="ObjectNotFound", target=name)
    resolved = getattr(original, "name", None) or getattr(original, "Name", None) or name
    for k in list(runner.hooks):
        if k[0] == key[0] and runner.hooks[k].name.lower() == resolved.lower():
            runner.screen.debug("Mock", "Mock resolves to an existing hook, will only define mock behavior.")
            runner.hooks[key] = runner.hooks[k]
            return runner.hooks[k]
    runner.screen.debug("Mock", "Mock does not have a hook yet, creating a new one.")
    scope = mscope if mscope is not None else runner.container_scope
    names = list(dict.fromkeys([resolved, name]))
    src_module = getattr(original, "module", "") or ""
    if isinstance(src_module, str) and src_module:
        names.append(f"{src_module}\\{resolved}")
    md = _metadata_for(original, resolved, {n.lower() for n in remove_type},
                       {n.lower() for n in remove_validation})
    hook = Hook(resolved, module_name or "", original, md, scope, names)
    info = MockFunctionInfo(hook, _bootstrap_block(hook))
    hook.info = info
    if scope.functions is None:
        scope.functions = {}
    scope.functions[hook.bootstrap.lower()] = info
    if scope.aliases is None:
        scope.aliases = {}
    for n in names:
        scope.aliases[n.lower()] = AliasEntry(n, hook.bootstrap)
    runner.hooks[key] = hook
    runner.installed.append(hook)
    runner.screen.debug("Mock", f"Defined new hook with bootstrap function {hook.bootstrap} and aliases "
                                f"{', '.join(names)}.")
    return hook


def _refit(hook, remove_type, remove_validation):
    """A later Mock of the same command with -RemoveParameterType/-RemoveParameterValidation: the bootstrap's
    parameters are rebuilt from the original's without those types or validations."""
    md = _metadata_for(hook.original, hook.name, {n.lower() for n in remove_type},
                       {n.lower() for n in remove_validation})
    hook.metadata = md
    hook.info.script_block._md = md


def remove_all_hooks(runner):
    for hook in runner.installed:
        s = hook.scope
        if s.functions is not None:
            s.functions.pop(hook.bootstrap.lower(), None)
        if s.aliases is not None:
            for n in hook.names:
                a = s.aliases.get(n.lower())
                if a is not None and a.definition == hook.bootstrap:
                    del s.aliases[n.lower()]
    runner.installed.clear()
    runner.hooks.clear()


def remove_hooks(ctx, frame):
    """A block or test ended: its behaviours end with it (the bootstrap stays until the file ends)."""
    frame.behaviours.clear()


# ---------------------------------------------------------------------------
# a call of a mocked command

def _truthy(items) -> bool:
    if not items:
        return False
    if len(items) == 1:
        return cv.to_bool(items[0])
    return True


def _bound_copy(bound) -> Hashtable:
    h = Hashtable()
    if bound is not None:
        for k, v in bound.items():
            h[k] = v
    return h


def _filter_passes(ctx, sb, parent_scope, bound, args, screen=None) -> bool:
    scope = Scope(parent_scope)
    for k, v in bound.items():
        scope.set_local(cv.to_string(k), v)
    scope.set_local("PesterBoundParameters", bound)
    scope.set_local("args", list(args))
    if screen is not None and screen.diagnostic:
        context = ", ".join(f"{cv.to_string(k)} = {cv.to_string(v)}" for k, v in bound.items())
        screen.debug("Mock", f"Running mock filter {{ {sb.ps_to_string()} }} "
                             + (f"with context: {context}." if context else "without any context."))
    out = run_in_scope(ctx, sb, scope)
    passed = _truthy(out)
    if screen is not None and screen.diagnostic:
        value = cv.to_string(out[0] if len(out) == 1 else out) if out else ""
        screen.debug("Mock", f"Mock filter returned value '{value}', which is "
                             + ("truthy. Filter passed." if passed else "falsy. Filter did not pass."))
    return passed


def _mock_label(hook) -> str:
    return f"{hook.module_name} - {hook.name}" if hook.module_name else hook.name


def invoke_mock(fctx, hook, out):
    runner = current_runner(fctx)
    screen = runner.screen if runner is not None else None
    bound = _bound_copy(fctx.get_variable("PSBoundParameters"))
    args = list(fctx.get_variable("args") or [])
    chosen = None
    default = None
    if screen is not None:
        screen.debug("Mock", f"Mock for {hook.name} was invoked from block Process, resolving call history and "
                             "behaviors.")
        screen.debug("Mock", "Finding behavior to use, one that passes filter or a default:")
    if runner is not None:
        for frame in reversed(runner.frames):
            for b in reversed(frame.behaviours):
                if b.hook is not hook:
                    continue
                if b.filter is None:
                    if default is None:
                        default = b
                    continue
                if chosen is None and _filter_passes(fctx, b.filter, fctx.scope, bound, args, screen):
                    chosen = b
            if chosen is not None:
                break
    if screen is not None:
        if chosen is not None:
            screen.debug("Mock", f"{{ {_text(chosen.mock_with)} }} passed parameter filter and will be used for the "
                                 "mock call.")
        elif default is not None:
            screen.debug("Mock", f"{{ {_text(default.mock_with)} }} is a default behavior and will be used for the "
                                 "mock call.")
        else:
            screen.debug("Mock", "No parametrized or default behaviors were found.")
    chosen = chosen or default
    if chosen is None:
        for o in call_command(fctx, hook.original, args, dict(bound)):
            out(o)
        return
    chosen.executed = True
    runner.calls.append(Call(hook, bound, args, tuple(runner.frames)))
    screen.debug("Mock", f"Executing mock behavior for mock {_mock_label(hook)}.")
    _run_behaviour(fctx, chosen.mock_with, bound, args, out)
    screen.debug("Mock", f"Behavior for {_mock_label(hook)} was executed.")


def _text(sb) -> str:
    return sb.ps_to_string() if sb is not None else ""


def _run_behaviour(fctx, sb, bound, args, out):
    if sb is None:
        return
    if sb.ast.param_block is not None:
        for o in call_command(fctx, sb, args, dict(bound)):
            out(o)
        return
    scope = Scope(fctx.scope)
    scope.set_local("PesterBoundParameters", bound)
    scope.set_local("args", args)
    run_in_scope(fctx, sb, scope, out=out)


# ---------------------------------------------------------------------------
# counting calls

def _target_frame(ctx, runner, scope_name):
    frames = runner.frames
    if scope_name is None or scope_name == "":
        return frames[-1]
    s = cv.to_string(scope_name)
    if s.isdigit():
        n = int(s)
        return frames[max(0, len(frames) - 1 - n)]
    low = s.lower()
    if low == "it":
        if runner.test is None:
            raise _mock_error("Scope 'It' can be used only inside an It block.", "InvalidScope")
        return frames[-1]
    for f in reversed(frames):
        kind = getattr(f.node, "kind", None)
        if kind is not None and kind.lower() == low:
            return f
    raise _mock_error(f"Could not find any scope of type {s} in the current test.", "InvalidScope")


def count_calls(ctx, values):
    runner = _runner(ctx, "Should -Invoke")
    name = cv.to_string(values.get("CommandName") or "")
    module = cv.to_string(values.get("ModuleName") or "")
    hook = runner.hooks.get((module.lower(), name.lower()))
    if hook is None and module:
        hook = runner.hooks.get(("", name.lower()))
    if hook is None:
        for h in runner.hooks.values():
            if name.lower() in (n.lower() for n in h.names) and (not module or h.module_name.lower() == module.lower()):
                hook = h
                break
    if hook is None:
        raise _mock_error(f"Should -Invoke: Could not find Mock for command {name}"
                          f"{' in module ' + module if module else ''}. Was the mock defined?", "MockNotFound",
                          CommandNotFoundException)
    target = _target_frame(ctx, runner, values.get("Scope"))
    flt = values.get("ExclusiveFilter") or values.get("ParameterFilter")
    matching, other = 0, 0
    for call in runner.calls:
        if call.hook is not hook or target not in call.frames:
            continue
        if flt is None or _filter_passes(ctx, flt, ctx.scope, call.bound, call.args):
            matching += 1
        else:
            other += 1
    return hook, matching, other


def should_invoke(ctx, negate, values):
    hook, matching, other = count_calls(ctx, values)
    times = cv.to_int(values["Times"]) if values.get("Times") is not None else 1
    times_given = values.get("Times") is not None
    exactly = bool(values.get("Exactly"))
    exclusive = values.get("ExclusiveFilter") is not None
    b = format_because(values.get("Because"))
    module = cv.to_string(values.get("ModuleName") or "")
    who = cv.to_string(values.get("CommandName")) + (f" in module {module}" if module else "")
    if negate:
        if matching == times and (exactly or not times_given):
            return False, f"Expected {who} not to be called exactly {times} times,{b} but it was"
        if matching >= times and not exactly:
            return False, f"Expected {who} to be called less than {times} times,{b} but was called {matching} times"
        return True, None
    if matching != times and (exactly or times == 0):
        return False, f"Expected {who} to be called {times} times exactly,{b} but was called {matching} times"
    if matching < times:
        return False, f"Expected {who} to be called at least {times} times,{b} but was called {matching} times"
    if exclusive and other > 0:
        return False, (f"Expected {who} to only be called with with parameters matching the specified filter,{b} "
                       f"but {other} non-matching calls were made")
    return True, None


def should_invoke_verifiable(ctx, negate, values):
    runner = _runner(ctx, "Should -InvokeVerifiable")
    behaviours = [b for f in runner.frames for b in f.behaviours if b.verifiable]
    wrong = [b for b in behaviours if b.executed == negate]
    if not wrong:
        return True, None
    b_text = format_because(values.get("Because"))
    lines = ""
    for b in wrong:
        lines += f"\n Command {b.hook.name} "
        if b.hook.module_name:
            lines += f"from inside module {b.hook.module_name} "
        if b.filter is not None:
            lines += "with { " + b.filter.ps_to_string().strip() + " }"
    if negate:
        return False, f"\nExpected no verifiable mocks to be called,{b_text} but these were:{lines}"
    return False, f"\nExpected all verifiable mocks to be called,{b_text} but these were not:{lines}"


# ---------------------------------------------------------------------------
# the commands

class MockCommand(Cmdlet):
    name = "Mock"
    module_name = "Pester"
    synopsis = "Replaces a command's behaviour for the block or test that is running."

    CommandName = Parameter("string", position=0, mandatory=True)
    MockWith = Parameter("scriptblock", position=1)
    Verifiable = Parameter("switch")
    ParameterFilter = Parameter("scriptblock")
    ModuleName = Parameter("string")
    RemoveParameterType = Parameter("string[]")
    RemoveParameterValidation = Parameter("string[]")

    def end(self):
        runner = _runner(self.ctx, "Mock")
        kind = "parametrized" if self.ParameterFilter is not None else "default"
        module = cv.to_string(self.ModuleName or "")
        runner.screen.debug("Mock", f"Setting up {kind} mock for{' ' + module + ' -' if module else ''} "
                                    f"{cv.to_string(self.CommandName)}.")
        runner.screen.debug("Mock", "We are in a test. Returning mock table from test scope." if runner.test is not None
                            else "We are in a block, one time setup or similar. Returning mock table from test block.")
        hook = get_hook(self.ctx, runner, cv.to_string(self.CommandName), cv.to_string(self.ModuleName or ""),
                        self.RemoveParameterType or (), self.RemoveParameterValidation or ())
        frame = runner.frames[-1]
        frame.behaviours.append(Behaviour(hook, self.MockWith, self.ParameterFilter, bool(self.Verifiable),
                                          frame))
        runner.screen.debug("Mock", f"Adding a new {kind} behavior to {_mock_label(hook)}.")


def _fail(cmdlet, message):
    from .should import assertion_error
    raise assertion_error(message, cmdlet.processor.extent)


class AssertMockCalledCommand(Cmdlet):
    name = "Assert-MockCalled"
    module_name = "Pester"
    synopsis = "Checks how often a mocked command was called (Should -Invoke's older name)."

    CommandName = Parameter("string", position=0, mandatory=True)
    Times = Parameter("int", position=1)
    ParameterFilter = Parameter("scriptblock", position=2)
    ExclusiveFilter = Parameter("scriptblock")
    ModuleName = Parameter("string")
    Scope = Parameter("string")
    Exactly = Parameter("switch")
    Because = Parameter("string")

    def end(self):
        ok, message = should_invoke(self.ctx, False, dict(self.bound))
        if not ok:
            _fail(self, message)


class AssertVerifiableMockCommand(Cmdlet):
    name = "Assert-VerifiableMock"
    module_name = "Pester"
    synopsis = "Checks that every mock made with -Verifiable was called (Should -InvokeVerifiable)."

    def end(self):
        ok, message = should_invoke_verifiable(self.ctx, False, {})
        if not ok:
            _fail(self, message)


class InModuleScopeCommand(Cmdlet):
    name = "InModuleScope"
    module_name = "Pester"
    synopsis = "Runs a script block inside a loaded script module, where its private functions and variables are."

    ModuleName = Parameter("string", position=0, mandatory=True)
    ScriptBlock = Parameter("scriptblock", position=1, mandatory=True)
    Parameters = Parameter("hashtable")
    ArgumentList = Parameter("object[]")

    def end(self):
        name = cv.to_string(self.ModuleName)
        mscope = _module_scope(self.ctx, name)
        if mscope is None:
            known = name.lower() in (m.lower() for m in self.ctx.session.commands.modules) or any(
                getattr(e, "module", "").lower() == name.lower() for e in self.ctx.session.commands.cmdlets.values())
            text = (f"Module '{name}' is not a Script module. Detected modules of the following types: 'Binary'"
                    if known else f"No modules named '{name}' are currently loaded.")
            raise _mock_error(text, "InModuleScopeModuleNotFound")
        scope = Scope(mscope)
        params = unwrap(self.Parameters)
        if params:
            for k, v in params.items():
                scope.set_local(cv.to_string(k), v)
        scope.set_local("args", list(self.ArgumentList or []))
        for o in run_in_scope(self.ctx, self.ScriptBlock, scope):
            self.write_object(o)
