"""Compress-Archive / Expand-Archive (Microsoft.PowerShell.Archive 1.0.1.0 of 5.1): archives made with
zipfile, 5.1's error texts and ids, -Update, -Force, -WhatIf, round trips and zip-slip refusal."""
import os
import zipfile

from pshim.testing import run


def _tree(tmp_path):
    logs = tmp_path / "logs"
    (logs / "sub").mkdir(parents=True)
    (logs / "empty").mkdir()
    (logs / "a.txt").write_bytes(b"alpha\r\n")
    (logs / "sub" / "b.log").write_bytes(b"beta" * 1000)
    (logs / ".hidden").write_bytes(b"h")
    (tmp_path / "c.txt").write_bytes(b"gamma")
    return tmp_path


def _names(path):
    with zipfile.ZipFile(path) as z:
        return z.namelist()


def _files(root):
    out = {}
    for d, dirs, files in os.walk(root):
        for n in files:
            p = os.path.join(d, n)
            with open(p, "rb") as f:
                out[os.path.relpath(p, root)] = f.read()
        for n in dirs:
            out[os.path.relpath(os.path.join(d, n), root) + "/"] = None
    return out


def test_folder_is_added_under_its_name_then_files_and_zip_is_appended(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive -Path logs, c.txt -DestinationPath out -Verbose; 'done'")
    assert r.errors == []
    assert r.output == ["done"]      # Compress-Archive writes nothing to the pipeline
    assert _names(tmp_path / "out.zip") == ["logs/empty/", "logs/a.txt", "logs/sub/b.log", "c.txt"]
    assert not (tmp_path / "out").exists()
    assert (f"VERBOSE: The archive file path '{tmp_path}/out' supplied to the DestinationPath parameter does not "
            f"include .zip extension. Hence .zip is appended to the supplied DestinationPath path and the archive "
            f"file would be created at '{tmp_path}/out.zip'.") in r.host_text


def test_round_trip_gives_identical_files_and_times(tmp_path):
    _tree(tmp_path)
    os.utime(tmp_path / "c.txt", (1_600_000_000, 1_600_000_000))
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive logs, c.txt -DestinationPath '{tmp_path}/rt.zip'; "
            f"Expand-Archive rt.zip -DestinationPath back")
    assert r.errors == []
    expected = {"logs/" + k: v for k, v in _files(tmp_path / "logs").items() if not k.startswith(".")}
    expected.update({"logs/": None, "c.txt": b"gamma"})
    assert _files(tmp_path / "back") == expected
    assert int(os.path.getmtime(tmp_path / "back" / "c.txt")) == 1_600_000_000


