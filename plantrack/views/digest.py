"""The digest: what falls due in the next N days and what became overdue since the last one, by unit. Pure.

"Became overdue since D": overdue at the reference date and not yet at D,
that is, due on or after D. Units are those notices go to (views/notice.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from plantrack.duties import Occurrence
from plantrack.models import PlansFile, Schedule
from plantrack.state import State
from plantrack.views.notice import notices
from plantrack.views.overdue import Item

Entry = Item | Occurrence


@dataclass(frozen=True)
class UnitDigest:
    unit: str
    name: str
    overdue: tuple[Entry, ...]  # became overdue since the last digest
    soon: tuple[Entry, ...]  # falls due within the window


@dataclass(frozen=True)
class Digest:
    as_of: date
    since: date
    within: int
    units: tuple[UnitDigest, ...]

    @property
    def empty(self) -> bool:
        return not self.units


def due_of(e: Entry) -> date | None:
    return e.step.due if isinstance(e, Item) else e.due


def state_of(e: Entry) -> State:
    return e.step.state if isinstance(e, Item) else e.state


def digest(plans: PlansFile, schedule: Schedule, as_of: date, since: date, within: int) -> Digest:
    out = []
    for n in notices(plans, schedule, as_of, within):
        entries: list[Entry] = [*n.items, *n.duties]
        new = tuple(e for e in entries if state_of(e) is State.OVERDUE and (due_of(e) or date.min) >= since)
        soon = tuple(sorted((e for e in entries if state_of(e) is State.DUE_SOON), key=lambda e: due_of(e) or date.max))
        if new or soon:
            out.append(UnitDigest(n.unit, n.name, new, soon))
    return Digest(as_of, since, within, tuple(out))
