"""Load a district: find plans.yaml and its schedule, read, validate.

The staged pipeline of the loader: bytes -> text -> plain data with positions
(yamlread) -> pydantic models. Each stage returns what it could build and the
problems it found, located at file:line:column, so `check` reports them all.
"""

from __future__ import annotations

import gc
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from plantrack import yamlread
from plantrack.i18n import Msg
from plantrack.models import Plan, PlansFile, Schedule, Unit
from plantrack.problems import PlantrackError, Problem, Severity
from plantrack.suggest import did_you_mean

PLANS_FILE = "plans.yaml"
_SCHEDULE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
SCHEDULES_DIR = "schedules"


@dataclass
class Source:
    """One file as read: its name as shown to the user, text, data and positions."""

    path: Path
    display: str
    text: str = ""
    data: Any = None
    positions: yamlread.Positions = field(default_factory=yamlread.Positions)

    def problem(
        self, code: str, path: tuple[Any, ...], msg: Msg, *, key: bool = False, severity: Severity = Severity.ERROR
    ) -> Problem:
        line, col = self.positions.locate(path, key=key)
        return Problem(self.display, line, col, code, severity, msg)


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


def find_plans_file(start: Path | None = None) -> Path:
    """plans.yaml in the current folder or the nearest parent that has one."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / PLANS_FILE
        if candidate.is_file():
            return candidate
    raise PlantrackError(
        Msg(
            f"no {PLANS_FILE} in {here} or any parent folder: run plantrack in your district's repository, or pass --file",
            f"在 {here} 及其上级目录中找不到 {PLANS_FILE}:请在本区的仓库中运行,或用 --file 指定",
        )
    )


def find_schedule(plans_path: Path, name: str) -> Path | None:
    """The district's schedules/<name>.yaml, else the bundled one (plantrack.schedule_files)."""
    from plantrack import schedule_files

    return schedule_files.find_schedule(plans_path, name)


def _known_schedules(plans_path: Path) -> list[str]:
    from plantrack import schedule_files

    return schedule_files.known_schedules(plans_path)


