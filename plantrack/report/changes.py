"""`plantrack changes` as a Report: a table, Markdown to paste into a report, csv and JSON.

The table and markdown are laid out here (a period heading, one section per
kind of change); csv and json are the registry's.
"""

from __future__ import annotations

from typing import Any, TextIO

from plantrack import vocab
from plantrack.history.changes import Changes, Item
from plantrack.i18n import t
from plantrack.report.formats import Report, head, md
from plantrack.report.grid import Cell, Column, Grid, columns
from plantrack.report.safe import clean

# (key, English title, Chinese title, column headers en, zh)
SECTIONS = (
    ("completed", "Milestones completed", "已完成节点", ("DONE", "完成日期")),
    ("moved", "Deadlines moved", "期限调整", ("DUE", "期限")),
    ("added", "Plans added", "新增规划", ("KIND", "类别")),
    ("overdue", "Newly overdue", "新增逾期节点", ("DUE", "期限")),
)


def _recorded(item: Item, lang: str) -> str:
    if item.by is None:
        return t("(not committed)", "（未提交）", lang) if item.days is None else ""
    c = item.by.commit
    return f"{c.day} {c.author} {c.short}"


def _value(key: str, item: Item, lang: str) -> str:
    if key == "moved":
        return f"{item.old} → {item.new}"
    if key == "overdue":
        return t(f"{item.new} ({item.days} days)", f"{item.new}\uff08{item.days} 天\uff09", lang)
    if key == "added" and item.new:
        return vocab.kind(item.new, "zh") if lang == "zh" else item.new  # English keeps the id
    return item.new or ""


def _period(changes: Changes, lang: str) -> str:
    return t(
        f"Changes from {changes.since} to {changes.as_of}",
        f"规划编制进展\uff08{changes.since} 至 {changes.as_of}\uff09",
        lang,
    )


def _cells(key: str, item: Item, lang: str) -> list[str]:
    what = item.plan if item.milestone is None else f"{item.plan}/{item.milestone}"
    last = f"{item.owner}" if key == "overdue" else _recorded(item, lang)
    return [what, item.name, _value(key, item, lang), last]


def _header(key: str, col: tuple[str, str], lang: str, *, title_case: bool) -> list[str]:
    """The table's headers are capitals (`PLAN/MILESTONE`), markdown's are words (`Plan/milestone`)."""
    last = ("OWNER", "编制单位") if key == "overdue" else ("RECORDED", "记录")
    pairs = [("PLAN/MILESTONE", "规划/节点"), ("NAME", "名称"), col, last]
    return [t(en.capitalize() if title_case else en, zh, lang) for en, zh in pairs]


def grids(changes: Changes, lang: str) -> list[Grid]:
    """One grid per section, titled with its count; the first carries the period."""
    out = []
    for n, (key, en, zh, col) in enumerate(SECTIONS):
        items: list[Item] = getattr(changes, key)
        out.append(
            Grid(
                tuple(Column(h) for h in _header(key, col, lang, title_case=False)),
                tuple(tuple(Cell(c) for c in _cells(key, i, lang)) for i in items),
                title=t(f"{en} ({len(items)})", f"{zh}\uff08{len(items)}\uff09", lang),
                preamble=() if n else (_period(changes, lang),),
                empty=t("None.", "无。", lang),
            )
        )
    return out


def text(changes: Changes, lang: str, out: TextIO) -> None:
    lines = [clean(_period(changes, lang))]
    for g in grids(changes, lang):
        lines += ["", g.title]
        if g.rows:
            rows = [[clean(c.text) for c in row] for row in g.rows]
            lines += ["  " + ln for ln in columns([c.header for c in g.columns], rows)]
    out.write("\n".join(lines) + "\n")


def markdown(changes: Changes, lang: str, out: TextIO) -> None:
    lines = [f"## {md(_period(changes, lang))}"]
    for (key, _en, _zh, col), g in zip(SECTIONS, grids(changes, lang), strict=True):
        lines += ["", f"### {md(g.title)}", ""]
        if not g.rows:
            lines.append(g.empty)
            continue
        lines.append("| " + " | ".join(_header(key, col, lang, title_case=True)) + " |")
        lines.append("|" + " --- |" * len(g.columns))
        lines += ["| " + " | ".join(md(c.text) for c in row) + " |" for row in g.rows]
    out.write("\n".join(lines) + "\n")


def _recorded_json(item: Item) -> dict[str, str] | None:
    if item.by is None:
        return None
    c = item.by.commit
    return {"date": c.day.isoformat(), "author": c.author, "commit": c.short}


def changes_doc(changes: Changes) -> dict[str, Any]:
    def base(i: Item) -> dict[str, Any]:
        return {"plan": i.plan, "milestone": i.milestone, "name": i.name, "owner": i.owner}

    return {
        **head(changes.as_of),
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


def report(changes: Changes, lang: str) -> Report:
    return Report(
        lambda: grids(changes, lang),
        lambda: changes_doc(changes),
        changes,
        {
            "table": lambda _r, out, _w: text(changes, lang, out),
            "markdown": lambda _r, out, _w: markdown(changes, lang, out),
        },
    )
