"""`plantrack notice [UNIT…]`: one supervision notice (督办单) per unit with anything overdue or due soon."""

from __future__ import annotations

import re
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands import options
from plantrack.commands.common import AsOf, File, as_of_date, language
from plantrack.commands.options import Within
from plantrack.commands.report import DocLang, document_language
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.report.notice import Block


class NoticeFormat(str, Enum):
    text = "text"
    md = "md"
    docx = "docx"


SUFFIX = {NoticeFormat.text: ".txt", NoticeFormat.md: ".md", NoticeFormat.docx: ".docx"}
# A file name from a unit id: nothing that could leave the folder or trouble a shell.
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def notice(
    units: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[UNIT]...", help=t("Only these units (ids or names).", "只为这些单位（编号或名称）出督办单。")
        ),
    ] = None,
    format: Annotated[
        NoticeFormat, typer.Option("--format", help=t("Notice format.", "督办单格式。"))
    ] = NoticeFormat.text,
    output: Annotated[
        Path | None,
        options.output(
            "DIR", "Write one file per unit into DIR (required for docx).", "每个单位一个文件，写入 DIR（docx 必填）。"
        ),
    ] = None,
    as_of: AsOf = None,
    within: Within = 14,
    reply_in: Annotated[
        int,
        typer.Option("--reply-in", min=1, metavar="DAYS", help=t("Days the unit has to reply.", "反馈期限（天）。")),
    ] = 7,
    file: File = None,
    lang: DocLang = None,
) -> int:
    """Per-unit notices: overdue and due-soon milestones and duties, deadlines, days late, contact, reply-by date."""
    from plantrack.commands.common import load
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.report import notice as render
    from plantrack.views import notice as views
    from plantrack.views.common import pick_unit

    if output is None and format is NoticeFormat.docx:
        raise PlantrackError(
            Msg("--format docx needs -o DIR (it is not text)", "--format docx 需要 -o 目录\uff08不是文本格式\uff09")
        )
    when = as_of_date(as_of)
    p = load(file, language(None))
    code = document_language(lang.value if lang else None, p.plans)
    found = views.notices(p.plans, p.schedule, when, within, units or (), reply_in)
    for uid in sorted({pick_unit(p.plans, u) for u in units or ()} - {n.unit for n in found}):
        quiet = Msg(f"{uid}: nothing overdue or due soon", f"{uid}\uff1a没有逾期或临期事项")
        print(f"plantrack: {quiet(code)}", file=sys.stderr)
    sender, contact = views.sender(p.plans), views.sender_contact(p.plans)
    letters = [(n.unit, render.letter(n, p.plans, p.schedule.name, sender, contact, code)) for n in found]
    if output is None:
        sep = "\n" + "\u2014" * 20 + "\n\n" if format is NoticeFormat.text else "\n---\n\n"
        write = render.text if format is NoticeFormat.text else render.markdown
        sys.stdout.write(sep.join(write(blocks) for _, blocks in letters))
        return 0
    _write_files(letters, format, output)
    return 0


def _write_files(letters: list[tuple[str, list[Block]]], format: NoticeFormat, folder: Path) -> None:
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError
    from plantrack.report import notice as render

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for uid, blocks in letters:
            path = folder / (_UNSAFE.sub("_", uid) + SUFFIX[format])
            if format is NoticeFormat.docx:
                from plantrack.documents import notice_docx

                notice_docx.write(blocks, path)
            else:
                text = render.text(blocks) if format is NoticeFormat.text else render.markdown(blocks)
                path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise PlantrackError(
            Msg(f"cannot write into {folder}: {e.strerror or e}", f"无法写入 {folder}\uff1a{e.strerror or e}"),
            Exit.CONFLICT,
        ) from None
