"""How the ledger's cells look: fonts, state fills, borders, widths that fit CJK, print set-up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from datetime import date
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plantrack.documents import words
from plantrack.report.grid import width

DATE_FORMAT = "yyyy-mm-dd"
FONT = "宋体"  # what WPS and Excel on a Chinese desktop have; Excel substitutes elsewhere
FILLS = {k: PatternFill("solid", start_color=fill, end_color=fill) for k, (fill, _) in words.COLOURS.items()}
INKS = {k: Font(name=FONT, color=ink) for k, (_, ink) in words.COLOURS.items()}
NONE_FILL = PatternFill("solid", start_color="EEEEEE", end_color="EEEEEE")
HEAD_FILL = PatternFill("solid", start_color="D9E1F2", end_color="D9E1F2")
HEAD_FONT = Font(name=FONT, bold=True)
BODY_FONT = Font(name=FONT)
TITLE_FONT = Font(name=FONT, bold=True, size=14)
WARN_FONT = Font(name=FONT, bold=True, color=words.COLOURS["overdue"][1])
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


# Setting a cell's font, fill, … one by one hashes every style object each time:
# 9 s of 11 at a thousand plans. A cell's styles are one small array of indexes
# into the workbook's style tables, so each combination is made once on a cell
# and copied to the others (openpyxl's own copy of `_style` does the same).
# Style indexes belong to one workbook: one table of made styles each.
_made: WeakKeyDictionary[Workbook, dict[tuple[int, int, int, str, int], StyleArray]] = WeakKeyDictionary()


def style(
    c: Cell,
    font: Font = BODY_FONT,
    fill: PatternFill | None = None,
    fmt: str = "General",
    align: Alignment | None = None,
    border: Border = BOX,
) -> None:
    key = (id(font), id(fill), id(border), fmt, id(align))
    table = _made.setdefault(c.parent.parent, {})
    made = table.get(key)
    if made is not None:
        c._style = copy(made)
        return
    c._style = StyleArray()
    c.font, c.border, c.number_format = font, border, fmt
    if fill is not None:
        c.fill = fill
    if align is not None:
        c.alignment = align
    table[key] = copy(c._style)


def put(
    ws: Worksheet, row: int, values: Sequence[Any], font: Font = BODY_FONT, fill: PatternFill | None = None
) -> None:
    for col, value in enumerate(values, 1):
        style(
            ws.cell(row=row, column=col, value=value), font, fill, DATE_FORMAT if isinstance(value, date) else "General"
        )


def head(ws: Worksheet, row: int, values: Sequence[str]) -> None:
    for col, value in enumerate(values, 1):
        style(ws.cell(row=row, column=col, value=value), HEAD_FONT, HEAD_FILL, align=CENTER)


def fit(ws: Worksheet, rows: Iterable[Sequence[Any]], least: int = 6, most: int = 60) -> None:
    """Widths that fit CJK text: a wide character takes two columns."""
    best: dict[int, int] = {}
    for row in rows:
        for i, v in enumerate(row, 1):
            n = 11 if isinstance(v, date) else width(str(v)) if v is not None else 0
            best[i] = max(best.get(i, least), n + 2)
    for i, n in best.items():
        ws.column_dimensions[get_column_letter(i)].width = min(n, most)


def page(ws: Worksheet, paper: int, title_rows: str | None = None) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = paper
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
