"""Static members of System.IO.Path / File / Directory.

Path functions are pure string operations with Windows rules (`\\` and `/` are
both separators, `C:` is a root). File and Directory touch the disk through a
path resolver: by default a `C:\\...` path goes through pshim's drive table
(drives.DriveTable, C: -> <pshim home>/drives/C) and a relative path is taken
against the process directory, as .NET does. A session passes its own
resolver with each call (`kw["path_resolver"]`, runtime/compile_expr._static_callbacks).
"""
from __future__ import annotations

import os
import random
import string
import tempfile

from ..errors import FileNotFoundException, DirectoryNotFoundException, IOException, UnauthorizedAccessException
from .psobject import TypedArray, Char, DotNetObject, unwrap
from .method_support import NoOverload, nargs, arg_null, arg_error, a_str, enum_value
from .statics import static_type, SEARCH_OPTION
from .statics_system import byte_array

# ---------------------------------------------------------------------------
# Path resolution (for File / Directory)

_default_drives = None


def resolve_path(path: str, kw=None) -> str:
    """An OS path for a path given to a File/Directory method: through the calling session's resolver
    (`kw["path_resolver"]`, passed by the runtime with each call), else through a drive table of its
    own (C: -> <pshim home>/drives/C), a relative path taken against the process directory."""
    fn = kw.get("path_resolver") if kw else None
    if fn is not None:
        return fn(path)
    from .drives import DriveTable
    global _default_drives
    if _default_drives is None:
        _default_drives = DriveTable()
    return _default_drives.resolve(path, "")


_SEPS = "\\/"


def _check_path(path, param="path"):
    if path is None:
        raise arg_null(param)
    if any(c in path for c in '<>|"\0') or any(ord(c) < 32 for c in path):
        raise arg_error("Illegal characters in path.")


# ---------------------------------------------------------------------------
# System.IO.Path

P = static_type("System.IO.Path")
P.const(DirectorySeparatorChar=Char("\\"), AltDirectorySeparatorChar=Char("/"), PathSeparator=Char(";"),
        VolumeSeparatorChar=Char(":"))


def _root_length(path: str) -> int:
    n = len(path)
    if n >= 2 and path[0] in _SEPS and path[1] in _SEPS:       # UNC: \\server\share
        i, parts = 2, 0
        while i < n:
            if path[i] in _SEPS:
                parts += 1
                if parts == 2:
                    break
            i += 1
        return i
    if n >= 2 and path[1] == ":" and path[0].isalpha():
        return 3 if n >= 3 and path[2] in _SEPS else 2
    if n >= 1 and path[0] in _SEPS:
        return 1
    return 0


def is_rooted(path: str) -> bool:
    return bool(path) and (path[0] in _SEPS or (len(path) >= 2 and path[1] == ":"))


def combine(*parts) -> str:
    result = ""
    for p in parts:
        if not p:
            continue
        if is_rooted(p) or not result:
            result = p
        elif result[-1] in _SEPS + ":":
            result += p
        else:
            result += "\\" + p
    return result


def get_file_name(path):
    if path is None:
        return None
    i = len(path)
    while i > 0 and path[i - 1] not in _SEPS + ":":
        i -= 1
    return path[i:]


def get_extension(path):
    if path is None:
        return None
    name = get_file_name(path)
    i = name.rfind(".")
    if i < 0 or i == len(name) - 1:
        return ""
    return name[i:]


def get_directory_name(path):
    if path is None:
        return None
    if path.strip() == "":
        raise arg_error("The path is not of a legal form.")
    p = path.replace("/", "\\")
    lead = "\\\\" if p.startswith("\\\\") else ""
    body = p[len(lead):]
    while "\\\\" in body:
        body = body.replace("\\\\", "\\")
    p = lead + body
    root = _root_length(p)
    if len(p) <= root:
        return None
    i = len(p)
    while i > root and p[i - 1] != "\\":
        i -= 1
    if i > root:
        i -= 1
    return p[:max(i, root)]


