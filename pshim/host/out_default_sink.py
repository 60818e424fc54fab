"""The implicit `| Out-Default` at the end of every top-level pipeline.

Objects are handed to the formatting engine as they arrive (so a long
Test-SmtpConnectivity run shows rows while it goes) and its text goes to the
host. Error records that reach the output (2>&1) are shown in NormalView.
"""
from __future__ import annotations



class OutDefaultSink:
    def __init__(self, ctx):
        self.ctx = ctx
        self.host = ctx.host
        self._fmt = None

    def _start(self):
        # the formatter loads on the first object: `-Command '$null'` never pays for it
        from ..formatting.out_default import OutDefaultWriter
        self._fmt = OutDefaultWriter(self.ctx, self.host.output_width(), self.host.write)

    def add(self, obj):
        if self._fmt is None:
            if obj is None:
                return
            self._start()
        self._fmt.add(obj)

    def flush(self):
        if self._fmt is not None:
            self._fmt.flush()

    def close(self):
        if self._fmt is not None:
            self._fmt.close()
