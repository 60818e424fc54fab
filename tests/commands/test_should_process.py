"""ShouldProcess: -WhatIf, -Confirm, $ConfirmPreference, $WhatIfPreference and propagation."""
from pshim.testing import run

FN = """
function Remove-Thing {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact='Medium')]
    param([Parameter(ValueFromPipeline)] [string]$Name)
    process { if ($PSCmdlet.ShouldProcess($Name)) { "removed $Name" } }
}
"""
PROMPT = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '


def test_whatif_uses_command_name_as_action():
    r = run(FN + "'a','b' | Remove-Thing -WhatIf")
    assert r.output == []
    assert r.host_text == ('What if: Performing the operation "Remove-Thing" on target "a".\n'
                           'What if: Performing the operation "Remove-Thing" on target "b".\n')


def test_medium_impact_does_not_prompt_by_default():
    assert run(FN + "Remove-Thing a").output == ["removed a"]


def test_confirm_prompt_text():
    r = run(FN + "Remove-Thing a -Confirm", answers=["y"])
    assert r.output == ["removed a"]
    assert r.host_text.startswith("\nConfirm\nAre you sure you want to perform this action?\n"
                                  'Performing the operation "Remove-Thing" on target "a".\n' + PROMPT)


def test_yes_to_all_holds_for_the_rest_of_the_command():
    r = run(FN + "'a','b','c' | Remove-Thing -Confirm", answers=["a"])
    assert r.output == ["removed a", "removed b", "removed c"]
    assert r.host_text.count("Are you sure") == 1


def test_no_to_all():
    r = run(FN + "'a','b' | Remove-Thing -Confirm", answers=["l"])
    assert r.output == []


def test_no_skips_one():
    r = run(FN + "'a','b' | Remove-Thing -Confirm", answers=["n", "y"])
    assert r.output == ["removed b"]


def test_help_answer_lists_choices_then_reprompts():
    r = run(FN + "Remove-Thing a -Confirm", answers=["?", "y"])
    assert "Y - Continue with only the next step of the operation." in r.host_text
    assert "L - Skip this operation and all subsequent operations." in r.host_text
    assert r.output == ["removed a"]


def test_full_label_answer():
    assert run(FN + "Remove-Thing a -Confirm", answers=["No"]).output == []


def test_confirm_preference_low_prompts():
    r = run(FN + "$ConfirmPreference = 'Low'; Remove-Thing a", answers=["y"])
    assert "Are you sure" in r.host_text


def test_confirm_false_never_prompts():
    r = run(FN + "$ConfirmPreference = 'Low'; Remove-Thing a -Confirm:$false")
    assert r.output == ["removed a"] and "Are you sure" not in r.host_text


def test_whatif_preference():
    r = run(FN + "$WhatIfPreference = $true; Remove-Thing a")
    assert r.output == [] and "What if:" in r.host_text
    r = run(FN + "$WhatIfPreference = $true; Remove-Thing a -WhatIf:$false")
    assert r.output == ["removed a"]


def test_whatif_propagates_into_nested_calls():
    r = run(FN + """
    function Outer { [CmdletBinding(SupportsShouldProcess)] param() Remove-Thing inner }
    Outer -WhatIf""")
    assert r.output == []
    assert 'What if: Performing the operation "Remove-Thing" on target "inner".' in r.host_text


def test_non_interactive_prompt_is_an_error():
    r = run(FN + "Remove-Thing a -Confirm", interactive=False)
    assert r.output == []
    assert r.errors and "NonInteractive mode" in r.errors[0].message()


def test_commands_without_should_process_reject_whatif():
    r = run("function f { [CmdletBinding()] param() 'x' }; f -WhatIf")
    assert r.errors[0].message() == "A parameter cannot be found that matches parameter name 'WhatIf'."


def test_cmdlet_with_its_own_confirmation_message():
    from pshim.commands.cmdlet import Cmdlet
    from pshim.commands.discovery import CmdletEntry
    from pshim.testing import new_session

    class TestThingCommand(Cmdlet):
        name = "Test-Thing"
        supports_should_process = True

        def process(self):
            if self.should_process_description("This command will attempt to connect to each address."):
                self.write_object("done")

    s = new_session()
    entry = CmdletEntry("Test-Thing", "unused:unused", "Test")
    entry._cls = TestThingCommand
    s.commands.cmdlets["test-thing"] = entry
    r = run("Test-Thing -WhatIf; Test-Thing", session=s)
    assert r.output == ["done"]
    assert r.host_text == "What if: This command will attempt to connect to each address.\n"
    r = run("Test-Thing -Confirm", session=s, answers=["n"])
    assert "This command will attempt to connect to each address." in r.host_text and r.output == []
