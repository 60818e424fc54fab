"""Pester 5's two phases.

Discovery runs each test file as a script: its top level, BeforeDiscovery and the bodies of Describe
and Context (once per -ForEach item) run now; It, BeforeAll, BeforeEach, AfterEach and AfterAll only
record their script blocks in the test tree (tree.py). Nothing a test file computes during discovery
reaches the run, except through the data given to -ForEach.

The run walks the tree. Each file gets a fresh script scope ($PSScriptRoot, $PSCommandPath,
$TestDrive, and `$script:` variables); each block a child scope where its BeforeAll and AfterAll
run dot-sourced (so what BeforeAll defines is seen by the block's tests); each test a child of
that, where BeforeEach (outermost first), the It body and AfterEach (innermost first) share one scope.
A block whose BeforeAll fails fails all its tests; AfterEach and AfterAll run whatever happened.
Mocks made while a block or test runs belong to it (mocks.py) and go when it ends."""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
import uuid

from ...errors import PSException, RuntimeException
from ...runtime import conversion as cv
from ...runtime.psobject import Hashtable, OrderedDictionary, unwrap
from ...runtime.scopes import Scope
from ...runtime.wildcard import has_wildcard
from .calls import run_in_scope, call_command
from .tree import Block, Test, Container, Run


class PesterState:
    """Per session: what is being discovered or run right now."""

    def __init__(self):
        self.discovery = None      # list of Blocks: the block whose body is being discovered is last
        self.runner = None         # the Runner of the run in progress


def pester_state(ctx) -> PesterState:
    return ctx.session.state("pester", PesterState)


class SkipTest(PSException):
    """Set-ItResult -Skipped/-Inconclusive/-Pending: ends the test as skipped."""
    ps_type = "System.Exception"
    script_terminating = True

    def __init__(self, message, reason):
        super().__init__(message, error_id="PesterTestSkipped", category="InvalidResult")
        self.reason = reason


# ---------------------------------------------------------------------------
# discovery

def data_items(value):
    """-ForEach / -TestCases: one item per element (a single value is one item)."""
    v = unwrap(value)
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return list(v)
    return [v]


def define_data(scope: Scope, data):
    """A data item is `$_`; a hashtable's keys are variables too."""
    scope.set_local("_", data, "_")
    d = unwrap(data)
    if isinstance(d, (Hashtable, OrderedDictionary, dict)):
        for k, v in d.items():
            if cv.to_string(k) != "_":
                scope.set_local(cv.to_string(k), v)


def discovering(ctx) -> bool:
    return pester_state(ctx).discovery is not None


def discover_block(ctx, kind, name, fixture, tags, skip, foreach, has_foreach, line):
    st = pester_state(ctx)
    parent = st.discovery[-1]
    items = data_items(foreach) if has_foreach else [None]
    for item in items:
        b = Block(name, kind, parent, fixture, tags, skip or parent.skip, item, has_foreach, line)
        b.own_skip = bool(skip)
        b.first = not any(isinstance(i, Block) for i in parent.items)
        parent.items.append(b)
        if fixture is None:
            continue
        st.discovery.append(b)
        try:
            scope = Scope(ctx.scope)
            if has_foreach:
                define_data(scope, item)
            run_in_scope(ctx, fixture, scope)
        finally:
            st.discovery.pop()


def discover_test(ctx, name, body, tags, skip, foreach, has_foreach, line):
    st = pester_state(ctx)
    block = st.discovery[-1]
    items = data_items(foreach) if has_foreach else [None]
    for item in items:
        t = Test(name, body, block, tags, skip or block.skip or body is None, item, has_foreach, line)
        t.own_skip = bool(skip) or body is None
        block.items.append(t)


def discover_setup(ctx, which, sb):
    block = pester_state(ctx).discovery[-1]
    getattr(block, which).append(sb)


# ---------------------------------------------------------------------------
# names

_TEMPLATE = re.compile(r"`<|<([^<>]+)>")


def expand_name(name: str, scope: Scope) -> str:
    """`<name>` and `<user.name>` become values of the variables in scope; `<_>` is the data item."""
    if "<" not in name:
        return name

    def repl(m):
        if m.group(0) == "`<":
            return "<"
        parts = m.group(1).strip().split(".")
        var = scope.lookup(parts[0].lower())
        value = var.value if var is not None else None
        for seg in parts[1:]:
            from ...runtime.access import get_member
            try:
                value = get_member(value, seg)
            except PSException:
                value = None
        return cv.to_string(value) if value is not None else ""
    return _TEMPLATE.sub(repl, name)


# ---------------------------------------------------------------------------
# filters

