"""Load a district: read plans.yaml and its schedule, validate them.

The staged pipeline of the loader: bytes -> text (decoding) -> plain data with
positions (yamlread) -> pydantic models. Each stage returns what it could
build and the problems it found, located at file:line:column, so `check`
reports them all. Reading one file (bytes, text, data, the read cache) is
source.py's; this module validates and assembles the district.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from plantrack import discover, messages
from plantrack.i18n import Msg
from plantrack.models import Plan, PlansFile, Schedule, Unit
from plantrack.problems import PlantrackError, Problem
from plantrack.source import Source, read_source, yaml_problem
from plantrack.suggest import did_you_mean


@dataclass
class Project:
    plans_src: Source
    schedule_src: Source
    plans: PlansFile
    schedule: Schedule
    # Entries that failed validation: rules skip them, and references to
    # them are not reported a second time.
    broken_units: set[str] = field(default_factory=set)
    broken_plans: set[str] = field(default_factory=set)
    # What could be read of each broken plan, in plans.yaml's order: views
    # list it as invalid (数据有误) rather than leave it out.
    unloaded: dict[str, Unloaded] = field(default_factory=dict)


@dataclass(frozen=True)
class Unloaded:
    """A plan that did not load: what could be read of it, and why it did not load.

    name, kind and owner are the raw values when they are strings (a bad kind
    such as `专项` is kept as written), else None.
    """

    id: str
    name: str | None
    kind: str | None
    owner: str | None
    problems: tuple[Problem, ...]  # in file order

    @property
    def codes(self) -> list[str]:
        """The problems' codes, each once, in file order."""
        return list(dict.fromkeys(p.code for p in self.problems))

    @property
    def line(self) -> int | None:
        """The line of the first problem."""
        return self.problems[0].line if self.problems else None


def load(plans_path: Path, *, spans: bool = False, like: Project | None = None) -> tuple[Project | None, list[Problem]]:
    """Read and validate plans.yaml and its schedule. Never raises for bad input.

    `like`: the district as loaded before an edit. An entry whose data is the
    very object read then (yamlscope keeps what an edit did not touch) is its
    validated model already: the edited entries alone are validated again.
    """
    # Reading builds millions of small objects on a big district and none of
    # them form cycles: the cyclic collector would only rescan them, over and
    # over (about half the load time, PERFORMANCE.md).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(plans_path, spans, like)
    finally:
        if was_enabled:
            gc.enable()


_SEE_CHECK = Msg("; run `plantrack check` to see every problem", "\uff1b运行 `plantrack check` 查看全部问题")


def load_or_raise(plans_path: Path, advice: Msg = _SEE_CHECK, *, spans: bool = False) -> tuple[Project, list[Problem]]:
    """Load for a command that needs the district: a file that does not load at
    all is one line naming its first problem (exit 2), followed by `advice`."""
    loaded, problems = load(plans_path, spans=spans)
    if loaded is None:
        first = min(problems)
        where = f"{first.file}:{first.line}:{first.column}: {first.code}"
        raise PlantrackError(Msg(f"{where} {first.msg.en}{advice.en}", f"{where} {first.msg.zh}{advice.zh}"))
    return loaded, problems


def _load(plans_path: Path, spans: bool, like: Project | None) -> tuple[Project | None, list[Problem]]:
    discover.check_inside(plans_path)
    src, problems = read_source(plans_path, spans=spans)
    if problems:
        return None, problems
    found = _schedule_path(src, plans_path)
    if isinstance(found, Problem):
        return None, [found]
    sched_src, sched_problems = read_source(found)
    if sched_problems:
        return None, sched_problems
    schedule, sched_problems = validate(Schedule, sched_src)
    if schedule is None:
        return None, sched_problems
    cut = [yaml_problem(s, e) for s in (sched_src, src) for e in s.positions.cut]
    plans, problems, broken_units, broken_plans = _validate_plans(src, like)
    problems = cut + sched_problems + problems
    if plans is None:
        return None, problems
    unloaded = _unloaded(src, broken_plans)
    return Project(src, sched_src, plans, schedule, broken_units, broken_plans, unloaded), problems


