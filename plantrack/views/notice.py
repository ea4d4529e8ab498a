"""What each unit is chased for (督办单, the digest): its overdue and due-soon items. Pure.

A milestone is chased from the unit that owes it (facts.responsible: the
owner, or the body whose act the step is); where that is a unit type the data
does not narrow to one unit, from the plan's owner, who can say where it
stands. A duty occurrence is chased from its unit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from plantrack.duties import Occurrence
from plantrack.models import PlansFile, Schedule, Unit
from plantrack.state import DUE_SOON_DAYS, State
from plantrack.views.common import pick_unit, unit_name
from plantrack.views.duties import selected
from plantrack.views.overdue import Item, overdue

REPLY_DAYS = 7  # "请于X月X日前反馈": a week from the notice's date unless told


@dataclass(frozen=True)
class Notice:
    """One unit's notice: its items, most late first, and the date to reply by."""

    unit: str
    name: str
    info: Unit | None
    items: tuple[Item, ...]
    duties: tuple[Occurrence, ...]
    as_of: date
    reply_by: date

    def late(self) -> tuple[list[Item], list[Occurrence]]:
        return (
            [i for i in self.items if i.step.state is State.OVERDUE],
            [o for o in self.duties if o.state is State.OVERDUE],
        )

    def soon(self) -> tuple[list[Item], list[Occurrence]]:
        return (
            [i for i in self.items if i.step.state is State.DUE_SOON],
            [o for o in self.duties if o.state is State.DUE_SOON],
        )


def chased(item: Item, units: dict[str, Unit]) -> str:
    """The unit a milestone is chased from."""
    return item.responsible if item.responsible in units else item.plan.owner


def notices(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    only: Sequence[str] = (),
    reply_days: int = REPLY_DAYS,
) -> list[Notice]:
    """One notice per unit with anything overdue or due soon, in plans.yaml's order of units."""
    wanted = {pick_unit(plans, u) for u in only}
    items: dict[str, list[Item]] = {}
    for i in overdue(plans, schedule, as_of, window).items:
        items.setdefault(chased(i, plans.units), []).append(i)
    duties: dict[str, list[Occurrence]] = {}
    for o in selected(plans, schedule, as_of, window):
        duties.setdefault(o.unit, []).append(o)
    order = list(plans.units) + sorted(set(items) - set(plans.units))
    out = []
    for uid in order:
        if (wanted and uid not in wanted) or not (items.get(uid) or duties.get(uid)):
            continue
        mine = sorted(items.get(uid, []), key=Item.sort_key)
        out.append(
            Notice(
                uid,
                unit_name(plans.units, uid),
                plans.units.get(uid),
                tuple(mine),
                tuple(duties.get(uid, [])),
                as_of,
                as_of + timedelta(days=reply_days),
            )
        )
    return out


def sender(plans: PlansFile) -> Unit | None:
    """Who sends notices: the leading group's office, else the DRC (R13), as the district names them."""
    for wanted in ("office", "drc"):
        for u in plans.units.values():
            if u.type == wanted:
                return u
    return None


def sender_contact(plans: PlansFile) -> Unit | None:
    """The unit whose contact a notice gives: the office's, else its host's (the DRC's)."""
    office = sender(plans)
    if office is None or office.contact is not None:
        return office
    host = plans.units.get(office.host) if office.host else None
    return host if host is not None and host.contact is not None else office
