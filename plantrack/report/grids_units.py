"""`overdue`, `units` and `units UNIT` as Grids, in one language."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from plantrack.report import labels as L
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.grids_status import status_grid
from plantrack.state import State
from plantrack.views.status import StatusView

if TYPE_CHECKING:
    from plantrack.views.overdue import Item, OverdueView
    from plantrack.views.units import UnitRow, UnitsView

MILESTONES = ("milestones", "节点")


def _days(item: Item, lang: str) -> Cell:
    return Cell(L.days_left(item.days_left, lang), item.step.state.value)


def overdue_grid(view: OverdueView, lang: str) -> Grid:
    w = partial(L.word, lang=lang)
    columns = (
        Column(w("owner"), wrap=True, min_width=8, group=True),
        Column(w("plan")),
        Column(L.pair(("plan name", "规划名称"), lang), wrap=True, min_width=10),
        Column(w("milestone"), wrap=True, min_width=8),
        Column(w("due")),
        Column(w("state")),
        Column(w("days"), justify="right"),
    )
    rows: list[tuple[Cell, ...]] = []
    sections: set[int] = set()
    for g in view.groups:
        sections.add(len(rows))
        for i in g.items:
            st = i.step
            rows.append(
                (
                    Cell(g.name, "bold"),
                    Cell(i.plan_id),
                    Cell(i.plan.name),
                    Cell(st.spec.name),
                    Cell(st.due.isoformat() if st.due else ""),
                    Cell(L.state(st.state, lang), st.state.value),
                    _days(i, lang),
                )
            )
    counts = {s: sum(i.step.state is s for i in view.items) for s in (State.OVERDUE, State.DUE_SOON)}
    return Grid(
        columns,
        tuple(rows),
        footer=L.footer(counts, view.as_of.isoformat(), view.window, lang, MILESTONES),
        empty=w("none"),
        sections=frozenset(sections),
    )


def _next(row: UnitRow, lang: str) -> tuple[Cell, Cell, Cell, Cell]:
    n = row.next
    if n is None:
        return Cell(""), Cell(""), Cell(""), Cell("")
    due = n.step.due.isoformat() if n.step.due else ""
    return Cell(due), Cell(n.plan_id), Cell(n.step.spec.name), _days(n, lang)


def units_grid(view: UnitsView, lang: str) -> Grid:
    w = partial(L.word, lang=lang)
    columns = (
        Column(w("unit"), wrap=True, min_width=max((len(r.id) for r in view.rows), default=8)),
        Column(w("id"), stack="{}"),
        Column(w("plans"), justify="right"),
        Column(w("steps_done")),
        Column(w("pending"), justify="right"),
        Column(L.state(State.OVERDUE, lang), justify="right"),
        Column(w("soon"), justify="right"),
        Column(w("next_due")),
        Column(w("plan"), wrap=True, min_width=max((len(r.next.plan_id) for r in view.rows if r.next), default=8)),
        Column(w("milestone"), stack="{}"),
        Column(w("days"), justify="right"),
    )
    rows = []
    for r in view.rows:
        overdue, soon = r.count(State.OVERDUE), r.count(State.DUE_SOON)
        rows.append(
            (
                Cell(r.name, "bold"),
                Cell(r.id),
                Cell(str(len(r.plans))),
                Cell(f"{r.done}/{r.total}", bar=(r.done, r.total)),
                Cell(str(len(r.pending))),
                Cell(str(overdue), "overdue" if overdue else "dim"),
                Cell(str(soon), "due-soon" if soon else "dim"),
                *_next(r, lang),
            )
        )
    n = len(view.rows)
    as_of, window = view.as_of.isoformat(), view.window
    if lang == "zh":
        footer = f"{n} 个单位牵头编制规划{L.LPAREN}基准日期 {as_of}{L.COMMA}临期预警 {window} 天{L.RPAREN}"
    else:
        footer = f"{n} unit{'s' * (n != 1)} own plans (as of {as_of}, window {window} d)"
    return Grid(columns, tuple(rows), footer=footer, empty=w("no_rows"))


def unit_grids(row: UnitRow, as_of: date, window: int, lang: str) -> list[Grid]:
    """One unit: its particulars, its plans (as `status`), its milestones still to do."""
    w = partial(L.word, lang=lang)
    sep = L.COLON if lang == "zh" else ": "
    facts = []
    if row.unit is not None:
        facts.append(f"{w('type')}{sep}{L.unit_type(row.unit.type, lang)}")
        if row.unit.host:
            facts.append(f"{w('host')}{sep}{row.unit.host}")
    preamble = [f"{row.id}  {row.name}"] + (["  ·  ".join(facts)] if facts else [])
    if row.unit is not None and row.unit.note:
        preamble.append(f"{w('note')}{sep}{row.unit.note}")
    plans = status_grid(StatusView(as_of, window, row.plans), lang, owner=False)
    if not row.plans:
        return [Grid(plans.columns, (), preamble=tuple(preamble), empty=w("no_plans"))]
    plans = Grid(plans.columns, plans.rows, w("its_plans"), tuple(preamble), plans.footer)
    columns = (
        Column(w("plan")),
        Column(w("milestone"), wrap=True, min_width=8),
        Column(w("due")),
        Column(w("state")),
        Column(w("days"), justify="right"),
        Column(w("note"), wrap=True, min_width=10),
    )
    rows = tuple(
        (
            Cell(i.plan_id, "bold"),
            Cell(i.step.spec.name),
            Cell(i.step.due.isoformat() if i.step.due else ""),
            Cell(L.state(i.step.state, lang), i.step.state.value),
            _days(i, lang),
            Cell(i.step.note or ""),
        )
        for i in row.pending
    )
    return [plans, Grid(columns, rows, w("its_pending"), empty=L.word("none", lang))]
