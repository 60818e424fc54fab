"""Error semantics and the 5.1 NormalView text, end to end (results Windows PowerShell 5.1 gives)."""
import pytest

from pshim.testing import run


def out(script):
    return [str(o) for o in run(script).output]


def test_trap_continue_resumes_after_the_failing_statement():
    assert out("trap { \"trapped: $_\"; continue }\n'a'\nthrow 'boom'\n'b'") == ["a", "trapped: boom", "b"]


def test_dollar_question_after_failures():
    assert out("Get-Item C:\\nope -ErrorAction SilentlyContinue; $?") == ["False"]
    assert out("Write-Error 'x' -ErrorAction SilentlyContinue; $?") == ["False"]
    assert out("'fine' | Out-Null; $?") == ["True"]


def test_dollar_question_reset_by_parentheses():
    # 5.1: wrapping a failing command in (...) resets $? to True (7.x keeps False)
    assert out("@(Get-Item C:\\nope -ErrorAction SilentlyContinue).Count; $?") == ["0", "True"]


def test_parenthesised_command_without_output_emits_nothing():
    assert out("(Get-Item C:\\nope -ErrorAction SilentlyContinue); @((Write-Output)).Count") == ["0"]


def test_break_in_foreach_object_without_loop_stops_the_script():
    assert out("1..5 | ForEach-Object { if ($_ -eq 3) { break }; $_ }\n'after'") == ["1", "2"]


def test_rethrow_and_finally_order():
    script = ("try { try { throw 'inner' } catch { 'caught inner'; throw } finally { 'inner finally' } }\n"
              "catch { \"outer: $($_.Exception.Message)\" }")
    assert out(script) == ["caught inner", "inner finally", "outer: inner"]


def test_error_action_stop_error_is_caught_with_original_record():
    script = "try { Get-Item C:\\nope -ErrorAction Stop } catch { $_.FullyQualifiedErrorId; $_.Exception.GetType().Name }"
    assert out(script) == ["PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand", "ItemNotFoundException"]


def test_non_terminating_error_is_not_caught():
    script = "try { Write-Error 'soft'; 'went on' } catch { 'caught' }"
    r = run(script)
    assert [str(o) for o in r.output] == ["went on"]
    assert len(r.errors) == 1


def test_throw_normal_view():
    r = run("throw 'boom'")
    assert r.error_text == ("boom\n"
                            "At line:1 char:1\n"
                            "+ throw 'boom'\n"
                            "+ ~~~~~~~~~~~~\n"
                            "    + CategoryInfo          : OperationStopped: (boom:String) [], RuntimeException\n"
                            "    + FullyQualifiedErrorId : boom\n"
                            " \n")


def test_null_method_call_normal_view():
    r = run("$n = $null\n$n.Trim()")
    assert r.error_text == ("You cannot call a method on a null-valued expression.\n"
                            "At line:2 char:1\n"
                            "+ $n.Trim()\n"
                            "+ ~~~~~~~~~\n"
                            "    + CategoryInfo          : InvalidOperation: (:) [], RuntimeException\n"
                            "    + FullyQualifiedErrorId : InvokeMethodOnNull\n"
                            " \n")


def test_write_error_in_function_names_the_function_and_its_call_site():
    r = run("function Test-Queue { Write-Error 'queue stuck' }\nTest-Queue")
    assert r.error_text == ("Test-Queue : queue stuck\n"
                            "At line:2 char:1\n"
                            "+ Test-Queue\n"
                            "+ ~~~~~~~~~~\n"
                            "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorException\n"
                            "    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorException,Test-Queue\n"
                            " \n")


def test_divide_by_zero():
    r = run("$z = 0\ntry { 1 / $z } catch { $_.Exception.Message }")
    assert [str(o) for o in r.output] == ["Attempted to divide by zero."]


def test_category_info_members():
    script = ("try { Get-Item C:\\nope -ErrorAction Stop } catch { $c = $_.CategoryInfo\n"
              "\"$($c.Category)|$($c.Reason)|$($c.TargetName)|$($c.Activity)\"; $c.GetType().FullName }")
    assert out(script) == ["ObjectNotFound|ItemNotFoundException|C:\\nope|Get-Item",
                           "System.Management.Automation.ErrorCategoryInfo"]


def test_failed_cast_is_a_runtime_exception():
    assert out("try { [int]'abc' } catch [System.Management.Automation.RuntimeException] { 'runtime' } catch { 'other' }") \
        == ["runtime"]
    r = run("[int]'abc'")
    assert "    + CategoryInfo          : InvalidArgument: (:) [], RuntimeException\n" in r.error_text
    assert "    + FullyQualifiedErrorId : InvalidCastFromStringToInteger\n" in r.error_text
