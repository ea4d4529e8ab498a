"""Duty occurrences as the views show them: what each unit owes of its duties (R12, R17, R22).

Pure. A recurring duty has many future occurrences: a view shows the overdue
and due-soon ones, and of the rest only each duty's next one, so sixteen
monthly summaries do not bury a unit's plans.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from plantrack.duties import Occurrence, occurrences
from plantrack.models import PlansFile, Schedule
from plantrack.state import DUE_SOON_DAYS, State, rank
from plantrack.views.common import NOT_DONE

SELECTED = frozenset({State.OVERDUE, State.DUE_SOON})


def sort_key(o: Occurrence) -> tuple[int, int, date]:
    """As a milestone item sorts: overdue first, the most days late first, then the earliest due."""
    return (rank(o.state), -(o.days_overdue or 0), o.due or date.max)


def selected(
    plans: PlansFile, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS, unit: str | None = None
) -> list[Occurrence]:
    """Overdue and due-soon occurrences, in units' order, most late first within a unit."""
    return _by_unit(o for o in occurrences(plans, schedule, as_of, window, unit) if o.state in SELECTED)


def pending(
    plans: PlansFile, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS, unit: str | None = None
) -> list[Occurrence]:
    """Occurrences not done: overdue and due-soon ones, and each duty's next open one."""
    out: list[Occurrence] = []
    seen: set[tuple[str, str]] = set()
    for o in occurrences(plans, schedule, as_of, window, unit):
        if o.state in SELECTED:
            out.append(o)
        elif o.state is State.OPEN and (o.unit, o.duty) not in seen:
            seen.add((o.unit, o.duty))
            out.append(o)
    return _by_unit(out)


def open_ones(
    plans: PlansFile, schedule: Schedule, as_of: date, window: int = DUE_SOON_DAYS, unit: str | None = None
) -> list[Occurrence]:
    """Every occurrence not done (the calendar's events), in units' then date order."""
    return [o for o in occurrences(plans, schedule, as_of, window, unit) if o.state in NOT_DONE]


def _by_unit(found: Iterable[Occurrence]) -> list[Occurrence]:
    groups: dict[str, list[Occurrence]] = {}
    for o in found:
        groups.setdefault(o.unit, []).append(o)
    ordered = [sorted(items, key=sort_key) for items in groups.values()]
    # The unit with the latest item first, as `overdue` orders its groups; stable on ties.
    ordered.sort(key=lambda items: sort_key(items[0]))
    return [o for items in ordered for o in items]


def count(found: Iterable[Occurrence], state: State) -> int:
    return sum(o.state is state for o in found)
