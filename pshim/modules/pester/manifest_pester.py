"""Pester's commands (pshim's own implementation of the Pester 5 test language)."""
MODULE_NAME = "Pester"

_P = "pshim.modules.pester."

CMDLETS = {
    "Describe": _P + "blocks:DescribeCommand",
    "Context": _P + "blocks:ContextCommand",
    "It": _P + "blocks:ItCommand",
    "BeforeAll": _P + "blocks:BeforeAllCommand",
    "AfterAll": _P + "blocks:AfterAllCommand",
    "BeforeEach": _P + "blocks:BeforeEachCommand",
    "AfterEach": _P + "blocks:AfterEachCommand",
    "BeforeDiscovery": _P + "blocks:BeforeDiscoveryCommand",
    "Set-ItResult": _P + "blocks:SetItResultCommand",
    "Should": _P + "should:ShouldCommand",
    "Mock": _P + "mocks:MockCommand",
    "Assert-MockCalled": _P + "mocks:AssertMockCalledCommand",
    "Assert-VerifiableMock": _P + "mocks:AssertVerifiableMockCommand",
    "InModuleScope": _P + "mocks:InModuleScopeCommand",
    "Invoke-Pester": _P + "invoke:InvokePesterCommand",
    "New-PesterConfiguration": _P + "configuration:NewPesterConfigurationCommand",
    "New-PesterContainer": _P + "containers:NewPesterContainerCommand",
}

HELP_TOPICS = {"about_Pester": """TOPIC
    about_Pester

SHORT DESCRIPTION
    Testing scripts with Pester: pshim's own implementation of the Pester 5 test language.

LONG DESCRIPTION
    A test file is named *.Tests.ps1. Describe and Context group tests, It is one test, Should asserts:

        BeforeAll { . $PSScriptRoot/Get-Planet.ps1 }
        Describe 'Get-Planet' {
            It 'lists <Count> planets' -ForEach @{ Count = 8 } {
                @(Get-Planet).Count | Should -Be $Count
            }
        }

    Invoke-Pester <files or folders> [-Output None|Normal|Detailed|Diagnostic] [-PassThru] [-TagFilter <tags>]
    [-ExcludeTagFilter <tags>] [-FullNameFilter <names>] [-CI] [-Configuration <configuration>] runs them
    in two phases. Discovery runs each file's top level, BeforeDiscovery and the Describe/Context bodies
    to find the tests; the run then runs BeforeAll, BeforeEach, the It bodies, AfterEach and AfterAll.
    Put the code your tests need in BeforeAll (or BeforeEach): what the file's top level computes is not
    there when the tests run. Variables that BeforeAll sets are seen by the tests of its block;
    BeforeEach, It and AfterEach share one scope per test; $script: variables last for the file;
    $PSScriptRoot is the test file's folder; TestDrive: is a folder of the file's own, removed after it.

    Mock <command> { <new behaviour> } [-ParameterFilter { <condition> }] replaces a cmdlet, function
    or alias for the block or test that is running (the parameters stay the command's own).
    Should -Invoke <command> [-Times n] [-Exactly] [-Scope It|Describe|Context] checks the calls.

    A test file run as a script (pshim -File x.Tests.ps1) runs through Invoke-Pester, as in Pester 5.

    New-PesterContainer -Path <files or folders> | -ScriptBlock <blocks> [-Data <hashtables>] makes what
    Invoke-Pester -Container runs: each file or block once per data hashtable, whose keys are given to
    its param() block and are variables of its tests. -Output Diagnostic adds Pester's debug messages
    (Discovery:, Skip:, Mock:) to the Detailed output.

SEE ALSO
    Invoke-Pester, Describe, It, Should, Mock
"""}
