"""The test tree Pester 5 builds during discovery and fills during the run: a Run holds Containers (one
per file), a Container a root Block, Blocks (Describe, Context) hold Blocks and Tests. The same objects
are what `Invoke-Pester -PassThru` returns (types Pester.Run, Pester.Container, Pester.Block,
Pester.Test), so a script reads `$r.FailedCount`, `$r.Tests[0].Result`, `$r.Failed.ExpandedPath`."""
from __future__ import annotations

import datetime as _dt

from ...runtime.psobject import DotNetObject


def _td(seconds: float) -> _dt.timedelta:
    return _dt.timedelta(seconds=seconds)


class Test(DotNetObject):
    ps_type_names = ("Pester.Test", "System.Object")
    ps_properties = ("Name", "Path", "Data", "ExpandedName", "ExpandedPath", "Result", "ErrorRecord",
                     "Duration", "ItemType", "Tag", "Skip", "Block", "ShouldRun", "Executed", "ExecutedAt",
                     "Passed", "Skipped", "UserDuration", "FrameworkDuration", "StartLine", "ScriptBlock")
    ItemType = "Test"

    def __init__(self, name, script_block, block, tags=(), skip=False, data=None, has_data=False, line=0):
        self.name = name
        self.script_block = script_block
        self.block = block
        self.tags = list(tags)
        self.skip = skip
        self.data = data
        self.has_data = has_data
        self.line = line
        self.expanded_name = name
        self.result = "NotRun"
        self.errors = []
        self.duration = 0.0
        self.user_duration = 0.0
        self.should_run = True
        self.executed = False
        self.executed_at = None
        self.skip_reason = None
        self.first = False

    # PowerShell-visible members
    @property
    def Name(self):
        return self.name

    @property
    def Path(self):
        return self.block.path + [self.name]

    @property
    def ExpandedName(self):
        return self.expanded_name

    @property
    def ExpandedPath(self):
        return ".".join(self.block.expanded_path + [self.expanded_name])

    @property
    def Data(self):
        return self.data

    @property
    def Result(self):
        return self.result

    @property
    def ErrorRecord(self):
        return [e.error_record for e in self.errors]

    @property
    def Duration(self):
        return _td(self.duration)

    @property
    def UserDuration(self):
        return _td(self.user_duration)

    @property
    def FrameworkDuration(self):
        return _td(max(0.0, self.duration - self.user_duration))

    @property
    def Tag(self):
        return list(self.tags)

    @property
    def Skip(self):
        return self.skip

    @property
    def Block(self):
        return self.block

    @property
    def ShouldRun(self):
        return self.should_run

    @property
    def Executed(self):
        return self.executed

    @property
    def ExecutedAt(self):
        return self.executed_at

    @property
    def Passed(self):
        return self.result == "Passed"

    @property
    def Skipped(self):
        return self.result == "Skipped"

    @property
    def StartLine(self):
        return self.line

    @property
    def ScriptBlock(self):
        return self.script_block

    def ps_to_string(self):
        return f"[{self.result}] {self.ExpandedPath}"


class Block(DotNetObject):
    ps_type_names = ("Pester.Block", "System.Object")
    ps_properties = ("Name", "Path", "Data", "ExpandedName", "ExpandedPath", "Result", "ErrorRecord",
                     "Duration", "ItemType", "Tag", "Skip", "Blocks", "Tests", "PassedCount", "FailedCount",
                     "SkippedCount", "NotRunCount", "TotalCount", "Passed", "OwnPassed", "Executed")

    def __init__(self, name, kind, parent=None, script_block=None, tags=(), skip=False, data=None,
                 has_data=False, line=0):
        self.name = name
        self.kind = kind                    # "Root", "Describe" or "Context"
        self.parent = parent
        self.script_block = script_block
        self.tags = list(tags)
        self.skip = skip
        self.data = data
        self.has_data = has_data
        self.line = line
        self.items = []                     # Blocks and Tests in discovery order
        self.before_all, self.after_all, self.before_each, self.after_each = [], [], [], []
        self.expanded_name = name
        self.errors = []
        self.result = "NotRun"
        self.duration = 0.0
        self.executed = False
        self.should_run = True
        self.written = False                # its header is on the screen (Detailed)
        self.first = False
        self.container = parent.container if parent is not None else None

    @property
    def is_root(self):
        return self.kind == "Root"

    @property
    def path(self) -> list:
        if self.is_root:
            return []
        return self.parent.path + [self.name]

    @property
    def expanded_path(self) -> list:
        if self.is_root:
            return []
        return self.parent.expanded_path + [self.expanded_name]

    def all_tests(self):
        for item in self.items:
            if isinstance(item, Test):
                yield item
            else:
                yield from item.all_tests()

    def blocks(self):
        return [i for i in self.items if isinstance(i, Block)]

    def tests(self):
        return [i for i in self.items if isinstance(i, Test)]

    def _count(self, result):
        return sum(1 for t in self.all_tests() if t.result == result)

    # PowerShell-visible members
    Name = property(lambda self: self.name)
    Path = property(lambda self: self.path)
    Data = property(lambda self: self.data)
    ExpandedName = property(lambda self: self.expanded_name)
    ExpandedPath = property(lambda self: ".".join(self.expanded_path))
    Result = property(lambda self: self.result)
    ErrorRecord = property(lambda self: [e.error_record for e in self.errors])
    Duration = property(lambda self: _td(self.duration))
    ItemType = property(lambda self: self.kind)
    Tag = property(lambda self: list(self.tags))
    Skip = property(lambda self: self.skip)
    Blocks = property(lambda self: self.blocks())
    Tests = property(lambda self: self.tests())
    PassedCount = property(lambda self: self._count("Passed"))
    FailedCount = property(lambda self: self._count("Failed"))
    SkippedCount = property(lambda self: self._count("Skipped"))
    NotRunCount = property(lambda self: self._count("NotRun"))
    TotalCount = property(lambda self: sum(1 for _ in self.all_tests()))
    Passed = property(lambda self: self.result == "Passed")
    OwnPassed = property(lambda self: not self.errors)
    Executed = property(lambda self: self.executed)
    Parent = property(lambda self: self.parent)

    def ps_to_string(self):
        return f"[{self.result}] {self.ExpandedPath}"