def change_extension(path, ext):
    if path is None:
        return None
    name = get_file_name(path)
    dot = name.rfind(".")
    base = path[:len(path) - len(name) + dot] if dot >= 0 else path
    if ext is None:
        return base
    if ext == "":
        return base + "."
    return base + (ext if ext.startswith(".") else "." + ext)


def _path1(name, fn, result_type="string"):
    @P.method(name, f"static {result_type} {name}(string path)")
    def impl(args, kw):
        nargs(args, 1)
        path = a_str(args, 0)
        if path is not None:
            _check_path(path)
        return fn(path)


@P.method("Combine", "static string Combine(Params string[] paths)", "static string Combine(string path1, string path2)")
def _p_combine(args, kw):
    if len(args) == 1 and isinstance(unwrap(args[0]), (list, tuple)):
        args = list(unwrap(args[0]))
    if not args:
        raise NoOverload()
    parts = []
    for i, a in enumerate(args):
        s = a_str([a], 0)
        if s is None:
            raise arg_null(f"path{i + 1}" if len(args) <= 4 else "paths")
        _check_path(s)
        parts.append(s)
    return combine(*parts)


_path1("GetFileName", get_file_name)
_path1("GetExtension", get_extension)
_path1("GetDirectoryName", get_directory_name)
_path1("IsPathRooted", lambda p: p is not None and is_rooted(p), "bool")
_path1("HasExtension", lambda p: bool(get_extension(p)), "bool")
_path1("GetPathRoot", lambda p: None if p is None else p[:_root_length(p)].replace("/", "\\"))


@P.method("GetFileNameWithoutExtension", "static string GetFileNameWithoutExtension(string path)")
def _p_name_no_ext(args, kw):
    nargs(args, 1)
    name = get_file_name(a_str(args, 0))
    if name is None:
        return None
    i = name.rfind(".")
    return name[:i] if i >= 0 else name


@P.method("ChangeExtension", "static string ChangeExtension(string path, string extension)")
def _p_change_ext(args, kw):
    nargs(args, 2)
    return change_extension(a_str(args, 0), a_str(args, 1))


@P.method("GetFullPath", "static string GetFullPath(string path)")
def _p_full(args, kw):
    nargs(args, 1)
    path = a_str(args, 0)
    if path is None:
        raise arg_null("path")
    if path.strip() == "":
        raise arg_error("The path is not of a legal form.")
    if len(path) >= 2 and path[1] == ":":
        parts = []
        for seg in path[3:].replace("/", "\\").split("\\"):
            if seg in ("", "."):
                continue
            if seg == "..":
                parts = parts[:-1]
            else:
                parts.append(seg)
        return path[:2].upper() + "\\" + "\\".join(parts)
    return os.path.abspath(path)


@P.method("GetTempPath", "static string GetTempPath()")
def _p_temp(args, kw):
    nargs(args, 0)
    return tempfile.gettempdir().rstrip(os.sep) + os.sep


@P.method("GetTempFileName", "static string GetTempFileName()")
def _p_temp_file(args, kw):
    nargs(args, 0)
    fd, name = tempfile.mkstemp(prefix="tmp", suffix=".tmp")
    os.close(fd)
    return name


@P.method("GetRandomFileName", "static string GetRandomFileName()")
def _p_random(args, kw):
    nargs(args, 0)
    chars = string.ascii_lowercase + string.digits
    return "".join(random.choice(chars) for _ in range(8)) + "." + "".join(random.choice(chars) for _ in range(3))


@P.method("GetInvalidFileNameChars", "static char[] GetInvalidFileNameChars()")
def _p_invalid_name(args, kw):
    nargs(args, 0)
    chars = ['"', "<", ">", "|"] + [chr(i) for i in range(32)] + [":", "*", "?", "\\", "/"]
    return TypedArray([Char(c) for c in chars], "System.Char")


