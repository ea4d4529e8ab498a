"""Options every command shares, and the few steps every command takes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.load import Project
    from plantrack.report.formats import Format, Report


class Lang(str, Enum):
    zh = "zh"
    en = "en"


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("Reference date (default: today).", "基准日期（默认今天）。")),
]
File = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        metavar="PATH",
        help=t(
            "plans.yaml to read (default: found in this folder or a parent).",
            "要读取的 plans.yaml（默认在当前或上级目录查找）。",
        ),
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help=t(
            "Language of messages (default: PLANTRACK_LANG, else the locale).",
            "输出语言（默认取 PLANTRACK_LANG，否则取系统区域设置）。",
        ),
    ),
]


def as_of_date(value: str | None) -> date:
    from plantrack.dates import DateFormatError, parse_ref_date
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if value is None:
        return date.today()
    try:
        return parse_ref_date(value)
    except DateFormatError as e:
        raise PlantrackError(Msg(f"--as-of: {e}", f"--as-of:{e.zh}")) from None


def plans_path(file: Path | None) -> Path:
    from plantrack.discover import find_plans_file

    return file if file is not None else find_plans_file()


def language(lang: Lang | None) -> str:
    from plantrack.i18n import detect

    return detect(lang.value if lang else None)


def load(file: Path | None, lang: str) -> Project:
    """The district, or a one-line error (exit 2) when it cannot be read at all.

    A file that loads with problems is shown as far as it loaded: the weekly
    look should not go dark over one plan's typo. stderr says what was skipped
    and points at `plantrack check`, which lists every problem.
    """
    import sys

    from plantrack import load
    from plantrack.i18n import Msg
    from plantrack.report.safe import clean

    loaded, problems = load.load_or_raise(plans_path(file))
    problems = sorted(problems)
    if problems:
        skipped = ", ".join(sorted(loaded.broken_plans | loaded.broken_units)) or "-"
        # Plans that did not load are still listed, as invalid (数据有误); units are not.
        msg = Msg(
            f"{len(problems)} problem(s) in {problems[0].file}; did not load, listed as invalid (skipped: {skipped}); run `plantrack check`",
            f"{problems[0].file} 有 {len(problems)} 个问题\uff1b未能读取的规划显示为数据有误\uff08跳过\uff1a{skipped}\uff09\uff1b请运行 `plantrack check`",
        )
        print(f"plantrack: {clean(msg(lang))}", file=sys.stderr)  # skipped ids are data
    return loaded


@dataclass(frozen=True)
class Seen:
    """What a view command knows once its common options are resolved."""

    project: Project
    as_of: date
    lang: str


def show(
    build: Callable[[Seen], Report],
    *,
    as_of: str | None,
    file: Path | None,
    lang: Lang | None,
    format: Format,
    width: int | None,
    output: Path | None = None,
) -> Report:
    """Every view command's prologue and epilogue: resolve date and language, load, build, write.

    `build` makes the view and its report; the report is returned so the
    command can read its view for an exit code.
    """
    import sys

    from plantrack.report.formats import write

    when, code = as_of_date(as_of), language(lang)
    report = build(Seen(load(file, code), when, code))
    if output is None:
        write(report, format.value, sys.stdout, width)
    else:
        write_file(report, format.value, output, width)
    return report


def write_file(report: Report, fmt: str, path: Path, width: int | None) -> None:
    """`-o FILE`: the report in UTF-8 whatever the locale; a file that cannot be written is exit 4."""
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.report.formats import write

    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            write(report, fmt, out, width)
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise PlantrackError(
            Msg(f"cannot write {path}: {reason}", f"无法写入 {path}：{reason}"), Exit.CONFLICT
        ) from None
