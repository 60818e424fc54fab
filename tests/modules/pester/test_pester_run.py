"""Invoke-Pester: discovery and run phases, scoping, data-driven tests, skips, filters, the console output
and the -PassThru result."""
import re

from pshim.testing import run

TIME = r"\d+(ms|\.?\d*s) \(\d+(ms|\.?\d*s)\|\d+(ms|\.?\d*s)\)"


def lines(r):
    return [re.sub(TIME, "<t>", ln) for ln in r.host_text.splitlines()]


def test_detailed_output_and_result(pester):
    r = pester({"Math.Tests.ps1": """
        Describe "Math" {
            It "adds" { 1 + 1 | Should -Be 2 }
            It "fails" {
                1 + 1 | Should -Be 3
            }
            Context "more" {
                It "skips" -Skip { throw "not run" }
            }
        }
        """})
    path = f"{r.folder}/Math.Tests.ps1"
    assert lines(r) == [
        "Pester v5.7.1", "", "Starting discovery in 1 files.",
        lines(r)[3], "Running tests.", "", f"Running tests from '{path}'",
        "Describing Math",
        "  [+] adds <t>",
        "  [-] fails <t>",
        "   Expected 3, but got 2.",
        f"   at 1 + 1 | Should -Be 3, {path}:4",
        f"   at <ScriptBlock>, {path}:4",
        " Context more",
        "   [!] skips <t>",
        lines(r)[-2],
        "Tests Passed: 1, Failed: 1, Skipped: 1 NotRun: 0",
    ]
    assert re.fullmatch(r"Discovery found 3 tests in \d+ms\.", lines(r)[3])
    assert re.fullmatch(r"Tests completed in \d+(ms|\.?\d*s)", lines(r)[-2])
    res = r.run
    assert (res.PassedCount, res.FailedCount, res.SkippedCount, res.NotRunCount, res.TotalCount) == (1, 1, 1, 0, 3)
    assert res.Result == "Failed"
    assert [t.ExpandedPath for t in res.Failed] == ["Math.fails"]
    assert res.Failed[0].ErrorRecord[0].FullyQualifiedErrorId == "PesterAssertionFailed"


def test_normal_output_shows_failures_by_path_and_passing_files(pester):
    r = pester({"a.Tests.ps1": """
        Describe "d" {
            It "bad" { throw "boom" }
            It "good" { }
        }
        """, "b.Tests.ps1": """
        Describe "e" { It "ok" { $true | Should -BeTrue } }
        """}, args="-Output Normal")
    out = lines(r)
    assert out[:3] == ["", "Starting discovery in 2 files.", out[2]]
    assert out[3:8] == ["Running tests.", "[-] d.bad <t>", " RuntimeException: boom",
                        f" at <ScriptBlock>, {r.folder}/a.Tests.ps1:2", f"[+] {r.folder}/b.Tests.ps1 <t>"]
    assert out[-1] == "Tests Passed: 2, Failed: 1, Skipped: 0 NotRun: 0"


def test_output_none_prints_nothing(pester):
    r = pester({"a.Tests.ps1": 'Describe "d" { It "i" { 1 | Should -Be 1 } }'}, args="-Output None")
    assert r.host_text == ""
    assert r.run.PassedCount == 1


def test_discovery_and_run_phases(pester):
    r = pester({"phases.Tests.ps1": """
        $script:log = [System.Collections.ArrayList]::new()
        Write-Host "top level (discovery)"
        BeforeAll { Write-Host "file BeforeAll" ; $fromTop = $topVariable }
        $topVariable = "set during discovery"
        Describe "d" {
            Write-Host "describe body (discovery)"
            BeforeAll { Write-Host "BeforeAll" }
            BeforeEach { Write-Host "BeforeEach" }
            It "i1" { Write-Host "It i1"; $fromTop | Should -BeNullOrEmpty }
            It "i2" { Write-Host "It i2" }
            AfterEach { Write-Host "AfterEach" }
            AfterAll { Write-Host "AfterAll" }
        }
        """}, args="-Output None")
    assert r.host_text.splitlines() == [
        "top level (discovery)", "describe body (discovery)", "file BeforeAll", "BeforeAll",
        "BeforeEach", "It i1", "AfterEach", "BeforeEach", "It i2", "AfterEach", "AfterAll"]
    assert r.run.PassedCount == 2


