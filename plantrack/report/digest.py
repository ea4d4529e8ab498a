"""The digest as plain text or markdown, for a mail from cron or a CI schedule. Nothing when it is empty."""

from __future__ import annotations

from typing import TYPE_CHECKING

from plantrack.i18n import COLON, COMMA, LPAREN, RPAREN, Msg
from plantrack.report.notice import day, duty_line, item_line
from plantrack.report.safe import clean

if TYPE_CHECKING:
    from plantrack.views.digest import Digest, Entry, UnitDigest

NEW = Msg("newly overdue", "新逾期")
SOON = Msg("due soon", "将到期")


def _line(e: Entry, unit: str, names: dict[str, str], lang: str) -> str:
    from plantrack.views.overdue import Item

    return item_line(e, unit, names, lang) if isinstance(e, Item) else duty_line(e, lang)


def heading(d: Digest, lang: str) -> tuple[str, str]:
    new = sum(len(u.overdue) for u in d.units)
    soon = sum(len(u.soon) for u in d.units)
    title = Msg(
        f"Plan compilation digest, {day(d.as_of, 'en')}",
        f"规划编制督办摘要{LPAREN}{day(d.as_of, 'zh')}{RPAREN}",
    )(lang)
    counts = Msg(
        f"Newly overdue since {day(d.since, 'en')}: {new}; due within {d.within} days: {soon}.",
        f"自{day(d.since, 'zh')}以来新逾期{COLON}{new} 项{COMMA}{d.within} 天内到期{COLON}{soon} 项。",
    )(lang)
    return title, counts


def _rows(u: UnitDigest, names: dict[str, str], lang: str) -> list[tuple[str, str]]:
    return [(NEW(lang), _line(e, u.unit, names, lang)) for e in u.overdue] + [
        (SOON(lang), _line(e, u.unit, names, lang)) for e in u.soon
    ]


def text(d: Digest, names: dict[str, str], lang: str) -> str:
    if d.empty:
        return ""
    title, counts = heading(d, lang)
    lines = [title, counts]
    for u in d.units:
        lines += ["", clean(u.name)]
        lines += [f"  [{tag}] {line}" for tag, line in _rows(u, names, lang)]
    return "\n".join(lines) + "\n"


def markdown(d: Digest, names: dict[str, str], lang: str) -> str:
    from plantrack.report.formats import md

    if d.empty:
        return ""
    title, counts = heading(d, lang)
    lines = [f"# {md(title)}", "", md(counts)]
    for u in d.units:
        lines += ["", f"## {md(u.name)}", ""]
        lines += [f"- **{tag}** {md(line)}" for tag, line in _rows(u, names, lang)]
    return "\n".join(lines) + "\n"