def _like(text, pattern) -> bool:
    from ...runtime.operators import wildcard_match
    return wildcard_match(pattern, text)


def test_tags(t: Test) -> list:
    tags = list(t.tags)
    b = t.block
    while b is not None:
        tags += b.tags
        b = b.parent
    return [cv.to_string(x) for x in tags]


def apply_filters(containers, tag_filter, exclude_tags, full_names) -> int:
    selected = 0
    for c in containers:
        for t in c.all_tests():
            ok = True
            tags = test_tags(t)
            if tag_filter:
                ok = any(_like(tag, f) for tag in tags for f in tag_filter)
            if ok and exclude_tags:
                ok = not any(_like(tag, f) for tag in tags for f in exclude_tags)
            if ok and full_names:
                names = []
                b = t.block
                while b is not None and not b.is_root:
                    names.append(".".join(b.path))
                    b = b.parent
                names.append(".".join(t.Path))
                ok = any(_like(n, f) for n in names for f in full_names)
            t.should_run = ok
            selected += ok
    return selected


# ---------------------------------------------------------------------------
# the run

class Frame:
    """A block or test while it runs: the mocks made in it and the calls those mocks received."""
    __slots__ = ("node", "behaviours", "hooks")

    def __init__(self, node):
        self.node = node
        self.behaviours = []      # mocks.Behaviour, newest last
        self.hooks = []           # mocks.Hook installed while this frame ran (removed at its end)


class Runner:
    def __init__(self, ctx, screen):
        self.ctx = ctx
        self.screen = screen
        self.frames: list[Frame] = []
        self.calls = []            # mocks.Call, every mocked call of the run
        self.container = None
        self.container_scope = None
        self.test = None
        self.should_continue = False   # Should.ErrorAction = 'Continue': failures are collected
        self.hooks = {}            # (module, command) -> mocks.Hook of the file running
        self.installed = []        # mocks.Hook installed, removed when the file ends

    # -- timing of user code ----------------------------------------------------
    def _user(self, sb, scope, node, named=None):
        start = time.perf_counter()
        try:
            run_in_scope(self.ctx, sb, scope, named=named)
        finally:
            spent = time.perf_counter() - start
            node.user_duration = getattr(node, "user_duration", 0.0) + spent
            self.container.user_duration += spent

    # -- containers ---------------------------------------------------------------
    def run_container(self, c: Container):
        self.container = c
        start = time.perf_counter()
        scope = Scope(self.ctx.scope, is_script=True)
        self.container_scope = scope
        file = _container_file(c)
        scope.set_local("PSScriptRoot", os.path.dirname(file) if file else "")
        scope.set_local("PSCommandPath", file or "")
        for k, v in (_container_data(c.data) or {}).items():
            scope.set_local(k, v)      # the container's data are variables of the run too
        drive_root = self._test_drive(scope)
        self.screen.container_start(c)
        try:
            self.run_block(c.root, scope)
        except PSException as e:
            c.errors.append(e)
        finally:
            from .mocks import remove_all_hooks
            remove_all_hooks(self)
            self.calls.clear()
            self._remove_test_drive(drive_root)
            c.duration = time.perf_counter() - start
        tests = c.all_tests()
        if c.errors or c.root.errors or any(t.result == "Failed" for t in tests) or _failed_blocks(c.root):
            c.result = "Failed"
        else:
            c.result = "Passed"
        if c.errors:
            self.screen.container_failed(c)
        self.screen.container_end(c)

    def _test_drive(self, scope):
        root = tempfile.mkdtemp(prefix="pshim-testdrive-")
        from ...runtime.drives import PSDriveInfo
        drives = self.ctx.session.drives
        self._saved_drive = drives.get("TestDrive")
        drives.add(PSDriveInfo("TestDrive", root, description="Pester's TestDrive"))
        scope.set_local("TestDrive", root)
        return root

    def _remove_test_drive(self, root):
        drives = self.ctx.session.drives
        drives.remove("TestDrive")
        if self._saved_drive is not None:
            drives.add(self._saved_drive)
        shutil.rmtree(root, ignore_errors=True)

    # -- blocks -------------------------------------------------------------------
    def run_block(self, b: Block, parent_scope: Scope):
        tests = list(b.all_tests())
        if not any(t.should_run for t in tests):
            return
        runnable = any(t.should_run and not t.skip for t in tests)
        start = time.perf_counter()
        scope = Scope(parent_scope) if not b.is_root else parent_scope
        if b.has_data:
            define_data(scope, b.data)
        b.expanded_name = expand_name(b.name, scope) if not b.is_root else b.name
        frame = Frame(b)
        self.frames.append(frame)
        b.executed = True
        try:
            setup_ok = True
            if runnable:
                for sb in b.before_all:
                    try:
                        self._user(sb, scope, b)
                    except PSException as e:
                        b.errors.append(e)
                        setup_ok = False
                        break
            if setup_ok:
                for item in b.items:
                    if isinstance(item, Test):
                        self.run_test(item, scope)
                    else:
                        self.run_block(item, scope)
            else:
                for t in tests:
                    if t.should_run:
                        t.result = "Failed"
                        t.executed = False
                        t.errors = list(b.errors)
            if runnable:
                for sb in b.after_all:
                    try:
                        self._user(sb, scope, b)
                    except PSException as e:
                        b.errors.append(e)
        finally:
            self._leave(frame)
            b.duration = time.perf_counter() - start
        if b.errors:
            b.result = "Failed"
            if not b.is_root:
                self.screen.block_failed(b)
            else:
                self.container.errors.extend(b.errors)
                b.errors = []
        elif any(t.result == "Failed" for t in tests) or _failed_blocks(b):
            b.result = "Failed"
        else:
            b.result = "Passed"

    # -- tests --------------------------------------------------------------------
    def run_test(self, t: Test, block_scope: Scope):
        if not t.should_run:
            return
        start = time.perf_counter()
        scope = Scope(block_scope)
        if t.has_data:
            define_data(scope, t.data)
        t.expanded_name = expand_name(t.name, scope)
        self.screen.block_header(t.block)
        t.executed_at = _now()
        if t.skip:
            self.screen.debug("Skip", f"({'.'.join(t.Path)}) Test is skipped.")
            t.result = "Skipped"
            t.duration = time.perf_counter() - start
            self.screen.test_end(t)
            return
        frame = Frame(t)
        self.frames.append(frame)
        self.test = t
        t.executed = True
        chain = []
        b = t.block
        while b is not None:
            chain.append(b)
            b = b.parent
        skipped = None
        try:
            try:
                for blk in reversed(chain):
                    for sb in blk.before_each:
                        self._user(sb, scope, t)
                self._user(t.script_block, scope, t, _data_arguments(t))
            except SkipTest as e:
                skipped = e
            except PSException as e:
                t.errors.append(e)
            for blk in chain:
                for sb in blk.after_each:
                    try:
                        self._user(sb, scope, t)
                    except PSException as e:
                        t.errors.append(e)
        finally:
            self.test = None
            self._leave(frame)
        if t.errors:
            t.result = "Failed"
        elif skipped is not None:
            t.result = "Skipped"
            t.skip_reason = skipped.message
        else:
            t.result = "Passed"
        t.duration = time.perf_counter() - start
        self.screen.test_end(t)

    def _leave(self, frame):
        from .mocks import remove_hooks
        self.frames.pop()
        remove_hooks(self.ctx, frame)


