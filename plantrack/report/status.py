"""`status` and `status PLAN`: as Grids in one language, and as JSON (docs/format.md, ids never words).

docs/format.md fixes the JSON keys it lists; the others here are additions it allows.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

from plantrack.report import labels as L
from plantrack.report.formats import Report, day, head
from plantrack.report.grid import Cell, Column, Grid
from plantrack.state import WORST_FIRST, State
from plantrack.views.common import InvalidRow, Parties, Party

if TYPE_CHECKING:
    from plantrack.duties import Occurrence
    from plantrack.models import Plan, PlansFile
    from plantrack.tracking import Step
    from plantrack.views.status import InvalidDetail, PlanDetail, PlanRow, StatusView, StepRow

PLANS = ("plans", "规划")
MILESTONES = ("milestones", "节点")


def _state(state: State, lang: str) -> Cell:
    return Cell(L.state(state, lang), state.value)


def progress(row: PlanRow) -> Cell:
    return Cell(f"{row.done}/{row.total}", bar=(row.done, row.total))


def status_grid(view: StatusView, lang: str, *, owner: bool = True) -> Grid:
    """One row per plan; without the owner column when the grid is one unit's plans."""
    w = partial(L.word, lang=lang)
    columns: tuple[Column, ...] = (
        Column(w("id"), key=True),
        Column(w("plan"), wrap=True, min_width=12, key=True),
        Column(w("kind")),
        Column(w("owner"), wrap=True, min_width=6),
        Column(w("progress"), parts=(w("steps_done"), w("total"))),
        Column(w("next"), wrap=True, min_width=6),
        Column(w("due")),
        Column(w("days_left"), justify="right"),
        Column(w("state")),
    )
    rows: list[tuple[Cell, ...]] = [invalid_cells(u, lang) for u in view.invalid]
    for r in view.rows:
        nxt = r.next
        rows.append(
            (
                Cell(r.id, "bold"),
                Cell(r.plan.name),
                Cell(L.kind(r.plan.kind, lang, short=True)),
                Cell(r.owner_name),
                progress(r),
                Cell(nxt.spec.name if nxt else ""),
                Cell(nxt.due.isoformat() if nxt and nxt.due else ""),
                Cell("" if r.days_left is None else str(r.days_left), nxt.state.value if nxt else None),
                _state(r.state, lang),
            )
        )
    if not owner:
        columns = columns[:3] + columns[4:]
        rows = [row[:3] + row[4:] for row in rows]
    return Grid(
        columns,
        tuple(rows),
        footer=L.footer(view.counts, view.as_of.isoformat(), view.window, lang, PLANS, len(view.invalid)),
        empty=w("no_rows"),
    )


def kind_text(kind: str | None, lang: str) -> str:
    """A kind as read: its short label when it is a kind, else as written (`专项` where `special` was meant)."""
    from plantrack.vocab import PLAN_KINDS

    if kind in PLAN_KINDS:
        return L.kind(kind, lang, short=True)
    return kind or ""


def invalid_state(lang: str) -> Cell:
    return Cell(L.INVALID(lang), L.INVALID_STATE)


def invalid_cells(row: InvalidRow, lang: str) -> tuple[Cell, ...]:
    """A status row for a plan that did not load: what could be read, its problem codes where `next` goes."""
    u = row.plan
    return (
        Cell(u.id, "bold"),
        Cell(u.name or ""),
        Cell(kind_text(u.kind, lang)),
        Cell(row.owner_name),
        Cell(""),
        Cell(L.problems_text(u.codes, u.line, lang), L.INVALID_STATE),
        Cell(""),
        Cell(""),
        invalid_state(lang),
    )


def party_text(parties: tuple[Party, ...], lang: str) -> str:
    """Unit names as written; a type the data does not narrow to one unit, in words."""
    out = []
    for p in parties:
        if p.name:
            out.append(p.name)
        elif p.unit:
            out.append(p.unit)
        elif p.type:
            out.append(L.unit_type(p.type, lang) + L.NOT_RECORDED(lang))
    return L.LIST(lang).join(out)


