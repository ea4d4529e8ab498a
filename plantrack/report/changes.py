"""Reporters for `plantrack changes`: a table, JSON, and Markdown to paste into a report."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

from plantrack.history.changes import Changes, Item
from plantrack.i18n import t
from plantrack.report.columns import table

Reporter = Callable[[Changes, str, TextIO], None]

# (key, English title, Chinese title, column headers en, zh)
SECTIONS = (
    ("completed", "Milestones completed", "已完成节点", ("DONE", "完成日期")),
    ("moved", "Deadlines moved", "期限调整", ("DUE", "期限")),
    ("added", "Plans added", "新增规划", ("KIND", "类别")),
    ("overdue", "Newly overdue", "新增逾期节点", ("DUE", "期限")),
)


def _recorded(item: Item, lang: str) -> str:
    if item.by is None:
        return t("(not committed)", "(未提交)", lang) if item.days is None else ""
    c = item.by.commit
    return f"{c.day} {c.author} {c.short}"


def _value(key: str, item: Item, lang: str) -> str:
    if key == "moved":
        return f"{item.old} → {item.new}"
    if key == "overdue":
        return f"{item.new} ({item.days} {t('days', '天', lang)})"
    return item.new or ""


def _title(key: str, en: str, zh: str, changes: Changes, lang: str) -> str:
    return f"{t(en, zh, lang)} ({len(getattr(changes, key))})"


def _period(changes: Changes, lang: str) -> str:
    return t(
        f"Changes from {changes.since} to {changes.as_of}", f"规划编制进展({changes.since} 至 {changes.as_of})", lang
    )


def _cells(key: str, item: Item, lang: str) -> list[str]:
    what = item.plan if item.milestone is None else f"{item.plan}/{item.milestone}"
    last = f"{item.owner}" if key == "overdue" else _recorded(item, lang)
    return [what, item.name, _value(key, item, lang), last]


def text(changes: Changes, lang: str, out: TextIO) -> None:
    lines = [_period(changes, lang)]
    for key, en, zh, (col_en, col_zh) in SECTIONS:
        items: list[Item] = getattr(changes, key)
        lines += ["", _title(key, en, zh, changes, lang)]
        if not items:
            continue
        last = ("OWNER", "编制单位") if key == "overdue" else ("RECORDED", "记录")
        header = [
            t("PLAN/MILESTONE", "规划/节点", lang),
            t("NAME", "名称", lang),
            t(col_en, col_zh, lang),
            t(*last, lang),
        ]
        lines += ["  " + ln for ln in table(header, [_cells(key, i, lang) for i in items])]
    out.write("\n".join(lines) + "\n")


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def markdown(changes: Changes, lang: str, out: TextIO) -> None:
    lines = [f"## {_period(changes, lang)}"]
    for key, en, zh, (col_en, col_zh) in SECTIONS:
        items: list[Item] = getattr(changes, key)
        lines += ["", f"### {_title(key, en, zh, changes, lang)}", ""]
        if not items:
            lines.append(t("None.", "无。", lang))
            continue
        last = ("Owner", "编制单位") if key == "overdue" else ("Recorded", "记录")
        header = [
            t("Plan/milestone", "规划/节点", lang),
            t("Name", "名称", lang),
            t(col_en.title(), col_zh, lang),
            t(*last, lang),
        ]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + " --- |" * len(header))
        lines += ["| " + " | ".join(_md(c) for c in _cells(key, i, lang)) + " |" for i in items]
    out.write("\n".join(lines) + "\n")


def _recorded_json(item: Item) -> dict[str, str] | None:
    if item.by is None:
        return None
    c = item.by.commit
    return {"date": c.day.isoformat(), "author": c.author, "commit": c.short}


def as_json(changes: Changes, lang: str, out: TextIO) -> None:
    def base(i: Item) -> dict[str, Any]:
        return {"plan": i.plan, "milestone": i.milestone, "name": i.name, "owner": i.owner}

    doc = {
        "version": 1,
        "as_of": changes.as_of.isoformat(),
        "since": changes.since.isoformat() if changes.since else None,
        "completed": [base(i) | {"done": i.new, "recorded": _recorded_json(i)} for i in changes.completed],
        "deadlines_moved": [
            base(i) | {"from": i.old, "to": i.new, "recorded": _recorded_json(i)} for i in changes.moved
        ],
        "plans_added": [
            {"plan": i.plan, "name": i.name, "owner": i.owner, "kind": i.new, "recorded": _recorded_json(i)}
            for i in changes.added
        ],
        "newly_overdue": [base(i) | {"due": i.new, "days_overdue": i.days} for i in changes.overdue],
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


REPORTERS: dict[str, Reporter] = {"table": text, "json": as_json, "markdown": markdown}
