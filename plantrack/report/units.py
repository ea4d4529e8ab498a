"""`units` and `units UNIT` as Grids in one language, and as JSON (docs/format.md)."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from plantrack.i18n import COMMA, LPAREN, RPAREN, Msg
from plantrack.report import labels as L
from plantrack.report.duties import duties_doc, duties_grid
from plantrack.report.formats import Report, day, head
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.overdue import days, item_doc
from plantrack.report.status import invalid_doc, invalid_state, plan_doc, skipped, status_grid
from plantrack.state import State
from plantrack.views.common import Parties
from plantrack.views.status import StatusView

if TYPE_CHECKING:
    from collections.abc import Mapping

    from plantrack.models import PlansFile, Unit
    from plantrack.views.units import UnitRow, UnitsView


def _next(row: UnitRow, lang: str) -> tuple[Cell, Cell, Cell, Cell]:
    n = row.next
    if n is None:
        return Cell(""), Cell(""), Cell(""), Cell("")
    due = n.step.due.isoformat() if n.step.due else ""
    return Cell(due), Cell(n.plan_id), Cell(n.step.spec.name), days(n, lang)


def units_grid(view: UnitsView, lang: str) -> Grid:
    w = partial(L.word, lang=lang)
    columns: tuple[Column, ...] = (
        Column(w("unit"), wrap=True, min_width=max((len(r.id) for r in view.rows), default=8), key=True),
        Column(w("id"), stack="{}", key=True),
        Column(w("plans"), justify="right"),
        Column(w("steps_done"), parts=(w("steps_done"), w("total"))),
        Column(w("pending"), justify="right"),
        Column(L.state(State.OVERDUE, lang), justify="right"),
        Column(w("soon"), justify="right"),
        Column(w("next_due")),
        Column(w("plan"), wrap=True, min_width=max((len(r.next.plan_id) for r in view.rows if r.next), default=8)),
        Column(w("milestone"), stack="{}"),
        Column(w("days"), justify="right"),
    )
    rows: list[tuple[Cell, ...]] = []
    for r in view.rows:
        overdue, soon = r.count(State.OVERDUE), r.count(State.DUE_SOON)
        rows.append(
            (
                Cell(r.name, "bold"),
                Cell(r.id),
                Cell(str(len(r.plans) + len(r.invalid))),
                Cell(f"{r.done}/{r.total}", bar=(r.done, r.total)),
                Cell(str(len(r.pending))),
                Cell(str(overdue), "overdue" if overdue else "dim"),
                Cell(str(soon), "due-soon" if soon else "dim"),
                *_next(r, lang),
            )
        )
    if any(r.invalid for r in view.rows):  # a column only when some plan did not load
        at = 3  # after the plan count
        columns = (*columns[:at], Column(L.INVALID(lang), justify="right"), *columns[at:])
        rows = [
            (*row[:at], Cell(str(len(r.invalid)), L.INVALID_STATE if r.invalid else "dim"), *row[at:])
            for row, r in zip(rows, view.rows, strict=True)
        ]
    n = len(view.rows)
    as_of, window = view.as_of.isoformat(), view.window
    footer = Msg(
        f"{n} unit{'s' * (n != 1)} own plans (as of {as_of}, window {window} d)",
        f"{n} 个单位牵头编制规划{LPAREN}基准日期 {as_of}{COMMA}临期预警 {window} 天{RPAREN}",
    )(lang)
    return Grid(columns, tuple(rows), footer=footer, empty=w("no_rows"))


def unit_grids(
    row: UnitRow, as_of: date, window: int, lang: str, units: Mapping[str, Unit] | None = None
) -> list[Grid]:
    """One unit: its particulars, its plans (as `status`), its milestones still to do."""
    w = partial(L.word, lang=lang)
    sep = L.SEP(lang)
    facts = []
    if row.unit is not None:
        facts.append(f"{w('type')}{sep}{L.unit_type(row.unit.type, lang)}")
        if row.unit.host:
            facts.append(f"{w('host')}{sep}{row.unit.host}")
    preamble = [f"{row.id}  {row.name}"] + (["  ·  ".join(facts)] if facts else [])
    if row.unit is not None and row.unit.note:
        preamble.append(f"{w('note')}{sep}{row.unit.note}")
    plans = status_grid(StatusView(as_of, window, row.plans, invalid=row.invalid), lang, owner=False)
    duties = [duties_grid(row.duties, {}, lang, unit_column=False)] if row.duties else []
    if not row.plans and not row.invalid:
        return [Grid(plans.columns, (), preamble=tuple(preamble), empty=w("no_plans")), *duties]
    plans = Grid(plans.columns, plans.rows, w("its_plans"), tuple(preamble), plans.footer)
    columns = (
        Column(w("plan"), key=True),
        Column(w("milestone"), wrap=True, min_width=8, key=True),
        Column(w("due")),
        Column(w("state")),
        Column(w("days"), justify="right"),
        Column(w("responsible"), wrap=True, min_width=6),
        Column(w("note"), wrap=True, min_width=10),
    )
    # Its plans that did not load come first: whatever they owe cannot be read (数据有误).
    bad = tuple(
        (
            Cell(r.plan.id, "bold"),
            Cell(L.problems_text(r.plan.codes, r.plan.line, lang), L.INVALID_STATE),
            Cell(""),
            invalid_state(lang),
            Cell(""),
            Cell(row.name),
            Cell(""),
        )
        for r in row.invalid
    )
    rows = bad + tuple(
        (
            Cell(i.plan_id, "bold"),
            Cell(i.step.spec.name),
            Cell(i.step.due.isoformat() if i.step.due else ""),
            Cell(L.step_state(i.step, lang), i.step.state.value),
            days(i, lang),
            Cell(L.unit_name(i.responsible, units or {}, lang)),
            Cell(i.step.note or ""),
        )
        for i in row.pending
    )
    return [plans, Grid(columns, rows, w("its_pending"), empty=L.word("none", lang)), *duties]


def unit_doc(row: UnitRow) -> dict[str, Any]:
    n = row.next
    return {
        "id": row.id,
        "name": row.name,
        "type": row.unit.type if row.unit else None,
        "plans": [r.id for r in row.invalid] + [r.id for r in row.plans],
        "invalid": [r.id for r in row.invalid],
        "milestones": {
            "total": row.total,
            "done": row.done,
            "pending": len(row.pending),
            "overdue": row.count(State.OVERDUE),
            "due_soon": row.count(State.DUE_SOON),
        },
        "next": None
        if n is None
        else {"plan": n.plan_id, "milestone": n.step.id, "due": day(n.step.due), "days_left": n.days_left},
    }


def units_doc(view: UnitsView, everything: Any = ()) -> dict[str, Any]:
    return {
        **head(view.as_of, within=view.window),
        "skipped": skipped(everything),
        "units": [unit_doc(r) for r in view.rows],
    }


def one_unit_doc(row: UnitRow, as_of: date, window: int, plans: PlansFile, everything: Any = ()) -> dict[str, Any]:
    parties = Parties(plans.units)
    doc = {
        **head(as_of, within=window),
        "skipped": skipped(everything),
        "units": [{**unit_doc(row), "pending": [item_doc(i) for i in row.pending]}],
        "plans": [invalid_doc(r) for r in row.invalid] + [plan_doc(r, parties) for r in row.plans],
    }
    if row.tracks_duties:  # a key of its own (docs/format.md): the unit's duty occurrences still to do
        doc["duties"] = duties_doc(row.duties, plans.units)
    return doc


def report(view: UnitsView, lang: str, everything: Any = ()) -> Report:
    """`units`: one row per unit that owns plans; `everything`: the plans that did not load."""
    return Report(lambda: [units_grid(view, lang)], lambda: units_doc(view, everything), view)


def unit_report(row: UnitRow, as_of: date, window: int, plans: PlansFile, lang: str, everything: Any = ()) -> Report:
    """`units UNIT`: its particulars, plans and milestones still to do."""
    return Report(  # csv: the milestones still to do (one table a file; `status --unit` lists its plans)
        lambda: unit_grids(row, as_of, window, lang, plans.units),
        lambda: one_unit_doc(row, as_of, window, plans, everything),
        row,
        # [plans, pending, *duties], or without plans [plans, *duties]: the second is the one to do
        main=1 if (row.plans or row.invalid or row.duties) else 0,
    )
