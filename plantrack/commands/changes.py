"""`plantrack changes`: what changed in a period, for the office's regular summary (R12)."""

from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language, plans_path
from plantrack.commands.history import print_notes
from plantrack.i18n import t


class Format(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


def changes(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            metavar="DATE|REV",
            help=t(
                "The period starts at this date (YYYY-MM-DD) or after this revision.",
                "统计期自此日期(YYYY-MM-DD)或此版本之后开始。",
            ),
        ),
    ],
    as_of: AsOf = None,
    format: Annotated[Format, typer.Option("--format", help=t("Output format.", "输出格式。"))] = Format.table,
    file: File = None,
    lang: LangOpt = None,
) -> int:
    """Milestones completed, deadlines moved, plans added and milestones newly overdue."""
    from plantrack import audit, discover, load
    from plantrack import changes as changes_mod
    from plantrack.history import FactReader
    from plantrack.report.changes import REPORTERS

    code = language(lang)
    when = as_of_date(as_of)
    path = plans_path(file)
    loaded, _ = load.load_or_raise(path)
    trail = audit.read(path, discover.display_name(path), audit.Since.parse(since), until=when)
    # The file as it is now (uncommitted edits included), unless --as-of looks back in time.
    now = trail.end if trail.end is not None else FactReader().facts(loaded.plans_src.text) or {}
    result = changes_mod.compute(trail.start, now, loaded.schedule, trail.start_day, when, trail.events)
    print_notes(trail.notes, code)
    REPORTERS[format.value](result, code, sys.stdout)
    return 0
