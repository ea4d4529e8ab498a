"""The ledger (台账) as an Excel workbook: 总表, 台账, 逾期, and 变更 with --since.

Dates are real dates and counts real numbers, so a reader can sort and sum;
cells are filled by state with the terminal's colours.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from plantrack.documents import words
from plantrack.documents import xlsx_style as xs
from plantrack.documents.data import ReportData, cell_date, cell_key, log_entries
from plantrack.documents.words import w
from plantrack.documents.xlsx_style import (
    BODY_FONT,
    BOX,
    DATE_FORMAT,
    FILLS,
    HEAD_FONT,
    INKS,
    NONE_FILL,
    TITLE_FONT,
    WARN_FONT,
    WRAP,
)


def write(data: ReportData, path: Path) -> None:
    wb = Workbook()
    totals = wb.active
    assert totals is not None
    totals.title = w("totals", data.lang)
    _totals(totals, data)
    _ledger(wb.create_sheet(w("ledger", data.lang)), data)
    _overdue(wb.create_sheet(w("overdue", data.lang)), data)
    if data.changes is not None:
        _changes(wb.create_sheet(w("changes", data.lang)), data)
    wb.save(path)


def _title(ws: Worksheet, data: ReportData, text: str) -> int:
    ws.cell(row=1, column=1, value=text).font = TITLE_FONT
    ws.cell(row=2, column=1, value=w("as_of", data.lang)).font = HEAD_FONT
    c = ws.cell(row=2, column=2, value=data.as_of)
    c.number_format = DATE_FORMAT
    if data.skipped:
        ws.cell(row=3, column=1, value=words.skipped(data.skipped, data.lang)).font = WARN_FONT
        return 5
    return 4


def _totals(ws: Worksheet, data: ReportData) -> None:
    s, lang = data.summary, data.lang
    title = f"{data.district or ''}{w('title', lang)}" if lang == "zh" else w("title", lang)
    row = _title(ws, data, title)
    written: list[Sequence[Any]] = []

    def block(head: Sequence[str], body: Sequence[tuple[Sequence[Any], str | None]]) -> None:
        nonlocal row
        xs.head(ws, row, head)
        written.append(head)
        row += 1
        for values, key in body:
            xs.put(ws, row, values)
            if key is not None:
                ws.cell(row=row, column=1).fill = FILLS[key]
            written.append(values)
            row += 1
        row += 1

    block(
        [w("kind", lang), w("plans", lang)],
        [((words.kind(k, lang), n), None) for k, n in s.by_kind.items()] + [((w("total", lang), s.plans), None)],
    )
    block(
        [w("plan_states", lang), w("plans", lang)],
        [((words.state(st.value, lang), n), st.value) for st, n in s.plan_states.items()],
    )
    keys = ("done", "late", "overdue", "due-soon", "open", "extended")
    block(
        [w("step_states", lang), w("n_steps", lang)],
        [((words.state(k, lang), s.steps[k]), k) for k in keys] + [((w("total", lang), s.steps["total"]), None)],
    )
    xs.head(ws, row, [w("kind", lang), w("step", lang), w("done", lang), w("total", lang), w("ratio", lang)])
    written.append([w("kind", lang), w("step", lang)])
    row += 1
    for st in s.stages:
        xs.put(ws, row, [words.kind(st.kind, lang), st.name, st.done, st.total, st.ratio])
        ws.cell(row=row, column=5).number_format = "0%"
        written.append([words.kind(st.kind, lang), st.name])
        row += 1
    xs.fit(ws, written[1:], least=10)
    ws.column_dimensions["A"].width = max(ws.column_dimensions["A"].width or 0, 16)
    xs.page(ws, ws.PAPERSIZE_A4)


def _ledger(ws: Worksheet, data: ReportData) -> None:
    lang = data.lang
    fixed = [
        w("id", lang),
        w("plan", lang),
        w("kind", lang),
        w("tier", lang),
        w("owner", lang),
        w("state", lang),
        w("done", lang),
        w("total", lang),
    ]
    head = fixed + [c.name for c in data.columns]
    xs.head(ws, 1, head)
    index = {(c.id, kind): i for i, c in enumerate(data.columns) for kind in c.kinds}
    first = len(fixed) + 1
    rows: list[Sequence[Any]] = [fixed + [""] * len(data.columns)]
    for n, r in enumerate(data.ledger, 2):
        values = [
            r.id,
            r.plan.name,
            words.kind(r.plan.kind, lang),
            words.tier(r.plan.tier, lang),
            r.owner_name,
            words.state(r.state.value, lang),
            r.done,
            r.total,
        ]
        xs.put(ws, n, values)
        xs.style(ws.cell(row=n, column=6), fill=FILLS[r.state.value])
        mine = {first + index[(s.id, r.plan.kind)]: s for s in r.steps}
        for col in range(first, first + len(data.columns)):
            s = mine.get(col)
            if s is None:  # the plan's kind has no such step
                xs.style(ws.cell(row=n, column=col), fill=NONE_FILL)
            else:
                key = cell_key(s)
                xs.style(ws.cell(row=n, column=col, value=cell_date(s, data.as_of)), INKS[key], FILLS[key], DATE_FORMAT)
        rows.append(values)
    xs.fit(ws, rows, most=40)
    for i in range(first, first + len(data.columns)):
        # A step's name wraps in its header; the dates below need 11 columns.
        ws.column_dimensions[get_column_letter(i)].width = 12
    ws.row_dimensions[1].height = 45
    ws.freeze_panes = ws.cell(row=2, column=3)
    last = get_column_letter(len(head))
    ws.auto_filter.ref = f"A1:{last}{len(data.ledger) + 1}"
    _legend(ws, len(data.ledger) + 3, lang)
    xs.page(ws, ws.PAPERSIZE_A3, "1:1")
    ws.print_title_cols = "A:B"


def _legend(ws: Worksheet, row: int, lang: str) -> None:
    ws.cell(row=row, column=1, value=w("legend", lang)).font = HEAD_FONT
    explain = {
        "done": ("date done", "完成日期"),
        "late": ("date done", "完成日期"),
    }
    for i, key in enumerate(words.STATE_KEYS):
        c = ws.cell(row=row + 1 + i, column=1, value=words.state(key, lang))
        c.fill, c.font, c.border = FILLS[key], INKS[key], BOX
        what = explain.get(key, ("date due", "期限"))
        ws.cell(row=row + 1 + i, column=2, value=what[1] if lang == "zh" else what[0]).font = BODY_FONT


def _overdue(ws: Worksheet, data: ReportData) -> None:
    lang = data.lang
    head = [
        w("unit", lang),
        w("plan", lang),
        w("step", lang),
        w("state", lang),
        w("due", lang),
        w("days_overdue", lang),
        w("days_left", lang),
        w("note", lang),
        w("log", lang),
    ]
    xs.head(ws, 1, head)
    rows: list[Sequence[Any]] = [head]
    n = 2
    for g in data.overdue.groups:
        for i in g.items:
            log = "\n".join(f"{words.day(d, lang)} {text}".strip() for d, text in log_entries(i.step))
            values = [
                g.name,
                i.plan.name,
                i.step.spec.name,
                words.state(i.step.state.value, lang),
                i.step.due,
                i.days_overdue,
                None if i.days_overdue is not None else i.days_left,
                i.step.note or "",
                log,
            ]
            xs.put(ws, n, values)
            xs.style(ws.cell(row=n, column=4), fill=FILLS[i.step.state.value])
            for col in (2, 3, 8, 9):
                xs.style(ws.cell(row=n, column=col), align=WRAP)
            rows.append(values[:8])
            n += 1
    if n == 2:
        ws.cell(row=2, column=1, value=w("none", lang)).font = BODY_FONT
    xs.fit(ws, rows, most=36)
    ws.column_dimensions["I"].width = 36
    ws.freeze_panes = "B2"
    xs.page(ws, ws.PAPERSIZE_A4, "1:1")


def _changes(ws: Worksheet, data: ReportData) -> None:
    lang, c = data.lang, data.changes
    assert c is not None
    head = [
        w("what", lang),
        w("plan", lang),
        w("step", lang),
        w("owner", lang),
        w("old", lang),
        w("new", lang),
        w("days_overdue", lang),
    ]
    xs.head(ws, 1, head)
    rows: list[Sequence[Any]] = [head]
    n = 2
    for key, label in words.CHANGE_KINDS.items():
        for item in getattr(c, key):
            name = data.plans.plans[item.plan].name if item.plan in data.plans.plans else item.plan
            values = [
                words.pair(label, lang),
                name,
                item.name if item.milestone else "",
                data.unit_name(item.owner) if item.owner else "",
                _as_date(item.old),
                words.kind(item.new, lang) if key == "added" and item.new else _as_date(item.new),
                item.days,
            ]
            xs.put(ws, n, values)
            rows.append(values)
            n += 1
    xs.fit(ws, rows, most=40)
    ws.freeze_panes = "A2"
    xs.page(ws, ws.PAPERSIZE_A4, "1:1")


def _as_date(text: str | None) -> date | str | None:
    """changes carries ISO dates as text: a real date in the sheet where it is one."""
    if text is None or text == "None":
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text
