"""The one state function: recorded dates and a reference date in, a state out.

docs/format.md's definitions, for a milestone with due date `due` at date `as_of`:

    done      done on or before its due date
    late      done after its due date; days_late = done - due
    overdue   not done and the due date has passed; days_late = as_of - due
    due-soon  not done and due within the window (14 days unless told)
    open      not done and not yet due

"Done" means done by the reference date: looking back from 2019-10-01, a step
finished in 2020 is still open, so the past reads as it stood then.

A plan's state is its worst milestone's: overdue > due-soon > open > late > done.
Every view and check's overdue warnings go through here.
"""

from __future__ import annotations

from datetime import date
from enum import Enum

DUE_SOON_DAYS = 14


class State(str, Enum):
    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    OPEN = "open"
    LATE = "late"
    DONE = "done"


# Worst first: the order views sort by and a plan's state is chosen from.
WORST_FIRST: tuple[State, ...] = (State.OVERDUE, State.DUE_SOON, State.OPEN, State.LATE, State.DONE)
_RANK = {s: i for i, s in enumerate(WORST_FIRST)}


def milestone_state(
    due: date | None, done: date | None, as_of: date, window: int = DUE_SOON_DAYS
) -> tuple[State, int | None]:
    """The state of one milestone and its days late (None unless late or overdue)."""
    if done is not None and done <= as_of:
        if due is not None and done > due:
            return State.LATE, (done - due).days
        return State.DONE, None
    if due is None:
        return State.OPEN, None
    if due < as_of:
        return State.OVERDUE, (as_of - due).days
    if (due - as_of).days <= window:
        return State.DUE_SOON, None
    return State.OPEN, None


def worst(states: list[State] | tuple[State, ...]) -> State:
    """A plan's state: its worst milestone's (a plan with none is done)."""
    return min(states, key=rank) if states else State.DONE


def rank(state: State) -> int:
    return _RANK[state]
