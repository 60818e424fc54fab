"""Mock and Should -Invoke: scoping to blocks and tests, parameter filters, the original command when no
behaviour matches, cmdlets, functions and aliases, the original's parameters, verifiable mocks."""


def _results(r):
    return {t.ExpandedPath: (t.Result, [e.Exception.Message for e in t.ErrorRecord]) for t in r.run.Tests}


def test_mock_scoping_filters_and_counts(pester):
    r = pester({"m.Tests.ps1": """
        BeforeAll {
            function Get-Greeting([string]$Name) { "Hello $Name" }
            function Invoke-Greet { param($Who) Get-Greeting -Name $Who }
        }
        Describe "d" {
            BeforeAll { Mock Get-Greeting { "Mocked $Name" } }
            It "block mock applies" {
                Invoke-Greet -Who Bob | Should -Be "Mocked Bob"
                Should -Invoke Get-Greeting -Times 1 -Exactly
            }
            It "a test's mock wins while it runs; filters pick the behaviour" {
                Mock Get-Greeting { "Filtered" } -ParameterFilter { $Name -eq "Ann" }
                Invoke-Greet -Who Ann | Should -Be "Filtered"
                Invoke-Greet -Who Bob | Should -Be "Mocked Bob"
                Should -Invoke Get-Greeting -Times 2 -Exactly -Scope It
                Should -Invoke Get-Greeting -Times 1 -Exactly -ParameterFilter { $Name -eq "Bob" }
            }
            It "the previous test's mock is gone" {
                Invoke-Greet -Who Ann | Should -Be "Mocked Ann"
            }
            AfterAll {
                Should -Invoke Get-Greeting -Times 4 -Exactly -Scope Describe
            }
        }
        Describe "after the block" {
            It "the original runs again" { Get-Greeting -Name Q | Should -Be "Hello Q" }
            It "with no matching filter and no default mock the original runs" {
                Mock Get-Greeting { "never" } -ParameterFilter { $Name -eq "zzz" }
                Get-Greeting -Name Q | Should -Be "Hello Q"
                Should -Invoke Get-Greeting -Times 0 -Exactly
            }
        }
        """}, args="-Output None")
    assert r.run.FailedCount == 0, _results(r)
    assert r.run.FailedBlocksCount == 0
    assert r.run.PassedCount == 5


def test_should_invoke_failure_messages(pester):
    r = pester({"m.Tests.ps1": """
        BeforeAll { function f($x) { } }
        Describe "d" {
            BeforeEach { Mock f { } }
            It "at least" { f 1; Should -Invoke f -Times 2 }
            It "exactly" { f 1; f 2; Should -Invoke f -Times 1 -Exactly }
            It "not" { f 1; Should -Not -Invoke f }
            It "because" { Should -Invoke f -Because "f does the work" }
            It "exclusive" { f 1; f 2; Should -Invoke f -ExclusiveFilter { $x -eq 1 } }
            It "legacy" { Assert-MockCalled f -Times 1 }
        }
        """}, args="-Output None")
    res = _results(r)
    assert res["d.at least"] == ("Failed", ["Expected f to be called at least 2 times, but was called 1 times"])
    assert res["d.exactly"] == ("Failed", ["Expected f to be called 1 times exactly, but was called 2 times"])
    assert res["d.not"] == ("Failed", ["Expected f not to be called exactly 1 times, but it was"])
    assert res["d.because"] == ("Failed", ["Expected f to be called at least 1 times, because f does the work, "
                                           "but was called 0 times"])
    assert res["d.exclusive"] == ("Failed", ["Expected f to only be called with with parameters matching the "
                                             "specified filter, but 1 non-matching calls were made"])
    assert res["d.legacy"] == ("Failed", ["Expected f to be called at least 1 times, but was called 0 times"])


def test_mocking_cmdlets_and_aliases_keeps_their_parameters(pester):
    r = pester({"m.Tests.ps1": """
        Describe "cmdlets" {
            It "mocks a cmdlet; positions and parameter names bind as the cmdlet's do" {
                Mock Get-Date { "mocked $Format" }
                Get-Date -Format yyyy | Should -Be "mocked yyyy"
                { Get-Date -NoSuchParameter } | Should -Throw -ErrorId 'NamedParameterNotFound*'
            }
            It "mocks through an alias: calls by alias and by name both reach the mock" {
                Mock gci { "listing" }
                gci | Should -Be "listing"
                Get-ChildItem | Should -Be "listing"
                Should -Invoke Get-ChildItem -Times 2 -Exactly
            }
            It "pipeline input binds to the mock as to the cmdlet" {
                Mock Select-String { "match in $($InputObject)" }
                'abc' | Select-String -Pattern b | Should -Be 'match in abc'
            }
            It "the mock body sees the test's variables and `$PesterBoundParameters" {
                $suffix = '!'
                Mock Get-Date { "$($PesterBoundParameters['Format'])$suffix" }
                Get-Date -Format x | Should -Be 'x!'
            }
            It "an unknown command cannot be mocked" {
                { Mock Get-NoSuchThing { } } | Should -Throw 'Could not find Command Get-NoSuchThing'
            }
            It "RemoveParameterType lets a test pass any value" {
                Mock Get-Date { 'ok' } -RemoveParameterType Date
                Get-Date -Date 'not a date' | Should -Be 'ok'
            }
        }
        """}, args="-Output None")
    assert r.run.FailedCount == 0, _results(r)


def test_verifiable_mocks(pester):
    r = pester({"m.Tests.ps1": """
        BeforeAll { function f { }; function g { } }
        Describe "d" {
            It "all called" {
                Mock f { } -Verifiable
                f
                Should -InvokeVerifiable
            }
            It "one missing" {
                Mock f { } -Verifiable
                Mock g { } -Verifiable -ParameterFilter { $true }
                f
                Should -InvokeVerifiable
            }
        }
        """}, args="-Output None")
    res = _results(r)
    assert res["d.all called"][0] == "Passed"
    assert res["d.one missing"] == ("Failed", ["\nExpected all verifiable mocks to be called, but these were not:\n"
                                               " Command g with { $true }"])


def test_mock_outside_a_run_is_an_error():
    from pshim.testing import run
    r = run("Mock Get-Date { 1 }")
    assert r.errors and "Mock can only be used inside" in r.errors[0].message()


def test_mocks_inside_a_script_module_and_in_module_scope(pester):
    r = pester({"mod.Tests.ps1": """
        BeforeAll {
            New-Module -Name PesterToolsDemo -ScriptBlock {
                $secret = 42
                function Get-Secret { $secret }
                function Get-Public { "public $(Get-Secret)" }
                Export-ModuleMember -Function Get-Public
            } | Import-Module
        }
        Describe "module" {
            It "calls the real private function" { Get-Public | Should -Be "public 42" }
            It "mocks inside the module" {
                Mock Get-Secret { 7 } -ModuleName PesterToolsDemo
                Get-Public | Should -Be "public 7"
                Should -Invoke Get-Secret -ModuleName PesterToolsDemo -Times 1 -Exactly
            }
            It "InModuleScope reaches private state" {
                InModuleScope PesterToolsDemo { $secret | Should -Be 42; Get-Secret | Should -Be 42 }
            }
            It "the mock is gone" { Get-Public | Should -Be "public 42" }
        }
        """}, args="-Output None")
    assert r.run.PassedCount == 4, _results(r)


def test_in_module_scope_of_a_builtin_module_is_refused():
    from pshim.testing import run
    r = run("InModuleScope Pester { 1 }")
    assert r.errors and "is not a Script module" in r.errors[0].message()
