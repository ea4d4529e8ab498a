"""`overdue`: milestones overdue or due soon, grouped by owner unit, most late first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack import facts
from plantrack.duties import Occurrence
from plantrack.models import Plan, PlansFile, Schedule, Unit
from plantrack.state import DUE_SOON_DAYS, State, rank
from plantrack.tracking import Step, all_steps
from plantrack.views.common import pick_kind, pick_unit, unit_name

SELECTED = frozenset({State.OVERDUE, State.DUE_SOON})


@dataclass(frozen=True)
class Item:
    """One milestone of one plan, as the office chases it."""

    plan_id: str
    plan: Plan
    step: Step
    as_of: date
    responsible: str  # who owes the step: the owner, or the body whose act it is (a unit id, or a type)

    @property
    def days_overdue(self) -> int | None:
        return self.step.days_late if self.step.state is State.OVERDUE else None

    @property
    def days_left(self) -> int | None:
        """Days until due; negative once it is past."""
        return None if self.step.due is None else (self.step.due - self.as_of).days

    def sort_key(self) -> tuple[int, int, date]:
        # Overdue before due-soon; the most days late first; then the earliest due.
        return (rank(self.step.state), -(self.days_overdue or 0), self.step.due or date.max)


def responsible(plan: Plan, step: Step, units: Mapping[str, Unit]) -> str:
    """The unit that owes a step (FORMAT.md `responsible`)."""
    return facts.responsible(plan, step.spec, step.record.by if step.record else [], units)


@dataclass(frozen=True)
class Group:
    unit: str
    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class OverdueView:
    as_of: date
    window: int
    groups: tuple[Group, ...]
    duties: tuple[Occurrence, ...] = ()  # overdue and due-soon duty occurrences (views/duties.py)
    tracks_duties: bool = False  # the schedule has duties: JSON carries a `duties` list

    @property
    def items(self) -> list[Item]:
        return [i for g in self.groups for i in g.items]

    @property
    def any_overdue(self) -> bool:
        return any(i.step.state is State.OVERDUE for i in self.items) or any(
            o.state is State.OVERDUE for o in self.duties
        )


def overdue(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    *,
    unit: str | None = None,
    kind: str | None = None,
) -> OverdueView:
    """Overdue and due-soon milestones by owner unit; the unit with the latest item first."""
    unit = pick_unit(plans, unit) if unit is not None else None
    kind = pick_kind(schedule, kind) if kind is not None else None
    by_unit: dict[str, list[Item]] = {}
    for pid, plan_steps in all_steps(plans, schedule, as_of, window).items():
        plan = plans.plans[pid]
        if (unit and plan.owner != unit) or (kind and plan.kind != kind):
            continue
        mine = [Item(pid, plan, s, as_of, responsible(plan, s, plans.units)) for s in plan_steps if s.state in SELECTED]
        if mine:
            by_unit.setdefault(plan.owner, []).extend(mine)
    # sorted() is stable: equal keys keep plans.yaml's order.
    groups = [
        Group(uid, unit_name(plans.units, uid), tuple(sorted(items, key=Item.sort_key)))
        for uid, items in by_unit.items()
    ]
    groups.sort(key=lambda g: g.items[0].sort_key())
    # Duties belong to no plan kind: `--kind` shows none.
    from plantrack.views.duties import selected

    found = selected(plans, schedule, as_of, window, unit) if kind is None else []
    return OverdueView(as_of, window, tuple(groups), tuple(found), bool(schedule.duties))
