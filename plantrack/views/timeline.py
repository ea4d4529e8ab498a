"""`timeline`: the scheme's phases and every plan's milestones on one time axis.

Two pure steps: `timeline()` gathers the dates; `place()` maps them to the
columns a renderer has, so the same data fits 100 columns or 200.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from plantrack.load import Unloaded
from plantrack.models import PlansFile, Schedule
from plantrack.state import DUE_SOON_DAYS, State, rank
from plantrack.tracking import Step
from plantrack.views.common import NOT_DONE, InvalidRow, Words
from plantrack.views.status import PlanRow, status

TICK_MONTHS = (1, 2, 3, 6, 12)


@dataclass(frozen=True)
class PhaseSpan:
    id: str
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class TimelineData:
    as_of: date
    start: date
    end: date
    phases: tuple[PhaseSpan, ...]
    rows: tuple[PlanRow, ...]  # in plans.yaml's order, which groups them by kind
    invalid: tuple[InvalidRow, ...] = ()  # plans that did not load: a line each, no marks


def when(step: Step) -> date | None:
    """Where a milestone sits: the day it was done, else the day it is due."""
    return step.due if step.state in NOT_DONE else step.done


def timeline(
    plans: PlansFile,
    schedule: Schedule,
    as_of: date,
    window: int = DUE_SOON_DAYS,
    *,
    kind: Words = None,
    unit: Words = None,
    unloaded: Mapping[str, Unloaded] | None = None,
) -> TimelineData:
    view = status(plans, schedule, as_of, window, kind=kind, unit=unit, unloaded=unloaded)
    order = {pid: i for i, pid in enumerate(plans.plans)}
    rows = tuple(sorted(view.rows, key=lambda r: order[r.id]))
    phases = tuple(PhaseSpan(k, p.name, p.start, p.end) for k, p in schedule.phases.items())
    days = [d for r in rows for s in r.steps if (d := when(s)) is not None]
    days += [d for p in phases for d in (p.start, p.end)]
    start, end = min(days, default=as_of), max(days, default=as_of)
    # Take the reference date in when it is near, so its marker shows; a date
    # years away would squash the axis, so it is pointed at from the edge instead.
    if start - timedelta(days=183) <= as_of < start:
        start = as_of
    if end < as_of <= end + timedelta(days=183):
        end = as_of
    return TimelineData(as_of, start, end, phases, rows, view.invalid)


@dataclass(frozen=True)
class Mark:
    col: int
    state: State  # the worst of the milestones that share the column
    steps: tuple[str, ...]


@dataclass(frozen=True)
class Lane:
    row: PlanRow
    marks: tuple[Mark, ...]
    span: tuple[int, int] | None  # first and last column with a mark


@dataclass(frozen=True)
class Layout:
    cols: int
    as_of_col: int | None  # None when the reference date is off the axis
    as_of_side: int  # -1 before the axis, 1 after, 0 on it
    ticks: tuple[tuple[int, date], ...]  # labelled month starts
    phases: tuple[tuple[PhaseSpan, int, int], ...]
    lanes: tuple[Lane, ...]


def place(data: TimelineData, cols: int, label_gap: int = 8) -> Layout:
    """Columns for every date on an axis `cols` wide; month ticks at least `label_gap` apart."""
    span = (data.end - data.start).days + 1

    def col(d: date) -> int:
        return min(cols - 1, max(0, (d - data.start).days * cols // span))

    side = -1 if data.as_of < data.start else 1 if data.as_of > data.end else 0
    lanes = []
    for row in data.rows:
        at: dict[int, list[Step]] = {}
        for s in row.steps:
            d = when(s)
            if d is not None:
                at.setdefault(col(d), []).append(s)
        marks = tuple(
            Mark(c, min((s.state for s in ss), key=rank), tuple(s.id for s in ss)) for c, ss in sorted(at.items())
        )
        lanes.append(Lane(row, marks, (marks[0].col, marks[-1].col) if marks else None))
    phases = tuple((p, col(p.start), col(p.end)) for p in data.phases)
    return Layout(
        cols, col(data.as_of) if side == 0 else None, side, _ticks(data, col, label_gap), phases, tuple(lanes)
    )


def _ticks(data: TimelineData, col: Callable[[date], int], gap: int) -> tuple[tuple[int, date], ...]:
    """Month starts, every 1, 2, 3, 6 or 12 months: the finest step whose labels do not collide."""
    months = []
    d = date(data.start.year, data.start.month, 1)
    while d <= data.end:
        if d >= data.start:
            months.append(d)
        d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    for step in TICK_MONTHS:
        picked = [m for m in months if (m.year * 12 + m.month - 1) % step == 0]
        cols = [col(m) for m in picked]
        if all(b - a >= gap for a, b in pairwise(cols)):
            return tuple(zip(cols, picked, strict=True))
    return ()