def basis(s: StepRow, lang: str) -> str:
    """Where the due date comes from: the plan's own, or the scheme (its D#)."""
    ext = s.step.extended
    if ext is not None:  # the extension's document, not the scheme's D#, sets this date now
        return f"{L.EXTENDED(lang)} {ext.ref}" if ext.ref else L.EXTENDED(lang)
    if s.own_due:
        return L.word("own_due", lang)
    return s.step.spec.ref or L.word("scheme_due", lang)


def plan_grid(d: PlanDetail, lang: str) -> Grid:
    w = partial(L.word, lang=lang)
    r = d.row
    kind = L.kind(r.plan.kind, lang)
    if r.plan.tier:
        kind += f" ({L.tier(r.plan.tier, lang)})"
    sep = L.SEP(lang)
    facts = [
        f"{w('kind')}{sep}{kind}",
        f"{w('owner')}{sep}{r.owner_name}",
        f"{w('progress')}{sep}{r.done}/{r.total}",
        f"{w('state')}{sep}{L.state(r.state, lang)}",
    ]
    preamble = [f"{r.id}  {r.plan.name}", "  ·  ".join(facts)]
    if r.plan.note:
        preamble.append(f"{w('note')}{sep}{r.plan.note}")
    columns = (
        # Wide enough for the longest id, so an id stacked under its name never breaks.
        Column(
            L.pair(("milestone", "节点"), lang),
            wrap=True,
            min_width=max((len(s.step.id) for s in d.steps), default=10),
            key=True,
        ),
        Column(w("id"), stack="{}", key=True),
        Column(w("due")),
        Column(w("basis"), stack="{}"),
        Column(w("done_on")),
        Column(w("state")),
        Column(w("days_late"), justify="right", stack="+{}" + L.DAYS(lang)),
        Column(w("by"), wrap=True, min_width=8, table_header=w("by_to")),
        Column(w("to"), wrap=True, stack="→{}"),
        Column(w("note"), wrap=True, min_width=10),
    )
    rows = []
    for s in d.steps:
        st = s.step
        rows.append(
            (
                Cell(st.spec.name),
                Cell(st.id),
                Cell(st.due.isoformat() if st.due else ""),
                Cell(basis(s, lang)),
                Cell(st.done.isoformat() if st.done and st.done <= r.as_of else ""),
                Cell(L.step_state(st, lang), st.state.value),
                Cell("" if st.days_late is None else str(st.days_late)),
                Cell(party_text(s.by, lang)),
                Cell(party_text(s.to, lang)),
                Cell(st.note or ""),
            )
        )
    counts = Counter(s.step.state for s in d.steps)
    return Grid(
        columns,
        tuple(rows),
        preamble=tuple(preamble),
        footer=L.footer({s: counts[s] for s in WORST_FIRST}, r.as_of.isoformat(), d.window, lang, MILESTONES),
    )


def _parties(ps: tuple[Party, ...]) -> list[dict[str, Any]]:
    return [{"unit": p.unit, "name": p.name, "type": p.type, "recorded": p.recorded} for p in ps]


def extended_doc(step: Step) -> dict[str, Any] | None:
    """An authorised extension as recorded (views show the state 批准延期)."""
    ext = step.extended
    return None if ext is None else {"until": day(ext.until), "by": ext.by, "ref": ext.ref}


def milestone_doc(step: Step, plan: Plan, parties: Parties, as_of: date) -> dict[str, Any]:
    by, to = parties.of(step, plan)
    due_from = "extension" if step.extended else "plan" if step.own_due else "scheme"
    return {
        "id": step.id,
        "name": step.spec.name,
        "due": day(step.due),
        # As it stood at the reference date: a step done later was not done yet.
        "done": day(step.done) if step.done and step.done <= as_of else None,
        "state": step.state.value,
        "days_late": step.days_late,
        "due_from": due_from,
        "scheme_due": day(step.scheme_due),
        "ref": step.spec.ref,
        "note": step.note,
        "by": _parties(by),
        "to": _parties(to),
        "extended": extended_doc(step),
    }


def plan_doc(row: PlanRow, parties: Parties) -> dict[str, Any]:
    nxt = row.next
    return {
        "id": row.id,
        "name": row.plan.name,
        "kind": row.plan.kind,
        "owner": row.plan.owner,
        "state": row.state.value,
        "milestones": [milestone_doc(s, row.plan, parties, row.as_of) for s in row.steps],
        "tier": row.plan.tier,
        "owner_name": row.owner_name,
        "progress": {"done": row.done, "total": row.total},
        "next": None
        if nxt is None
        else {"id": nxt.id, "name": nxt.spec.name, "due": day(nxt.due), "days_left": row.days_left},
    }


