"""Help for Trace-Command (written for pshim)."""

HELP = {}

HELP["Trace-Command"] = {
    "synopsis": "Configures and starts a trace of the specified expression or command.",
    "description": """In Windows PowerShell, Trace-Command writes the messages of the engine's trace sources
(ParameterBinding, TypeConversion, ...) while an expression runs. pshim's engine has no trace sources:
Trace-Command writes one error record per -Name saying so (TraceSourceNotAvailable), then runs the
expression, with the pipeline's objects as its input, and writes its output; no trace messages are
written, with or without -PSHost. -Command, -ArgumentList, -Option, -ListenerOption, -FilePath and
-Debugger are not available.""",
    "parameters": {
        "Name": "The trace sources to trace (none exists in pshim).",
        "Expression": "The script block to run.",
        "InputObject": "Input for the expression; it can come from the pipeline.",
        "PSHost": "Would send the trace messages to the host; there are none in pshim.",
    },
    "examples": [
        {"title": "The expression still runs",
         "code": "Trace-Command -Name ParameterBinding -Expression { 2 + 2 } -ErrorAction SilentlyContinue",
         "output": "4"},
    ],
    "related": ["Measure-Command"],
}
