"""`check`'s findings, found again when nothing they depend on has changed.

A second `check` of an unchanged district on the same reference date need not
read, validate or run a rule: its findings are a function of the bytes of
plans.yaml and of its schedule, the names they are shown under, the options
that change findings (reference date, --backdate-days, --fail-on-overdue) and
plantrack's version (in cache.key). On another day the rules run again, on the
district read from the read cache (source.py). Stored through plantrack/cache.py:
safe to delete, ignored when unusable, off with --no-cache.
"""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from plantrack import cache, discover
from plantrack.i18n import Msg
from plantrack.problems import Problem, Severity

KIND = "check"
# The same findings' errors alone: all an edit compares (edit/apply.py), and a
# small entry where check's warnings run to megabytes on a big district.
ERRORS = "check-errors"
# check --history's history stage: keyed also by the trail it read (Trail.identity).
HISTORY = "check-history"


class Found(NamedTuple):
    problems: list[Problem]
    broken: bool  # a plan did not load: `check --fail-on-overdue` never passes then


_MAX_BYTES = 64 * 1024 * 1024  # source.MAX_BYTES; a bigger file is never cached


def _key(raw: bytes, display: str, options: tuple[Any, ...]) -> str:
    # Today too: PT109 judges done dates against the real date, whatever --as-of says.
    return cache.key(KIND, raw, display, date.today().isoformat(), *(str(o) for o in options))


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def findings(
    path: Path, as_of: date, *options: Any, raw: bytes | None = None, errors: bool = False, kind: str = KIND
) -> Found | None:
    """The stored findings of `check` on this district, or None: not stored, or its schedule changed.

    `raw`: the bytes of plans.yaml as the caller read them, else read here.
    `errors`: the errors only. `kind`: HISTORY for the history stage's.
    """
    if cache.directory() is None or os.environ.get("PLANTRACK_MAX_BYTES"):  # a cap: source.py enforces it
        return None
    try:  # only a regular file of a sane size: anything else is for source.py to refuse, located
        if raw is None:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode) or st.st_size > _MAX_BYTES:
                return None
            with path.open("rb") as f:
                raw = f.read(_MAX_BYTES + 1)
    except OSError:
        return None
    k = _key(raw, discover.display_name(path), (as_of, *options))
    stored = (cache.load_json(ERRORS, k) if errors else None) or cache.load_json(kind, k)
    if not isinstance(stored, dict):
        return None
    try:
        schedule = discover.find_schedule(path, stored["name"])
        if (
            schedule is None
            or str(schedule) != stored["path"]
            or discover.display_name(schedule) != stored["display"]
            or _digest(schedule.read_bytes()) != stored["digest"]
        ):
            return None
        found = [
            Problem(f, ln, col, code, Severity(sev), Msg(en, zh))
            for f, ln, col, code, sev, en, zh in stored["problems"]
        ]
        return Found([p for p in found if p.severity is Severity.ERROR] if errors else found, bool(stored["broken"]))
    except (OSError, KeyError, TypeError, ValueError):
        return None


def keep(
    plans_raw: bytes,
    plans_display: str,
    schedule_name: str,
    schedule: Path,
    schedule_display: str,
    schedule_raw: bytes,
    as_of: date,
    problems: list[Problem],
    *options: Any,
    broken: bool = False,
    kind: str = KIND,
) -> None:
    """Store `check`'s findings for `findings` to find again."""
    if cache.directory() is None:
        return
    k = _key(plans_raw, plans_display, (as_of, *options))
    stored = [(kind, problems)]
    if kind == KIND:
        stored.append((ERRORS, [p for p in problems if p.severity is Severity.ERROR]))
    for entry, kept in stored:
        value = {
            "broken": broken,
            "name": schedule_name,
            "path": str(schedule),
            "display": schedule_display,
            "digest": _digest(schedule_raw),
            "problems": [[p.file, p.line, p.column, p.code, p.severity.value, p.msg.en, p.msg.zh] for p in kept],
        }
        cache.store_json(entry, k, value)