def display_name(path: Path) -> str:
    """A path as the user would type it: relative when inside the current folder."""
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_source(path: Path, *, spans: bool = False) -> tuple[Source, list[Problem]]:
    """Read one YAML file; a file that cannot be read is one located problem."""
    src = Source(path, display_name(path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PlantrackError(Msg(f"{src.display}: no such file", f"{src.display}:文件不存在")) from None
    except OSError as e:
        raise PlantrackError(
            Msg(f"{src.display}: cannot read: {e.strerror}", f"{src.display}:无法读取:{e.strerror}")
        ) from None
    try:
        src.text = yamlread.decode(raw)
        src.data, src.positions = yamlread.read(src.text, spans=spans)
    except yamlread.YamlError as e:
        return src, [Problem(src.display, e.line, e.column, e.code, Severity.ERROR, e.msg)]
    if not isinstance(src.data, dict):
        what = "empty" if src.data is None else "a list" if isinstance(src.data, list) else "a single value"
        zh = "为空" if src.data is None else "不是映射"
        return src, [
            src.problem(
                "PT005",
                (),
                Msg(
                    f"the file is {what}: expected a mapping with the keys schedule, units and plans",
                    f"文件{zh}:应为包含 schedule、units、plans 的映射",
                ),
            )
        ]
    return src, []


def load(plans_path: Path, *, spans: bool = False) -> tuple[Project | None, list[Problem]]:
    """Read and validate plans.yaml and its schedule. Never raises for bad input."""
    # Reading builds millions of small objects on a big district and none of
    # them form cycles: the cyclic collector would only rescan them, over and
    # over (about half the load time, PERFORMANCE.md).
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load(plans_path, spans)
    finally:
        if was_enabled:
            gc.enable()


_SEE_CHECK = Msg("; run `plantrack check` to see every problem", "\uff1b运行 `plantrack check` 查看全部问题")


def load_or_raise(plans_path: Path, advice: Msg = _SEE_CHECK) -> tuple[Project, list[Problem]]:
    """Load for a command that needs the district: a file that does not load at
    all is one line naming its first problem (exit 2), followed by `advice`."""
    loaded, problems = load(plans_path)
    if loaded is None:
        first = min(problems)
        where = f"{first.file}:{first.line}:{first.column}: {first.code}"
        raise PlantrackError(Msg(f"{where} {first.msg.en}{advice.en}", f"{where} {first.msg.zh}{advice.zh}"))
    return loaded, problems


def _load(plans_path: Path, spans: bool) -> tuple[Project | None, list[Problem]]:
    src, problems = read_source(plans_path, spans=spans)
    if problems:
        return None, problems
    name = src.data.get("schedule")
    if not isinstance(name, str) or not name:
        return None, [
            src.problem(
                "PT102",
                ("schedule",),
                Msg(
                    "missing or empty 'schedule': name the schedule this district follows, e.g. 'schedule: fyp14'",
                    "缺少 'schedule' 或其为空:请写明本区遵循的工作方案,如 'schedule: fyp14'",
                ),
                key="schedule" not in src.data,
            )
        ]
    if not _SCHEDULE_NAME.fullmatch(name):
        # A name, not a path: `schedule: ../../etc/passwd` must not read outside schedules/.
        return None, [
            src.problem(
                "PT006",
                ("schedule",),
                Msg(
                    f"schedule {name!r} is not a schedule name: use letters, digits, '-' and '_', e.g. 'fyp14'",
                    f"工作方案名称 {name!r} 无效:只能包含字母、数字、'-' 和 '_',如 'fyp14'",
                ),
            )
        ]
    schedule_path = find_schedule(plans_path, name)
    if schedule_path is None:
        known = _known_schedules(plans_path)
        hint = did_you_mean(name, known)
        return None, [
            src.problem(
                "PT006",
                ("schedule",),
                Msg(
                    f"schedule {name!r} not found: looked for {SCHEDULES_DIR}/{name}.yaml beside {src.display}, in its parent folders and among the schedules shipped with plantrack ({', '.join(known) or 'none'}){hint.en}",
                    f"找不到工作方案 {name!r}：已在 {src.display} 旁、其上级目录的 {SCHEDULES_DIR}/{name}.yaml 及 plantrack 自带的工作方案（{'、'.join(known) or '无'}）中查找{hint.zh}",
                ),
            )
        ]
    sched_src, sched_problems = read_source(schedule_path)
    if sched_problems:
        return None, sched_problems
    schedule, sched_problems = validate(Schedule, sched_src)
    if schedule is None:
        return None, sched_problems
    plans, problems, broken_units, broken_plans = _validate_plans(src)
    problems = sched_problems + problems
    if plans is None:
        return None, problems
    return Project(src, sched_src, plans, schedule, broken_units, broken_plans), problems


def _validate_plans(src: Source) -> tuple[PlansFile | None, list[Problem], set[str], set[str]]:
    """Validate, then drop the broken units and plans so rules still see the rest."""
    plans, problems = validate(PlansFile, src)
    if plans is not None:
        return plans, problems, set(), set()
    data = dict(src.data)
    broken: dict[str, set[str]] = {"units": set(), "plans": set()}
    for section in broken:
        entries = data.get(section)
        if not isinstance(entries, dict):
            continue
        good = {}
        for key, value in entries.items():
            model = _ENTRY_MODELS[section]
            try:
                model.model_validate(value)
                good[key] = value
            except ValidationError:
                broken[section].add(key)
        data[section] = good
    try:
        plans = PlansFile.model_validate(data)
    except ValidationError:
        return None, problems, broken["units"], broken["plans"]
    return plans, problems, broken["units"], broken["plans"]


def validate(model: type[Any], src: Source) -> tuple[Any, list[Problem]]:
    """Validate data against a model; map pydantic's errors to positions."""
    try:
        return model.model_validate(src.data), []
    except ValidationError as e:
        return None, [_problem(src, err, model) for err in e.errors()]


def _problem(src: Source, err: Any, model: type[BaseModel]) -> Problem:
    from plantrack import messages

    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        hint = did_you_mean(loc[-1], known)
        return src.problem(
            "PT101",
            loc,
            Msg(
                f"unknown key {loc[-1]!r}: expected one of {', '.join(known)}{hint.en}",
                f"未知的键 {loc[-1]!r}:应为 {', '.join(known)} 之一{hint.zh}",
            ),
            key=True,
        )
    if kind == "date_format":
        return src.problem("PT103", loc, messages.bad_date(err))
    if kind in ("literal_error", "enum"):
        return src.problem("PT105", loc, messages.bad_choice(err))
    if kind == "missing":
        return src.problem(
            "PT102", loc[:-1], Msg(f"missing required key {loc[-1]!r}", f"缺少必填的键 {loc[-1]!r}"), key=True
        )
    return src.problem("PT102", loc, messages.bad_type(err))


_ENTRY_MODELS: dict[str, type[BaseModel]] = {"units": Unit, "plans": Plan}


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a model allows at a location path (for "did you mean")."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if _is_model(tp):
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return []
            tp = field.annotation
        elif typing.get_origin(tp) in (dict, list):
            tp = typing.get_args(tp)[-1]
        else:
            return []
    tp = _unwrap(tp)
    return list(tp.model_fields) if _is_model(tp) else []


def _unwrap(tp: Any) -> Any:
    """X | None -> X."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)
