"""Get-FileHash on hashlib: 5.1's FileHash objects, its table, its algorithms and errors."""
import hashlib

from pshim.testing import run


def _files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"hello")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    return tmp_path


def test_sha256_default_upper_hex_and_type(tmp_path):
    _files(tmp_path)
    r = run(f"$h = Get-FileHash '{tmp_path}/a.txt'; $h.Algorithm; $h.Hash; $h.Path; $h.psobject.TypeNames[0]; "
            "($h.psobject.Properties.Name) -join ','")
    assert r.errors == []
    assert r.output == ["SHA256", hashlib.sha256(b"hello").hexdigest().upper(), f"{tmp_path}/a.txt",
                        "Microsoft.Powershell.Utility.FileHash", "Algorithm,Hash,Path"]


def test_each_algorithm_of_the_set(tmp_path):
    _files(tmp_path)
    for name in ("SHA1", "SHA384", "SHA512", "MD5"):
        r = run(f"$h = Get-FileHash -LiteralPath '{tmp_path}/a.txt' -Algorithm {name.lower()}; $h.Algorithm; $h.Hash")
        assert r.output == [name, hashlib.new(name.lower(), b"hello").hexdigest().upper()]


def test_ripemd160_where_hashlib_has_it(tmp_path):
    _files(tmp_path)
    r = run(f"(Get-FileHash '{tmp_path}/a.txt' -Algorithm RIPEMD160).Hash")
    try:
        expected = hashlib.new("ripemd160", b"hello").hexdigest().upper()
    except ValueError:
        assert r.output == []
        assert r.errors[0].message() == "Algorithm 'RIPEMD160' is not supported in this system."
    else:
        assert r.output == [expected]


def test_mactripledes_and_unknown_algorithms_are_refused(tmp_path):
    _files(tmp_path)
    r = run(f"Get-FileHash '{tmp_path}/a.txt' -Algorithm MACTripleDES; 'next'")
    [e] = r.errors
    assert e.message() == "Algorithm 'MACTripleDES' is not supported in this system."
    assert e.FullyQualifiedErrorId == "AlgorithmTypeNotSupported,Get-FileHash"
    assert r.output == ["next"]
    r = run(f"Get-FileHash '{tmp_path}/a.txt' -Algorithm SHA3")
    assert r.errors[0].FullyQualifiedErrorId.startswith("ParameterArgumentValidationError")


def test_wildcards_pipeline_and_folders_skipped(tmp_path):
    _files(tmp_path)
    r = run(f"(Get-FileHash '{tmp_path}/*').Path -join ','; "
            f"(Get-ChildItem '{tmp_path}' | Get-FileHash -Algorithm MD5).Hash -join ','")
    assert r.errors == []
    assert r.output == [f"{tmp_path}/a.txt,{tmp_path}/b.txt",
                        hashlib.md5(b"hello").hexdigest().upper() + "," + hashlib.md5(b"").hexdigest().upper()]


def test_missing_path_error(tmp_path):
    r = run(f"Get-FileHash '{tmp_path}/nope.txt'")
    [e] = r.errors
    assert e.message() == f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."
    assert e.FullyQualifiedErrorId == "PathNotFound,Get-FileHash"


def test_table_view(tmp_path):
    _files(tmp_path)
    r = run(f"Get-FileHash '{tmp_path}/b.txt' | Out-String -Width 200")
    lines = [x.rstrip() for x in r.output[0].splitlines() if x.strip()]
    digest = hashlib.sha256(b"").hexdigest().upper()
    assert lines == ["Algorithm       Hash" + " " * 67 + "Path",
                     "---------       ----" + " " * 67 + "----",
                     f"SHA256          {digest}       {tmp_path}/b.txt"]


def test_input_stream_hashes_from_its_position_and_leaves_it_open(tmp_path):
    _files(tmp_path)
    r = run("$ms = [IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes('xhello')); $ms.Position = 1; "
            "$h = Get-FileHash -InputStream $ms; $h.Algorithm; $h.Hash; $null -eq $h.Path; "
            "$h.psobject.TypeNames[0]; $ms.Position; "
            f"$fs = [IO.File]::OpenRead('{tmp_path}/a.txt'); (Get-FileHash -InputStream $fs -Algorithm MD5).Hash; "
            "$fs.CanRead; $fs.Close()")
    assert r.errors == []
    assert r.output == ["SHA256", hashlib.sha256(b"hello").hexdigest().upper(), True,
                        "Microsoft.Powershell.Utility.FileHash", 6, hashlib.md5(b"hello").hexdigest().upper(), True]


def test_input_stream_errors(tmp_path):
    r = run("$ms = [IO.MemoryStream]::new(); $ms.Close(); Get-FileHash -InputStream $ms; 'after'")
    [e] = r.errors
    assert e.message() == 'Exception calling "ComputeHash" with "1" argument(s): "Cannot access a closed Stream."'
    assert r.output == ["after"]
    r = run("Get-FileHash -InputStream 'text'")
    assert r.errors[0].FullyQualifiedErrorId.split(",")[0] in ("CannotConvertArgumentNoMessage",
                                                                "ParameterArgumentTransformationError")
    r = run(f"Get-FileHash -InputStream ([IO.MemoryStream]::new()) -Path '{tmp_path}'")
    assert r.errors[0].FullyQualifiedErrorId.startswith("AmbiguousParameterSet")
