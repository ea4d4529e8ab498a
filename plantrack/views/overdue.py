"""`overdue`: milestones overdue or due soon, grouped by owner unit, most late first.

A 督办 list reads one line per plan and the unit that owes its steps: `Line`
is that, the earliest overdue step and a count of the rest; `Item` is one step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack import facts
from plantrack.duties import Occurrence
from plantrack.load import Unloaded
from plantrack.models import Plan, PlansFile, Schedule, Unit
from plantrack.state import DUE_SOON_DAYS, State, rank
from plantrack.tracking import Step, all_steps
from plantrack.views.common import InvalidRow, Words, make_filter, unit_name, unloaded_kept

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
    """The unit that owes a step (docs/format.md `responsible`)."""
    return facts.responsible(plan, step.spec, step.record.by if step.record else [], units)


@dataclass(frozen=True)
class Line:
    """One plan and the unit that owes its steps: the first step to chase, and the rest."""

    first: Item
    rest: tuple[Item, ...]

    @property
    def count(self) -> int:
        return 1 + len(self.rest)


@dataclass(frozen=True)
class Group:
    unit: str
    name: str
    items: tuple[Item, ...]

    @property
    def lines(self) -> tuple[Line, ...]:
        """One line per (plan, responsible unit), in the order of each one's first (most late) step."""
        by: dict[tuple[str, str], list[Item]] = {}
        for i in self.items:
            by.setdefault((i.plan_id, i.responsible), []).append(i)
        return tuple(Line(first, tuple(rest)) for first, *rest in by.values())


@dataclass(frozen=True)
class OverdueView:
    as_of: date
    window: int
    groups: tuple[Group, ...]
    duties: tuple[Occurrence, ...] = ()  # overdue and due-soon duty occurrences (views/duties.py)
    tracks_duties: bool = False  # the schedule has duties: JSON carries a `duties` list
    invalid: tuple[InvalidRow, ...] = ()  # plans that did not load: listed first, as invalid (数据有误)

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
    unit: Words = None,
    kind: Words = None,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> OverdueView:
    """Overdue and due-soon milestones by owner unit; the unit with the latest item first.

    Plans that did not load (`unloaded`) are listed apart, as invalid, unless the filter rules them out.
    """
    only = make_filter(plans, schedule, kind, unit)
    by_unit: dict[str, list[Item]] = {}
    for pid, plan_steps in all_steps(plans, schedule, as_of, window).items():
        plan = plans.plans[pid]
        if not only.keeps(plan):
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

    found = [o for o in selected(plans, schedule, as_of, window) if only.units is None or o.unit in only.units]
    return OverdueView(
        as_of,
        window,
        tuple(groups),
        duties=tuple(found) if kind is None else (),
        tracks_duties=bool(schedule.duties),
        invalid=unloaded_kept(unloaded or {}, plans, schedule, only),
    )