@P.method("GetInvalidPathChars", "static char[] GetInvalidPathChars()")
def _p_invalid_path(args, kw):
    nargs(args, 0)
    return TypedArray([Char(c) for c in ['"', "<", ">", "|"] + [chr(i) for i in range(32)]], "System.Char")


# ---------------------------------------------------------------------------
# System.IO.File

F = static_type("System.IO.File")


def _os_error(exc: OSError, path: str, kw=None):
    import errno
    if exc.errno == errno.ENOENT:
        parent = os.path.dirname(resolve_path(path, kw)) if path else ""
        if parent and not os.path.isdir(parent):
            return DirectoryNotFoundException(f"Could not find a part of the path '{path}'.")
        return FileNotFoundException(f"Could not find file '{path}'.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EISDIR):
        return UnauthorizedAccessException(f"Access to the path '{path}' is denied.")
    return IOException(exc.strerror or str(exc))


def _file_path(args, i=0):
    path = a_str(args, i)
    if path is None:
        raise arg_null("path")
    if path.strip() == "":
        raise arg_error("Empty path name is not legal.", "path")
    _check_path(path)
    return path


def _encoding_arg(args, i):
    from .statics_encoding import Encoding, get_encoding
    if len(args) <= i:
        return None
    enc = unwrap(args[i])
    if isinstance(enc, Encoding):
        return enc
    if isinstance(enc, str):
        return get_encoding(enc)
    raise NoOverload()


def decode_text(data: bytes, enc) -> str:
    """StreamReader: a BOM decides, else the given encoding (UTF-8 by default)."""
    from .textdecode import decode
    return decode(data, enc.codec if enc else "utf-8")


@F.method("Exists", "static bool Exists(string path)")
def _f_exists(args, kw):
    nargs(args, 1)
    path = a_str(args, 0)
    if not path or not path.strip():
        return False
    try:
        return os.path.isfile(resolve_path(path, kw))
    except Exception:   # an unresolvable path (unknown drive) simply does not exist
        return False


@F.method("ReadAllText", "static string ReadAllText(string path)",
          "static string ReadAllText(string path, System.Text.Encoding encoding)")
def _f_read_all_text(args, kw):
    nargs(args, 1, 2)
    path = _file_path(args)
    enc = _encoding_arg(args, 1)
    try:
        with open(resolve_path(path, kw), "rb") as fh:
            return decode_text(fh.read(), enc)
    except OSError as exc:
        raise _os_error(exc, path, kw) from None


def _split_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


@F.method("ReadAllLines", "static string[] ReadAllLines(string path)",
          "static string[] ReadAllLines(string path, System.Text.Encoding encoding)")
def _f_read_all_lines(args, kw):
    return TypedArray(_split_lines(_f_read_all_text(args, kw)), "System.String")


@F.method("ReadAllBytes", "static byte[] ReadAllBytes(string path)")
def _f_read_all_bytes(args, kw):
    nargs(args, 1)
    path = _file_path(args)
    try:
        with open(resolve_path(path, kw), "rb") as fh:
            return byte_array(fh.read())
    except OSError as exc:
        raise _os_error(exc, path, kw) from None


def _write(args, mode, name, kw=None):
    nargs(args, 2, 3)
    path = _file_path(args)
    enc = _encoding_arg(args, 2)
    v = unwrap(args[1])
    if isinstance(v, (list, tuple)):
        from .conversion import dotnet_string
        text = "".join(dotnet_string(x) + "\r\n" for x in v)
    else:
        text = a_str(args, 1) or ""
    os_path = resolve_path(path, kw)
    data = b""
    if enc is not None and (mode == "wb" or not os.path.exists(os_path) or os.path.getsize(os_path) == 0):
        data = enc.preamble
    data += text.encode(enc.codec if enc else "utf-8", errors="replace")
    try:
        with open(os_path, mode) as fh:
            fh.write(data)
    except OSError as exc:
        raise _os_error(exc, path, kw) from None


@F.method("WriteAllText", "static void WriteAllText(string path, string contents)",
          "static void WriteAllText(string path, string contents, System.Text.Encoding encoding)")
def _f_write_all_text(args, kw):
    _write(args, "wb", "WriteAllText", kw)


@F.method("AppendAllText", "static void AppendAllText(string path, string contents)",
          "static void AppendAllText(string path, string contents, System.Text.Encoding encoding)")
def _f_append_all_text(args, kw):
    _write(args, "ab", "AppendAllText", kw)


@F.method("WriteAllLines", "static void WriteAllLines(string path, string[] contents)",
          "static void WriteAllLines(string path, string[] contents, System.Text.Encoding encoding)")
def _f_write_all_lines(args, kw):
    args = list(args)
    if len(args) >= 2 and not isinstance(unwrap(args[1]), (list, tuple)):
        args[1] = [args[1]]
    _write(args, "wb", "WriteAllLines", kw)


@F.method("AppendAllLines", "static void AppendAllLines(string path, System.Collections.Generic.IEnumerable[string] contents)",
          "static void AppendAllLines(string path, System.Collections.Generic.IEnumerable[string] contents, "
          "System.Text.Encoding encoding)")
def _f_append_all_lines(args, kw):
    args = list(args)
    if len(args) >= 2 and not isinstance(unwrap(args[1]), (list, tuple)):
        args[1] = [args[1]]
    _write(args, "ab", "AppendAllLines", kw)


@F.method("WriteAllBytes", "static void WriteAllBytes(string path, byte[] bytes)")
def _f_write_all_bytes(args, kw):
    nargs(args, 2)
    path = _file_path(args)
    from .statics_system import _bytes
    try:
        with open(resolve_path(path, kw), "wb") as fh:
            fh.write(_bytes(args[1], "bytes"))
    except OSError as exc:
        raise _os_error(exc, path, kw) from None


@F.method("Delete", "static void Delete(string path)")
def _f_delete(args, kw):
    nargs(args, 1)
    path = _file_path(args)
    try:
        os.remove(resolve_path(path, kw))
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _os_error(exc, path, kw) from None


@F.method("Copy", "static void Copy(string sourceFileName, string destFileName)",
          "static void Copy(string sourceFileName, string destFileName, bool overwrite)")
def _f_copy(args, kw):
    import shutil
    nargs(args, 2, 3)
    src, dst = _file_path(args, 0), _file_path(args, 1)
    overwrite = len(args) == 3 and bool(unwrap(args[2]))
    d = resolve_path(dst, kw)
    if os.path.exists(d) and not overwrite:
        raise IOException(f"The file '{dst}' already exists.")
    try:
        shutil.copyfile(resolve_path(src, kw), d)
    except OSError as exc:
        raise _os_error(exc, src, kw) from None


# ---------------------------------------------------------------------------
# System.IO.Directory

DIR = static_type("System.IO.Directory")


class DirectoryInfo(DotNetObject):
    ps_type_names = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                     "System.Object")
    ps_properties = ("Name", "FullName", "Exists")

    def __init__(self, path):
        self.original = path
        stripped = path.rstrip("\\/")
        self.Name = get_file_name(stripped) or path
        self.FullName = path
        self.Exists = True

    def ps_to_string(self):
        return self.original


