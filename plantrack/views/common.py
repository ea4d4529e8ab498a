"""What every view shares: picking what the user named, unit names, parties, phases."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from plantrack import resolve
from plantrack.i18n import Msg
from plantrack.load import Unloaded
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
    """A unit as the filters take it (resolve.py): its id, its name, or an unambiguous part of it."""
    return resolve.resolve(value, resolve.unit_choices(plans.units), resolve.UNIT, "UNIT")


def pick_kind(schedule: Schedule, value: str) -> str:
    return pick(value, {k: spec.name for k, spec in schedule.kinds.items()}, Msg("plan kind", "规划类型"), "")


def pick_phase(schedule: Schedule, value: str) -> str:
    return pick(value, {k: ph.name for k, ph in schedule.phases.items()}, Msg("phase", "阶段"), "")


Words = str | Iterable[str] | None  # a filter: one word, a repeated option's words, or none


@dataclass(frozen=True)
class Filter:
    """What a view's `--kind` and `--unit` leave in: ids resolved from the user's words (None: all)."""

    kinds: frozenset[str] | None = None
    units: frozenset[str] | None = None

    def keeps(self, plan: Plan) -> bool:
        return (self.kinds is None or plan.kind in self.kinds) and (self.units is None or plan.owner in self.units)

    def keeps_unloaded(self, u: Unloaded, plans: PlansFile, schedule: Schedule) -> bool:
        """A plan that did not load is kept unless what could be read of it rules it out:
        a kind or owner that cannot be read, or is not a valid one, does not hide it."""
        kind_ok = self.kinds is None or u.kind not in schedule.kinds or u.kind in self.kinds
        unit_ok = self.units is None or u.owner not in plans.units or u.owner in self.units
        return kind_ok and unit_ok


def _words(value: Words) -> list[str] | None:
    if value is None:
        return None
    words = [value] if isinstance(value, str) else list(value)
    return words or None


def make_filter(plans: PlansFile, schedule: Schedule, kind: Words = None, unit: Words = None) -> Filter:
    """Resolve `--kind`/`--unit` words (id, label, part of a name; repeated: any of them).

    An unknown word is a user error (exit 2) that lists the valid values.
    """
    kinds, units = _words(kind), _words(unit)
    return Filter(
        frozenset(resolve.kinds_named(kinds, schedule.kinds)) if kinds else None,
        frozenset(resolve.units_named(units, plans.units)) if units else None,
    )


@dataclass(frozen=True)
class InvalidRow:
    """A plan that did not load, as a view lists it: state invalid (数据有误), with its problems."""

    plan: Unloaded
    owner_name: str  # the owner's name when it could be read, else its id as written ('' if none)

    @property
    def id(self) -> str:
        return self.plan.id


def invalid_row(u: Unloaded, plans: PlansFile) -> InvalidRow:
    return InvalidRow(u, unit_name(plans.units, u.owner) if u.owner else "")


def unloaded_kept(
    unloaded: Mapping[str, Unloaded], plans: PlansFile, schedule: Schedule, only: Filter = Filter()
) -> tuple[InvalidRow, ...]:
    """The plans that did not load that a view with this filter lists (as invalid), in plans.yaml's order."""
    return tuple(invalid_row(u, plans) for u in unloaded.values() if only.keeps_unloaded(u, plans, schedule))


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
