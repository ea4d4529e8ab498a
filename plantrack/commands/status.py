"""`plantrack status [PLAN]`: where every plan stands, or one plan's milestones."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, show
from plantrack.commands.options import Format, FormatOpt, KindOpt, Output, PhaseOpt, UnitOpt, Width, Within
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.commands.common import Seen
    from plantrack.report.formats import Report


def status(
    plan: Annotated[
        str | None,
        typer.Argument(metavar="PLAN", help=t("A plan id: show its milestones.", "规划编号：显示其各节点。")),
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
    output: Output = None,
) -> int:
    """One row per plan, worst state first; with PLAN, that plan's milestones in order."""

    def build(s: Seen) -> Report:
        from plantrack.report import status as report
        from plantrack.views import status as views

        p = s.project
        if plan is not None:  # --kind and --unit pick plans; with one plan named they do not apply
            d = views.detail(p.plans, p.schedule, plan, s.as_of, within, phase=phase, unloaded=p.unloaded)
            return report.detail_report(d, p.plans, s.lang, phase)
        view = views.status(
            p.plans, p.schedule, s.as_of, within, kind=kind, unit=unit, phase=phase, unloaded=p.unloaded
        )
        duties = None
        if p.schedule.duties:  # duties belong to no plan kind or phase: --kind/--phase show none
            from plantrack.views.common import make_filter
            from plantrack.views.duties import selected

            only = make_filter(p.plans, p.schedule, None, unit).units
            found = selected(p.plans, p.schedule, s.as_of, within)
            duties = [] if kind or phase else [o for o in found if only is None or o.unit in only]
        return report.report(view, p.plans, s.lang, p.unloaded.values(), duties)

    show(build, as_of=as_of, file=file, lang=lang, format=format, width=width, output=output)
    return 0
