"""Test-Path, Join-Path, Split-Path, Resolve-Path, locations and drives end to end."""
import os

from pshim.testing import run


def _run(tmp_path, script, **kw):
    return run(f"cd '{tmp_path}'; " + script, **kw)


def test_test_path(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "d").mkdir()
    r = _run(tmp_path, "Test-Path a.txt; Test-Path nope; Test-Path *.txt; Test-Path d -PathType Leaf; "
                       "Test-Path d -PathType Container; Test-Path a.txt -PathType Leaf; Test-Path Q:\\x; "
                       "Test-Path 'C:\\x<y' -IsValid; Test-Path 'C:\\ok' -IsValid; Test-Path A.TXT")
    assert r.output == [True, False, True, False, True, True, False, False, True, True]
    assert not r.errors


def test_join_path():
    r = run("Join-Path C:\\a b; Join-Path C:\\a\\ \\b; Join-Path /tmp x; Join-Path /tmp/ /x; "
            "Join-Path C:\\a b/c; Join-Path Q:\\a b; Join-Path a b c")
    assert r.output == ["C:\\a\\b", "C:\\a\\b", "/tmp/x", "/tmp/x", "C:\\a\\b\\c"]
    e1, e2 = r.errors
    assert e1.message() == "Cannot find drive. A drive with the name 'Q' does not exist."
    assert e1.FullyQualifiedErrorId == "DriveNotFound,Microsoft.PowerShell.Commands.JoinPathCommand"
    assert e2.message() == "A positional parameter cannot be found that accepts argument 'c'."


def test_join_path_resolve(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    r = run(f"Join-Path '{tmp_path}' *.txt -Resolve; Join-Path '{tmp_path}' nope -Resolve")
    assert r.output == [f"{tmp_path}/a.txt"]
    [e] = r.errors
    assert e.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.JoinPathCommand"


def test_split_path():
    r = run("Split-Path C:\\a\\b.txt; Split-Path C:\\a\\b.txt -Leaf; Split-Path C:\\a; Split-Path C:\\; "
            "Split-Path /tmp/x/y; Split-Path C:\\a\\b.txt -Qualifier; Split-Path C:\\a\\b.txt -NoQualifier; "
            "Split-Path C:\\a -IsAbsolute; Split-Path a\\b -IsAbsolute; Split-Path a\\b\\; Split-Path x -Qualifier")
    assert r.output == ["C:\\a", "b.txt", "C:\\", "", "/tmp/x", "C:", "\\a\\b.txt", True, False, "a"]
    [e] = r.errors
    assert e.message() == "Cannot parse path because path 'x' does not have a qualifier specified."
    assert e.FullyQualifiedErrorId == "ParsePathFailed,Microsoft.PowerShell.Commands.SplitPathCommand"


def test_resolve_path(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.txt").write_text("x")
    r = _run(tmp_path, "(Resolve-Path *.txt).Path; Resolve-Path a.txt -Relative; "
                       "(Resolve-Path a.txt).GetType().FullName; Resolve-Path nope; Resolve-Path *.none")
    assert r.output == [f"{tmp_path}/a.txt", f"{tmp_path}/b.txt", "./a.txt",
                        "System.Management.Automation.PathInfo"]
    e1, e2 = r.errors
    assert e1.message() == f"Cannot find path '{tmp_path}/nope' because it does not exist."
    assert e1.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand"
    assert e2.message() == f"Cannot find path '{tmp_path}/*.none' because it does not exist."


def test_set_location_and_stack(tmp_path):
    (tmp_path / "d").mkdir()
    r = _run(tmp_path, "cd d; $PWD.Path; cd ..; (Get-Location).Path; pushd d; (gl).Path; popd; (pwd).Path; "
                       "cd -; cd nope; cd C:\\; $PWD.Path; sl Q:\\")
    t = str(tmp_path)
    assert r.output == [f"{t}/d", t, f"{t}/d", t, "C:\\"]
    e1, e2, e3 = r.errors
    assert e1.message() == f"Cannot find path '{t}/-' because it does not exist."
    assert e1.FullyQualifiedErrorId == "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand"
    assert e2.message() == f"Cannot find path '{t}/nope' because it does not exist."
    assert e3.message() == "Cannot find drive. A drive with the name 'Q' does not exist."


def test_get_location_view():
    r = run("cd C:\\; Get-Location", capture_output=False)
    lines = [x.rstrip() for x in r.host_text.splitlines()]
    assert lines[lines.index("Path") + 1] == "----"
    assert lines[lines.index("Path") + 2] == "C:\\"


def test_drive_form_items_and_relative_resolution():
    r = run("cd C:\\; ni w -ItemType Directory | Out-Null; cd w; Set-Content f.txt 1; (gi f.txt).FullName; "
            "(gi f.txt).PSPath; (Resolve-Path f.txt -Relative); (Join-Path (gl) x)")
    assert r.output == ["C:\\w\\f.txt", "Microsoft.PowerShell.Core\\FileSystem::C:\\w\\f.txt", ".\\f.txt",
                        "C:\\w\\x"]


def test_psdrive_lifecycle(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "f.txt").write_text("hello\n")
    r = run(f"New-PSDrive -Name X -PSProvider FileSystem -Root '{tmp_path}/data' -WhatIf; "
            f"(New-PSDrive -Name X -PSProvider FileSystem -Root '{tmp_path}/data').Name; Get-Content X:\\f.txt; "
            f"(Get-Item X:\\f.txt).FullName; (Get-PSDrive X).Name; New-PSDrive X FileSystem '{tmp_path}'; "
            "New-PSDrive Y FileSystem C:\\nope; New-PSDrive Z Registry HKLM:\\; Remove-PSDrive X; Get-PSDrive X")
    assert r.host_text.splitlines() == [
        'What if: Performing the operation "New drive" on target "Name: X Provider: '
        f'Microsoft.PowerShell.Core\\FileSystem Root: {tmp_path}/data".']
    assert r.output == ["X", "hello", "X:\\f.txt", "X"]
    msgs = [(e.message(), e.FullyQualifiedErrorId.split(",")[0]) for e in r.errors]
    assert msgs == [
        ("A drive with the name 'X' already exists.", "DriveAlreadyExists"),
        ('The specified drive root "C:\\nope" either does not exist, or it is not a folder.', "DriveRootError"),
        ("Cannot find a provider with the name 'Registry'.", "ProviderNotFound"),
        ("Cannot find drive. A drive with the name 'X' does not exist.", "GetLocationNoMatchingDrive"),
    ]


def test_get_psdrive_view():
    r = run("Get-PSDrive C", capture_output=False)
    lines = [x.rstrip() for x in r.host_text.splitlines()]
    assert "Name           Used (GB)     Free (GB) Provider      Root" in lines[1]
    row = next(x for x in lines if x.startswith("C "))
    assert row.endswith("FileSystem    C:\\")


def test_aliases_resolve_to_management_cmdlets():
    names = ("gci ls dir cat type gc sc ac cd chdir sl pwd gl pushd popd ni ri rm del rd rmdir erase cp copy "
             "cpi mv move mi ren rni gi ii clc").split()
    r = run("; ".join(f"(Get-Alias {n}).Definition" for n in names))
    assert len(r.output) == len(names) and not r.errors
    assert r.output[0] == "Get-ChildItem" and r.output[-1] == "Clear-Content"