@DIR.method("Exists", "static bool Exists(string path)")
def _d_exists(args, kw):
    nargs(args, 1)
    path = a_str(args, 0)
    if not path or not path.strip():
        return False
    try:
        return os.path.isdir(resolve_path(path, kw))
    except Exception:   # unresolvable (unknown drive): does not exist
        return False


@DIR.method("CreateDirectory", "static System.IO.DirectoryInfo CreateDirectory(string path)")
def _d_create(args, kw):
    nargs(args, 1)
    path = _file_path(args)
    try:
        os.makedirs(resolve_path(path, kw), exist_ok=True)
    except FileExistsError:
        raise IOException(f"Cannot create \"{path}\" because a file or directory with the same name already "
                          "exists.") from None
    except OSError as exc:
        raise _os_error(exc, path, kw) from None
    return DirectoryInfo(path)


def _join_like(base: str, name: str) -> str:
    if "/" in base and "\\" not in base and not (len(base) > 1 and base[1] == ":"):
        return base.rstrip("/") + "/" + name
    return base if not name else (base + name if base.endswith(("\\", "/")) else base + "\\" + name)


def _listing(args, want_files, want_dirs, name, kw=None):
    nargs(args, 1, 2, 3)
    path = _file_path(args)
    pattern = a_str(args, 1) if len(args) > 1 else "*"
    if pattern is None:
        raise arg_null("searchPattern")
    recursive = len(args) == 3 and enum_value(args[2], SEARCH_OPTION, "System.IO.SearchOption", name,
                                              "searchOption") == 1
    root = resolve_path(path, kw)
    if not os.path.isdir(root):
        raise DirectoryNotFoundException(f"Could not find a part of the path '{path}'.")
    out = []

    def walk(os_dir, shown):
        try:
            entries = sorted(os.listdir(os_dir), key=str.lower)
        except OSError as exc:
            raise _os_error(exc, shown, kw) from None
        for e in entries:
            full = os.path.join(os_dir, e)
            is_dir = os.path.isdir(full)
            if ((is_dir and want_dirs) or (not is_dir and want_files)) and _match(e, pattern):
                out.append(_join_like(shown, e))
        if recursive:
            for e in entries:
                full = os.path.join(os_dir, e)
                if os.path.isdir(full):
                    walk(full, _join_like(shown, e))
    walk(root, path)
    return TypedArray(out, "System.String")


