"""A plan's milestones as tracked: the schedule's steps joined with the records.

A milestone the schedule requires and the plan does not list is still tracked
at the scheme's deadline (docs/format.md). A step is due at an authorised extension's
`until` if one is recorded, else at the plan's own date, else at the scheme's;
and never later than a step that follows it, whichever of those sets that
step's date (a plan that finishes early pulls in the steps before it). Steps
the scheme does not owe a plan (filing a plan the government itself issued,
R4) are tracked only if the plan records them. Pure: data in, data out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack import facts
from plantrack.models import Extension, MilestoneSpec, Plan, PlansFile, Record, Schedule, Unit
from plantrack.state import DUE_SOON_DAYS, State, milestone_state, worst


@dataclass(frozen=True, slots=True)  # one per step of every plan
class Step:
    id: str
    spec: MilestoneSpec
    record: Record | None
    scheme_due: date | None  # the schedule's (derived) deadline
    due: date | None  # the date the step is judged against
    done: date | None
    state: State
    days_late: int | None

    @property
    def note(self) -> str | None:
        return self.record.note if self.record else None

    @property
    def extended(self) -> Extension | None:
        """The authorised extension, if one is recorded (views: 批准延期)."""
        return self.record.extended if self.record else None

    @property
    def own_due(self) -> bool:
        """The plan set this step's date itself (its own `due`)."""
        return self.record is not None and self.record.due is not None and self.record.extended is None


def plan_deadlines(plan: Plan, schedule: Schedule, without: str | None = None) -> dict[str, date]:
    """Each step's due date for this plan: extension, own date or the scheme's, pulled in.

    `without` leaves one step's own date out: what the plan's other dates
    (and the scheme's) ask of that step.
    """
    base = schedule.deadlines(plan.kind)
    overrides = {
        mid: r.extended.until if r.extended else r.due
        for mid, r in plan.milestones.items()
        if r is not None and (r.extended is not None or r.due is not None) and mid != without
    }
    if not overrides:
        return base
    own = schedule.own_dates(plan.kind)
    own.update((m, d) for m, d in overrides.items() if d is not None)
    return schedule.pull_in(plan.kind, own, frozenset(overrides))


def steps(
    plan: Plan, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS, units: Mapping[str, Unit] | None = None
) -> list[Step]:
    """The plan's milestones in the schedule's order, each with its state."""
    kind = schedule.kinds.get(plan.kind)  # type: ignore[call-overload]
    if kind is None:
        return []
    scheme = schedule.deadlines(plan.kind)
    deadlines = plan_deadlines(plan, schedule)
    out = []
    for mid, spec in kind.milestones.items():
        record = plan.milestones.get(mid)
        if mid not in plan.milestones and not facts.owed(plan, spec, kind.milestones, units):
            continue
        due = deadlines.get(mid)
        done = record.done if record else None
        state, days = milestone_state(due, done, as_of, window)
        out.append(Step(mid, spec, record, scheme.get(mid), due, done, state, days))
    return out


def plan_state(plan_steps: list[Step]) -> State:
    return worst([s.state for s in plan_steps])


def all_steps(plans: PlansFile, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS) -> dict[str, list[Step]]:
    return {pid: steps(plan, schedule, as_of, window, plans.units) for pid, plan in plans.plans.items()}


def as_it_stood(plans: PlansFile, as_of: date) -> PlansFile:
    """The record as it stood at `as_of`: a done date after it was not done yet.

    What `milestone_state` reads for one step, for the whole file: `check --as-of`
    a past date judges every rule on this, as `status --as-of` shows it.
    """
    changed = {}
    for pid, plan in plans.plans.items():
        later = {mid for mid, r in plan.milestones.items() if r is not None and r.done is not None and r.done > as_of}
        if later:
            milestones = {
                mid: r.model_copy(update={"done": None}) if mid in later and r is not None else r
                for mid, r in plan.milestones.items()
            }
            changed[pid] = plan.model_copy(update={"milestones": milestones})
    return plans.model_copy(update={"plans": {**plans.plans, **changed}}) if changed else plans
