"""ShouldProcess / ShouldContinue: the one place that decides whether a
command may act (facts §5).

Order: an earlier "Yes to All"/"No to All" answer of the same command; then
WhatIf (print `What if: ...`, refuse); then auto-confirm when
$ConfirmPreference is None or above the command's ConfirmImpact; else ask.
-WhatIf/-Confirm given to a cmdlet override the preference variables;
functions receive them as local preference variables (so they propagate to
what the function calls).
"""
from __future__ import annotations

from ..errors import PipelineStoppedException, ErrorRecord, non_interactive_error
from ..runtime import conversion as cv

IMPACT = {"none": 0, "low": 1, "medium": 2, "high": 3}

CHOICES = [("&Yes", "Continue with only the next step of the operation."),
           ("Yes to &All", "Continue with all the steps of the operation."),
           ("&No", "Skip this operation and proceed with the next operation."),
           ("No to A&ll", "Skip this operation and all subsequent operations."),
           ("&Suspend", 'Pause the current pipeline and return to the command prompt. Type "exit" to resume '
                        "the pipeline.")]


def _whatif(p) -> bool:
    if p.whatif is not None:
        return p.whatif
    return cv.to_bool(p.ctx.get_variable("WhatIfPreference", False))


def _confirm_pref(p) -> int:
    if p.confirm is True:
        return IMPACT["low"]
    if p.confirm is False:
        return IMPACT["none"]
    v = cv.to_string(p.ctx.get_variable("ConfirmPreference", "High")).lower()
    return IMPACT.get(v, 3)


def _impact(p) -> int:
    md = p.metadata
    return IMPACT.get((md.confirm_impact if md is not None else "Medium").lower(), 2)


def description(p, target: str, action: str | None) -> str:
    if action is None:
        action = p.name
    return f'Performing the operation "{action}" on target "{target}".'


def should_process(p, target: str, action: str | None = None) -> bool:
    return should_process_full(p, description(p, target, action), None, None)


def should_process_full(p, verbose_description: str, verbose_warning: str | None, caption: str | None) -> bool:
    state = p.sp_state
    if state == "yes_all":
        return True
    if state == "no_all":
        return False
    if _whatif(p):
        p.ctx.host.write_line("What if: " + verbose_description)
        return False
    pref = _confirm_pref(p)
    if pref == 0 or pref > _impact(p):
        if p.verbose:   # only an explicit -Verbose on this command (5.1's command-runtime flag)
            p.write_verbose(verbose_description)
        return True
    message = verbose_warning or ("Are you sure you want to perform this action?\n" + verbose_description)
    answer = ask(p, caption or "Confirm", message)
    if answer == 1:
        p.sp_state = "yes_all"
    elif answer == 3:
        p.sp_state = "no_all"
    return answer in (0, 1)


def should_continue(p, query: str, caption: str) -> bool:
    answer = ask(p, caption or "Confirm", query or "Continue with this operation?",
                 choices=[CHOICES[0], CHOICES[2]])
    return answer == 0


def ask(p, caption: str, message: str, choices=None) -> int:
    """Prompt on the host; returns the index of the chosen entry of CHOICES."""
    host = p.ctx.host
    choices = choices or CHOICES
    if not host.interactive:
        raise non_interactive_error()
    idx = host.prompt_for_choice(caption, message, choices, 0)
    label = choices[idx][0]
    if label == "&Suspend":
        # no nested prompt in pshim: suspending stops the pipeline instead
        raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
    return CHOICES.index(choices[idx]) if choices[idx] in CHOICES else idx


def inquire_error(ctx, record: ErrorRecord):
    """-ErrorAction Inquire: ask whether to go on after an error."""
    host = ctx.host
    if not host.interactive:
        return
    choices = [CHOICES[0], CHOICES[1], ("&Halt Command", "Stop this command."), CHOICES[4]]
    idx = host.prompt_for_choice("Confirm", record.message(), choices, 0)
    if choices[idx][0] == "&Halt Command":
        from ..errors import ActionPreferenceStopException
        raise ActionPreferenceStopException(
            "The running command stopped because the user selected the Stop option.",
            error_id="ActionPreferenceStop", error_record=record)


def inquire_debug(ctx, processor):
    """-Debug: ask after each debug message (Yes to All stops asking for this command; Halt stops it)."""
    choices = [CHOICES[0], CHOICES[1], ("&Halt Command", "Stop this command."), CHOICES[4]]
    idx = ctx.host.prompt_for_choice("Confirm", "Continue with this operation?", choices, 0)
    if idx == 1 and processor is not None:
        processor.sp_state = "debug_all"
    elif choices[idx][0] == "&Halt Command":
        from ..errors import ActionPreferenceStopException
        raise ActionPreferenceStopException(
            "The running command stopped because the user selected the Stop option.",
            error_id="ActionPreferenceStop")
