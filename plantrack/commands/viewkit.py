"""What the view commands (status, overdue, units, timeline) share: options, loading, output."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from plantrack.commands.common import plans_path
from plantrack.i18n import t

if TYPE_CHECKING:
    from rich.console import Console

    from plantrack.load import Project
    from plantrack.report.grid import Grid


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


FormatOpt = Annotated[Format, typer.Option("--format", help=t("Output format.", "输出格式。"))]
Within = Annotated[
    int,
    typer.Option(
        "--within",
        min=0,
        metavar="DAYS",
        help=t("Due-soon window in days.", "临期预警天数:在此天数内到期的未完成节点为临期。"),
    ),
]
KindOpt = Annotated[
    str | None, typer.Option("--kind", metavar="KIND", help=t("Only plans of this kind.", "只看此类型的规划。"))
]
UnitOpt = Annotated[
    str | None,
    typer.Option(
        "--unit",
        metavar="UNIT",
        help=t("Only plans this unit owns (id or name).", "只看此单位牵头的规划(编号或名称)。"),
    ),
]
PhaseOpt = Annotated[
    str | None,
    typer.Option(
        "--phase",
        metavar="PHASE",
        help=t("Only milestones due in this phase of the schedule.", "只看期限落在工作方案此阶段内的节点。"),
    ),
]
# Hidden: tests and scripts fix the width; people get their terminal's.
Width = Annotated[int | None, typer.Option("--width", hidden=True, min=40)]


def load(file: Path | None, lang: str) -> Project:
    """The district, or a one-line error (exit 2) when it cannot be read at all.

    A file that loads with problems is shown as far as it loaded: the weekly
    look should not go dark over one plan's typo. stderr says what was skipped
    and points at `plantrack check`, which lists every problem.
    """
    from plantrack import load
    from plantrack.i18n import Msg

    loaded, problems = load.load_or_raise(plans_path(file))
    problems = sorted(problems)
    if problems:
        skipped = ", ".join(sorted(loaded.broken_plans | loaded.broken_units)) or "-"
        msg = Msg(
            f"{len(problems)} problem(s) in {problems[0].file}; showing what loaded (skipped: {skipped}); run `plantrack check`",
            f"{problems[0].file} 有 {len(problems)} 个问题\uff1b仅显示能读取的部分\uff08跳过\uff1a{skipped}\uff09\uff1b请运行 `plantrack check`",
        )
        print(f"plantrack: {msg(lang)}", file=sys.stderr)
    return loaded


def console(width: int | None) -> Console:
    """A Console on stdout: colour only for a terminal without NO_COLOR, width of the terminal."""
    import shutil

    from rich.console import Console

    from plantrack import color

    on = color.enabled(sys.stdout)
    return Console(
        file=sys.stdout,
        width=width or shutil.get_terminal_size((100, 24)).columns,
        color_system=("auto" if sys.stdout.isatty() else "standard") if on else None,
        force_terminal=on,
        no_color=not on,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def jv() -> ModuleType:
    """plantrack.report.json_views, imported when a JSON document is asked for, not before."""
    from plantrack.report import json_views

    return json_views


def emit(
    fmt: Format,
    width: int | None,
    grids: Callable[[], Sequence[Grid]],
    doc: Callable[[], dict[str, Any]],
) -> None:
    """Write a view in the chosen format; only the table path imports rich."""
    out = sys.stdout
    if fmt is Format.json:
        from plantrack.report.json_views import write

        write(doc(), out)
    elif fmt is Format.csv:
        from plantrack.report.plain import write_csv

        write_csv(grids(), out)
    elif fmt is Format.markdown:
        from plantrack.report.plain import write_markdown

        write_markdown(grids(), out)
    else:
        from plantrack.report.tables import render

        render(grids(), console(width))
