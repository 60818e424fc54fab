"""Formatting and output: how objects become text (Out-Default, Format-*, Out-String).

The design follows the 5.1 pipeline of format packets:

    objects ─► formatter.Formatter (view selection, cell text)  ─► packets
    packets ─► renderer.Renderer (blank lines, tables, lists)    ─► text lines

Format-Table/-List/-Wide emit the packets (packets.py) to the pipeline; the
Out-* commands render them, or run objects through a default Formatter first.
views.py is the one registry of per-type views; modules register theirs there.

Rejected: formatting each object to text independently. 5.1's output depends on
the run of objects (first object's columns, out-of-band objects inside a table,
blank lines per group), so the state machine is reproduced instead.
"""
