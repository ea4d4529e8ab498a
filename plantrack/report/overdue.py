"""`overdue` as a Grid in one language, and as JSON (docs/format.md)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from plantrack.i18n import Msg
from plantrack.report import labels as L
from plantrack.report.duties import duties_doc, duties_grid
from plantrack.report.formats import Report, day, head, write_csv
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.status import extended_doc, invalid_state, skipped
from plantrack.state import State

if TYPE_CHECKING:
    from plantrack.models import Unit
    from plantrack.views.common import InvalidRow
    from plantrack.views.overdue import Item, Line, OverdueView

MILESTONES = ("milestones", "节点")


def days(item: Item, lang: str) -> Cell:
    n = item.days_left
    return Cell(L.days_left(n, lang), item.step.state.value, value=None if n is None else str(n))


def more(n: int, lang: str) -> str:
    """The rest of a plan's steps on one line: `and 3 more` / `等4项` (Chinese counts them all)."""
    return Msg(f" and {n} more", f"等{n + 1}项")(lang) if n else ""


def line_text(line: Line, lang: str) -> str:
    """The first step's name and the count of the rest (the unit that owes them has its own column)."""
    return line.first.step.spec.name + more(len(line.rest), lang)


def invalid_cells(row: InvalidRow, lang: str) -> tuple[Cell, ...]:
    u = row.plan
    return (
        Cell(row.owner_name, "bold"),
        Cell(u.id),
        Cell(u.name or ""),
        Cell(L.problems_text(u.codes, u.line, lang), L.INVALID_STATE),
        Cell(""),
        invalid_state(lang),
        Cell(""),
        Cell(row.owner_name),
    )


def overdue_grid(view: OverdueView, lang: str, every: bool = False, units: Mapping[str, Unit] | None = None) -> Grid:
    """One row per (plan, responsible unit), or with `every` one per step; plans that did not load first."""
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
    for bad in view.invalid:
        sections.add(len(rows))
        rows.append(invalid_cells(bad, lang))
    for g in view.groups:
        sections.add(len(rows))
        shown = (
            [(i, i.step.spec.name) for i in g.items] if every else [(ln.first, line_text(ln, lang)) for ln in g.lines]
        )
        for i, what in shown:
            st = i.step
            rows.append(
                (
                    Cell(g.name, "bold"),
                    Cell(i.plan_id),
                    Cell(i.plan.name),
                    Cell(what),
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
        footer=L.footer(counts, view.as_of.isoformat(), view.window, lang, MILESTONES, len(view.invalid)),
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


def invalid_item(row: InvalidRow) -> dict[str, Any]:
    """A plan that did not load, as an item: listed, with its problems, never left out (docs/format.md)."""
    u = row.plan
    return {
        "plan": u.id,
        "milestone": None,
        "owner": u.owner,
        "due": None,
        "days_overdue": None,
        "state": L.INVALID_STATE,
        "days_left": None,
        "plan_name": u.name,
        "milestone_name": None,
        "responsible": u.owner,
        "extended": None,
        "problems": u.codes,
        "line": u.line,
        "owner_name": row.owner_name or None,
    }


def overdue_doc(view: OverdueView, everything: Any = None, units: Mapping[str, Unit] | None = None) -> dict[str, Any]:
    """Every step, as scripts read them (the table's one line per plan is for people)."""
    names = {g.unit: g.name for g in view.groups}
    doc = {
        **head(view.as_of, within=view.window),
        "skipped": skipped(view.invalid if everything is None else everything),
        "items": [invalid_item(r) for r in view.invalid]
        + [{**item_doc(i), "owner_name": names[i.plan.owner]} for i in view.items],
    }
    if view.tracks_duties:  # a key of its own: milestone items keep their shape (docs/format.md)
        doc["duties"] = duties_doc(view.duties, units or {})
    return doc


def report(
    view: OverdueView,
    lang: str,
    *,
    every: bool = False,
    everything: Any = None,
    units: Mapping[str, Unit] | None = None,
) -> Report:
    """`overdue`: `every` lists every step in the table too; `everything` are all plans that did not load."""

    def grids() -> list[Grid]:
        extra = [duties_grid(view.duties, units or {}, lang)] if view.duties else []
        return [overdue_grid(view, lang, every, units), *extra]

    # csv is for scripts, like json: every step, whatever the table shows.
    csv = {"csv": lambda _r, out, _w: write_csv([overdue_grid(view, lang, True, units)], out)}
    return Report(grids, lambda: overdue_doc(view, everything, units), view, csv)
