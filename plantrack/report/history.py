"""`plantrack history` as a Report: a grid of changes, a JSON document, and a fast plain table.

A history can run to thousands of rows and a rich table costs about 0.6 ms a
row (PERFORMANCE.md), so the table format is plain aligned columns
(`grid.columns`); csv, markdown and json are the registry's.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from plantrack.history.facts import Event
from plantrack.i18n import COLON, t
from plantrack.report.formats import Report, head
from plantrack.report.grid import Cell, Column, Grid, clip
from plantrack.report.layout import plain, terminal_width
from plantrack.report.safe import clean

NOTE_WIDTH = 40
# (en, zh, column spec): the date and where name a change; the author and the change may wrap.
HEADERS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("DATE", "日期", {"key": True}),
    ("AUTHOR", "作者", {"wrap": True, "min_width": 8}),
    ("COMMIT", "提交", {}),
    ("PLAN/MILESTONE", "规划/节点", {"key": True}),
    ("CHANGE", "变更", {"wrap": True, "min_width": 20}),
)


# The milestone fields a change is to, as the Chinese tables name them.
FIELDS_ZH = {"due": "期限", "done": "完成日期", "note": "备注"}


def describe(e: Event, lang: str, limit: int | None = NOTE_WIDTH) -> str:
    """One change in words: `done: 2020-06-03`, `due: 2020-09-30 → 2020-09-25`."""
    if e.change == "plan-added":
        return t("plan added", "新增规划", lang) + (
            (f": {e.new}" if lang != "zh" else f"{COLON}{e.new}") if e.new else ""
        )
    if e.change == "plan-removed":
        return t("plan removed", "删除规划", lang) + (f": {e.old}" if e.old else "")

    def shown(v: str | None) -> str:
        if v is None:
            return t("(none)", "（无）", lang)
        return clip(v, limit) if limit else v

    field = FIELDS_ZH.get(e.change, e.change) + "\uff1a" if lang == "zh" else f"{e.change}: "
    if e.old is None:
        return f"{field}{shown(e.new)}"
    if e.new is None:
        return f"{field}{shown(e.old)} → {t('(removed)', '（删除）', lang)}"
    return f"{field}{shown(e.old)} → {shown(e.new)}"


def where(e: Event) -> str:
    return e.plan if e.milestone is None else f"{e.plan}/{e.milestone}"


def grid(events: list[Event], lang: str) -> Grid:
    rows = tuple(
        tuple(Cell(c) for c in (str(e.commit.day), e.commit.author, e.commit.short, where(e), describe(e, lang)))
        for e in events
    )
    return Grid(
        tuple(Column(t(en, zh, lang), **spec) for en, zh, spec in HEADERS),
        rows,
        empty=t("no recorded changes", "没有记录到变更", lang),
    )


def history_doc(events: list[Event]) -> dict[str, Any]:
    return {
        **head(date.today()),
        "items": [
            {
                "date": e.commit.day.isoformat(),
                "author": e.commit.author,
                "email": e.commit.email,
                "commit": e.commit.short,
                "plan": e.plan,
                "milestone": e.milestone,
                "change": e.change,
                "old": e.old,
                "new": e.new,
            }
            for e in events
        ],
    }


def write_plain(g: Grid, out: TextIO, width: int | None) -> None:
    """The grid as aligned columns without rich, fitted to the terminal; its `empty` line when it has no rows."""
    if not g.rows:
        out.write(clean(g.empty) + "\n")
        return
    out.write("\n".join(plain(g, terminal_width(width))) + "\n")


def report(events: list[Event], lang: str) -> Report:
    g = grid(events, lang)
    return Report(
        lambda: [g], lambda: history_doc(events), events, {"table": lambda _r, out, w: write_plain(g, out, w)}
    )
