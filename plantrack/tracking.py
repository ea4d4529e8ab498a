"""A plan's milestones as tracked: the schedule's steps joined with the records.

A milestone the schedule requires and the plan does not list is still tracked
at the scheme's deadline (FORMAT.md). Pure: data in, data out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plantrack.models import MilestoneSpec, Plan, PlansFile, Record, Schedule
from plantrack.state import DUE_SOON_DAYS, State, milestone_state, worst


@dataclass(frozen=True)
class Step:
    id: str
    spec: MilestoneSpec
    record: Record | None
    scheme_due: date | None  # the schedule's (derived) deadline
    due: date | None  # the plan's own due if it set one, else the scheme's
    done: date | None
    state: State
    days_late: int | None

    @property
    def note(self) -> str | None:
        return self.record.note if self.record else None


def steps(plan: Plan, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS) -> list[Step]:
    """The plan's milestones in the schedule's order, each with its state."""
    kind = schedule.kinds.get(plan.kind)  # type: ignore[call-overload]
    if kind is None:
        return []
    deadlines = schedule.deadlines(plan.kind)
    out = []
    for mid, spec in kind.milestones.items():
        record = plan.milestones.get(mid)
        scheme_due = deadlines.get(mid)
        due = record.due if record and record.due else scheme_due
        done = record.done if record else None
        state, days = milestone_state(due, done, as_of, window)
        out.append(Step(mid, spec, record, scheme_due, due, done, state, days))
    return out


def plan_state(plan_steps: list[Step]) -> State:
    return worst([s.state for s in plan_steps])


def all_steps(plans: PlansFile, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS) -> dict[str, list[Step]]:
    return {pid: steps(plan, schedule, as_of, window) for pid, plan in plans.plans.items()}
