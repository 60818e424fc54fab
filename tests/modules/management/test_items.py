"""Item cmdlets end to end: listing, views, creation, removal, copy, move, rename."""
import os

from pshim.testing import run


def _run(tmp_path, script, **kw):
    return run(f"cd '{tmp_path}'; " + script, **kw)


def _tree(tmp_path):
    (tmp_path / "a.txt").write_text("hi\n")
    (tmp_path / ".hidden").write_text("h")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.log").write_text("x")


def test_get_childitem_order_recurse_name_force(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "(gci).Name -join ','; (gci -Force).Name -join ','; gci -Recurse -Name; "
                       "(ls -File).Name; (dir -Directory).Name; (gci -Filter *.log -Recurse).Name; "
                       "(gci *.txt).FullName")
    assert r.output == ["sub,a.txt", "sub,.hidden,a.txt", "sub", "a.txt", "sub/b.log", "a.txt", "sub", "b.log",
                        f"{tmp_path}/a.txt"]


def test_get_childitem_missing_path(tmp_path):
    r = _run(tmp_path, "gci nope")
    [e] = r.errors
    assert e.message() == f"Cannot find path '{tmp_path}/nope' because it does not exist."
    assert e.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand"


def test_fileinfo_properties(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "$f = Get-Item a.txt; $f.Name; $f.Length; $f.Extension; $f.BaseName; $f.Mode; "
                       "$f.PSIsContainer; $f.DirectoryName; $f.LastWriteTime.GetType().Name; "
                       "$f.PSChildName; $f.Exists; (Get-Item sub).Mode; (Get-Item sub).Parent.FullName; "
                       "$f.pstypenames[0]; \"$f\"; \"$(gci | select -Last 1)\"")
    assert r.output == ["a.txt", 3, ".txt", "a", "-a----", False, str(tmp_path), "DateTime", "a.txt", True,
                        "d-----", str(tmp_path), "System.IO.FileInfo", f"{tmp_path}/a.txt", "a.txt"]


def test_table_view_groups_by_directory():
    r = run("New-Item C:\\v\\f.txt -Value abc -Force | Out-Null; Get-ChildItem C:\\v", capture_output=False,
            width=80)
    lines = [x.rstrip() for x in r.host_text.splitlines()]
    assert "    Directory: C:\\v" in lines
    i = lines.index("Mode                LastWriteTime         Length Name")
    assert lines[i + 1] == "----                -------------         ------ ----"
    row = lines[i + 2]
    assert row.startswith("-a----  ") and row.rstrip().endswith("             3 f.txt")
    assert len(row.split("f.txt")[0]) == 7 + 1 + 25 + 1 + 14 + 1


def test_new_item_file_directory_and_errors(tmp_path):
    r = _run(tmp_path, "(ni f.txt -Value abc).Name; ni f.txt; (New-Item -ItemType Directory d).Name; "
                       "New-Item -ItemType Directory d; (ni d -ItemType Directory -Force).Name; "
                       "(New-Item -Path d -Name g.txt -ItemType File).FullName; ni x/y/z.txt; "
                       "(ni x/y/z.txt -Force).Name; ni q -ItemType Frob")
    assert r.output == ["f.txt", "d", "d", f"{tmp_path}/d/g.txt", "z.txt"]
    assert (tmp_path / "f.txt").read_bytes() == b"abc"
    msgs = [(e.message(), e.FullyQualifiedErrorId) for e in r.errors]
    assert msgs[0] == (f"The file '{tmp_path}/f.txt' already exists.",
                       "NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand")
    assert msgs[1] == (f"An item with the specified name {tmp_path}/d already exists.",
                       "DirectoryExist,Microsoft.PowerShell.Commands.NewItemCommand")
    assert msgs[2] == (f"Could not find a part of the path '{tmp_path}/x/y/z.txt'.",
                       "NewItemIOError,Microsoft.PowerShell.Commands.NewItemCommand")
    assert msgs[3][1] == "Argument,Microsoft.PowerShell.Commands.NewItemCommand"


def test_new_item_whatif(tmp_path):
    r = _run(tmp_path, "ni f.txt -WhatIf; ni d -ItemType Directory -WhatIf")
    assert r.host_text.splitlines() == [
        f'What if: Performing the operation "Create File" on target "Destination: {tmp_path}/f.txt".',
        f'What if: Performing the operation "Create Directory" on target "Destination: {tmp_path}/d".']
    assert list(tmp_path.iterdir()) == []


def test_remove_item(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "rm a.txt -WhatIf; rm sub -Recurse -WhatIf; rm a.txt; Test-Path a.txt; rm nope.txt")
    assert r.host_text.splitlines() == [
        f'What if: Performing the operation "Remove File" on target "{tmp_path}/a.txt".',
        f'What if: Performing the operation "Remove Directory" on target "{tmp_path}/sub".']
    assert r.output == [False]
    [e] = r.errors
    assert e.message() == f"Cannot find path '{tmp_path}/nope.txt' because it does not exist."
    assert e.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.RemoveItemCommand"


def test_remove_nonempty_folder_prompts(tmp_path):
    _tree(tmp_path)
    q = (f"The item at {tmp_path}/sub has children and the Recurse parameter was not specified. If you continue, "
         "all children will be removed with the item. Are you sure you want to continue?")
    r = _run(tmp_path, "Remove-Item sub", answers=["n"])
    assert q in r.host_text and (tmp_path / "sub").exists()
    r = _run(tmp_path, "Remove-Item sub", answers=["y"])
    assert not (tmp_path / "sub").exists()
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c").write_text("")
    r = _run(tmp_path, "Remove-Item sub", interactive=False)
    [e] = r.errors
    assert e.FullyQualifiedErrorId == "InvalidOperation,Microsoft.PowerShell.Commands.RemoveItemCommand"
    assert (tmp_path / "sub" / "c").exists()
    r = _run(tmp_path, "Remove-Item sub -Recurse")
    assert not (tmp_path / "sub").exists() and not r.errors


