"""Jobs: Start-Job (another process, as 5.1), Start-ThreadJob (a thread of this process), Get-Job,
Receive-Job, Wait-Job, Stop-Job, Remove-Job.

A job keeps its records (output, errors, warnings, host text...) in arrival order; Receive-Job hands
out the ones not yet received (all of them again with -Keep) and HasMoreData says whether any are left.
A background job's records are deserialized objects (job_worker.py); a thread job's are the live
objects. Ids are per session: a background job takes two (its child job has the next one), as in 5.1.

No job outlives its shell: Stop-Job and Remove-Job kill a background job's process, and when the
session ends (it is collected, or the interpreter exits) every job still running is killed.
"""
from __future__ import annotations

import ctypes
import datetime as _dt
import json
import os
import subprocess
import sys
import threading
import time
import uuid
import weakref

from ...commands.cmdlet import Cmdlet
from ...commands.parameters import Parameter, ParameterSetData as PSD
from ...errors import (ErrorRecord, CategoryInfo, InvocationInfo, RuntimeException, ArgumentException,
                       InvalidOperationException, PipelineStoppedException)
from ...runtime.psobject import DotNetObject, PSObject, PSMemberInfo
from ...runtime.statics import EnumValue
from ...runtime.conversion import to_string
from ...runtime.wildcard import has_wildcard, wildcard_match

_NS = "Microsoft.PowerShell.Commands."
_CORE = "Microsoft.PowerShell.Core"

JOB_STATES = ("NotStarted", "Running", "Completed", "Failed", "Stopped", "Blocked", "Suspended",
              "Disconnected", "Suspending", "Stopping", "AtBreakpoint")
FINISHED = ("Completed", "Failed", "Stopped")


# ---------------------------------------------------------------------------
# error records that come from a job

class JobErrorRecord(ErrorRecord):
    """An error record written inside a job, as Receive-Job shows it: the message, the job's
    CategoryInfo and FullyQualifiedErrorId, and `PSComputerName : localhost` (5.1's remoting origin)."""

    def __init__(self, exception, fqid, category, target, category_info, computer="localhost"):
        super().__init__(exception, fqid, category, target, InvocationInfo(None, None, None))
        self.command_fqid_suffix = ""
        self._info = category_info
        self.activity = category_info.activity
        self.origin_computer = computer

    @property
    def CategoryInfo(self):
        return self._info

    @property
    def PSComputerName(self):
        return self.origin_computer


def _exception_class(type_name):
    short = type_name.rsplit(".", 1)[-1]
    return type(short, (RuntimeException,), {"ps_type": type_name})


_EXC_CLASSES: dict = {}


def decode_error(d: dict, computer="localhost") -> JobErrorRecord:
    tname = d.get("exception") or "System.Management.Automation.RuntimeException"
    cls = _EXC_CLASSES.get(tname)
    if cls is None:
        cls = _EXC_CLASSES[tname] = _exception_class(tname)
    exc = cls(d.get("message", ""), error_id=d.get("fqid", ""), category=d.get("category", "NotSpecified"),
              target=d.get("target"))
    info = CategoryInfo(d.get("category", "NotSpecified"), d.get("activity") or "", d.get("reason") or "",
                        d.get("target") or "", d.get("target_type") or "")
    rec = JobErrorRecord(exc, d.get("fqid", ""), d.get("category", "NotSpecified"), d.get("target"), info,
                         computer)
    rec.script_stack_trace = d.get("stack", "")
    exc.error_record = rec
    return rec


# ---------------------------------------------------------------------------
# the job objects

class JobStateInfo(DotNetObject):
    ps_type_names = ("System.Management.Automation.JobStateInfo", "System.Object")
    ps_properties = ("State", "Reason")

    def __init__(self, state, reason=None):
        self.state = state
        self.Reason = reason

    @property
    def State(self):
        return _state_enum(self.state)

    def ps_to_string(self):
        return self.state


def _state_enum(name):
    return EnumValue("System.Management.Automation.JobState", name, JOB_STATES.index(name))


