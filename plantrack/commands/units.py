"""`plantrack units [UNIT]`: per unit, what it owns and owes (督促检查)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, show
from plantrack.commands.options import Format, FormatOpt, Output, Width, Within
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.commands.common import Seen
    from plantrack.report.formats import Report


def units(
    unit: Annotated[
        str | None,
        typer.Argument(
            metavar="UNIT",
            help=t("A unit id or name: show its plans and milestones.", "单位编号或名称：显示其规划和节点。"),
        ),
    ] = None,
    as_of: AsOf = None,
    within: Within = 14,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
    output: Output = None,
) -> int:
    """Every unit that owns plans: open and overdue milestones, next deadline; or one unit in full."""

    def build(s: Seen) -> Report:
        from plantrack.report import units as report
        from plantrack.views import units as views

        p = s.project
        if unit is not None:
            row = views.unit(p.plans, p.schedule, unit, s.as_of, within, p.unloaded)
            return report.unit_report(row, s.as_of, within, p.plans, s.lang, p.unloaded.values())
        view = views.units(p.plans, p.schedule, s.as_of, within, p.unloaded)
        return report.report(view, s.lang, p.unloaded.values())

    show(build, as_of=as_of, file=file, lang=lang, format=format, width=width, output=output)
    return 0
