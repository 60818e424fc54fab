"""Pester: pshim's own implementation of the Pester 5 test language (Describe / It / Should / Mock,
Invoke-Pester), written for pshim from Pester 5's documented behaviour, so ordinary `*.Tests.ps1` files
run unchanged.

Files: tree.py (the test tree, also the -PassThru result objects), blocks.py (Describe, Context, It,
the setup and teardown blocks, Set-ItResult), engine.py (the discovery and run phases, scoping, filters,
TestDrive), should.py (the Should command), should_operators.py (each operator and its failure message),
values.py (how values are printed in messages), mocks.py (Mock, Should -Invoke, InModuleScope),
output.py (what the console shows), invoke.py (Invoke-Pester), configuration.py (New-PesterConfiguration),
reports.py (NUnit and JUnit XML), calls.py (running user script blocks and other commands)."""
MODULE_NAME = "Pester"