class Job(DotNetObject):
    """What Start-Job and Start-ThreadJob return. Subclasses start and stop the work."""

    ps_properties = ("State", "HasMoreData", "StatusMessage", "Location", "Command", "JobStateInfo",
                     "Finished", "InstanceId", "Id", "Name", "ChildJobs", "PSBeginTime", "PSEndTime",
                     "PSJobTypeName", "Output", "Error", "Progress", "Verbose", "Debug", "Warning",
                     "Information")
    ps_methods = ("StopJob",)
    PSJobTypeName = ""
    Location = ""
    StatusMessage = ""

    def __init__(self, id_, name, command):
        self.Id = id_
        self.Name = name
        self.Command = command
        self.InstanceId = uuid.uuid4()
        self.state = "NotStarted"
        self.reason = None
        self.records: list = []
        self.read_upto = 0
        self.cond = threading.Condition()
        self.PSBeginTime = None
        self.PSEndTime = None
        self.ChildJobs = []
        self.Progress = []
        self.Information = []

    # -- visible members ------------------------------------------------------
    @property
    def State(self):
        return _state_enum(self.state)

    @property
    def JobStateInfo(self):
        return JobStateInfo(self.state, self.reason)

    @property
    def HasMoreData(self):
        with self.cond:
            return self.read_upto < len(self.records)

    @property
    def Finished(self):
        return self.finished

    def _stream(self, kind):
        with self.cond:
            return [p for k, p in self.records if k == kind]

    @property
    def Output(self):
        return self._stream("out")

    @property
    def Error(self):
        return self._stream("err")

    @property
    def Warning(self):
        return self._stream("warn")

    @property
    def Verbose(self):
        return self._stream("verbose")

    @property
    def Debug(self):
        return self._stream("debug")

    def StopJob(self):
        self.stop()

    def ps_to_string(self):
        return self.ps_type_names[0]

    # -- engine side ----------------------------------------------------------
    @property
    def finished(self):
        return self.state in FINISHED

    def add(self, kind, payload):
        with self.cond:
            self.records.append((kind, payload))
            self.cond.notify_all()

    def set_state(self, state, reason=None):
        with self.cond:
            if self.state in FINISHED:
                return
            self.state = state
            if reason is not None:
                self.reason = reason
            if state in FINISHED:
                self.PSEndTime = _dt.datetime.now()
            elif state == "Running":
                self.PSBeginTime = _dt.datetime.now()
            for child in self.ChildJobs:
                child.state, child.reason = self.state, self.reason
                child.PSBeginTime, child.PSEndTime = self.PSBeginTime, self.PSEndTime
            self.cond.notify_all()

    def wait(self, deadline=None) -> bool:
        """Wait until the job has finished (or the monotonic deadline passes); True when finished."""
        with self.cond:
            while not self.finished:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self.cond.wait(0.1 if left is None else min(left, 0.1))
            return True

    def take(self, keep: bool):
        """The records not yet received (and marks them received unless keep)."""
        with self.cond:
            recs = self.records[self.read_upto:]
            if not keep:
                self.read_upto = len(self.records)
            return recs

    def start(self, session):
        raise NotImplementedError

    def stop(self):
        raise NotImplementedError


class ChildJob(Job):
    """The one child job of a background job (5.1's PSRemotingChildJob): its own Id, the parent's state."""
    ps_type_names = ("System.Management.Automation.PSRemotingChildJob", "System.Management.Automation.Job",
                     "System.Object")
    Location = "localhost"

    def __init__(self, parent, id_):
        super().__init__(id_, f"Job{id_}", parent.Command)
        self.parent = parent

    @property
    def HasMoreData(self):
        return self.parent.HasMoreData

    def _stream(self, kind):
        return self.parent._stream(kind)

    def stop(self):
        self.parent.stop()


