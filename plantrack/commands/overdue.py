"""`plantrack overdue`: what is late or nearly so, by owner unit; `--fail` for CI."""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language
from plantrack.commands.viewkit import Format, FormatOpt, KindOpt, UnitOpt, Width, Within
from plantrack.i18n import t


def overdue(
    as_of: AsOf = None,
    within: Within = 14,
    unit: UnitOpt = None,
    kind: KindOpt = None,
    format: FormatOpt = Format.table,
    fail: Annotated[
        bool,
        typer.Option("--fail", help=t("Exit 1 if anything is overdue (for CI).", "有逾期节点时以 1 退出(用于 CI)。")),
    ] = False,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
) -> int:
    """Overdue and due-soon milestones, grouped by owner unit, most late first."""
    from plantrack.commands import viewkit
    from plantrack.exitcodes import Exit
    from plantrack.report import grids_units
    from plantrack.views import overdue as views

    when, lng = as_of_date(as_of), language(lang)
    p = viewkit.load(file, lng)
    view = views.overdue(p.plans, p.schedule, when, within, unit=unit, kind=kind)
    viewkit.emit(format, width, lambda: [grids_units.overdue_grid(view, lng)], lambda: viewkit.jv().overdue_doc(view))
    return Exit.RULE_ERRORS if fail and view.any_overdue else Exit.OK
