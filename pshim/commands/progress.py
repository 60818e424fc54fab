"""The progress channel: ProgressRecord (5.1's System.Management.Automation.ProgressRecord) and the one
place that decides, under $ProgressPreference, whether a record reaches the host.

    cmdlet.write_progress(record)  ->  processor.write_progress  ->  write_progress() here
                                   ->  ctx.host.write_progress(source_id, record)

Commands never import the host: the decision is made here and the record goes to whatever host the
execution context holds (hosts/console.py: ConsoleHost draws it on a terminal, BufferHost records it).
5.1's order is kept: the record is shown first (Continue, Stop, Inquire; a "Yes to All" answer of the same
command), then Stop stops the command and Inquire asks. SilentlyContinue and Ignore show nothing.

Rejected: writing progress as text into the output or information streams (5.1 never does, so a
redirected run holds only pipeline output); keeping "the current progress" in the session (the host owns
its display and is told when a top-level command ends, see HostBase.reset_progress).
"""
from __future__ import annotations

import itertools

from ..errors import (ActionPreferenceStopException, ArgumentNullException, ArgumentOutOfRangeException,
                      PSArgumentException, error_record)
from ..runtime import conversion as cv
from ..runtime.psobject import DotNetObject, unwrap
from .should_process import CHOICES, ask

PROCESSING = "Processing"
COMPLETED = "Completed"
_RECORD_TYPES = (PROCESSING, COMPLETED)          # ProgressRecordType: Processing = 0, Completed = 1


class PSArgumentOutOfRangeException(ArgumentOutOfRangeException):
    ps_type = "System.Management.Automation.PSArgumentOutOfRangeException"
    default_category = "InvalidArgument"


class PSArgumentNullException(ArgumentNullException):
    ps_type = "System.Management.Automation.PSArgumentNullException"
    default_category = "InvalidArgument"


def _argument_error(message: str) -> PSArgumentException:
    # 5.1's PSArgumentException: ErrorId "Argument", InvalidArgument, the message without "Parameter name"
    return PSArgumentException(message, error_id="Argument", category="InvalidArgument")


def _range_error(message: str, value) -> PSArgumentOutOfRangeException:
    return PSArgumentOutOfRangeException(message, error_id="ArgumentOutOfRange", category="InvalidArgument",
                                         target=value)


def _int(value) -> int:
    v = unwrap(value)
    return v if isinstance(v, int) and not isinstance(v, bool) else cv.to_int(v)


def _not_empty(value, name: str) -> str:
    text = None if value is None else cv.to_string(value)
    if not text:
        raise _argument_error(f"Cannot process the argument because the value of {name} cannot be null or empty.")
    return text