class BackgroundJob(Job):
    """Start-Job: the script block runs in a child process (job_worker.py)."""
    ps_type_names = ("System.Management.Automation.PSRemotingJob", "System.Management.Automation.Job",
                     "System.Object")
    PSJobTypeName = "BackgroundJob"
    Location = "localhost"

    def __init__(self, id_, name, script, arguments, input_objects, using=None):
        super().__init__(id_, name, script)
        self.using = using or {}
        self.ChildJobs = [ChildJob(self, id_ + 1)]
        self.arguments = arguments
        self.input_objects = input_objects
        self.proc = None
        self.runspace_id = uuid.uuid4()

    def start(self, session):
        from .job_worker import encode_object  # noqa: F401  (same package: the wire format)
        from ..utility.clixml import to_clixml
        from .job_worker import REMOTING_DEPTH
        request = {"script": self.Command, "cwd": os.path.expanduser("~"),
                   "args": to_clixml(self.arguments, REMOTING_DEPTH) if self.arguments else None,
                   "input": to_clixml(self.input_objects, REMOTING_DEPTH) if self.input_objects is not None
                   else None,
                   "using_names": list(self.using), "using": to_clixml(list(self.using.values()), REMOTING_DEPTH)}
        env = dict(os.environ)
        env["PYTHONUNBUFFERED"] = "1"
        self.proc = subprocess.Popen([sys.executable, "-m", "pshim.modules.core.job_worker"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     env=env, start_new_session=True)
        self.set_state("Running")
        self.proc.stdin.write((json.dumps(request) + "\n").encode("utf-8"))
        self.proc.stdin.flush()
        threading.Thread(target=self._read, name=f"pshim-job-{self.Id}", daemon=True).start()

    def _read(self):
        from .job_worker import decode_object
        end = None
        try:
            for raw in self.proc.stdout:
                try:
                    msg = json.loads(raw.decode("utf-8"))
                except ValueError:
                    continue
                k = msg.get("k")
                if k in ("out", "info"):
                    obj = decode_object(msg["x"])
                    self.add(k, self._tag(obj) if k == "out" else obj)
                elif k == "err":
                    self.add("err", decode_error(msg["e"]))
                elif k == "end":
                    end = msg
                else:
                    self.add(k, msg.get("t", ""))
        except (OSError, ValueError):
            pass
        self._close()
        if end is None:
            if self.state != "Stopped":
                reason = RuntimeException("The background process reported an error with the following "
                                          "message: The job's process ended unexpectedly.")
                self.set_state("Failed", reason)
            return
        if end.get("state") == "Failed":
            rec = decode_error(end["e"])
            self.add("err", rec)
            self.set_state("Failed", rec.exception)
        else:
            self.set_state("Completed")

    def _tag(self, obj):
        """5.1 adds the origin to each object that comes back from another runspace."""
        if isinstance(obj, PSObject) and obj.base is None:
            obj.members["pscomputername"] = PSMemberInfo("PSComputerName", "localhost")
            obj.members["runspaceid"] = PSMemberInfo("RunspaceId", self.runspace_id)
        return obj

    def _close(self):
        p = self.proc
        if p is None:
            return
        try:
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            kill_process(p)
        for f in (p.stdin, p.stdout):
            try:
                f.close()
            except OSError:
                pass

    def stop(self):
        if self.finished:
            return
        self.set_state("Stopped")
        if self.proc is not None:
            kill_process(self.proc)


def kill_process(p):
    """Kill a job's process and its own children (it leads its process group)."""
    if p.poll() is not None:
        return
    try:
        os.killpg(p.pid, 9)
    except OSError:
        try:
            p.kill()
        except OSError:
            pass
    try:
        p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


class JobStopped(BaseException):
    """Raised inside a thread job's thread by Stop-Job (not an Exception: nothing in a cmdlet catches it)."""


class ThreadJob(Job):
    """Start-ThreadJob: the script block runs in a thread of this process, in a session of its own (5.1
    with the ThreadJob module: a new runspace), starting in the caller's location. Objects are live."""
    ps_type_names = ("ThreadJob.ThreadJob", "System.Management.Automation.Job2", "System.Management.Automation.Job",
                     "System.Object")
    PSJobTypeName = "ThreadJob"
    Location = "PowerShell"

    def __init__(self, id_, name, script, arguments, input_objects, using=None):
        super().__init__(id_, name, script)
        self.arguments = arguments
        self.input_objects = input_objects
        self.using = using or {}
        self.thread = None
        self.session = None

    def start(self, session):
        from ...runtime.session import Session
        from .job_host import JobHost
        self.session = Session(JobHost(self.add), interactive=False)
        self.session.location = session.location
        self.set_state("Running")
        self.thread = threading.Thread(target=self._run, name=f"pshim-threadjob-{self.Id}", daemon=True)
        self.thread.start()

    def _run(self):
        from .job_host import run_job_script
        try:
            failure = run_job_script(self.session, self.Command, self.arguments, self.input_objects, self.add,
                                     self.using)
        except JobStopped:
            self.set_state("Stopped")
            return
        except BaseException as e:      # the job's thread must end with a state, whatever happened
            if self.state == "Stopped":
                return
            self.set_state("Failed", RuntimeException(str(e) or type(e).__name__))
            return
        if failure is not None:
            if self.state == "Stopped":
                return
            self.add("err", failure)
            self.set_state("Failed", failure.exception)
        else:
            self.set_state("Completed")

    def stop(self):
        if self.finished:
            return
        t = self.thread
        if self.session is not None:
            self.session.stopping = True
        self.set_state("Stopped")
        if t is not None and t.is_alive():
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(t.ident), ctypes.py_object(JobStopped))
            t.join(2)