def _data_arguments(t: Test):
    """A test whose body has a param() block gets its data hashtable's keys as arguments (Pester 4's style,
    still accepted by Pester 5); only those the block declares."""
    sb = t.script_block
    if not t.has_data or sb is None or sb.ast.param_block is None:
        return None
    d = unwrap(t.data)
    if not isinstance(d, (Hashtable, OrderedDictionary, dict)):
        return {}
    declared = {p.name.lower() for p in sb.ast.param_block.parameters}
    return {cv.to_string(k): v for k, v in d.items() if cv.to_string(k).lower() in declared}


def _failed_blocks(b: Block) -> bool:
    return any(x.errors or _failed_blocks(x) for x in b.blocks())


def _now():
    import datetime as _dt
    return _dt.datetime.now()


# ---------------------------------------------------------------------------
# services for the other commands

def current_runner(ctx):
    return pester_state(ctx).runner


def current_depth(ctx) -> int:
    r = current_runner(ctx)
    if r is None or r.test is None:
        return 1
    return len(r.test.Path)


def collect_failure(ctx, exc) -> bool:
    """Should -ErrorAction Continue inside a test: the failure is kept and the test goes on."""
    r = current_runner(ctx)
    if r is None or r.test is None:
        return False
    r.test.errors.append(exc)
    return True


# ---------------------------------------------------------------------------
# one whole run: discovery of every file, then the run

def _container_file(c: Container):
    """The file a container's code is in: the test file, or the file a script block was written in."""
    if c.script_block is not None:
        return c.script_block.file
    return c.path


