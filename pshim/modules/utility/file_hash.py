"""Get-FileHash: the hash of each file a path names, on hashlib, as 5.1's Get-FileHash returns it.

Each result is a custom object of type Microsoft.Powershell.Utility.FileHash with Algorithm (upper case),
Hash (upper-case hex) and Path (the file's path), shown in 5.1's table (Algorithm 15, Hash 70, Path).
-Path takes wildcards (resolved as Resolve-Path resolves them), -LiteralPath (alias PSPath, from the
pipeline by property name, so `Get-ChildItem | Get-FileHash` works) does not; folders are skipped.
-Algorithm is one of 5.1's set: SHA1, SHA256 (the default), SHA384, SHA512, MD5, RIPEMD160 where this
system's hashlib (OpenSSL) provides it, and MACTripleDES, which is refused with 5.1's "not supported"
error: 5.1 keys it with a random key on each call, so its results can never be compared.

-InputStream takes a System.IO.Stream (pshim.runtime.streams: [IO.File]::OpenRead, MemoryStream, ...) and
hashes it from its position to its end, leaving it open, as 5.1's does; its result's Path is empty.
"""
from __future__ import annotations

import hashlib
import os

from ...commands.parameters import Parameter, ParameterSetData
from ...errors import InvalidOperationException, MethodInvocationException, PSException
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject, unwrap
from ..management.filesystem import FsCmdlet

ALGORITHMS = ("SHA1", "SHA256", "SHA384", "SHA512", "MACTripleDES", "MD5", "RIPEMD160")
FILE_HASH_TYPE = "Microsoft.Powershell.Utility.FileHash"
_CHUNK = 1 << 20


def new_hasher(algorithm: str):
    """A hashlib object for one of 5.1's algorithm names, or None when this system has none."""
    name = algorithm.upper()
    if name == "MACTRIPLEDES":
        return None
    try:
        return hashlib.new(name.lower())
    except (ValueError, TypeError):
        return None


def hash_file(os_path: str, hasher) -> str:
    with open(os_path, "rb") as f:
        while True:
            block = f.read(_CHUNK)
            if not block:
                break
            hasher.update(block)
    return hasher.hexdigest().upper()


def hash_stream(stream, hasher) -> str:
    """The digest of a pshim stream from its position to its end (it stays open)."""
    stream._check_read()
    while True:
        block = stream._read(_CHUNK)
        if not block:
            break
        hasher.update(block)
    return hasher.hexdigest().upper()


def file_hash_object(algorithm: str, digest: str, path: str | None) -> PSObject:
    """5.1's FileHash: Algorithm, Hash and Path ($null for a stream)."""
    pairs = [("Algorithm", algorithm.upper()), ("Hash", digest), ("Path", path)]
    obj = PSObject.from_pairs(pairs)
    obj.type_names.insert(0, FILE_HASH_TYPE)
    return obj


class GetFileHashCommand(FsCmdlet):
    name = "Get-FileHash"
    module_name = "Microsoft.PowerShell.Utility"
    default_parameter_set = "Path"
    synopsis = "Computes the hash value for a file by using a specified hash algorithm."
    output_type = FILE_HASH_TYPE

    Path = Parameter("string[]", sets=[ParameterSetData("Path", position=0, mandatory=True)])
    LiteralPath = Parameter("string[]", aliases=("PSPath",), sets=[
        ParameterSetData("LiteralPath", mandatory=True, from_pipeline_by_name=True)])
    InputStream = Parameter("System.IO.Stream", sets=[ParameterSetData("Stream", mandatory=True)])
    Algorithm = Parameter("string", validate_set=ALGORITHMS, default="SHA256")

    def begin(self):
        algorithm = cv.to_string(self.Algorithm or "SHA256")
        # the set's own spelling (ValidateSet accepts any case)
        self._algorithm = next((a for a in ALGORITHMS if a.lower() == algorithm.lower()), algorithm)
        if new_hasher(self._algorithm) is None:
            self.throw_terminating_error(self.error(
                f"Algorithm '{self._algorithm}' is not supported in this system.", "AlgorithmTypeNotSupported",
                "InvalidArgument", None, InvalidOperationException))

    def process(self):
        if self.parameter_set_name == "Stream":
            self._stream_hash(unwrap(self.InputStream))
            return
        values, literal = self.path_values()
        for typed in values:
            for r in self.expand(cv.to_string(typed), literal, report_empty_glob=True):
                if os.path.isdir(r.os_path):
                    continue
                try:
                    digest = hash_file(r.os_path, new_hasher(self._algorithm))
                except OSError as e:
                    reason = self._read_error_text(e, r.display)
                    self.write_error(self.error(f"The file '{r.display}' cannot be read: {reason}", "FileReadError",
                                                "ReadError", r.display))
                    continue
                self.write_object(file_hash_object(self._algorithm, digest, r.display))

    def _stream_hash(self, stream):
        try:
            digest = hash_stream(stream, new_hasher(self._algorithm))
        except PSException as e:
            # what ComputeHash throws ends the command (5.1's Get-FileHash does not catch it)
            raise self.terminating_error(self.error(
                f'Exception calling "ComputeHash" with "1" argument(s): "{e.message}"', type(e).ps_type.rsplit(".", 1)[-1],
                "NotSpecified", None, MethodInvocationException))
        self.write_object(file_hash_object(self._algorithm, digest, None))

    @staticmethod
    def _read_error_text(e: OSError, display: str) -> str:
        if isinstance(e, PermissionError):
            inner = f"Access to the path '{display}' is denied."
        else:
            inner = (e.strerror or str(e)).rstrip(".") + "."
        return f'Exception calling "OpenRead" with "1" argument(s): "{inner}"'


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    register_view(FILE_HASH_TYPE, TableView([
        Column("Algorithm", width=15, alignment="left"),
        Column("Hash", width=70, alignment="left"),
        Column("Path"),
    ]))


_register_views()