class ProgressRecord(DotNetObject):
    """One report on an activity, validated as 5.1 validates it.

        ProgressRecord(activity_id, activity, status_description, *, parent_activity_id=-1,
                       percent_complete=-1, seconds_remaining=-1, current_operation=None,
                       record_type="Processing")

    ActivityId (>= 0) and the source of the record identify the activity; ParentActivityId (-1: none) nests
    it under another; PercentComplete (-1: no bar, at most 100) and SecondsRemaining (-1: not shown);
    RecordType "Completed" removes the activity from the display. Bad values raise 5.1's exceptions
    (PSArgumentException / PSArgumentOutOfRangeException with its texts).
    """

    ps_type_names = ("System.Management.Automation.ProgressRecord", "System.Object")
    ps_properties = ("ActivityId", "ParentActivityId", "Activity", "StatusDescription", "CurrentOperation",
                     "PercentComplete", "SecondsRemaining", "RecordType")

    def __init__(self, activity_id, activity, status_description, *, parent_activity_id=-1,
                 percent_complete=-1, seconds_remaining=-1, current_operation=None,
                 record_type=PROCESSING):
        activity_id = _int(activity_id)
        if activity_id < 0:
            raise _range_error("Cannot process the argument because activityId cannot be a negative value.",
                               activity_id)
        self._id = activity_id
        self._activity = _not_empty(activity, "activity")
        self._status = _not_empty(status_description, "statusDescription")
        self._parent = -1
        self._percent = -1
        self._seconds = -1
        self._operation = None
        self._type = PROCESSING
        if parent_activity_id != -1:
            self.ParentActivityId = parent_activity_id
        if percent_complete != -1:
            self.PercentComplete = percent_complete
        if seconds_remaining != -1:
            self.SecondsRemaining = seconds_remaining
        if current_operation is not None:
            self.CurrentOperation = current_operation
        if record_type != PROCESSING:
            self.RecordType = record_type

    # -- properties (5.1's setters and their checks) ----------------------------------------------
    @property
    def ActivityId(self) -> int:
        return self._id

    @property
    def ParentActivityId(self) -> int:
        return self._parent

    @ParentActivityId.setter
    def ParentActivityId(self, value):
        value = _int(value)
        if value == self._id:
            raise _argument_error("ParentActivityId cannot be the same as the ActivityId.")
        self._parent = value

    @property
    def Activity(self) -> str:
        return self._activity

    @Activity.setter
    def Activity(self, value):
        self._activity = _not_empty(value, "value")

    @property
    def StatusDescription(self) -> str:
        return self._status

    @StatusDescription.setter
    def StatusDescription(self, value):
        self._status = _not_empty(value, "value")

    @property
    def CurrentOperation(self):
        return self._operation

    @CurrentOperation.setter
    def CurrentOperation(self, value):
        self._operation = None if value is None else cv.to_string(value)

    @property
    def PercentComplete(self) -> int:
        return self._percent

    @PercentComplete.setter
    def PercentComplete(self, value):
        value = _int(value)
        if value > 100:
            raise _range_error("Cannot set percent because PercentComplete cannot be greater than 100.", value)
        self._percent = value

    @property
    def SecondsRemaining(self) -> int:
        return self._seconds

    @SecondsRemaining.setter
    def SecondsRemaining(self, value):
        self._seconds = _int(value)

    @property
    def RecordType(self) -> str:
        return self._type

    @RecordType.setter
    def RecordType(self, value):
        v = unwrap(value)
        if isinstance(v, int) and not isinstance(v, bool) and 0 <= v < len(_RECORD_TYPES):
            self._type = _RECORD_TYPES[v]
            return
        text = cv.to_string(v).lower()
        for t in _RECORD_TYPES:
            if t.lower() == text:
                self._type = t
                return
        raise _argument_error('Cannot process argument because the value of argument "value" is not valid. '
                              'Change the value of the "value" argument and run the operation again.')

    @property
    def completed(self) -> bool:
        return self._type == COMPLETED

    def copy(self) -> "ProgressRecord":
        c = ProgressRecord.__new__(ProgressRecord)
        c.__dict__.update(self.__dict__)
        return c

    def ps_to_string(self):
        op = "" if self._operation is None else self._operation
        return (f"parent = {self._parent} id = {self._id} act = {self._activity} stat = {self._status} "
                f"cur = {op} pct = {self._percent} sec = {self._seconds} type = {self._type}")

    def __repr__(self):
        return f"<ProgressRecord {self.ps_to_string()}>"


# ---------------------------------------------------------------------------
# the preference decision

_SOURCE_IDS = itertools.count(1)     # 5.1: each command runtime takes the next number on first use


def new_source_id() -> int:
    return next(_SOURCE_IDS)


_ACTIONS = {"silentlycontinue": "silentlycontinue", "stop": "stop", "continue": "continue",
            "inquire": "inquire", "ignore": "ignore", "suspend": "continue",
            "0": "silentlycontinue", "1": "stop", "2": "continue", "3": "inquire", "4": "ignore"}


def progress_action(ctx) -> str:
    """$ProgressPreference as seen from ctx, lower-case; a value that is no ActionPreference counts as
    Continue (as 5.1 treats an invalid local preference)."""
    return _ACTIONS.get(cv.to_string(ctx.get_variable("ProgressPreference", "Continue")).strip().lower(),
                        "continue")


def write_progress(p, record: ProgressRecord, source_id: int | None = None):
    """Send `record` from command processor `p` to the host under $ProgressPreference."""
    if record is None:
        raise PSArgumentNullException("Cannot process argument because the value of argument \"progressRecord\" "
                                      "is null. Change the value of argument \"progressRecord\" to a non-null "
                                      "value.", error_id="ArgumentNull", category="InvalidArgument")
    ctx = p.ctx
    if source_id is None:
        if not p.progress_source_id:
            p.progress_source_id = new_source_id()
        source_id = p.progress_source_id
    action = progress_action(ctx)
    answered_all = p.progress_answer == "yes_all"
    if answered_all or action in ("continue", "stop", "inquire"):
        ctx.host.write_progress(source_id, record)
    if answered_all:
        return
    if action == "stop":
        rec = error_record("The running command stopped because the preference variable \"ProgressPreference\" "
                           f"or common parameter is set to Stop: {record.Activity}", "ActionPreferenceStop",
                           "OperationStopped", None, ActionPreferenceStopException)
        rec.reason = "ParentContainsErrorRecordException"
        p.attribute(rec)
        raise rec.exception
    if action == "inquire":
        _inquire(p)


def _inquire(p):
    halt = ("&Halt Command", "Stop this command.")
    answer = ask(p, "Confirm", "Continue with this operation?", [CHOICES[0], CHOICES[1], halt, CHOICES[4]])
    if answer == 1:
        p.progress_answer = "yes_all"
    elif answer == 2:
        rec = error_record("The running command stopped because the user selected the Stop option.",
                           "ActionPreferenceStop", "OperationStopped", None, ActionPreferenceStopException)
        rec.reason = "ParentContainsErrorRecordException"
        p.attribute(rec)
        raise rec.exception
