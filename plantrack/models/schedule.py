"""The models of schedules/<name>.yaml: phases, kinds and their milestones, duties, the
cycle's names, and the schedule's deadlines (a step due no later than the steps after it).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from plantrack import dates
from plantrack.models.common import PHASE_END, PHASE_START, Bound, DueDate, Model, Period, RRule, _date_error
from plantrack.vocab import UNIT_TYPES, PlanKind, Tier, UnitType  # the one list of each


def _check_due_spec(value: object) -> str:
    if not isinstance(value, str):
        value = str(value)
    if not value.startswith(PHASE_END):
        _date_error(dates.parse_due)(value)
    return value


DueSpec = Annotated[str, BeforeValidator(_check_due_spec)]


class Phase(Model):
    name: str
    start: DueDate
    end: DueDate


class MilestoneSpec(Model):
    name: str
    due: DueSpec | None = None  # a date form, or "end of phase <id>"; None: the scheme gives none
    ref: str | None = Field(default=None, pattern=r"^D\d+$")
    after: list[str] = []
    by: list[str] = []  # unit types, or "owner"
    to: list[str] = []
    loose: bool = False  # "原则上": in principle
    role: str | None = None  # what the step is in the scheme; rules read roles, never ids
    all_by: bool = False  # every type in `by` must act (区委、区政府研究审核), not one of them

    @field_validator("by", "to")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        for v in value:
            if v != "owner" and v not in UNIT_TYPES:
                raise PydanticCustomError(
                    "literal_error",
                    "Input should be {expected}",
                    {"expected": ", ".join(("owner",) + UNIT_TYPES), "input": v},
                )
        return value


class KindSpec(Model):
    name: str
    own_steps: bool = False  # the owner decides its steps and dates (R20): nothing is owed
    owner_types: list[UnitType]
    tiers: list[Tier] = []
    start: str | None = None  # the milestone that starts the work (R1)
    milestones: dict[str, MilestoneSpec]


class DutySpec(Model):
    """A duty of every unit of some types, not of a plan (R12, R17, R22).

    Recurring (`rrule`, between `start` and `end`) or one-off (`due`, or no
    date where the scheme gives none).
    """

    name: str
    ref: str | None = Field(default=None, pattern=r"^[DR]\d+$")  # the deadline (D#) or rule (R#) it carries
    rule: str | None = Field(default=None, pattern=r"^R\d+$")  # the scheme's rule, where `ref` is a deadline
    units: list[UnitType]  # the unit types it binds
    rrule: RRule | None = None
    start: Bound | None = None
    end: Bound | None = None
    due: DueSpec | None = None
    to: list[UnitType] = []  # who receives it

    @model_validator(mode="after")
    def _one_form(self) -> DutySpec:
        if self.rrule is not None and self.due is not None:
            raise PydanticCustomError(
                "duty_form",
                "{en}",
                {
                    "en": "give rrule (recurring) or due (one-off), not both",
                    "zh": "rrule（定期）与 due（一次性）只能二选一",
                },
            )
        if self.rrule is not None and (self.start is None or self.end is None):
            raise PydanticCustomError(
                "duty_form",
                "{en}",
                {"en": "a recurring duty needs a start and an end", "zh": "定期职责须写明 start 和 end"},
            )
        return self


class Cycle(Model):
    """The plan cycle's names, so no message hard-codes "十四五" or "十三五"."""

    name: str = "十四五"  # the plan being compiled
    previous: str = "十三五"  # the plan the final evaluation judges
    name_en: str = "14th"
    previous_en: str = "13th"


class Schedule(Model):
    name: str
    cycle: Cycle = Cycle()
    period: Period
    phases: dict[str, Phase]
    kinds: dict[PlanKind, KindSpec]
    duties: dict[str, DutySpec] = {}  # per-unit and recurring duties (R12, R17, R22)
    _deadlines: dict[str, dict[str, date]] = PrivateAttr(default_factory=dict)
    _own: dict[str, dict[str, date]] = PrivateAttr(default_factory=dict)

    def deadline(self, kind: str, milestone: str) -> date | None:
        """The scheme's deadline for a kind's milestone.

        A step is due by its own date, and no later than any step that
        follows it: "coordination", with no date of its own, is due when
        "finished" is, not at the end of the phase.
        """
        return self.deadlines(kind).get(milestone)

    def deadlines(self, kind: str) -> dict[str, date]:
        # The private dict read directly: pydantic's __getattr__ for `self._deadlines`
        # cost 6% of a 100k-milestone check (called once per plan and rule).
        table = self.__pydantic_private__["_deadlines"]  # type: ignore[index]
        cached = table.get(kind)
        if cached is None:
            cached = table[kind] = self.pull_in(kind, self.own_dates(kind))
        return cached

    def own_dates(self, kind: str) -> dict[str, date]:
        """Each step's own date (its words, or its phase's end), before any pull-in; a fresh copy."""
        cached = self._own.get(kind)
        if cached is None:
            specs = self.kinds[kind].milestones  # type: ignore[index]
            resolved = {m: self.resolve(s.due) for m, s in specs.items() if s.due is not None}
            cached = self._own[kind] = {m: d for m, d in resolved.items() if d is not None}
        return dict(cached)

    def pull_in(self, kind: str, own: dict[str, date], fixed: frozenset[str] = frozenset()) -> dict[str, date]:
        """Due no later than any following step: relax along `after` edges.

        A date in `fixed` (a plan's own date, an authorised extension) is
        never moved. Bounded, so a cycle (reported by PT108) cannot loop forever.
        """
        specs = self.kinds[kind].milestones  # type: ignore[index]
        result = dict(own)
        for _ in range(len(specs)):
            moved = False
            for m, spec in specs.items():
                for before in spec.after:
                    if m not in result or before not in result or before in fixed:
                        continue
                    if result[m] < result[before]:
                        result[before] = result[m]
                        moved = True
            if not moved:
                break
        return result

    def stated(self, kind: str, milestone: str) -> date | None:
        """The deadline the scheme states for a step (a D#, not 原则上), else None."""
        spec = self.kinds[kind].milestones.get(milestone)  # type: ignore[index]
        if spec is None or spec.ref is None or spec.loose or spec.due is None:
            return None
        return self.resolve(spec.due)

    def resolve(self, due: str) -> date | None:
        """A schedule's own date for a step: a date form, a phase's end (or, for a duty, its start)."""
        if due.startswith(PHASE_START):
            phase = self.phases.get(due[len(PHASE_START) :].strip())
            return None if phase is None else phase.start
        if due.startswith(PHASE_END):
            phase = self.phases.get(due[len(PHASE_END) :].strip())
            return None if phase is None else phase.end
        return dates.parse_due(due)
