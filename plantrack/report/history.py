"""Reporters for `plantrack history`, chosen by --format."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import TextIO

from plantrack.history.facts import Event
from plantrack.i18n import t
from plantrack.report.columns import clip, table

Reporter = Callable[[list[Event], str, TextIO], None]
NOTE_WIDTH = 40


def describe(e: Event, lang: str, limit: int | None = NOTE_WIDTH) -> str:
    """One change in words: `done: 2020-06-03`, `due: 2020-09-30 → 2020-09-25`."""
    if e.change == "plan-added":
        return t("plan added", "新增规划", lang) + (f": {e.new}" if e.new else "")
    if e.change == "plan-removed":
        return t("plan removed", "删除规划", lang) + (f": {e.old}" if e.old else "")

    def shown(v: str | None) -> str:
        if v is None:
            return t("(none)", "(无)", lang)
        return clip(v, limit) if limit else v

    if e.old is None:
        return f"{e.change}: {shown(e.new)}"
    if e.new is None:
        return f"{e.change}: {shown(e.old)} → {t('(removed)', '(删除)', lang)}"
    return f"{e.change}: {shown(e.old)} → {shown(e.new)}"


def where(e: Event) -> str:
    return e.plan if e.milestone is None else f"{e.plan}/{e.milestone}"


def text(events: list[Event], lang: str, out: TextIO) -> None:
    if not events:
        out.write(t("no recorded changes\n", "没有记录到变更\n", lang))
        return
    header = [
        t(h, z, lang)
        for h, z in (
            ("DATE", "日期"),
            ("AUTHOR", "作者"),
            ("COMMIT", "提交"),
            ("PLAN/MILESTONE", "规划/节点"),
            ("CHANGE", "变更"),
        )
    ]
    rows = [[str(e.commit.day), e.commit.author, e.commit.short, where(e), describe(e, lang)] for e in events]
    out.write("\n".join(table(header, rows)) + "\n")


def as_json(events: list[Event], lang: str, out: TextIO) -> None:
    doc = {
        "version": 1,
        "as_of": date.today().isoformat(),
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
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


REPORTERS: dict[str, Reporter] = {"table": text, "json": as_json}
