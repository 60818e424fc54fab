"""ConvertTo-Csv, Export-Csv, ConvertFrom-Csv, Import-Csv as Windows PowerShell 5.1 has them.

Writing: a `#TYPE <TypeNames[0]>` line unless -NoTypeInformation, a header of
the FIRST object's property names, then one line per object looked up by those
names; every name and non-null value in double quotes (embedded quotes
doubled); $null or missing values are empty fields without quotes. Values are
.NET ToString() text (arrays show System.Object[]).
Reading: 5.1's record parser (quoted fields with delimiters and newlines, `""`
escapes, blanks around quoted fields dropped), `#TYPE` and `#Fields:` lines,
H1, H2... for unnamed columns; every value is a string.
"""
from __future__ import annotations

import os

from ...commands.cmdlet import Cmdlet, Parameter
from ...errors import error_record, RuntimeException, FileNotFoundException, PSInvalidOperationException
from ...runtime.conversion import dotnet_string, to_string
from ...runtime.members import properties, get_property
from ...runtime.psobject import PSObject, Hashtable, PSMemberInfo
from ...runtime.typenames import type_names_of
from . import encodings
from .textfile import TextFileWriter, FileWriteError
from ..management.filesystem import glob as provider_glob
from ...runtime.wildcard import has_wildcard

_MISSING = object()
LIST_SEPARATOR = ","          # (Get-Culture).TextInfo.ListSeparator of en-US
_HASHTABLE_FIELDS = ("IsReadOnly", "IsFixedSize", "IsSynchronized", "Keys", "Values", "SyncRoot", "Count")


# ---------------------------------------------------------------------------
# writing

def type_line(obj) -> str:
    names = type_names_of(obj)
    if not names:
        return "#TYPE"
    t = names[0]
    if t.startswith("CSV:"):
        t = t[4:]
    return "#TYPE " + t


def _csv_properties(obj):
    """(name, value) pairs CSV writes for obj (5.1: a dictionary's own properties)."""
    if isinstance(obj, (Hashtable, dict)) and not isinstance(obj, PSObject):
        return [("IsReadOnly", "False"), ("IsFixedSize", "False"), ("IsSynchronized", "False"),
                ("Keys", "System.Collections.Hashtable+KeyCollection"),
                ("Values", "System.Collections.Hashtable+ValueCollection"), ("SyncRoot", "System.Object"),
                ("Count", len(obj))]
    return properties(obj)


def property_names(obj) -> list[str]:
    return [n for n, _ in _csv_properties(obj)]


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def header_line(names, delimiter=",") -> str:
    return delimiter.join(quote(n) for n in names)


def _field(v) -> str:
    if v is None or v is _MISSING:
        return ""
    return quote(dotnet_string(v))


def data_line(obj, names, delimiter=",") -> str:
    if isinstance(obj, (Hashtable, dict)) and not isinstance(obj, PSObject):
        values = dict((n.lower(), v) for n, v in _csv_properties(obj))
        return delimiter.join(_field(values.get(n.lower(), _MISSING)) for n in names)
    out = []
    for n in names:
        try:
            v = get_property(obj, n, _MISSING)
        except Exception:   # a throwing getter is written as $null
            v = None
        out.append(_field(v))
    return delimiter.join(out)


class CsvWriter:
    """Lines of a CSV stream: the first object fixes the type line and header."""

    def __init__(self, delimiter=",", no_type_information=False, names=None):
        self.delimiter = delimiter
        self.no_type = no_type_information
        self.names = names        # preset by Export-Csv -Append
        self.started = names is not None

    def lines(self, obj) -> list[str]:
        if obj is None:
            return []
        out = []
        if not self.started:
            self.started = True
            if not self.no_type:
                out.append(type_line(obj))
            self.names = property_names(obj)
            h = header_line(self.names, self.delimiter)
            if h:
                out.append(h)
        line = data_line(obj, self.names, self.delimiter)
        if line or not self.names:
            if line:
                out.append(line)
        return out


def convert_to_csv(objects, delimiter=",", no_type_information=False) -> list[str]:
    w = CsvWriter(delimiter, no_type_information)
    out = []
    for o in objects:
        out.extend(w.lines(o))
    return out


# ---------------------------------------------------------------------------
# reading

