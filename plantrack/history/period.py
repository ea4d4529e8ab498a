"""A period's changes (`changes --since`, a report's --since): the trail read from git, compared with the file now."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plantrack.history.changes import Changes
    from plantrack.i18n import Msg
    from plantrack.load import Project


def changes_since(path: Path, loaded: Project, since: str, as_of: date) -> tuple[Changes, list[Msg]]:
    """What the period brought, and the notes to print about the history read (shallow clone, …)."""
    from plantrack import discover
    from plantrack.history import changes, trail
    from plantrack.history.facts import FactReader
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    start = trail.Since.parse(since)
    if start is not None and start.day is not None:
        if start.day > as_of:
            raise PlantrackError(
                Msg(
                    f"--since {start.day} is after --as-of {as_of}: the period would end before it starts",
                    f"--since {start.day} 晚于 --as-of {as_of}\uff1a统计期的结束早于开始",
                )
            )
        # A period since a day is what came after it: that day's own changes belong to the last period.
        start = trail.Since(day=start.day + timedelta(days=1))
    found = trail.read(path, discover.display_name(path), start, until=as_of)
    # The file as it is now (uncommitted edits included), unless --as-of looks back in time.
    now = found.end if found.end is not None else FactReader().facts(loaded.plans_src.text) or {}
    start_day = found.start_day - timedelta(days=1) if start and start.day and found.start_day else found.start_day
    result = changes.compute(found.start, now, loaded.schedule, start_day, as_of, found.events)
    return result, list(found.notes)