class Container(DotNetObject):
    ps_type_names = ("Pester.Container", "System.Object")
    ps_properties = ("Type", "Item", "Data", "Result", "Duration", "Blocks", "Passed", "PassedCount",
                     "FailedCount", "SkippedCount", "NotRunCount", "TotalCount", "ErrorRecord")

    def __init__(self, path, data=None, script_block=None):
        """A test file (`path`), or a script block given to New-PesterContainer -ScriptBlock: its `path` is
        then the name Pester shows for it, `<ScriptBlock>:<file>:<line>`."""
        self.script_block = script_block
        if script_block is not None:
            ext = getattr(script_block.ast, "extent", None)
            line = ext.line if ext is not None else 1
            path = f"<ScriptBlock>:{script_block.file or ''}:{line}"
        self.path = path
        self.data = data
        self.root = Block("Root", "Root")
        self.root.container = self
        self.errors = []
        self.result = "NotRun"
        self.duration = 0.0
        self.user_duration = 0.0
        self.discovery_duration = 0.0

    def all_tests(self):
        return list(self.root.all_tests())

    def _count(self, result):
        return sum(1 for t in self.root.all_tests() if t.result == result)

    @property
    def Type(self):
        return "ScriptBlock" if self.script_block is not None else "File"

    @property
    def Item(self):
        return self.script_block if self.script_block is not None else self.path

    Data = property(lambda self: self.data)
    Result = property(lambda self: self.result)
    Duration = property(lambda self: _td(self.duration))
    Blocks = property(lambda self: self.root.blocks())
    Passed = property(lambda self: self.result == "Passed")
    PassedCount = property(lambda self: self._count("Passed"))
    FailedCount = property(lambda self: self._count("Failed"))
    SkippedCount = property(lambda self: self._count("Skipped"))
    NotRunCount = property(lambda self: self._count("NotRun"))
    TotalCount = property(lambda self: len(self.all_tests()))
    ErrorRecord = property(lambda self: [e.error_record for e in self.errors])

    def ps_to_string(self):
        return self.path


class Run(DotNetObject):
    ps_type_names = ("Pester.Run", "System.Object")
    ps_properties = ("Containers", "Result", "FailedCount", "FailedBlocksCount", "FailedContainersCount",
                     "PassedCount", "SkippedCount", "NotRunCount", "TotalCount", "Duration", "Executed",
                     "ExecutedAt", "Version", "PSVersion", "Configuration", "Failed", "FailedBlocks",
                     "FailedContainers", "Passed", "Skipped", "NotRun", "Tests", "DiscoveryDuration",
                     "UserDuration", "FrameworkDuration")
    Version = "5.7.1"
    PSVersion = "5.1"

    def __init__(self, containers, configuration=None):
        self.containers = containers
        self.configuration = configuration
        self.result = "NotRun"
        self.duration = 0.0
        self.discovery_duration = 0.0
        self.executed = False
        self.executed_at = None

    def tests(self):
        return [t for c in self.containers for t in c.all_tests()]

    def _with(self, result):
        return [t for t in self.tests() if t.result == result]

    def failed_blocks(self):
        out = []

        def walk(b):
            for x in b.blocks():
                if x.errors:
                    out.append(x)
                walk(x)
        for c in self.containers:
            walk(c.root)
        return out

    def failed_containers(self):
        return [c for c in self.containers if c.errors or c.root.errors]

    Containers = property(lambda self: list(self.containers))
    Result = property(lambda self: self.result)
    FailedCount = property(lambda self: len(self._with("Failed")))
    FailedBlocksCount = property(lambda self: len(self.failed_blocks()))
    FailedContainersCount = property(lambda self: len(self.failed_containers()))
    PassedCount = property(lambda self: len(self._with("Passed")))
    SkippedCount = property(lambda self: len(self._with("Skipped")))
    NotRunCount = property(lambda self: len(self._with("NotRun")))
    TotalCount = property(lambda self: len(self.tests()))
    Duration = property(lambda self: _td(self.duration))
    Executed = property(lambda self: self.executed)
    ExecutedAt = property(lambda self: self.executed_at)
    Configuration = property(lambda self: self.configuration)
    Failed = property(lambda self: self._with("Failed"))
    FailedBlocks = property(lambda self: self.failed_blocks())
    FailedContainers = property(lambda self: self.failed_containers())
    Passed = property(lambda self: self._with("Passed"))
    Skipped = property(lambda self: self._with("Skipped"))
    NotRun = property(lambda self: self._with("NotRun"))
    Tests = property(lambda self: self.tests())
    DiscoveryDuration = property(lambda self: _td(self.discovery_duration))
    UserDuration = property(lambda self: _td(sum(c.user_duration for c in self.containers)))
    FrameworkDuration = property(lambda self: _td(max(0.0, self.duration - sum(c.user_duration
                                                                                for c in self.containers))))

    def ps_to_string(self):
        return "Pester.Run"
