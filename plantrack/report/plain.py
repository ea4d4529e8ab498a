"""csv and markdown: Grids as plain text. Never imports rich; never writes a terminal code."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import TextIO

from plantrack.report.grid import Grid


def write_csv(grids: Sequence[Grid], out: TextIO) -> None:
    """A header row and one row per line of the view; several tables are separated by a blank line.

    Only the table: preamble and footer are for people and would break a
    spreadsheet's import.
    """
    writer = csv.writer(out, lineterminator="\n")
    for i, g in enumerate(grids):
        if i:
            out.write("\n")
        writer.writerow([c.header for c in g.columns])
        writer.writerows([cell.text for cell in row] for row in g.rows)


def _md(text: str) -> str:
    # A pipe would end the cell and a newline the row; markdown has escapes for both.
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>")


def write_markdown(grids: Sequence[Grid], out: TextIO) -> None:
    """GitHub-flavoured markdown: particulars as lines, the table, the footer as a paragraph."""
    for i, g in enumerate(grids):
        if i:
            out.write("\n")
        if g.preamble:
            out.write("  \n".join(_md(line) for line in g.preamble) + "\n\n")
        if g.title:
            out.write(f"### {_md(g.title)}\n\n")
        if not g.rows and g.empty:
            out.write(f"_{_md(g.empty)}_\n")
        else:
            out.write("| " + " | ".join(_md(c.header) for c in g.columns) + " |\n")
            out.write("| " + " | ".join("---:" if c.justify == "right" else "---" for c in g.columns) + " |\n")
            for row in g.rows:
                out.write("| " + " | ".join(_md(cell.text) for cell in row) + " |\n")
        if g.footer:
            out.write(f"\n{_md(g.footer)}\n")
