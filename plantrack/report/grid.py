"""A view as a table of words: what every format (table, csv, markdown) renders.

Building a Grid is where the language is chosen; rendering it is where the
format is. Nothing here imports rich, so csv and markdown never pay for it
and never see a terminal code.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Justify = Literal["left", "right"]


class Cell(NamedTuple):
    text: str
    style: str | None = None  # a state's value ("overdue", …), or "dim" / "bold"
    bar: tuple[int, int] | None = None  # (done, total): a table draws a bar after the text


class Column(NamedTuple):
    header: str
    justify: Justify = "left"
    wrap: bool = False  # long data (names, notes) wraps in a table; the rest stays on one line
    min_width: int | None = None
    group: bool = False  # a table shows a value once per run of equal values (grouped rows)
    # A table puts this column's text on a dim line under the previous column's
    # (a milestone's id under its name), as `stack` formats it; csv and
    # markdown keep it a column of its own.
    stack: str | None = None


class Grid(NamedTuple):
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""
    preamble: tuple[str, ...] = ()  # lines before the table (a plan's or unit's particulars)
    footer: str = ""
    empty: str = ""  # said instead of an empty table
    sections: frozenset[int] = frozenset()  # row indices that start a group
