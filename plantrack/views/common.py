"""What every view shares: picking what the user named, unit names, parties, phases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from plantrack.i18n import Msg
from plantrack.models import Plan, PlansFile, Schedule, Unit
from plantrack.problems import PlantrackError
from plantrack.state import State
from plantrack.suggest import did_you_mean
from plantrack.tracking import Step

NOT_DONE = frozenset({State.OVERDUE, State.DUE_SOON, State.OPEN})


def pick(value: str, known: Mapping[str, str], what: Msg, listing: str) -> str:
    """The id the user meant, given as an id or as a name written in the data.

    Anything else is a user error (exit 2) with the closest id suggested, and
    the command that lists them all.
    """
    if value in known:
        return value
    for key, name in known.items():
        if name == value:
            return key
    hint = did_you_mean(value, known)
    if len(known) <= 8:
        listing = ", ".join(known)
    raise PlantrackError(
        Msg(
            f"no {what.en} {value!r}{hint.en} (see: {listing})",
            f"没有{what.zh} {value!r}{hint.zh}\uff08参见\uff1a{listing}\uff09",
        )
    )


def pick_plan(plans: PlansFile, value: str) -> str:
    return pick(value, {pid: p.name for pid, p in plans.plans.items()}, Msg("plan", "规划"), "plantrack status")


def pick_unit(plans: PlansFile, value: str) -> str:
    return pick(value, {uid: u.name for uid, u in plans.units.items()}, Msg("unit", "单位"), "plantrack units")


def pick_kind(schedule: Schedule, value: str) -> str:
    return pick(value, {k: spec.name for k, spec in schedule.kinds.items()}, Msg("plan kind", "规划类型"), "")


def pick_phase(schedule: Schedule, value: str) -> str:
    return pick(value, {k: ph.name for k, ph in schedule.phases.items()}, Msg("phase", "阶段"), "")


def unit_name(units: Mapping[str, Unit], uid: str) -> str:
    """A unit's name as written; an id no unit has is shown as the id (check reports it)."""
    unit = units.get(uid)
    return unit.name if unit else uid


def in_window(step: Step, window: tuple[date, date] | None) -> bool:
    """Whether a step's due date falls in a phase's window (both ends included)."""
    if window is None:
        return True
    return step.due is not None and window[0] <= step.due <= window[1]


def phase_window(schedule: Schedule, phase: str | None) -> tuple[date, date] | None:
    if phase is None:
        return None
    p = schedule.phases[phase]
    return p.start, p.end


def next_step(steps: Iterable[Step]) -> Step | None:
    """The plan's next milestone to do: the earliest-due one not done, schedule order on ties."""
    pending = [(s.due or date.max, i, s) for i, s in enumerate(steps) if s.state in NOT_DONE]
    return min(pending, key=lambda t: t[:2])[2] if pending else None


@dataclass(frozen=True)
class Party:
    """Who approves or receives a step: one unit, or a unit type the data does not narrow."""

    unit: str | None  # the unit's id, when known
    name: str | None  # its name as written
    type: str | None  # the unit type the schedule names (None for a recorded unit)
    recorded: bool = False  # the plan recorded it (record.by / record.to)


class Parties:
    """Resolves a step's `by`/`to` (unit types or "owner") to the district's units.

    A unit recorded on the milestone wins. A type with one unit is that unit; a
    type with several is narrowed to those hosted by the plan's owner, and left
    as the type when that does not settle it (six township congresses: which one
    receives a township plan is a fact to record, not to guess).
    """

    def __init__(self, units: Mapping[str, Unit]) -> None:
        self.units = units
        self.by_type: dict[str, list[str]] = {}
        for uid, u in units.items():
            self.by_type.setdefault(u.type, []).append(uid)

    def resolve(self, types: Iterable[str], recorded: list[str] | str | None, plan: Plan) -> tuple[Party, ...]:
        if isinstance(recorded, str):
            recorded = [recorded]
        if recorded:
            return tuple(
                Party(uid, unit_name(self.units, uid) if uid in self.units else None, None, True) for uid in recorded
            )
        out: list[Party] = []
        for t in types:
            if t == "owner":
                party = self._unit(plan.owner, None)
            else:
                found = self.by_type.get(t, [])
                hosted = [uid for uid in found if self.units[uid].host == plan.owner]
                found = hosted or found
                party = self._unit(found[0], t) if len(found) == 1 else Party(None, None, t)
            if party not in out:
                out.append(party)
        return tuple(out)

    def _unit(self, uid: str, type_: str | None) -> Party:
        unit = self.units.get(uid)
        return Party(uid, unit.name if unit else None, type_)

    def of(self, step: Step, plan: Plan) -> tuple[tuple[Party, ...], tuple[Party, ...]]:
        """(by, to) of one step."""
        rec = step.record
        return (
            self.resolve(step.spec.by, rec.by if rec else None, plan),
            self.resolve(step.spec.to, rec.to if rec else None, plan),
        )
