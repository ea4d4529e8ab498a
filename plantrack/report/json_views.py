"""The views as JSON, version 1 (FORMAT.md). Ids and states, never words of one language.

FORMAT.md fixes the keys it lists; the others here are additions it allows.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

from plantrack.state import State
from plantrack.views.common import Parties, Party

if TYPE_CHECKING:  # a command imports only the views it shows
    from plantrack.models import Plan, PlansFile
    from plantrack.tracking import Step
    from plantrack.views.overdue import Item, OverdueView
    from plantrack.views.status import PlanRow, StatusView
    from plantrack.views.timeline import TimelineData
    from plantrack.views.units import UnitRow, UnitsView

VERSION = 1


def _d(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _parties(ps: tuple[Party, ...]) -> list[dict[str, Any]]:
    return [{"unit": p.unit, "name": p.name, "type": p.type, "recorded": p.recorded} for p in ps]


def milestone(step: Step, plan: Plan, parties: Parties, as_of: date) -> dict[str, Any]:
    by, to = parties.of(step, plan)
    due_from = "extension" if step.extended else "plan" if step.own_due else "scheme"
    return {
        "id": step.id,
        "name": step.spec.name,
        "due": _d(step.due),
        # As it stood at the reference date: a step done later was not done yet.
        "done": _d(step.done) if step.done and step.done <= as_of else None,
        "state": step.state.value,
        "days_late": step.days_late,
        "due_from": due_from,
        "scheme_due": _d(step.scheme_due),
        "ref": step.spec.ref,
        "note": step.note,
        "by": _parties(by),
        "to": _parties(to),
        "extended": _extended(step),
    }


def plan(row: PlanRow, parties: Parties) -> dict[str, Any]:
    nxt = row.next
    return {
        "id": row.id,
        "name": row.plan.name,
        "kind": row.plan.kind,
        "owner": row.plan.owner,
        "state": row.state.value,
        "milestones": [milestone(s, row.plan, parties, row.as_of) for s in row.steps],
        "tier": row.plan.tier,
        "owner_name": row.owner_name,
        "progress": {"done": row.done, "total": row.total},
        "next": None
        if nxt is None
        else {"id": nxt.id, "name": nxt.spec.name, "due": _d(nxt.due), "days_left": row.days_left},
    }


def _head(as_of: date, window: int) -> dict[str, Any]:
    return {"version": VERSION, "as_of": as_of.isoformat(), "within": window}


def status_doc(view: StatusView, plans: PlansFile) -> dict[str, Any]:
    parties = Parties(plans.units)
    return {
        **_head(view.as_of, view.window),
        "plans": [plan(r, parties) for r in view.rows],
        "phase": view.phase,
        "counts": {s.value: n for s, n in view.counts.items()},
    }


def item(i: Item) -> dict[str, Any]:
    return {
        "plan": i.plan_id,
        "milestone": i.step.id,
        "owner": i.plan.owner,
        "due": _d(i.step.due),
        "days_overdue": i.days_overdue,
        "state": i.step.state.value,
        "days_left": i.days_left,
        "plan_name": i.plan.name,
        "milestone_name": i.step.spec.name,
        "responsible": i.responsible,
        "extended": _extended(i.step),
    }


def _extended(step: Step) -> dict[str, Any] | None:
    """An authorised extension as recorded (views show the state 批准延期)."""
    ext = step.extended
    return None if ext is None else {"until": _d(ext.until), "by": ext.by, "ref": ext.ref}


def overdue_doc(view: OverdueView) -> dict[str, Any]:
    names = {g.unit: g.name for g in view.groups}
    return {
        **_head(view.as_of, view.window),
        "items": [{**item(i), "owner_name": names[i.plan.owner]} for i in view.items],
    }


def unit(row: UnitRow) -> dict[str, Any]:
    n = row.next
    return {
        "id": row.id,
        "name": row.name,
        "type": row.unit.type if row.unit else None,
        "plans": [r.id for r in row.plans],
        "milestones": {
            "total": row.total,
            "done": row.done,
            "pending": len(row.pending),
            "overdue": row.count(State.OVERDUE),
            "due_soon": row.count(State.DUE_SOON),
        },
        "next": None
        if n is None
        else {"plan": n.plan_id, "milestone": n.step.id, "due": _d(n.step.due), "days_left": n.days_left},
    }


def units_doc(view: UnitsView) -> dict[str, Any]:
    return {**_head(view.as_of, view.window), "units": [unit(r) for r in view.rows]}


def unit_doc(row: UnitRow, as_of: date, window: int, plans: PlansFile) -> dict[str, Any]:
    parties = Parties(plans.units)
    return {
        **_head(as_of, window),
        "units": [{**unit(row), "pending": [item(i) for i in row.pending]}],
        "plans": [plan(r, parties) for r in row.plans],
    }


def timeline_doc(data: TimelineData, window: int, plans: PlansFile) -> dict[str, Any]:
    from plantrack.views.timeline import when

    parties = Parties(plans.units)
    docs = []
    for r in data.rows:
        doc = plan(r, parties)
        for m, s in zip(doc["milestones"], r.steps, strict=True):
            m["at"] = _d(when(s))
        docs.append(doc)
    return {
        **_head(data.as_of, window),
        "start": _d(data.start),
        "end": _d(data.end),
        "phases": [{"id": p.id, "name": p.name, "start": _d(p.start), "end": _d(p.end)} for p in data.phases],
        "plans": docs,
    }


def write(doc: dict[str, Any], out: TextIO) -> None:
    """One top-level key a line, and one plan or item a line in the lists.

    Readable and diffable per plan, and fast: json's indented output is pure
    Python and took most of a second on a thousand plans; this uses the C encoder.
    """

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines = []
    for key, value in doc.items():
        if isinstance(value, list) and value:
            items = ",\n".join(f"    {dumps(v)}" for v in value)
            lines.append(f"  {dumps(key)}: [\n{items}\n  ]")
        else:
            lines.append(f"  {dumps(key)}: {dumps(value)}")
    out.write("{\n" + ",\n".join(lines) + "\n}\n")
