"""`plantrack status [PLAN]`: where every plan stands, or one plan's milestones."""

from __future__ import annotations

from typing import Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, as_of_date, language
from plantrack.commands.viewkit import Format, FormatOpt, KindOpt, PhaseOpt, UnitOpt, Width, Within
from plantrack.i18n import t


def status(
    plan: Annotated[
        str | None,
        typer.Argument(metavar="PLAN", help=t("A plan id: show its milestones.", "规划编号:显示其各节点。")),
    ] = None,
    as_of: AsOf = None,
    kind: KindOpt = None,
    unit: UnitOpt = None,
    phase: PhaseOpt = None,
    within: Within = 14,
    format: FormatOpt = Format.table,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
) -> int:
    """One row per plan, worst state first; with PLAN, that plan's milestones in order."""
    from plantrack.commands import viewkit
    from plantrack.report import grids_status
    from plantrack.views import status as views

    when, lng = as_of_date(as_of), language(lang)
    p = viewkit.load(file, lng)
    if plan is not None:  # --kind and --unit pick plans; with one plan named they do not apply
        d = views.detail(p.plans, p.schedule, plan, when, within, phase=phase)
        one = views.StatusView(when, within, (d.row,), phase)
        viewkit.emit(
            format, width, lambda: [grids_status.plan_grid(d, lng)], lambda: viewkit.jv().status_doc(one, p.plans)
        )
        return 0
    view = views.status(p.plans, p.schedule, when, within, kind=kind, unit=unit, phase=phase)
    viewkit.emit(
        format, width, lambda: [grids_status.status_grid(view, lng)], lambda: viewkit.jv().status_doc(view, p.plans)
    )
    return 0
