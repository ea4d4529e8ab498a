"""What changed in a period: the core of the office's regular work summary (R12).

"要强化督促检查,定期开展工作总结": the summary compares the plans as the
period found them with the plans now, and names the commit that made each
change. Pure: facts, the schedule and dates in; lists of items out.

- completed: a milestone done now that was not done at the start;
- moved: a milestone whose due date (the plan's own, else the scheme's) is
  another day than at the start (rewording `2020-09-30` as `2020年9月底` is no move);
- added: a plan that was not there at the start;
- newly overdue: overdue now, and not overdue at the start's date;
- extended: an authorised extension recorded now that was not at the start;
- notes: a milestone's note that is new or reworded;
- logged: a supervision log entry that was not there at the start.

The period is after the start's day and up to `as_of` (period.py reads
`--since DATE` as the end of that day).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from plantrack import dates
from plantrack.history.facts import Event, Facts, PlanFacts
from plantrack.models import Schedule
from plantrack.state import State, milestone_state


@dataclass(frozen=True)
class Item:
    plan: str
    milestone: str | None
    name: str  # the milestone's name in the scheme, or the plan's name
    owner: str | None
    old: str | None = None
    new: str | None = None
    days: int | None = None  # days overdue
    by: Event | None = None  # the commit that made the change; None: not committed yet
    plan_name: str | None = None  # the plan's name as written now


@dataclass
class Changes:
    since: date | None
    as_of: date
    completed: list[Item] = field(default_factory=list)
    moved: list[Item] = field(default_factory=list)
    added: list[Item] = field(default_factory=list)
    overdue: list[Item] = field(default_factory=list)
    extended: list[Item] = field(default_factory=list)
    notes: list[Item] = field(default_factory=list)
    logged: list[Item] = field(default_factory=list)
    plans: int = 0  # plans in the file at the end of the period


def _day(text: str | None, parse: Callable[[object], date]) -> date | None:
    try:
        return parse(text) if text is not None else None
    except dates.DateFormatError:
        return None


def _last(events: list[Event]) -> dict[tuple[str, str | None, str], Event]:
    found: dict[tuple[str, str | None, str], Event] = {}
    for e in events:
        found[(e.plan, e.milestone, e.change)] = e
    return found


def compute(
    start: Facts, now: Facts, schedule: Schedule, since: date | None, as_of: date, events: list[Event]
) -> Changes:
    out = Changes(since, as_of, plans=len(now))
    last = _last(events)
    for pid, plan in now.items():
        before: PlanFacts | None = start.get(pid)
        if before is None:
            out.added.append(
                Item(
                    pid,
                    None,
                    plan.name or "",
                    plan.owner,
                    new=plan.kind,
                    by=last.get((pid, None, "plan-added")),
                    plan_name=plan.name,
                )
            )
        spec = schedule.kinds.get(plan.kind)  # type: ignore[call-overload]
        if spec is None:
            continue
        deadlines = schedule.deadlines(plan.kind)  # type: ignore[arg-type]
        for mid, m in spec.milestones.items():
            due_now, done_now, _ = plan.milestones.get(mid, (None, None, None))
            due_then, done_then, _ = before.milestones.get(mid, (None, None, None)) if before else (None, None, None)
            item = Item(pid, mid, m.name, plan.owner, plan_name=plan.name)
            _records(out, item, plan, before, mid, last)
            if done_now is not None and done_then is None:
                by = last.get((pid, mid, "done"))
                out.completed.append(_with(item, new=done_now, by=by if by and by.new == done_now else None))
            eff_now = _day(due_now, dates.parse_due) or deadlines.get(mid)
            eff_then = _day(due_then, dates.parse_due) or deadlines.get(mid)
            if before is not None and eff_now != eff_then:
                out.moved.append(_with(item, old=str(eff_then), new=str(eff_now), by=last.get((pid, mid, "due"))))
            state, days = milestone_state(eff_now, _day(done_now, dates.parse_exact), as_of)
            if state is State.OVERDUE and not _was_overdue(before is not None, eff_then, done_then, since):
                out.overdue.append(_with(item, new=str(eff_now), days=days))
    out.completed.sort(key=lambda i: (i.new or "", i.plan))
    out.overdue.sort(key=lambda i: (-(i.days or 0), i.plan))
    out.logged.sort(key=lambda i: (i.old or "", i.plan))
    return out


def _records(
    out: Changes,
    item: Item,
    plan: PlanFacts,
    before: PlanFacts | None,
    mid: str,
    last: dict[tuple[str, str | None, str], Event],
) -> None:
    """What the office wrote down in the period: extensions granted, notes, log entries."""
    then = before or PlanFacts(None, None, None, {})
    until = plan.extended.get(mid)
    if until is not None and until != then.extended.get(mid):
        out.extended.append(_with(item, old=then.extended.get(mid), new=until))
    note = plan.milestones.get(mid, (None, None, None))[2]
    if note is not None and note != then.milestones.get(mid, (None, None, None))[2]:
        by = last.get((item.plan, mid, "note"))
        out.notes.append(_with(item, new=note, by=by if by and by.new == note else None))
    old_log = set(then.log.get(mid, ()))
    for day, text in plan.log.get(mid, ()):
        if (day, text) not in old_log:
            out.logged.append(_with(item, old=day, new=text))


def _was_overdue(existed: bool, due: date | None, done: str | None, since: date | None) -> bool:
    if not existed or since is None:
        return False
    state, _ = milestone_state(due, _day(done, dates.parse_exact), since)
    return state is State.OVERDUE


def _with(item: Item, **changes: object) -> Item:
    import dataclasses

    return dataclasses.replace(item, **changes)  # type: ignore[arg-type]
