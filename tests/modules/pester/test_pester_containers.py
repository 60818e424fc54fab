"""Invoke-Pester -Output Diagnostic (Detailed plus the Discovery, Skip and Mock debug messages) and
New-PesterContainer (-Path / -ScriptBlock, -Data) with Invoke-Pester -Container."""
import re

from pshim.testing import run

TIME = r"\d+(ms|\.?\d*s) \(\d+(ms|\.?\d*s)\|\d+(ms|\.?\d*s)\)"

SERVER_TESTS = """
    param([string] $Server)
    BeforeAll { function Get-Queue { param($Identity) 'real' } }
    Describe "Queues on <Server>" {
        It 'reads the queue of <Server>' {
            Mock Get-Queue { "queue of $Identity" }
            Get-Queue -Identity $Server | Should -Be "queue of $Server"
        }
    }
"""


def lines(r):
    return [re.sub(TIME, "<t>", ln) for ln in r.host_text.splitlines()]


def test_diagnostic_adds_discovery_skip_and_mock_messages(pester):
    r = pester({"d.Tests.ps1": """
        BeforeAll { function Get-Thing { 'real' } }
        Describe 'D' {
            It 'mocks' {
                Mock Get-Thing { 'fake' } -ParameterFilter { $true }
                Get-Thing | Should -Be 'fake'
            }
            It 'skips' -Skip { 1 }
        }
        """}, "-Output Diagnostic")
    path = f"{r.folder}/d.Tests.ps1"
    out = lines(r)
    assert out[:4] == ["Pester v5.7.1", "", "Starting discovery in 1 files.",
                       "Discovery: Starting test discovery in 1 test containers."]
    assert out[4] == f"Discovery: Discovering tests in {path}"
    assert re.fullmatch(r"Discovery: Found 2 tests in \d+ ms", out[5])
    assert out[6] == "Discovery: Processing discovery result objects, to set root, parents, filters etc."
    assert out[7] == "Skip: (D.skips) Test is skipped."
    assert re.fullmatch(r"Discovery found 2 tests in \d+ms\.", out[8])
    assert out[9:13] == ["Discovery: Test discovery finished.", "Running tests.", "",
                         f"Running tests from '{path}'"]
    assert out[13] == "Describing D"
    mock = out[14:out.index("  [+] mocks <t>")]
    assert mock == [
        "Mock: Setting up parametrized mock for Get-Thing.",
        "Mock: We are in a test. Returning mock table from test scope.",
        "Mock: Resolving command Get-Thing.",
        "Mock: Mock does not have a hook yet, creating a new one.",
        mock[4],
        "Mock: Adding a new parametrized behavior to Get-Thing.",
        "Mock: Mock for Get-Thing was invoked from block Process, resolving call history and behaviors.",
        "Mock: Finding behavior to use, one that passes filter or a default:",
        "Mock: Running mock filter {  $true  } without any context.",
        "Mock: Mock filter returned value 'True', which is truthy. Filter passed.",
        "Mock: {  'fake'  } passed parameter filter and will be used for the mock call.",
        "Mock: Executing mock behavior for mock Get-Thing.",
        "Mock: Behavior for Get-Thing was executed.",
    ]
    assert re.fullmatch(r"Mock: Defined new hook with bootstrap function PesterMock_\S+ and aliases Get-Thing\.",
                        mock[4])
    assert out.index("Skip: (D.skips) Test is skipped.", 9) == out.index("  [!] skips <t>") - 1
    assert r.run.PassedCount == 1 and r.run.SkippedCount == 1


def test_diagnostic_skip_messages_of_blocks_and_module_mocks(pester):
    r = pester({"s.Tests.ps1": """
        Describe 'D' {
            Context 'C' -Skip {
                It 'inner' { 1 }
            }
            It 'mocks in a module' {
                Mock -ModuleName Pester Get-Date { 'then' } -ParameterFilter { $Format -eq 'yyyy' }
                Get-Date -Format yyyy | Should -Not -BeNullOrEmpty
            }
        }
        """}, "-Output Diagnostic")
    out = lines(r)
    assert out[out.index("Skip: (D.C) Block is skipped."):][:2] == [
        "Skip: (D.C) Block is skipped.", "Skip: (D.C.inner) Test is skipped because a parent block was skipped."]
    assert "Mock: Setting up parametrized mock for Pester - Get-Date." in out
    assert "Mock: Adding a new parametrized behavior to Pester - Get-Date." in out


def test_detailed_has_no_debug_messages(pester):
    r = pester({"d.Tests.ps1": "Describe 'D' { It 'skips' -Skip { 1 } }"}, "-Output Detailed")
    assert not [ln for ln in lines(r) if re.match(r"(Discovery|Skip|Mock): ", ln)]


