"""A fast per-record path for cmdlets whose only pipeline parameter is
-InputObject (Where-Object, ForEach-Object, Measure-Object, Out-Null, ...).

The generic CmdletProcessor.process_record binds every record through the
four pipeline-binding passes and re-checks mandatory parameters, which costs
more than running a small script block. A cmdlet that mixes in FastInput gets
its processor's `process_record` replaced (when the processor is attached,
before the pipeline is wired) by a function that stores the record in
-InputObject and calls `process()` directly. The generic path is still used
when -InputObject was given on the command line or the command's streams are
redirected.
"""
from __future__ import annotations


class FastInput:
    fast_input_parameter = "InputObject"

    def _get_processor(self):
        return self.__dict__.get("_processor")

    def _set_processor(self, proc):
        self.__dict__["_processor"] = proc
        if proc is None or not hasattr(proc, "process_record"):
            return
        generic = proc.process_record
        cmdlet = self

        def process_record(obj):
            fast = cmdlet._fast
            if fast is not None:
                fast(obj)
            else:
                generic(obj)
        self._generic_process_record = generic
        proc.process_record = process_record

    processor = property(_get_processor, _set_processor)
    _fast = None

    def enable_fast_input(self, fn=None):
        """Call from begin(): when it is safe, records go to `fn(record)` (default:
        store the record in -InputObject and call process())."""
        proc = self.processor
        bound = self.bound or {}
        ok = (self.fast_input_parameter not in bound and
                         (proc.streams is None or proc.streams is self.ctx.streams) and
                         getattr(proc, "has_plan", True) and proc._outs is None and
                         type(proc).__name__ == "CmdletProcessor")
        if not ok:
            self._fast = None
            return
        if fn is None:
            d = self.__dict__
            pname = self.fast_input_parameter
            process = self.process

            def fn(obj):
                d[pname] = obj
                process()
        self._fast = fn


def dollar_under_setter(scope):
    """A function that sets $_ in `scope` cheaply (reusing the PSVariable)."""
    vars_get = scope.vars.get
    set_local = scope.set_local

    def set_(obj):
        v = vars_get("_")
        if v is None:
            set_local("_", obj, "_")
        else:
            v.value = obj
    return set_
