"""Load a district: read plans.yaml and its schedule, validate them.

The staged pipeline of the loader: bytes -> text (decoding) -> plain data with
positions (yamlread) -> pydantic models. Each stage returns what it could
build and the problems it found, located at file:line:column, so `check`
reports them all.
"""

from __future__ import annotations

import gc
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from plantrack import decoding, discover, messages, yamlread
from plantrack.i18n import Msg
from plantrack.models import Plan, PlansFile, Schedule, Unit
from plantrack.problems import PlantrackError, Problem, Severity
from plantrack.suggest import did_you_mean

# Files larger than this are refused before reading (PLANTRACK_MAX_BYTES sets another cap).
MAX_BYTES = 64 * 1024 * 1024
MAX_BYTES_ENV = "PLANTRACK_MAX_BYTES"


@dataclass
class Source:
    """One file as read: its name as shown to the user, text, data and positions."""

    path: Path
    display: str
    text: str = ""
    data: Any = None
    positions: yamlread.Positions = field(default_factory=yamlread.Positions)
    raw: bytes = b""  # the bytes read, for cache keys (warm.py)

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


def max_bytes() -> int:
    """The size cap: PLANTRACK_MAX_BYTES if set, else 64 MB."""
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return MAX_BYTES
    try:
        cap = int(value)
    except ValueError:
        cap = 0
    if cap <= 0:
        raise PlantrackError(
            Msg(
                f"{MAX_BYTES_ENV}={value!r}: expected a number of bytes, e.g. {MAX_BYTES}",
                f"{MAX_BYTES_ENV}={value!r}：应为字节数，如 {MAX_BYTES}",
            )
        )
    return cap


def read_bytes(path: Path, display: str) -> bytes:
    """A file's bytes, if it is a regular file within the size cap.

    A FIFO or a device would block or never end: refused at once, from the
    file's type, without opening it.
    """
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file (a pipe or a device?)"
            zh = "是文件夹" if stat.S_ISDIR(st.st_mode) else "不是普通文件（管道或设备？）"
            raise PlantrackError(Msg(f"{display}: {what}: expected a YAML file", f"{display}：{zh}：应为 YAML 文件"))
        cap = max_bytes()
        if st.st_size > cap:
            raise _too_big(display, st.st_size, cap)
        with path.open("rb") as f:
            raw = f.read(cap + 1)
    except FileNotFoundError:
        raise PlantrackError(Msg(f"{display}: no such file", f"{display}：文件不存在")) from None
    except OSError as e:
        raise PlantrackError(
            Msg(f"{display}: cannot read: {e.strerror}", f"{display}：无法读取：{e.strerror}")
        ) from None
    if len(raw) > cap:  # it grew while we read it
        raise _too_big(display, len(raw), cap)
    return raw


def _too_big(display: str, size: int, cap: int) -> PlantrackError:
    return PlantrackError(
        Msg(
            f"{display}: {size:,} bytes, more than the {cap:,} plantrack reads (set {MAX_BYTES_ENV} to raise the cap)",
            f"{display}：{size:,} 字节，超过可读取的上限 {cap:,} 字节（可设置 {MAX_BYTES_ENV} 提高上限）",
        )
    )


def read_source(path: Path, *, spans: bool = False) -> tuple[Source, list[Problem]]:
    """Read one YAML file; a file that cannot be read is one located problem.

    Values cut to the scalar cap are problems too, but the file still reads.
    """
    src = Source(path, discover.display_name(path))
    raw = src.raw = read_bytes(path, src.display)
    try:
        src.text = decoding.decode(raw)
        # An edit's read (spans) is not cached: the file changes right after it.
        if spans or not _from_cache(src, raw, spans):
            src.data, src.positions = yamlread.read(src.text, spans=spans)
            if isinstance(src.data, dict) and not spans:
                _to_cache(src, raw, spans)
    except decoding.YamlError as e:
        return src, [_problem(src, e)]
    if not isinstance(src.data, dict):
        what = "empty" if src.data is None else "a list" if isinstance(src.data, list) else "a single value"
        zh = "为空" if src.data is None else "不是映射"
        return src, [
            src.problem(
                "PT005",
                (),
                Msg(
                    f"the file is {what}: expected a mapping with the keys schedule, units and plans",
                    f"文件{zh}：应为包含 schedule、units、plans 的映射",
                ),
            )
        ]
    return src, []


