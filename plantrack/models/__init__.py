"""The validated shape of plans.yaml and schedules/*.yaml (docs/format.md).

Models hold recorded facts only; states are derived elsewhere (state.py).
Every model forbids unknown keys, so a typo is a located error, not a silent
default. plans.yaml's models are in models/plans.py, a schedule's in
models/schedule.py, what both share in models/common.py; every name is
imported from here.
"""

from __future__ import annotations

from plantrack.models.common import PHASE_END, PHASE_START, Bound, DoneDate, DueDate, Model, Parties, Period, RRule
from plantrack.models.plans import (
    OCCURRENCE_KEY,
    Budget,
    Cadence,
    Commission,
    Contact,
    DutyRecord,
    DutyRecords,
    Extension,
    LogEntry,
    Plan,
    PlansFile,
    Record,
    Unit,
)
from plantrack.models.schedule import Cycle, DueSpec, DutySpec, KindSpec, MilestoneSpec, Phase, Schedule
from plantrack.vocab import UNIT_TYPES, PlanKind, Tier, UnitType  # the one list of each

__all__ = [
    "OCCURRENCE_KEY",
    "PHASE_END",
    "PHASE_START",
    "UNIT_TYPES",
    "Bound",
    "Budget",
    "Cadence",
    "Commission",
    "Contact",
    "Cycle",
    "DoneDate",
    "DueDate",
    "DueSpec",
    "DutyRecord",
    "DutyRecords",
    "DutySpec",
    "Extension",
    "KindSpec",
    "LogEntry",
    "MilestoneSpec",
    "Model",
    "Parties",
    "Period",
    "Phase",
    "Plan",
    "PlanKind",
    "PlansFile",
    "RRule",
    "Record",
    "Schedule",
    "Tier",
    "Unit",
    "UnitType",
]
