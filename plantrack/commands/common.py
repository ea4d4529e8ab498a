"""Options every command shares, and the few steps every command takes."""

from __future__ import annotations

from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from plantrack.i18n import t


class Lang(str, Enum):
    zh = "zh"
    en = "en"


AsOf = Annotated[
    str | None,
    typer.Option("--as-of", metavar="YYYY-MM-DD", help=t("Reference date (default: today).", "基准日期(默认今天)。")),
]
File = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        metavar="PATH",
        help=t(
            "plans.yaml to read (default: found in this folder or a parent).",
            "要读取的 plans.yaml(默认在当前或上级目录查找)。",
        ),
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help=t(
            "Language of messages (default: PLANTRACK_LANG, else the locale).",
            "输出语言(默认取 PLANTRACK_LANG,否则取系统区域设置)。",
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
