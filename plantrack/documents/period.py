"""`--since`: the period's changes, through the one adapter onto the history API.

The only place documents touch git history, so that when history moves
(plantrack/history/) one import changes here.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from plantrack.changes import Changes
    from plantrack.i18n import Msg
    from plantrack.project import Project


def changes_since(path: Path, loaded: Project, since: str, as_of: date) -> tuple[Changes, list[Msg]]:
    """What `plantrack changes --since` reports, and the notes it would print (shallow clone, …)."""
    from plantrack import audit, changes, project
    from plantrack.history import FactReader

    trail = audit.read(path, project.display_name(path), audit.Since.parse(since), until=as_of)
    # The file as it is now (uncommitted edits included), unless --as-of looks back in time.
    now = trail.end if trail.end is not None else FactReader().facts(loaded.plans_src.text) or {}
    result = changes.compute(trail.start, now, loaded.schedule, trail.start_day, as_of, trail.events)
    return result, trail.notes