def discover_container(ctx, c: Container, screen):
    from ...commands.discovery import ScriptEntry
    st = pester_state(ctx)
    saved = st.discovery
    st.discovery = [c.root]
    start = time.perf_counter()
    screen.debug("Discovery", f"Discovering tests in {cv.to_string(c.Item)}")
    try:
        c2 = ctx.child(ctx.scope)
        c2.in_try = ctx.in_try + 1
        if c.script_block is not None:
            # a script block container runs like a script: a script scope of its own, its data as parameters
            scope = Scope(ctx.scope, is_script=True)
            file = c.script_block.file
            scope.set_local("PSScriptRoot", os.path.dirname(file) if file else "")
            scope.set_local("PSCommandPath", file or "")
            run_in_scope(c2, c.script_block, scope, named=_container_data(c.data) or {})
        else:
            call_command(c2, ScriptEntry(c.path), named=_container_data(c.data))
    except PSException as e:
        c.errors.append(e)
        screen.discovery_failed(c, e)
    finally:
        st.discovery = saved
        c.discovery_duration = time.perf_counter() - start
    tests = c.all_tests()
    screen.debug("Discovery", f"Found {len(tests)} tests in {int(c.discovery_duration * 1000)} ms")
    if tests:
        first_top = [b for b in c.root.blocks()]
        if first_top:
            first_top[0].first = True


def _container_data(data):
    if data is None:
        return None
    d = unwrap(data)
    if isinstance(d, (Hashtable, OrderedDictionary, dict)):
        return {cv.to_string(k): v for k, v in d.items()}
    return None


def _debug_skips(screen, b: Block):
    """The Skip messages of discovery, block by block: the block, its tests, then its child blocks."""
    where = ".".join(b.path)
    if getattr(b, "own_skip", False):
        screen.debug("Skip", f"({where}) Block is skipped.")
    elif b.skip and not b.is_root:
        screen.debug("Skip", f"({where}) Block is skipped because a parent block was skipped.")
    for t in b.tests():
        if getattr(t, "own_skip", False):
            screen.debug("Skip", f"({'.'.join(t.Path)}) Test is skipped.")
        elif t.skip:
            screen.debug("Skip", f"({'.'.join(t.Path)}) Test is skipped because a parent block was skipped.")
    for child in b.blocks():
        _debug_skips(screen, child)


def run_all(ctx, paths, screen, tag_filter=None, exclude_tags=None, full_names=None, data=None,
            configuration=None, should_continue=False, containers=None) -> Run:
    """Discover and run the test files `paths` (each with `data`), then the ready-made `containers`
    (New-PesterContainer's)."""
    st = pester_state(ctx)
    containers = [Container(p, data) for p in paths] + list(containers or [])
    run = Run(containers, configuration)
    run.executed_at = _now()
    start = time.perf_counter()
    screen.start(Run.Version)
    screen.discovery_start(len(containers))
    screen.debug("Discovery", f"Starting test discovery in {len(containers)} test containers.")
    for c in containers:
        discover_container(ctx, c, screen)
    screen.debug("Discovery", "Processing discovery result objects, to set root, parents, filters etc.")
    if screen.diagnostic:
        for c in containers:
            _debug_skips(screen, c.root)
    run.discovery_duration = time.perf_counter() - start
    found = sum(len(c.all_tests()) for c in containers)
    selected = apply_filters(containers, tag_filter, exclude_tags, full_names)
    filters = [(n, [cv.to_string(x) for x in v]) for n, v in
               (("Tag", tag_filter), ("ExcludeTag", exclude_tags), ("FullName", full_names)) if v]
    screen.discovery_end(found, run.discovery_duration, filters, selected)
    screen.run_start()
    saved = st.runner
    runner = Runner(ctx, screen)
    runner.should_continue = should_continue
    st.runner = runner
    try:
        for c in containers:
            if c.errors:
                c.result = "Failed"
                continue
            runner.run_container(c)
    finally:
        st.runner = saved
    run.duration = time.perf_counter() - start
    run.executed = True
    failed = run.FailedCount or run.failed_blocks() or run.failed_containers()
    run.result = "Failed" if failed else "Passed"
    screen.summary(run)
    return run


def find_test_files(ctx, path) -> list[str]:
    """A file as given; a folder: every *.Tests.ps1 under it, in name order; wildcards expand."""
    p = ctx.resolve_path(cv.to_string(path))
    if os.path.isfile(p):
        return [p]
    if has_wildcard(p) and not os.path.exists(p):
        from ..management.filesystem import glob as provider_glob
        out = []
        for m in provider_glob(p):
            out += find_test_files(ctx, m)
        return out
    if os.path.isdir(p):
        out = []
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                if f.lower().endswith(".tests.ps1"):
                    out.append(os.path.join(root, f))
        return out
    return []