class CsvReader:
    """5.1's record parser over a string."""

    def __init__(self, text: str, delimiter=","):
        self.s = text
        self.i = 0
        self.d = delimiter

    @property
    def eof(self):
        return self.i >= len(self.s)

    def _newline(self, c):
        """The newline that starts with c ('\\r\\n', '\\n', '\\r'), consuming it, or None."""
        if c == "\n":
            return "\n"
        if c == "\r":
            if self.i < len(self.s) and self.s[self.i] == "\n":
                self.i += 1
                return "\r\n"
            return "\r"
        return None

    def _till_delimiter(self, cur: list, eat_blanks: bool) -> bool:
        """Rest of a field after a closing quote or inner blank; True at end of record."""
        tmp = []
        non_blank = False
        end = False
        while True:
            if self.eof:
                end = True
                break
            c = self.s[self.i]
            self.i += 1
            if c == self.d:
                break
            if self._newline(c) is not None:
                end = True
                break
            tmp.append(c)
            if c != " " and c != "\t":
                non_blank = True
        text = "".join(tmp)
        cur.append(text.strip(" \t") if eat_blanks and not non_blank else text)
        return end

    def record(self):
        """The next record's fields, or None at the end of input."""
        if self.eof:
            return None
        result = []
        cur: list = []
        in_quotes = False
        s = self.s
        d = self.d
        while not self.eof:
            c = s[self.i]
            self.i += 1
            if c == d:
                if in_quotes:
                    cur.append(c)
                else:
                    result.append("".join(cur))
                    cur = []
            elif c == '"':
                if in_quotes:
                    if self.i < len(s) and s[self.i] == '"':
                        self.i += 1
                        cur.append('"')
                    else:
                        in_quotes = False
                        end = self._till_delimiter(cur, True)
                        result.append("".join(cur))
                        cur = []
                        if end:
                            return result
                elif not cur:
                    in_quotes = True
                else:
                    cur.append(c)
                    end = self._till_delimiter(cur, False)
                    result.append("".join(cur))
                    cur = []
                    if end:
                        return result
            elif c == " " or c == "\t":
                if in_quotes:
                    cur.append(c)
                elif not cur:
                    pass
                else:
                    cur.append(c)
                    end = self._till_delimiter(cur, True)
                    result.append("".join(cur))
                    cur = []
                    if end:
                        return result
            else:
                nl = self._newline(c)
                if nl is not None:
                    if in_quotes:
                        cur.append(nl)
                    else:
                        result.append("".join(cur))
                        return result
                else:
                    cur.append(c)
        if cur:
            result.append("".join(cur))
        return result


class CsvHeaderError(Exception):
    def __init__(self, name):
        super().__init__(f'The member "{name}" is already present.')
        self.name = name


class CsvParser:
    """Header and type state kept across pieces of input (ConvertFrom-Csv
    parses each piped string on its own but keeps the first one's header)."""

    def __init__(self, delimiter=",", header=None):
        self.delimiter = delimiter
        self.header = list(header) if header else None
        self.type_name = None
        self.warned = False
        self.needs_warning = False
        self._checked = bool(header)
        if header:
            self._check_header()

    def _check_header(self):
        h = self.header
        while h and h[-1] == "":
            h.pop()
        for i, n in enumerate(h):
            if n is None or n == "":
                h[i] = f"H{i + 1}"
                self.needs_warning = True
        seen = set()
        for n in h:
            if n.lower() in seen:
                raise CsvHeaderError(n)
            seen.add(n.lower())

    def parse(self, text: str) -> list:
        r = CsvReader(text, self.delimiter)
        out = []
        if self.header is None:
            first = True
            while True:
                rec = r.record()
                if rec is None:
                    return out
                if first and rec and rec[0][:5].lower() == "#type":
                    self.type_name = (self.delimiter.join(rec))[5:].strip()
                    first = False
                    continue
                first = False
                if rec and rec[0].startswith("#Fields: "):
                    rec[0] = rec[0][9:]
                    self.header = rec
                    break
                if rec and rec[0].startswith("#"):
                    continue
                if rec == [""]:
                    continue
                self.header = rec
                break
            self._check_header()
        while True:
            rec = r.record()
            if rec is None:
                break
            if rec == [""] or not rec:
                continue
            out.append(self.make_object(rec))
        return out

    def make_object(self, values):
        if self.type_name:
            obj = PSObject(None, [self.type_name, "CSV:" + self.type_name])
        else:
            obj = PSObject(None)
        members = obj.members
        for i, name in enumerate(self.header):
            v = values[i] if i < len(values) else None
            members[name.lower()] = PSMemberInfo(name, v)
        return obj