def _match(name, pattern):
    from .wildcard import search_pattern_match
    return search_pattern_match(pattern, name)


@DIR.method("GetFiles", "static string[] GetFiles(string path)",
            "static string[] GetFiles(string path, string searchPattern)",
            "static string[] GetFiles(string path, string searchPattern, System.IO.SearchOption searchOption)")
def _d_get_files(args, kw):
    return _listing(args, True, False, "GetFiles", kw)


@DIR.method("GetDirectories", "static string[] GetDirectories(string path)",
            "static string[] GetDirectories(string path, string searchPattern)",
            "static string[] GetDirectories(string path, string searchPattern, System.IO.SearchOption searchOption)")
def _d_get_dirs(args, kw):
    return _listing(args, False, True, "GetDirectories", kw)


@DIR.method("GetFileSystemEntries", "static string[] GetFileSystemEntries(string path)",
            "static string[] GetFileSystemEntries(string path, string searchPattern)")
def _d_get_entries(args, kw):
    nargs(args, 1, 2)
    return _listing(args, True, True, "GetFileSystemEntries", kw)


@DIR.method("Delete", "static void Delete(string path)", "static void Delete(string path, bool recursive)")
def _d_delete(args, kw):
    import shutil
    nargs(args, 1, 2)
    path = _file_path(args)
    p = resolve_path(path, kw)
    if not os.path.isdir(p):
        raise DirectoryNotFoundException(f"Could not find a part of the path '{path}'.")
    try:
        if len(args) == 2 and unwrap(args[1]):
            shutil.rmtree(p)
        else:
            os.rmdir(p)
    except OSError as exc:
        if os.listdir(p):
            raise IOException("The directory is not empty.") from None
        raise _os_error(exc, path, kw) from None


@DIR.method("GetCurrentDirectory", "static string GetCurrentDirectory()")
def _d_cwd(args, kw):
    nargs(args, 0)
    return os.getcwd()


# streams (MemoryStream, FileStream, StreamReader/Writer, File.Open*) register themselves on these types
from . import streams, text_streams  # noqa: E402,F401