def test_scoping(pester):
    r = pester({"scope.Tests.ps1": """
        BeforeAll { $fileLevel = 'file'; $script:counter = 0 }
        Describe "outer" {
            BeforeAll { $outer = 'outer' }
            BeforeEach { $perTest = 'each'; $script:counter++ }
            It "sees file, block and BeforeEach variables" {
                $fileLevel | Should -Be 'file'
                $outer | Should -Be 'outer'
                $perTest | Should -Be 'each'
                $leak = 'from test 1'
            }
            It "does not see another test's variables; script: variables persist" {
                $leak | Should -BeNullOrEmpty
                $script:counter | Should -Be 2
            }
            It "PSScriptRoot is the test file's folder" {
                $PSScriptRoot | Should -Be (Split-Path $PSCommandPath)
                Test-Path "$PSScriptRoot/scope.Tests.ps1" | Should -BeTrue
            }
            Context "inner" {
                BeforeAll { $outer = 'shadowed' }
                It "sees its own BeforeAll first" { $outer | Should -Be 'shadowed' }
            }
            It "the inner block's variables are gone" { $outer | Should -Be 'outer' }
        }
        Describe "other" {
            It "does not see the first block's BeforeAll" { $outer | Should -BeNullOrEmpty }
        }
        """}, args="-Output None")
    assert r.run.FailedCount == 0, [(t.ExpandedPath, [e.Exception.Message for e in t.ErrorRecord])
                                    for t in r.run.Failed]
    assert r.run.PassedCount == 6


def test_data_driven_tests_and_blocks(pester):
    r = pester({"data.Tests.ps1": """
        BeforeDiscovery { $servers = 'Mailbox01', 'Mailbox02' }
        Describe "server <_>" -ForEach $servers {
            BeforeAll { $name = $_ }
            It "block data is available in the run: <_>" { $name | Should -Be $_ }
        }
        Describe "cases" {
            It "<a> plus <b> is <expected>" -TestCases @(
                @{ a = 1; b = 2; expected = 3 }
                @{ a = 2; b = 2; expected = 4 }
            ) { $a + $b | Should -Be $expected }
            It "<user.name> has <user.age> years" -ForEach @(
                @{ user = [pscustomobject]@{ name = 'Jakub'; age = 31 } }
            ) { $user.age | Should -BeGreaterThan 30 }
            It "plain values are `$_: <_>" -ForEach 7, 8 { $_ | Should -BeGreaterThan 6 }
            It 'literal `<a>' { }
        }
        """})
    names = [t.ExpandedPath for t in r.run.Tests]
    assert names == ["server Mailbox01.block data is available in the run: Mailbox01",
                     "server Mailbox02.block data is available in the run: Mailbox02",
                     "cases.1 plus 2 is 3", "cases.2 plus 2 is 4", "cases.Jakub has 31 years",
                     "cases.plain values are $_: 7", "cases.plain values are $_: 8", "cases.literal <a>"]
    assert r.run.FailedCount == 0
    assert "Describing server Mailbox02" in r.host_text


def test_empty_foreach_is_an_error_unless_allowed(pester):
    r = pester({"e.Tests.ps1": """
        Describe "d" {
            It "none" -ForEach @() -AllowNullOrEmptyForEach { }
            It "one" { }
        }
        Describe "bad" { It "x" -ForEach @() { } }
        """}, args="-Output Normal")
    assert "[-] Discovery in" in r.host_text
    assert "ArgumentException: Value can not be null or empty array" in r.host_text
    assert r.run.FailedContainersCount == 1


def test_before_all_failure_fails_every_test_of_the_block(pester):
    r = pester({"f.Tests.ps1": """
        Describe "d" {
            BeforeAll { throw "setup broke" }
            It "a" { }
            It "b" { }
            AfterAll { Write-Host "teardown ran" }
        }
        Describe "ok" { It "c" { } }
        """}, args="-Output Normal")
    assert r.run.FailedCount == 2 and r.run.PassedCount == 1
    assert r.run.FailedBlocksCount == 1
    assert "[-] Describe d failed" in r.host_text
    assert "teardown ran" in r.host_text
    assert "BeforeAll \\ AfterAll failed: 1" in r.host_text