H_WARNING = ('One or more headers were not specified. Default names starting with "H" have been used in '
             'place of any missing headers.')


def convert_from_csv(text: str, delimiter=",", header=None) -> list:
    return CsvParser(delimiter, header).parse(text)


# ---------------------------------------------------------------------------
# cmdlets

def _delimiter(cmd) -> str:
    if cmd.bound.get("UseCulture") or "UseCulture" in cmd.bound:
        return LIST_SEPARATOR
    d = cmd.Delimiter
    if d is None or d == "":
        return ","
    return str(d)[0]


class ConvertToCsvCommand(Cmdlet):
    name = "ConvertTo-Csv"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertToCsvCommand"
    default_parameter_set = "Delimiter"
    InputObject = Parameter("psobject", position=0, mandatory=True, value_from_pipeline=True)
    Delimiter = Parameter("char", position=1, parameter_set="Delimiter")
    UseCulture = Parameter("switch", parameter_set="UseCulture", mandatory=True)
    NoTypeInformation = Parameter("switch", aliases=("NTI",))

    def begin(self):
        self._w = CsvWriter(_delimiter(self), bool(self.NoTypeInformation))

    def process(self):
        for line in self._w.lines(self.InputObject):
            self.write_object(line)


class ExportCsvCommand(Cmdlet):
    name = "Export-Csv"
    dotnet_type = "Microsoft.PowerShell.Commands.ExportCsvCommand"
    default_parameter_set = "Delimiter"
    supports_should_process = True
    InputObject = Parameter("psobject", mandatory=True, value_from_pipeline=True)
    Path = Parameter("string", position=0)
    LiteralPath = Parameter("string", aliases=("PSPath",))
    Force = Parameter("switch")
    NoClobber = Parameter("switch", aliases=("NoOverwrite",))
    Encoding = Parameter("string", validate_set=encodings.CSV_NAMES)
    Append = Parameter("switch")
    Delimiter = Parameter("char", position=1, parameter_set="Delimiter")
    UseCulture = Parameter("switch", parameter_set="UseCulture", mandatory=True)
    NoTypeInformation = Parameter("switch", aliases=("NTI",))

    def begin(self):
        self._writer = None
        self._csv = None
        self._skip = False
        path = self.LiteralPath if self.LiteralPath is not None else self.Path
        if path is None:
            raise self.terminating_error(error_record(
                "Cannot perform operation because the path resolved to more than one file. "
                "This command cannot operate on multiple files.", "CannotSpecifyPathAndLiteralPath",
                "InvalidData", None, PSInvalidOperationException))
        self._typed = path
        self._path = self.ctx.resolve_path(path)

    def _open(self, first):
        if not self.should_process(self._typed):
            self._skip = True
            return
        delim = _delimiter(self)
        path = self._path
        names = None
        append = bool(self.Append) and os.path.exists(path) and os.path.getsize(path) > 0
        if append:
            names = _existing_header(path, delim)
            if names is not None:
                props = {n.lower() for n in property_names(first)}
                missing = [n for n in names if n.lower() not in props]
                if missing and not self.Force:
                    raise self.terminating_error(error_record(
                        f"Cannot append CSV content to the following file: {path}. The appended object does "
                        f"not have a property that corresponds to the following column: {missing[0]}. To "
                        f"continue with mismatched properties, add the -Force parameter, and then retry the "
                        f"command.", "CannotAppendCsvWithMismatchedPropertyNames", "InvalidData", missing[0],
                        PSInvalidOperationException))
        enc = encodings.resolve(self.Encoding)
        writer = TextFileWriter(path, enc, append=append, no_clobber=bool(self.NoClobber) and not self.Append,
                                force=bool(self.Force), keep_existing_encoding=append and self.Encoding is None)
        try:
            writer.open()
        except FileWriteError as e:
            raise self.terminating_error(e.record())
        self._writer = writer
        self._csv = CsvWriter(delim, bool(self.NoTypeInformation), names)

    def process(self):
        obj = self.InputObject
        if obj is None or self._skip:
            return
        if self._writer is None:
            self._open(obj)
            if self._skip:
                return
        try:
            for line in self._csv.lines(obj):
                self._writer.write(line + "\n")
        except FileWriteError as e:
            self._writer = None
            raise self.terminating_error(e.record())

    def end(self):
        if self._writer is None and not self._skip and not self.Append:
            # no input: 5.1 still creates (empties) the file
            if self.should_process(self._typed):
                w = TextFileWriter(self._path, encodings.resolve(self.Encoding), no_clobber=bool(self.NoClobber),
                                   force=bool(self.Force))
                try:
                    w.open()
                    w.close()
                except FileWriteError as e:
                    raise self.terminating_error(e.record())
            return
        if self._writer is not None:
            try:
                self._writer.close()
            except FileWriteError as e:
                raise self.terminating_error(e.record())

    def stop(self):
        if self._writer is not None:
            self._writer.abort()


