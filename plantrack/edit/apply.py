"""Validate an edited plans.yaml, then write it atomically, or refuse and touch nothing.

The edited text is written once, to a temporary file beside the target, and
that file is what gets validated (so the schedule is found exactly as for the
real file) and then renamed over the target. Until os.replace the original is
untouched; if anything fails before, the temporary file is removed.

Policy on files that already have errors: an edit is refused only if it adds
an error (compared by rule code and message, since line numbers shift). A
district with one broken plan can still record progress on the others.
Warnings (overdue milestones) never block an edit. A file that cannot be
read at all (YAML syntax, encoding) cannot be edited: there are no spans.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from plantrack import decoding, rules
from plantrack import load as loader
from plantrack.exitcodes import Exit
from plantrack.i18n import Msg
from plantrack.load import Project
from plantrack.problems import PlantrackError, Problem, Severity


@dataclass
class Original:
    path: Path  # as the user named it
    target: Path  # where the bytes live: a symlink's target, so the link survives
    raw: bytes
    st: os.stat_result
    project: Project
    errors: list[Problem]

    @property
    def text(self) -> str:
        return self.project.plans_src.text

    @property
    def display(self) -> str:
        return self.project.plans_src.display


def _errors(loaded: Project | None, problems: list[Problem], as_of: date) -> list[Problem]:
    """The errors of a district: only the rules that can find one run (a warning rule finds none)."""
    if loaded is not None:
        problems = problems + rules.run(rules.Context(loaded, as_of), rules.ERROR_RULES)
    return [p for p in problems if p.severity is Severity.ERROR]


def read(path: Path, as_of: date) -> Original:
    """Load the file, and keep its exact bytes to detect later changes.

    A plain read, from the read cache when check read these bytes before: the
    edit reads spans only for the lines it changes (yamlscope), or for the
    whole text when it adds an entry. Its errors are check's, when a check
    today left them in the cache (warm.py): then no rule runs before the edit.
    """
    from plantrack import warm

    advice = Msg(": fix this before editing", "\uff1a请先修正再编辑")
    loaded, problems = loader.load_or_raise(path, advice)
    target = Path(os.path.realpath(path))
    raw = target.read_bytes()
    before = warm.findings(path, as_of, 7, False, raw=loaded.plans_src.raw, errors=True)  # check's default options
    errors = _errors(loaded, problems, as_of) if before is None else _errors(None, before.problems, as_of)
    original = Original(path, target, raw, target.stat(), loaded, errors)
    if _decode(raw) != original.text:
        raise _conflict(original.display)
    return original


def _decode(raw: bytes) -> str:
    try:
        return decoding.decode(raw)
    except decoding.YamlError:
        return ""


def _conflict(display: str) -> PlantrackError:
    return PlantrackError(
        Msg(
            f"{display} changed on disk while plantrack was editing it: nothing written; run the command again",
            f"{display} 在编辑期间被其他程序修改：未写入；请重新运行命令",
        ),
        Exit.CONFLICT,
    )


def _refusal(original: Original, added: list[Problem]) -> PlantrackError:
    shown_en = "; ".join(f"{p.code} {p.msg.en} (line {p.line})" for p in added)
    shown_zh = "\uff1b".join(f"{p.code} {p.msg.zh}\uff08第 {p.line} 行\uff09" for p in added)
    return PlantrackError(
        Msg(
            f"edit refused, {original.display} unchanged: {shown_en}",
            f"已拒绝修改\uff0c{original.display} 未改动\uff1a{shown_zh}",
        ),
        Exit.RULE_ERRORS,
    )


def write(original: Original, new_text: str, as_of: date) -> None:
    """Validate `new_text` and put it in place of the original, atomically."""
    data = decoding.encode_like(new_text, original.raw)
    folder = original.target.parent
    fd, tmp = _temp_file(original)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        _test_pause()
        os.chmod(tmp, stat.S_IMODE(original.st.st_mode))
        with contextlib.suppress(OSError):  # keep the owner where we may (as root); else ours
            os.chown(tmp, original.st.st_uid, original.st.st_gid)
        loaded, problems = loader.load(tmp, like=original.project)
        after = _errors(loaded, problems, as_of)
        added = list((Counter(_key(p) for p in after) - Counter(_key(p) for p in original.errors)).elements())
        if added:
            new = [p for p in after if _key(p) in added]
            raise _refusal(original, [dataclasses.replace(p, file=original.display) for p in new])
        _refuse_broken_entries(original, loaded)
        # Last moment before the rename: refuse if someone else wrote the file meanwhile.
        if _current_bytes(original.target) != original.raw:
            raise _conflict(original.display)
        try:
            os.replace(tmp, original.target)
        except OSError as e:
            raise PlantrackError(
                Msg(
                    f"cannot write {original.display}: {e.strerror or e}; the file is unchanged",
                    f"无法写入 {original.display}\uff1a{e.strerror or e}\uff1b文件未改动",
                ),
                Exit.CONFLICT,
            ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(folder)


def _temp_file(original: Original) -> tuple[int, Path]:
    """A new temporary file beside the target, named with our pid (guard.remove_stale_temps)."""
    from plantrack.edit import guard

    try:
        fd, name = tempfile.mkstemp(
            dir=original.target.parent, prefix=guard.temp_prefix(original.target), suffix=guard.TMP_SUFFIX
        )
    except OSError as e:
        raise guard.not_writable(original.target.parent, original.display, e) from None
    return fd, Path(name)


def _test_pause() -> None:
    """PLANTRACK_TEST_PAUSE_AFTER_TEMP=seconds: the kill -9 test stops an edit here, temp file written."""
    pause = os.environ.get("PLANTRACK_TEST_PAUSE_AFTER_TEMP")
    if pause:
        import time

        time.sleep(float(pause))


def _refuse_broken_entries(original: Original, loaded: Project | None) -> None:
    """An edit that touches a plan or unit that did not load is refused, naming its problem.

    Rules skip such an entry, so its new facts could not be checked: accepting
    them would make an edit less strict than on a clean file.
    """
    if loaded is None:
        return
    before, after = original.project, loaded
    sections = (
        ("plans", before.broken_plans | after.broken_plans),
        ("units", before.broken_units | after.broken_units),
    )
    for section, broken in sections:
        old = _section(before.plans_src.data, section)
        new = _section(after.plans_src.data, section)
        touched = sorted(k for k in broken if old.get(k) != new.get(k))
        if touched:
            raise _broken_refusal(original, section, touched[0])


def _section(data: object, name: str) -> dict[str, object]:
    found = data.get(name) if isinstance(data, dict) else None
    return found if isinstance(found, dict) else {}


def _broken_refusal(original: Original, section: str, key: str) -> PlantrackError:
    mine = [p for p in original.errors if p.file == original.display and _under(original, p, section, key)]
    first = min(mine) if mine else None
    what = f"{first.line}:{first.column}: {first.code} " if first else ""
    en = f"{first.msg.en}" if first else "it did not load"
    zh = f"{first.msg.zh}" if first else "未能读取"
    kind_en, kind_zh = ("plan", "规划") if section == "plans" else ("unit", "单位")
    return PlantrackError(
        Msg(
            f"edit refused, {original.display} unchanged: {kind_en} {key!r} has an error, so its rules cannot be "
            f"checked: {original.display}:{what}{en}; fix it first (plantrack check)",
            f"已拒绝修改，{original.display} 未改动：{kind_zh} {key!r} 有错误，无法检查其规则："
            f"{original.display}:{what}{zh}；请先修正（plantrack check）",
        ),
        Exit.RULE_ERRORS,
    )


def _under(original: Original, p: Problem, section: str, key: str) -> bool:
    """Whether problem p lies inside the entry `section.key` of the original file."""
    spans = original.project.plans_src.positions
    if (section, key) not in spans.keys:
        return False
    start = spans.key_at((section, key))
    # The entry runs from its key to the next sibling key (or the end of the file).
    siblings = sorted(spans.key_at(k) for k in spans.keys if len(k) == 2 and k[0] == section)
    later = [v for v in siblings if v > start]
    end = later[0] if later else (10**9, 0)
    return start <= (p.line, p.column) < end


def _current_bytes(target: Path) -> bytes | None:
    try:
        return target.read_bytes()
    except OSError:  # removed or unreadable now: as changed as it gets
        return None


def _key(p: Problem) -> tuple[str, str]:
    return p.code, p.msg.en


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
