"""Pester: pshim's own implementation of the Pester 5 test language (Describe / It / Should / Mock,
Invoke-Pester), written for pshim from Pester 5's documented behaviour, so ordinary `*.Tests.ps1` files
run unchanged. Files: tree.py (the test tree), blocks.py (Describe, Context, It, setup and teardown
blocks), engine.py (discovery and run phases, scoping), should.py + should_operators.py + values.py
(assertions and their failure messages), mocks.py (Mock, Should -Invoke), output.py (what the console
shows), results.py (the -PassThru result objects), invoke.py (Invoke-Pester)."""
MODULE_NAME = "Pester"
