"""A view as a table of words: what every format (table, csv, markdown) renders.

Building a Grid is where the language is chosen; rendering it is where the
format is. Nothing here imports rich, so csv and markdown never pay for it
and never see a terminal code. `width` is the one display-width measure.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Literal, NamedTuple

Justify = Literal["left", "right"]

# Characters a terminal draws in no column at all: joiners, zero-width space,
# variation selectors, the BOM used as a zero-width no-break space.
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff") | frozenset(map(chr, range(0xFE00, 0xFE10)))


class Cell(NamedTuple):
    text: str
    style: str | None = None  # a state's value ("overdue", …), or "dim" / "bold"
    bar: tuple[int, int] | None = None  # (done, total): a table draws a bar after the text
    value: str | None = None  # what csv writes instead of the words: a plain number (`-107` for 逾期107天)


class Column(NamedTuple):
    header: str
    justify: Justify = "left"
    # Long data (names, notes) wraps in a table; the rest (ids, numbers, dates,
    # states) stays on one line and is never cut: below the width where the
    # table fits, it is stacked instead (report/layout.py).
    wrap: bool = False
    min_width: int | None = None
    group: bool = False  # a table shows a value once per run of equal values (grouped rows)
    # A table puts this column's text on a dim line under the previous column's
    # (a milestone's id under its name), as `stack` formats it; csv and
    # markdown keep it a column of its own.
    stack: str | None = None
    # The header a table shows, where the next columns fold under this one
    # (`by → to`); csv, markdown and a stacked grid give each column its own.
    table_header: str | None = None
    # csv splits a bar column into two numeric columns (done, total) with these headers.
    parts: tuple[str, str] | None = None
    key: bool = False  # names the row: the heading of its block when the grid is stacked


class Grid(NamedTuple):
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    title: str = ""
    preamble: tuple[str, ...] = ()  # lines before the table (a plan's or unit's particulars)
    footer: str = ""
    empty: str = ""  # said instead of an empty table
    sections: frozenset[int] = frozenset()  # row indices that start a group


@cache  # one entry per distinct character: wrapping a long history asks ~100k times
def char_width(c: str) -> int:
    """Columns one character takes on its own: 2 for CJK wide, 0 for combining and zero-width."""
    if c in _ZERO_WIDTH or 0xE0100 <= ord(c) <= 0xE01EF:
        return 0
    if c != "\u00ad" and unicodedata.category(c) in ("Mn", "Me", "Cf"):  # a soft hyphen is drawn
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def width(text: str) -> int:
    """Display width of `text`: the columns a terminal gives it, as rich measures the tables it lays out.

    Beyond one character at a time: what follows a zero-width joiner joins the
    emoji before it (👩‍💻 is one picture, two columns), and VS16 asks for an
    emoji's two-column form (✌️).
    """
    if text.isascii():  # the common case, kept cheap for long histories
        return len(text)
    return _width(text)


@lru_cache(maxsize=4096)
def _width(text: str) -> int:
    if "\u200d" not in text and "\ufe0f" not in text:  # no sequence: the sum of its characters
        return sum(map(char_width, text))
    total, last, joined = 0, 0, False
    for c in text:
        if joined:  # the second half of a ZWJ sequence
            joined = False
            continue
        if c == "\u200d":
            joined = True
            continue
        if c == "\ufe0f" and last == 1:
            total, last = total + 1, 2
            continue
        last = char_width(c)
        total += last
    return total


def clip(text: str, limit: int) -> str:
    """One line of at most `limit` columns, with … where it was cut."""
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        used += char_width(c)
        if used > limit - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def columns(header: list[str], rows: list[list[str]]) -> list[str]:
    """Lines of left-aligned columns, two spaces apart; the last column is not padded.

    Plain text, no rich: a rich table costs about 0.6 ms a row and a history
    can run to thousands of rows. Cells must be clean already (report.safe).
    """
    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (widths[i] - width(c)) for i, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return [line(header), *(line(r) for r in rows)]
