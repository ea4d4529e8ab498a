"""`plantrack history`: every recorded change of plans.yaml, from git."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import File, LangOpt, language, plans_path
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.i18n import Msg


class Format(str, Enum):
    table = "table"
    json = "json"


Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE|REV",
        help=t(
            "Only changes from this date (YYYY-MM-DD) or after this revision.",
            "只看此日期(YYYY-MM-DD)起或此版本之后的变更。",
        ),
    ),
]


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
    format: Annotated[Format, typer.Option("--format", help=t("Output format.", "输出格式。"))] = Format.table,
    file: File = None,
    lang: LangOpt = None,
) -> int:
    """Show each change of a milestone's due, done or note, and each plan added or removed."""
    from plantrack import audit
    from plantrack import history as hist
    from plantrack.discover import display_name
    from plantrack.report.history import REPORTERS

    code = language(lang)
    path = plans_path(file)
    trail = audit.read(path, display_name(path), audit.Since.parse(since))
    plan, _, milestone = (target or "").partition("/")
    if plan:
        audit.check_target(path, trail, plan, milestone or None)
    print_notes(trail.notes, code)
    REPORTERS[format.value](hist.select(trail.events, plan or None, milestone or None), code, sys.stdout)
    return 0