# The read cache: a file's plain data and positions, found again by a hash of
# its bytes (and plantrack's version, in cache.key). marshal, not pickle: it
# loads fastest of the formats measured (marshal 0.5 s, pickle 0.6 s, JSON
# 1.1 s at 100k milestones) and cannot run code from a tampered entry.
_CACHE_KIND = "read"


def _cache_key(raw: bytes, spans: bool) -> str:
    from plantrack import cache

    return cache.key("read 2", "spans" if spans else "plain", raw)  # 2: positions packed in ints


def _from_cache(src: Source, raw: bytes, spans: bool) -> bool:
    """Fill src.data and src.positions from the cache; False when there is no usable entry."""
    import marshal

    from plantrack import cache

    payload = cache.load(_CACHE_KIND, _cache_key(raw, spans))
    if payload is None:
        return False
    try:
        data, values, keys, value_spans, key_spans, flow, cut = marshal.loads(payload)
        src.positions = yamlread.Positions(values, keys, value_spans, key_spans, flow)
        src.positions.cut = [decoding.YamlError(c, ln, col, Msg(en, zh)) for c, ln, col, en, zh in cut]
    except (ValueError, EOFError, TypeError):  # damaged or of another shape: read the file
        return False
    src.data = data
    yamlread.remember(src.text, spans, data, src.positions)
    return True


def _to_cache(src: Source, raw: bytes, spans: bool) -> None:
    import marshal

    from plantrack import cache

    if cache.directory() is None:
        return
    pos = src.positions
    cut = [(e.code, e.line, e.column, e.msg.en, e.msg.zh) for e in pos.cut]
    extra = (pos.value_spans, pos.key_spans, pos.flow) if spans else ({}, {}, {})  # read for an edit: kept only there
    try:
        payload = marshal.dumps((src.data, pos.values, pos.keys, *extra, cut))
    except ValueError:  # a value marshal cannot hold: simply not cached
        return
    cache.store(_CACHE_KIND, _cache_key(raw, spans), payload)


def _problem(src: Source, e: decoding.YamlError) -> Problem:
    return Problem(src.display, e.line, e.column, e.code, Severity.ERROR, e.msg)


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


def load_or_raise(plans_path: Path, advice: Msg = _SEE_CHECK, *, spans: bool = False) -> tuple[Project, list[Problem]]:
    """Load for a command that needs the district: a file that does not load at
    all is one line naming its first problem (exit 2), followed by `advice`."""
    loaded, problems = load(plans_path, spans=spans)
    if loaded is None:
        first = min(problems)
        where = f"{first.file}:{first.line}:{first.column}: {first.code}"
        raise PlantrackError(Msg(f"{where} {first.msg.en}{advice.en}", f"{where} {first.msg.zh}{advice.zh}"))
    return loaded, problems


def _load(plans_path: Path, spans: bool) -> tuple[Project | None, list[Problem]]:
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
    cut = [_problem(s, e) for s in (sched_src, src) for e in s.positions.cut]
    plans, problems, broken_units, broken_plans = _validate_plans(src)
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


def validate(model: type[Any], src: Source) -> tuple[Any, list[Problem]]:
    """Validate data against a model; map pydantic's errors to positions."""
    try:
        return model.model_validate(src.data), []
    except ValidationError as e:
        found = [messages.validation(err, model) for err in e.errors()]
        return None, [src.problem(f.code, f.loc, f.msg, key=f.key) for f in found]
