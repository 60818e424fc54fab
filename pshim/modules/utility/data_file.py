"""Microsoft.PowerShell.Utility: Import-PowerShellDataFile, and `read_data_file`, the one reader of .psd1
data files (module manifests and the Exchange lab's definitions use it too)."""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...errors import ItemNotFoundException, ParseError
from ...runtime import conversion as cv


class ImportPowerShellDataFileCommand(Cmdlet):
    name = "Import-PowerShellDataFile"
    dotnet_type = "Microsoft.PowerShell.Commands.ImportPowerShellDataFileCommand"
    module_name = "Microsoft.PowerShell.Utility"
    default_parameter_set = "ByPath"
    synopsis = "Imports values from a .PSD1 file without invoking its contents."

    Path = Parameter("string[]", position=0, mandatory=True, parameter_set="ByPath",
                     value_from_pipeline=True, value_from_pipeline_by_property_name=True)
    LiteralPath = Parameter("string[]", mandatory=True, parameter_set="ByLiteralPath",
                            value_from_pipeline_by_property_name=True, aliases=("PSPath",))

    def process(self):
        import os
        paths = self.Path if self.parameter_set_name == "ByPath" else self.LiteralPath
        for p in paths:
            full = self.ctx.resolve_path(cv.to_string(p))
            if not os.path.exists(full):
                self.write_error(self.error(f"Cannot find path '{full}' because it does not exist.",
                                            "PathNotFound", "ObjectNotFound", full, ItemNotFoundException))
                continue
            try:
                self.processor.emit(read_data_file(self.ctx, full))
            except ParseError as e:
                raise self.terminating_error(e.error_record)
            except DataFileError as e:
                raise self.terminating_error(self.error(str(e), e.error_id, "InvalidData", full))


class DataFileError(Exception):
    error_id = "CouldNotParseAsPowerShellDataFileNoHashtableRoot"


def read_data_file(ctx, path: str):
    """The hashtable a .psd1 data file holds, read with pshim's own parser (Import-PowerShellDataFile,
    module manifests, lab definitions). Raises ParseError (also for anything restricted language does
    not permit: the file's code never runs), or DataFileError when the file does not hold a single
    hashtable."""
    from ...language import parse
    from ...language import ast as A
    from ...language.restricted import check_restricted
    from ...runtime.compile_expr import compile_expr
    from ...commands.function import decode_script
    with open(path, "rb") as fh:
        text = decode_script(fh.read())
    ast = parse(text, path)
    h = _single_hashtable(ast, A)
    if h is None:
        raise DataFileError(f"Cannot parse the file '{path}'. The file does not contain a single hashtable.")
    check_restricted(h)
    return compile_expr(h)(ctx)


def _single_hashtable(ast, A):
    node = ast
    for _ in range(8):
        if isinstance(node, A.HashtableAst):
            return node
        kids = []
        for attr in ("end", "body", "statements", "elements", "expression", "pipeline"):
            v = getattr(node, attr, None)
            if v is None:
                continue
            kids.extend(v if isinstance(v, list) else [v])
        if len(kids) != 1:
            return None
        node = kids[0]
    return None