# ---------------------------------------------------------------------------
# the session's jobs

class JobTable:
    """The jobs of one session (its repository). When the session goes, running jobs are stopped."""

    def __init__(self):
        self.jobs: list[Job] = []
        self.next_id = 1

    def new_id(self, count=1):
        i = self.next_id
        self.next_id += count
        return i

    def add(self, job):
        self.jobs.append(job)

    def remove(self, job):
        if job in self.jobs:
            self.jobs.remove(job)

    @staticmethod
    def stop_all(jobs):
        for j in list(jobs):
            try:
                j.stop()
            except Exception:   # the session is ending: stop the others whatever one does
                pass


def job_table(session) -> JobTable:
    def make():
        t = JobTable()
        weakref.finalize(session, JobTable.stop_all, t.jobs)
        return t
    return session.state("core.jobs", make)


# ---------------------------------------------------------------------------
# cmdlets

class _StartJobBase(Cmdlet):
    module_name = _CORE
    job_class = Job
    ids_per_job = 1

    ScriptBlock = Parameter("scriptblock", position=0, mandatory=True, aliases=("Command",))
    Name = Parameter("string", value_from_pipeline_by_property_name=True)
    InputObject = Parameter("psobject", value_from_pipeline=True)
    ArgumentList = Parameter("object[]", aliases=("Args",))

    def begin(self):
        self._input = None

    def process(self):
        if self.is_bound("InputObject"):
            if self._input is None:
                self._input = []
            self._input.append(self.InputObject)

    def _using_values(self):
        """The caller's values of the script block's $using: variables (5.1 sends them with the job)."""
        from ...language.ast import walk, VariableExpressionAst
        values = {}
        for n in walk(self.ScriptBlock.ast):
            if isinstance(n, VariableExpressionAst) and n.scope == "using" and n.name.lower() not in \
                    {k.lower() for k in values}:
                var = self.ctx.get_variable_object(n.name)
                if var is None:
                    raise self.terminating_error(self.error(
                        f"The value of the using variable '$using:{n.name}' cannot be retrieved because it has "
                        "not been set in the local session.", "UsingVariableIsUndefined", "InvalidOperation",
                        None, InvalidOperationException))
                values[n.name] = var.value
        return values

    def end(self):
        using = self._using_values()
        table = job_table(self.ctx.session)
        id_ = table.new_id(self.ids_per_job)
        name = self.Name if self.Name else f"Job{id_}"
        job = self.job_class(id_, name, to_string(self.ScriptBlock), list(self.ArgumentList or []), self._input,
                             using)
        table.add(job)
        job.start(self.ctx.session)
        self.write_object(job)


class StartJobCommand(_StartJobBase):
    name = "Start-Job"
    dotnet_type = _NS + "StartJobCommand"
    synopsis = "Starts a Windows PowerShell background job (in another process)."
    output_type = "System.Management.Automation.PSRemotingJob"
    job_class = BackgroundJob
    ids_per_job = 2


class StartThreadJobCommand(_StartJobBase):
    name = "Start-ThreadJob"
    dotnet_type = "ThreadJob.StartThreadJobCommand"
    module_name = "ThreadJob"
    synopsis = "Starts a background job that runs in a thread of this process."
    output_type = "ThreadJob.ThreadJob"
    job_class = ThreadJob


def _not_found_id(cmd, i):
    return cmd.error(f"The command cannot find a job with the job ID {i}. Verify the value of the Id parameter "
                     "and then try the command again.", "JobWithSpecifiedIdNotFound", "ObjectNotFound", i,
                     ArgumentException)