def _existing_header(path, delimiter):
    try:
        text = encodings.read_text(path)
    except OSError:
        return None
    r = CsvReader(text, delimiter)
    while True:
        rec = r.record()
        if rec is None:
            return None
        if rec == [""]:
            continue
        if rec and rec[0][:5].lower() == "#type":
            continue
        return rec


class ConvertFromCsvCommand(Cmdlet):
    name = "ConvertFrom-Csv"
    dotnet_type = "Microsoft.PowerShell.Commands.ConvertFromCsvCommand"
    default_parameter_set = "Delimiter"
    InputObject = Parameter("psobject[]", position=0, mandatory=True, value_from_pipeline=True)
    Delimiter = Parameter("char", position=1, parameter_set="Delimiter")
    UseCulture = Parameter("switch", parameter_set="UseCulture", mandatory=True)
    Header = Parameter("string[]")

    def begin(self):
        self._parser = None

    def process(self):
        items = self.InputObject
        if items is None:
            return
        if not isinstance(items, (list, tuple)):
            items = [items]
        for item in items:
            if self._parser is None:
                try:
                    self._parser = CsvParser(_delimiter(self), self.Header)
                except CsvHeaderError as e:
                    raise self.terminating_error(_duplicate_error(e))
            try:
                objs = self._parser.parse(to_string(item))
            except CsvHeaderError as e:
                raise self.terminating_error(_duplicate_error(e))
            _warn_once(self, self._parser)
            for o in objs:
                self.write_object(o)


def _duplicate_error(e):
    return error_record(e.args[0], "AlreadyPresentPSMemberInfoInternalCollectionAdd", "NotSpecified", None,
                        RuntimeException)


def _warn_once(cmd, parser):
    if parser.needs_warning and not parser.warned:
        parser.warned = True
        cmd.write_warning(H_WARNING)


class ImportCsvCommand(Cmdlet):
    name = "Import-Csv"
    dotnet_type = "Microsoft.PowerShell.Commands.ImportCsvCommand"
    default_parameter_set = "Delimiter"
    Path = Parameter("string[]", position=0, value_from_pipeline=True)
    LiteralPath = Parameter("string[]", aliases=("PSPath",), value_from_pipeline_by_property_name=True)
    Delimiter = Parameter("char", position=1, parameter_set="Delimiter")
    UseCulture = Parameter("switch", parameter_set="UseCulture", mandatory=True)
    Header = Parameter("string[]")
    Encoding = Parameter("string", validate_set=encodings.CSV_NAMES)

    def process(self):
        literal = self.LiteralPath is not None
        paths = self.LiteralPath if literal else self.Path
        if paths is None:
            return
        if isinstance(paths, str):
            paths = [paths]
        for p in paths:
            resolved = self.ctx.resolve_path(p)
            files = [resolved] if literal or not has_wildcard(resolved) else provider_glob(resolved)
            if not files:
                files = [resolved]
            for f in files:
                self._import(f)

    def _import(self, path):
        try:
            if self.Encoding is not None:
                enc = encodings.resolve(self.Encoding)
                with open(path, "rb") as fh:
                    data = fh.read()
                if enc.bom and data.startswith(enc.bom):
                    data = data[len(enc.bom):]
                text = data.decode(enc.codec, "replace")
            else:
                text = encodings.read_text(path)
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError, OSError) as e:
            if isinstance(e, PermissionError):
                msg, exc = f"Access to the path '{path}' is denied.", FileNotFoundException
            else:
                msg, exc = f"Could not find file '{path}'.", FileNotFoundException
            self.write_error(self.error(msg, "FileOpenFailure", "OpenError", path, exc))
            return
        try:
            parser = CsvParser(_delimiter(self), self.Header)
            objs = parser.parse(text)
        except CsvHeaderError as e:
            raise self.terminating_error(_duplicate_error(e))
        _warn_once(self, parser)
        for o in objs:
            self.write_object(o)