def test_wildcard_adds_what_is_inside_the_folder(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive logs\\* inside.zip; Compress-Archive logs\\*.* files.zip")
    assert r.errors == []
    # a folder without files reached through a wildcard adds nothing, as in 5.1
    assert _names(tmp_path / "inside.zip") == ["sub/b.log", "a.txt"]
    assert _names(tmp_path / "files.zip") == ["a.txt"]


def test_expand_defaults_to_a_folder_named_after_the_archive(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive logs logs.zip; Remove-Item logs -Recurse -Force; "
            "Expand-Archive logs.zip; Get-Content logs/logs/a.txt")
    assert r.errors == []
    assert r.output == ["alpha"]


def test_compression_levels(tmp_path):
    _tree(tmp_path)
    big = tmp_path / "big.txt"
    big.write_bytes(b"0123456789" * 5000)
    sizes = {}
    for level in ("Optimal", "Fastest", "NoCompression"):
        r = run(f"Compress-Archive '{big}' '{tmp_path}/{level}.zip' -CompressionLevel {level}")
        assert r.errors == []
        with zipfile.ZipFile(tmp_path / f"{level}.zip") as z:
            [info] = z.infolist()
            sizes[level] = (info.compress_type, info.compress_size)
    assert sizes["NoCompression"] == (zipfile.ZIP_STORED, 50000)
    assert sizes["Optimal"][0] == sizes["Fastest"][0] == zipfile.ZIP_DEFLATED
    assert sizes["Optimal"][1] < 1000
    r = run(f"Compress-Archive '{big}' '{tmp_path}/x.zip' -CompressionLevel Best")
    assert r.errors[0].FullyQualifiedErrorId.startswith("ParameterArgumentValidationError")


def test_existing_archive_without_force_or_update(tmp_path):
    _tree(tmp_path)
    run(f"Compress-Archive '{tmp_path}/c.txt' '{tmp_path}/d.zip'")
    r = run(f"Compress-Archive '{tmp_path}/logs' '{tmp_path}/d.zip'; 'after'")
    [e] = r.errors
    assert e.message() == (f"The archive file {tmp_path}/d.zip already exists. Use the -Update parameter to update "
                           "the existing archive file or use the -Force parameter to overwrite the existing archive "
                           "file.")
    assert e.FullyQualifiedErrorId == "ArchiveFileExists,Compress-Archive"
    assert e.CategoryInfo.Category == "InvalidArgument"
    assert r.output == ["after"]
    assert _names(tmp_path / "d.zip") == ["c.txt"]
    r = run(f"Compress-Archive '{tmp_path}/logs/a.txt' '{tmp_path}/d.zip' -Force")
    assert r.errors == []
    assert _names(tmp_path / "d.zip") == ["a.txt"]


def test_update_adds_and_replaces_entries(tmp_path):
    _tree(tmp_path)
    run(f"Compress-Archive '{tmp_path}/logs' '{tmp_path}/u.zip'")
    (tmp_path / "logs" / "a.txt").write_bytes(b"changed")
    (tmp_path / "logs" / "new.txt").write_bytes(b"new")
    r = run(f"Compress-Archive -Path '{tmp_path}/logs' -DestinationPath '{tmp_path}/u.zip' -Update; "
            f"Compress-Archive -LiteralPath '{tmp_path}/c.txt' '{tmp_path}/u.zip' -Update")
    assert r.errors == []
    names = _names(tmp_path / "u.zip")
    assert sorted(names) == sorted(["logs/empty/", "logs/a.txt", "logs/new.txt", "logs/sub/b.log", "c.txt"])
    with zipfile.ZipFile(tmp_path / "u.zip") as z:
        assert z.read("logs/a.txt") == b"changed"
        assert z.read("c.txt") == b"gamma"
        assert z.read("logs/sub/b.log") == b"beta" * 1000
        assert z.testzip() is None
    # entries kept from the old archive keep their content and method; -Update can also add to itself
    r = run(f"Compress-Archive -LiteralPath '{tmp_path}/logs/a.txt' '{tmp_path}/u.zip' -Update "
            "-CompressionLevel NoCompression")
    assert r.errors == []
    with zipfile.ZipFile(tmp_path / "u.zip") as z:
        assert z.namelist() == ["logs/empty/", "logs/a.txt", "logs/new.txt", "logs/sub/b.log", "c.txt", "a.txt"]
        assert z.getinfo("logs/sub/b.log").compress_type == zipfile.ZIP_DEFLATED
        assert z.getinfo("a.txt").compress_type == zipfile.ZIP_STORED
        assert z.testzip() is None


def test_update_of_a_read_only_archive(tmp_path):
    _tree(tmp_path)
    run(f"Compress-Archive '{tmp_path}/c.txt' '{tmp_path}/ro.zip'")
    os.chmod(tmp_path / "ro.zip", 0o444)
    r = run(f"Compress-Archive '{tmp_path}/logs' '{tmp_path}/ro.zip' -Update")
    assert r.errors[0].FullyQualifiedErrorId == "ArchiveFileIsReadOnly,Compress-Archive"
    assert r.errors[0].message().startswith(f"The attributes of the archive file {tmp_path}/ro.zip is set to "
                                            "'ReadOnly' hence it cannot be updated.")


def test_whatif_writes_nothing(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive c.txt w.zip -WhatIf; "
            "Compress-Archive logs, c.txt w2.zip -WhatIf; Test-Path w.zip, w2.zip")
    assert r.errors == []
    assert r.output == [False, False]
    assert f'What if: Performing the operation "Compress-Archive" on target "{tmp_path}/c.txt".' in r.host_text
    assert (f'What if: Performing the operation "Compress-Archive" on target "\n{tmp_path}/logs\n'
            f'{tmp_path}/c.txt".') in r.host_text
    run(f"Compress-Archive '{tmp_path}/c.txt' '{tmp_path}/f.zip'")
    before = (tmp_path / "f.zip").read_bytes()
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive logs f.zip -Force -WhatIf; "
            "Compress-Archive logs f.zip -Update -WhatIf; Expand-Archive f.zip -WhatIf; Expand-Archive f.zip e -WhatIf")
    assert r.errors == []
    assert (tmp_path / "f.zip").read_bytes() == before
    assert not (tmp_path / "f").exists() and not (tmp_path / "e").exists()
    assert f'What if: Performing the operation "Expand-Archive" on target "{tmp_path}/f.zip".' in r.host_text
    assert f'What if: Performing the operation "Create Directory" on target "Destination: {tmp_path}/e".' \
        in r.host_text


