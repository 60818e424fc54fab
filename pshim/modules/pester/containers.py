"""New-PesterContainer: what Invoke-Pester -Container runs. A container is a test file (-Path, files,
folders or wildcards, found as Invoke-Pester -Path finds them) or a script block (-ScriptBlock), each
with one set of -Data (a hashtable whose keys are given to the file's or block's param() block). Several
-Data hashtables make one container per hashtable for each file or block, so one test file runs once
per environment, server or data set."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ItemNotFoundException
from ...runtime import conversion as cv
from ...runtime.psobject import DotNetObject, Hashtable, OrderedDictionary, unwrap
from ...runtime.scriptblock import ScriptBlock
from ...runtime.typenames import type_name


class ContainerInfo(DotNetObject):
    """What New-PesterContainer returns (Pester 5's Pester.ContainerInfo): Type File or ScriptBlock, Item
    the file's path or the script block, Data the hashtable given to it."""
    ps_type_names = ("Pester.ContainerInfo", "System.Object")
    ps_properties = ("Type", "Item", "Data")

    def __init__(self, kind, item, data):
        self.Type = kind
        self.Item = item
        self.Data = data

    def to_container(self):
        from .tree import Container
        if self.Type == "ScriptBlock":
            return Container(None, self.Data, script_block=self.Item)
        return Container(self.Item, self.Data)

    def ps_to_string(self):
        return f"{self.Type}: {self.Item if self.Type == 'File' else 'ScriptBlock'}"


def containers_of(value) -> list:
    """-Container's value: ContainerInfo objects (one or a collection)."""
    v = unwrap(value)
    items = v if isinstance(v, (list, tuple)) else [v]
    out = []
    for x in items:
        x = unwrap(x)
        if isinstance(x, ContainerInfo):
            out.append(x)
        elif x is not None:
            from ...errors import ParameterBindingException
            raise ParameterBindingException(
                "Cannot bind parameter 'Container'. Give the objects New-PesterContainer returns.",
                error_id="CannotConvertArgument", category="InvalidArgument")
    return out


def _data_sets(value) -> list:
    v = unwrap(value)
    if v is None:
        return [None]
    items = v if isinstance(v, (list, tuple)) else [v]
    out = []
    for x in items:
        x = unwrap(x)
        if not isinstance(x, (Hashtable, OrderedDictionary, dict)):
            from ...errors import ParameterBindingException
            raise ParameterBindingException(
                f"Cannot process argument transformation on parameter 'Data'. Cannot convert the "
                f"\"{cv.to_string(x)}\" value of type \"{type_name(x)}\" to type \"System.Collections.IDictionary\".",
                error_id="ParameterArgumentTransformationError", category="InvalidData")
        out.append(x)
    return out or [None]


class NewPesterContainerCommand(Cmdlet):
    name = "New-PesterContainer"
    module_name = "Pester"
    synopsis = "Makes containers for Invoke-Pester -Container: test files or script blocks, each with data."

    Path = Parameter("string[]", mandatory=True, parameter_set="Path")
    ScriptBlock = Parameter("scriptblock[]", mandatory=True, parameter_set="ScriptBlock")
    Data = Parameter("object")

    def end(self):
        from . import engine
        data_sets = _data_sets(self.Data)
        if self.ScriptBlock is not None:
            blocks = self.ScriptBlock if isinstance(self.ScriptBlock, (list, tuple)) else [self.ScriptBlock]
            for sb in blocks:
                sb = unwrap(sb)
                if isinstance(sb, ScriptBlock):
                    for d in data_sets:
                        self.write_object(ContainerInfo("ScriptBlock", sb, d))
            return
        paths = self.Path if isinstance(self.Path, (list, tuple)) else [self.Path]
        for p in paths:
            p = cv.to_string(p)
            files = engine.find_test_files(self.ctx, p)
            if not files:
                self.write_error(self.error(f"Cannot find path '{p}' because it does not exist.",
                                            "PathNotFound", "ObjectNotFound", p, ItemNotFoundException))
                continue
            for f in files:
                for d in data_sets:
                    self.write_object(ContainerInfo("File", f, d))
