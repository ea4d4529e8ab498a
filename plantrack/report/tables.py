"""Grids as rich tables, for a terminal. The only reporter that imports rich.

rich measures East Asian wide characters as two columns, so Chinese names
line up. The Console is made by the command (width, colour) and passed in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from plantrack.report.grid import Cell, Grid

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

STYLES = {
    "overdue": "bold red",
    "due-soon": "yellow",
    "open": "",
    "late": "magenta",
    "done": "green",
    "dim": "dim",
    "bold": "bold",
}
BAR = 4  # cells of a progress bar
GAP = 2  # cells between columns: the box's blank rule and one cell of padding


def _bar(cell: Cell, width: int) -> Text:
    from rich.text import Text

    assert cell.bar is not None
    done, total = cell.bar
    full = round(BAR * done / total) if total else 0
    text = Text(cell.text.rjust(width) + " ")
    text.append("━" * full, STYLES["done"])
    text.append("─" * (BAR - full), "dim")
    return text


def _cells(grid: Grid) -> list[list[Text]]:
    from rich.text import Text

    # Bars line up when the "done/total" before them has one width.
    widths = [max((len(r[i].text) for r in grid.rows if r[i].bar), default=0) for i in range(len(grid.columns))]
    out = []
    previous: tuple[Cell, ...] | None = None
    for n, row in enumerate(grid.rows):
        cells = []
        for i, (col, cell) in enumerate(zip(grid.columns, row, strict=True)):
            if cell.bar is not None:
                cells.append(_bar(cell, widths[i]))
            elif col.group and previous is not None and n not in grid.sections and previous[i].text == cell.text:
                cells.append(Text(""))  # a grouped value shows once, at the top of its group
            else:
                cells.append(Text(cell.text, STYLES.get(cell.style or "", "")))
        out.append(cells)
        previous = row
    return out


def widths(grid: Grid, cells: list[list[Text]], total: int, gap: int) -> list[int]:
    """Column widths that fit `total`: one-line columns as they are, wrapping ones water-filled.

    The widest wrapping column gives way first, down to the next widest, and
    so on (never below its minimum), so the space goes where the text is long.
    rich's own squeeze can crop a one-line column (a state) instead.
    """
    from rich.cells import cell_len

    natural = [
        max([cell_len(col.header)] + [cell_len(row[i].plain) for row in cells]) for i, col in enumerate(grid.columns)
    ]
    wrap = [i for i, col in enumerate(grid.columns) if col.wrap]
    budget = total - gap * (len(natural) - 1) - sum(w for i, w in enumerate(natural) if i not in wrap)
    floors = {i: min(natural[i], grid.columns[i].min_width or 1) for i in wrap}

    def used(cap: int) -> int:
        return sum(min(natural[i], max(cap, floors[i])) for i in wrap)

    cap = max((natural[i] for i in wrap), default=0)
    while cap > 1 and used(cap) > budget:
        cap -= 1
    return [min(w, max(cap, floors[i])) if i in wrap else w for i, w in enumerate(natural)]


def render(grids: Sequence[Grid], console: Console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    for i, g in enumerate(grids):
        if i:
            console.print()
        for line in g.preamble:
            console.print(Text(line, "bold" if line is g.preamble[0] else ""))
        if g.title:
            console.print(Text(g.title, "bold"))
        if not g.rows and g.empty:
            console.print(Text(g.empty, "dim"))
        else:
            # Two cells between columns (GAP): at 100 columns every cell counts.
            table = Table(
                box=box.SIMPLE_HEAD, padding=(0, 0, 0, 1), show_edge=False, pad_edge=False, header_style="bold"
            )
            rows = _cells(g)
            for col, width in zip(g.columns, widths(g, rows, console.width, GAP), strict=True):
                table.add_column(col.header, justify=col.justify, no_wrap=not col.wrap, overflow="fold", width=width)
            for n, cells in enumerate(rows):
                table.add_row(*cells, end_section=n + 1 in g.sections)
            console.print(table)
        if g.footer:
            console.print(Text(g.footer, "dim"))
