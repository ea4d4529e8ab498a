"""The validated shape of plans.yaml and schedules/*.yaml (FORMAT.md).

Models hold recorded facts only; states are derived elsewhere (state.py).
Every model forbids unknown keys, so a typo is a located error, not a silent
default.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from plantrack import dates
from plantrack.suggest import did_you_mean
from plantrack.vocab import UNIT_TYPES, PlanKind, Tier, UnitType  # the one list of each

PHASE_END = "end of phase "
PHASE_START = "start of phase "


def _date_error(parse):  # type: ignore[no-untyped-def]
    def validate(value: object) -> date:
        if isinstance(value, bool) or not isinstance(value, (str, int, date)):
            got = type(value).__name__
            raise PydanticCustomError(
                "date_format", "{reason}", {"reason": f"expected a date, got {got}", "zh": f"应为日期，实际为 {got}"}
            )
        try:
            return parse(value)
        except dates.DateFormatError as e:
            raise PydanticCustomError("date_format", "{reason}", {"reason": str(e), "zh": e.zh}) from None

    return validate


DueDate = Annotated[date, BeforeValidator(_date_error(dates.parse_due))]
DoneDate = Annotated[date, BeforeValidator(_date_error(dates.parse_exact))]


def _one_or_many(value: object) -> object:
    """`by`/`to` name one unit or a list of units ("区委、区政府研究审核")."""
    return [value] if isinstance(value, str) else value


Parties = Annotated[
    list[str],
    BeforeValidator(_one_or_many),
    # What people write (one id, or a list), not what it becomes: the JSON Schema editors read.
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}),
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- plans.yaml -------------------------------------------------------------


def _none_is_empty(value: object) -> object:
    """`units:` or `plans:` with nothing under it is an empty section, not an error."""
    return {} if value is None else value


class Contact(Model):
    person: str | None = None
    phone: str | None = None


class DutyRecord(Model):
    """What a unit records of one occurrence of a duty (R12, R17): facts, never states."""

    done: DoneDate | None = None
    note: str | None = None


# An occurrence of a recurring duty: 2020-08 (monthly), 2020-08-25 (finer), 2020 (yearly).
OCCURRENCE_KEY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class DutyRecords(Model):
    """A unit's records of one duty: `done`/`note` for a one-off duty (D4), an
    occurrence key per record for a recurring one (`2020-08: {done: 2020-08-24}`)."""

    model_config = ConfigDict(
        extra="allow",
        frozen=True,
        # Editors flag a typo the way `check` does: keys are done, note or occurrences.
        json_schema_extra={"propertyNames": {"pattern": r"^(done|note|\d{4}(-\d{2}(-\d{2})?)?)$"}},
    )
    __pydantic_extra__: dict[str, DutyRecord | None] = Field(init=False)

    done: DoneDate | None = None
    note: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _keys(cls, value: object) -> object:
        if not isinstance(value, dict):
            return value
        for key in value:
            if str(key) not in ("done", "note") and not OCCURRENCE_KEY.fullmatch(str(key)):
                hint = did_you_mean(str(key), ["done", "note"])
                raise PydanticCustomError(
                    "duty_key",
                    "{en}",
                    {
                        "key": key,
                        "en": f"unknown key {key!r}: expected done, note or an occurrence such as 2020-08{hint.en}",
                        "zh": f"未知的键 {key!r}：应为 done、note 或期次（如 2020-08）{hint.zh}",
                    },
                )
        return {str(k): v for k, v in value.items()}

    def occurrences(self) -> dict[str, DutyRecord | None]:
        return dict(self.__pydantic_extra__ or {})


class Unit(Model):
    name: str
    type: UnitType
    host: str | None = None  # the unit it sits in: the leading group's office sits at the DRC (R13)
    note: str | None = None
    contact: Contact | None = None
    duties: dict[str, DutyRecords | None] = {}  # duty id (schedule `duties:`) -> records


class Extension(Model):
    """An authorised extension (R23): the step is due at `until` from then on."""

    until: DueDate
    by: str  # the unit that granted it
    ref: str | None = None  # the document, e.g. 青政办函〔2020〕15号


class LogEntry(Model):
    """One dated line of the supervision log (督办记录), oldest first."""

    date: DoneDate
    text: str


class Record(Model):
    """What a plan records of one milestone: facts, never states."""

    due: DueDate | None = None
    done: DoneDate | None = None
    note: str | None = None
    # default_factory, not `= []`: pydantic deep-copies a mutable default for every record.
    by: Parties = Field(default_factory=list)  # the units that approved, reviewed or issued it
    to: Parties = Field(default_factory=list)  # the units it was submitted, filed or reported to
    extended: Extension | None = None
    log: list[LogEntry] = Field(default_factory=list)


class Budget(Model):
    line: str  # the budget line in the district's annual budget (R14)
    amount: float | None = Field(default=None, ge=0)  # 万元
    source: str | None = None  # the unit that funds it: district finance (R14)


class Commission(Model):
    to: str  # the think tank or institution (专业机构、智库)
    # 定向委托 (directed) / 公开招标 (tender) are encouraged, not required (R14):
    # another route is recorded as written and warned about.
    via: str


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


def _check_rrule(value: object) -> object:
    """An RFC 5545 RRULE, parsed by dateutil now so a typo is a located error."""
    if isinstance(value, str):
        from dateutil.rrule import rrulestr

        try:
            rrulestr(value)
        except (ValueError, TypeError) as e:
            raise PydanticCustomError(
                "rrule_format",
                "{reason}",
                {
                    "reason": f"expected an RRULE such as FREQ=MONTHLY;BYMONTHDAY=25 ({e})",
                    "zh": f"应为 RRULE，如 FREQ=MONTHLY;BYMONTHDAY=25（{e}）",
                },
            ) from None
    return value


RRule = Annotated[str, BeforeValidator(_check_rrule)]


def _check_bound(value: object) -> str:
    """A duty's start or end: a date form, or "start of phase <id>" / "end of phase <id>"."""
    if not isinstance(value, str):
        value = str(value)
    if not value.startswith((PHASE_START, PHASE_END)):
        _date_error(dates.parse_due)(value)
    return value


Bound = Annotated[str, BeforeValidator(_check_bound)]


class Cadence(Model):
    """A district's own cadence for a recurring duty, where the scheme states none (R12)."""

    rrule: RRule | None = None
    start: Bound | None = None
    end: Bound | None = None


class PlansFile(Model):
    schedule: str
    name: str | None = None  # the district
    units: Annotated[dict[str, Unit], BeforeValidator(_none_is_empty)]
    plans: Annotated[dict[str, Plan], BeforeValidator(_none_is_empty)] = {}
    cadence: dict[str, Cadence] = {}  # duty id -> the district's cadence, overriding the schedule's


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