def invalid_doc(row: InvalidRow) -> dict[str, Any]:
    """A plan that did not load, in the shape of `plan_doc` as far as it could be read (docs/format.md)."""
    u = row.plan
    return {
        "id": u.id,
        "name": u.name,
        "kind": u.kind,
        "owner": u.owner,
        "state": L.INVALID_STATE,
        "milestones": [],
        "problems": u.codes,
        "line": u.line,
        "owner_name": row.owner_name or None,
    }


def skipped(unloaded: Any) -> list[str]:
    """docs/format.md's `skipped`: the ids of the plans that did not load (empty when all loaded)."""
    return [u.id for u in unloaded]  # Unloaded or InvalidRow


def status_doc(view: StatusView, plans: PlansFile, everything: Any = None) -> dict[str, Any]:
    """`everything`: every plan that did not load, for `skipped` (default: those the view lists)."""
    parties = Parties(plans.units)
    return {
        **head(view.as_of, within=view.window),
        "skipped": skipped(view.invalid if everything is None else everything),
        "plans": [invalid_doc(u) for u in view.invalid] + [plan_doc(r, parties) for r in view.rows],
        "phase": view.phase,
        # Plans that did not load are counted apart, when there are any.
        "counts": ({L.INVALID_STATE: len(view.invalid)} if view.invalid else {})
        | {s.value: n for s, n in view.counts.items()},
    }


def report(
    view: StatusView, plans: PlansFile, lang: str, everything: Any = None, duties: list[Occurrence] | None = None
) -> Report:
    """`status`: one row per plan, those that did not load first; `duties` (overdue and due-soon
    occurrences) in its JSON only."""

    def doc() -> dict[str, Any]:
        out = status_doc(view, plans, everything)
        if duties is not None:  # a key of its own (docs/format.md), when the schedule has duties
            from plantrack.report.duties import duties_doc

            out["duties"] = duties_doc(duties, plans.units)
        return out

    return Report(lambda: [status_grid(view, lang)], doc, view)


def invalid_grid(d: InvalidDetail, lang: str) -> Grid:
    """`status PLAN` for a plan that did not load: what could be read, then one row per problem."""
    w = partial(L.word, lang=lang)
    u, sep = d.row.plan, L.SEP(lang)
    facts = [f"{w('kind')}{sep}{kind_text(u.kind, lang) or '?'}", f"{w('owner')}{sep}{d.row.owner_name or '?'}"]
    facts.append(f"{w('state')}{sep}{L.INVALID(lang)}")
    preamble = (f"{u.id}  {u.name or ''}".rstrip(), "  ·  ".join(facts))
    columns = (
        Column(w("plan")),
        Column(w("line"), justify="right"),
        Column(L.pair(("code", "代码"), lang)),
        Column(w("message"), wrap=True, min_width=20),
    )
    rows = tuple(
        (Cell(u.id, "bold"), Cell(str(p.line)), Cell(p.code, L.INVALID_STATE), Cell(p.msg(lang))) for p in u.problems
    )
    footer = L.pair(
        (
            "This plan did not load: fix the lines above (plantrack check lists every problem).",
            "此规划数据有误，未能读取：请修改上述各行（plantrack check 列出全部问题）。",
        ),
        lang,
    )
    return Grid(columns, rows, preamble=preamble, footer=footer)


def detail_report(d: PlanDetail | InvalidDetail, plans: PlansFile, lang: str, phase: str | None = None) -> Report:
    """`status PLAN`: one plan's milestones; its JSON is `status`'s with the one plan."""
    from plantrack.views.status import InvalidDetail, StatusView

    if isinstance(d, InvalidDetail):
        bad = StatusView(d.as_of, d.window, (), phase, (d.row,))
        return Report(lambda: [invalid_grid(d, lang)], lambda: status_doc(bad, plans), d)
    one = StatusView(d.row.as_of, d.window, (d.row,), phase)
    return Report(lambda: [plan_grid(d, lang)], lambda: status_doc(one, plans), d)
