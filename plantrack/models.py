"""The validated shape of plans.yaml and schedules/*.yaml (FORMAT.md).

Models hold recorded facts only; states are derived elsewhere (state.py).
Every model forbids unknown keys, so a typo is a located error, not a silent
default.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, field_validator
from pydantic_core import PydanticCustomError

from plantrack import dates
from plantrack.vocab import UNIT_TYPES, PlanKind, Tier, UnitType  # the one list of each

PHASE_END = "end of phase "


def _date_error(parse):  # type: ignore[no-untyped-def]
    def validate(value: object) -> date:
        if isinstance(value, bool) or not isinstance(value, (str, int, date)):
            got = type(value).__name__
            raise PydanticCustomError(
                "date_format", "{reason}", {"reason": f"expected a date, got {got}", "zh": f"应为日期,实际为 {got}"}
            )
        try:
            return parse(value)
        except dates.DateFormatError as e:
            raise PydanticCustomError("date_format", "{reason}", {"reason": str(e), "zh": e.zh}) from None

    return validate


DueDate = Annotated[date, BeforeValidator(_date_error(dates.parse_due))]
DoneDate = Annotated[date, BeforeValidator(_date_error(dates.parse_exact))]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- plans.yaml -------------------------------------------------------------


def _none_is_empty(value: object) -> object:
    """`units:` or `plans:` with nothing under it is an empty section, not an error."""
    return {} if value is None else value


class Contact(Model):
    person: str | None = None
    phone: str | None = None


class Unit(Model):
    name: str
    type: UnitType
    host: str | None = None  # the unit it sits in: the leading group's office sits at the DRC (R13)
    note: str | None = None
    contact: Contact | None = None


class LogEntry(Model):
    """One dated line of the supervision log (督办记录), oldest first."""

    date: DoneDate
    text: str


# `by: gov` or `by: [party, gov]` (docs/format.md): "区委、区政府研究审核".
Parties = str | list[str] | None


def parties(value: Parties) -> list[str]:
    """A `by`/`to` value as a list of unit ids."""
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Record(Model):
    """What a plan records of one milestone: facts, never states."""

    due: DueDate | None = None
    done: DoneDate | None = None
    note: str | None = None
    by: Parties = None  # the unit(s) that approved, reviewed or issued it
    to: Parties = None  # the unit(s) it was submitted, filed or reported to
    log: list[LogEntry] = []


class Budget(Model):
    line: str  # the budget line in the district's annual budget (R14)
    amount: float | None = Field(default=None, ge=0)  # 万元


class Commission(Model):
    to: str  # the think tank or institution (专业机构、智库)
    via: Literal["directed", "tender"]  # 定向委托 / 公开招标


class Period(Model):
    start: int
    end: int


class Plan(Model):
    name: str
    kind: PlanKind
    tier: Tier | None = None
    owner: str
    milestones: dict[str, Record | None] = {}
    note: str | None = None
    budget: Budget | None = None
    commissioned: Commission | None = None
    period: Period | None = None

    def record(self, milestone: str) -> Record | None:
        return self.milestones.get(milestone)


class PlansFile(Model):
    schedule: str
    name: str | None = None  # the district
    units: Annotated[dict[str, Unit], BeforeValidator(_none_is_empty)]
    plans: Annotated[dict[str, Plan], BeforeValidator(_none_is_empty)] = {}


# --- schedules/<name>.yaml ------------------------------------------------


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
    due: DueSpec  # a date form, or "end of phase <id>"
    ref: str | None = Field(default=None, pattern=r"^D\d+$")
    after: list[str] = []
    by: list[str] = []  # unit types, or "owner"
    to: list[str] = []
    loose: bool = False  # "原则上": in principle

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
    owner_types: list[UnitType]
    tiers: list[Tier] = []
    start: str | None = None  # the milestone that starts the work (R1)
    milestones: dict[str, MilestoneSpec]


class Schedule(Model):
    name: str
    period: Period
    phases: dict[str, Phase]
    kinds: dict[PlanKind, KindSpec]
    _deadlines: dict[str, dict[str, date]] = PrivateAttr(default_factory=dict)

    def deadline(self, kind: str, milestone: str) -> date | None:
        """The scheme's deadline for a kind's milestone.

        A step is due by its own date, and no later than any step that
        follows it (R8 orders them): "coordination", with no date of its
        own, is due when "finished" is, not at the end of the phase.
        """
        return self.deadlines(kind).get(milestone)

    def deadlines(self, kind: str) -> dict[str, date]:
        cached = self._deadlines.get(kind)
        if cached is not None:
            return cached
        specs = self.kinds[kind].milestones  # type: ignore[index]
        own = {m: self.resolve(s.due) for m, s in specs.items()}
        result = {m: d for m, d in own.items() if d is not None}
        # Relax along `after` edges until nothing moves; bounded, so a
        # cycle (reported by PT108) cannot loop forever.
        for _ in range(len(specs)):
            moved = False
            for m, spec in specs.items():
                for before in spec.after:
                    if m in result and before in result and result[m] < result[before]:
                        result[before] = result[m]
                        moved = True
            if not moved:
                break
        self._deadlines[kind] = result
        return result

    def resolve(self, due: str) -> date | None:
        """A schedule's own date for a step: a date form or a phase's end."""
        if due.startswith(PHASE_END):
            phase = self.phases.get(due[len(PHASE_END) :].strip())
            return None if phase is None else phase.end
        return dates.parse_due(due)
