"""What a rule is: a code, a severity, a summary citing the scheme, a check."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from plantrack.i18n import Msg
from plantrack.load import Project
from plantrack.models import MilestoneSpec, Plan, Record, Unit
from plantrack.problems import Severity
from plantrack.tracking import Step, all_steps

if TYPE_CHECKING:
    from plantrack.history.facts import Trail

Where = Literal["plans", "schedule"]
# The stages rules run in: "file" needs only the district; "history" needs the
# file's git history too, read once by the caller and handed in as the trail.
Stage = Literal["file", "history"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule's finding, located by its path in the data; positions come later."""

    path: tuple[Any, ...]
    msg: Msg
    key: bool = False  # point at the key rather than its value
    where: Where = "plans"
    severity: Severity | None = None  # where the scheme is loose: a warning from an error rule


@dataclass
class Context:
    """What a check may read: the loaded district, the reference date, and for the
    history stage the trail of the file's git history."""

    project: Project
    as_of: date
    trail: Trail | None = None
    backdate_days: int = 7  # PT302's threshold (check --backdate-days)
    memo: dict[str, Any] = field(default_factory=dict)  # results several rules share, computed once

    @cached_property
    def steps(self) -> dict[str, list[Step]]:
        return all_steps(self.project.plans, self.project.schedule, self.as_of)

    @property
    def units(self) -> dict[str, Unit]:
        return self.project.plans.units

    def plans(self, *kinds: str) -> Iterator[tuple[str, Plan]]:
        """The valid plans of a kind the schedule has, of the given kinds (all if none)."""
        scheduled = self.project.schedule.kinds
        for pid, plan in self.project.plans.plans.items():
            if plan.kind in scheduled and (not kinds or plan.kind in kinds):
                yield pid, plan

    def records(self) -> Iterator[tuple[str, Plan, str, Record, MilestoneSpec]]:
        """Every milestone a valid plan records that its kind's schedule knows."""
        for pid, plan in self.plans():
            specs = self.project.schedule.kinds[plan.kind].milestones  # type: ignore[index]
            for mid, record in plan.milestones.items():
                if record is not None and mid in specs:
                    yield pid, plan, mid, record, specs[mid]

    def existing(self, kind: str) -> list[tuple[str, str | None]]:
        """(plan id, owner) of every plan of a kind, loaded or not.

        A plan that failed to load still exists: "there is no master plan"
        must not follow from one bad date in it.
        """
        out: list[tuple[str, str | None]] = [
            (pid, plan.owner) for pid, plan in self.project.plans.plans.items() if plan.kind == kind
        ]
        raw = self.project.plans_src.data.get("plans") if isinstance(self.project.plans_src.data, dict) else None
        for pid in sorted(self.project.broken_plans):
            entry = raw.get(pid) if isinstance(raw, dict) else None
            if isinstance(entry, dict) and entry.get("kind") == kind:
                owner = entry.get("owner")
                out.append((pid, owner if isinstance(owner, str) else None))
        return out

    def unit_exists(self, utype: str) -> bool:
        """A unit of a type, loaded or not (one that failed to load still exists)."""
        if any(u.type == utype for u in self.units.values()):
            return True
        raw = self.project.plans_src.data.get("units") if isinstance(self.project.plans_src.data, dict) else None
        return any(
            isinstance(raw, dict) and isinstance(entry := raw.get(uid), dict) and entry.get("type") == utype
            for uid in self.project.broken_units
        )

    def step_of(self, kind: str, role: str) -> str | None:
        """The id of a kind's step with a role, if the schedule has one."""
        spec = self.project.schedule.kinds.get(kind)  # type: ignore[call-overload]
        if spec is None:
            return None
        return next((mid for mid, m in spec.milestones.items() if m.role == role), None)

    def cite(self, pid: str, mid: str) -> Msg:
        """How a message names a plan's step: its id and the step's name."""
        plan = self.project.plans.plans.get(pid)
        spec = self.project.schedule.kinds[plan.kind].milestones.get(mid) if plan else None  # type: ignore[index]
        name = spec.name if spec else mid
        return Msg(f"{pid}/{mid} ({name})", f"{pid}/{mid}\uff08{name}\uff09")

    def unit_type(self, uid: str | None) -> str | None:
        unit = self.units.get(uid) if uid else None
        return unit.type if unit else None

    def is_known_unit(self, uid: str) -> bool:
        return uid in self.units or uid in self.project.broken_units


Check = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: Msg  # one line, citing R#/D# where the scheme is the reason
    doc: str  # What it does / Why / Example: `plantrack rules CODE` prints it
    check: Check | None = None  # None: the loader reports it while reading
    stage: Stage = "file"
    doc_zh: str = ""  # the doc in Chinese (作用 / 原因 / 示例), from rules/docs_zh.py

    def explain(self, lang: str) -> str:
        """The doc `plantrack rules CODE` prints, in a language; English where no Chinese is written."""
        return self.doc_zh if lang == "zh" and self.doc_zh else self.doc


def rule(
    code: str,
    name: str,
    summary_en: str,
    summary_zh: str,
    severity: Severity = Severity.ERROR,
    stage: Stage = "file",
) -> Callable[[Check], Rule]:
    """Make a check function into a Rule; its docstring is the rule's doc."""

    def wrap(fn: Check) -> Rule:
        return Rule(code, name, severity, Msg(summary_en, summary_zh), _dedent(fn.__doc__ or ""), fn, stage)

    return wrap


def loader_rule(code: str, name: str, summary_en: str, summary_zh: str, doc: str) -> Rule:
    return Rule(code, name, Severity.ERROR, Msg(summary_en, summary_zh), _dedent(doc))


def _dedent(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)


def milestone_path(pid: str, mid: str, field: str | None = None) -> tuple[str, ...]:
    path = ("plans", pid, "milestones", mid)
    return path + (field,) if field else path
