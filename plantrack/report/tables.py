"""Grids as rich tables, for a terminal. The only reporter that imports rich.

rich measures East Asian wide characters as two columns, so Chinese names
line up. The Console is made by the command (width, colour) and passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from plantrack.report import layout
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.grid import width as display_width
from plantrack.report.layout import GAP, bar
from plantrack.report.safe import clean
from plantrack.report.terminal import STYLES, print_lines

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def _bar(cell: Cell, width: int) -> Text:
    from rich.text import Text

    assert cell.bar is not None
    text = Text(clean(cell.text).rjust(width))
    for part, style in bar(*cell.bar):
        text.append(part, STYLES.get(style, ""))
    return text


def _cells(grid: Grid) -> tuple[list[Column], list[list[Text]]]:
    """The columns a table shows and their cells as styled text.

    Columns with `stack` fold under the column before them as dim lines; a
    grouped column shows its value once, at the top of its group; bars line
    up because the "done/total" before them is padded to one width.
    """
    from rich.text import Text

    cols = grid.columns
    keep = [i for i, c in enumerate(cols) if not c.stack]
    bar_widths = [max((len(r[i].text) for r in grid.rows if r[i].bar), default=0) for i in range(len(cols))]
    out = []
    for n, row in enumerate(grid.rows):
        cells = []
        for i in keep:
            cell = row[i]
            if cell.bar is not None:
                text = _bar(cell, bar_widths[i])
            elif cols[i].group and n and n not in grid.sections and grid.rows[n - 1][i].text == cell.text:
                text = Text("")
            else:
                text = Text(clean(cell.text), STYLES.get(cell.style or "", ""))
            j = i + 1
            while j < len(cols) and cols[j].stack:
                if row[j].text:
                    line = (cols[j].stack or "{}").format(clean(row[j].text))
                    text.append_text(Text(("\n" if text.plain else "") + line, "dim"))
                j += 1
            cells.append(text)
        out.append(cells)
    return [cols[i] for i in keep], out


def widths(columns: list[Column], cells: list[list[Text]], total: int) -> list[int] | None:
    """Column widths that fit `total` (layout.widths), or None when the table does not fit at all."""
    natural = [
        max(
            [display_width(col.table_header or col.header)]
            + [display_width(line) for row in cells for line in row[i].plain.split("\n")]
        )
        for i, col in enumerate(columns)
    ]
    return layout.widths(columns, natural, total) if layout.fits(columns, natural, total) else None


def _lines(text: Text, width: int, justify: str, wrap: bool, console: Console) -> list[Text]:
    """One cell as lines of exactly `width` cells: wrapped (CJK folds anywhere) or as it is."""
    if "\n" not in text.plain and (not wrap or text.cell_len <= width):  # fits: the common case, kept cheap
        text.align("right" if justify == "right" else "left", width)
        return [text]
    lines = list(text.wrap(console, width, overflow="fold") if wrap else text.split("\n", allow_blank=True))
    for line in lines:
        line.truncate(width)
        line.align("right" if justify == "right" else "left", width)
    return lines


def table(grid: Grid, console: Console) -> list[Text]:
    """The table's lines: a bold header, a rule, the rows; a blank line between groups.

    Laid out here rather than by rich's Table: the same cells, measured and
    wrapped by rich, for a fraction of the time (the table is most of what
    `status` costs beyond loading, and `status` should be as quick as `check`).
    """
    from rich.text import Text

    columns, cells = _cells(grid)
    sizes = widths(columns, cells, console.width)
    if sizes is None:  # never crop a column: one block per row instead, set off by blank lines
        return [Text(""), *stacked(grid, console.width), Text("")]
    header = [Text(clean(c.table_header or c.header), "bold") for c in columns]
    out: list[Text] = []
    for n, row in enumerate([header, *cells]):
        if n > 1 and n - 1 in grid.sections:
            out.append(Text(""))
        parts = [_lines(t, w, c.justify, c.wrap, console) for t, w, c in zip(row, sizes, columns, strict=True)]
        for i in range(max(len(p) for p in parts)):
            line = Text()
            for k, (p, w) in enumerate(zip(parts, sizes, strict=True)):
                if k:
                    line.append(" " * GAP)
                if i < len(p):
                    line.append_text(p[i])
                else:
                    line.append(" " * w)
            line.rstrip()
            out.append(line)
        if n == 0:
            out.append(Text("─" * (sum(sizes) + GAP * (len(sizes) - 1)), "dim"))
    return out


def stacked(grid: Grid, total: int) -> list[Text]:
    from rich.text import Text

    out = []
    for segments in layout.stacked(grid, total):
        line = Text()
        for part, style in segments:
            line.append(part, STYLES.get(style, ""))
        out.append(line)
    return out


def render(grids: Sequence[Grid], console: Console) -> None:
    from rich.text import Text

    def prose(text: str, style: str) -> list[Text]:  # a sentence wraps (a long note), a table never does
        return list(Text(clean(text), style).wrap(console, console.width))

    lines: list[Text] = []
    for i, g in enumerate(grids):
        if i:
            lines.append(Text(""))
        for n, line in enumerate(g.preamble):
            lines += prose(line, "bold" if n == 0 else "")
        if g.title:
            lines += prose(g.title, "bold")
        lines += table(g, console) if g.rows or not g.empty else prose(g.empty, "dim")
        if g.footer:
            lines += prose(g.footer, "dim")
    print_lines(console, lines)
