"""`plantrack overdue`: what is late or nearly so, by owner unit; `--fail` for CI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import AsOf, File, LangOpt, show
from plantrack.commands.options import Format, FormatOpt, KindOpt, Output, UnitOpt, Width, Within
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
        typer.Option(
            "--fail",
            help=t(
                "Exit 1 if anything is overdue, 2 if a plan did not load (for CI).",
                "有逾期节点时以 1 退出，有规划数据有误（未能读取）时以 2 退出（用于 CI）。",
            ),
        ),
    ] = False,
    all_steps: Annotated[
        bool,
        typer.Option(
            "--all",
            help=t(
                "List every overdue or due-soon step (default: one row per plan and responsible unit).",
                "列出每个逾期或临期节点（默认每个规划和责任单位一行）。",
            ),
        ),
    ] = False,
    file: File = None,
    lang: LangOpt = None,
    width: Width = None,
    output: Output = None,
) -> int:
    """Overdue and due-soon milestones, grouped by owner unit, most late first.

    The table shows one row per plan and responsible unit: the earliest overdue
    step and how many more (`--all`: every step). json and csv list every step.
    """
    from plantrack.exitcodes import Exit

    def build(s: Seen) -> Report:
        from plantrack.report import overdue as report
        from plantrack.views import overdue as views

        p = s.project
        view = views.overdue(p.plans, p.schedule, s.as_of, within, unit=unit, kind=kind, unloaded=p.unloaded)
        broken[:] = p.unloaded
        return report.report(view, s.lang, every=all_steps, everything=p.unloaded.values(), units=p.plans.units)

    broken: list[str] = []
    shown = show(build, as_of=as_of, file=file, lang=lang, format=format, width=width, output=output)
    if fail and broken:  # a gate never passes on data it could not read (docs/format.md)
        return Exit.USAGE
    return Exit.RULE_ERRORS if fail and shown.view.any_overdue else Exit.OK
