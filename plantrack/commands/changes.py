"""`plantrack changes`: what changed in a period, for the office's regular summary (R12)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language, plans_path
from plantrack.commands.history import print_notes
from plantrack.commands.options import Format, FormatOpt, Output, Width
from plantrack.i18n import t


def changes(
    since: Annotated[
        str,
        typer.Option(
            "--since",
            metavar="DATE|REV",
            help=t(
                "The period starts after this date (YYYY-MM-DD: that day's own changes are not in it) "
                "or after this revision; it ends at --as-of.",
                "统计期自此日期（YYYY-MM-DD，不含当天的变更）或此版本之后开始，至 --as-of 为止。",
            ),
        ),
    ],
    as_of: AsOf = None,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
    output: Output = None,
) -> int:
    """A period's summary by unit: milestones done, newly late, extensions, deadlines moved, plans added, notes and log.

    The period runs from the end of the --since day (or after the revision) to
    --as-of; --since after --as-of is refused (exit 2).
    """
    from plantrack import load
    from plantrack.commands.common import write_file
    from plantrack.history.period import changes_since
    from plantrack.report import changes as report
    from plantrack.report.formats import write

    code = language(lang)
    when = as_of_date(as_of)
    path = plans_path(file)
    loaded, _ = load.load_or_raise(path)
    result, notes = changes_since(path, loaded, since, when)
    print_notes(notes, code)
    shown = report.report(result, code, loaded.plans.units)
    if output is None:
        write(shown, format.value, sys.stdout, width)
    else:
        write_file(shown, format.value, output, width)
    return 0
