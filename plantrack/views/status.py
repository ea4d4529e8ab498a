"""`status`: one row per plan, worst state first; and one plan's milestones in order."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack.i18n import Msg
from plantrack.load import Unloaded
from plantrack.models import Plan, PlansFile, Schedule
from plantrack.state import DUE_SOON_DAYS, WORST_FIRST, State, rank, worst
from plantrack.tracking import Step, steps
from plantrack.views.common import (
    NOT_DONE,
    InvalidRow,
    Parties,
    Party,
    Words,
    in_window,
    invalid_row,
    make_filter,
    next_step,
    phase_window,
    pick,
    pick_phase,
    pick_plan,
    unit_name,
    unloaded_kept,
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
    invalid: tuple[InvalidRow, ...] = ()  # plans that did not load: listed as invalid (数据有误), first

    @property
    def counts(self) -> dict[State, int]:
        """Plans per state, worst first, every state present (zeros included); invalid ones apart."""
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
    kind: Words = None,
    unit: Words = None,
    phase: str | None = None,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> StatusView:
    """Every plan of a kind the schedule has, filtered, worst state first.

    Within a state, the plan whose next milestone is due first comes first,
    then the order of plans.yaml. Plans that did not load (`unloaded`) are
    kept apart, as invalid, unless the filter rules them out.
    """
    only = make_filter(plans, schedule, kind, unit)
    phase = pick_phase(schedule, phase) if phase is not None else None
    rows: list[tuple[tuple[int, date, int], PlanRow]] = []
    for i, (pid, plan) in enumerate(plans.plans.items()):
        if plan.kind not in schedule.kinds or not only.keeps(plan):
            continue
        row = plan_row(pid, plans, schedule, as_of, window, phase)
        if row.steps or phase is None:
            due = row.next.due if row.next and row.next.due else date.max
            rows.append(((rank(row.state), due, i), row))
    rows.sort(key=lambda t: t[0])
    invalid = unloaded_kept(unloaded or {}, plans, schedule, only)
    return StatusView(as_of, window, tuple(r for _, r in rows), phase, invalid)


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


@dataclass(frozen=True)
class InvalidDetail:
    """`status PLAN` for a plan that did not load: what could be read, and its problems."""

    row: InvalidRow
    as_of: date
    window: int


def pick_any_plan(plans: PlansFile, unloaded: Mapping[str, Unloaded], value: str) -> str:
    """The plan the user named, among the plans that loaded and those that did not."""
    known = {pid: p.name for pid, p in plans.plans.items()}
    known |= {pid: u.name or pid for pid, u in unloaded.items()}
    return pick(value, known, Msg("plan", "规划"), "plantrack status")


def detail(
    plans: PlansFile,
    schedule: Schedule,
    plan_id: str,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    *,
    phase: str | None = None,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> PlanDetail | InvalidDetail:
    """One plan's milestones in the schedule's order, with who approves or receives each.

    A plan that did not load is shown as far as it could be read, with its problems.
    """
    pid = pick_any_plan(plans, unloaded or {}, plan_id) if unloaded else pick_plan(plans, plan_id)
    if unloaded and pid in unloaded:
        return InvalidDetail(invalid_row(unloaded[pid], plans), as_of, window)
    phase = pick_phase(schedule, phase) if phase is not None else None
    row = plan_row(pid, plans, schedule, as_of, window, phase)
    parties = Parties(plans.units)
    out = []
    for s in row.steps:
        by, to = parties.of(s, row.plan)
        out.append(StepRow(s, s.record is not None and s.record.due is not None, by, to))
    return PlanDetail(row, tuple(out), window)