def test_remove_readonly_needs_force(tmp_path):
    f = tmp_path / "ro.txt"
    f.write_text("x")
    os.chmod(f, 0o444)
    r = _run(tmp_path, "Remove-Item ro.txt")
    if os.geteuid() != 0:
        [e] = r.errors
        assert e.message() == (f"Cannot remove item {tmp_path}/ro.txt: You do not have sufficient access rights "
                               "to perform this operation.")
        assert e.FullyQualifiedErrorId == \
            "RemoveFileSystemItemUnAuthorizedAccess,Microsoft.PowerShell.Commands.RemoveItemCommand"
    r = _run(tmp_path, "Remove-Item ro.txt -Force")
    assert not f.exists()


def test_pipeline_to_remove_item_uses_pspath(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "gci sub | Remove-Item; gci -Recurse -Filter *.txt | Remove-Item")
    assert not r.errors
    assert sorted(p.name for p in tmp_path.rglob("*")) == [".hidden", "sub"]


def test_copy_item(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "Copy-Item a.txt c.txt -WhatIf; Copy-Item a.txt c.txt -PassThru | % Name; "
                       "Copy-Item a.txt sub; Copy-Item a.txt a.txt; Copy-Item sub sub2 -Recurse; "
                       "(gci sub2).Name -join ','; Copy-Item nope.txt x")
    assert r.host_text.splitlines() == [
        f'What if: Performing the operation "Copy File" on target "Item: {tmp_path}/a.txt Destination: '
        f'{tmp_path}/c.txt".']
    assert r.output == ["c.txt", "a.txt,b.log"]
    assert (tmp_path / "sub" / "a.txt").read_text() == "hi\n"
    e1, e2 = r.errors
    assert e1.message() == f"Cannot overwrite the item {tmp_path}/a.txt with itself."
    assert e1.FullyQualifiedErrorId == "CopyError,Microsoft.PowerShell.Commands.CopyItemCommand"
    assert e2.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.CopyItemCommand"


def test_move_item(tmp_path):
    _tree(tmp_path)
    (tmp_path / "c.txt").write_text("c")
    r = _run(tmp_path, "Move-Item a.txt sub -WhatIf; Move-Item a.txt sub; Move-Item c.txt sub/a.txt; "
                       "Move-Item c.txt sub/a.txt -Force; (gci sub).Name -join ','")
    assert r.host_text.splitlines() == [
        f'What if: Performing the operation "Move File" on target "Item: {tmp_path}/a.txt Destination: '
        f'{tmp_path}/sub/a.txt".']
    assert r.output == ["a.txt,b.log"]
    [e] = r.errors
    assert e.message() == "Cannot create a file when that file already exists."
    assert (tmp_path / "sub" / "a.txt").read_text() == "c"


def test_rename_item(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "Rename-Item a.txt b.txt -WhatIf; Rename-Item a.txt b.txt -PassThru | % Name; "
                       "Rename-Item nope.txt x; ls *.txt | Rename-Item -NewName { $_.BaseName + '.bak' }; "
                       "(gci -File).Name")
    assert r.host_text.splitlines() == [
        f'What if: Performing the operation "Rename Item" on target "Item: {tmp_path}/a.txt Destination: '
        f'{tmp_path}/b.txt".']
    assert r.output == ["b.txt", "b.bak"]
    [e] = r.errors
    assert e.message() == "Cannot rename because item at 'nope.txt' does not exist."
    assert e.FullyQualifiedErrorId == "InvalidOperation,Microsoft.PowerShell.Commands.RenameItemCommand"


def test_invoke_item_reports_error(tmp_path):
    _tree(tmp_path)
    r = _run(tmp_path, "ii a.txt")
    [e] = r.errors
    assert e.FullyQualifiedErrorId == "InvokeItemFailed,Microsoft.PowerShell.Commands.InvokeItemCommand"


def test_copy_item_container_false_flattens_a_recursive_copy(tmp_path):
    src = tmp_path / "src"
    (src / "a" / "b").mkdir(parents=True)
    (src / "x.txt").write_text("1")
    (src / "a" / "y.txt").write_text("2")
    (src / "a" / "b" / "z.txt").write_text("3")
    r = run(f"Copy-Item '{src}' '{tmp_path}/flat' -Recurse -Container:$false; "
            f"Copy-Item '{src}' '{tmp_path}/tree' -Recurse")
    assert r.errors == []
    assert sorted(p.name for p in (tmp_path / "flat").iterdir()) == ["x.txt", "y.txt", "z.txt"]
    assert (tmp_path / "tree" / "a" / "b" / "z.txt").read_text() == "3"


def test_rename_item_wildcard_finds_hidden_items_only_with_force(tmp_path):
    (tmp_path / ".hid1").write_text("1")
    r = run(f"Rename-Item '{tmp_path}/*hid1' h2; Test-Path '{tmp_path}/h2'; "
            f"Rename-Item '{tmp_path}/*hid1' h2 -Force; Test-Path '{tmp_path}/h2'")
    assert r.output == [False, True]
    assert "Cannot rename because item at" in r.error_text


def test_new_psdrive_persist_is_not_declared(tmp_path):
    r = run(f"New-PSDrive -Name T1 -PSProvider FileSystem -Root '{tmp_path}' -Persist")
    assert "A parameter cannot be found that matches parameter name 'Persist'" in r.error_text
