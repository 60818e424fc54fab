"""Formatting and CSV throughput, and Export-Csv memory while streaming.

    python -m bench.format        (or bench/run.py, which calls main())

Prints rows/second of `Format-Table | Out-String` and `ConvertTo-Csv` over
100,000 objects, and the peak traced memory of writing 100k vs 200k rows
through the Export-Csv writer (it should stay flat: rows are streamed).
"""
from __future__ import annotations

import os
import tempfile
import time
import tracemalloc

from pshim.formatting.formatter import Formatter, FormatParams
from pshim.formatting.out_default import OutputSession
from pshim.modules.utility import encodings
from pshim.modules.utility.convert_csv import CsvWriter
from pshim.modules.utility.textfile import TextFileWriter
from pshim.runtime.psobject import PSObject

N = 100_000


def objects(n):
    for i in range(n):
        yield PSObject.from_pairs([("Name", f"server{i:06d}"), ("Port", 25), ("Enabled", i % 2 == 0),
                                   ("Role", "Mailbox")])


def bench_format_table(n=N):
    lines = []
    t0 = time.perf_counter()
    f = Formatter("table", FormatParams())
    s = OutputSession(120, lines.append)
    for o in objects(n):
        for p in f.process(o):
            s.add(p)
    for p in f.end():
        s.add(p)
    s.close()
    text = "".join(line + "\n" for line in lines)
    dt = time.perf_counter() - t0
    assert len(text) > n
    return n / dt


def bench_convert_to_csv(n=N):
    t0 = time.perf_counter()
    w = CsvWriter(",", False)
    count = 0
    for o in objects(n):
        count += len(w.lines(o))
    dt = time.perf_counter() - t0
    assert count == n + 2
    return n / dt


def export_peak(n):
    fd, path = tempfile.mkstemp(suffix=".csv")
    os.close(fd)
    try:
        tracemalloc.start()
        writer = TextFileWriter(path, encodings.resolve(None)).open()
        csv = CsvWriter(",", False)
        for o in objects(n):
            for line in csv.lines(o):
                writer.write(line + "\n")
        writer.close()
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak
    finally:
        os.unlink(path)


def main():
    print(f"Format-Table | Out-String : {bench_format_table():,.0f} rows/s ({N:,} objects)")
    print(f"ConvertTo-Csv             : {bench_convert_to_csv():,.0f} rows/s ({N:,} objects)")
    p1 = export_peak(N)
    p2 = export_peak(2 * N)
    print(f"Export-Csv peak memory    : {p1 / 1024:,.0f} KiB for {N:,} rows, {p2 / 1024:,.0f} KiB for "
          f"{2 * N:,} rows (ratio {p2 / p1:.2f})")


if __name__ == "__main__":
    main()