def _schedule_path(src: Source, plans_path: Path) -> Path | Problem:
    """The schedule plans.yaml names, or the problem with its `schedule:` value."""
    name = src.data.get("schedule")
    if not isinstance(name, str) or not name:
        return src.problem(
            "PT102",
            ("schedule",),
            Msg(
                "missing or empty 'schedule': name the schedule this district follows, e.g. 'schedule: fyp14'",
                "缺少 'schedule' 或其为空：请写明本区遵循的工作方案，如 'schedule: fyp14'",
            ),
            key="schedule" not in src.data,
        )
    if not discover.SCHEDULE_NAME.fullmatch(name):
        return src.problem(
            "PT006",
            ("schedule",),
            Msg(
                f"schedule {name!r} is not a schedule name: use letters, digits, '-' and '_', e.g. 'fyp14'",
                f"工作方案名称 {name!r} 无效：只能包含字母、数字、'-' 和 '_'，如 'fyp14'",
            ),
        )
    schedule_path = discover.find_schedule(plans_path, name)
    if schedule_path is not None:
        discover.check_inside(plans_path, schedule_path)
        return schedule_path
    known = discover.known_schedules(plans_path)
    hint = did_you_mean(name, known)
    folder = discover.SCHEDULES_DIR
    return src.problem(
        "PT006",
        ("schedule",),
        Msg(
            f"schedule {name!r} not found: looked for {folder}/{name}.yaml beside {src.display}, in its parent folders and among the schedules shipped with plantrack ({', '.join(known) or 'none'}){hint.en}",
            f"找不到工作方案 {name!r}：已在 {src.display} 旁、其上级目录的 {folder}/{name}.yaml 及 plantrack 自带的工作方案（{'、'.join(known) or '无'}）中查找{hint.zh}",
        ),
    )


_ENTRY_MODELS: dict[str, type[BaseModel]] = {"units": Unit, "plans": Plan}


def _validate_plans(src: Source, like: Project | None) -> tuple[PlansFile | None, list[Problem], set[str], set[str]]:
    """Validate, then drop the broken units and plans so rules still see the rest."""
    data = _validated_already(src.data, like) if like is not None else src.data
    plans, problems = validate(PlansFile, src, data)
    if plans is not None:
        return plans, problems, set(), set()
    data = dict(data)
    broken: dict[str, set[str]] = {"units": set(), "plans": set()}
    for section in broken:
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        good = {}
        for key, value in entries.items():
            try:
                _ENTRY_MODELS[section].model_validate(value)
                good[key] = value
            except ValidationError:
                broken[section].add(key)
        data[section] = good
    try:
        plans = PlansFile.model_validate(data)
    except ValidationError:
        return None, problems, broken["units"], broken["plans"]
    return plans, problems, broken["units"], broken["plans"]


def _unloaded(src: Source, broken: set[str]) -> dict[str, Unloaded]:
    """What can be read of each broken plan, and its own problems (located in the file)."""
    if not broken:
        return {}
    out = {}
    for pid, raw in src.data["plans"].items():
        if pid not in broken:
            continue
        data = raw if isinstance(raw, dict) else {}
        problems: list[Problem] = []
        try:
            Plan.model_validate(raw)
        except ValidationError as e:
            for err in e.errors():
                f = messages.validation(err, Plan)
                problems.append(src.problem(f.code, ("plans", pid, *f.loc), f.msg, key=f.key))

        def text(key: str, data: Any = data) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        out[str(pid)] = Unloaded(str(pid), text("name"), text("kind"), text("owner"), tuple(sorted(problems)))
    return out


def _validated_already(data: dict[str, Any], like: Project) -> dict[str, Any]:
    """`data` with each unit and plan that is the very object `like` read replaced by its model.

    Sound because a PlansFile validates entry by entry (no validator looks
    across entries) and pydantic takes a model instance as it is.
    """
    before = like.plans_src.data
    out = dict(data)
    for section, models in (("units", like.plans.units), ("plans", like.plans.plans)):
        new, old = data.get(section), before.get(section) if isinstance(before, dict) else None
        if isinstance(new, dict) and isinstance(old, dict):
            out[section] = {k: models[k] if k in models and old.get(k) is v else v for k, v in new.items()}
    return out


def validate(model: type[Any], src: Source, data: Any = None) -> tuple[Any, list[Problem]]:
    """Validate data (else src.data) against a model; map pydantic's errors to positions."""
    try:
        return model.model_validate(src.data if data is None else data), []
    except ValidationError as e:
        found = [messages.validation(err, model) for err in e.errors()]
        return None, [src.problem(f.code, f.loc, f.msg, key=f.key) for f in found]
