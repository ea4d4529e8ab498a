"""`plantrack overdue`: what is late or nearly so, by owner unit; `--fail` for CI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, show
from plantrack.commands.options import Format, FormatOpt, KindOpt, UnitOpt, Width, Within
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.commands.common import Seen
    from plantrack.report.formats import Report


def overdue(
    as_of: AsOf = None,
    within: Within = 14,
    unit: UnitOpt = None,
    kind: KindOpt = None,
    format: FormatOpt = Format.table,
    fail: Annotated[
        bool,
        typer.Option("--fail", help=t("Exit 1 if anything is overdue (for CI).", "有逾期节点时以 1 退出（用于 CI）。")),
    ] = False,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
) -> int:
    """Overdue and due-soon milestones, grouped by owner unit, most late first."""
    from plantrack.exitcodes import Exit

    def build(s: Seen) -> Report:
        from plantrack.report import overdue as report
        from plantrack.views import overdue as views

        p = s.project
        return report.report(views.overdue(p.plans, p.schedule, s.as_of, within, unit=unit, kind=kind), s.lang)

    shown = show(build, as_of=as_of, file=file, lang=lang, format=format, width=width)
    return Exit.RULE_ERRORS if fail and shown.view.any_overdue else Exit.OK
