"""The implicit `| Out-Default` at the end of every top-level pipeline.

Objects are handed to the formatting engine as they arrive (so a long
Test-SmtpConnectivity run shows rows while it goes) and its text goes to the
host. Error records that reach the output (2>&1) are shown in NormalView.
"""
from __future__ import annotations

from ..errors import ErrorRecord


class OutDefaultSink:
    def __init__(self, ctx):
        self.ctx = ctx
        self.host = ctx.host
        self._fmt = None
        try:
            from ..formatting.out_default import OutDefaultWriter
        except ImportError:
            OutDefaultWriter = None
        if OutDefaultWriter is not None:
            self._fmt = OutDefaultWriter(ctx, self.host.output_width(), self.host.write)

    def add(self, obj):
        if isinstance(obj, ErrorRecord) and self._fmt is None:
            self.host.write_error_record(obj)
            return
        if self._fmt is not None:
            self._fmt.add(obj)
            return
        if obj is None:
            return
        from ..runtime.conversion import to_string
        self.host.write_line(to_string(obj))

    def flush(self):
        if self._fmt is not None and hasattr(self._fmt, "flush"):
            self._fmt.flush()

    def close(self):
        if self._fmt is not None:
            self._fmt.close()
