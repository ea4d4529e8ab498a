"""Everything a report shows, gathered once from the views: no state is derived here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from plantrack.models import PlansFile, Schedule
from plantrack.tracking import Step
from plantrack.views import overdue as overdue_view
from plantrack.views import status as status_view
from plantrack.views import summary as summary_view
from plantrack.views import timeline as timeline_view
from plantrack.views import units as units_view
from plantrack.views.common import pick_unit

if TYPE_CHECKING:
    from plantrack.history.changes import Changes


@dataclass(frozen=True)
class Column:
    """One ledger column: a step id with its name; kinds that share both share the column."""

    id: str
    name: str
    kinds: frozenset[str]


@dataclass(frozen=True)
class ReportData:
    district: str | None
    lang: str
    as_of: date
    window: int
    unit: str | None  # the unit the report is limited to (--unit)
    schedule: Schedule
    plans: PlansFile
    status: status_view.StatusView
    summary: summary_view.Summary
    overdue: overdue_view.OverdueView
    units: tuple[units_view.UnitRow, ...]
    timeline: timeline_view.TimelineData
    ledger: tuple[status_view.PlanRow, ...]  # by kind in the schedule's order, then plans.yaml's
    columns: tuple[Column, ...]
    changes: Changes | None = None
    skipped: tuple[str, ...] = ()  # plans that could not be read whole: named, never silently left out

    def unit_name(self, uid: str) -> str:
        u = self.plans.units.get(uid)
        return u.name if u else uid


def gather(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int,
    lang: str,
    *,
    unit: str | None = None,
    changes: Changes | None = None,
    skipped: tuple[str, ...] = (),
) -> ReportData:
    unit = pick_unit(plans, unit) if unit is not None else None
    view = status_view.status(plans, schedule, as_of, window, unit=unit)
    if unit is not None:
        rows: tuple[units_view.UnitRow, ...] = (units_view.unit(plans, schedule, unit, as_of, window),)
    else:
        rows = units_view.units(plans, schedule, as_of, window).rows
    kinds = list(schedule.kinds)
    order = {pid: i for i, pid in enumerate(plans.plans)}
    ledger = tuple(sorted(view.rows, key=lambda r: (kinds.index(r.plan.kind), order[r.id])))
    return ReportData(
        plans.name,
        lang,
        as_of,
        window,
        unit,
        schedule,
        plans,
        view,
        summary_view.summary(view, schedule),
        overdue_view.overdue(plans, schedule, as_of, window, unit=unit),
        rows,
        timeline_view.timeline(plans, schedule, as_of, window, unit=unit),
        ledger,
        columns(schedule, {r.plan.kind for r in ledger}),
        changes,
        skipped,
    )


def columns(schedule: Schedule, kinds: set[str]) -> tuple[Column, ...]:
    """The ledger's step columns in the schedule's order; a step shared by kinds (same id and name) once."""
    found: dict[tuple[str, str], set[str]] = {}
    for kind, spec in schedule.kinds.items():
        if kind in kinds:
            for mid, m in spec.milestones.items():
                found.setdefault((mid, m.name), set()).add(kind)
    return tuple(Column(mid, name, frozenset(ks)) for (mid, name), ks in found.items())


def cell_key(step: Step) -> str:
    """The colour key of a step: its state, or "extended" for an open step an extension moved."""
    if summary_view.is_extended(step) and step.state.value in ("open", "due-soon"):
        return "extended"
    return step.state.value


def cell_date(step: Step, as_of: date) -> date | None:
    """What a ledger cell shows: the day it was done (by the reference date), else the day it is due."""
    return step.done if step.done is not None and step.done <= as_of else step.due


def log_entries(step: Step) -> list[tuple[date | None, str]]:
    """The step's supervision log (督办记录), oldest first; empty while the data model has none."""
    out = []
    for entry in getattr(step.record, "log", None) or []:
        get = entry.get if isinstance(entry, dict) else (lambda k, e=entry: getattr(e, k, None))
        when: Any = get("date")
        out.append((when if isinstance(when, date) else None, str(get("text") or "")))
    return out