def test_after_each_runs_after_a_failure_and_its_failure_counts(pester):
    r = pester({"f.Tests.ps1": """
        Describe "d" {
            AfterEach { Write-Host "cleanup $($____x)" }
            It "fails" { throw "x" }
            Context "c" {
                AfterEach { throw "teardown" }
                It "passes but teardown fails" { }
            }
        }
        """}, args="-Output None")
    assert r.host_text.count("cleanup") == 2
    assert [t.Result for t in r.run.Tests] == ["Failed", "Failed"]


def test_filters(pester):
    files = {"t.Tests.ps1": """
        Describe "d" -Tag Slow {
            It "a" -Tag Unit { }
            It "b" { }
        }
        Describe "e" {
            It "c" -Tag Unit { }
            It "d" { }
        }
        """}
    r = pester(files, args="-TagFilter Unit -Output None")
    assert [t.Name for t in r.run.Tests if t.Result == "Passed"] == ["a", "c"]
    assert r.run.NotRunCount == 2
    r = pester(files, args="-ExcludeTagFilter Slow -Output None")
    assert [t.Name for t in r.run.Passed] == ["c", "d"]
    r = pester(files, args="-FullNameFilter 'e.*', 'd.b' -Output Detailed")
    assert [t.Name for t in r.run.Passed] == ["b", "c", "d"]
    assert "Filter 'FullName' set to ('e.*', 'd.b')." in r.host_text
    assert "Filters selected 3 tests to run." in r.host_text


def test_set_it_result(pester):
    r = pester({"s.Tests.ps1": """
        Describe "d" {
            It "skipped inside" { Set-ItResult -Skipped -Because "not today"; throw "not reached" }
        }
        """})
    assert r.run.SkippedCount == 1
    assert re.search(r"\[!\] skipped inside is skipped, because not today \d+ms", r.host_text)


def test_test_drive(pester):
    r = pester({"td.Tests.ps1": """
        Describe "d" {
            It "writes" {
                Set-Content -Path TestDrive:/a.txt -Value 'hello'
                "$TestDrive/a.txt" | Should -Exist
                Get-Content "$TestDrive/a.txt" | Should -Be 'hello'
                'TestDrive:/a.txt' | Should -FileContentMatch 'hel'
                $global:where = $TestDrive
            }
        }
        """}, command=None, args="-Output None")
    assert r.run.PassedCount == 1
    import os
    where = run("$global:where", session=r.session).output[0]
    assert where and not os.path.exists(where)


def test_a_test_file_run_as_a_script_runs_through_pester(tmp_path):
    f = tmp_path / "direct.Tests.ps1"
    f.write_text('Describe "d" {\n  It "i" { 1 | Should -Be 2 }\n}\nDescribe "e" { It "j" { } }\n')
    r = run(f"& '{f}'")
    out = lines(r)
    assert out[:5] == ["", "Starting discovery in 1 files.", out[2], "Running tests.", "[-] d.i <t>"]
    assert out[-1] == "Tests Passed: 1, Failed: 1, Skipped: 0 NotRun: 0"
    assert r.host_text.count("Starting discovery") == 1


def test_ci_exit_code_counts_failures(tmp_path):
    (tmp_path / "x.Tests.ps1").write_text('Describe "d" { It "a" { throw "x" }; It "b" { throw "y" } }\n')
    r = run(f"Set-Location '{tmp_path}'; Invoke-Pester -CI -Output None")
    assert r.exit_code == 2
    assert (tmp_path / "testResults.xml").exists()


def test_configuration_object(pester, tmp_path):
    r = pester({"c.Tests.ps1": 'Describe "d" { It "a" -Tag x { }; It "b" { throw "no" } }'}, command=f"""
        $c = New-PesterConfiguration
        $c.Run.Path = '{tmp_path}'
        $c.Run.PassThru = $true
        $c.Filter.Tag = 'x'
        $c.Output.Verbosity = 'None'
        $c.TestResult.Enabled = $true
        $c.TestResult.OutputFormat = 'JUnitXml'
        $c.TestResult.OutputPath = '{tmp_path}/junit.xml'
        Invoke-Pester -Configuration $c
        """)
    assert not r.errors, r.error_text
    assert r.host_text == ""
    assert (r.run.PassedCount, r.run.NotRunCount) == (1, 1)
    from lxml import etree
    doc = etree.parse(str(tmp_path / "junit.xml"))
    cases = doc.findall(".//testcase")
    assert [(c.get("name"), c.get("status")) for c in cases] == [("d.a", "Passed"), ("d.b", "NotRun")]


