"""What both files' models share: the base model, date and party fields, the
plan period, a duty's cadence fields (RRULE, start/end bounds), the phase words.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from plantrack import dates

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


class Period(Model):
    start: int
    end: int


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