def _not_found_name(cmd, n):
    return cmd.error(f"The command cannot find the job because the job name {n} was not found. Verify the "
                     "value of the Name parameter, and then try the command again.",
                     "JobWithSpecifiedNameNotFound", "ObjectNotFound", n, ArgumentException)


class _JobSelector(Cmdlet):
    """The ways job cmdlets name their jobs: -Job (pipeline), -Id, -Name, -InstanceId, -State."""
    module_name = _CORE

    def selected(self):
        table = job_table(self.ctx.session)
        ps = self.parameter_set_name
        if ps == "Job":
            return [j for j in (self.Job or []) if isinstance(j, Job)]
        if ps == "SessionIdParameterSet" or ps == "Id":
            out = []
            for i in self.Id or []:
                found = [j for j in table.jobs if j.Id == int(i)]
                if not found:
                    self.write_error(_not_found_id(self, int(i)))
                out.extend(found)
            return out
        if ps == "NameParameterSet" or ps == "Name":
            out = []
            for n in self.Name or []:
                found = [j for j in table.jobs if wildcard_match(n, j.Name)]
                if not found and not has_wildcard(n):
                    self.write_error(_not_found_name(self, n))
                out.extend(j for j in found if j not in out)
            return out
        if ps == "InstanceIdParameterSet":
            ids = {str(x).lower() for x in self.InstanceId or []}
            return [j for j in table.jobs if str(j.InstanceId).lower() in ids]
        if ps == "StateParameterSet":
            st = to_string(self.State).lower()
            return [j for j in table.jobs if j.state.lower() == st]
        return list(table.jobs)


