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
}
