"""A view as a table of words: what every format (table, csv, markdown) renders.

Building a Grid is where the language is chosen; rendering it is where the
format is. Nothing here imports rich, so csv and markdown never pay for it
and never see a terminal code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Justify = Literal["left", "right"]


@dataclass(frozen=True)
class Cell:
    text: str
    style: str | None = None  # a state's value ("overdue", …), or "dim" / "bold"
    bar: tuple[int, int] | None = None  # (done, total): a table draws a bar after the text


@dataclass(frozen=True)
class Column:
    header: str
    justify: Justify = "left"
    wrap: bool = False  # long data (names, notes) wraps in a table; the rest stays on one line
    min_width: int | None = None
    group: bool = False  # a table shows a value once per run of equal values (grouped rows)


@dataclass(frozen=True)
class Grid:
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""
    preamble: tuple[str, ...] = ()  # lines before the table (a plan's or unit's particulars)
    footer: str = ""
    empty: str = ""  # said instead of an empty table
    sections: frozenset[int] = field(default_factory=frozenset)  # row indices that start a group


def text_of(cell: Cell) -> str:
    return cell.text
