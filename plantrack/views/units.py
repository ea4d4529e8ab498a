"""`units`: per unit, the plans it owns, what it still owes, its next deadline (督促检查)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from plantrack.duties import Occurrence
from plantrack.load import Unloaded
from plantrack.models import PlansFile, Schedule, Unit
from plantrack.state import DUE_SOON_DAYS, State
from plantrack.views.common import NOT_DONE, InvalidRow, pick_unit
from plantrack.views.overdue import Item, responsible
from plantrack.views.status import PlanRow, status


@dataclass(frozen=True)
class UnitRow:
    id: str
    unit: Unit | None  # None: plans name an owner that `units:` lacks (check reports it)
    plans: tuple[PlanRow, ...]  # worst first, as `status` orders them
    pending: tuple[Item, ...]  # milestones not done, earliest due first
    duties: tuple[Occurrence, ...] = ()  # `units UNIT`: its duty occurrences still to do (views/duties.py)
    tracks_duties: bool = False  # the schedule has duties: JSON carries a `duties` list
    invalid: tuple[InvalidRow, ...] = ()  # its plans that did not load (数据有误): counted, apart

    @property
    def name(self) -> str:
        return self.unit.name if self.unit else self.id

    @property
    def total(self) -> int:
        return sum(r.total for r in self.plans)

    @property
    def done(self) -> int:
        return sum(r.done for r in self.plans)

    def count(self, state: State) -> int:
        return sum(i.step.state is state for i in self.pending)

    @property
    def next(self) -> Item | None:
        """The next deadline still ahead (overdue ones are counted, not "next")."""
        ahead = [i for i in self.pending if i.step.state is not State.OVERDUE]
        return ahead[0] if ahead else None


@dataclass(frozen=True)
class UnitsView:
    as_of: date
    window: int
    rows: tuple[UnitRow, ...]


def _rows(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int,
    only: str | None,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> list[UnitRow]:
    """Each owner's plans (as `status` rows) and the milestones it still has to do, in one pass.

    A plan that did not load counts under its owner when the owner could be read.
    """
    view = status(plans, schedule, as_of, window, unit=only, unloaded=unloaded)
    by_owner: dict[str, tuple[list[PlanRow], list[Item], list[InvalidRow]]] = {only: ([], [], [])} if only else {}
    for bad in view.invalid:
        if bad.plan.owner is not None and (only is None or bad.plan.owner == only):
            by_owner.setdefault(bad.plan.owner, ([], [], []))[2].append(bad)
    for r in view.rows:
        rows, pending, _ = by_owner.setdefault(r.plan.owner, ([], [], []))
        rows.append(r)
        pending += [
            Item(r.id, r.plan, s, as_of, responsible(r.plan, s, plans.units)) for s in r.steps if s.state in NOT_DONE
        ]
    return [
        UnitRow(
            uid,
            plans.units.get(uid),
            tuple(rows),
            tuple(sorted(pending, key=lambda i: i.step.due or date.max)),
            invalid=tuple(bad),
        )
        for uid, (rows, pending, bad) in by_owner.items()
    ]


def units(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> UnitsView:
    """Every unit that owns a plan: those with plans that did not load first, then most overdue,
    then the nearest next deadline."""
    rows = _rows(plans, schedule, as_of, window, None, unloaded)
    order = {uid: i for i, uid in enumerate(plans.units)}

    def key(r: UnitRow) -> tuple[int, int, int, date, int]:
        nxt = r.next.step.due if r.next and r.next.step.due else date.max
        return (-len(r.invalid), -r.count(State.OVERDUE), -r.count(State.DUE_SOON), nxt, order.get(r.id, len(order)))

    return UnitsView(as_of, window, tuple(sorted(rows, key=key)))


def unit(
    plans: PlansFile,
    schedule: Schedule,
    unit_id: str,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> UnitRow:
    """One unit (any unit, owning plans or not) with its plans, pending milestones and duties."""
    from dataclasses import replace

    from plantrack.views.duties import pending

    row = _rows(plans, schedule, as_of, window, pick_unit(plans, unit_id), unloaded)[0]
    return replace(
        row, duties=tuple(pending(plans, schedule, as_of, window, row.id)), tracks_duties=bool(schedule.duties)
    )
