"""The models of plans.yaml: units, plans and their milestone records, duty records, cadences."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)
from pydantic_core import PydanticCustomError

from plantrack.models.common import Bound, DoneDate, DueDate, Model, Parties, Period, RRule
from plantrack.suggest import did_you_mean
from plantrack.vocab import PlanKind, Tier, UnitType  # the one list of each


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