def test_diagnostic_through_the_configuration(pester, tmp_path):
    r = pester({"d.Tests.ps1": "Describe 'D' { It 'runs' { 1 | Should -Be 1 } }"},
               command=f"$c = New-PesterConfiguration; $c.Run.Path = '{tmp_path}'; "
               "$c.Output.Verbosity = 'Diagnostic'; Invoke-Pester -Configuration $c")
    assert not r.errors, r.error_text
    assert f"Discovery: Discovering tests in {tmp_path}/d.Tests.ps1" in lines(r)
    assert "  [+] runs <t>" in lines(r)


def test_a_container_per_data_set(tmp_path):
    (tmp_path / "Queue.Tests.ps1").write_text(SERVER_TESTS, encoding="utf-8")
    r = run(f"$c = New-PesterContainer -Path '{tmp_path}' -Data @{{ Server = 'EX1' }}, @{{ Server = 'EX2' }}\n"
            "$c | ForEach-Object { '{0} {1} {2}' -f $_.GetType().FullName, $_.Type, $_.Data.Server }\n"
            "$r = Invoke-Pester -Container $c -Output Detailed -PassThru\n"
            "'{0}/{1}' -f $r.PassedCount, $r.TotalCount\n"
            "$r.Containers | ForEach-Object { '{0} {1} {2}' -f $_.Type, $_.Result, $_.Data.Server }")
    assert not r.errors, r.error_text
    assert r.output[:2] == ["Pester.ContainerInfo File EX1", "Pester.ContainerInfo File EX2"]
    assert r.output[2:] == ["2/2", "File Passed EX1", "File Passed EX2"]
    text = lines(r)
    assert "Describing Queues on EX1" in text and "Describing Queues on EX2" in text
    assert "  [+] reads the queue of EX2 <t>" in text
    assert "Starting discovery in 2 files." in text


def test_a_script_block_container_with_data():
    r = run("$sb = { param($Limit) Describe 'limits' { It 'is under <Limit>' { 5 | Should -BeLessThan $Limit } } }\n"
            "$c = New-PesterContainer -ScriptBlock $sb -Data @{ Limit = 10 }, @{ Limit = 3 }\n"
            "$r = Invoke-Pester -Container $c -Output Normal -PassThru\n"
            "$r.Containers | ForEach-Object { '{0} {1}' -f $_.Type, $_.Result }\n"
            "$r.Failed.ExpandedName")
    assert r.output == ["ScriptBlock Passed", "ScriptBlock Failed", "is under 3"]
    assert re.search(r"\[-\] limits\.is under 3 ", r.host_text)
    assert "Expected the actual value to be less than 3, but got 5." in r.host_text
    assert "Running tests from '<ScriptBlock>::1'" not in r.host_text   # Normal shows no container headers


def test_script_block_container_name_in_detailed(tmp_path):
    script = tmp_path / "run.ps1"
    script.write_text("$c = New-PesterContainer -ScriptBlock {\n"
                      "    Describe 'x' { It 'y' { $true | Should -BeTrue } }\n"
                      "}\n"
                      "Invoke-Pester -Container $c -Output Detailed\n", encoding="utf-8")
    r = run(f"& '{script}'")
    assert f"Running tests from '<ScriptBlock>:{script}:1'" in r.host_text


def test_path_and_container_together_and_missing_path(tmp_path):
    (tmp_path / "a.Tests.ps1").write_text("Describe 'a' { It 'b' { 1 | Should -Be 1 } }", encoding="utf-8")
    r = run(f"$c = New-PesterContainer -ScriptBlock {{ Describe 's' {{ It 't' {{ }} }} }}\n"
            f"(Invoke-Pester -Path '{tmp_path}' -Container $c -Output None -PassThru).TotalCount\n"
            f"New-PesterContainer -Path '{tmp_path}/nothing.Tests.ps1'")
    assert r.output == [2]
    assert [e.FullyQualifiedErrorId for e in r.errors] == ["PathNotFound,New-PesterContainer"]


def test_data_must_be_dictionaries():
    r = run("New-PesterContainer -ScriptBlock { } -Data 5")
    assert not r.output
    assert "System.Collections.IDictionary" in r.error_text


def test_containers_through_the_configuration():
    r = run("$c = New-PesterConfiguration\n"
            "$c.Run.Container = New-PesterContainer -ScriptBlock { param($X) Describe 'd' { It 'x is <X>' { $X | Should -Be 1 } } } -Data @{ X = 1 }\n"
            "$c.Run.PassThru = $true\n"
            "$c.Output.Verbosity = 'None'\n"
            "$r = Invoke-Pester -Configuration $c\n"
            "$r.Tests.ExpandedName; $r.PassedCount")
    assert not r.errors, r.error_text
    assert r.output == ["x is 1", 1]
