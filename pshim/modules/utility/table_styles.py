"""`Format-Table -TableStyle <style>`: a pshim extension for training material and
documents. Without -TableStyle, Format-Table is exactly 5.1's; with it, the rows
are rendered by tabulate (markdown, grid, rst, ...) as plain strings.
The parameter name is not one 5.1 uses, so no 5.1 script changes meaning."""
from __future__ import annotations

from ...formatting.expressions import MISSING, PropertySpec, Expression
from ...formatting.shape import display_property_names
from ...formatting.values import cell_text, format_with

# the names users type -> tabulate's table formats
TABLE_STYLES = {"Markdown": "github", "Grid": "grid", "Simple": "simple", "Plain": "plain", "Pipe": "pipe",
                "Rst": "rst", "Psql": "psql", "Outline": "outline", "Rounded": "rounded_grid", "Html": "html",
                "Tsv": "tsv", "Orgtbl": "orgtbl", "Jira": "jira", "Latex": "latex"}


def render_styled_table(rows, specs, style: str, ctx, enum_limit=4) -> list[str]:
    """Lines of a tabulate table of `rows` (objects) with columns from `specs`
    (PropertySpecs from -Property) or the first object's display properties."""
    from tabulate import tabulate
    if not rows:
        return []
    if not specs:
        specs = [PropertySpec(Expression(n)) for n in display_property_names(rows[0])]
    cols = []
    for s in specs:
        cols.extend(s.resolve(rows[0]))
    table = []
    for obj in rows:
        line = []
        for s in cols:
            v, err = s.expr.value(obj, ctx)
            if err is not None or v is MISSING or v is None:
                line.append("")
            elif s.format_string:
                line.append(format_with(v, s.format_string))
            else:
                line.append(cell_text(v, enum_limit))
        table.append(line)
    fmt = TABLE_STYLES.get(style, style)
    text = tabulate(table, headers=[s.header for s in cols], tablefmt=fmt, disable_numparse=True)
    return text.split("\n")