class _JobSelectorParams(_JobSelector):
    """-Job (pipeline), -Id, -Name, -InstanceId and -State, as Wait-, Stop- and Remove-Job declare them."""
    Job = Parameter("psobject[]", position=0, mandatory=True, value_from_pipeline=True,
                    value_from_pipeline_by_property_name=True, parameter_set="Job")
    Id = Parameter("int[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                   parameter_set="SessionIdParameterSet")
    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     parameter_set="NameParameterSet")
    InstanceId = Parameter("guid[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                           parameter_set="InstanceIdParameterSet")
    State = Parameter("string", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                      parameter_set="StateParameterSet", validate_set=JOB_STATES)


class GetJobCommand(_JobSelector):
    name = "Get-Job"
    dotnet_type = _NS + "GetJobCommand"
    default_parameter_set = "SessionIdParameterSet"
    synopsis = "Gets the background jobs of the current session."
    output_type = "System.Management.Automation.Job"
    Id = Parameter("int[]", position=0, value_from_pipeline_by_property_name=True,
                   parameter_set="SessionIdParameterSet")
    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     parameter_set="NameParameterSet")
    InstanceId = Parameter("guid[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                           parameter_set="InstanceIdParameterSet")
    State = Parameter("string", mandatory=True, value_from_pipeline_by_property_name=True,
                      parameter_set="StateParameterSet", validate_set=JOB_STATES)

    def process(self):
        if self.parameter_set_name == "SessionIdParameterSet" and not self.Id:
            jobs = list(job_table(self.ctx.session).jobs)
        else:
            jobs = self.selected()
        for j in jobs:
            self.write_object(j)


class ReceiveJobCommand(_JobSelector):
    name = "Receive-Job"
    dotnet_type = _NS + "ReceiveJobCommand"
    default_parameter_set = "Location"
    synopsis = "Gets the results of the background jobs in the current session."
    Job = Parameter("psobject[]", position=0, mandatory=True, value_from_pipeline=True,
                    value_from_pipeline_by_property_name=True, parameter_set="Location")
    Id = Parameter("int[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                   parameter_set="SessionIdParameterSet")
    Name = Parameter("string[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                     parameter_set="NameParameterSet")
    InstanceId = Parameter("guid[]", position=0, mandatory=True, value_from_pipeline_by_property_name=True,
                           parameter_set="InstanceIdParameterSet")
    Keep = Parameter("switch")
    Wait = Parameter("switch")
    AutoRemoveJob = Parameter("switch")
    WriteJobInResults = Parameter("switch")

    def selected(self):
        if self.parameter_set_name == "Location":
            return [j for j in (self.Job or []) if isinstance(j, Job)]
        return super().selected()

    def process(self):
        for job in self.selected():
            if self.WriteJobInResults:
                self.write_object(job)
            if self.Wait:
                self._drain_until_done(job)
            else:
                self._emit(job.take(bool(self.Keep)))
            if self.AutoRemoveJob and self.Wait and job.finished:
                job_table(self.ctx.session).remove(job)

    def _drain_until_done(self, job):
        keep = bool(self.Keep)
        seen = job.read_upto if not keep else 0
        session = self.ctx.session
        while True:
            with job.cond:
                done = job.finished
                recs = job.records[seen:]
                seen = len(job.records)
                if not keep:
                    job.read_upto = seen
                if not recs and not done:
                    job.cond.wait(0.1)
            self._emit(recs)
            if done and seen == len(job.records):
                return
            if session.stopping:
                raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")

    def _emit(self, recs):
        host = self.ctx.session.host
        for kind, payload in recs:
            if kind == "out":
                self.write_object(payload)
            elif kind == "err":
                self.write_error(payload)
            elif kind == "warn":
                self.write_warning(payload)
            elif kind == "verbose":
                self.write_verbose(payload)
            elif kind == "debug":
                self.write_debug(payload)
            elif kind == "host":
                host.write(payload)
            elif kind == "info":
                self.write_information(payload)


class WaitJobCommand(_JobSelectorParams):
    name = "Wait-Job"
    dotnet_type = _NS + "WaitJobCommand"
    default_parameter_set = "SessionIdParameterSet"
    synopsis = "Waits until one or all of the background jobs are in a terminating state."
    Any = Parameter("switch")
    Timeout = Parameter("int", aliases=("TimeoutSec",), validate_range=(-1, 2147483647))

    def begin(self):
        self._jobs = []

    def process(self):
        for j in self.selected():
            if j not in self._jobs:
                self._jobs.append(j)

    def end(self):
        timeout = self.Timeout if self.is_bound("Timeout") else -1
        deadline = None if timeout is None or timeout < 0 else time.monotonic() + timeout
        session = self.ctx.session
        jobs = self._jobs
        while True:
            done = [j for j in jobs if j.finished]
            if (self.Any and done) or len(done) == len(jobs):
                for j in (done[:1] if self.Any else done):
                    self.write_object(j)
                return
            if deadline is not None and time.monotonic() >= deadline:
                return
            if session.stopping:
                raise PipelineStoppedException("The pipeline has been stopped.", error_id="PipelineStopped")
            pending = next(j for j in jobs if not j.finished)
            step = time.monotonic() + 0.05
            pending.wait(step if deadline is None else min(step, deadline))


class StopJobCommand(_JobSelectorParams):
    name = "Stop-Job"
    dotnet_type = _NS + "StopJobCommand"
    default_parameter_set = "SessionIdParameterSet"
    supports_should_process = True
    synopsis = "Stops a background job."
    PassThru = Parameter("switch")

    def process(self):
        for j in self.selected():
            if self.should_process(f"{j.Command}", "Stop"):
                j.stop()
                if self.PassThru:
                    self.write_object(j)


class RemoveJobCommand(_JobSelectorParams):
    name = "Remove-Job"
    dotnet_type = _NS + "RemoveJobCommand"
    default_parameter_set = "SessionIdParameterSet"
    supports_should_process = True
    synopsis = "Deletes a background job."
    Force = Parameter("switch", aliases=("F",))

    def process(self):
        table = job_table(self.ctx.session)
        for j in self.selected():
            if not self.should_process(f"{j.Command}", "Remove"):
                continue
            if not j.finished and not self.Force:
                rec = self.error(f"The command cannot remove the job with the job ID {j.Id} because the job is "
                                 "not finished. To remove the job, first stop the job, or use the Force "
                                 "parameter.", "JobObjectNotFinishedCannotBeRemoved", "InvalidOperation", j,
                                 ArgumentException)
                self.write_error(rec)
                continue
            j.stop()
            table.remove(j)


def _register_views():
    from ...formatting.views import register_view, TableView, Column
    view = TableView([Column("Id", width=6, alignment="left"), Column("Name", width=15),
                      Column("PSJobTypeName", width=15), Column(lambda j: j.state, label="State", width=13),
                      Column("HasMoreData", width=15), Column("Location", width=20), Column("Command")])
    register_view("System.Management.Automation.Job", view)


_register_views()