def test_missing_source_paths(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive c.txt, nothere.txt out.zip")
    [e] = r.errors
    assert e.message() == "The path 'nothere.txt' either does not exist or is not a valid file system path."
    assert e.FullyQualifiedErrorId == "ArchiveCmdletPathNotFound,Compress-Archive"
    assert e.CategoryInfo.Category == "InvalidArgument"
    assert not (tmp_path / "out.zip").exists()
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive c.txt nodir/out.zip")
    assert r.errors[0].message() == "The path 'nodir' either does not exist or is not a valid file system path."
    r = run(f"Set-Location '{tmp_path}'; Expand-Archive missing.zip")
    assert r.errors[0].message() == "The path 'missing.zip' either does not exist or is not a valid file system path."
    assert r.errors[0].FullyQualifiedErrorId == "ArchiveCmdletPathNotFound,Expand-Archive"


def test_unsupported_extensions(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive c.txt out.7z")
    [e] = r.errors
    assert e.message() == ".7z is not a supported archive file format. .zip is the only supported archive file format."
    assert e.FullyQualifiedErrorId == "NotSupportedArchiveFileExtension,Compress-Archive"
    assert not (tmp_path / "out.7z").exists()
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive c.txt OUT.ZIP; Expand-Archive c.txt")
    assert (tmp_path / "OUT.ZIP").is_file()
    [e] = r.errors
    assert e.message() == ".txt is not a supported archive file format. .zip is the only supported archive file format."
    assert e.FullyQualifiedErrorId == "NotSupportedArchiveFileExtension,Expand-Archive"


def test_duplicate_inputs(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive c.txt, C.TXT dup.zip")
    [e] = r.errors
    assert e.message() == ("The input to Path parameter contains a duplicate path 'C.TXT'. Provide a unique set of "
                           "paths as input to Path parameter.")
    assert e.FullyQualifiedErrorId == "DuplicatePathFound,Compress-Archive"


def test_pipeline_of_items(tmp_path):
    _tree(tmp_path)
    r = run(f"Get-ChildItem '{tmp_path}/logs' | Compress-Archive -DestinationPath '{tmp_path}/p.zip'")
    assert r.errors == []
    # a folder from the pipeline is added under its name; a folder without content adds nothing (as 5.1)
    assert _names(tmp_path / "p.zip") == ["sub/b.log", "a.txt"]


def test_expand_existing_files_need_force(tmp_path):
    _tree(tmp_path)
    run(f"Compress-Archive '{tmp_path}/c.txt' '{tmp_path}/c.zip'")
    (tmp_path / "dest").mkdir()
    (tmp_path / "dest" / "c.txt").write_bytes(b"old")
    r = run(f"Expand-Archive '{tmp_path}/c.zip' '{tmp_path}/dest'; 'next'")
    [e] = r.errors
    f = f"{tmp_path}/dest/c.txt"
    assert e.message() == (f"Failed to create file '{f}' while expanding the archive file '{tmp_path}/c.zip' contents "
                           f"as the file '{f}' already exists. Use the -Force parameter if you want to overwrite the "
                           f"existing directory '{f}' contents when expanding the archive file.")
    assert e.FullyQualifiedErrorId == "ExpandArchiveFileExists,Expand-Archive"
    assert e.CategoryInfo.Category == "InvalidOperation"
    assert r.output == ["next"]
    assert (tmp_path / "dest" / "c.txt").read_bytes() == b"old"
    r = run(f"Expand-Archive '{tmp_path}/c.zip' '{tmp_path}/dest' -Force")
    assert r.errors == []
    assert (tmp_path / "dest" / "c.txt").read_bytes() == b"gamma"


def test_zip_slip_entries_are_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "evil.zip", "w") as z:
        z.writestr("ok.txt", b"fine")
        z.writestr("../escaped.txt", b"bad")
        z.writestr("..\\..\\escaped2.txt", b"bad")
        z.writestr("/abs.txt", b"bad")
    r = run(f"Expand-Archive '{tmp_path}/evil.zip' '{tmp_path}/out'")
    assert [e.message() for e in r.errors] == ["Can not process invalid archive entry '../escaped.txt'.",
                                               "Can not process invalid archive entry '..\\..\\escaped2.txt'.",
                                               "Can not process invalid archive entry '/abs.txt'."]
    assert (tmp_path / "out" / "ok.txt").read_bytes() == b"fine"
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path.parent / "escaped2.txt").exists()
    assert sorted(os.listdir(tmp_path / "out")) == ["ok.txt"]


def test_backslash_entries_of_5_1_archives_become_folders(tmp_path):
    with zipfile.ZipFile(tmp_path / "win.zip", "w") as z:
        z.writestr("Reports\\2024\\jan.csv", b"a,b")
        z.writestr("Reports\\empty\\", b"")
    r = run(f"Expand-Archive -LiteralPath '{tmp_path}/win.zip' -DestinationPath '{tmp_path}/w'")
    assert r.errors == []
    assert (tmp_path / "w" / "Reports" / "2024" / "jan.csv").read_bytes() == b"a,b"
    assert (tmp_path / "w" / "Reports" / "empty").is_dir()


def test_not_a_zip(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"not a zip at all")
    r = run(f"Expand-Archive '{tmp_path}/bad.zip' '{tmp_path}/o'; 'next'")
    [e] = r.errors
    assert e.message() == 'Exception calling ".ctor" with "3" argument(s): "End of Central Directory record could not ' \
                          'be found."'
    assert r.output == ["next"]


def test_drive_paths(tmp_path):
    _tree(tmp_path)
    r = run(f"New-PSDrive -Name Arc -PSProvider FileSystem -Root '{tmp_path}' | Out-Null; "
            "Compress-Archive Arc:\\c.txt Arc:\\c.zip; Compress-Archive Arc:\\c.txt Arc:\\c.zip")
    assert [e.message() for e in r.errors] == [
        "The archive file Arc:\\c.zip already exists. Use the -Update parameter to update the existing archive file "
        "or use the -Force parameter to overwrite the existing archive file."]
    assert _names(tmp_path / "c.zip") == ["c.txt"]


def test_module_and_commands():
    r = run("(Get-Command Compress-Archive).Source; (Get-Command Expand-Archive).Source; "
            "(Get-Module Microsoft.PowerShell.Archive -ListAvailable).Version.ToString(); "
            "Expand-Archive x.zip -PassThru")
    assert r.output == ["Microsoft.PowerShell.Archive", "Microsoft.PowerShell.Archive", "1.0.1.0"]
    assert r.errors[0].FullyQualifiedErrorId.startswith("NamedParameterNotFound")


def test_wildcard_matching_nothing_stops_the_command(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}'; Compress-Archive nomatch*.txt none.zip")
    [e] = r.errors
    assert e.message() == "The path 'nomatch*.txt' either does not exist or is not a valid file system path."
    assert not (tmp_path / "none.zip").exists()


def test_confirm_no_on_the_destination_folder(tmp_path):
    _tree(tmp_path)
    run(f"Compress-Archive '{tmp_path}/c.txt' '{tmp_path}/c.zip'")
    r = run(f"Expand-Archive '{tmp_path}/c.zip' '{tmp_path}/nd' -Confirm", answers=["N", "Y"])
    assert not (tmp_path / "nd").exists()
    assert r.errors[0].FullyQualifiedErrorId == "ArchiveCmdletPathNotFound,Expand-Archive"
    r = run(f"Expand-Archive '{tmp_path}/c.zip' '{tmp_path}/nd' -Confirm", answers=["Y", "Y"])
    assert r.errors == []
    assert (tmp_path / "nd" / "c.txt").read_bytes() == b"gamma"


def test_an_archive_inside_the_folder_it_compresses(tmp_path):
    _tree(tmp_path)
    r = run(f"Set-Location '{tmp_path}/logs'; Compress-Archive * self.zip; Compress-Archive * self.zip -Force; "
            "Compress-Archive a.txt self.zip -Update")
    assert r.errors == []
    assert _names(tmp_path / "logs" / "self.zip") == ["sub/b.log", "a.txt"]
