"""A period's changes (`changes --since`, a report's --since): the trail read from git, compared with the file now."""

from __future__ import annotations

from datetime import date
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

    found = trail.read(path, discover.display_name(path), trail.Since.parse(since), until=as_of)
    # The file as it is now (uncommitted edits included), unless --as-of looks back in time.
    now = found.end if found.end is not None else FactReader().facts(loaded.plans_src.text) or {}
    result = changes.compute(found.start, now, loaded.schedule, found.start_day, as_of, found.events)
    return result, list(found.notes)
