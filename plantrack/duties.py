"""Per-unit and recurring duties (R12, R17, R22): their occurrences and states. Pure.

A duty binds every unit of some types. A recurring duty occurs by its RFC 5545
RRULE (python-dateutil's `rrulestr`) from `start` to `end`, both included; a
district may set its own cadence (plans.yaml `cadence:`), since the scheme
states none for R12 ("定期开展工作总结"). RRULE semantics are RFC 5545's: a
day a month lacks is skipped, so BYMONTHDAY=31 occurs only in the months that
have a 31st; the last day of every month is BYMONTHDAY=-1.

An occurrence is keyed by its month (`2020-08`) when the rule gives at most
one a month, else by its date (`2020-08-25`); a record under the occurrence's
full date is accepted too. A one-off duty has one occurrence, keyed None.
Each occurrence's state comes from state.py, as a milestone's does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from plantrack.models import DutyRecord, DutyRecords, DutySpec, PlansFile, Schedule, Unit
from plantrack.state import DUE_SOON_DAYS, State, milestone_state


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of one duty for one unit, as the office chases it."""

    duty: str
    spec: DutySpec
    unit: str
    key: str | None  # None: a one-off duty
    due: date | None
    record: DutyRecord | DutyRecords | None
    state: State
    days_late: int | None
    as_of: date

    @property
    def done(self) -> date | None:
        return self.record.done if self.record else None

    @property
    def note(self) -> str | None:
        return self.record.note if self.record else None

    @property
    def days_overdue(self) -> int | None:
        return self.days_late if self.state is State.OVERDUE else None

    @property
    def days_left(self) -> int | None:
        return None if self.due is None else (self.due - self.as_of).days


@lru_cache(maxsize=256)
def rule_dates(rule: str, start: date, end: date) -> tuple[date, ...]:
    """The dates an RRULE gives from start to end, both included."""
    from dateutil.rrule import rrulestr

    first, last = datetime(start.year, start.month, start.day), datetime(end.year, end.month, end.day)
    return tuple(d.date() for d in rrulestr(rule, dtstart=first).between(first, last, inc=True))


def keys(occurs: tuple[date, ...]) -> list[str]:
    """Month keys when no month has two occurrences, else ISO dates."""
    months = [d.strftime("%Y-%m") for d in occurs]
    return months if len(set(months)) == len(months) else [d.isoformat() for d in occurs]


def cadence(plans: PlansFile, schedule: Schedule, duty: str) -> tuple[str, date, date] | None:
    """A recurring duty's (rule, start, end): the district's cadence over the schedule's."""
    spec = schedule.duties[duty]
    own = plans.cadence.get(duty)
    rule = (own.rrule if own else None) or spec.rrule
    start_s = (own.start if own else None) or spec.start
    end_s = (own.end if own else None) or spec.end
    if rule is None or start_s is None or end_s is None:
        return None
    start, end = _bound(schedule, start_s, first=True), _bound(schedule, end_s, first=False)
    return None if start is None or end is None else (rule, start, end)


def _bound(schedule: Schedule, text: str, *, first: bool) -> date | None:
    from plantrack import dates

    if text.startswith(("start of phase ", "end of phase ")):
        return schedule.resolve(text)
    # "2019年11月": its first day as a start, its last as an end.
    return dates.parse_due(text) if not first else _first_day(text)


def _first_day(text: str) -> date:
    from plantrack import dates

    try:
        return dates.parse_exact(text)
    except dates.DateFormatError:
        end = dates.parse_due(text)
        return end.replace(day=1)


def binds(spec: DutySpec, unit: Unit) -> bool:
    return unit.type in spec.units


def scheduled(plans: PlansFile, schedule: Schedule, duty: str) -> list[tuple[str | None, date | None]]:
    """(key, due) of every occurrence of a duty, in date order."""
    spec = schedule.duties[duty]
    if spec.rrule is None and duty not in plans.cadence:
        return [(None, schedule.resolve(spec.due) if spec.due else None)]
    found = cadence(plans, schedule, duty)
    if found is None:
        return []
    occurs = rule_dates(*found)
    return list(zip(keys(occurs), occurs, strict=True))


def occurrences(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    unit: str | None = None,
) -> Iterator[Occurrence]:
    """Every occurrence of every duty for every unit it binds (or one unit), in units' then duties' order."""
    plan = {d: scheduled(plans, schedule, d) for d in schedule.duties}
    for uid, u in plans.units.items():
        if unit is not None and uid != unit:
            continue
        for did, spec in schedule.duties.items():
            if not binds(spec, u):
                continue
            records = u.duties.get(did)
            for key, due in plan[did]:
                record = _record(records, key, due)
                done = record.done if record else None
                state, days = milestone_state(due, done, as_of, window)
                yield Occurrence(did, spec, uid, key, due, record, state, days, as_of)


def _record(records: DutyRecords | None, key: str | None, due: date | None) -> DutyRecord | DutyRecords | None:
    if records is None or key is None:
        return records
    found = records.occurrences()
    return found.get(key) or (found.get(due.isoformat()) if due else None)


def label(o: Occurrence) -> str:
    """The occurrence as shown: 2020-08, or nothing for a one-off duty."""
    return o.key or ""
