"""`plantrack report`: the ledger (xlsx), the dashboard (html) or the periodic report (docx)."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import AsOf, File, Lang, as_of_date, language, plans_path
from plantrack.commands.options import Since, UnitOne, Within, output
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.documents.data import ReportData
    from plantrack.models import PlansFile


class DocFormat(str, Enum):
    xlsx = "xlsx"
    html = "html"
    docx = "docx"


Output = Annotated[
    Path | None,
    output(
        "FILE",
        "Write to FILE (required for xlsx and docx; html goes to stdout without it).",
        "写入文件（xlsx、docx 必填；html 不填则输出到标准输出）。",
    ),
]
DocLang = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help=t(
            "Language of the document (default: PLANTRACK_LANG, else Chinese for a district whose names are Chinese).",
            "文档语言（默认取 PLANTRACK_LANG，否则名称为中文的地区用中文）。",
        ),
    ),
]


def report(
    format: Annotated[DocFormat, typer.Option("--format", help=t("Document format.", "文档格式。"))] = DocFormat.html,
    output: Output = None,
    as_of: AsOf = None,
    unit: UnitOne = None,
    since: Since = None,
    within: Within = 14,
    file: File = None,
    lang: DocLang = None,
) -> int:
    """A document to hand to a leader: Excel ledger, HTML dashboard or Word report; Chinese unless told."""
    from plantrack.commands.common import load
    from plantrack.documents.data import gather
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if output is None and format is not DocFormat.html:
        raise PlantrackError(
            Msg(
                f"--format {format.value} needs -o FILE (it is not text)",
                f"--format {format.value} 需要 -o 文件\uff08不是文本格式\uff09",
            )
        )
    when = as_of_date(as_of)
    path = plans_path(file)
    term = language(lang)  # notes on stderr speak the terminal's language
    p = load(file, term)
    code = document_language(lang.value if lang else None, p.plans)
    changes = None
    if since is not None:
        from plantrack.history.period import changes_since

        changes, notes = changes_since(path, p, since, when)
        for note in notes:
            print(f"plantrack: {note(term)}", file=sys.stderr)
    skipped = tuple(sorted(p.broken_plans))
    data = gather(p.plans, p.schedule, when, within, code, unit=unit, changes=changes, skipped=skipped)
    write(format, data, output)
    return 0


def document_language(explicit: str | None, plans: PlansFile) -> str:
    """--lang, else PLANTRACK_LANG, else Chinese for a district whose names are Chinese.

    A document is for the district's readers, not for the terminal's locale.
    """
    if explicit:
        return explicit
    env = os.environ.get("PLANTRACK_LANG", "").lower()[:2]
    if env in ("zh", "en"):
        return env
    names = [plans.name or ""] + [u.name for u in plans.units.values()]
    cjk = any("\u4e00" <= ch <= "\u9fff" for name in names for ch in name)
    return "zh" if cjk or not any(names) else "en"


def write(format: DocFormat, data: ReportData, output: Path | None) -> None:
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    try:
        if format is DocFormat.xlsx:
            from plantrack.documents import xlsx

            assert output is not None
            xlsx.write(data, output)
        elif format is DocFormat.docx:
            import plantrack.documents.docx as docx

            assert output is not None
            docx.write(data, output)
        else:
            from plantrack.documents import html

            text = html.render(data)
            if output is None:
                sys.stdout.write(text)
            else:
                output.write_text(text, encoding="utf-8")
    except OSError as e:
        from plantrack.exitcodes import Exit

        raise PlantrackError(
            Msg(f"cannot write {output}: {e.strerror or e}", f"无法写入 {output}\uff1a{e.strerror or e}"), Exit.CONFLICT
        ) from None
