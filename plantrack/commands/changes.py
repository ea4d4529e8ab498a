"""`plantrack changes`: what changed in a period, for the office's regular summary (R12)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language, plans_path
from plantrack.commands.history import print_notes
from plantrack.commands.options import Format, FormatOpt
from plantrack.i18n import t


def changes(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            metavar="DATE|REV",
            help=t(
                "The period starts at this date (YYYY-MM-DD) or after this revision.",
                "统计期自此日期（YYYY-MM-DD）或此版本之后开始。",
            ),
        ),
    ],
    as_of: AsOf = None,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
) -> int:
    """Milestones completed, deadlines moved, plans added and milestones newly overdue."""
    from plantrack import load
    from plantrack.history.period import changes_since
    from plantrack.report import changes as report
    from plantrack.report.formats import write

    code = language(lang)
    when = as_of_date(as_of)
    path = plans_path(file)
    loaded, _ = load.load_or_raise(path)
    result, notes = changes_since(path, loaded, since, when)
    print_notes(notes, code)
    write(report.report(result, code), format.value, sys.stdout)
    return 0
