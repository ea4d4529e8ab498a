"""The headline of a report: totals, and how far each kind of plan has got, step by step.

Pure, and computed only from `status` rows (their steps carry the one derived
state), so a report's numbers are the numbers `status` shows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from plantrack.models import Schedule
from plantrack.state import State
from plantrack.tracking import Step
from plantrack.views.common import NOT_DONE
from plantrack.views.status import PlanRow, StatusView

# The milestone a district's summary leads with ("已完成初稿27项"), where a kind has it.
HEADLINE_STEP = "first-draft"


def is_extended(step: Step) -> bool:
    """An authorised extension (批准延期) is recorded on the step, or is the step's state."""
    return step.state.value == "extended" or getattr(step.record, "extended", None) is not None


@dataclass(frozen=True)
class StageStat:
    """One step of one kind: how many of the kind's plans have done it, of how many."""

    kind: str
    step: str
    name: str
    done: int
    total: int
    scheme_due: date | None  # the scheme's deadline, when it is the same for every plan

    @property
    def ratio(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class Summary:
    as_of: date
    plans: int
    by_kind: dict[str, int]  # plans per kind, in the schedule's order
    plan_states: dict[State, int]  # plans per (worst) state, as `status` counts them
    steps: dict[str, int]  # milestones: done, late, overdue, due-soon, open, extended, total
    stages: tuple[StageStat, ...]  # by kind, then step, in the schedule's order
    headline_done: int  # plans that have done HEADLINE_STEP
    headline_total: int  # plans whose kind has it
    invalid: int = 0  # plans that did not load (数据有误): counted apart, not in `plans`

    def stages_of(self, kind: str) -> tuple[StageStat, ...]:
        return tuple(s for s in self.stages if s.kind == kind)

    def current(self, kind: str) -> StageStat | None:
        """The kind's step the scheme wanted done most recently by the reference date, else its first."""
        mine = self.stages_of(kind)
        due = [
            (s.scheme_due, i, s) for i, s in enumerate(mine) if s.scheme_due is not None and s.scheme_due <= self.as_of
        ]
        # On equal deadlines the later step in the schedule's order: results, not the topic set.
        return max(due, key=lambda t: t[:2])[2] if due else (mine[0] if mine else None)


def summary(view: StatusView, schedule: Schedule) -> Summary:
    """Totals and stage statistics of the plans a status view shows."""
    rows = view.rows
    kinds = Counter(r.plan.kind for r in rows)
    by_kind: dict[str, int] = {k: kinds[k] for k in schedule.kinds if kinds[k]}
    steps = Counter(s.state.value for r in rows for s in r.steps)
    counts = {s.value: steps[s.value] for s in (State.DONE, State.LATE, State.OVERDUE, State.DUE_SOON, State.OPEN)}
    counts["extended"] = sum(is_extended(s) for r in rows for s in r.steps)
    counts["total"] = sum(r.total for r in rows)
    stages = tuple(_stages(rows, schedule, by_kind))
    head = [s for s in stages if s.step == HEADLINE_STEP]
    return Summary(
        view.as_of,
        len(rows),
        by_kind,
        view.counts,
        counts,
        stages,
        sum(s.done for s in head),
        sum(s.total for s in head),
        len(view.invalid),
    )


def _stages(rows: tuple[PlanRow, ...], schedule: Schedule, by_kind: dict[str, int]) -> list[StageStat]:
    done: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    for r in rows:
        for s in r.steps:
            seen[(r.plan.kind, s.id)] += 1
            done[(r.plan.kind, s.id)] += s.state not in NOT_DONE
    out = []
    for kind in by_kind:
        deadlines = schedule.deadlines(kind)
        for mid, spec in schedule.kinds[kind].milestones.items():  # type: ignore[index]
            if seen[(kind, mid)]:
                out.append(StageStat(kind, mid, spec.name, done[(kind, mid)], seen[(kind, mid)], deadlines.get(mid)))
    return out
