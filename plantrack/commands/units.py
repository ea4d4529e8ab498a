"""`plantrack units [UNIT]`: per unit, what it owns and owes (督促检查)."""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language
from plantrack.commands.viewkit import Format, FormatOpt, Width, Within
from plantrack.i18n import t


def units(
    unit: Annotated[
        str | None,
        typer.Argument(
            metavar="UNIT",
            help=t("A unit id or name: show its plans and milestones.", "单位编号或名称:显示其规划和节点。"),
        ),
    ] = None,
    as_of: AsOf = None,
    within: Within = 14,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
) -> int:
    """Every unit that owns plans: open and overdue milestones, next deadline; or one unit in full."""
    from plantrack.commands import viewkit
    from plantrack.report import grids_units
    from plantrack.views import units as views

    when, lng = as_of_date(as_of), language(lang)
    p = viewkit.load(file, lng)
    if unit is not None:
        row = views.unit(p.plans, p.schedule, unit, when, within)
        viewkit.emit(
            format,
            width,
            lambda: grids_units.unit_grids(row, when, within, lng),
            lambda: viewkit.jv().unit_doc(row, when, within, p.plans),
        )
        return 0
    view = views.units(p.plans, p.schedule, when, within)
    viewkit.emit(format, width, lambda: [grids_units.units_grid(view, lng)], lambda: viewkit.jv().units_doc(view))
    return 0
