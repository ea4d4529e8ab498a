"""`plantrack history`: every recorded change of plans.yaml, from git."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import File, LangOpt, language, plans_path
from plantrack.commands.options import Format, FormatOpt, Since
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.i18n import Msg


def print_notes(notes: Sequence[Msg], lang: str) -> None:
    """What the user should know about the history read (shallow clone, detached HEAD)."""
    for note in notes:
        print(f"plantrack: {t('note', '提示', lang)}: {note(lang)}", file=sys.stderr)


def history(
    target: Annotated[
        str | None,
        typer.Argument(metavar="PLAN[/MILESTONE]", help=t("Only this plan or milestone.", "只看此规划或节点。")),
    ] = None,
    since: Since = None,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
) -> int:
    """Show each change of a milestone's due, done or note, and each plan added or removed."""
    from plantrack import audit
    from plantrack import history as hist
    from plantrack.project import display_name
    from plantrack.report import history as report
    from plantrack.report.formats import write

    code = language(lang)
    path = plans_path(file)
    trail = audit.read(path, display_name(path), audit.Since.parse(since))
    plan, _, milestone = (target or "").partition("/")
    if plan:
        audit.check_target(path, trail, plan, milestone or None)
    print_notes(trail.notes, code)
    events = hist.select(trail.events, plan or None, milestone or None)
    write(report.report(events, code), format.value, sys.stdout)
    return 0
