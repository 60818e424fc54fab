"""Get-Verb: the approved verbs of Windows PowerShell 5.1 and their groups.

5.1 lists the static properties of its Verbs* classes, group by group (Common, Data, Lifecycle, Diagnostic,
Communications, Security, Other), each group in name order; each verb is an object with the note properties
Verb and Group (type Selected.Microsoft.PowerShell.Commands.MemberDefinition, as 5.1's Select-Object makes
them). -Verb takes wildcards, matched case-insensitively.
"""
from __future__ import annotations

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter
from ...commands.verbs import APPROVED_VERBS
from ...runtime import conversion as cv
from ...runtime.psobject import PSObject
from ...runtime.wildcard import wildcard_match

_TYPE_NAMES = ["Selected.Microsoft.PowerShell.Commands.MemberDefinition", "System.Management.Automation.PSCustomObject",
               "System.Object"]


def approved_verbs():
    """(verb, group) pairs in 5.1's order."""
    for group, verbs in APPROVED_VERBS:
        for v in verbs:
            yield v, group


class GetVerbCommand(Cmdlet):
    name = "Get-Verb"
    synopsis = "Gets approved PowerShell verbs."

    Verb = Parameter("string[]", position=0, value_from_pipeline=True, default=("*",))

    def process(self):
        patterns = [cv.to_string(p) for p in (self.Verb or ()) if p is not None] or ["*"]
        for pattern in patterns:
            for verb, group in approved_verbs():
                if wildcard_match(pattern, verb):
                    self.write_object(PSObject.from_pairs([("Verb", verb), ("Group", group)], list(_TYPE_NAMES)))