def test_configuration_from_a_hashtable(pester, tmp_path):
    r = pester({"c.Tests.ps1": 'Describe "d" { It "a" { } }'}, command=f"""
        Invoke-Pester -Configuration @{{ Run = @{{ Path = '{tmp_path}'; PassThru = $true }}; Output = @{{ Verbosity = 'None' }} }}
        """)
    assert r.run.PassedCount == 1 and r.host_text == ""


def test_nunit_report(tmp_path):
    (tmp_path / "x.Tests.ps1").write_text('Describe "d" { It "a" { }; It "b" { 1 | Should -Be 2 }; '
                                          'It "c" -Skip { } }\n')
    r = run(f"Set-Location '{tmp_path}'; Invoke-Pester -CI -Output None")
    assert r.exit_code == 1
    from lxml import etree
    doc = etree.parse(str(tmp_path / "testResults.xml"))
    root = doc.getroot()
    assert (root.get("total"), root.get("failures"), root.get("skipped")) == ("3", "1", "1")
    cases = root.findall(".//test-case")
    assert [(c.get("name"), c.get("result")) for c in cases] == [("d.a", "Success"), ("d.b", "Failure"),
                                                                  ("d.c", "Ignored")]
    assert cases[1].find("failure/message").text == "Expected 2, but got 1."


def test_test_cases_bound_to_a_param_block(pester):
    r = pester({"p.Tests.ps1": """
        Describe "d" {
            It "<Filter> gives <Expected>" -TestCases @(
                @{ Filter = 'a*'; Expected = 'abc' }
            ) {
                param ($Filter, $Expected, $Unused = 'default')
                'abc' -like $Filter | Should -BeTrue
                $Expected | Should -Be 'abc'
                $Unused | Should -Be 'default'
            }
        }
        """}, args="-Output None")
    assert r.run.PassedCount == 1, [e.Exception.Message for t in r.run.Failed for e in t.ErrorRecord]


def test_pshim_file_runs_a_test_file_like_invoke_pester(tmp_path):
    import subprocess
    import sys
    f = tmp_path / "cli.Tests.ps1"
    f.write_text('Describe "d" {\n  It "i" { 1 | Should -Be 1 }\n  It "j" { 1 | Should -Be 2 }\n}\n')
    p = subprocess.run([sys.executable, "-m", "pshim", "-NoProfile", "-NonInteractive", "-File", str(f)],
                       capture_output=True, text=True, timeout=60)
    assert "Starting discovery in 1 files." in p.stdout
    assert "[-] d.j " in p.stdout
    assert "Tests Passed: 1, Failed: 1, Skipped: 0 NotRun: 0" in p.stdout


def test_should_error_action_continue_collects_every_failure(pester, tmp_path):
    r = pester({"c.Tests.ps1": """
        Describe "d" {
            It "two failures, one test" {
                1 | Should -Be 2 -ErrorAction Continue
                3 | Should -Be 4 -ErrorAction Continue
                Write-Host "still running"
            }
        }
        """}, args="-Output Detailed")
    assert "still running" in r.host_text
    assert [e.Exception.Message for e in r.run.Failed[0].ErrorRecord] == ["Expected 2, but got 1.",
                                                                         "Expected 4, but got 3."]
    assert "   [0] Expected 2, but got 1." in r.host_text
    assert "   [1] Expected 4, but got 3." in r.host_text


def test_paths_with_wildcards_and_excluded_paths(pester, tmp_path):
    r = pester({"a.Tests.ps1": 'Describe "a" { It "x" { } }', "b.Tests.ps1": 'Describe "b" { It "y" { } }',
                "sub/c.Tests.ps1": 'Describe "c" { It "z" { } }'},
               command=f"Invoke-Pester '{tmp_path}/*.Tests.ps1' -ExcludePath '*b.Tests.ps1' -Output None -PassThru")
    assert [t.ExpandedPath for t in r.run.Tests] == ["a.x"]
    r = pester({}, command=f"Invoke-Pester '{tmp_path}' -Output None -PassThru")
    assert [t.ExpandedPath for t in r.run.Tests] == ["a.x", "b.y", "c.z"]


def test_a_missing_path_is_an_error_record(pester, tmp_path):
    r = pester({}, command=f"Invoke-Pester '{tmp_path}/nothing-here' -Output None")
    assert r.errors and r.errors[0].message().startswith("Cannot find path")
