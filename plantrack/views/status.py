"""`status`: one row per plan, worst state first; and one plan's milestones in order."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from plantrack.models import Plan, PlansFile, Schedule
from plantrack.state import DUE_SOON_DAYS, WORST_FIRST, State, rank, worst
from plantrack.tracking import Step, steps
from plantrack.views.common import (
    NOT_DONE,
    Parties,
    Party,
    in_window,
    next_step,
    phase_window,
    pick_kind,
    pick_phase,
    pick_plan,
    pick_unit,
    unit_name,
)


@dataclass(frozen=True)
class PlanRow:
    id: str
    plan: Plan
    owner_name: str
    steps: tuple[Step, ...]  # in the schedule's order; only the phase's with --phase
    state: State
    next: Step | None  # the next milestone to do
    as_of: date

    @property
    def done(self) -> int:
        return sum(s.state not in NOT_DONE for s in self.steps)

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def days_left(self) -> int | None:
        """Days until the next milestone is due; negative when it is overdue."""
        if self.next is None or self.next.due is None:
            return None
        return (self.next.due - self.as_of).days


@dataclass(frozen=True)
class StatusView:
    as_of: date
    window: int
    rows: tuple[PlanRow, ...]
    phase: str | None = None

    @property
    def counts(self) -> dict[State, int]:
        """Plans per state, worst first, every state present (zeros included)."""
        c = Counter(r.state for r in self.rows)
        return {s: c[s] for s in WORST_FIRST}


def plan_row(
    pid: str,
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    phase: str | None = None,
) -> PlanRow:
    """One plan's row: with a phase, only the milestones due in its window."""
    plan = plans.plans[pid]
    span = phase_window(schedule, phase)
    mine = tuple(s for s in steps(plan, schedule, as_of, window, plans.units) if in_window(s, span))
    return PlanRow(
        pid, plan, unit_name(plans.units, plan.owner), mine, worst([s.state for s in mine]), next_step(mine), as_of
    )


def status(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    *,
    kind: str | None = None,
    unit: str | None = None,
    phase: str | None = None,
) -> StatusView:
    """Every plan of a kind the schedule has, filtered, worst state first.

    Within a state, the plan whose next milestone is due first comes first,
    then the order of plans.yaml.
    """
    kind = pick_kind(schedule, kind) if kind is not None else None
    unit = pick_unit(plans, unit) if unit is not None else None
    phase = pick_phase(schedule, phase) if phase is not None else None
    rows: list[tuple[tuple[int, date, int], PlanRow]] = []
    for i, (pid, plan) in enumerate(plans.plans.items()):
        if plan.kind not in schedule.kinds or (kind and plan.kind != kind) or (unit and plan.owner != unit):
            continue
        row = plan_row(pid, plans, schedule, as_of, window, phase)
        if row.steps or phase is None:
            due = row.next.due if row.next and row.next.due else date.max
            rows.append(((rank(row.state), due, i), row))
    rows.sort(key=lambda t: t[0])
    return StatusView(as_of, window, tuple(r for _, r in rows), phase)


@dataclass(frozen=True)
class StepRow:
    step: Step
    own_due: bool  # the plan set its own due date, rather than the scheme's
    by: tuple[Party, ...]
    to: tuple[Party, ...]


@dataclass(frozen=True)
class PlanDetail:
    row: PlanRow
    steps: tuple[StepRow, ...]
    window: int


def detail(
    plans: PlansFile,
    schedule: Schedule,
    plan_id: str,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    *,
    phase: str | None = None,
) -> PlanDetail:
    """One plan's milestones in the schedule's order, with who approves or receives each."""
    pid = pick_plan(plans, plan_id)
    phase = pick_phase(schedule, phase) if phase is not None else None
    row = plan_row(pid, plans, schedule, as_of, window, phase)
    parties = Parties(plans.units)
    out = []
    for s in row.steps:
        by, to = parties.of(s, row.plan)
        out.append(StepRow(s, s.record is not None and s.record.due is not None, by, to))
    return PlanDetail(row, tuple(out), window)
