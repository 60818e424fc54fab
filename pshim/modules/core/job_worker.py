"""The process of a background job (Start-Job): `python -m pshim.modules.core.job_worker`.

As in 5.1, where Start-Job starts another powershell.exe and talks to it over its standard streams,
the parent writes one request line on the child's standard input (JSON: the script block's text, the
arguments and input as CLIXML, the location) and reads one JSON line per record from its standard
output. Objects travel as CLIXML (pshim/modules/utility/clixml.py, remoting's depth of 1), so what
Receive-Job returns are deserialized objects with `Deserialized.` type names, as in 5.1; error records
travel as their visible parts (message, FullyQualifiedErrorId, category, activity, reason, target).

The child keeps reading its standard input after the request: when the parent goes away (the pipe
closes), the child ends at once, so a job never outlives the shell that started it.

Rejected: multiprocessing (pickles Python objects, which is not 5.1's serialization and would give the
parent live objects); a fork of the shell (a forked interpreter with threads is unsafe).
"""
from __future__ import annotations

import json
import os
import sys
import threading

from ..utility.clixml import from_clixml, to_clixml, Serializer, NS

REMOTING_DEPTH = 1


def encode_object(obj) -> str:
    return to_clixml([obj], REMOTING_DEPTH)


def decode_object(text: str):
    objs = from_clixml(text)
    return objs[0] if objs else None


def encode_error(rec) -> dict:
    from ...runtime.conversion import to_string
    from ...runtime.typenames import short_type_name
    info = rec.CategoryInfo
    target = rec.target
    try:
        target_text = to_string(target) if target is not None else None
    except Exception:   # a target whose text cannot be made travels without it
        target_text = ""
    exc = rec.exception
    return {"message": rec.message(), "fqid": rec.FullyQualifiedErrorId, "category": rec.category,
            "activity": info.Activity if hasattr(info, "Activity") else "",
            "reason": info.Reason if hasattr(info, "Reason") else "",
            "exception": exc.ps_type if exc is not None else "System.Management.Automation.RuntimeException",
            "target": target_text, "target_type": short_type_name(target) if target is not None else None,
            "stack": getattr(rec, "script_stack_trace", "") or ""}


def _send_factory(stream):
    lock = threading.Lock()

    def send(kind, payload):
        if kind in ("out", "info"):
            msg = {"k": kind, "x": encode_object(payload)}
        elif kind == "err":
            msg = {"k": kind, "e": encode_error(payload)}
        else:
            msg = {"k": kind, "t": payload}
        line = json.dumps(msg) + "\n"
        with lock:
            stream.write(line)
            stream.flush()
    return send


def _watch_parent(stdin):
    """The parent keeps our standard input open while it lives: its end means the shell is gone."""
    try:
        while stdin.read(65536):
            pass
    except OSError:
        pass
    os._exit(0)


def main():
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)            # nothing but records on the channel: stray prints go to stderr
    sys.stdout = sys.stderr
    stdin = sys.stdin.buffer
    request = json.loads(stdin.readline().decode("utf-8"))
    threading.Thread(target=_watch_parent, args=(stdin,), daemon=True).start()
    send = _send_factory(out)
    from ...runtime.session import Session
    from .job_host import JobHost, run_job_script
    session = Session(JobHost(send), interactive=False)
    if request.get("cwd") and os.path.isdir(request["cwd"]):
        session.location = request["cwd"]
    args = from_clixml(request["args"]) if request.get("args") else []
    input_objects = from_clixml(request["input"]) if request.get("input") is not None else None
    names = request.get("using_names") or []
    values = from_clixml(request["using"]) if names else []
    failure = run_job_script(session, request["script"], args, input_objects, send, dict(zip(names, values)))
    end = {"k": "end", "state": "Failed" if failure is not None else "Completed"}
    if failure is not None:
        end["e"] = encode_error(failure)
    out.write(json.dumps(end) + "\n")
    out.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
