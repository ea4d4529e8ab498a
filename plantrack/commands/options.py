"""The options commands share, each written once: filters, window, width, format, since.

`--as-of`, `--file` and `--lang` are in commands/common.py, with the steps
that resolve them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from plantrack.i18n import t
from plantrack.report.formats import Format

__all__ = ["Format", "FormatOpt", "KindOpt", "Output", "PhaseOpt", "Since", "UnitOne", "UnitOpt", "Width", "Within"]

FormatOpt = Annotated[Format, typer.Option("--format", help=t("Output format.", "输出格式。"))]
Within = Annotated[
    int,
    typer.Option(
        "--within",
        min=0,
        metavar="DAYS",
        help=t("Due-soon window in days.", "临期预警天数：在此天数内到期的未完成节点为临期。"),
    ),
]


def _only(flag: str, metavar: str, en: str, zh: str) -> Any:
    """A filter: an optional value that narrows what a view shows."""
    return typer.Option(flag, metavar=metavar, help=t(en, zh))


KindOpt = Annotated[
    list[str] | None,
    _only(
        "--kind",
        "KIND",
        "Only plans of this kind (id or label, e.g. special or 专项); repeat for several.",
        "只看此类型的规划（编号或名称，如 special 或 专项）；可重复指定多个。",
    ),
]
UnitOpt = Annotated[
    list[str] | None,
    _only(
        "--unit",
        "UNIT",
        "Only plans this unit owns (id, name or part of a name); repeat for several.",
        "只看此单位牵头的规划（编号、名称或名称的一部分）；可重复指定多个。",
    ),
]
# One unit, for what is written for one unit (a report): its filter does not repeat.
UnitOne = Annotated[
    str | None,
    _only("--unit", "UNIT", "Only plans this unit owns (id or name).", "只看此单位牵头的规划（编号或名称）。"),
]
PhaseOpt = Annotated[
    str | None,
    _only(
        "--phase", "PHASE", "Only milestones due in this phase of the schedule.", "只看期限落在工作方案此阶段内的节点。"
    ),
]
# Hidden: tests and scripts fix the width; people get their terminal's.
Width = Annotated[int | None, typer.Option("--width", hidden=True, min=40)]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE|REV",
        help=t(
            "Only changes from this date (YYYY-MM-DD) or after this revision.",
            "只看此日期（YYYY-MM-DD）起或此版本之后的变更。",
        ),
    ),
]


def output(metavar: str, en: str, zh: str) -> Any:
    """`-o/--output`: every command that writes a file names it the same way; only what it writes differs."""
    return typer.Option("--output", "-o", metavar=metavar, help=t(en, zh))


Output = Annotated[
    Path | None,
    output(
        "FILE",
        "Write to FILE (UTF-8; csv with a BOM, for Excel) instead of the screen.",
        "写入文件 FILE（UTF-8；csv 带 BOM，便于 Excel 打开），而不是显示在屏幕上。",
    ),
]
