"""`overdue` as a Grid in one language, and as JSON (FORMAT.md)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from plantrack.report import labels as L
from plantrack.report.formats import Report, day, head
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.status import extended_doc
from plantrack.state import State

if TYPE_CHECKING:
    from collections.abc import Mapping

    from plantrack.models import Unit
    from plantrack.views.overdue import Item, OverdueView

MILESTONES = ("milestones", "节点")


def days(item: Item, lang: str) -> Cell:
    n = item.days_left
    return Cell(L.days_left(n, lang), item.step.state.value, value=None if n is None else str(n))


def overdue_grid(view: OverdueView, lang: str, units: Mapping[str, Unit] | None = None) -> Grid:
    w = partial(L.word, lang=lang)
    columns = (
        Column(w("owner"), wrap=True, min_width=8, group=True),
        Column(w("plan"), key=True),
        Column(L.pair(("plan name", "规划名称"), lang), wrap=True, min_width=10, key=True),
        Column(w("milestone"), wrap=True, min_width=8),
        Column(w("due")),
        Column(w("state")),
        Column(w("days"), justify="right"),
        Column(w("responsible"), wrap=True, min_width=6),
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
                    Cell(L.step_state(st, lang), st.state.value),
                    days(i, lang),
                    Cell(L.unit_name(i.responsible, units or {}, lang)),
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


def item_doc(i: Item) -> dict[str, Any]:
    return {
        "plan": i.plan_id,
        "milestone": i.step.id,
        "owner": i.plan.owner,
        "due": day(i.step.due),
        "days_overdue": i.days_overdue,
        "state": i.step.state.value,
        "days_left": i.days_left,
        "plan_name": i.plan.name,
        "milestone_name": i.step.spec.name,
        "responsible": i.responsible,
        "extended": extended_doc(i.step),
    }


def overdue_doc(view: OverdueView) -> dict[str, Any]:
    names = {g.unit: g.name for g in view.groups}
    return {
        **head(view.as_of, within=view.window),
        "items": [{**item_doc(i), "owner_name": names[i.plan.owner]} for i in view.items],
    }


def report(view: OverdueView, lang: str, units: Mapping[str, Unit] | None = None) -> Report:
    """`units` names the responsible units (ids as they are without it)."""
    return Report(lambda: [overdue_grid(view, lang, units)], lambda: overdue_doc(view), view)
